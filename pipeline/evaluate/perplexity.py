"""Held-out perplexity over the tokens that carry a label."""

import math

import torch

from pipeline.tokenize.packing import IGNORE_INDEX


@torch.no_grad()
def perplexity(model, dataset, batch_size: int) -> dict:
    """Return mean token loss (nats), perplexity and the number of scored tokens.

    Every position whose next-token label is not -100 counts once, so padded
    positions and masked prompts are excluded and the figure is comparable
    between models that share a tokenizer.
    """
    device = next(model.parameters()).device
    model.eval()
    total_loss, total_tokens = 0.0, 0

    for start in range(0, len(dataset), batch_size):
        batch = dataset[start:start + batch_size]
        input_ids = torch.tensor(batch["input_ids"], device=device)
        attention_mask = torch.tensor(batch["attention_mask"], device=device)
        labels = torch.tensor(batch["labels"], device=device)

        logits = model(input_ids=input_ids, attention_mask=attention_mask).logits.float()
        shifted_logits = logits[:, :-1].reshape(-1, logits.size(-1))
        shifted_labels = labels[:, 1:].reshape(-1)
        losses = torch.nn.functional.cross_entropy(
            shifted_logits, shifted_labels, ignore_index=IGNORE_INDEX, reduction="sum"
        )
        total_loss += losses.item()
        total_tokens += int((shifted_labels != IGNORE_INDEX).sum())

    mean_loss = total_loss / max(total_tokens, 1)
    return {"loss": mean_loss, "perplexity": math.exp(mean_loss), "tokens": total_tokens}
