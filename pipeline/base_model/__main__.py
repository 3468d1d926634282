from pathlib import Path

from pipeline.base_model.stage import run
from pipeline.core.cli import run_cli, stage_parser

parser = stage_parser("base_model", "Build the small default base model from the redacted corpus.")
parser.add_argument("--corpus", type=Path, default=Path("data/privacy"), help="folder with the redacted records.parquet (default: %(default)s)")
parser.add_argument("--out", type=Path, default=Path("models/base"), help="output model folder (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.base_model, args.corpus, args.out))
