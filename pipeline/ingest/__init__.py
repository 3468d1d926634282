"""Read raw corpora into the record table, with stable ids and splits."""

from pipeline.ingest.stage import run

__all__ = ["run"]
