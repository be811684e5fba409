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
