"""Typed schema of params.yaml and its loader.

Every section forbids unknown keys, so a typo stops the run with the key
named instead of being silently ignored.
"""

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from pipeline.core.errors import ConfigError
from pipeline.privacy.config import PrivacyConfig

DEFAULT_PARAMS = Path("params.yaml")


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid")


class SampleConfig(Section):
    """The generated demo corpus: English and Chinese, with planted problems."""

    seed: int = 0
    documents: int = Field(default=3000, ge=1, description="Plain-text documents to generate.")
    pairs: int = Field(default=1500, ge=1, description="Prompt/response pairs to generate.")
    pii_rate: float = Field(default=0.15, ge=0, le=1, description="Share of records with planted PII.")
    toxic_rate: float = Field(default=0.03, ge=0, le=1, description="Share of documents with a toxic line.")
    duplicate_rate: float = Field(default=0.05, ge=0, le=1, description="Share of records repeated verbatim.")


class BaseModelConfig(Section):
    """The small GPT-2 that the base_model stage builds from scratch for the demo."""

    seed: int = 0
    vocab_size: int = Field(default=4096, ge=300)
    n_positions: int = Field(default=256, ge=16)
    n_embd: int = Field(default=128, ge=8)
    n_layer: int = Field(default=2, ge=1)
    n_head: int = Field(default=4, ge=1)

    @model_validator(mode="after")
    def _heads_divide_width(self):
        if self.n_embd % self.n_head:
            raise ValueError(f"n_embd ({self.n_embd}) must be a multiple of n_head ({self.n_head})")
        return self


class SourceConfig(Section):
    """One input file or folder.

    A record is either plain text (``text_field``) or a prompt/response pair
    (``prompt_field`` and ``response_field``).
    """

    path: str
    format: Literal["auto", "jsonl", "json", "csv", "tsv", "parquet", "text"] = "auto"
    text_field: str | None = "text"
    prompt_field: str | None = None
    response_field: str | None = None
    text_unit: Literal["file", "paragraph", "line"] = Field(
        default="paragraph",
        description="For plain-text files: one record per file, per blank-line-separated paragraph, or per line.",
    )

    @model_validator(mode="after")
    def _pair_fields_together(self):
        if (self.prompt_field is None) != (self.response_field is None):
            raise ValueError("set both prompt_field and response_field, or neither")
        return self


class SplitConfig(Section):
    validation: float = Field(default=0.05, ge=0, lt=1)
    test: float = Field(default=0.05, ge=0, lt=1)
    salt: str = Field(default="tuneline", description="Changing the salt reshuffles every split.")

    @model_validator(mode="after")
    def _leave_room_for_train(self):
        if self.validation + self.test >= 1:
            raise ValueError("validation + test must be below 1 so that train is not empty")
        return self


class IngestConfig(Section):
    sources: list[SourceConfig | str] = Field(min_length=1)
    unicode_form: Literal["NFC", "NFKC", "none"] = Field(
        default="NFKC",
        description="NFKC also folds full-width digits and letters to ASCII, which helps PII matching.",
    )
    min_chars: int = Field(default=1, ge=1)
    split: SplitConfig = SplitConfig()

    def source_list(self) -> list[SourceConfig]:
        """Return the sources with bare paths expanded to a default SourceConfig."""
        return [SourceConfig(path=s) if isinstance(s, str) else s for s in self.sources]


class ToxicityConfig(Section):
    threshold: float = Field(default=0.9, ge=0, le=1, description="Classifier probability at or above which a record is dropped.")
    wordlists: list[str] = Field(default=["en", "zh"], description="Bundled word lists (pipeline/bias/wordlists/<name>.txt) to match.")
    extra_terms: list[str] = Field(default_factory=list, description="More terms to match, in any language.")


class DedupConfig(Section):
    enabled: bool = True


class BiasConfig(Section):
    toxicity: ToxicityConfig = ToxicityConfig()
    dedup: DedupConfig = DedupConfig()


class ModelConfig(Section):
    name_or_path: str = Field(description="Hub id or local folder, passed to from_pretrained.")
    revision: str | None = Field(default=None, description="Git revision (tag, branch or commit) of a hub model.")


class TokenizeConfig(Section):
    block_size: int = Field(default=128, ge=8, description="Tokens per training example.")


class LoraConfig(Section):
    enabled: bool = False
    r: int = Field(default=8, ge=1)
    alpha: int = Field(default=16, ge=1)
    dropout: float = Field(default=0.05, ge=0, lt=1)
    target_modules: list[str] | Literal["all-linear"] = "all-linear"


class TrainConfig(Section):
    seed: int = 0
    max_steps: int = Field(default=300, ge=1)
    learning_rate: float = Field(default=1e-3, gt=0)
    per_device_batch_size: int = Field(default=16, ge=1)
    gradient_accumulation_steps: int = Field(default=1, ge=1)
    warmup_steps: int = Field(default=20, ge=0)
    weight_decay: float = Field(default=0.0, ge=0)
    eval_steps: int = Field(default=100, ge=1)
    logging_steps: int = Field(default=20, ge=1)
    precision: Literal["auto", "fp32", "bf16", "fp16"] = Field(
        default="auto", description="auto: bf16 on a GPU that supports it, else fp32."
    )
    lora: LoraConfig = LoraConfig()


class EvaluateConfig(Section):
    seed: int = Field(default=0, description="Seed set before each generation, so outputs do not depend on prompt order.")
    batch_size: int = Field(default=16, ge=1)
    max_new_tokens: int = Field(default=40, ge=1)
    do_sample: bool = Field(default=True, description="Sample with temperature and top_p; false decodes greedily.")
    temperature: float = Field(default=0.8, gt=0)
    top_p: float = Field(default=0.95, gt=0, le=1)
    prompts: list[str] = Field(min_length=1)


class Params(Section):
    sample: SampleConfig = SampleConfig()
    base_model: BaseModelConfig = BaseModelConfig()
    ingest: IngestConfig
    privacy: PrivacyConfig = PrivacyConfig()
    bias: BiasConfig = BiasConfig()
    model: ModelConfig
    tokenize: TokenizeConfig = TokenizeConfig()
    train: TrainConfig = TrainConfig()
    evaluate: EvaluateConfig


def _describe(error: dict) -> str:
    key = ".".join(str(part) for part in error["loc"]) or "(top level)"
    kind = error["type"]
    if kind == "extra_forbidden":
        return f"{key}: unknown key; remove it or check its spelling"
    if kind == "missing":
        return f"{key}: required key is missing"
    value = error.get("input")
    return f"{key}: invalid value {value!r}: {error['msg']}"


def load_params(path: Path | str = DEFAULT_PARAMS) -> Params:
    """Read and validate params.yaml.

    Raises ConfigError naming every bad key, its value and what is allowed.
    """
    path = Path(path)
    if not path.is_file():
        raise ConfigError(f"{path}: params file not found; run from the project root or pass --params")

    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise ConfigError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: expected a mapping of sections at the top level")

    try:
        return Params.model_validate(raw)
    except ValidationError as error:
        problems = "\n  ".join(_describe(e) for e in error.errors())
        raise ConfigError(f"{path}: invalid params:\n  {problems}") from None
