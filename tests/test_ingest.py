"""Ingest on real files with real bad bytes: every row is kept or counted."""

import json
import subprocess
import sys

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipeline.core.config import IngestConfig
from pipeline.core.errors import InputError
from pipeline.core.records import read_records
from pipeline.ingest.stage import run


def ingest(tmp_path, *sources, **settings):
    config = IngestConfig(sources=list(sources), **settings)
    stats = run(config, tmp_path / "out", tmp_path / "stats.json")
    return stats, read_records(tmp_path / "out")


def audit_rows(tmp_path) -> list[dict]:
    lines = (tmp_path / "out" / "audit.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


def test_malformed_jsonl_line_rejected_with_line(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "good one"}\n{"text": "cut off\n{"text": "good two"}\n')
    stats, records = ingest(tmp_path, str(path))
    assert [r["text"] for r in records] == ["good one", "good two"]
    assert stats["rejections"] == [{"source": str(path.as_posix()), "line": 2, "reason": "invalid_json",
                                    "detail": stats["rejections"][0]["detail"]}]


def test_non_utf8_line_rejected_with_line(tmp_path):
    path = tmp_path / "latin.jsonl"
    path.write_bytes(b'{"text": "fine"}\n' + '{"text": "caf\xe9"}'.encode("latin-1") + b"\n")
    stats, records = ingest(tmp_path, str(path))
    assert len(records) == 1
    assert stats["reasons"] == {"invalid_utf8": 1}
    assert stats["rejections"][0]["line"] == 2


def test_non_utf8_text_file_rejected_per_paragraph(tmp_path):
    path = tmp_path / "notes.txt"
    path.write_bytes(b"first paragraph\n\n\xff\xfe broken\n\nthird paragraph\n")
    stats, records = ingest(tmp_path, str(path))
    assert [r["text"] for r in records] == ["first paragraph", "third paragraph"]
    assert stats["rejections"][0]["line"] == 3


def test_non_utf8_csv_row_rejected(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_bytes(b"text,label\nhello,1\nbad \xff byte,2\nworld,3\n")
    stats, records = ingest(tmp_path, str(path))
    assert [r["text"] for r in records] == ["hello", "world"]
    assert stats["rejections"][0]["line"] == 3


def test_empty_file_counted(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "something"}\n', encoding="utf-8")
    stats, records = ingest(tmp_path, str(empty), str(good))
    assert len(records) == 1
    assert stats["sources"][empty.as_posix()] == {"read": 1, "kept": 0, "rejected": 1}
    assert stats["rejections"][0]["reason"] == "empty_file"


def test_only_empty_input_is_clear_error(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"\n\n")
    with pytest.raises(InputError, match="no records were ingested"):
        ingest(tmp_path, str(empty))


def test_missing_source_is_clear_error(tmp_path):
    with pytest.raises(InputError, match=r"missing\.jsonl: input not found"):
        ingest(tmp_path, str(tmp_path / "missing.jsonl"))


def test_missing_and_mistyped_fields_rejected(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"body": "x"}\n{"text": 5}\n[1, 2]\n{"text": "ok"}\n', encoding="utf-8")
    stats, records = ingest(tmp_path, str(path))
    assert len(records) == 1
    assert stats["reasons"] == {"invalid_type": 1, "missing_field": 1, "not_an_object": 1}


def test_every_row_accounted_in_audit(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": "a"}\nnot json\n{"text": "b"}\n')
    stats, records = ingest(tmp_path, str(path))
    rows = audit_rows(tmp_path)
    assert len(rows) == stats["records_read"] == 3
    assert [row["line"] for row in rows] == [1, 2, 3]
    assert rows[1]["id"] is None


def test_rejection_detail_never_quotes_text(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_bytes(b'{"text": 12, "secret": "alice@example.com"}\n{"text": "ok"}\n')
    ingest(tmp_path, str(path))
    assert "alice@example.com" not in (tmp_path / "out" / "audit.jsonl").read_text(encoding="utf-8")
    assert "alice@example.com" not in (tmp_path / "stats.json").read_text(encoding="utf-8")


def test_pairs_read_with_configured_fields(tmp_path):
    path = tmp_path / "qa.jsonl"
    path.write_text('{"q": "Why?", "a": "Because."}\n', encoding="utf-8")
    _, records = ingest(tmp_path, {"path": str(path), "prompt_field": "q", "response_field": "a"})
    assert (records[0]["prompt"], records[0]["response"], records[0]["text"]) == ("Why?", "Because.", None)


def test_parquet_and_folder_sources(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    pq.write_table(pa.table({"text": ["one", "two"]}), folder / "a.parquet")
    (folder / "b.txt").write_text("three\n\nfour\n", encoding="utf-8")
    stats, records = ingest(tmp_path, str(folder))
    assert sorted(r["text"] for r in records) == ["four", "one", "three", "two"]
    assert len(stats["sources"]) == 2


def test_nfkc_folds_full_width_digits(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "电话１３８００１３８０００"}\n', encoding="utf-8")
    _, records = ingest(tmp_path, str(path))
    assert records[0]["text"] == "电话13800138000"


def test_ids_and_splits_stable_when_appending(tmp_path):
    path = tmp_path / "a.jsonl"
    rows = [json.dumps({"text": f"document {i}"}) for i in range(300)]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    _, before = ingest(tmp_path, str(path))
    path.write_text("\n".join(rows + [json.dumps({"text": f"late {i}"}) for i in range(50)]) + "\n", encoding="utf-8")
    _, after = ingest(tmp_path, str(path))
    assert {r["id"]: r["split"] for r in after[:300]} == {r["id"]: r["split"] for r in before}


def test_splits_follow_configured_shares(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps({"text": f"doc {i}"}) + "\n" for i in range(4000)), encoding="utf-8")
    stats, _ = ingest(tmp_path, str(path), split={"validation": 0.1, "test": 0.1})
    assert 300 < stats["splits"]["test"] < 500
    assert 300 < stats["splits"]["validation"] < 500


def test_cli_reports_error_without_traceback(tmp_path):
    params = tmp_path / "params.yaml"
    params.write_text(
        "ingest: {sources: [does/not/exist.jsonl]}\nmodel: {name_or_path: x}\nevaluate: {prompts: [hi]}\n",
        encoding="utf-8",
    )
    result = subprocess.run([sys.executable, "-m", "pipeline.ingest", "--params", str(params),
                             "--out", str(tmp_path / "out"), "--stats", str(tmp_path / "s.json")],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "does/not/exist.jsonl: input not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_empty_parquet_table_counted(tmp_path):
    empty = tmp_path / "empty.parquet"
    pq.write_table(pa.table({"text": pa.array([], type=pa.string())}), empty)
    good = tmp_path / "good.jsonl"
    good.write_text('{"text": "something"}\n', encoding="utf-8")
    stats, _ = ingest(tmp_path, str(empty), str(good))
    assert stats["sources"][empty.as_posix()] == {"read": 1, "kept": 0, "rejected": 1}
    assert stats["reasons"] == {"empty_file": 1}
