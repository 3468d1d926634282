"""Shared fixtures: an offline environment and real DVC repositories in temp folders."""

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml

PROJECT_ROOT = Path(__file__).resolve().parents[1]

# Tests never reach the network: no hub downloads, no telemetry. Set before
# Prefect or Hugging Face libraries are imported by any test module.
_STATE = Path(tempfile.mkdtemp(prefix="tuneline-tests-"))
os.environ.update({
    "HF_HUB_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HOME": str(_STATE / "hf"),
    "DVC_NO_ANALYTICS": "1",
    "PREFECT_HOME": str(_STATE / "prefect"),
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "TOKENIZERS_PARALLELISM": "false",
})
# Stage commands in dvc.yaml call `python`: make it this interpreter.
os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ["PATH"]

# Files a pipeline repo needs; everything else in the checkout is left out.
# params.yaml comes from the last commit when there is one, so local edits
# made while trying the project do not leak into the tests.
REPO_FILES = ["dvc.yaml", ".dvcignore", "pipeline", "flows"]

# Small enough that a full run takes about a minute on 2 cores.
SMALL_PARAMS = {
    "sample": {"documents": 300, "pairs": 150},
    "base_model": {"vocab_size": 512, "n_positions": 64, "n_embd": 32, "n_layer": 1, "n_head": 2},
    "tokenize": {"block_size": 64},
    "train": {"max_steps": 30, "eval_steps": 15, "logging_steps": 5, "per_device_batch_size": 8, "warmup_steps": 2},
    "evaluate": {"max_new_tokens": 8, "prompts": ["What is 2 plus 3?\n", "老师在春天"]},
}


def merge(base: dict, override: dict) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def update_params(repo: Path, override: dict) -> None:
    path = repo / "params.yaml"
    params = yaml.safe_load(path.read_text(encoding="utf-8"))
    path.write_text(yaml.safe_dump(merge(params, override), allow_unicode=True, sort_keys=False), encoding="utf-8")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


def make_pipeline_repo(target: Path, override: dict | None = None) -> Path:
    """Copy the project into ``target`` as a fresh git + DVC repository with small params."""
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in REPO_FILES:
        source = PROJECT_ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)

    committed = subprocess.run(["git", "show", "HEAD:params.yaml"], cwd=PROJECT_ROOT, capture_output=True, text=True)
    params_text = committed.stdout if committed.returncode == 0 else (PROJECT_ROOT / "params.yaml").read_text(encoding="utf-8")
    (target / "params.yaml").write_text(params_text, encoding="utf-8")
    (target / "data" / "raw").mkdir(parents=True)
    (target / "data" / "raw" / ".gitkeep").touch()

    update_params(target, merge(SMALL_PARAMS, override or {}))
    git(target, "init", "-q")
    git(target, "config", "user.name", "tuneline tests")
    git(target, "config", "user.email", "tests@tuneline.invalid")
    subprocess.run([sys.executable, "-m", "dvc", "init", "-q"], cwd=target, check=True)
    git(target, "add", "-A")
    git(target, "commit", "-q", "-m", "fixture")
    return target


@pytest.fixture
def pipeline_repo(tmp_path) -> Path:
    return make_pipeline_repo(tmp_path / "repo")
