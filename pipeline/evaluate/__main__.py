from pathlib import Path

from pipeline.core.cli import run_cli, stage_parser
from pipeline.evaluate.stage import run

parser = stage_parser("evaluate", "Compare the base and fine-tuned models on the test split.")
parser.add_argument("--data", type=Path, default=Path("data/tokenized"), help="tokenized dataset folder (default: %(default)s)")
parser.add_argument("--model", type=Path, default=Path("models/finetuned"), help="fine-tuned model folder (default: %(default)s)")
parser.add_argument("--out", type=Path, default=Path("reports/evaluate"), help="report folder (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.model, params.evaluate, args.data, args.model, args.out))
