"""Readers that turn one input file into rows, or into attributed rejections.

A reader never raises on a bad row: it yields a Rejection with the 1-based
line (or row) number so that the stage can count it. It raises InputError
only when the whole file is unusable.
"""

import csv
import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq

from pipeline.core.errors import InputError

SUFFIX_FORMATS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "json", ".csv": "csv", ".tsv": "tsv",
    ".parquet": "parquet", ".txt": "text", ".text": "text", ".md": "text",
}


@dataclass(frozen=True)
class Row:
    line: int
    fields: dict


@dataclass(frozen=True)
class Rejection:
    line: int
    reason: str
    detail: str  # Describes the problem without quoting record text, which may hold PII.


def detect_format(path: Path) -> str:
    suffixes = path.suffixes
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    suffix = suffixes[-1].lower() if suffixes else ""
    if suffix not in SUFFIX_FORMATS:
        known = ", ".join(sorted(SUFFIX_FORMATS))
        raise InputError(f"{path}: cannot tell the format from the suffix {suffix!r}; "
                         f"use one of {known} or set `format` for this source in params.yaml")
    return SUFFIX_FORMATS[suffix]


def _read_bytes(path: Path) -> bytes:
    if path.suffix == ".gz":
        try:
            return gzip.decompress(path.read_bytes())
        except (OSError, EOFError) as error:
            raise InputError(f"{path}: not a valid gzip file ({error}); re-compress it or remove the .gz suffix") from None
    return path.read_bytes()


def _has_undecodable(text: str) -> bool:
    # surrogateescape maps each byte that is not valid UTF-8 to U+DC80..U+DCFF.
    return any("\udc80" <= char <= "\udcff" for char in text)


def _invalid_utf8(line: int, raw: bytes) -> Rejection:
    try:
        raw.decode("utf-8")
        offset = 0
    except UnicodeDecodeError as error:
        offset = error.start
    return Rejection(line, "invalid_utf8", f"byte {offset} is not valid UTF-8; re-encode the file as UTF-8")


def read_jsonl(data: bytes) -> Iterator[Row | Rejection]:
    for number, raw in enumerate(data.split(b"\n"), start=1):
        if not raw.strip():
            continue
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            yield _invalid_utf8(number, raw)
            continue
        try:
            value = json.loads(text)
        except json.JSONDecodeError as error:
            yield Rejection(number, "invalid_json", f"{error.msg} (column {error.colno})")
            continue
        if not isinstance(value, dict):
            yield Rejection(number, "not_an_object", f"expected a JSON object, found {type(value).__name__}")
            continue
        yield Row(number, value)


def read_json(data: bytes, path: Path) -> Iterator[Row | Rejection]:
    try:
        value = json.loads(data.decode("utf-8"))
    except UnicodeDecodeError as error:
        raise InputError(f"{path}: byte {error.start} is not valid UTF-8; re-encode the file as UTF-8") from None
    except json.JSONDecodeError as error:
        raise InputError(f"{path}:{error.lineno}:{error.colno}: invalid JSON ({error.msg}); "
                         "fix the file, or use JSON Lines so one bad record does not stop the run") from None
    if not isinstance(value, list):
        raise InputError(f"{path}: expected a JSON array of objects at the top level, found {type(value).__name__}")
    for number, item in enumerate(value, start=1):
        if isinstance(item, dict):
            yield Row(number, item)
        else:
            yield Rejection(number, "not_an_object", f"array item is {type(item).__name__}, expected an object")


def read_delimited(data: bytes, delimiter: str) -> Iterator[Row | Rejection]:
    text = data.decode("utf-8", errors="surrogateescape")
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 2  # line 1 is the header
    try:
        for row in reader:
            line = start
            start = reader.line_num + 1
            if None in row:
                yield Rejection(line, "extra_columns", f"{len(row[None])} more values than header columns")
                continue
            if any(value is not None and _has_undecodable(value) for value in row.values()):
                yield Rejection(line, "invalid_utf8", "row is not valid UTF-8; re-encode the file as UTF-8")
                continue
            yield Row(line, dict(row))
    except csv.Error as error:
        yield Rejection(start, "invalid_csv", f"{error}; the rest of the file was not read")


def read_parquet(path: Path) -> Iterator[Row | Rejection]:
    try:
        table = pq.read_table(path)
    except Exception as error:  # pyarrow raises several unrelated types for a corrupt file
        raise InputError(f"{path}: cannot read as Parquet ({error})") from None
    for number, row in enumerate(table.to_pylist(), start=1):
        yield Row(number, row)


def read_text(data: bytes, unit: str, field: str) -> Iterator[Row | Rejection]:
    text = data.decode("utf-8", errors="surrogateescape").replace("\r\n", "\n")
    lines = text.split("\n")

    # Group lines into units, remembering the first line number of each.
    units: list[tuple[int, list[str]]] = []
    if unit == "file":
        units = [(1, lines)]
    elif unit == "line":
        units = [(number, [line]) for number, line in enumerate(lines, start=1) if line.strip()]
    else:
        current: list[str] = []
        for number, line in enumerate(lines, start=1):
            if line.strip():
                if not current:
                    units.append((number, current))
                current.append(line)
            else:
                current = []

    for number, unit_lines in units:
        body = "\n".join(unit_lines)
        if _has_undecodable(body):
            yield Rejection(number, "invalid_utf8", "text is not valid UTF-8; re-encode the file as UTF-8")
        else:
            yield Row(number, {field: body})


def read_file(path: Path, file_format: str, text_unit: str, text_field: str) -> Iterator[Row | Rejection]:
    """Yield the rows of one file; an empty file yields a single ``empty_file`` rejection."""
    if file_format == "parquet":
        yield from read_parquet(path)
        return

    data = _read_bytes(path)
    if not data.strip():
        yield Rejection(0, "empty_file", "the file is empty; remove it from ingest.sources or add records")
        return

    if file_format == "jsonl":
        yield from read_jsonl(data)
    elif file_format == "json":
        yield from read_json(data, path)
    elif file_format in ("csv", "tsv"):
        yield from read_delimited(data, "," if file_format == "csv" else "\t")
    else:
        yield from read_text(data, text_unit, text_field)
