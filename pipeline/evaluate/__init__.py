"""Compare the base and fine-tuned models: perplexity and generations."""

from pipeline.evaluate.stage import run

__all__ = ["run"]
