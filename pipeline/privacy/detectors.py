"""PII detectors. Each finds one entity type and validates matches where a
checksum or structure exists, so look-alike numbers are not redacted.

Spans are code-point offsets into the text passed in.
"""

import ipaddress
import re
from dataclasses import dataclass

import phonenumbers


@dataclass(frozen=True)
class Entity:
    type: str
    start: int
    end: int
    value: str


class EmailDetector:
    entity_type = "EMAIL"
    # Bounded quantifiers keep matching linear on long runs of dots or letters.
    _pattern = re.compile(r"(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?![\w-])")

    def find(self, text: str) -> list[Entity]:
        found = []
        for match in self._pattern.finditer(text):
            value = match.group().rstrip(".")
            domain = value.rsplit("@", 1)[1]
            if "." in domain and not domain.endswith("-"):
                found.append(Entity(self.entity_type, match.start(), match.start() + len(value), value))
        return found


class PhoneDetector:
    entity_type = "PHONE"

    def __init__(self, regions: list[str]):
        self.regions = regions

    def find(self, text: str) -> list[Entity]:
        # Each region's matcher finds national numbers of that region only, so run all and merge.
        found = {}
        for region in self.regions:
            for match in phonenumbers.PhoneNumberMatcher(text, region, leniency=phonenumbers.Leniency.VALID):
                found[(match.start, match.end)] = Entity(self.entity_type, match.start, match.end, match.raw_string)
        return list(found.values())


class IpAddressDetector:
    entity_type = "IP_ADDRESS"
    _v4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
    _v6 = re.compile(r"(?<![\w:])(?:[0-9A-Fa-f]{0,4}:){2,7}[0-9A-Fa-f]{0,4}(?![\w:])")

    def find(self, text: str) -> list[Entity]:
        found = []
        for pattern in (self._v4, self._v6):
            for match in pattern.finditer(text):
                try:
                    ipaddress.ip_address(match.group())
                except ValueError:
                    continue
                found.append(Entity(self.entity_type, match.start(), match.end(), match.group()))
        return found


def luhn_valid(digits: str) -> bool:
    total = 0
    for index, char in enumerate(reversed(digits)):
        value = int(char)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


class CreditCardDetector:
    entity_type = "CREDIT_CARD"
    # 13 to 19 digits, optionally grouped by single spaces or hyphens.
    _pattern = re.compile(r"(?<![\d-])\d(?:[ -]?\d){12,18}(?![\d-])")

    def find(self, text: str) -> list[Entity]:
        found = []
        for match in self._pattern.finditer(text):
            digits = re.sub(r"\D", "", match.group())
            if luhn_valid(digits):
                found.append(Entity(self.entity_type, match.start(), match.end(), match.group()))
        return found


def build_detectors(phone_regions: list[str]) -> list:
    return [EmailDetector(), CreditCardDetector(), IpAddressDetector(), PhoneDetector(phone_regions)]


def find_entities(text: str, detectors: list) -> list[Entity]:
    """Run all detectors and keep non-overlapping spans, longest first, in text order."""
    candidates = [entity for detector in detectors for entity in detector.find(text)]
    candidates.sort(key=lambda e: (-(e.end - e.start), e.start))
    chosen: list[Entity] = []
    for entity in candidates:
        if all(entity.end <= other.start or entity.start >= other.end for other in chosen):
            chosen.append(entity)
    return sorted(chosen, key=lambda e: e.start)


def redact(text: str, entities: list[Entity]) -> str:
    """Replace each span with a typed placeholder such as ``<EMAIL>``."""
    pieces, cursor = [], 0
    for entity in entities:
        pieces.append(text[cursor:entity.start])
        pieces.append(f"<{entity.type}>")
        cursor = entity.end
    pieces.append(text[cursor:])
    return "".join(pieces)
