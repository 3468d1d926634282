"""Loading tokenizers and models by hub id or local folder, with clear errors."""

from pipeline.core.config import ModelConfig
from pipeline.core.errors import InputError


def _not_loadable(name_or_path: str, revision: str | None, what: str, error: Exception) -> InputError:
    at_revision = f" at revision {revision!r}" if revision else ""
    return InputError(
        f"model.name_or_path: cannot load the {what} of {name_or_path!r}{at_revision} ({error}); "
        "use an existing local folder, or a hub id while online (or already in the Hugging Face cache)"
    )


def load_tokenizer(config: ModelConfig):
    """Load the tokenizer and make sure it has EOS and padding tokens."""
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(config.name_or_path, revision=config.revision)
    except (OSError, ValueError) as error:
        raise _not_loadable(config.name_or_path, config.revision, "tokenizer", error) from None
    if tokenizer.eos_token_id is None:
        raise InputError(f"model.name_or_path: the tokenizer of {config.name_or_path!r} has no EOS token, "
                         "which packing needs between documents; choose a causal-LM tokenizer")
    if tokenizer.pad_token_id is None:
        # Padded positions get label -100 and attention 0, so reusing EOS is safe.
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def load_causal_lm(name_or_path: str, revision: str | None = None, dtype=None):
    """Load a causal language model from a hub id or a local folder."""
    from transformers import AutoModelForCausalLM

    try:
        return AutoModelForCausalLM.from_pretrained(name_or_path, revision=revision, dtype=dtype)
    except (OSError, ValueError) as error:
        raise _not_loadable(name_or_path, revision, "model", error) from None
