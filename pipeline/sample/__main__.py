from pathlib import Path

from pipeline.core.cli import run_cli, stage_parser
from pipeline.sample.stage import run

parser = stage_parser("sample", "Generate the seeded demo corpus.")
parser.add_argument("--out", type=Path, default=Path("data/sample"), help="output folder (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.sample, args.out))
