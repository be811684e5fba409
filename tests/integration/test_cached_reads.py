"""Kept answers (``web/cached_reads.py``): a repeated story page or listing is sent from memory without
reaching the route, with an ETag; anything committed to the database, by any connection, sends the
next request through the app again, so no page is served stale. On SQLite and, with
``BLICKWINKEL_TEST_PG_URL``, on PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # starlette's notice about its TestClient's future transport
    from fastapi.testclient import TestClient

from blickwinkel.config import load_settings
from blickwinkel.ingest import read_text
from blickwinkel.store import Store, StoryChoice, open_store
from blickwinkel.web import ServiceOptions, create_app
from tests.databases import BACKENDS, empty_database
from tests.integration.newsroom_fixtures import fake_comparison, fill_store, invented_article


@pytest.fixture(params=BACKENDS)
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with empty_database(request.param, tmp_path, "kept.db") as url:
        yield url


@pytest.fixture
def store(db: str) -> Iterator[Store]:
    s = open_store(db)
    yield s
    s.close()


@pytest.fixture
def sqlite_store(tmp_path: Path) -> Iterator[Store]:
    """For tests that need an answer to stay kept: on a shared PostgreSQL server any other test's
    commit (another schema, another database) changes the snapshot and sends the request through."""
    s = open_store(f"sqlite:///{tmp_path / 'kept.db'}")
    yield s
    s.close()


class CountingStore:
    """Counts the reads the routes make to check a kept page is current."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.reads = 0

    def __getattr__(self, name: str) -> Any:
        value = getattr(self.store, name)
        if name in ("story_version", "stories_marker", "story"):

            def counted(*args: Any, **kwargs: Any) -> Any:
                self.reads += 1
                return value(*args, **kwargs)

            return counted
        return value


def _client(store: Any) -> TestClient:
    app = create_app(store, load_settings({}), options=ServiceOptions(), comparer=fake_comparison)
    return TestClient(app, raise_server_exceptions=False)


def _add_article(store: Store, story_id: int, n: int) -> None:
    article = dataclasses.replace(
        read_text(invented_article(n), source=f"invented-{n}.txt", fmt="text"),
        outlet=f"Outlet {n}",
        published=dt.date(2031, 6, 1),
        language="en",
    )
    store.add_article(article, story=StoryChoice(story_id))


@pytest.mark.parametrize("path", ["/stories/{id}", "/api/v1/stories", "/api/v1/stories/{id}", "/"])
def test_a_repeated_read_does_not_reach_the_route(sqlite_store: Store, path: str) -> None:
    story_id = fill_store(sqlite_store, stories=1, per_story=2)[0]
    counting = CountingStore(sqlite_store)
    client = _client(counting)
    url = path.format(id=story_id)
    client.get(url)  # computes and stores the comparison: a commit
    first = client.get(url)
    assert first.status_code == 200 and first.headers["etag"]
    reads = counting.reads
    again = client.get(url)
    assert again.content == first.content and again.headers["etag"] == first.headers["etag"]
    assert again.headers["content-security-policy"] == first.headers["content-security-policy"]
    assert counting.reads == reads


def test_if_none_match_gets_304(sqlite_store: Store) -> None:
    story_id = fill_store(sqlite_store, stories=1, per_story=2)[0]
    client = _client(sqlite_store)
    client.get(f"/stories/{story_id}")
    etag = client.get(f"/stories/{story_id}").headers["etag"]
    same = client.get(f"/stories/{story_id}", headers={"if-none-match": etag})
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == etag
    other = client.get(f"/stories/{story_id}", headers={"if-none-match": '"something else"'})
    assert other.status_code == 200 and other.headers["etag"] == etag
    # a list of tags, a weak tag (a compressing proxy marks it so) and * match too (only the exact
    # single tag did)
    for given in (f'"older", {etag}', f"W/{etag}", "*"):
        assert client.get(f"/stories/{story_id}", headers={"if-none-match": given}).status_code == 304, given


def test_if_none_match_gets_304_from_an_answer_built_again(sqlite_store: Store) -> None:
    # After any commit a kept answer is built again; when it came out the same, the client's tag
    # still names it (it got the whole page again).
    story_id = fill_store(sqlite_store, stories=1, per_story=2)[0]
    client = _client(sqlite_store)
    client.get(f"/api/v1/stories/{story_id}")
    etag = client.get(f"/api/v1/stories/{story_id}").headers["etag"]
    sqlite_store.add_feed("https://feeds.example/news.xml")  # a commit that changes no story
    again = client.get(f"/api/v1/stories/{story_id}", headers={"if-none-match": etag})
    assert again.status_code == 304 and again.content == b""


def test_a_commit_by_another_connection_is_seen_at_once(store: Store, db: str) -> None:
    story_id = fill_store(store, stories=1, per_story=2)[0]
    client = _client(store)
    for _ in range(2):
        page = client.get(f"/stories/{story_id}")
        listing = client.get("/api/v1/stories")
    assert "Outlet 7" not in page.text
    writer = open_store(db)  # another connection, as another process's ingest would be
    try:
        _add_article(writer, story_id, 7)
    finally:
        writer.close()
    fresh = client.get(f"/stories/{story_id}")
    assert "Outlet 7" in fresh.text and fresh.headers["etag"] != page.headers["etag"]
    assert client.get("/api/v1/stories").json()["items"][0]["size"] == listing.json()["items"][0]["size"] + 1
    assert (
        client.get(f"/stories/{story_id}", headers={"if-none-match": page.headers["etag"]}).status_code == 200
    )


def test_languages_are_kept_apart(store: Store) -> None:
    story_id = fill_store(store, stories=1, per_story=2)[0]
    client = _client(store)
    for _ in range(2):
        german = client.get(f"/stories/{story_id}", headers={"accept-language": "de-DE,de;q=0.9"})
        english = client.get(f"/stories/{story_id}", headers={"accept-language": "en"})
        query = client.get(f"/stories/{story_id}?lang=de", headers={"accept-language": "en"})
    assert german.headers["content-language"] == "de" and english.headers["content-language"] == "en"
    assert query.headers["content-language"] == "de"
    assert german.content != english.content


def test_what_no_route_marked_is_never_kept(store: Store) -> None:
    fill_store(store, stories=1, per_story=2)
    counting = CountingStore(store)
    client = _client(counting)
    for _ in range(2):
        assert client.get("/api/v1/stories/999999").status_code == 404
        assert "etag" not in client.get("/api/v1/search", params={"q": "kiln"}).headers
    reads = counting.reads
    assert client.get("/api/v1/stories/999999").status_code == 404
    assert counting.reads == reads + 1


def test_without_a_change_counter_every_read_reaches_the_route(store: Store) -> None:
    """A store that cannot give the counter: the routes check every request themselves."""
    story_id = fill_store(store, stories=1, per_story=2)[0]
    counting = CountingStore(store)
    counting.data_version = lambda: None  # type: ignore[attr-defined]
    client = _client(counting)
    client.get(f"/stories/{story_id}")
    reads = counting.reads
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200 and "etag" not in page.headers
    assert counting.reads > reads


def test_data_version_changes_only_on_a_commit(store: Store, db: str) -> None:
    story_id = fill_store(store, stories=1, per_story=2)[0]
    version = store.data_version()
    assert isinstance(version, int)
    store.story(story_id)
    store.list_stories()
    if db.startswith("sqlite"):  # a PostgreSQL snapshot also moves with other tests' commits
        assert store.data_version() == version
    _add_article(store, story_id, 8)  # this store's own engine: another connection than the counter's
    after = store.data_version()
    assert after != version
    writer = open_store(db)
    try:
        _add_article(writer, story_id, 9)
    finally:
        writer.close()
    assert store.data_version() != after
    latest = store.data_version()
    if db.startswith("sqlite:///"):
        connect = f"import sqlite3; c = sqlite3.connect({db.removeprefix('sqlite:///')!r}); "
    else:
        connect = f"import psycopg; c = psycopg.connect({db!r}); "
    write = connect + "c.execute('UPDATE stories SET version = version + 1'); c.commit()"
    subprocess.run([sys.executable, "-c", write], check=True)  # another process, as a second worker sees
    assert store.data_version() != latest


def test_a_broken_counter_connection_means_no_counter_until_it_reopens(store: Store) -> None:
    version = store.data_version()
    assert store._watch is not None
    store._watch.close()  # e.g. the file went away under it, or the server restarted
    assert store.data_version() is None
    assert store.data_version() not in (None, version)  # a fresh connection's numbers are its own
