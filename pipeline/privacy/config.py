"""Settings of the privacy stage (the ``privacy`` section of params.yaml)."""

from typing import Literal

import phonenumbers
from pydantic import BaseModel, ConfigDict, Field, field_validator

from pipeline.privacy.entity import ENTITY_TYPES

EntityAction = Literal["redact", "pseudonymize", "drop", "keep"]


class NerConfig(BaseModel):
    """Optional person and location detection with Presidio and a spaCy model."""

    model_config = ConfigDict(extra="forbid")

    enabled: bool = Field(default=False, description="Needs presidio-analyzer and the spaCy model installed.")
    spacy_model: str = Field(default="en_core_web_sm", description="Name of an installed spaCy pipeline package.")
    language: str = Field(default="en", description="Language code passed to Presidio.")
    entities: list[Literal["PERSON", "LOCATION"]] = ["PERSON", "LOCATION"]
    min_score: float = Field(default=0.6, ge=0, le=1, description="Presidio score below which a finding is ignored.")


class PrivacyConfig(BaseModel):
    """Settings of PII detection and the action for each entity type."""

    model_config = ConfigDict(extra="forbid")

    phone_regions: list[str] = Field(
        default=["US", "GB", "CN", "DE", "FR", "IN", "JP"],
        description="Regions (ISO 3166-1 alpha-2) whose national phone formats are matched.",
    )
    actions: dict[str, EntityAction] = Field(
        default_factory=dict,
        description="Action per entity type; types not listed get default_action.",
    )
    default_action: EntityAction = "redact"
    ip_private: bool = Field(default=True, description="Treat private addresses (10/8, 192.168/16, fc00::/7, ...) as PII.")
    ip_loopback: bool = Field(
        default=False,
        description="Treat loopback, link-local, unspecified and multicast addresses as PII.",
    )
    max_chars: int = Field(
        default=200_000,
        gt=0,
        description="Maximum length of a scanned text field, in code points.",
    )
    capped_action: Literal["drop", "truncate"] = Field(
        default="drop",
        description="What happens to a record with a field longer than max_chars: drop it, or keep only the scanned head.",
    )
    num_proc: int = Field(default=1, ge=1, description="Worker processes; output is identical for any value.")
    key_env: str = Field(
        default="TUNELINE_PII_KEY",
        description="Environment variable holding the secret for pseudonyms and audit value hashes.",
    )
    ner: NerConfig = NerConfig()

    @field_validator("phone_regions")
    @classmethod
    def _known_regions(cls, regions: list[str]) -> list[str]:
        supported = phonenumbers.SUPPORTED_REGIONS
        unknown = [region for region in regions if region not in supported]
        if unknown:
            raise ValueError(f"unknown phone regions {unknown}; use ISO 3166-1 alpha-2 codes such as US, GB, CN")
        return regions

    @field_validator("actions")
    @classmethod
    def _known_types(cls, actions: dict[str, str]) -> dict[str, str]:
        unknown = sorted(set(actions) - set(ENTITY_TYPES))
        if unknown:
            raise ValueError(f"unknown entity types {unknown}; known types: {', '.join(ENTITY_TYPES)}")
        return actions

    def action_for(self, entity_type: str) -> str:
        return self.actions.get(entity_type, self.default_action)

    def uses_pseudonyms(self) -> bool:
        return self.default_action == "pseudonymize" or "pseudonymize" in self.actions.values()
