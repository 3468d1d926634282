"""Finding records by value through the audit's keyed hashes."""

import json
import subprocess
import sys

from privacy_helpers import KEY_ENV, TEST_KEY, make_record, write_params
from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.erasure import find_records, value_hashes
from pipeline.privacy.keyed_hash import ValueHasher


def stage_with_key(run_stage, monkeypatch):
    monkeypatch.setenv(KEY_ENV, TEST_KEY)
    records = [
        make_record(0, text="write to jane.doe@example.com"),
        make_record(1, text="电话１３８１２３４５６７８"),
        make_record(2, text="write to other@example.com"),
    ]
    return run_stage(records, PrivacyConfig(actions={"EMAIL": "drop"}))


def lookup(result, values):
    hashes, undetected = value_hashes(values, PrivacyConfig(), ValueHasher(TEST_KEY.encode()))
    return find_records(result.out_dir / "audit.jsonl", hashes), undetected


def test_erasure_finds_email(run_stage, monkeypatch):
    result = stage_with_key(run_stage, monkeypatch)
    matches, _ = lookup(result, ["Jane.Doe@Example.com"])
    assert [m["id"] for m in matches] == ["rec0000"]


def test_erasure_finds_fullwidth_phone(run_stage, monkeypatch):
    result = stage_with_key(run_stage, monkeypatch)
    matches, _ = lookup(result, ["138 1234 5678"])
    assert [m["id"] for m in matches] == ["rec0001"]


def test_erasure_reports_undetected(run_stage, monkeypatch):
    result = stage_with_key(run_stage, monkeypatch)
    _, undetected = lookup(result, ["jane.doe@example.com", "not pii"])
    assert undetected == [2]


def test_erasure_cli(run_stage, monkeypatch, tmp_path):
    result = stage_with_key(run_stage, monkeypatch)
    params = write_params(tmp_path / "params.yaml")
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline.privacy.erasure", "--params", str(params),
         "--audit", str(result.out_dir / "audit.jsonl")],
        input="other@example.com\n", capture_output=True, text=True, timeout=120,
    )
    assert [m["id"] for m in json.loads(completed.stdout)] == ["rec0002"]


def test_erasure_cli_without_key(run_stage, monkeypatch, tmp_path):
    result = stage_with_key(run_stage, monkeypatch)
    monkeypatch.delenv(KEY_ENV)
    params = write_params(tmp_path / "params.yaml")
    completed = subprocess.run(
        [sys.executable, "-m", "pipeline.privacy.erasure", "--params", str(params),
         "--audit", str(result.out_dir / "audit.jsonl")],
        input="other@example.com\n", capture_output=True, text=True, timeout=120,
    )
    assert completed.returncode == 2
    assert KEY_ENV in completed.stderr
