"""Generations from a fixed prompt list, reproducible through a per-prompt seed."""

import torch
from transformers import set_seed

from pipeline.core.config import EvaluateConfig


@torch.no_grad()
def generate(model, tokenizer, config: EvaluateConfig) -> list[str]:
    """Return one continuation per prompt (the generated text only)."""
    device = next(model.parameters()).device
    model.eval()
    if config.do_sample:
        sampling = {"do_sample": True, "temperature": config.temperature, "top_p": config.top_p}
    else:
        sampling = {"do_sample": False}

    outputs = []
    for prompt in config.prompts:
        set_seed(config.seed)
        encoded = tokenizer(prompt, return_tensors="pt", add_special_tokens=False).to(device)
        generated = model.generate(
            **encoded,
            max_new_tokens=config.max_new_tokens,
            pad_token_id=tokenizer.pad_token_id,
            eos_token_id=tokenizer.eos_token_id,
            **sampling,
        )
        new_tokens = generated[0, encoded["input_ids"].shape[1]:]
        outputs.append(tokenizer.decode(new_tokens, skip_special_tokens=True))
    return outputs
