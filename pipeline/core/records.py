"""The record table that flows between the data stages.

Every data stage reads and writes the same Parquet schema. ``id`` is assigned
once by ingest and never changes afterwards, so any record can be traced from
the raw line it came from to the tokenized split it ended in.
"""

import hashlib
import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

# A record is plain text (``text``) or a prompt/response pair; unused fields are null.
TEXT_FIELDS = ("text", "prompt", "response")

SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("source", pa.string()),
        ("line", pa.int64()),
        ("content_hash", pa.string()),
        ("split", pa.string()),
        ("text", pa.string()),
        ("prompt", pa.string()),
        ("response", pa.string()),
    ]
)

RECORDS_FILE = "records.parquet"


def _digest(*parts: str) -> str:
    hasher = hashlib.blake2b(digest_size=8)
    for part in parts:
        hasher.update(part.encode("utf-8"))
        hasher.update(b"\x00")
    return hasher.hexdigest()


def content_hash(fields: dict[str, str | None]) -> str:
    """Hash the text fields of a record (16 hex characters)."""
    return _digest(json.dumps([fields.get(name) for name in TEXT_FIELDS], ensure_ascii=False))


def record_id(source: str, line: int, content: str) -> str:
    """Build the stable id of a record from where it came from and what it holds."""
    return _digest(source, str(line), content)


def assign_split(content: str, validation: float, test: float, salt: str) -> str:
    """Pick train, validation or test from the content hash alone.

    Hashing content rather than position means appending records never moves
    existing ones, and exact duplicates always share a split, so a duplicate
    cannot leak from train into test.
    """
    position = int(_digest(salt, content), 16) / 2**64
    if position < test:
        return "test"
    if position < test + validation:
        return "validation"
    return "train"


def read_records(path: Path) -> list[dict]:
    """Read a records.parquet file (or a stage folder holding one) as dicts."""
    path = Path(path)
    if path.is_dir():
        path = path / RECORDS_FILE
    return pq.read_table(path, schema=SCHEMA).to_pylist()


def write_records(records: list[dict], path: Path) -> None:
    table = pa.Table.from_pylist(records, schema=SCHEMA)
    pq.write_table(table, path)


def record_texts(record: dict) -> dict[str, str]:
    """Return the non-null text fields of a record by name."""
    return {name: record[name] for name in TEXT_FIELDS if record.get(name) is not None}
