"""``blickwinkel eval compare`` on the real-news gold: reads the articles by reference from
../shared/data and reports per language pair (skipped where the shared data is absent)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from blickwinkel.cli import eval_compare
from tests.conftest import ROOT, SHARED

pytestmark = [pytest.mark.slow, pytest.mark.shared]

DATA = Path(os.environ.get("BLICKWINKEL_SHARED", str(SHARED))) / "data"


def test_one_event_is_scored_per_language_pair() -> None:
    if not (DATA / "same-story" / "semeval2022-sample-dev.jsonl").is_file():
        pytest.skip("../shared/data is absent")
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    path = ROOT / "examples" / "gold-real" / "semeval-1574379519.json"
    result = CliRunner().invoke(
        app, ["eval", "compare", str(path), "--data-root", str(DATA), "--format", "json", "--show-errors"]
    )
    assert result.exit_code == 0, result.stderr
    scores = json.loads(result.stdout)
    assert scores["split"] == "tune"
    assert set(scores["by_pair"]) == {"de-en"}
    assert scores["links"]["support"] == 2
    assert {"missed_links", "joined_different_facts", "split_restatements"} <= set(scores["errors"])


def test_a_missing_data_root_is_a_clear_error(tmp_path: Path) -> None:
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    path = ROOT / "examples" / "gold-real" / "wikinews-45.json"
    result = CliRunner().invoke(app, ["eval", "compare", str(path), "--data-root", str(tmp_path)])
    assert result.exit_code == 2
    assert "--data-root" in result.stderr
