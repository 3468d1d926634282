from pathlib import Path

from pipeline.core.cli import run_cli, stage_parser
from pipeline.ingest.stage import run

parser = stage_parser("ingest", "Read the sources in params.yaml into data/ingest/records.parquet.")
parser.add_argument("--out", type=Path, default=Path("data/ingest"), help="output folder (default: %(default)s)")
parser.add_argument("--stats", type=Path, default=Path("reports/ingest/stats.json"), help="stats file (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.ingest, args.out, args.stats))
