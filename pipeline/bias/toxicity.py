"""Toxicity checks: an English classifier plus word lists for any language."""

import re
import unicodedata
from importlib import resources

from profanity_check import predict_prob

from pipeline.core.errors import ConfigError


def load_wordlist(name: str) -> list[str]:
    """Read a bundled list from pipeline/bias/wordlists/<name>.txt (comments start with #)."""
    folder = resources.files("pipeline.bias") / "wordlists"
    path = folder / f"{name}.txt"
    if not path.is_file():
        available = sorted(p.name.removesuffix(".txt") for p in folder.iterdir() if p.name.endswith(".txt"))
        raise ConfigError(f"bias.toxicity.wordlists: no bundled word list {name!r}; available: {', '.join(available)}")
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _is_spaced_script(term: str) -> bool:
    """True for terms in scripts that separate words with spaces (Latin, Cyrillic, ...)."""
    return all(not unicodedata.name(char, "").startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL")) for char in term)


class TermMatcher:
    """Match listed terms: whole words for spaced scripts, substrings for CJK."""

    def __init__(self, terms: list[str]):
        folded = sorted({unicodedata.normalize("NFKC", t).casefold() for t in terms if t.strip()}, key=len, reverse=True)
        spaced = [re.escape(t) for t in folded if _is_spaced_script(t)]
        unspaced = [re.escape(t) for t in folded if not _is_spaced_script(t)]
        parts = []
        if spaced:
            parts.append(r"(?<!\w)(?:" + "|".join(spaced) + r")(?!\w)")
        if unspaced:
            parts.append("(?:" + "|".join(unspaced) + ")")
        self._pattern = re.compile("|".join(parts)) if parts else None

    def matches(self, text: str) -> int:
        """Return how many listed terms occur in ``text``."""
        if self._pattern is None:
            return 0
        return len(self._pattern.findall(unicodedata.normalize("NFKC", text).casefold()))


_SENTENCE_END = re.compile(r"(?<=[.!?。！？])\s*|\n+")


def toxicity_scores(texts: list[str]) -> list[float]:
    """Highest sentence-level probability of offensive language in each text.

    Scores come from alt-profanity-check's English model. Sentences are scored
    one by one because a single insult inside a long, benign document barely
    moves a document-level score.
    """
    sentences, owners = [], []
    for index, text in enumerate(texts):
        for sentence in _SENTENCE_END.split(text):
            if sentence.strip():
                sentences.append(sentence)
                owners.append(index)

    scores = [0.0] * len(texts)
    if sentences:
        for owner, probability in zip(owners, predict_prob(sentences)):
            scores[owner] = max(scores[owner], float(probability))
    return scores
