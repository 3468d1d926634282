"""Validate params.yaml and write it back resolved, with every default filled in.

The resolved file records the exact settings of a run, including the values
that params.yaml leaves to defaults.
"""

import argparse
import sys
from pathlib import Path

from pipeline.core.artifacts import write_json
from pipeline.core.config import DEFAULT_PARAMS, load_params
from pipeline.core.errors import ConfigError


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.core.check_params", description=__doc__.split("\n")[0])
    parser.add_argument("--params", default=str(DEFAULT_PARAMS), help="params file (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=Path("reports/params.json"), help="resolved params file (default: %(default)s)")
    args = parser.parse_args()
    try:
        params = load_params(args.params)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
    write_json(args.out, params.model_dump(mode="json"))
    print(f"{args.params}: valid; resolved params written to {args.out}")


if __name__ == "__main__":
    main()
