"""Documents per second of the privacy stage and of other PII tools on the same
documents, with 1 and 2 worker processes.

    python -m bench.privacy.throughput [--docs 2000] [--join 8]

The corpus joins ``--join`` labelled benchmark documents into one, so each
document is about 1.5 KB of mixed English, European, Japanese and Chinese text
with PII and look-alikes. The stage is timed end to end on a real parquet file
(read, scan, rewrite, audit, write). The other tools are timed on scanning
only, which favours them.
"""

import argparse
import json
import logging
import multiprocessing
import os
import tempfile
import time
from pathlib import Path

from bench.privacy.generate import OUTPUT
from bench.privacy import tools as tool_module
from pipeline.core.records import content_hash, write_records
from pipeline.privacy import run
from pipeline.privacy.config import PrivacyConfig

_tool = None


def _start(tool_name: str) -> None:
    global _tool
    logging.disable(logging.WARNING)
    _tool = getattr(tool_module, tool_name)()


def _scan(text: str) -> int:
    return len(_tool.find(text))


def corpus(count: int, join: int) -> list[str]:
    labelled = [json.loads(line)["text"] for line in OUTPUT.read_text(encoding="utf-8").splitlines()]
    return ["\n".join(labelled[(i * join + k) % len(labelled)] for k in range(join)) for i in range(count)]


def time_tool(tool_name: str, texts: list[str], processes: int) -> float:
    """Return documents per second; tool start-up is not timed."""
    if processes == 1:
        _start(tool_name)
        started = time.perf_counter()
        for text in texts:
            _scan(text)
        return len(texts) / (time.perf_counter() - started)
    context = multiprocessing.get_context("spawn")
    with context.Pool(processes, initializer=_start, initargs=(tool_name,)) as pool:
        pool.map(_scan, texts[:processes], chunksize=1)  # wait until every worker has started
        started = time.perf_counter()
        pool.map(_scan, texts, chunksize=16)
        return len(texts) / (time.perf_counter() - started)


def time_stage(texts: list[str], processes: int) -> float:
    """Return documents per second of the whole stage, worker start-up included."""
    os.environ.pop("TUNELINE_PII_KEY", None)
    logging.disable(logging.WARNING)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "in").mkdir()
        records = [{"id": f"r{i}", "source": "bench", "line": i, "split": "train", "text": text, "prompt": None,
                    "response": None, "content_hash": content_hash({"text": text})} for i, text in enumerate(texts)]
        write_records(records, root / "in" / "records.parquet")
        started = time.perf_counter()
        run(PrivacyConfig(num_proc=processes), root / "in", root / "out", root / "stats.json")
        return len(texts) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser(description="Measure PII detection throughput.")
    parser.add_argument("--docs", type=int, default=2000, help="documents in the corpus (default: %(default)s)")
    parser.add_argument("--join", type=int, default=8, help="labelled documents joined into one (default: %(default)s)")
    args = parser.parse_args()

    texts = corpus(args.docs, args.join)
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(f"{len(texts)} documents, {size / len(texts) / 1024:.1f} KiB each on average, {os.cpu_count()} CPUs\n")
    print("| tool | what is timed | docs/s, 1 process | docs/s, 2 processes |")
    print("| --- | --- | --- | --- |")
    print(f"| tuneline stage | parquet in, scan, rewrite, audit, parquet out | {time_stage(texts, 1):.0f} | {time_stage(texts, 2):.0f} |")
    available, _ = tool_module.available_tools()
    for tool in available:
        name = type(tool).__name__
        print(f"| {tool.name} | scan only | {time_tool(name, texts, 1):.0f} | {time_tool(name, texts, 2):.0f} |")


if __name__ == "__main__":
    main()
