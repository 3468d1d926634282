"""Validate params.yaml and write it back resolved, with every default filled in.

The resolved file records the exact settings of a run, including the values
that params.yaml leaves to defaults.
"""

from pathlib import Path

from pipeline.core.artifacts import write_json
from pipeline.core.cli import run_cli, stage_parser
from pipeline.core.config import Params


def write_resolved(params: Params, out: Path) -> dict:
    """Write the validated params to ``out``; return where they went."""
    write_json(out, params.model_dump(mode="json"))
    return {"resolved_params": str(out)}


if __name__ == "__main__":
    parser = stage_parser("core.check_params", "Validate params.yaml and write it resolved.")
    parser.add_argument("--out", type=Path, default=Path("reports/params.json"), help="resolved params file (default: %(default)s)")
    run_cli(parser, lambda params, args: write_resolved(params, args.out))
