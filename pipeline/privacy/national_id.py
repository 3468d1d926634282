"""US Social Security numbers and Chinese resident identity card numbers."""

import re

from stdnum.cn import ric
from stdnum.exceptions import ValidationError

from pipeline.privacy.entity import Entity
from pipeline.privacy.lookalikes import Lookalikes

# SSA rules: no area 000, 666 or 900-999, no group 00, no serial 0000, and a
# few numbers that were printed on sample cards and in advertising.
_RETIRED_SSNS = {"078051120", "219099999", "123456789"}


def ssn_valid(digits: str) -> bool:
    area, group, serial = digits[:3], digits[3:5], digits[5:]
    if area in ("000", "666") or area[0] == "9":
        return False
    if group == "00" or serial == "0000":
        return False
    return digits not in _RETIRED_SSNS


class UsSsnDetector:
    """SSNs written 123-45-6789 or 123 45 6789, or as 9 bare digits after a
    label such as "SSN" or "social security"."""

    entity_type = "US_SSN"
    _grouped = re.compile(r"(?<![0-9-])([0-9]{3})([- ])([0-9]{2})\2([0-9]{4})(?![0-9]|-[0-9])")
    _labelled = re.compile(r"(?i:\b(?:ssn|social security(?: number| no\.?)?|soc\. sec\.)(?:#|:)?\s{0,3}(?:is\s)?)([0-9]{9})(?![0-9])")

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in self._grouped.finditer(text):
            digits = match.group(1) + match.group(3) + match.group(4)
            if ssn_valid(digits) and not lookalikes.structural.overlaps(match.start(), match.end()):
                found.append(Entity(self.entity_type, match.start(), match.end(), digits))
        for match in self._labelled.finditer(text):
            digits = match.group(1)
            if ssn_valid(digits):
                found.append(Entity(self.entity_type, match.start(1), match.end(1), digits))
        return found


class CnResidentIdDetector:
    """18-character resident identity card numbers (GB 11643-1999): a 6-digit
    region code, a valid birth date and the ISO 7064 MOD 11-2 check character.

    The region code is not checked against a list, because python-stdnum's
    list lacks many codes in current use.
    """

    entity_type = "CN_RESIDENT_ID"
    _pattern = re.compile(r"(?<![0-9])[1-9][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])")

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in self._pattern.finditer(text):
            number = match.group().upper()
            if number[-1] != ric.calc_check_digit(number):
                continue
            try:
                ric.get_birth_date(number)
            except ValidationError:
                continue
            found.append(Entity(self.entity_type, match.start(), match.end(), number))
        return found
