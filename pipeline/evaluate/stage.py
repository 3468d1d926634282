"""The evaluate stage: compare the base and the fine-tuned model on held-out data.

Writes ``metrics.json`` (declared as DVC metrics, so ``dvc metrics diff``
compares runs), ``generations.jsonl`` and ``report.md`` into one folder.
"""

import json
import logging
from pathlib import Path

import torch
from datasets import load_from_disk

from pipeline.core.artifacts import PARAMS_FILE, write_json
from pipeline.core.config import EvaluateConfig, ModelConfig
from pipeline.core.errors import InputError
from pipeline.core.hub import load_causal_lm, load_tokenizer
from pipeline.evaluate.generation import generate
from pipeline.evaluate.perplexity import perplexity
from pipeline.evaluate.report import render_report

log = logging.getLogger(__name__)


def _built_by_base_model_stage(name_or_path: str) -> bool:
    """Tell whether the base model is the untrained one that the base_model stage builds.

    That stage leaves a params.json with a ``base_model`` section in its folder.
    """
    params = Path(name_or_path, PARAMS_FILE)
    return params.is_file() and "base_model" in json.loads(params.read_text(encoding="utf-8"))


def run(model_config: ModelConfig, config: EvaluateConfig, data_dir: Path, finetuned_dir: Path, out_dir: Path) -> dict:
    """Score both models on the test split of ``data_dir`` and write the report to ``out_dir``."""
    test = load_from_disk(str(data_dir))["test"]
    if len(test) == 0:
        raise InputError(f"{data_dir}: the test split is empty; raise ingest.split.test or add data")
    tokenizer = load_tokenizer(model_config)
    device = "cuda" if torch.cuda.is_available() else "cpu"

    candidates = {
        "base": load_causal_lm(model_config.name_or_path, model_config.revision),
        "finetuned": load_causal_lm(str(finetuned_dir)),
    }
    scores, generations = {}, {}
    for name, model in candidates.items():
        model.to(device)
        scores[name] = perplexity(model, test, config.batch_size)
        generations[name] = generate(model, tokenizer, config)
        log.info("%s: perplexity %.3f over %d test tokens", name, scores[name]["perplexity"], scores[name]["tokens"])
        model.to("cpu")

    metrics = {
        "base_model": model_config.name_or_path,
        "base_is_untrained": _built_by_base_model_stage(model_config.name_or_path),
        "base": scores["base"],
        "finetuned": scores["finetuned"],
        "perplexity_ratio": scores["finetuned"]["perplexity"] / scores["base"]["perplexity"],
    }
    out_dir.mkdir(parents=True, exist_ok=True)
    write_json(out_dir / "metrics.json", metrics)
    rows = [
        {"prompt": prompt, "base": generations["base"][i], "finetuned": generations["finetuned"][i]}
        for i, prompt in enumerate(config.prompts)
    ]
    (out_dir / "generations.jsonl").write_text(
        "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8"
    )
    (out_dir / "report.md").write_text(render_report(metrics, config.prompts, generations), encoding="utf-8")
    return metrics
