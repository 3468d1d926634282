"""Strings that look like numeric PII but are not: UUIDs, hashes, dates,
timestamps, version strings, ISBNs, order numbers, arithmetic and coordinates.

The phone, card, SSN and IPv4 detectors drop a candidate that overlaps one of
these spans (only phones also count labelled order numbers). The other
detectors ignore them because their own structure is specific enough.
"""

import bisect
import re

from stdnum import isbn

_PATTERNS = [
    # UUID, any version.
    re.compile(r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"),
    # Subresource-integrity and similar "algo-base64" digests.
    re.compile(r"(?i:sha(?:1|256|384|512)|md5)[-:][A-Za-z0-9+/]{20,128}={0,2}"),
    # ISO dates and date-times; compact YYYYMMDD with a valid month and day.
    re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}[-/.](?:0?[1-9]|1[0-2])[-/.](?:0?[1-9]|[12][0-9]|3[01])(?![0-9])"),
    re.compile(r"(?<![0-9])(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])(?![0-9])"),
    # Day-month-year and month-day-year dates with one consistent separator.
    re.compile(r"(?<![0-9./-])(?:0?[1-9]|[12][0-9]|3[01])([./-])(?:0?[1-9]|[12][0-9]|3[01])\1(?:19|20)?[0-9]{2}(?![0-9]|[./-][0-9])"),
    # Times of day.
    re.compile(r"(?<![0-9:])(?:[01]?[0-9]|2[0-3]):[0-5][0-9](?::[0-5][0-9](?:\.[0-9]{1,6})?)?(?![0-9:])"),
    # Unix timestamps in seconds (10 digits) and milliseconds (13 digits), 2001 to 2033.
    # A ")" or "+" right before marks a phone number ("+44 (0)1134960243"), not a timestamp.
    re.compile(r"(?<![0-9)+])1[0-9]{9}(?:[0-9]{3})?(?![0-9])"),
    # Version strings after a marker: v1.2.3.4, version 10.0.0.1, Chrome/120.0.6099.109, pkg==1.2.3.4.
    re.compile(r"(?i:\bv|\bver\.?\s?|\bversion\s?|\brelease\s?|\bbuild\s?|\bfirmware\s?|(?<=[A-Za-z])/|==)[0-9]{1,6}(?:\.[0-9]{1,6}){1,4}"),
    # Dotted numbers with five or more parts (OIDs, long versions).
    re.compile(r"(?<![0-9.])[0-9]{1,6}(?:\.[0-9]{1,6}){4,}"),
    # ISBN with its label.
    re.compile(r"(?i:\bISBN(?:-1[03])?:?\s?)[0-9][0-9 -]{8,16}[0-9Xx]"),
    # Arithmetic: numbers of up to 12 characters joined by operators with space on both
    # sides or neither. So "... 7035 +44 20 ..." and "4974650752917035+49 30 ..." (a number,
    # then a phone with its country code) are not arithmetic.
    re.compile(r"(?<![0-9.,-])[0-9][0-9.,]{0,11}(?:(?:\s[+*×÷=^]\s|[+*×÷=^])[0-9][0-9.,]{0,11}(?![0-9.,])){1,10}"),
    # Latitude, longitude pairs in decimal degrees.
    re.compile(r"-?[0-9]{1,3}\.[0-9]{3,8}°?\s?[NS]?,\s?-?[0-9]{1,3}\.[0-9]{3,8}°?\s?[EW]?"),
    # Long hex digests (git hashes, SHA-256) with at least one letter, so digit-only card numbers stay out.
    re.compile(r"(?<![0-9A-Za-z])(?=[0-9]{0,127}[a-fA-F])[0-9a-fA-F]{16,128}(?![0-9A-Za-z])"),
]

# Reference numbers named as such ("order #5551234567"). Payment card detection
# ignores these, because a card number after "order" is still a card number.
_LABELLED_REFERENCES = [
    re.compile(r"(?i:\b(?:order|invoice|ticket|tracking|shipment|parcel|booking|confirmation|reference|ref|case|sku|part|serial|po)"
               r"(?:\s?(?:no\.?|number|num|id|code))?\s?[:#]?\s?#?)[A-Z0-9][A-Z0-9-]{4,30}"),
    re.compile(r"(?<![0-9])#[0-9]{5,20}(?![0-9])"),
]

# Bare 13-digit numbers starting 978/979 that pass the ISBN-13 checksum.
_ISBN13 = re.compile(r"(?<![0-9])97[89](?:[ -]?[0-9]){10}(?![0-9])")


def lookalike_spans(text: str) -> "Lookalikes":
    """Find the spans of ``text`` that look like PII but are not."""
    structural = []
    for pattern in _PATTERNS:
        structural.extend((m.start(), m.end()) for m in pattern.finditer(text))
    for match in _ISBN13.finditer(text):
        if isbn.is_valid(match.group()):
            structural.append((match.start(), match.end()))
    labelled = [(m.start(), m.end()) for pattern in _LABELLED_REFERENCES for m in pattern.finditer(text)]
    return Lookalikes(SpanSet(structural), SpanSet(structural + labelled))


class Lookalikes:
    """``structural``: spans whose own format rules out PII (UUIDs, dates, hashes).
    ``any``: those plus numbers that a label names as something else (order numbers)."""

    def __init__(self, structural: "SpanSet", any_kind: "SpanSet"):
        self.structural = structural
        self.any = any_kind

    def overlaps(self, start: int, end: int) -> bool:
        return self.any.overlaps(start, end)


class SpanSet:
    """Merged, sorted spans with a binary-search overlap test."""

    def __init__(self, spans: list[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(spans):
            if merged and start <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self._starts = [s for s, _ in merged]
        self._ends = [e for _, e in merged]

    def overlaps(self, start: int, end: int) -> bool:
        index = bisect.bisect_left(self._starts, end)  # spans starting before ``end``
        return index > 0 and self._ends[index - 1] > start
