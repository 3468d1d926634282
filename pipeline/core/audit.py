"""Per-record audit trail: one JSON line per record per stage.

Rows carry ids, actions, reasons and counts, never record text, so audit
files can be shared with reviewers without exposing PII.
"""

import json
from collections import Counter
from pathlib import Path

AUDIT_FILE = "audit.jsonl"

KEPT = "kept"
CHANGED = "redacted"
DROPPED = "dropped"


class AuditWriter:
    """Write audit rows and count actions and reasons for the stage stats."""

    def __init__(self, path: Path, stage: str):
        self.stage = stage
        self.actions: Counter[str] = Counter()
        self.reasons: Counter[str] = Counter()
        self._handle = open(path, "w", encoding="utf-8")

    def write(self, record_id: str | None, action: str, reasons: list[str] | None = None, **details) -> None:
        """Append one row. ``reasons`` are short codes (``pii:EMAIL``, ``duplicate``);
        values such as scores or matched ids go in ``details``. ``record_id`` is
        None only for input rows rejected before they got an id."""
        reasons = reasons or []
        self.actions[action] += 1
        self.reasons.update(reasons)
        row = {"id": record_id, "stage": self.stage, "action": action, "reasons": reasons, **details}
        self._handle.write(json.dumps(row, ensure_ascii=False) + "\n")

    def close(self) -> None:
        self._handle.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def stage_stats(stage: str, records_in: int, audit: AuditWriter, **extra) -> dict:
    """Summarize a filtering stage so that counts add up across stages.

    ``records_out`` of one stage equals ``records_in`` of the next, and
    ``records_in == records_out + dropped`` within a stage.
    """
    dropped = audit.actions.get(DROPPED, 0)
    return {
        "stage": stage,
        "records_in": records_in,
        "records_out": records_in - dropped,
        "actions": dict(sorted(audit.actions.items())),
        "reasons": dict(sorted(audit.reasons.items())),
        **extra,
    }
