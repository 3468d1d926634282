"""Generate the seeded demo corpus that the default pipeline runs on."""

from pipeline.sample.stage import run

__all__ = ["run"]
