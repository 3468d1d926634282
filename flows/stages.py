"""Reading the stage graph from DVC and running one stage through it.

The graph comes from dvc.yaml through DVC's own index, so the flow never
keeps a second copy of it, and each stage runs through ``Repo.reproduce``,
so DVC alone decides whether it is stale.
"""

import contextlib
import os
import sys
from pathlib import Path

import networkx as nx
from dvc.repo import Repo


def stage_order(repo_root: Path) -> list[str]:
    """Return the stage names of dvc.yaml in dependency order (ties by name)."""
    # DVC resolves stage addresses against the working directory, not the repo root.
    with contextlib.chdir(repo_root), Repo() as repo:
        # DVC's edges point from a stage to the stages it depends on.
        graph = repo.index.graph.reverse()
        return [stage.addressing for stage in nx.lexicographical_topological_sort(graph, key=lambda s: s.addressing)]


def reproduce(repo_root: Path, stage: str) -> bool:
    """Run ``stage`` if DVC finds it stale; return whether it ran.

    Only this stage is considered (``single_item``): the flow has already run
    its upstream stages in order.
    """
    # Stage commands call `python`; make it the interpreter running this flow.
    bin_dir = str(Path(sys.executable).parent)
    if os.environ.get("PATH", "").split(os.pathsep)[0] != bin_dir:
        os.environ["PATH"] = bin_dir + os.pathsep + os.environ.get("PATH", "")

    with contextlib.chdir(repo_root), Repo() as repo:
        ran = repo.reproduce(stage, single_item=True)
    return bool(ran)
