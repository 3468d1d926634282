"""Adapters that run each PII tool on one text and return (type, start, end)
spans in the benchmark's type names. A tool that is not installed is skipped."""

import importlib.util

from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.scanner import Scanner

Span = tuple[str, int, int]


class Tuneline:
    name = "tuneline"
    supported = {"EMAIL", "PHONE", "CREDIT_CARD", "IBAN", "IP_ADDRESS", "US_SSN", "CN_RESIDENT_ID",
                 "MAC_ADDRESS", "CRYPTO_ADDRESS", "SECRET"}

    def __init__(self):
        self._scanner = Scanner(PrivacyConfig())

    def find(self, text: str) -> list[Span]:
        return [(e.type, e.start, e.end) for e in self._scanner.scan(text)]


class PresidioPatterns:
    """Presidio's predefined recognizers for English without the spaCy one, so no
    NLP model runs; results of every score are kept, as AnalyzerEngine does by default."""

    name = "presidio"
    _types = {"EMAIL_ADDRESS": "EMAIL", "PHONE_NUMBER": "PHONE", "CREDIT_CARD": "CREDIT_CARD", "IBAN_CODE": "IBAN",
              "IP_ADDRESS": "IP_ADDRESS", "US_SSN": "US_SSN", "CRYPTO": "CRYPTO_ADDRESS", "MAC_ADDRESS": "MAC_ADDRESS"}
    supported = set(_types.values())

    def __init__(self):
        from presidio_analyzer import RecognizerRegistry

        registry = RecognizerRegistry()
        registry.load_predefined_recognizers(languages=["en"])
        self._recognizers = [r for r in registry.recognizers if r.name != "SpacyRecognizer"
                             and set(r.supported_entities) & set(self._types)]

    def find(self, text: str) -> list[Span]:
        found = []
        for recognizer in self._recognizers:
            for result in recognizer.analyze(text, recognizer.supported_entities, None) or []:
                if result.entity_type in self._types and result.score > 0:
                    found.append((self._types[result.entity_type], result.start, result.end))
        return found


class DatatrovePii:
    """datatrove's PIIFormatter, default settings (public IPs only). Its regexes and
    validator are run with finditer to get spans, emails first as format() does."""

    name = "datatrove"
    supported = {"EMAIL", "IP_ADDRESS"}

    def __init__(self):
        from datatrove.pipeline.formatters import PIIFormatter

        self._formatter = PIIFormatter()

    def find(self, text: str) -> list[Span]:
        found = [("EMAIL", m.start(), m.end()) for m in self._formatter.emails_replacer.regex.finditer(text)]
        replacer = self._formatter.ip_replacer
        for match in replacer.regex.finditer(text):
            inside_email = any(s <= match.start() < e for _, s, e in found)
            if not inside_email and replacer.validator(match.group()):
                found.append(("IP_ADDRESS", match.start(), match.end()))
        return found


class Scrubadub:
    """scrubadub's default Scrubber (en_US locale), including merged findings."""

    name = "scrubadub"
    _types = {"email": "EMAIL", "phone": "PHONE", "credit_card": "CREDIT_CARD", "social_security_number": "US_SSN",
              "credential": "SECRET"}
    supported = set(_types.values())

    def __init__(self):
        import scrubadub

        self._scrubber = scrubadub.Scrubber()

    def find(self, text: str) -> list[Span]:
        found = []
        for filth in self._scrubber.iter_filth(text):
            for part in getattr(filth, "filths", [filth]):
                if part.type in self._types:
                    found.append((self._types[part.type], part.beg, part.end))
        return found


_REQUIRES = {"presidio": "presidio_analyzer", "datatrove": "datatrove", "scrubadub": "scrubadub"}


def available_tools() -> tuple[list, list[str]]:
    """Return the tool instances that can run here and the names of those skipped."""
    tools, skipped = [Tuneline()], []
    for tool_class in (PresidioPatterns, DatatrovePii, Scrubadub):
        if importlib.util.find_spec(_REQUIRES[tool_class.name]) is None:
            skipped.append(tool_class.name)
        else:
            tools.append(tool_class())
    return tools, skipped
