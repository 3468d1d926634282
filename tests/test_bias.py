"""Bias stage: toxicity and exact dedup, audited per record."""

import json

from pipeline.bias.dedup import ExactDeduplicator
from pipeline.bias.stage import run
from pipeline.bias.toxicity import TermMatcher
from pipeline.core.config import BiasConfig
from pipeline.core.records import read_records, write_records


def record(index: int, text: str) -> dict:
    return {"id": f"id{index}", "source": "s", "line": index, "content_hash": "h", "split": "train",
            "text": text, "prompt": None, "response": None}


def test_term_matcher_whole_words_in_english():
    matcher = TermMatcher(["idiot"])
    assert matcher.matches("What an idiot.") == 1
    assert matcher.matches("idiotic idioms") == 0


def test_term_matcher_substrings_in_chinese():
    assert TermMatcher(["白痴"]).matches("你这个白痴滚开") == 1


def test_term_matcher_folds_case_and_width():
    assert TermMatcher(["idiot"]).matches("ＩＤＩＯＴ") == 1


def test_dedup_ignores_case_and_spacing():
    dedup = ExactDeduplicator()
    assert dedup.first_seen("a", {"text": "Hello  World"}) is None
    assert dedup.first_seen("b", {"text": "hello world"}) == "a"


def test_stage_drops_and_explains(tmp_path):
    source = tmp_path / "in"
    source.mkdir()
    write_records([
        record(1, "The engineer repaired the bridge."),
        record(2, "The engineer repaired the bridge."),
        record(3, "You are a worthless idiot and everyone hates you."),
        record(4, "你这个白痴，滚开！"),
        record(5, "The teacher opened the museum."),
    ], source / "records.parquet")

    stats = run(BiasConfig(), source, tmp_path / "out", tmp_path / "stats.json")

    kept = [r["id"] for r in read_records(tmp_path / "out")]
    rows = {row["id"]: row for row in map(json.loads, (tmp_path / "out/audit.jsonl").read_text().splitlines())}
    assert kept == ["id1", "id5"]
    assert rows["id2"]["reasons"] == ["duplicate"]
    assert rows["id2"]["duplicate_of"] == "id1"
    assert "toxicity" in rows["id3"]["reasons"]
    assert rows["id4"]["reasons"] == ["toxic_term"]
    assert stats["records_in"] == stats["records_out"] + stats["actions"]["dropped"]
