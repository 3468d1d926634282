from pathlib import Path

from datasets import disable_progress_bars

from pipeline.core.cli import run_cli, stage_parser
from pipeline.tokenize.stage import run

parser = stage_parser("tokenize", "Tokenize the filtered records for training.")
parser.add_argument("--in", dest="in_dir", type=Path, default=Path("data/bias"), help="input folder (default: %(default)s)")
parser.add_argument("--out", type=Path, default=Path("data/tokenized"), help="output folder (default: %(default)s)")
parser.add_argument("--stats", type=Path, default=Path("reports/tokenize/stats.json"), help="stats file (default: %(default)s)")
disable_progress_bars()
run_cli(parser, lambda params, args: run(params.model, params.tokenize, args.in_dir, args.out, args.stats))
