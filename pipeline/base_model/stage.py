"""The base_model stage: train a byte-level BPE tokenizer and build a tiny GPT-2.

The tokenizer learns from the train split after the privacy stage, so the
values that stage redacted cannot become vocabulary entries. The result is an
ordinary Hugging Face model folder, loaded downstream by
the same ``from_pretrained`` call that loads a hub id, so the default run
exercises the code path that real models take. The weights are random: the
fine-tuned model's lower perplexity comes from training in this pipeline.
"""

import logging
from collections.abc import Iterator
from pathlib import Path

import torch
from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

from pipeline.core.artifacts import atomic_dir, write_config
from pipeline.core.config import BaseModelConfig
from pipeline.core.errors import InputError
from pipeline.core.records import RECORDS_FILE, read_records, record_texts

log = logging.getLogger(__name__)

EOS_TOKEN = "<|endoftext|>"
PAD_TOKEN = "<|pad|>"


def corpus_texts(records_dir: Path) -> Iterator[str]:
    """Yield the text fields of the train-split records in ``records_dir``."""
    for record in read_records(records_dir):
        if record["split"] == "train":
            yield from record_texts(record).values()


def train_tokenizer(texts: Iterator[str], vocab_size: int) -> PreTrainedTokenizerFast:
    tokenizer = Tokenizer(models.BPE())
    tokenizer.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tokenizer.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=[EOS_TOKEN, PAD_TOKEN],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
    )
    tokenizer.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(tokenizer_object=tokenizer, eos_token=EOS_TOKEN, bos_token=EOS_TOKEN,
                                   unk_token=EOS_TOKEN, pad_token=PAD_TOKEN)


def run(config: BaseModelConfig, corpus_dir: Path, out_dir: Path) -> dict:
    """Write a tokenizer and a randomly initialized GPT-2 to ``out_dir``."""
    if not (corpus_dir / RECORDS_FILE).is_file():
        raise InputError(f"{corpus_dir / RECORDS_FILE}: not found; run the privacy stage first (dvc repro privacy)")

    tokenizer = train_tokenizer(corpus_texts(corpus_dir), config.vocab_size)
    torch.manual_seed(config.seed)
    model_config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=config.n_positions,
        n_embd=config.n_embd,
        n_layer=config.n_layer,
        n_head=config.n_head,
        bos_token_id=tokenizer.bos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.pad_token_id,
    )
    model = GPT2LMHeadModel(model_config)

    with atomic_dir(out_dir) as staging:
        tokenizer.save_pretrained(staging)
        model.save_pretrained(staging)
        write_config(staging, {"base_model": config})

    stats = {"vocab_size": len(tokenizer), "parameters": model.num_parameters()}
    log.info("built base model in %s: %s", out_dir, stats)
    return stats
