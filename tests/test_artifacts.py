"""Atomic outputs: a failed stage leaves the previous output untouched."""

import pytest

from pipeline.core.artifacts import atomic_dir, write_json


def test_atomic_dir_replaces_on_success(tmp_path):
    final = tmp_path / "out"
    final.mkdir()
    (final / "old.txt").write_text("old")
    with atomic_dir(final) as staging:
        (staging / "new.txt").write_text("new")
    assert sorted(p.name for p in final.iterdir()) == ["new.txt"]


def test_atomic_dir_keeps_old_output_on_failure(tmp_path):
    final = tmp_path / "out"
    final.mkdir()
    (final / "old.txt").write_text("old")
    with pytest.raises(RuntimeError):
        with atomic_dir(final) as staging:
            (staging / "half.txt").write_text("half")
            raise RuntimeError("killed mid-write")
    assert sorted(p.name for p in final.iterdir()) == ["old.txt"]


def test_atomic_dir_leaves_no_staging_on_failure(tmp_path):
    with pytest.raises(RuntimeError):
        with atomic_dir(tmp_path / "out"):
            raise RuntimeError("killed mid-write")
    assert list(tmp_path.iterdir()) == []


def test_write_json_leaves_no_temp_file(tmp_path):
    write_json(tmp_path / "stats.json", {"a": 1})
    assert [p.name for p in tmp_path.iterdir()] == ["stats.json"]
