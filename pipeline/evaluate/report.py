"""The Markdown report of the evaluate stage."""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ").strip() or "(empty)"


def metrics_table(metrics: dict) -> list[str]:
    """Render the perplexity comparison as Markdown lines; the Prefect flow publishes the same table."""
    base, tuned = metrics["base"], metrics["finetuned"]
    return [
        "| model | loss (nats/token) | perplexity |",
        "| --- | ---: | ---: |",
        f"| base (`{metrics['base_model']}`) | {base['loss']:.4f} | {base['perplexity']:.2f} |",
        f"| fine-tuned | {tuned['loss']:.4f} | {tuned['perplexity']:.2f} |",
        "",
        f"Perplexity ratio, fine-tuned / base: {metrics['perplexity_ratio']:.4f} (below 1 is better).",
    ]


def render_report(metrics: dict, prompts: list[str], generations: dict[str, list[str]]) -> str:
    lines = [
        "# Evaluation",
        "",
        f"Held-out test split: {metrics['finetuned']['tokens']} scored tokens.",
        "",
        *metrics_table(metrics),
        "",
    ]
    if metrics.get("base_is_untrained"):
        lines += [
            "The base model was built by the base_model stage with random weights, so its perplexity "
            "is near the vocabulary size and the ratio shows that training worked, not how much "
            "fine-tuning improved a pretrained model.",
            "",
        ]
    lines += [
        "## Generations",
        "",
        "| prompt | base | fine-tuned |",
        "| --- | --- | --- |",
    ]
    for index, prompt in enumerate(prompts):
        lines.append(f"| {_cell(prompt)} | {_cell(generations['base'][index])} | {_cell(generations['finetuned'][index])} |")
    return "\n".join(lines) + "\n"
