"""An edited input ingested again replaces its stored article (text, analysis, vectors, story), on
SQLite and PostgreSQL; the same text stays "already stored". Invented reports."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from blickwinkel.store import Store, open_store
from blickwinkel.store.ingest import Ingestor, default_analyser
from tests.databases import empty_database
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


DAYS = ("2031-03-03", "2031-03-03", "2031-03-04", "2031-03-05", "2031-03-05")
DATED_REPORTS = (
    *REPORTS,
    "Sandbank off Lindholm to be dredged\n\nThe harbour office will dredge the sandbank the Nordlicht hit "
    "off Lindholm, a spokeswoman said on Tuesday.",
    OTHER_EVENT,
    "Quillby cider press draws a queue\n\nVisitors queued for the old cider press at the Quillby apple "
    "festival, which ended on Sunday, the organisers said.",
)


def _write_records(folder: Path, texts: tuple[str, ...]) -> list[str]:
    paths = []
    for n, (text, day) in enumerate(zip(texts, DAYS, strict=True)):
        title, body = text.split("\n\n", 1)
        record = {"url": f"https://news.example/{n}", "title": title, "text": body, "published": day}
        path = folder / f"report-{n}.json"
        path.write_text(json.dumps(record), encoding="utf-8")
        paths.append(str(path))
    return paths


def _story_texts(store: Store) -> list[list[str]]:
    stored = store.articles(list(range(1, 200)))
    stories = {store.story_of(n) for n in stored}
    return sorted(
        sorted(stored[n].text for n in store.story_article_ids(s)) for s in stories if s is not None
    )


def test_many_edited_files_are_reclustered_once_with_the_stories_of_a_fresh_ingest(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Each edited file keeps its article's early id, so it comes late in processing order: a run of
    # N edited files re-clustered the stored stories N times.
    paths = _write_records(tmp_path, DATED_REPORTS)
    _ingest(store, paths)
    calls: list[object] = []
    recluster = Ingestor.recluster_from
    monkeypatch.setattr(
        Ingestor, "recluster_from", lambda self, day: (calls.append(day), recluster(self, day))
    )
    edited = tuple(text.replace(" said", " said later") for text in DATED_REPORTS)
    _write_records(tmp_path, edited)
    assert _ingest(store, paths) == (0, len(paths), 0)
    assert len(calls) == 1
    assert store.count_articles() == len(paths)
    assert all(store.story_of(n) is not None for n in range(1, len(paths) + 1))

    fresh_folder = tmp_path / "fresh"
    fresh_folder.mkdir()
    with empty_database("sqlite", fresh_folder) as url:
        fresh = open_store(url)
        try:
            _ingest(fresh, _write_records(fresh_folder, edited))
            assert _story_texts(store) == _story_texts(fresh)
        finally:
            fresh.close()


def test_a_run_stopped_before_its_reclustering_leaves_the_late_articles_to_the_next_call(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    paths = _write_records(tmp_path, DATED_REPORTS)
    ingestor = Ingestor(store, embedder=HashedWordsEmbedder(), analyser=default_analyser)
    ingestor.ingest(paths)
    _write_records(tmp_path, tuple(text.replace(" said", " said later") for text in DATED_REPORTS))
    read = Ingestor.ingest_path

    def stop_at_the_last(self: Ingestor, path: str) -> object:
        if path == paths[-1]:
            raise KeyboardInterrupt
        return read(self, path)

    monkeypatch.setattr(Ingestor, "ingest_path", stop_at_the_last)
    with pytest.raises(KeyboardInterrupt):
        ingestor.ingest(paths)
    assert any(store.story_of(n) is None for n in range(1, len(paths) + 1))
    monkeypatch.setattr(Ingestor, "ingest_path", read)
    ingestor.ingest(paths[:1])  # already stored: nothing of its own to place
    assert all(store.story_of(n) is not None for n in range(1, len(paths) + 1))


def test_two_versions_of_one_url_in_one_file_store_the_last_and_a_rerun_changes_nothing(
    store: Store, tmp_path: Path
) -> None:
    # A crawl that captured a report before and after its correction: in the processing order the
    # older version could replace the newer, and every run of the same file swapped them back.
    url = "https://news.example/nordlicht"
    records = [
        {"title": "Ferry aground", "text": text, "url": url, "date": "2031-05-03", "outlet": "Harbour Post"}
        for text in (REPORTS[0], CORRECTED)
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    for _ in range(3):
        _ingest(store, [str(path)])
        assert store.count_articles() == 1
        article = store.article(1)
        assert article is not None and "241 passengers" in article.text
    assert _ingest(store, [str(path)]) == (0, 0, 2)
