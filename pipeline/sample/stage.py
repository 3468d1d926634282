"""The sample stage: write a seeded demo corpus with real problems in it.

The corpus has English and Chinese plain documents and prompt/response
pairs. It also has planted PII, toxic lines, verbatim duplicates and a few
malformed lines (broken JSON, invalid UTF-8, a missing field, a wrong type),
so that every later stage has real work to do.
"""

import json
import logging
import random
from pathlib import Path

from pipeline.core.artifacts import atomic_dir, write_config
from pipeline.core.config import SampleConfig
from pipeline.sample.pii import PiiPlanter
from pipeline.sample.text import EN_TOXIC, ZH_TOXIC, document, pair

log = logging.getLogger(__name__)

DOCUMENTS_FILE = "documents.jsonl"
PAIRS_FILE = "pairs.jsonl"
NOTES_FILE = "notes.txt"

# Written after the generated documents; each must be rejected by ingest with its line number.
MALFORMED_LINES = [
    b'{"text": "this line was cut off in the middle',
    '{"text": "caf\xe9 au lait"}'.encode("latin-1"),  # Latin-1, not UTF-8
    b'{"body": "the text field is missing"}',
    b'{"text": 42}',
    b'{"text": ""}',
]


def _documents(config: SampleConfig, rng: random.Random, planter: PiiPlanter) -> list[str]:
    texts = []
    for _ in range(config.documents):
        chinese = rng.random() < 0.4
        separator = "" if chinese else " "
        plant = planter.chinese if chinese else planter.english
        toxic_lines = ZH_TOXIC if chinese else EN_TOXIC

        text = document(rng, chinese)
        if rng.random() < config.pii_rate:
            text += separator + plant(rng)
        if rng.random() < config.toxic_rate:
            text += separator + rng.choice(toxic_lines)
        texts.append(text)
    return texts


def _pairs(config: SampleConfig, rng: random.Random, planter: PiiPlanter) -> list[dict]:
    rows = []
    for _ in range(config.pairs):
        chinese = rng.random() < 0.4
        prompt, response = pair(rng, chinese)
        if rng.random() < config.pii_rate:
            prompt = (planter.chinese(rng) if chinese else planter.english(rng) + " ") + prompt
        rows.append({"prompt": prompt, "response": response})
    return rows


def _with_duplicates(items: list, rate: float, rng: random.Random) -> list:
    repeats = [rng.choice(items) for _ in range(int(len(items) * rate))]
    combined = items + repeats
    rng.shuffle(combined)
    return combined


def run(config: SampleConfig, out_dir: Path) -> dict:
    """Write documents.jsonl, pairs.jsonl and notes.txt into ``out_dir``; return counts."""
    rng = random.Random(config.seed)
    planter = PiiPlanter(config.seed)

    documents = _with_duplicates(_documents(config, rng, planter), config.duplicate_rate, rng)
    pairs = _with_duplicates(_pairs(config, rng, planter), config.duplicate_rate, rng)
    notes = [document(rng, chinese=index % 2 == 1) for index in range(40)]

    with atomic_dir(out_dir) as staging:
        with open(staging / DOCUMENTS_FILE, "wb") as handle:
            for text in documents:
                handle.write(json.dumps({"text": text}, ensure_ascii=False).encode("utf-8") + b"\n")
            for line in MALFORMED_LINES:
                handle.write(line + b"\n")
        with open(staging / PAIRS_FILE, "w", encoding="utf-8") as handle:
            for row in pairs:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        (staging / NOTES_FILE).write_text("\n\n".join(notes) + "\n", encoding="utf-8")
        write_config(staging, {"sample": config})

    stats = {"documents": len(documents), "pairs": len(pairs), "notes": len(notes), "malformed_lines": len(MALFORMED_LINES)}
    log.info("wrote sample corpus to %s: %s", out_dir, stats)
    return stats
