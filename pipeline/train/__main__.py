from pathlib import Path

from pipeline.core.cli import run_cli, stage_parser
from pipeline.train.stage import run

parser = stage_parser("train", "Fine-tune the base model on the tokenized data.")
parser.add_argument("--data", type=Path, default=Path("data/tokenized"), help="tokenized dataset folder (default: %(default)s)")
parser.add_argument("--out", type=Path, default=Path("models/finetuned"), help="output model folder (default: %(default)s)")
parser.add_argument("--logs", type=Path, default=Path("reports/train"), help="dvclive metrics and plots folder (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.model, params.train, args.data, args.out, args.logs))
