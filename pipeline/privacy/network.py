"""IPv4 and IPv6 addresses (with an optional CIDR suffix) and MAC addresses."""

import ipaddress
import re

from pipeline.privacy.entity import Entity
from pipeline.privacy.lookalikes import Lookalikes


class IpAddressDetector:
    """IP addresses validated by ``ipaddress``.

    Public addresses always count. Private ranges (RFC 1918, fc00::/7) count
    when ``include_private`` is set, and loopback, link-local, unspecified
    and multicast addresses when ``include_loopback`` is set.
    """

    entity_type = "IP_ADDRESS"
    _v4 = re.compile(r"(?<![0-9.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?:/[0-9]{1,2}(?![0-9]))?(?![0-9]|\.[0-9])")
    # Candidates only; ipaddress and _plausible_v6 decide. A letter may come right
    # before, as in "IP:2001:db8::1" or "node:2001:db8::1".
    # 45 = the 39 characters of a full address plus a glued word's tail and colon.
    _v6 = re.compile(r"(?<![0-9A-Fa-f:.])[0-9A-Fa-f:]{2,45}(?![0-9A-Fa-f:])(?:\.[0-9]{1,3}){0,3}(?:%[0-9A-Za-z]{1,15})?(?:/[0-9]{1,3}(?![0-9]))?")

    def __init__(self, include_private: bool, include_loopback: bool):
        self.include_private = include_private
        self.include_loopback = include_loopback

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for match in self._v4.finditer(text):
            entity = self._check(match.group(), match.start(), lookalikes)
            if entity is not None:
                found.append(entity)
        for match in self._v6.finditer(text):
            for value, start in self._v6_readings(text, match):
                entity = self._check(value, start, lookalikes) if value.count(":") >= 2 else None
                if entity is not None:
                    found.append(entity)
                    break
        return found

    @staticmethod
    def _v6_readings(text: str, match: re.Match) -> list[tuple[str, int]]:
        """Return the ways to read an IPv6 candidate, most likely first, as (value, start)."""
        value, start = match.group(), match.start()
        # A trailing colon ends a sentence or a label ("at fe80::1:"), unless it is part of "::".
        if value.endswith(":") and not value.endswith("::"):
            value = value[:-1]
        if value.startswith(":") and not value.startswith("::"):
            value, start = value[1:], start + 1  # "IP:2001:db8::1"
        if value.startswith("::") and value.count(":") > 8:
            stripped = value.lstrip(":")  # "::" glued before a full address
            value, start = stripped, start + len(value) - len(stripped)

        # Glued to words, the hex letters before the first colon may end the word before
        # ("node:2001:db8::1") and those after the last colon begin the word after ("...:50cd:call").
        heads = [(value, start)]
        if start > 0 and text[start - 1].isalpha() and ":" in value[1:]:
            cut = value.index(":", 1) + 1
            heads.insert(0, (value[cut:], start + cut))
        readings = []
        glued_after = match.end() < len(text) and text[match.end()].isalpha()
        for head, head_start in heads:
            if glued_after and ":" in head[:-1]:
                readings.append((head[:head.rindex(":", 0, len(head) - 1)], head_start))
            readings.append((head, head_start))
            if head.endswith("::"):
                readings.append((head.rstrip(":"), head_start))  # "...:50cd::" with colons after it
        return readings

    def _check(self, value: str, start: int, lookalikes: Lookalikes) -> Entity | None:
        end = start + len(value)
        if lookalikes.structural.overlaps(start, end) and "." in value and ":" not in value:
            return None
        address_text, _, prefix = value.partition("/")
        address_text = address_text.split("%", 1)[0]
        try:
            address = ipaddress.ip_address(address_text)
        except ValueError:
            return None
        if prefix and int(prefix) > address.max_prefixlen:
            return None
        if address.version == 6 and not self._plausible_v6(address_text):
            return None
        if not self._counts(address):
            return None
        return Entity(self.entity_type, start, end, address.compressed)

    @staticmethod
    def _plausible_v6(text: str) -> bool:
        # "a::b" or "1::2" are valid IPv6 but far more often code or ratios. Real compressed
        # addresses have three groups or a full 4-digit one ("2001:db8::", "fe80::1").
        groups = [group for group in text.split(":") if group]
        return len(groups) >= 3 or any(len(group) == 4 for group in groups) or "." in text or text in ("::1", "::")

    def _counts(self, address) -> bool:
        # Not is_reserved: for IPv6 it covers every range outside 2000::/3, which random
        # and future addresses fall into.
        special = address.is_loopback or address.is_link_local or address.is_unspecified or address.is_multicast
        if special:
            return self.include_loopback
        if address.is_private and not address.is_global:
            return self.include_private
        return True


class MacAddressDetector:
    entity_type = "MAC_ADDRESS"
    # A ":" or "-" after is punctuation ("MAC 00:1a:2b:3c:4d:5e: up") unless hex follows it. One before
    # is checked in find, because "MAC:00:1a:..." is a label but "aa:00:1a:..." is a longer address.
    _colon = re.compile(r"(?<![0-9A-Fa-f])[0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(?:\1[0-9A-Fa-f]{2}){4}(?![0-9A-Fa-f]|[:-][0-9A-Fa-f])")
    _dotted = re.compile(r"(?<![0-9A-Fa-f.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![0-9A-Fa-f.])")

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        found = []
        for pattern in (self._colon, self._dotted):
            for match in pattern.finditer(text):
                if self._continues_group_before(text, match.start()):
                    continue
                hex_digits = re.sub(r"[^0-9A-Fa-f]", "", match.group()).lower()
                if hex_digits in ("000000000000", "ffffffffffff"):
                    continue
                found.append(Entity(self.entity_type, match.start(), match.end(), hex_digits))
        return found

    @staticmethod
    def _continues_group_before(text: str, start: int) -> bool:
        """Return True if a separator and a two-digit hex group stand alone right before ``start``."""
        if start < 3 or text[start - 1] not in ":-":
            return False
        group_start = start - 3
        is_hex_pair = all(char in "0123456789abcdefABCDEF" for char in text[group_start:start - 1])
        return is_hex_pair and (group_start == 0 or not text[group_start - 1].isalnum())
