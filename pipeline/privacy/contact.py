"""Email addresses and phone numbers."""

import re

import phonenumbers

from pipeline.privacy.entity import Entity
from pipeline.privacy.lookalikes import Lookalikes


class EmailDetector:
    entity_type = "EMAIL"
    # ASCII classes only, because \w would pull adjacent Chinese characters into the
    # local part. Digits may follow the TLD, as full-width digits glued on in Chinese
    # text do after folding. Bounded quantifiers and disjoint classes keep matching linear.
    _pattern = re.compile(
        r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@"
        r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.){1,8}[A-Za-z]{2,24}(?![A-Za-z-])"
    )

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in self._pattern.finditer(text):
            local = match.group().split("@", 1)[0]
            if local.startswith(".") or local.endswith(".") or ".." in local:
                continue
            found.append(Entity(self.entity_type, match.start(), match.end(), match.group().lower()))
        return found


class PhoneDetector:
    """Phone numbers of the configured regions, validated by ``phonenumbers``.

    Candidates are runs of 7 to 17 digits joined by common separators, found
    with our own pattern so that numbers glued to letters (``tel5551234567``)
    are seen, which ``phonenumbers.PhoneNumberMatcher`` rejects. A candidate
    counts when ``phonenumbers`` parses it as a valid number for one of the
    regions. A number written with ``+`` or ``00`` and a country code counts when
    its length fits that country's numbering plan.
    Mainland China mobile numbers (``1[3-9]`` and 9 digits) are checked for
    every text, whether or not CN is configured.
    """

    entity_type = "PHONE"
    # A "+" may follow a digit ("...7035+49 30 12345678"); arithmetic such as "12345+6789012"
    # is a look-alike.
    _candidate = re.compile(r"(?:(?<!\+)\+ ?|(?<![0-9+]))\(?[0-9](?:(?:[ .\-/]|\)\s?|[ .\-]?\()?[0-9]){6,16}")
    _part = re.compile(r"\S+")
    # The US SSN layout, which no numbering plan uses for phone numbers.
    _ssn_layout = re.compile(r"[0-9]{3}([- ])[0-9]{2}\1[0-9]{4}")
    _trunk_in_brackets = re.compile(r"^(\+ ?[0-9]{1,3}) ?\(0\)")
    # 1[3-9] and 9 digits, written 13812345678, 138 1234 5678 or 138-1234-5678.
    _cn_mobile_shape = re.compile(r"1[3-9][0-9](?:[0-9]{8}|([ -])[0-9]{4}\1[0-9]{4})")
    _dotted_quad = re.compile(r"[0-9]{1,3}(?:\.[0-9]{1,3}){3}")
    _max_parts = 8

    def __init__(self, regions: list[str]):
        self.regions = list(dict.fromkeys(regions))

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        position = 0
        while (match := self._candidate.search(text, position)) is not None:
            start, end = match.start(), self._whole_groups_end(text, match.start(), match.end())
            entities = []
            # NOTE: a phone number right after a label such as "order" or "invoice" is taken
            # for a reference number and stays, because the label is the only evidence either way.
            if end > start and not lookalikes.overlaps(start, end):
                entities = self._validate(text, start, end)
            found.extend(entities)
            # A candidate can begin with the tail of an IP address, a date or a count
            # ("...:e452 (212) 555-0123"), so search again from its next word. Overlapping
            # results are resolved later, where a longer phone number wins.
            position = self._next_word(text, start, match.end())
        return found

    @staticmethod
    def _whole_groups_end(text: str, start: int, end: int) -> int:
        """Cut a candidate that stops inside a longer digit run back to its last whole group."""
        if end >= len(text) or not text[end].isdigit():
            return end
        while end > start and text[end - 1].isdigit():
            end -= 1
        while end > start and not text[end - 1].isdigit():
            end -= 1
        return end

    @staticmethod
    def _next_word(text: str, low: int, high: int) -> int:
        """Return where the first word after ``low`` starts if it is before ``high``, else ``high``."""
        index = low
        while index < high and not text[index].isspace():
            index += 1
        while index < high and text[index].isspace():
            index += 1
        return index if index < high else high

    def _foreign_layout(self, text: str, start: int, end: int) -> bool:
        """Return True for the layouts of SSNs and IPv4 addresses, which no numbering plan uses."""
        return bool(self._ssn_layout.fullmatch(text, start, end) or self._dotted_quad.fullmatch(text, start, end))

    def _validate(self, text: str, start: int, end: int) -> list[Entity]:
        """Validate the candidate in segments split at parts with a foreign layout
        ("5.60.78.130 (212) 555-0123" is an IP address, then a phone number)."""
        found: list[Entity] = []
        segment: list[tuple[int, int]] = []
        for match in self._part.finditer(text, start, end):
            if self._foreign_layout(text, match.start(), match.end()):
                found.extend(self._validate_parts(text, segment))
                segment = []
            else:
                segment.append((match.start(), match.end()))
        found.extend(self._validate_parts(text, segment))
        return found

    def _validate_parts(self, text: str, parts: list[tuple[int, int]]) -> list[Entity]:
        if not parts:
            return []
        whole = self._parse(text[parts[0][0]:parts[-1][1]])
        if whole is not None:
            return [Entity(self.entity_type, parts[0][0], parts[-1][1], whole)]

        # Two numbers separated only by a space form one candidate, so try runs of
        # whole space-separated parts, longest first from the left.
        if len(parts) < 2 or len(parts) > self._max_parts:
            return []
        found, first = [], 0
        while first < len(parts):
            for last in range(len(parts) - 1, first - 1, -1):
                if (first, last) == (0, len(parts) - 1):
                    continue  # the whole candidate, already tried
                canonical = self._parse(text[parts[first][0]:parts[last][1]])
                if canonical is not None:
                    found.append(Entity(self.entity_type, parts[first][0], parts[last][1], canonical))
                    first = last + 1
                    break
            else:
                first += 1
        return found

    def _parse(self, candidate: str) -> str | None:
        """Return the E.164 form if ``candidate`` is a valid number, else None."""
        digits = "".join(ch for ch in candidate if ch.isdigit())
        international = candidate.startswith("+") or digits.startswith("00")
        # E.164 allows 15 digits; "00" as the international prefix adds 2.
        if not 7 <= len(digits) <= (17 if international else 15):
            return None
        if len(digits) < 9 and candidate.isdigit():
            # Local numbers without area code are written grouped ("555-0123"). A bare run
            # of 7 or 8 digits is far more often a count, an amount or an id.
            return None
        # "+44 (0)20 ...": the bracketed trunk prefix is not dialled after a country code.
        candidate = self._trunk_in_brackets.sub(r"\1", candidate)
        if international:
            return self._parse_international(candidate, digits)
        for region in self.regions:
            try:
                number = phonenumbers.parse(candidate, region)
            except phonenumbers.NumberParseException:
                continue
            if phonenumbers.is_valid_number(number):
                return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        return self._cn_mobile(candidate)

    def _parse_international(self, candidate: str, digits: str) -> str | None:
        """Accept a number with a country code when its length fits that country's plan.

        Length is enough after "+" or "00", which little else is written with, and
        unassigned or fictional ranges ("+44 1632 960...", "+1-288-...") are still
        phone numbers to a reader.
        """
        if not candidate.startswith("+"):
            candidate = "+" + digits[2:]
        try:
            number = phonenumbers.parse(candidate, None)
        except phonenumbers.NumberParseException:
            return None
        if not phonenumbers.is_possible_number(number):
            return None
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    def _cn_mobile(self, candidate: str) -> str | None:
        """Return the E.164 form of a mainland China mobile number, judged by its shape.

        The shape is enough because phonenumbers lags new allocations: version
        9.0.43 rejects 149 and 174 numbers, which Faker's zh_CN provider generates.
        """
        national = candidate.removeprefix("+86").removeprefix("0086").strip(" -")
        if not self._cn_mobile_shape.fullmatch(national):
            return None
        return "+86" + national.replace(" ", "").replace("-", "")
