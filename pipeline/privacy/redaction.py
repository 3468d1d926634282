"""Apply the configured action to each entity of a record and build its audit row."""

from collections import Counter
from dataclasses import dataclass, field

from pipeline.core.audit import CHANGED, DROPPED, KEPT
from pipeline.core.records import content_hash, record_texts
from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.entity import Entity
from pipeline.privacy.keyed_hash import ValueHasher
from pipeline.privacy.scanner import Scanner

CAPPED_REASON = "capped"


@dataclass
class RecordOutcome:
    """The result of one record: ``record`` is None when it was dropped."""

    record: dict | None
    action: str
    reasons: list[str]
    details: dict
    entity_actions: Counter = field(default_factory=Counter)
    capped: bool = False


def rewrite_text(text: str, entities: list[Entity], config: PrivacyConfig, hasher: ValueHasher | None,
                 field_name: str) -> tuple[str, list[dict]]:
    """Replace the entities of ``text`` according to their actions.

    Returns the new text and one finding per entity, with its span in the new
    text and, when a key is set, the keyed hash of its canonical value.
    """
    pieces: list[str] = []
    findings: list[dict] = []
    cursor = 0
    new_length = 0
    for entity in entities:
        before = text[cursor:entity.start]
        pieces.append(before)
        new_length += len(before)
        action = config.action_for(entity.type)
        if action == "keep":
            replacement = text[entity.start:entity.end]
        elif action == "pseudonymize":
            # load_key guarantees a key whenever pseudonymize is configured.
            replacement = hasher.pseudonym(entity.type, entity.canonical)
        else:
            replacement = f"<{entity.type}>"
        pieces.append(replacement)
        finding = {"field": field_name, "type": entity.type, "action": action,
                   "start": new_length, "end": new_length + len(replacement)}
        if entity.kind:
            finding["kind"] = entity.kind
        if hasher is not None:
            finding["hash"] = hasher.audit_hash(entity.type, entity.canonical)
        findings.append(finding)
        new_length += len(replacement)
        cursor = entity.end
    pieces.append(text[cursor:])
    return "".join(pieces), findings


class RecordProcessor:
    """Scan and rewrite records one at a time; the same input always gives the same outcome."""

    def __init__(self, config: PrivacyConfig, key: bytes | None):
        self.config = config
        self.scanner = Scanner(config)
        self.hasher = ValueHasher(key) if key is not None else None

    def process(self, record: dict) -> RecordOutcome:
        texts = record_texts(record)
        capped = any(len(text) > self.config.max_chars for text in texts.values())
        if capped and self.config.capped_action == "drop":
            return RecordOutcome(None, DROPPED, [CAPPED_REASON], {"capped": True}, capped=True)

        rewritten = dict(record)
        findings: list[dict] = []
        for name, text in texts.items():
            # With capped_action "truncate", only the scanned head is kept, so no unscanned text passes.
            text = text[:self.config.max_chars]
            rewritten[name], field_findings = rewrite_text(text, self.scanner.scan(text), self.config, self.hasher, name)
            findings.extend(field_findings)

        counts = Counter(finding["type"] for finding in findings)
        entity_actions = Counter(finding["action"] for finding in findings)
        reasons = [f"pii:{kind}" for kind in sorted(counts)]
        details: dict = {"entities": dict(sorted(counts.items())), "findings": findings}
        if capped:
            reasons.append(CAPPED_REASON)
            details["capped"] = True

        if entity_actions["drop"]:
            # Spans of a dropped record refer to its redacted text, which is not written.
            return RecordOutcome(None, DROPPED, reasons, details, entity_actions, capped)
        changed = capped or any(finding["action"] in ("redact", "pseudonymize") for finding in findings)
        if changed:
            # The ingest hash is over the raw text. An unkeyed hash of a short text with
            # an SSN or phone number can be reversed by trying every number.
            rewritten["content_hash"] = content_hash(rewritten)
        return RecordOutcome(rewritten, CHANGED if changed else KEPT, reasons, details, entity_actions, capped)
