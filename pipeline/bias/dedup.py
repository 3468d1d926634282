"""Exact deduplication on a normalized form of each record's text."""

import hashlib
import json
import re
import unicodedata

_SPACE = re.compile(r"\s+")


def dedup_key(texts: dict[str, str]) -> str:
    """Hash of the text fields after NFKC, case folding and whitespace collapsing."""
    normalized = {name: _SPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()
                  for name, text in sorted(texts.items())}
    return hashlib.blake2b(json.dumps(normalized, ensure_ascii=False).encode("utf-8"), digest_size=16).hexdigest()


class ExactDeduplicator:
    """Remember the first record of each key; later ones are duplicates of it."""

    def __init__(self):
        self._first: dict[str, str] = {}

    def first_seen(self, record_id: str, texts: dict[str, str]) -> str | None:
        """Return the id of an earlier identical record, or None if this is the first."""
        key = dedup_key(texts)
        earlier = self._first.get(key)
        if earlier is None:
            self._first[key] = record_id
        return earlier
