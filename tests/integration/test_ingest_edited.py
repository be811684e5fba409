"""An edited input ingested again replaces its stored article (text, analysis, vectors, story), on
SQLite and PostgreSQL; the same text stays "already stored". Invented reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blickwinkel.store import Store
from blickwinkel.store.ingest import Ingestor, default_analyser
from tests.integration.newsroom_fixtures import write_texts
from tests.unit.test_stories_props import HashedWordsEmbedder

REPORTS = (
    "Ferry runs aground off Lindholm\n\nThe ferry Nordlicht ran aground off Lindholm on Saturday. All 214 "
    "passengers were brought ashore, the operator Lindholm Lines said.",
    "Nordlicht passengers rescued\n\nRescuers brought 214 passengers of the Nordlicht ashore on Saturday "
    "after the ferry hit a sandbank near Lindholm. Nobody was hurt, police said.",
)
CORRECTED = REPORTS[0].replace("All 214 passengers were", "All 241 passengers and six crew were")
OTHER_EVENT = (
    "Orchard festival draws crowds\n\nThe apple festival in Quillby drew some 3,000 visitors on Sunday, "
    "the organisers said. A cider press was shown."
)


def _ingest(store: Store, paths: list[str]) -> tuple[int, int, int]:
    counts = Ingestor(store, embedder=HashedWordsEmbedder(), analyser=default_analyser).ingest(paths)
    return counts.stored, counts.updated, counts.duplicates


def _stories(store: Store) -> dict[int, list[int]]:
    ids = {store.story_of(n) for n in (1, 2)}
    return {s: store.story_article_ids(s) for s in ids if s is not None}


def test_an_edited_file_replaces_its_article(store: Store, tmp_path: Path) -> None:
    paths = write_texts(tmp_path, REPORTS)
    assert _ingest(store, paths) == (2, 0, 0)
    before = store.statement_texts([1])
    old_vectors = store.vectors([1], "fake")[1]

    write_texts(tmp_path, (CORRECTED, REPORTS[1]))
    assert _ingest(store, paths) == (0, 1, 1)
    assert store.count_articles() == 2  # not a third article
    article = store.article(1)
    assert article is not None and article.text == CORRECTED
    after = store.statement_texts([1])
    assert after != before and any("241 passengers" in s for s in after)
    assert not any("All 214 passengers" in s for s in after)
    # the rows of the old text's parts (keyed by their text) are gone, the new text's are there
    new_vectors = store.vectors([1], "fake")[1]
    assert new_vectors and set(new_vectors) != set(old_vectors)
    # one story membership each, the story sizes add up
    stories = _stories(store)
    assert sorted(n for members in stories.values() for n in members) == [1, 2]
    assert all(store.story(s).size == len(m) for s, m in stories.items())  # type: ignore[union-attr]

    # unchanged text: already stored, nothing moves
    assert _ingest(store, paths) == (0, 0, 2)
    assert store.statement_texts([1]) == after


def test_an_edit_to_another_event_leaves_the_story(store: Store, tmp_path: Path) -> None:
    paths = write_texts(tmp_path, REPORTS)
    _ingest(store, paths)
    write_texts(tmp_path, (OTHER_EVENT, REPORTS[1]))
    assert _ingest(store, paths) == (0, 1, 1)
    stories = _stories(store)
    assert sorted(stories.values()) == [[1], [2]]
    for story_id in stories:
        summary = store.story(story_id)
        assert summary is not None and summary.size == 1


def test_a_record_with_its_url_is_updated_and_records_without_one_are_not(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "feed.jsonl"

    def write(first: str) -> None:
        records = [
            {"url": "https://news.example/ferry", "title": "Ferry", "text": first},
            {"title": "Rescue", "text": REPORTS[1]},
        ]
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")

    write(REPORTS[0])
    assert _ingest(store, [str(path)]) == (2, 0, 0)
    write(CORRECTED)
    assert _ingest(store, [str(path)]) == (0, 1, 1)
    assert store.count_articles() == 2
    stored = store.articles([1, 2])
    assert any(a.url == "https://news.example/ferry" and "241" in a.text for a in stored.values())


def test_a_replacement_whose_text_another_writer_stored_meanwhile_is_already_stored(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Two ingests of one edited file: the other stored the new text between this one's check and its
    # update, whose unique text hash then failed with an IntegrityError out of the whole run.
    import blickwinkel.store._articles as records
    from blickwinkel.ingest import read_text

    first = store.add_article(read_text(REPORTS[0], source="a.txt"))
    other = store.add_article(read_text(CORRECTED, source="b.txt"))
    finds = iter([None])  # the check finds nothing, as before the other writer's commit
    real = records._find
    monkeypatch.setattr(records, "_find", lambda conn, url, digest: next(finds, real(conn, url, digest)))
    result = store.replace_article(first.article_id, read_text(CORRECTED, source="a.txt"))
    assert (result.article_id, result.created) == (other.article_id, False)
    article = store.article(first.article_id)
    assert article is not None and article.text == REPORTS[0]  # the stored version stays
