"""Run every configured detector over one text and return non-overlapping entities."""

from dataclasses import replace

from pipeline.privacy.config import PrivacyConfig
from pipeline.privacy.contact import EmailDetector, PhoneDetector
from pipeline.privacy.credentials import SecretDetector
from pipeline.privacy.entity import Entity, resolve_overlaps
from pipeline.privacy.finance import CreditCardDetector, CryptoAddressDetector, IbanDetector
from pipeline.privacy.lookalikes import lookalike_spans
from pipeline.privacy.national_id import CnResidentIdDetector, UsSsnDetector
from pipeline.privacy.network import IpAddressDetector, MacAddressDetector
from pipeline.privacy.textview import TextView


class Scanner:
    """Detectors for one PrivacyConfig. Entity spans are code-point offsets into
    the text passed to ``scan``, which may be raw (not NFKC-normalized)."""

    def __init__(self, config: PrivacyConfig):
        self.detectors = [
            SecretDetector(),
            CnResidentIdDetector(),
            IbanDetector(),
            CreditCardDetector(),
            CryptoAddressDetector(),
            EmailDetector(),
            UsSsnDetector(),
            IpAddressDetector(config.ip_private, config.ip_loopback),
            MacAddressDetector(),
            PhoneDetector(config.phone_regions),
        ]
        if config.ner.enabled:
            from pipeline.privacy.ner import PresidioNerDetector  # optional dependency

            self.detectors.append(PresidioNerDetector(config.ner))

    def scan(self, text: str) -> list[Entity]:
        view = TextView(text)
        lookalikes = lookalike_spans(view.text)
        candidates = [entity for detector in self.detectors for entity in detector.find(view.text, lookalikes)]
        mapped = []
        for entity in candidates:
            start, end = view.to_original(entity.start, entity.end)
            mapped.append(replace(entity, start=start, end=end))
        return resolve_overlaps(mapped, text)
