"""A detector-friendly view of a text with a map back to the original offsets.

The view folds full-width forms (``１３８``, ``＠``) and Unicode dashes to ASCII
one for one, and decodes printable percent-escapes (``%40`` to ``@``), so
detectors see ``john%40example.com`` as an email. Detectors run on the view,
and ``to_original`` turns their spans into code-point spans of the input.
"""

import re
from array import array

_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}  # full-width ASCII block
_FOLD[0x3000] = 0x20  # ideographic space
for _dash in (0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xFE63):
    _FOLD[_dash] = ord("-")

_PERCENT = re.compile(r"%([0-9A-Fa-f]{2})")


def _printable(match: re.Match) -> bool:
    return 0x20 <= int(match.group(1), 16) <= 0x7E


class TextView:
    """``text`` is the view. Offsets map back through ``to_original``."""

    def __init__(self, original: str):
        folded = original.translate(_FOLD)
        self._starts: array | None = None
        self._ends: array | None = None
        escapes = [m for m in _PERCENT.finditer(folded) if _printable(m)] if "%" in folded else []
        if not escapes:
            self.text = folded
            return

        pieces: list[str] = []
        starts, ends = array("q"), array("q")
        cursor = 0
        for match in escapes:
            pieces.append(folded[cursor:match.start()])
            starts.extend(range(cursor, match.start()))
            ends.extend(range(cursor + 1, match.start() + 1))
            pieces.append(chr(int(match.group(1), 16)))
            starts.append(match.start())
            ends.append(match.end())
            cursor = match.end()
        pieces.append(folded[cursor:])
        starts.extend(range(cursor, len(folded)))
        ends.extend(range(cursor + 1, len(folded) + 1))
        self.text = "".join(pieces)
        self._starts, self._ends = starts, ends

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a non-empty view span to the span of the original text."""
        if self._starts is None:
            return start, end
        return self._starts[start], self._ends[end - 1]
