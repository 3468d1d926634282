"""Text normalization applied to every field at ingest."""

import re
import unicodedata

# C0/C1 control characters other than tab and newline; they break tokenizers and diffs.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalize_text(text: str, form: str) -> str:
    """Apply the Unicode normal form, unify newlines, drop control characters and trim."""
    if form != "none":
        text = unicodedata.normalize(form, text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text).strip()
