"""The ingest stage: read every configured source into one record table.

Each kept record gets a stable id (from source, line and content hash) and a
split chosen from its content hash. Every input row ends up either in
records.parquet or as a rejection in audit.jsonl with its source, line and
reason. stats.json adds the counts up per source and per reason.
"""

import logging
from collections import Counter
from pathlib import Path

from pipeline.core.artifacts import atomic_dir, write_config, write_json
from pipeline.core.audit import AUDIT_FILE, DROPPED, KEPT, AuditWriter
from pipeline.core.config import IngestConfig, SourceConfig
from pipeline.core.errors import InputError
from pipeline.ingest.normalize import normalize_text
from pipeline.ingest.readers import Rejection, detect_format, read_file
from pipeline.core.records import RECORDS_FILE, assign_split, content_hash, record_id, write_records

log = logging.getLogger(__name__)

# Rejections listed in stats.json; audit.jsonl always has all of them.
MAX_LISTED_REJECTIONS = 1000


def _source_files(source: SourceConfig) -> list[Path]:
    path = Path(source.path)
    if path.is_file():
        return [path]
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith("."))
        if not files:
            raise InputError(f"{path}: folder has no files; add input files or remove it from ingest.sources")
        return files
    raise InputError(f"{path}: input not found; check ingest.sources in params.yaml (paths are relative to the project root)")


def _extract(fields: dict, source: SourceConfig, form: str, min_chars: int) -> dict | Rejection:
    """Pick and normalize the configured fields of one row, or explain why not."""
    wanted = ([source.prompt_field, source.response_field] if source.prompt_field
              else [source.text_field])
    names = ["prompt", "response"] if source.prompt_field else ["text"]

    record = {"text": None, "prompt": None, "response": None}
    for name, field in zip(names, wanted):
        if field not in fields:
            present = ", ".join(sorted(map(str, fields))) or "none"
            return Rejection(0, "missing_field", f"field {field!r} not found (fields present: {present})")
        value = fields[field]
        if not isinstance(value, str):
            return Rejection(0, "invalid_type", f"field {field!r} is {type(value).__name__}, expected a string")
        value = normalize_text(value, form)
        if len(value) < min_chars:
            return Rejection(0, "too_short", f"field {field!r} has {len(value)} characters after normalization, minimum is {min_chars}")
        record[name] = value
    return record


def _ingest_file(path: Path, source: SourceConfig, config: IngestConfig, audit: AuditWriter,
                 records: list[dict], rejections: list[dict]) -> Counter:
    """Append the kept records and the rejections of one file; return its counts."""
    name = path.as_posix()
    counts: Counter[str] = Counter()
    file_format = source.format if source.format != "auto" else detect_format(path)

    def reject(line: int, reason: str, detail: str) -> None:
        counts["rejected"] += 1
        rejections.append({"source": name, "line": line, "reason": reason, "detail": detail})
        audit.write(None, DROPPED, [reason], source=name, line=line, detail=detail)

    for item in read_file(path, file_format, source.text_unit, source.text_field or "text"):
        counts["read"] += 1
        if isinstance(item, Rejection):
            reject(item.line, item.reason, item.detail)
            continue
        fields = _extract(item.fields, source, config.unicode_form, config.min_chars)
        if isinstance(fields, Rejection):
            reject(item.line, fields.reason, fields.detail)
            continue

        digest = content_hash(fields)
        record = {
            "id": record_id(name, item.line, digest),
            "source": name,
            "line": item.line,
            "content_hash": digest,
            "split": assign_split(digest, config.split.validation, config.split.test, config.split.salt),
            **fields,
        }
        records.append(record)
        counts["kept"] += 1
        audit.write(record["id"], KEPT, source=name, line=item.line)

    # A file with no rows at all (such as an empty Parquet table) still shows up in the counts.
    if counts["read"] == 0:
        counts["read"] += 1
        reject(0, "empty_file", "the file has no rows; remove it from ingest.sources or add records")
    return counts


def run(config: IngestConfig, out_dir: Path, stats_path: Path) -> dict:
    """Read all sources into ``out_dir``/records.parquet; write stats to ``stats_path``."""
    records: list[dict] = []
    rejections: list[dict] = []
    per_source: dict[str, Counter] = {}

    with atomic_dir(out_dir) as staging:
        with AuditWriter(staging / AUDIT_FILE, "ingest") as audit:
            for source in config.source_list():
                for path in _source_files(source):
                    per_source[path.as_posix()] = _ingest_file(path, source, config, audit, records, rejections)

        if not records:
            raise InputError("no records were ingested from any source; check ingest.sources and the "
                             f"rejections: {Counter(r['reason'] for r in rejections).most_common()}")
        write_records(records, staging / RECORDS_FILE)
        write_config(staging, {"ingest": config})

    stats = {
        "stage": "ingest",
        "records_read": sum(c["read"] for c in per_source.values()),
        "records_out": len(records),
        "rejected": len(rejections),
        "reasons": dict(sorted(Counter(r["reason"] for r in rejections).items())),
        "splits": dict(sorted(Counter(r["split"] for r in records).items())),
        "sources": {name: {"read": c["read"], "kept": c["kept"], "rejected": c["rejected"]} for name, c in per_source.items()},
        "rejections": rejections[:MAX_LISTED_REJECTIONS],
        "rejections_listed": min(len(rejections), MAX_LISTED_REJECTIONS),
    }
    write_json(stats_path, stats)
    log.info("ingested %d records from %d files, rejected %d", len(records), len(per_source), len(rejections))
    return stats
