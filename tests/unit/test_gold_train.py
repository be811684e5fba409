"""Training gold (examples/gold-train): SemEval pairs annotated to fit the link model on, split
``train``, never one of the real-news gold's halves and sharing no article with it; and our own
invented training stories (``own-*.json``, examples/train-stories), split ``train`` as well."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from blickwinkel.analyse.language import with_languages
from blickwinkel.cli import eval_compare
from blickwinkel.compare.evaluate import (
    ArticleRef,
    RealGold,
    locate_span,
    parse_gold,
    parse_real_gold,
    span_hash,
)
from blickwinkel.errors import EvaluationError
from blickwinkel.evaluation import gold_files_of_split, read_gold_articles
from blickwinkel.ingest import read_inputs
from blickwinkel.text import split_statements
from tests.conftest import SHARED, json_keys

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
TRAIN_FILES = sorted((EXAMPLES / "gold-train").glob("semeval-*.json"))
OWN_FILES = sorted((EXAMPLES / "gold-train").glob("own-*.json"))
REAL_FILES = sorted(
    [*(EXAMPLES / "gold-real").glob("*.json"), *(EXAMPLES / "gold-real" / "tune-conflicts").glob("*.json")]
)
DATA = SHARED / "data"
# Stories told by outlets of one language: same-language paraphrase (p-), real-news shapes (e-), the
# kinds of link the real-news tuning half misses (k-).
ONE_LANGUAGE = ("p-", "e-", "k-")


def _gold(path: Path) -> RealGold:
    return parse_real_gold(json.loads(path.read_text(encoding="utf-8")), str(path))


def _article_key(ref: ArticleRef) -> tuple[str, str]:
    """One article, however a file names it: a SemEval text by its own id (the half of the pair id
    its field names), so the same article in two different pairs is still one article."""
    if "pair_id" in ref.record and ref.field in ("text1", "text2"):
        first, _, second = str(ref.record["pair_id"]).partition("_")
        return ref.dataset, first if ref.field == "text1" else second
    return ref.dataset, f"{json.dumps(dict(ref.record), sort_keys=True)}:{ref.field}"


@pytest.mark.parametrize("path", TRAIN_FILES, ids=lambda p: p.stem)
def test_training_files_are_train_split_and_keep_no_article_text(path: Path) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = _gold(path)
    assert gold.split == "train"
    assert not gold.tasks  # scored on every task, like a held-out file
    assert not ({"text", "text1", "text2", "fragment"} & json_keys(data))
    assert all(ref.dataset == "same-story/semeval2022-sample-dev.jsonl" for ref in gold.articles)


def test_no_training_article_is_in_the_real_news_gold() -> None:
    """Fitting on an article the tuning or held-out half scores would leak into its figures."""
    real = {_article_key(ref) for path in REAL_FILES for ref in _gold(path).articles}
    shared = {
        (path.name, key[1])
        for path in TRAIN_FILES
        for ref in _gold(path).articles
        if (key := _article_key(ref)) in real
    }
    assert not shared


def test_a_training_file_is_scored_only_as_train() -> None:
    if not TRAIN_FILES:
        pytest.skip("no training file yet")
    train = TRAIN_FILES[0]
    example = EXAMPLES / "gold" / "brueckensperrung.json"
    assert gold_files_of_split([train, example], "train") == [train, example]
    assert gold_files_of_split([train, example], "tune") == [example]
    for half in ("tune", "heldout"):
        with pytest.raises(EvaluationError, match="V019"):
            gold_files_of_split([train], half)


@pytest.mark.shared
@pytest.mark.parametrize("path", TRAIN_FILES, ids=lambda p: p.stem)
def test_every_training_span_hashes_as_the_file_says(path: Path) -> None:
    if not (DATA / "same-story" / "semeval2022-sample-dev.jsonl").is_file():
        pytest.skip("../shared/data is absent")
    gold = _gold(path)
    articles, raw = read_gold_articles(gold, DATA)  # checks each whole field's hash (V022)
    text = {a.id: a.text for a in articles}
    for fact in gold.facts:
        for article, spans in fact.mentions.items():
            for span in spans:
                assert span_hash(raw[article][span.start : span.end]) == span.digest, (fact.name, article)
                locate_span(text[article], raw[article], span)  # its words are in the text the reader gives


def test_the_command_names_train_among_the_splits() -> None:
    app, eval_app = typer.Typer(), typer.Typer()
    app.add_typer(eval_app, name="eval")
    eval_compare.register(app, eval_app)
    path = EXAMPLES / "gold" / "brueckensperrung.json"
    result = CliRunner().invoke(app, ["eval", "compare", str(path), "--split", "dev"])
    assert result.exit_code == 2
    assert "train" in result.stderr and "heldout" in result.stderr


def test_every_file_of_the_folder_is_a_semeval_or_an_own_file() -> None:
    assert sorted((EXAMPLES / "gold-train").glob("*.json")) == sorted([*TRAIN_FILES, *OWN_FILES])


@pytest.mark.parametrize("path", OWN_FILES, ids=lambda p: p.stem)
def test_own_training_stories_are_train_split_and_in_their_languages(path: Path) -> None:
    """Our own invented stories (examples/train-stories): example-story gold marked ``train``; an
    ``own-x-*`` story has a German and an English article, an ``own-x3-*`` story a German, an English
    and a French one, an ``own-p-*``, ``own-e-*`` or ``own-k-*`` story articles of one language only
    (same-language paraphrase; real-news shapes; the missed kinds); every fragment lies in exactly one
    statement of its article (as ``eval compare`` locates it) and no statement holds two facts. In a
    story of one language every statement but the headlines is in a fact, or (``own-e-*``) named in
    the file's ``not_facts``: boilerplate a reader keeps as a statement."""
    data = json.loads(path.read_text(encoding="utf-8"))
    gold = parse_gold(data, str(path))
    assert data["split"] == "train"
    assert gold_files_of_split([path], "train") == [path]
    for half in ("tune", "heldout"):
        with pytest.raises(EvaluationError, match="V019"):
            gold_files_of_split([path], half)
    story = path.stem.removeprefix("own-")
    assert all(given.startswith(f"../train-stories/{story}/") for given in gold.inputs)
    read = read_inputs([str(path.parent / given) for given in gold.inputs])
    assert not read.failures
    articles = {a.id: with_languages(a, "de") for a in read.articles}
    languages = {a.language for a in articles.values()}
    if story.startswith(ONE_LANGUAGE):
        assert len(languages) == 1 and languages <= {"de", "en"}
    elif story.startswith("x3-"):
        assert languages == {"de", "en", "fr"}
    else:
        assert languages >= {"de", "en"}
    units = {i: split_statements(a) for i, a in articles.items()}
    statements = {i: [s.text for s in found] for i, found in units.items()}
    taken: set[tuple[str, int]] = set()
    for fact in gold.facts:
        for article, fragments in fact.mentions.items():
            for fragment in fragments:
                hits = [(article, n) for n, text in enumerate(statements[article]) if fragment in text]
                assert len(hits) == 1, (fact.name, article, fragment)
                assert hits[0] not in taken, (fact.name, article, fragment)
                taken |= set(hits)
    # Boilerplate a reader keeps as a statement; once a reader drops the line (its block becomes
    # ``boilerplate`` or ``credit``), it is in no statement and the entry still holds.
    for article, fragments in data.get("not_facts", {}).items():
        for fragment in fragments:
            assert fragment in articles[article].text, ("not_facts", article, fragment)
            hits = [(article, n) for n, text in enumerate(statements[article]) if fragment in text]
            assert len(hits) <= 1 and not set(hits) & taken, ("not_facts", article, fragment)
            taken |= set(hits)
    if story.startswith(ONE_LANGUAGE):
        left_out = [
            (i, s.text)
            for i, found in units.items()
            for n, s in enumerate(found)
            if (i, n) not in taken and articles[i].blocks[s.block].kind != "headline"
        ]
        assert not left_out


def test_an_example_gold_file_may_be_marked_train_only() -> None:
    data = json.loads((EXAMPLES / "gold" / "brueckensperrung.json").read_text(encoding="utf-8"))
    parse_gold({**data, "split": "train"}, "own.json")
    with pytest.raises(EvaluationError, match=r"V011.*'heldout'"):
        parse_gold({**data, "split": "heldout"}, "own.json")
