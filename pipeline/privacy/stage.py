"""The privacy stage: find PII in every text field, then redact, pseudonymize,
keep or drop according to ``privacy.actions``.

Audit rows list entity types, counts, spans in the output text and keyed
hashes of the values, never the values themselves.
"""

import logging
import multiprocessing
from collections import Counter
from pathlib import Path

from pipeline.core.artifacts import atomic_dir, write_config, write_json
from pipeline.core.audit import AUDIT_FILE, CHANGED, DROPPED, AuditWriter, stage_stats
from pipeline.core.records import RECORDS_FILE, read_records, write_records
from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.keyed_hash import load_key
from pipeline.privacy.redaction import RecordOutcome, RecordProcessor

log = logging.getLogger(__name__)

_LOGGED_IDS = 10  # record ids listed per log line; the rest are counted

_worker: RecordProcessor | None = None


def _start_worker(config: PrivacyConfig, key: bytes | None) -> None:
    global _worker
    _worker = RecordProcessor(config, key)


def _process_in_worker(record: dict) -> RecordOutcome:
    return _worker.process(record)


def _outcomes(records: list[dict], config: PrivacyConfig, key: bytes | None):
    """Yield one outcome per record, in input order, from ``num_proc`` processes."""
    if config.num_proc == 1 or len(records) < 2:
        processor = RecordProcessor(config, key)
        yield from (processor.process(record) for record in records)
        return
    # spawn, not fork: pyarrow starts threads, and forking a threaded process can deadlock.
    context = multiprocessing.get_context("spawn")
    chunksize = max(1, min(256, len(records) // (config.num_proc * 8)))
    with context.Pool(config.num_proc, initializer=_start_worker, initargs=(config, key)) as pool:
        yield from pool.imap(_process_in_worker, records, chunksize=chunksize)


def run(config: PrivacyConfig, in_dir: Path, out_dir: Path, stats_path: Path) -> dict:
    """Redact PII in ``in_dir``/records.parquet into ``out_dir``; write stats to ``stats_path``."""
    records = read_records(in_dir)
    key = load_key(config.key_env, "pseudonymize in privacy.actions" if config.uses_pseudonyms() else None)
    if key is None:
        log.warning("privacy: %s is not set, so audit rows carry no value hashes for erasure requests", config.key_env)
    log.info("privacy: scanning %d records with %d processes", len(records), config.num_proc)

    output_records: list[dict] = []
    entity_totals: Counter[str] = Counter()
    entity_actions: Counter[str] = Counter()
    capped_ids: list[str] = []

    with atomic_dir(out_dir) as staging:
        with AuditWriter(staging / AUDIT_FILE, "privacy") as audit:
            for record, outcome in zip(records, _outcomes(records, config, key)):
                entity_totals.update(outcome.details.get("entities", {}))
                entity_actions.update(outcome.entity_actions)
                if outcome.capped:
                    capped_ids.append(record["id"])
                if outcome.record is not None:
                    output_records.append(outcome.record)
                audit.write(record["id"], outcome.action, outcome.reasons, **outcome.details)

        write_records(output_records, staging / RECORDS_FILE)
        write_config(staging, {"privacy": config})

    if capped_ids:
        log.warning("privacy: %d records have a text field over max_chars=%d and were %s, e.g. ids %s",
                    len(capped_ids), config.max_chars,
                    "dropped" if config.capped_action == "drop" else "truncated", capped_ids[:_LOGGED_IDS])
    stats = stage_stats(
        "privacy", len(records), audit,
        entities=dict(sorted(entity_totals.items())),
        entity_actions=dict(sorted(entity_actions.items())),
        capped=len(capped_ids),
        value_hashes=key is not None,
    )
    write_json(stats_path, stats)
    log.info("privacy: %d records in, %d redacted, %d dropped, entities %s",
             len(records), audit.actions.get(CHANGED, 0), audit.actions.get(DROPPED, 0), dict(sorted(entity_totals.items())))
    return stats
