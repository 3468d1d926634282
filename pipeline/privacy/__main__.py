from pathlib import Path

from pipeline.core.cli import run_cli, stage_parser
from pipeline.privacy.stage import run

parser = stage_parser("privacy", "Redact PII in the ingested records.")
parser.add_argument("--in", dest="in_dir", type=Path, default=Path("data/ingest"), help="input folder (default: %(default)s)")
parser.add_argument("--out", type=Path, default=Path("data/privacy"), help="output folder (default: %(default)s)")
parser.add_argument("--stats", type=Path, default=Path("reports/privacy/stats.json"), help="stats file (default: %(default)s)")
run_cli(parser, lambda params, args: run(params.privacy, args.in_dir, args.out, args.stats))
