"""Find PII in the record table and redact it, or drop the records that hold it."""

from pipeline.privacy.stage import run

__all__ = ["run"]
