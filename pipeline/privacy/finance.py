"""Payment card numbers, IBANs and cryptocurrency addresses."""

import re
from pathlib import Path

import stdnum
from stdnum import bitcoin, iban

from pipeline.privacy.checksums import eip55_valid, luhn_valid, segwit_address_valid
from pipeline.privacy.entity import Entity
from pipeline.privacy.lookalikes import Lookalikes

# Issuer identification ranges: (lowest prefix, highest prefix, card lengths).
# Sources: the networks' published BIN ranges as summarized in ISO/IEC 7812
# listings; prefixes of different widths are compared on their own width.
_ISSUER_RANGES = (
    ("4", "4", (13, 16, 19)),                        # Visa
    ("51", "55", (16,)),                             # Mastercard
    ("2221", "2720", (16,)),                         # Mastercard 2-series
    ("34", "34", (15,)), ("37", "37", (15,)),        # American Express
    ("6011", "6011", (16, 17, 18, 19)),              # Discover
    ("644", "649", (16, 17, 18, 19)),
    ("65", "65", (16, 17, 18, 19)),
    # JCB is assigned 3528-3589. The whole 35 block is accepted because test data and
    # generators (Faker 40.63) use it, and a Luhn-valid 35 number is rarely anything else.
    ("35", "35", (16, 17, 18, 19)),                  # JCB
    ("1800", "1800", (15,)), ("2131", "2131", (15,)),  # JCB, older 15-digit numbers
    ("300", "305", (14, 15, 16, 17, 18, 19)),        # Diners Club
    ("36", "36", (14, 15, 16, 17, 18, 19)),
    ("38", "39", (16, 17, 18, 19)),
    ("62", "62", (16, 17, 18, 19)),                  # UnionPay
    ("81", "81", (16, 17, 18, 19)),
    ("2200", "2204", (16, 17, 18, 19)),              # Mir
    ("50", "50", (12, 13, 14, 15, 16, 17, 18, 19)),  # Maestro
    ("56", "69", (12, 13, 14, 15, 16, 17, 18, 19)),
    ("60", "60", (16,)), ("508", "508", (16,)),      # RuPay
    ("9792", "9792", (16,)),                         # Troy
)


def issuer_known(digits: str) -> bool:
    for low, high, lengths in _ISSUER_RANGES:
        if len(digits) in lengths and low <= digits[:len(low)] <= high:
            return True
    return False


class CreditCardDetector:
    """12 to 19 digits, ungrouped or grouped by single spaces or hyphens, that
    pass the Luhn check and start with a known issuer prefix for their length."""

    entity_type = "CREDIT_CARD"
    _pattern = re.compile(r"(?<![0-9])[0-9]{4}(?:[ -]?[0-9]){8,15}(?![0-9])")

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in self._pattern.finditer(text):
            value = match.group()
            if len(set(value) - set("0123456789")) > 1:
                continue  # mixed separators
            found.extend(self._split(value, match.start(), lookalikes))
        return found

    def _split(self, value: str, start: int, lookalikes: Lookalikes) -> list[Entity]:
        """Check the candidate, and when it fails, every run of its digit groups.

        The greedy candidate can span two numbers ("525-09-1849 3728..."), so runs
        of whole groups are tried longest first, from the left.
        """
        whole = self._check(value, start, lookalikes)
        if whole is not None:
            return [whole]
        groups = [(m.start(), m.end()) for m in re.finditer(r"[0-9]+", value)]
        found, first = [], 0
        while first < len(groups):
            for last in range(len(groups) - 1, first - 1, -1):
                if (first, last) == (0, len(groups) - 1):
                    continue
                entity = self._check(value[groups[first][0]:groups[last][1]], start + groups[first][0], lookalikes)
                if entity is not None:
                    found.append(entity)
                    first = last + 1
                    break
            else:
                first += 1
        return found

    def _check(self, value: str, start: int, lookalikes: Lookalikes) -> Entity | None:
        digits = value.replace(" ", "").replace("-", "")
        if len(digits) < 12 or not (luhn_valid(digits) and issuer_known(digits)):
            return None
        if lookalikes.structural.overlaps(start, start + len(value)):
            return None
        return Entity(self.entity_type, start, start + len(value), digits)


def _iban_lengths() -> dict[str, int]:
    """Return the total IBAN length per country, from the copy of the SWIFT IBAN
    registry that python-stdnum ships (iban.dat)."""
    lengths = {}
    registry = Path(stdnum.__file__).with_name("iban.dat").read_text(encoding="utf-8")
    for line in registry.splitlines():
        match = re.match(r'([A-Z]{2}) .*bban="([^"]+)"', line)
        if match:
            lengths[match.group(1)] = 4 + sum(int(size) for size in re.findall(r"([0-9]+)!", match.group(2)))
    return lengths


class IbanDetector:
    """IBANs of every country in the registry: the country's length and the
    ISO 7064 MOD 97-10 check digits, written compact or in groups of four."""

    entity_type = "IBAN"
    _pattern = re.compile(r"(?<![0-9])[A-Z]{2}[0-9]{2}(?:[ -]?[0-9A-Z]){10,32}")

    def __init__(self):
        self._lengths = _iban_lengths()

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        position = 0
        # A manual search loop, because the greedy candidate can run into the next
        # IBAN and finditer would skip it.
        while (match := self._pattern.search(text, position)) is not None:
            position = match.start() + 1
            expected = self._lengths.get(match.group()[:2])
            if expected is None:
                continue
            end = self._end_of(match.group(), expected)
            if end is None:
                continue
            compact = iban.compact(match.group()[:end])
            if not iban.is_valid(compact, check_country=False):
                continue
            found.append(Entity(self.entity_type, match.start(), match.start() + end, compact))
            position = match.start() + end
        return found

    @staticmethod
    def _end_of(candidate: str, length: int) -> int | None:
        """Return the offset just past the ``length``-th alphanumeric character."""
        count = 0
        for offset, char in enumerate(candidate):
            if char.isalnum():
                count += 1
                if count == length:
                    return offset + 1
        return None


class CryptoAddressDetector:
    """Bitcoin addresses (base58check P2PKH/P2SH, bech32 and bech32m segwit)
    and Ethereum addresses (0x and 40 hex digits, EIP-55 checksum when mixed case)."""

    entity_type = "CRYPTO_ADDRESS"
    _base58 = re.compile(r"(?<![0-9A-Za-z])[13][1-9A-HJ-NP-Za-km-z]{25,34}(?![0-9A-Za-z])")
    _segwit = re.compile(r"(?<![0-9A-Za-z])(?:bc1|BC1)[02-9ac-hj-np-zAC-HJ-NP-Z]{11,87}(?![0-9A-Za-z])")
    _ethereum = re.compile(r"(?<![0-9A-Za-z])0x[0-9a-fA-F]{40}(?![0-9A-Za-z])")

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in self._base58.finditer(text):
            if bitcoin.is_valid(match.group()):
                found.append(Entity(self.entity_type, match.start(), match.end(), match.group(), "bitcoin"))
        for match in self._segwit.finditer(text):
            if segwit_address_valid(match.group()):
                found.append(Entity(self.entity_type, match.start(), match.end(), match.group().lower(), "bitcoin"))
        for match in self._ethereum.finditer(text):
            if eip55_valid(match.group()):
                found.append(Entity(self.entity_type, match.start(), match.end(), match.group().lower(), "ethereum"))
        return found
