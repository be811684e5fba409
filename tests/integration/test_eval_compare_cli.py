"""``blickwinkel eval compare`` on our own example stories, run in-process with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from blickwinkel.cli import eval_compare

pytestmark = pytest.mark.slow

GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold"
TASKS = ("links", "unique_facts", "conflicts")
SCORE_KEYS = {"precision", "recall", "f1", "support", "true_positives", "predicted"}


@pytest.fixture(scope="module")
def cli() -> typer.Typer:
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    return app


def run_json(cli: typer.Typer, *args: str) -> dict[str, Any]:
    result = CliRunner().invoke(cli, ["eval", "compare", *args, "--format", "json"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1, "--format json prints exactly one JSON object"
    data = json.loads(lines[0])
    assert isinstance(data, dict)
    return data


def gold_counts(path: Path) -> tuple[int, int, int, int]:
    """Gold links, unique facts, conflicts and facts of the gold file at ``path``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    mentions = [len(f["mentions"]) for f in data["facts"]]
    links = sum(n * (n - 1) // 2 for n in mentions)
    return links, mentions.count(1), len(data["conflicts"]), len(data["facts"])


def check_scores(scores: dict[str, Any]) -> None:
    assert set(scores) >= {*TASKS, "gold_facts"}
    for task in TASKS:
        row = scores[task]
        assert set(row) == SCORE_KEYS
        for key in ("precision", "recall", "f1"):
            assert 0.0 <= row[key] <= 1.0
        assert 0 <= row["true_positives"] <= row["predicted"]
        assert row["true_positives"] <= row["support"]


def test_one_gold_file_prints_its_scores(cli: typer.Typer) -> None:
    path = GOLD / "ferry-grounding.json"
    scores = run_json(cli, str(path))
    check_scores(scores)
    links, unique, conflicts, facts = gold_counts(path)
    assert scores["links"]["support"] == links
    assert scores["unique_facts"]["support"] == unique
    assert scores["conflicts"]["support"] == conflicts
    assert scores["gold_facts"] == facts


def test_several_gold_files_print_each_file_and_the_micro_average(cli: typer.Typer) -> None:
    paths = [GOLD / "ferry-grounding.json", GOLD / "wahl-mischsprachig.json"]
    data = run_json(cli, *map(str, paths))
    assert set(data) == {"files", "total"}
    assert set(data["files"]) == {str(p) for p in paths}
    for scores in data["files"].values():
        check_scores(scores)
    check_scores(data["total"])
    for task in TASKS:
        assert data["total"][task]["support"] == sum(s[task]["support"] for s in data["files"].values())


def test_the_table_names_every_task(cli: typer.Typer) -> None:
    result = CliRunner().invoke(cli, ["eval", "compare", str(GOLD / "ferry-grounding.json"), "--show-errors"])
    assert result.exit_code == 0, result.stderr
    for task in TASKS:
        assert task in result.stdout


def test_a_broken_gold_file_is_named_and_the_rest_is_scored(cli: typer.Typer, tmp_path: Path) -> None:
    """The rest of the batch goes on: the broken file is named on stderr, the others are scored and
    the micro-average leaves the broken one out; the exit code says that something was left out."""
    broken = tmp_path / "broken.json"
    broken.write_text('{"schema": ', encoding="utf-8")
    good = GOLD / "ferry-grounding.json"
    args = ["eval", "compare", str(good), str(broken), "--format", "json"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert list(data["files"]) == [str(good)]
    assert set(data["failed"]) == {str(broken)}
    assert data["total"]["links"]["support"] == data["files"][str(good)]["links"]["support"]
    assert str(broken) in result.stderr and "error:" in result.stderr


def test_only_broken_gold_files_are_an_error(cli: typer.Typer, tmp_path: Path) -> None:
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    first.write_text("[", encoding="utf-8")
    second.write_text("{", encoding="utf-8")
    result = CliRunner().invoke(cli, ["eval", "compare", str(first), str(second)])
    assert result.exit_code == 2
    assert str(first) in result.stderr and str(second) in result.stderr
