"""Ingest throughput against a bare JSON Lines to Parquet loop, in one process.

The baseline parses each line and writes the text column to Parquet, which
is the least any ingest must do. The ratio shows what ids, splits, Unicode
normalization, validation and the audit trail cost on top of it.

    python -m bench.ingest_throughput --records 200000
"""

import argparse
import json
import random
import tempfile
import time
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.core.config import IngestConfig
from pipeline.ingest.stage import run as ingest
from pipeline.sample.text import document


def write_corpus(path: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8") as handle:
        for index in range(count):
            handle.write(json.dumps({"text": document(rng, chinese=index % 3 == 0)}, ensure_ascii=False) + "\n")


def baseline(path: Path, out: Path) -> int:
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    pq.write_table(pa.table({"text": texts}), out)
    return len(texts)


def timed(function, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=100_000, help="JSON Lines records to generate (default: %(default)s)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        corpus = root / "corpus.jsonl"
        write_corpus(corpus, args.records, args.seed)

        base_seconds, _ = timed(baseline, corpus, root / "baseline.parquet")
        stage_seconds, stats = timed(ingest, IngestConfig(sources=[str(corpus)]), root / "out", root / "stats.json")

    print(f"records:            {stats['records_out']}")
    print(f"baseline records/s: {args.records / base_seconds:,.0f}")
    print(f"ingest records/s:   {args.records / stage_seconds:,.0f}")
    print(f"ingest / baseline time ratio: {stage_seconds / base_seconds:.2f}")


if __name__ == "__main__":
    main()
