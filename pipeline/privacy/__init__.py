"""Find PII in the record table and redact, pseudonymize, keep or drop it per entity type (docs/privacy.md)."""

from pipeline.privacy.stage import run

__all__ = ["run"]
