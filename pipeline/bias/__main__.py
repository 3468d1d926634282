from pathlib import Path

from pipeline.bias.stage import run
from pipeline.core.cli import run_cli, stage_parser

parser = stage_parser("bias", "Drop toxic records and exact duplicates.")
parser.add_argument("--in", dest="in_dir", type=Path, default=Path("data/privacy"), help="input folder (default: %(default)s)")
parser.add_argument("--out", type=Path, default=Path("data/bias"), help="output folder (default: %(default)s)")
parser.add_argument("--stats", type=Path, default=Path("reports/bias/stats.json"), help="stats file (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.bias, args.in_dir, args.out, args.stats))
