"""The train stage: fine-tune the base model with the Hugging Face Trainer.

Runs on a CUDA GPU when one is visible (bf16 where supported) and on the CPU
otherwise. Full fine-tuning by default; ``train.lora.enabled`` trains LoRA
adapters instead and saves both the adapter and the merged model. Loss
curves go to dvclive, so ``dvc plots show`` draws them.
"""

import logging
import tempfile
from pathlib import Path

import torch
from datasets import load_from_disk
from dvclive import Live
from transformers import Trainer, TrainingArguments, default_data_collator
from transformers.integrations import DVCLiveCallback

from pipeline.core.artifacts import atomic_dir, write_config
from pipeline.core.config import ModelConfig, TrainConfig
from pipeline.core.hub import load_causal_lm, load_tokenizer
from pipeline.train.adapters import wrap_with_lora
from pipeline.train.precision import resolve_precision

log = logging.getLogger(__name__)

ADAPTER_DIR = "adapter"


def _arguments(config: TrainConfig, precision: str, scratch: str) -> TrainingArguments:
    return TrainingArguments(
        output_dir=scratch,
        max_steps=config.max_steps,
        learning_rate=config.learning_rate,
        per_device_train_batch_size=config.per_device_batch_size,
        per_device_eval_batch_size=config.per_device_batch_size,
        gradient_accumulation_steps=config.gradient_accumulation_steps,
        warmup_steps=config.warmup_steps,
        weight_decay=config.weight_decay,
        lr_scheduler_type="cosine",
        eval_strategy="steps",
        eval_steps=config.eval_steps,
        logging_steps=config.logging_steps,
        save_strategy="no",
        seed=config.seed,
        data_seed=config.seed,
        bf16=precision == "bf16",
        fp16=precision == "fp16",
        use_cpu=not torch.cuda.is_available(),
        report_to=[],
        disable_tqdm=True,
    )


def run(model_config: ModelConfig, config: TrainConfig, data_dir: Path, out_dir: Path, logs_dir: Path) -> dict:
    """Fine-tune on ``data_dir`` (from the tokenize stage) and save the model to ``out_dir``."""
    precision = resolve_precision(config.precision)
    dataset = load_from_disk(str(data_dir)).remove_columns("record_ids")
    tokenizer = load_tokenizer(model_config)
    model = load_causal_lm(model_config.name_or_path, model_config.revision)
    if config.lora.enabled:
        model = wrap_with_lora(model, config.lora)
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    log.info("training %s on %s in %s: %d trainable parameters, %d train examples",
             model_config.name_or_path, "cuda" if torch.cuda.is_available() else "cpu",
             precision, trainable, len(dataset["train"]))

    live = Live(dir=str(logs_dir), report=None, save_dvc_exp=False, dvcyaml=False)
    with tempfile.TemporaryDirectory(prefix="tuneline-train-") as scratch:
        trainer = Trainer(
            model=model,
            args=_arguments(config, precision, scratch),
            train_dataset=dataset["train"],
            eval_dataset=dataset["validation"],
            data_collator=default_data_collator,
            processing_class=tokenizer,
            callbacks=[DVCLiveCallback(live=live)],
        )
        result = trainer.train()
        evaluation = trainer.evaluate()

    # TODO: under torchrun every rank would reach this save; only rank 0 should write out_dir.
    with atomic_dir(out_dir) as staging:
        if config.lora.enabled:
            model.save_pretrained(staging / ADAPTER_DIR)
            model = model.merge_and_unload()
        model.save_pretrained(staging)
        tokenizer.save_pretrained(staging)
        write_config(staging, {"model": model_config, "train": config})

    stats = {
        "train_loss": result.training_loss,
        "eval_loss": evaluation["eval_loss"],
        "steps": result.global_step,
        "train_seconds": result.metrics["train_runtime"],
        "trainable_parameters": trainable,
        "precision": precision,
    }
    log.info("saved fine-tuned model to %s: %s", out_dir, stats)
    return stats
