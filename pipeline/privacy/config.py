"""Settings of the privacy stage (the ``privacy`` section of params.yaml)."""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

EntityAction = Literal["redact", "drop", "keep"]


class PrivacyConfig(BaseModel):
    """Which PII to look for and what to do with each match."""

    model_config = ConfigDict(extra="forbid")

    phone_regions: list[str] = Field(
        default=["US", "GB", "CN", "DE", "FR", "IN", "JP"],
        description="Regions (ISO 3166-1 alpha-2) whose national phone formats are matched.",
    )
    actions: dict[str, EntityAction] = Field(
        default_factory=dict,
        description="Action per entity type; types not listed are redacted.",
    )
    max_chars: int = Field(
        default=200_000,
        gt=0,
        description="Documents longer than this are scanned only up to this many characters and counted as capped.",
    )
