"""Quality gate of the comparison: scores measured on our gold files and on generated outlet pairs.

A change that lowers a score fails here unless the pinned value is lowered with a reason in the
commit. Measured on 2026-11-21 with:
    blickwinkel eval compare examples/gold/*.json --format json
The perturbation benchmark has its own gate: tests/quality/test_perturb_quality.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.cli.eval_compare import evaluate_gold_files
from tests.conftest import ROOT

pytestmark = [pytest.mark.quality, pytest.mark.slow]

MARGIN = 0.02
# Micro-averaged F1 over the three example stories (52 gold facts).
GOLD_F1 = {"links": 0.8333, "unique_facts": 0.7647, "conflicts": 0.7368}


def test_gold_files_of_the_example_stories() -> None:
    files = sorted((ROOT / "examples" / "gold").glob("*.json"))
    assert files
    result = evaluate_gold_files([Path(f) for f in files], "use", 0.5)
    total = result.get("total", result)
    for task, pinned in GOLD_F1.items():
        assert total[task]["f1"] >= pinned - MARGIN, (task, total[task])
