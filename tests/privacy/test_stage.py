"""The real stage on real parquet files: outputs, actions, keys, caps, workers."""

import json
import subprocess
import sys

import pytest

from privacy_helpers import KEY_ENV, TEST_KEY, make_record, write_input, write_params
from pipeline.core.artifacts import PARAMS_FILE
from pipeline.core.errors import ConfigError
from pipeline.privacy.config import PrivacyConfig

EMAIL = "jane.doe@example.com"
PHONE = "+44 20 7946 0958"


def sample_records() -> list[dict]:
    return [
        make_record(0, text=f"Mail {EMAIL} please."),
        make_record(1, prompt=f"Call {PHONE}?", response="No."),
        make_record(2, text="Nothing to see here."),
    ]


def test_stage_redacts_text(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    assert [r["text"] for r in result.records] == ["Mail <EMAIL> please.", None, "Nothing to see here."]


def test_stage_redacts_prompt(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    assert result.records[1]["prompt"] == "Call <PHONE>?"


def test_stage_keeps_ids(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    assert [r["id"] for r in result.records] == ["rec0000", "rec0001", "rec0002"]


def test_stage_rehashes_changed_content(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    records = sample_records()
    result = run_stage(records)
    assert result.records[0]["content_hash"] != records[0]["content_hash"]


def test_stage_audit_actions(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    assert [row["action"] for row in result.audit] == ["redacted", "redacted", "kept"]


def test_stage_audit_reasons(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    assert [row["reasons"] for row in result.audit] == [["pii:EMAIL"], ["pii:PHONE"], []]


def test_audit_span_points_at_placeholder(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    finding = result.audit[0]["findings"][0]
    assert result.records[0]["text"][finding["start"]:finding["end"]] == "<EMAIL>"


def test_audit_hash_with_key(run_stage, monkeypatch):
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    result = run_stage(sample_records())
    assert len(result.audit[0]["findings"][0]["hash"]) == 64


def test_audit_hash_without_key(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    assert "hash" not in result.audit[0]["findings"][0]


def test_stats_counts(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records())
    stats = json.loads(result.stats_path.read_text())
    assert stats["records_in"] == 3
    assert stats["records_out"] == 3
    assert stats["entities"] == {"EMAIL": 1, "PHONE": 1}


def test_config_written(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records(), PrivacyConfig(num_proc=1, max_chars=1000))
    assert json.loads((result.out_dir / PARAMS_FILE).read_text())["privacy"]["max_chars"] == 1000


def test_pseudonyms_consistent_across_runs(run_stage, monkeypatch):
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    config = PrivacyConfig(actions={"EMAIL": "pseudonymize"})
    records = [make_record(0, text=f"a {EMAIL}"), make_record(1, text=f"b {EMAIL.upper()}")]
    first, second = run_stage(records, config), run_stage(records, config)
    tokens = [r["text"].split()[1] for r in first.records + second.records]
    assert len(set(tokens)) == 1


def test_pseudonym_format(run_stage, monkeypatch):
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    result = run_stage([make_record(0, text=f"a {EMAIL}")], PrivacyConfig(actions={"EMAIL": "pseudonymize"}))
    token = result.records[0]["text"].split()[1]
    assert token.startswith("<EMAIL_")
    assert len(token) == len("<EMAIL_>") + 12


def test_pseudonym_depends_on_key(run_stage, monkeypatch):
    config = PrivacyConfig(actions={"EMAIL": "pseudonymize"})
    records = [make_record(0, text=f"a {EMAIL}")]
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    first = run_stage(records, config).records[0]["text"]
    monkeypatch.setenv(KEY_ENV, TEST_KEY + "-other")
    second = run_stage(records, config).records[0]["text"]
    assert first != second


def test_pseudonymize_without_key(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    with pytest.raises(ConfigError, match=KEY_ENV):
        run_stage(sample_records(), PrivacyConfig(actions={"PHONE": "pseudonymize"}))


def test_short_key_rejected(run_stage, monkeypatch):
    monkeypatch.setenv(KEY_ENV, "short")
    with pytest.raises(ConfigError, match="shorter than"):
        run_stage(sample_records())


def test_key_not_in_outputs(run_stage, monkeypatch, caplog):
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    caplog.set_level("DEBUG")
    result = run_stage(sample_records(), PrivacyConfig(actions={"EMAIL": "pseudonymize"}))
    texts = list(result.artifact_texts().values()) + [caplog.text]
    assert not any(TEST_KEY in text for text in texts)


def test_drop_action(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records(), PrivacyConfig(actions={"PHONE": "drop"}))
    assert [r["id"] for r in result.records] == ["rec0000", "rec0002"]


def test_drop_action_stats(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    result = run_stage(sample_records(), PrivacyConfig(actions={"PHONE": "drop"}))
    assert result.stats["records_out"] == 2
    assert result.stats["actions"]["dropped"] == 1


def test_keep_action(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    records = [make_record(0, text=f"{EMAIL} {PHONE}")]
    result = run_stage(records, PrivacyConfig(actions={"PHONE": "keep"}))
    assert result.records[0]["text"] == f"<EMAIL> {PHONE}"


def test_capped_record_dropped(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    records = [make_record(0, text="x" * 50 + EMAIL), make_record(1, text="short")]
    result = run_stage(records, PrivacyConfig(max_chars=40))
    assert result.stats["capped"] == 1
    assert [r["id"] for r in result.records] == ["rec0001"]


def test_capped_record_truncated(run_stage, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    records = [make_record(0, text=EMAIL + " " + "y" * 60)]
    result = run_stage(records, PrivacyConfig(max_chars=40, capped_action="truncate"))
    assert result.records[0]["text"] == "<EMAIL> " + "y" * (40 - len(EMAIL) - 1)


def test_workers_match_serial(run_stage, monkeypatch):
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    records = [make_record(i, text=f"row {i}: {EMAIL} {PHONE} 4111 1111 1111 1111") for i in range(40)]
    config = PrivacyConfig(actions={"EMAIL": "pseudonymize"})
    serial = run_stage(records, config)
    parallel = run_stage(records, config.model_copy(update={"num_proc": 2}))
    assert parallel.records == serial.records
    assert parallel.audit == serial.audit


def test_unknown_action_type_rejected():
    with pytest.raises(ValueError, match="unknown entity types"):
        PrivacyConfig(actions={"EMAILS": "drop"})


def test_unknown_region_rejected():
    with pytest.raises(ValueError, match="unknown phone regions"):
        PrivacyConfig(phone_regions=["XX"])


def test_ner_missing_package(run_stage, monkeypatch):
    if _installed("presidio_analyzer"):
        pytest.skip("presidio-analyzer is installed here")
    with pytest.raises(ConfigError, match="presidio"):
        run_stage(sample_records(), PrivacyConfig(ner={"enabled": True}))


def _installed(module: str) -> bool:
    import importlib.util

    return importlib.util.find_spec(module) is not None


def test_cli_runs(tmp_path, monkeypatch):
    monkeypatch.delenv(KEY_ENV, raising=False)
    in_dir = write_input(tmp_path / "in", sample_records())
    params = write_params(tmp_path / "params.yaml")
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline.privacy", "--params", str(params), "--in", str(in_dir),
         "--out", str(tmp_path / "out"), "--stats", str(tmp_path / "stats.json")],
        capture_output=True, text=True, timeout=120,
    )
    assert json.loads(completed.stdout)["records_out"] == 3
