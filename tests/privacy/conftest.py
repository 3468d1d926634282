"""The ``run_stage`` fixture: the real privacy stage on a real parquet file in tmp_path."""

import pytest

from pipeline.privacy import run
from pipeline.privacy.config import PrivacyConfig
from privacy_helpers import StageRun, write_input


@pytest.fixture
def run_stage(tmp_path):
    """Run the stage on the given records; each call gets its own folder."""
    calls = []

    def _run(records: list[dict], config: PrivacyConfig | None = None) -> StageRun:
        root = tmp_path / f"run{len(calls)}"
        in_dir = write_input(root / "in", records)
        stats = run(config or PrivacyConfig(), in_dir, root / "out", root / "stats.json")
        calls.append(root)
        return StageRun(root, stats)

    return _run
