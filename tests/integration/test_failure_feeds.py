"""A failed page remembers the feed whose entry it is (migration 0009), on SQLite and PostgreSQL: kept
when it fails again as an input given to `ingest`, set when a feed's entry fails that was given to
`ingest` before, emptied when the feed is removed; a store from before keeps its failures without a
feed. Invented addresses."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from blickwinkel.store import Store, open_store
from tests.databases import BACKENDS, database_at


def _feeds_of(store: Store) -> dict[str, int | None]:
    return {f.source: f.feed_id for f in store.failures()}


def test_a_failure_keeps_its_feed(store: Store) -> None:
    feed = store.add_feed("https://news.example/feed.xml", "Harbour news")
    store.record_failure("https://news.example/p1", "HTTP 404", feed_id=feed.id)
    store.record_failure("https://news.example/p2", "HTTP 500")
    store.record_failure("https://news.example/p1", "HTTP 404")  # again, given to `ingest`: still the feed's
    store.record_failure("https://news.example/p2", "HTTP 500", feed_id=feed.id)  # now a feed lists it
    assert _feeds_of(store) == {"https://news.example/p1": feed.id, "https://news.example/p2": feed.id}
    assert {f.feed for f in store.failures()} == {"Harbour news"}
    assert [f.attempts for f in store.failures()] == [2, 2]
    store.remove_feed(str(feed.id))
    assert _feeds_of(store) == {"https://news.example/p1": None, "https://news.example/p2": None}


def _fill_at_0008(conn: sa.Connection) -> None:
    conn.execute(
        sa.text(
            "INSERT INTO feeds (id, url, title, created_at) "
            "VALUES (1, 'https://news.example/feed.xml', 'Harbour news', CURRENT_TIMESTAMP)"
        )
    )
    conn.execute(
        sa.text(
            "INSERT INTO ingest_failures (source, reason, attempts, first_failed, last_failed) VALUES "
            "('https://news.example/p1', 'HTTP 404', 2, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
        )
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_0009_keeps_the_failures_without_a_feed(backend: str, tmp_path: Path) -> None:
    with database_at(backend, tmp_path, "0008", _fill_at_0008) as url:
        store = open_store(url)
        try:
            [failure] = store.failures()
            assert (failure.source, failure.attempts, failure.feed_id, failure.feed) == (
                "https://news.example/p1",
                2,
                None,
                None,
            )
            store.record_failure(failure.source, "HTTP 404", feed_id=1)
            assert _feeds_of(store) == {"https://news.example/p1": 1}
        finally:
            store.close()


def test_ingest_retry_leaves_a_feeds_pages_to_watch(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    url = f"sqlite:///{tmp_path / 'news.db'}"
    store = open_store(url)
    try:
        feed = store.add_feed("https://news.example/feed.xml", "Harbour news")
        store.record_failure("https://news.example/p1", "HTTP 404", feed_id=feed.id)
        store.record_failure(str(tmp_path / "gone.txt"), "file not found")
    finally:
        store.close()
    result = CliRunner().invoke(app, ["ingest", "--retry", "--no-analysis", "--db", url])
    assert result.exit_code == 1  # the file is still missing
    said = result.stderr.replace("\n", "")  # lines wrapped at the terminal's width
    assert f"1 failed page of the feeds left to `blickwinkel watch --db {url}`" in said
    assert "gone.txt: [I" in said and "news.example/p1" not in said
    store = open_store(url)
    try:
        attempts = {f.source: f.attempts for f in store.failures()}
    finally:
        store.close()
    assert attempts == {"https://news.example/p1": 1, str(tmp_path / "gone.txt"): 2}
