"""Shared command-line plumbing for ``python -m pipeline.<stage>``."""

import argparse
import json
import logging
import sys
from collections.abc import Callable

from pipeline.core.config import DEFAULT_PARAMS, Params, load_params
from pipeline.core.errors import PipelineError


def stage_parser(stage: str, description: str) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=f"python -m pipeline.{stage}", description=description)
    parser.add_argument("--params", default=str(DEFAULT_PARAMS), help="params file (default: %(default)s)")
    return parser


def run_cli(parser: argparse.ArgumentParser, main: Callable[[Params, argparse.Namespace], dict]) -> None:
    """Parse arguments, load params, run ``main`` and print its stats.

    A PipelineError ends the process with exit status 2 and its message, not a
    traceback, because it describes something the user has to fix.
    """
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = parser.parse_args()
    try:
        params = load_params(args.params)
        stats = main(params, args)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
    print(json.dumps(stats, indent=2, ensure_ascii=False))
