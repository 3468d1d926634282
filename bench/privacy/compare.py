"""Precision, recall and F1 per entity type for tuneline and the other tools on
the labelled set, printed as Markdown tables.

    python -m bench.privacy.compare [--data bench/privacy/data/labelled.jsonl]

A prediction matches a labelled span of the same type when it covers at
half of that span. Each labelled span matches at most once. Predictions of
types the set does not label (URLs, dates, names) are ignored. A second table
counts the look-alike sentences (UUIDs, timestamps, versions, ...) in which
each tool reported anything.
"""

import argparse
import json
import logging
import time
from collections import defaultdict
from pathlib import Path

from bench.privacy.generate import OUTPUT
from bench.privacy.tools import available_tools

MIN_COVERAGE = 0.5


def score_document(gold: list[dict], predicted: list[tuple[str, int, int]], counts: dict) -> None:
    """Add true positives, false positives and false negatives of one document to ``counts``."""
    matched = [False] * len(gold)
    for kind, start, end in sorted(set(predicted), key=lambda p: (p[1], p[2])):
        hit = False
        for index, span in enumerate(gold):
            if matched[index] or span["type"] != kind:
                continue
            overlap = min(end, span["end"]) - max(start, span["start"])
            if overlap >= MIN_COVERAGE * (span["end"] - span["start"]):
                matched[index] = hit = True
                break
        counts[kind]["tp" if hit else "fp"] += 1
    for index, span in enumerate(gold):
        if not matched[index]:
            counts[span["type"]]["fn"] += 1


def metrics(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def evaluate(tool, documents: list[dict]) -> tuple[dict, dict, float]:
    """Return per-type counts, look-alikes hit per kind, and seconds spent in the tool."""
    counts: dict = defaultdict(lambda: {"tp": 0, "fp": 0, "fn": 0})
    lookalike_hits: dict = defaultdict(int)
    seconds = 0.0
    for document in documents:
        started = time.perf_counter()
        predicted = tool.find(document["text"])
        seconds += time.perf_counter() - started
        score_document(document["spans"], predicted, counts)
        for negative in document.get("negatives", []):
            if any(start < negative["end"] and end > negative["start"] for _, start, end in predicted):
                lookalike_hits[negative["kind"]] += 1
    return counts, lookalike_hits, seconds


def lookalike_table(hits: dict, documents: list[dict], tools: list) -> str:
    """Count, per kind of look-alike, the sentences in which a tool reported any PII."""
    totals: dict = defaultdict(int)
    for document in documents:
        for negative in document.get("negatives", []):
            totals[negative["kind"]] += 1
    lines = ["| look-alike | sentences | " + " | ".join(t.name for t in tools) + " |",
             "|" + " --- |" * (2 + len(tools))]
    for kind in sorted(totals):
        lines.append(f"| {kind} | {totals[kind]} | " + " | ".join(str(hits[t.name][kind]) for t in tools) + " |")
    return "\n".join(lines)


def table(results: dict, tools: list, types: list[str]) -> str:
    header = "| type | support | " + " | ".join(f"{t.name} P / R / F1" for t in tools) + " |"
    lines = [header, "|" + " --- |" * (2 + len(tools))]
    for kind in types:
        support = results[tools[0].name][kind]["tp"] + results[tools[0].name][kind]["fn"]
        cells = []
        for tool in tools:
            if kind not in tool.supported:
                cells.append("n/a")
                continue
            p, r, f = metrics(**results[tool.name][kind])
            cells.append(f"{p:.3f} / {r:.3f} / **{f:.3f}**" if tool.name == "tuneline" else f"{p:.3f} / {r:.3f} / {f:.3f}")
        lines.append(f"| {kind} | {support} | " + " | ".join(cells) + " |")

    for label, only_supported in (("all types (micro)", False), ("types the tool supports (micro)", True)):
        cells = []
        for tool in tools:
            totals = {"tp": 0, "fp": 0, "fn": 0}
            for kind in types:
                if only_supported and kind not in tool.supported:
                    continue
                for key in totals:
                    totals[key] += results[tool.name][kind][key]
            p, r, f = metrics(**totals)
            cells.append(f"{p:.3f} / {r:.3f} / {f:.3f}")
        lines.append(f"| {label} | | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description="Compare PII detectors on the labelled benchmark set.")
    parser.add_argument("--data", type=Path, default=OUTPUT, help="labelled JSONL file (default: %(default)s)")
    parser.add_argument("--locales", nargs="*", help="restrict to these locales, e.g. zh_CN")
    args = parser.parse_args()
    logging.disable(logging.WARNING)  # presidio and scrubadub log per call

    documents = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines()]
    if args.locales:
        documents = [d for d in documents if d["locale"] in args.locales]
    tools, skipped = available_tools()
    results, hits, seconds = {}, {}, {}
    for tool in tools:
        results[tool.name], hits[tool.name], seconds[tool.name] = evaluate(tool, documents)
    types = sorted({span["type"] for d in documents for span in d["spans"]})

    print(f"{len(documents)} documents, {sum(len(d['spans']) for d in documents)} labelled spans; "
          f"skipped (not installed): {', '.join(skipped) or 'none'}\n")
    print(table(results, tools, types))
    print("\nSentences with a look-alike and no PII in which the tool reported PII of any type it supports:\n")
    print(lookalike_table(hits, documents, tools))
    print("\nseconds for the whole set: " + ", ".join(f"{name} {value:.2f}" for name, value in seconds.items()))


if __name__ == "__main__":
    main()
