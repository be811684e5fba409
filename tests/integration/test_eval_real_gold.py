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
from blickwinkel.compare.evaluate import locate_span, parse_real_gold, span_hash
from blickwinkel.evaluation import read_gold_articles
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


def test_the_one_file_a_split_keeps_is_the_one_named() -> None:
    if not (DATA / "same-story" / "semeval2022-sample-dev.jsonl").is_file():
        pytest.skip("../shared/data is absent")
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    gold = ROOT / "examples" / "gold-real"
    tune, heldout = gold / "semeval-b-1566425118.json", gold / "semeval-b-1488322206.json"
    args = ["eval", "compare", str(tune), str(heldout), "--data-root", str(DATA), "--split", "heldout"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith(str(heldout))


def test_a_missing_data_root_is_a_clear_error(tmp_path: Path) -> None:
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    path = ROOT / "examples" / "gold-real" / "wikinews-45.json"
    result = CliRunner().invoke(app, ["eval", "compare", str(path), "--data-root", str(tmp_path)])
    assert result.exit_code == 2
    assert "--data-root" in result.stderr


@pytest.mark.parametrize(
    "path", sorted((ROOT / "examples" / "gold-real").glob("*.json")), ids=lambda p: p.stem
)
def test_every_span_is_found_in_the_shared_data(path: Path) -> None:
    """Each article's field and each span still hash as the gold says, and each span's words are
    found in the text the reader yields (no comparison is run, so no embedder is loaded)."""
    if not (DATA / "same-story" / "semeval2022-sample-dev.jsonl").is_file():
        pytest.skip("../shared/data is absent")
    gold = parse_real_gold(json.loads(path.read_text(encoding="utf-8")), str(path))
    articles, raw = read_gold_articles(gold, DATA)
    text = {a.id: a.text for a in articles}
    for fact in gold.facts:
        for article, spans in fact.mentions.items():
            for span in spans:
                assert span_hash(raw[article][span.start : span.end]) == span.digest, (fact.name, article)
                start, end = locate_span(text[article], raw[article], span)
                assert end > start
