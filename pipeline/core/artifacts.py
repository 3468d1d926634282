"""Writing stage outputs so that a killed stage never leaves a half-written one.

Each output is built under a temporary name next to its final path and
renamed into place only when complete.
"""

import contextlib
import json
import os
import shutil
import tempfile
from pathlib import Path

PARAMS_FILE = "params.json"


@contextlib.contextmanager
def atomic_dir(final: Path):
    """Yield a fresh temporary folder that replaces ``final`` on success.

    On an exception the temporary folder is removed and ``final`` is left as
    it was.
    """
    final = Path(final)
    final.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{final.name}.tmp-", dir=final.parent))
    try:
        yield staging
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise

    # os.replace cannot overwrite a non-empty folder, so move the old one aside first.
    retired = None
    if final.exists():
        retired = final.parent / f".{final.name}.old-{os.getpid()}"
        os.replace(final, retired)
    os.replace(staging, final)
    if retired is not None:
        shutil.rmtree(retired, ignore_errors=True)


def write_json(path: Path, payload) -> None:
    """Write JSON through a temporary file and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, staging = tempfile.mkstemp(prefix=f".{path.name}.tmp-", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(payload, handle, indent=2, ensure_ascii=False, sort_keys=False)
            handle.write("\n")
        os.replace(staging, path)
    except BaseException:
        Path(staging).unlink(missing_ok=True)
        raise


def write_config(folder: Path, sections: dict) -> None:
    """Save the resolved params sections (defaults filled in) next to a stage's output."""
    # Not config.json: that name belongs to Hugging Face model folders.
    write_json(Path(folder) / PARAMS_FILE, {name: section.model_dump(mode="json") for name, section in sections.items()})
