"""Helpers that write a real records.parquet and read the outputs of the real privacy stage."""

import json
from pathlib import Path

from pipeline.core.records import content_hash, write_records

KEY_ENV = "TUNELINE_PII_KEY"
TEST_KEY = "test-key-0123456789abcdef"


def make_record(index: int, text: str | None = None, prompt: str | None = None, response: str | None = None) -> dict:
    fields = {"text": text, "prompt": prompt, "response": response}
    return {"id": f"rec{index:04d}", "source": "test.jsonl", "line": index, "content_hash": content_hash(fields),
            "split": "train", **fields}


def write_params(path: Path) -> Path:
    """Write a params.yaml with only the required keys, so the privacy section has its defaults."""
    path.write_text("ingest: {sources: [x]}\nmodel: {name_or_path: m}\nevaluate: {prompts: [p]}\n", encoding="utf-8")
    return path


def write_input(folder: Path, records: list[dict]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_records(records, folder / "records.parquet")
    return folder


class StageRun:
    """Paths and parsed outputs of one stage run."""

    def __init__(self, root: Path, stats: dict):
        self.root = root
        self.out_dir = root / "out"
        self.stats = stats
        self.stats_path = root / "stats.json"

    @property
    def audit(self) -> list[dict]:
        lines = (self.out_dir / "audit.jsonl").read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines]

    @property
    def records(self) -> list[dict]:
        from pipeline.core.records import read_records

        return read_records(self.out_dir)

    def artifact_texts(self) -> dict[str, str]:
        """Every output file as text (parquet as its decoded rows)."""
        texts = {path.name: path.read_text(encoding="utf-8") for path in self.out_dir.iterdir() if path.suffix != ".parquet"}
        texts["records.parquet"] = json.dumps(self.records, ensure_ascii=False)
        texts["stats.json"] = self.stats_path.read_text(encoding="utf-8")
        return texts
