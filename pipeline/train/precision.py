"""Choosing the device and number format for training."""

import torch

from pipeline.core.errors import ConfigError


def resolve_precision(requested: str) -> str:
    """Map ``train.precision`` to fp32, bf16 or fp16 for the hardware present.

    auto picks bf16 on a CUDA GPU that supports it and fp32 otherwise. It never
    picks fp16, because fp16 needs loss scaling to be stable.
    """
    cuda = torch.cuda.is_available()
    if requested == "auto":
        return "bf16" if cuda and torch.cuda.is_bf16_supported() else "fp32"
    if requested in ("bf16", "fp16") and not cuda:
        raise ConfigError(f"train.precision: {requested} needs a CUDA GPU and none is visible; use auto or fp32")
    if requested == "bf16" and not torch.cuda.is_bf16_supported():
        raise ConfigError("train.precision: this GPU does not support bf16; use auto, fp16 or fp32")
    return requested
