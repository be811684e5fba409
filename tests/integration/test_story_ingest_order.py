"""Ingest, the store and ``blickwinkel stories`` place articles with the one clusterer: the stories in
the store do not depend on the order the articles were ingested in, and equal the CLI's."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.embed.backends import EMBEDDERS
from blickwinkel.store import Store, open_store
from blickwinkel.store.ingest import Ingestor
from tests.unit.test_stories_props import EVENTS, HashedWordsEmbedder

FAKE = "test-hashed-words"
if FAKE not in EMBEDDERS.names():
    EMBEDDERS.add(FAKE, HashedWordsEmbedder)

Partition = set[frozenset[str]]

# The events' reports spread over five days, so later reports come after their story began and
# the story windows overlap.
START = dt.date(2031, 5, 3)


def _write_articles(folder: Path) -> list[Path]:
    paths = []
    for e, (event, reports) in enumerate(EVENTS.items()):
        for n, (title, text) in enumerate(reports):
            record = {
                "id": f"{event}-{n}",
                "title": title,
                "text": text,
                "published": (START + dt.timedelta(days=e + n)).isoformat(),
                "outlet": f"Outlet {n}",
                "language": "de",
            }
            path = folder / f"{event}-{n}.json"
            path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
            paths.append(path)
    return paths


def _stored_partition(store: Store) -> Partition:
    out: Partition = set()
    for story in store.list_stories(limit=100).items:
        articles = store.articles(store.story_article_ids(story.id))
        out.add(frozenset(Path(a.source).stem for a in articles.values()))
    return out


def _ingest(paths: Sequence[Path], db: Path) -> Partition:
    store = open_store(f"sqlite:///{db}")
    try:
        ingestor = Ingestor(store, embedder=HashedWordsEmbedder(), analyser=None)
        for path in paths:  # one at a time: each article is placed as it arrives
            ingestor.ingest([str(path)])
        return _stored_partition(store)
    finally:
        store.close()


@pytest.fixture
def articles(tmp_path: Path) -> list[Path]:
    folder = tmp_path / "articles"
    folder.mkdir()
    return _write_articles(folder)


def test_ingest_order_does_not_change_the_stories(articles: list[Path], tmp_path: Path) -> None:
    forward = _ingest(articles, tmp_path / "forward.db")
    backward = _ingest(list(reversed(articles)), tmp_path / "backward.db")
    shuffled = _ingest(articles[1::2] + articles[0::2], tmp_path / "shuffled.db")
    assert forward == backward == shuffled
    assert len(forward) >= len(EVENTS)

    result = CliRunner().invoke(
        app, ["stories", str(articles[0].parent), "--embedder", FAKE, "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    from_cli = {frozenset(s["articles"]) for s in json.loads(result.stdout)["stories"]}
    assert from_cli == forward


def test_a_new_process_continues_the_stored_stories(articles: list[Path], tmp_path: Path) -> None:
    db = tmp_path / "resumed.db"
    half = len(articles) // 2
    _ingest(articles[:half], db)
    resumed = _ingest(articles[half:], db)
    assert resumed == _ingest(articles, tmp_path / "at-once.db")


# Invented reports without a publication date (a wire text, a pasted page) among dated ones: undated
# articles come first in processing order and every dated article's window holds them.
UNDATED_EVENT = [
    (
        "Fähre Möwenstein auf der Ilmsee festgefahren",
        "Die Fähre Möwenstein ist auf der Ilmsee vor Borkhagen auf eine Sandbank gelaufen. Kapitän Elias "
        "Varga sagte, alle 212 Fahrgäste seien wohlauf. Ein Schlepper aus Borkhagen soll die Fähre am "
        "Abend freiziehen.",
        None,
        "de",
    ),
    (
        "Ferry Moewenstein runs aground off Borkhagen",
        "The ferry Moewenstein ran aground on a sandbank in the Ilmsee off Borkhagen. Captain Elias Varga "
        "said all 212 passengers were unhurt. A tug from Borkhagen is to pull the ferry free.",
        None,
        "en",
    ),
    (
        "Schlepper zieht Fähre Möwenstein frei",
        "Ein Schlepper aus Borkhagen hat die Fähre Möwenstein von der Sandbank in der Ilmsee gezogen. "
        "Kapitän Elias Varga sagte, die 212 Fahrgäste seien wohlauf an Land gegangen.",
        dt.date(2031, 7, 2),
        "de",
    ),
    (
        "Fähre Möwenstein wieder in Borkhagen",
        "Die Fähre Möwenstein liegt nach dem Freiziehen durch einen Schlepper wieder im Hafen von "
        "Borkhagen. Kapitän Elias Varga will die Sandbank in der Ilmsee melden.",
        dt.date(2031, 7, 3),
        "de",
    ),
]


def _write_undated_mix(folder: Path) -> list[Path]:
    paths = []
    for n, (title, text, published, language) in enumerate(UNDATED_EVENT):
        record: dict[str, object] = {"id": f"ferry-{n}", "title": title, "text": text, "language": language}
        if published is not None:
            record["published"] = published.isoformat()
        path = folder / f"ferry-{n}.json"
        path.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
        paths.append(path)
    return paths


def _ingest_each_in_a_new_process(paths: Sequence[Path], db: Path) -> Partition:
    for path in paths:  # a fresh ingestor per file: it only knows the stored stories
        _ingest([path], db)
    store = open_store(f"sqlite:///{db}")
    try:
        return _stored_partition(store)
    finally:
        store.close()


def test_undated_articles_give_the_same_stories_in_any_order(tmp_path: Path) -> None:
    folder = tmp_path / "mix"
    folder.mkdir()
    paths = _write_undated_mix(folder) + _write_articles(folder)
    undated, dated = paths[:2], paths[2:]
    result = CliRunner().invoke(app, ["stories", str(folder), "--embedder", FAKE, "--format", "json"])
    assert result.exit_code == 0, result.output
    from_cli = {frozenset(s["articles"]) for s in json.loads(result.stdout)["stories"]}
    # The undated German report joins the dated reports of its event when processed first.
    assert any({"ferry-0", "ferry-2"} <= story for story in from_cli)

    assert _ingest(undated + dated, tmp_path / "undated-first.db") == from_cli
    assert _ingest(dated + undated, tmp_path / "undated-last.db") == from_cli
    # Newest dated first: each re-clusters its span and leaves a fresh clusterer for the undated ones.
    assert _ingest(list(reversed(dated)) + undated, tmp_path / "after-recluster.db") == from_cli
    assert _ingest(list(reversed(paths)), tmp_path / "reversed.db") == from_cli
    assert _ingest_each_in_a_new_process(dated + undated, tmp_path / "processes.db") == from_cli


@pytest.mark.parametrize(("first", "second"), [(0, 1), (0, 2), (2, 3)])
def test_similarity_says_what_stories_does_with_the_pair(tmp_path: Path, first: int, second: int) -> None:
    folder = tmp_path / "pair"
    folder.mkdir()
    paths = _write_undated_mix(folder)
    pair = [str(paths[first]), str(paths[second])]
    runner = CliRunner()
    stories = runner.invoke(app, ["stories", *pair, "--embedder", FAKE, "--format", "json"])
    assert stories.exit_code == 0, stories.output
    grouped = len(json.loads(stories.stdout)["stories"]) == 1
    result = runner.invoke(app, ["similarity", *pair, "--embedder", FAKE, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["stories"]["one_story"] is grouped
    text = runner.invoke(app, ["similarity", *pair, "--embedder", FAKE])
    line = next(x for x in text.stdout.splitlines() if x.startswith("stories (these two alone, "))
    assert f"vectors): {'one story' if grouped else 'two stories'} (" in line
