"""The retraining flow under a real (temporary) Prefect server."""

import contextlib
from pathlib import Path

import pytest
import yaml
from dvc.repo import Repo
from prefect.client.orchestration import get_client
from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey
from prefect.testing.utilities import prefect_test_harness

from flows.retrain import retrain
from flows.stages import stage_order
from tests.conftest import make_pipeline_repo

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def harness():
    with prefect_test_harness(server_startup_timeout=120):
        yield


# Training logs wall-clock runtimes, so these two outputs differ between any two runs.
TIMING_OUTPUTS = {"reports/train/metrics.json", "reports/train/plots/metrics"}


def lock_hashes(repo: Path) -> dict:
    """Map each stage to the hashes of its deps and outs recorded in dvc.lock."""
    lock = yaml.safe_load((repo / "dvc.lock").read_text(encoding="utf-8"))
    return {
        name: sorted(
            (entry["path"], entry.get("md5"))
            for entry in stage.get("deps", []) + stage.get("outs", [])
            if entry["path"] not in TIMING_OUTPUTS
        )
        for name, stage in lock["stages"].items()
    }


def test_stage_order_follows_dvc_graph(pipeline_repo):
    order = stage_order(pipeline_repo)
    assert order.index("sample") < order.index("ingest") < order.index("privacy") < order.index("bias")
    assert order.index("bias") < order.index("tokenize") < order.index("train") < order.index("evaluate")
    assert order.index("base_model") < order.index("tokenize")


def test_flow_runs_then_skips(harness, tmp_path):
    flow_repo = make_pipeline_repo(tmp_path / "flow")

    first = retrain(str(flow_repo))
    second = retrain(str(flow_repo))

    assert all(first.values()), first
    assert not any(second.values()), second


def test_flow_publishes_metrics_artifact(harness, tmp_path):
    retrain(str(make_pipeline_repo(tmp_path / "flow")))

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["evaluation-metrics"]))
        )
    assert artifacts
    assert "| fine-tuned |" in artifacts[0].data


def test_flow_matches_dvc_repro(harness, tmp_path):
    flow_repo = make_pipeline_repo(tmp_path / "flow")
    cli_repo = make_pipeline_repo(tmp_path / "cli")

    retrain(str(flow_repo))
    with contextlib.chdir(cli_repo), Repo() as repo:
        repo.reproduce()

    assert lock_hashes(flow_repo) == lock_hashes(cli_repo)
    assert (flow_repo / "models/finetuned/model.safetensors").read_bytes() == \
        (cli_repo / "models/finetuned/model.safetensors").read_bytes()
