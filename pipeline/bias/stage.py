"""The bias stage: drop toxic records and exact duplicates.

It runs after privacy, on redacted text, so changing a bias setting never
re-runs PII detection. Each audit row names why a record was dropped: the
classifier score, the word list that matched, or the id it duplicates.
"""

import logging
from pathlib import Path

from pipeline.core.artifacts import atomic_dir, write_config, write_json
from pipeline.core.audit import AUDIT_FILE, DROPPED, KEPT, AuditWriter, stage_stats
from pipeline.bias.dedup import ExactDeduplicator
from pipeline.bias.toxicity import TermMatcher, load_wordlist, toxicity_scores
from pipeline.core.config import BiasConfig
from pipeline.core.records import RECORDS_FILE, read_records, record_texts, write_records

log = logging.getLogger(__name__)


def run(config: BiasConfig, in_dir: Path, out_dir: Path, stats_path: Path) -> dict:
    """Filter ``in_dir``/records.parquet into ``out_dir``; write stats to ``stats_path``."""
    records = read_records(in_dir)
    terms = [term for name in config.toxicity.wordlists for term in load_wordlist(name)]
    matcher = TermMatcher(terms + config.toxicity.extra_terms)
    deduplicator = ExactDeduplicator()

    joined = ["\n".join(record_texts(record).values()) for record in records]
    scores = toxicity_scores(joined)
    kept: list[dict] = []

    with atomic_dir(out_dir) as staging:
        with AuditWriter(staging / AUDIT_FILE, "bias") as audit:
            for record, text, score in zip(records, joined, scores):
                reasons, details = [], {"toxicity": round(score, 4)}
                if score >= config.toxicity.threshold:
                    reasons.append("toxicity")
                term_hits = matcher.matches(text)
                if term_hits:
                    reasons.append("toxic_term")
                    details["toxic_terms"] = term_hits

                # A toxic record is not registered for dedup, so its clean twin (if any) is kept.
                if not reasons and config.dedup.enabled:
                    earlier = deduplicator.first_seen(record["id"], record_texts(record))
                    if earlier is not None:
                        reasons.append("duplicate")
                        details["duplicate_of"] = earlier

                if reasons:
                    audit.write(record["id"], DROPPED, reasons, **details)
                else:
                    kept.append(record)
                    audit.write(record["id"], KEPT, **details)

        write_records(kept, staging / RECORDS_FILE)
        write_config(staging, {"bias": config})

    stats = stage_stats("bias", len(records), audit)
    write_json(stats_path, stats)
    log.info("bias: %d records in, %d kept, drops by reason %s", len(records), len(kept), dict(audit.reasons))
    return stats
