"""The tokenize stage: encode the filtered records with the base model's tokenizer.

Writes a ``datasets.DatasetDict`` (train, validation, test) with
``input_ids``, ``attention_mask``, ``labels`` and the ``record_ids`` that
each example came from, saved with ``save_to_disk``.
"""

import logging
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from datasets import Dataset, DatasetDict

from pipeline.core.artifacts import atomic_dir, write_config, write_json
from pipeline.core.config import ModelConfig, TokenizeConfig
from pipeline.core.errors import InputError
from pipeline.core.hub import load_tokenizer
from pipeline.core.records import read_records
from pipeline.tokenize.packing import Packer, pair_example

log = logging.getLogger(__name__)

SPLITS = ("train", "validation", "test")
# Separates a prompt from its response; part of the prompt, so it is masked too.
PROMPT_SEPARATOR = "\n"


def run(model: ModelConfig, config: TokenizeConfig, in_dir: Path, out_dir: Path, stats_path: Path) -> dict:
    """Tokenize ``in_dir``/records.parquet into a DatasetDict at ``out_dir``."""
    records = read_records(in_dir)
    tokenizer = load_tokenizer(model)
    eos_id, pad_id = tokenizer.eos_token_id, tokenizer.pad_token_id

    # One batched call per field keeps the fast tokenizer's Rust threads busy.
    texts = [r["text"] if r["text"] is not None else r["prompt"] + PROMPT_SEPARATOR for r in records]
    first_ids = tokenizer(texts, add_special_tokens=False)["input_ids"]
    responses = [r["response"] or "" for r in records]
    response_ids = tokenizer(responses, add_special_tokens=False)["input_ids"]

    examples = {split: [] for split in SPLITS}
    packers = {split: Packer(config.block_size, eos_id, pad_id) for split in SPLITS}
    counts: Counter[str] = Counter()
    for record, ids, response in zip(records, first_ids, response_ids):
        split = record["split"]
        counts[f"{split}_records"] += 1
        if record["text"] is not None:
            examples[split].extend(packers[split].add(record["id"], ids))
            counts[f"{split}_tokens"] += len(ids) + 1
        else:
            example, truncated = pair_example(record["id"], ids, response, config.block_size, eos_id, pad_id)
            examples[split].append(example)
            counts[f"{split}_tokens"] += sum(example.attention_mask)
            counts["pairs_truncated"] += truncated
    for split in SPLITS:
        examples[split].extend(packers[split].flush())

    empty = [split for split in SPLITS if not examples[split]]
    if "train" in empty:
        raise InputError(f"{in_dir}: no training records left after filtering; check the bias and privacy stats")

    dataset = DatasetDict({
        split: Dataset.from_list([asdict(e) for e in examples[split]]) for split in SPLITS
    })
    with atomic_dir(out_dir) as staging:
        dataset.save_to_disk(str(staging))
        write_config(staging, {"model": model, "tokenize": config})

    stats = {
        "stage": "tokenize",
        "records_in": len(records),
        "block_size": config.block_size,
        "examples": {split: len(examples[split]) for split in SPLITS},
        **dict(sorted(counts.items())),
    }
    write_json(stats_path, stats)
    log.info("tokenized %d records into %s examples", len(records), stats["examples"])
    return stats
