"""Build the small default base model offline: a tokenizer trained on the
redacted corpus and a randomly initialized GPT-2 sized for a CPU."""

from pipeline.base_model.stage import run

__all__ = ["run"]
