"""LoRA adapters through peft."""

from peft import LoraConfig as PeftLoraConfig
from peft import get_peft_model

from pipeline.core.config import LoraConfig


def wrap_with_lora(model, config: LoraConfig):
    """Freeze ``model`` and add trainable LoRA matrices to the target modules."""
    peft_config = PeftLoraConfig(
        task_type="CAUSAL_LM",
        r=config.r,
        lora_alpha=config.alpha,
        lora_dropout=config.dropout,
        target_modules=config.target_modules,
        # GPT-2 stores its projections as Conv1D with transposed weights.
        fan_in_fan_out=model.config.model_type == "gpt2",
    )
    return get_peft_model(model, peft_config)
