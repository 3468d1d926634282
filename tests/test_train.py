"""A real tiny model trained for a few steps, full and LoRA."""

import pytest
from transformers import AutoModelForCausalLM

from pipeline.base_model.stage import run as build_base_model
from pipeline.core.config import BaseModelConfig, ModelConfig, TokenizeConfig, TrainConfig
from pipeline.core.errors import ConfigError
from pipeline.core.records import write_records
from pipeline.tokenize.stage import run as tokenize
from pipeline.train.precision import resolve_precision
from pipeline.train.stage import run as train

TINY_MODEL = BaseModelConfig(vocab_size=300, n_positions=32, n_embd=16, n_layer=1, n_head=2)


@pytest.fixture(scope="module")
def tokenized(tmp_path_factory):
    """A tiny base model and tokenized data built by the real stages."""
    root = tmp_path_factory.mktemp("train")
    texts = [f"The engineer repaired bridge number {i}. 工程师修好了第{i}座桥。" for i in range(60)]
    splits = {0: "validation", 1: "test"}
    records = [{"id": f"r{i}", "source": "s", "line": i, "content_hash": "h", "split": splits.get(i % 10, "train"),
                "text": text, "prompt": None, "response": None} for i, text in enumerate(texts)]
    records.append({"id": "qa", "source": "s", "line": 99, "content_hash": "h", "split": "train",
                    "text": None, "prompt": "What is 1 plus 1?\n", "response": "2"})
    (root / "records").mkdir()
    write_records(records, root / "records" / "records.parquet")
    build_base_model(TINY_MODEL, root / "records", root / "base")

    model = ModelConfig(name_or_path=str(root / "base"))
    tokenize(model, TokenizeConfig(block_size=32), root / "records", root / "tokenized", root / "tok.json")
    return root, model


def short_training(**overrides) -> TrainConfig:
    return TrainConfig(max_steps=4, eval_steps=2, logging_steps=1, per_device_batch_size=4, warmup_steps=0, **overrides)


def test_full_fine_tune_saves_loadable_model(tokenized):
    root, model = tokenized
    stats = train(model, short_training(), root / "tokenized", root / "full", root / "full-logs")
    reloaded = AutoModelForCausalLM.from_pretrained(root / "full")
    assert stats["steps"] == 4
    assert reloaded.num_parameters() == stats["trainable_parameters"]
    assert (root / "full-logs" / "plots" / "metrics" / "loss.tsv").is_file()


def test_lora_saves_adapter_and_merged_model(tokenized):
    root, model = tokenized
    config = short_training(lora={"enabled": True, "r": 2, "alpha": 4})
    stats = train(model, config, root / "tokenized", root / "lora", root / "lora-logs")
    base_size = AutoModelForCausalLM.from_pretrained(root / "base").num_parameters()
    assert (root / "lora" / "adapter" / "adapter_config.json").is_file()
    assert stats["trainable_parameters"] < base_size
    assert AutoModelForCausalLM.from_pretrained(root / "lora").num_parameters() == base_size


def test_bf16_on_cpu_rejected(monkeypatch):
    monkeypatch.setattr("torch.cuda.is_available", lambda: False)
    with pytest.raises(ConfigError, match="needs a CUDA GPU"):
        resolve_precision("bf16")


def test_auto_precision_on_cpu_is_fp32(monkeypatch):
    monkeypatch.setattr("torch.cuda.is_available", lambda: False)
    assert resolve_precision("auto") == "fp32"
