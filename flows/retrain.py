"""The retraining flow: run the dvc.yaml pipeline as Prefect tasks.

Each stage is one task run, named after the stage and run in dependency
order, one at a time (DVC locks the workspace). Prefect's own result caching
is off, because DVC decides what is stale: an up-to-date stage returns at
once and is reported as skipped. The evaluation metrics are published as a
Markdown artifact.

Run once:            python -m flows.retrain
Serve on a schedule: python -m flows.retrain --serve --cron "0 3 * * *"
(a schedule needs a Prefect server: `prefect server start --host 127.0.0.1`).
"""

import argparse
import json
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE

from flows.stages import reproduce, stage_order
from pipeline.evaluate.report import metrics_table

METRICS_FILE = Path("reports/evaluate/metrics.json")


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=10, task_run_name="{stage}")
def run_stage(repo_root: Path, stage: str) -> bool:
    """Reproduce one DVC stage if it is stale; return whether it ran."""
    ran = reproduce(repo_root, stage)
    get_run_logger().info("stage %s %s", stage, "ran" if ran else "is up to date, skipped")
    return ran


@task(cache_policy=NO_CACHE)
def publish_metrics(repo_root: Path) -> dict | None:
    """Publish the evaluation metrics as a Markdown table artifact."""
    path = repo_root / METRICS_FILE
    if not path.is_file():
        get_run_logger().warning("no metrics at %s; nothing published", path)
        return None
    metrics = json.loads(path.read_text(encoding="utf-8"))
    create_markdown_artifact(key="evaluation-metrics", markdown="\n".join(metrics_table(metrics)),
                             description="Held-out perplexity of the base and fine-tuned models")
    return metrics


@flow(name="tuneline-retrain", log_prints=True)
def retrain(repo_root: str = ".") -> dict[str, bool]:
    """Run every stale stage of dvc.yaml in order; return which stages ran."""
    root = Path(repo_root).resolve()
    ran = {}
    for stage in stage_order(root):
        ran[stage] = run_stage(root, stage)
    publish_metrics(root)
    get_run_logger().info("ran %d of %d stages: %s", sum(ran.values()), len(ran),
                          [name for name, did in ran.items() if did])
    return ran


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m flows.retrain", description=__doc__.split("\n")[0])
    parser.add_argument("--repo", default=".", help="DVC repository root (default: %(default)s)")
    parser.add_argument("--serve", action="store_true", help="serve the flow as a deployment instead of running it once")
    parser.add_argument("--cron", default="0 3 * * *", help="cron schedule for --serve (default: %(default)s)")
    args = parser.parse_args()
    if args.serve:
        retrain.serve(name="tuneline-retrain", cron=args.cron, parameters={"repo_root": str(Path(args.repo).resolve())})
    else:
        retrain(args.repo)


if __name__ == "__main__":
    main()
