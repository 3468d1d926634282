"""Drop toxic records and exact duplicates from the record table."""

from pipeline.bias.stage import run

__all__ = ["run"]
