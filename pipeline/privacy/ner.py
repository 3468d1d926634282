"""Optional person and location detection with Presidio's spaCy recognizer.

Off by default (``privacy.ner.enabled``). It needs ``presidio-analyzer`` and
the configured spaCy pipeline package installed. Neither is a dependency of
tuneline, and spaCy models are not on PyPI under their own names.
"""

import logging

from pipeline.core.errors import ConfigError
from pipeline.privacy.config import NerConfig
from pipeline.privacy.entity import Entity
from pipeline.privacy.lookalikes import Lookalikes

log = logging.getLogger(__name__)


class PresidioNerDetector:
    def __init__(self, config: NerConfig):
        try:
            import spacy
            from presidio_analyzer import AnalyzerEngine
            from presidio_analyzer.nlp_engine import NlpEngineProvider
        except ImportError as error:
            raise ConfigError(
                f"privacy.ner.enabled is true but {error.name} is not installed; "
                "install presidio-analyzer and a spaCy model, or set privacy.ner.enabled to false"
            ) from None
        if not spacy.util.is_package(config.spacy_model):
            raise ConfigError(
                f"privacy.ner.spacy_model {config.spacy_model!r} is not installed; "
                "install that spaCy pipeline package or set privacy.ner.enabled to false"
            )
        provider = NlpEngineProvider(nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": config.language, "model_name": config.spacy_model}],
        })
        self._engine = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=[config.language])
        self._config = config
        log.info("privacy: NER enabled with spaCy model %s", config.spacy_model)

    def find(self, text: str, lookalikes: Lookalikes) -> list[Entity]:
        results = self._engine.analyze(text=text, language=self._config.language, entities=list(self._config.entities))
        return [
            Entity(result.entity_type, result.start, result.end, " ".join(text[result.start:result.end].lower().split()), "ner")
            for result in results
            if result.score >= self._config.min_score
        ]
