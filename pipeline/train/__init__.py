"""Fine-tune the base model (full or LoRA) on the tokenized data."""

from pipeline.train.stage import run

__all__ = ["run"]
