"""The unit that every detector returns and the rule that resolves overlaps."""

import bisect
from dataclasses import dataclass, field, replace

# Higher wins when two findings overlap; within one priority the longer span wins.
# Secrets come first because a URL credential contains what looks like an email,
# and structured ids before phones because many of them also parse as phone numbers.
PRIORITY = {
    "SECRET": 100,
    "CN_RESIDENT_ID": 90,
    "IBAN": 85,
    "CREDIT_CARD": 80,
    "CRYPTO_ADDRESS": 75,
    "EMAIL": 70,
    "US_SSN": 65,
    "IP_ADDRESS": 60,
    "MAC_ADDRESS": 55,
    "PHONE": 50,
    "PERSON": 10,
    "LOCATION": 10,
}

ENTITY_TYPES = tuple(PRIORITY)


@dataclass(frozen=True)
class Entity:
    """One finding: ``start``/``end`` are code-point offsets, ``canonical`` is
    the normalized value (digits only, lower case, ...) used for keyed hashes,
    and ``kind`` names a subtype such as ``github_token`` or ``bitcoin``."""

    type: str
    start: int
    end: int
    canonical: str = field(repr=False)
    kind: str = ""


def resolve_overlaps(candidates: list[Entity], text: str) -> list[Entity]:
    """Keep a set of non-overlapping entities, best first, in text order.

    A candidate that overlaps better ones keeps the parts they leave uncovered
    that have a letter or digit, so that no piece of it stays in clear text
    ("4111...1111john@example.com": card, then the rest of the email).
    """
    ranked = sorted(candidates, key=lambda e: (-PRIORITY.get(e.type, 0), -(e.end - e.start), e.start))
    chosen = _ChosenSpans()
    for entity in ranked:
        overlapping = chosen.overlapping(entity.start, entity.end)
        if not overlapping:
            chosen.add(entity)
            continue
        for start, end in _uncovered(entity.start, entity.end, overlapping):
            while start < end and not text[start].isalnum():
                start += 1
            while end > start and not text[end - 1].isalnum():
                end -= 1
            # An email cut before its "@" is a host name, as after "user:password" in a URL.
            if start < end and (entity.type != "EMAIL" or "@" in text[start:end]):
                chosen.add(replace(entity, start=start, end=end))
    return chosen.entities


class _ChosenSpans:
    """Non-overlapping entities sorted by start, so ends are sorted too and an
    overlap query is two binary searches instead of a scan."""

    def __init__(self):
        self.entities: list[Entity] = []
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlapping(self, start: int, end: int) -> list[Entity]:
        first = bisect.bisect_right(self._ends, start)
        last = bisect.bisect_left(self._starts, end)
        return self.entities[first:last]

    def add(self, entity: Entity) -> None:
        index = bisect.bisect_left(self._starts, entity.start)
        self.entities.insert(index, entity)
        self._starts.insert(index, entity.start)
        self._ends.insert(index, entity.end)


def _uncovered(start: int, end: int, overlapping: list[Entity]) -> list[tuple[int, int]]:
    """Return the parts of [start, end) that the sorted ``overlapping`` entities leave uncovered."""
    parts = []
    cursor = start
    for other in overlapping:
        if other.start > cursor:
            parts.append((cursor, other.start))
        cursor = max(cursor, other.end)
    if cursor < end:
        parts.append((cursor, end))
    return parts
