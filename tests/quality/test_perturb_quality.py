"""Quality gate of conflicts on independently perturbed articles: a 20-case sample of bench/perturb.py.

The cases are made with plain regular expressions over real articles (see the bench's docstring),
part B of the source articles (part A is for tuning), seed 7. The full run is in ``make bench``.
Pinned values are exactly the measured ones, rounded down to 3 decimals, measured with:
    BLICKWINKEL_SHARED=../shared python bench/perturb.py --pairs 20 --split B --seed 7 --format json

The bench runs as a subprocess: tests import the library, never bench/ code.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys

import pytest

from tests.conftest import ROOT, SHARED

pytestmark = [pytest.mark.quality, pytest.mark.slow, pytest.mark.shared]

# Measured 2026-11-29 (part B, seed 7): 16 changed cases, 16 found; 4 controls; no false conflict
# (2026-11-28: 15 found, recall 0.937; the pin was not raised when this session's rules found the 16th).
PINNED = {"conflict_recall": 1.0, "conflict_precision": 1.0}
PINNED_FALSE_CONFLICTS = 0


def test_conflicts_on_independently_perturbed_articles() -> None:
    shared = os.environ.get("BLICKWINKEL_SHARED", str(SHARED))
    if not os.path.isfile(os.path.join(shared, "data", "corpus-de", "articles.jsonl")):
        pytest.skip("../shared/data/corpus-de is absent")
    env = {**os.environ, "BLICKWINKEL_SHARED": shared, "PYTHONPATH": str(ROOT / "src")}
    command = [sys.executable, str(ROOT / "bench" / "perturb.py"), "--pairs", "20", "--split", "B"]
    done = subprocess.run(
        [*command, "--seed", "7", "--format", "json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=900,
    )
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["pairs"] == 20, figures
    for key, pinned in PINNED.items():
        assert figures[key] >= pinned, (key, figures)
    assert figures["false_conflicts"] <= PINNED_FALSE_CONFLICTS, figures


def test_cases_are_made_without_blickwinkel() -> None:
    """Only ``run`` (which calls the comparison) may import blickwinkel; making a case may not."""
    tree = ast.parse((ROOT / "bench" / "perturb.py").read_text(encoding="utf-8"))
    offenders = []
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef) and node.name == "run":
            continue
        body = node.body if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) else []
        for statement in body:
            if isinstance(statement, ast.ImportFrom) and (statement.module or "").startswith("blickwinkel"):
                offenders.append(statement.module)
            if isinstance(statement, ast.Import) and any(
                a.name.startswith("blickwinkel") for a in statement.names
            ):
                offenders.append(statement.names[0].name)
    assert not offenders, offenders
