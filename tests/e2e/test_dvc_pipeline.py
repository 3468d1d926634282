"""The whole chain under `dvc repro` in a real DVC repository."""

import contextlib
import json
import subprocess
import sys
from pathlib import Path

import pytest
from dvc.repo import Repo

from tests.conftest import make_pipeline_repo, update_params

pytestmark = pytest.mark.e2e

ALL_STAGES = ["check_params", "sample", "base_model", "ingest", "privacy", "bias", "tokenize", "train", "evaluate"]


def reproduce(repo: Path) -> list[str]:
    """Run `dvc repro` through DVC's API and return the names of the stages that ran."""
    # DVC resolves stage addresses against the working directory.
    with contextlib.chdir(repo), Repo() as dvc_repo:
        return sorted(stage.addressing for stage in dvc_repo.reproduce())


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def built_repo(tmp_path_factory) -> Path:
    """A repository on which `dvc repro` has run once from scratch."""
    repo = make_pipeline_repo(tmp_path_factory.mktemp("dvc") / "repo")
    ran = reproduce(repo)
    assert ran == sorted(ALL_STAGES)
    return repo


def test_repro_fine_tuned_beats_base(built_repo):
    metrics = read_json(built_repo / "reports/evaluate/metrics.json")
    assert metrics["finetuned"]["perplexity"] < metrics["base"]["perplexity"]


def test_repro_writes_declared_outputs(built_repo):
    for path in ["models/finetuned/model.safetensors", "models/finetuned/tokenizer.json",
                 "data/tokenized/dataset_dict.json", "reports/evaluate/report.md",
                 "reports/train/plots/metrics/loss.tsv", "dvc.lock"]:
        assert (built_repo / path).exists(), path


def test_repro_counts_add_up(built_repo):
    ingest = read_json(built_repo / "reports/ingest/stats.json")
    privacy = read_json(built_repo / "reports/privacy/stats.json")
    bias = read_json(built_repo / "reports/bias/stats.json")
    tokenize = read_json(built_repo / "reports/tokenize/stats.json")
    assert ingest["records_read"] == ingest["records_out"] + ingest["rejected"]
    assert privacy["records_in"] == ingest["records_out"]
    assert bias["records_in"] == privacy["records_out"]
    assert tokenize["records_in"] == bias["records_out"]
    assert bias["records_in"] == bias["records_out"] + bias["actions"]["dropped"]


def test_repro_twice_runs_nothing(built_repo):
    assert reproduce(built_repo) == []


def test_bias_param_change_reruns_downstream_only(built_repo):
    # Turning dedup off keeps more records, so every downstream input changes too;
    # a change that left bias's output identical would rightly stop at bias.
    update_params(built_repo, {"bias": {"dedup": {"enabled": False}}})
    # check_params validates every edit of params.yaml; it has no downstream stages.
    assert reproduce(built_repo) == sorted(["check_params", "bias", "tokenize", "train", "evaluate"])


def test_misspelled_section_fails_repro(built_repo):
    original = (built_repo / "params.yaml").read_text(encoding="utf-8")
    update_params(built_repo, {"trian": {"max_steps": 10}})
    try:
        result = subprocess.run([sys.executable, "-m", "dvc", "repro"], cwd=built_repo, capture_output=True, text=True)
    finally:
        (built_repo / "params.yaml").write_text(original, encoding="utf-8")
    assert result.returncode != 0
    assert "trian: unknown key" in result.stdout + result.stderr


def test_dvc_metrics_show_reads_metrics(built_repo):
    result = subprocess.run([sys.executable, "-m", "dvc", "metrics", "show", "--json"],
                            cwd=built_repo, capture_output=True, text=True, check=True)
    shown = json.dumps(json.loads(result.stdout))
    assert "reports/evaluate/metrics.json" in shown


def test_repro_on_own_jsonl(tmp_path):
    repo = make_pipeline_repo(tmp_path / "repo")
    rows = [{"text": f"Record number {i} talks about the harbour and the bridge."} for i in range(200)]
    (repo / "data/raw/mine.jsonl").write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    update_params(repo, {"ingest": {"sources": ["data/raw/mine.jsonl"]}})

    reproduce(repo)

    ingest = read_json(repo / "reports/ingest/stats.json")
    assert list(ingest["sources"]) == ["data/raw/mine.jsonl"]
    assert ingest["records_out"] == 200
    assert (repo / "models/finetuned/model.safetensors").is_file()
