"""Encode filtered records into packed or prompt-masked training examples."""

from pipeline.tokenize.stage import run

__all__ = ["run"]
