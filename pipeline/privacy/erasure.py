"""Find the records that held a given PII value, for erasure requests.

    echo 'jane.doe@example.com' | python -m pipeline.privacy.erasure --audit data/privacy/audit.jsonl

Values are read from standard input, one a line, so they stay out of shell
history and process lists. Each value is detected with the stage's own
detectors to get its canonical form (so ``JANE.DOE@example.com`` and a
full-width phone number match), hashed with the key from the configured
environment variable, and looked up in the audit's finding hashes. The output
lists record ids and entity types, never the values.
"""

import argparse
import json
import sys
from pathlib import Path

from pipeline.core.config import DEFAULT_PARAMS, load_params
from pipeline.core.errors import InputError, PipelineError
from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.keyed_hash import ValueHasher, load_key
from pipeline.privacy.scanner import Scanner


def value_hashes(values: list[str], config: PrivacyConfig, hasher: ValueHasher) -> tuple[dict[str, int], list[int]]:
    """Return {audit hash: input line number} and the line numbers with no detectable PII."""
    scanner = Scanner(config)
    hashes: dict[str, int] = {}
    undetected: list[int] = []
    for line_number, value in enumerate(values, start=1):
        entities = scanner.scan(value)
        if not entities:
            undetected.append(line_number)
        for entity in entities:
            hashes[hasher.audit_hash(entity.type, entity.canonical)] = line_number
    return hashes, undetected


def find_records(audit_path: Path, hashes: dict[str, int]) -> list[dict]:
    """Return one match per audit finding whose hash is in ``hashes``."""
    matches = []
    with open(audit_path, encoding="utf-8") as handle:
        for row in map(json.loads, handle):
            for finding in row.get("findings", []):
                line_number = hashes.get(finding.get("hash"))
                if line_number is not None:
                    matches.append({"id": row["id"], "action": row["action"], "type": finding["type"],
                                    "field": finding["field"], "input_line": line_number})
    return matches


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.privacy.erasure", description=__doc__.split("\n\n")[0])
    parser.add_argument("--audit", type=Path, default=Path("data/privacy/audit.jsonl"), help="audit file (default: %(default)s)")
    parser.add_argument("--params", default=str(DEFAULT_PARAMS), help="params file (default: %(default)s)")
    args = parser.parse_args()
    try:
        config = load_params(args.params).privacy
        key = load_key(config.key_env, "looking up values in the audit")
        if not args.audit.is_file():
            raise InputError(f"{args.audit}: audit file not found; run the privacy stage first or pass --audit")
        values = [line.strip() for line in sys.stdin if line.strip()]
        hashes, undetected = value_hashes(values, config, ValueHasher(key))
        matches = find_records(args.audit, hashes)
    except PipelineError as error:
        print(f"error: {error}", file=sys.stderr)
        sys.exit(2)
    for line_number in undetected:
        print(f"warning: input line {line_number} contains no value that the detectors recognize, so it was not looked up", file=sys.stderr)
    print(json.dumps(matches, indent=2))


if __name__ == "__main__":
    main()
