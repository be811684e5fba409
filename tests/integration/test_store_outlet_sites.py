"""One site is one outlet in the store, whether an article names it or only its address's host does
(a feed entry, a page or a record that names no site is named by its host). Invented outlets and
articles, SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from blickwinkel.ingest import read_text
from blickwinkel.model import Article
from blickwinkel.store import Store, StoryChoice, open_store
from tests.databases import BACKENDS, database_at


def _article(n: int, outlet: str, url: str) -> Article:
    article = read_text(
        f"Ferry {n} stops at Kalmstedt\n\nThe ferry number {n} will not call at Kalmstedt on Saturday, "
        "the harbour office of Oberhaven said.",
        source=f"ferry-{n}.txt",
        fmt="text",
    )
    return dataclasses.replace(article, outlet=outlet, url=url, published=dt.date(2031, 5, n))


def _add(store: Store, n: int, outlet: str, url: str, story: int | None = None) -> tuple[int, int]:
    result = store.add_article(_article(n, outlet, url), story=StoryChoice(story, 0.9))
    assert result.created
    return result.article_id, result.story_id


def _outlets(store: Store) -> dict[str, int]:
    return {o.name: o.articles for o in store.outlets()}


def _outlet_of(store: Store, article_id: int) -> str | None:
    article = store.article(article_id)
    assert article is not None
    return article.outlet


def test_an_article_named_by_its_host_joins_the_outlet_of_its_site(store: Store) -> None:
    _add(store, 1, "Harbour Times", "https://www.harbourtimes.example/ferry-1")
    second, _ = _add(store, 2, "harbourtimes.example", "https://harbourtimes.example/ferry-2")
    third, _ = _add(store, 3, "harbourtimes.example", "https://m.harbourtimes.example/ferry-3")
    assert _outlets(store) == {"Harbour Times": 3}
    assert _outlet_of(store, second) == _outlet_of(store, third) == "Harbour Times"


def test_the_site_s_name_renames_the_outlet_its_host_named_and_its_comparisons_go(store: Store) -> None:
    first, story = _add(store, 1, "harbourtimes.example", "https://www.harbourtimes.example/ferry-1")
    _add(store, 2, "Valley Courier", "https://valley-courier.example/ferry-2", story=story)
    summary = store.story(story)
    assert summary is not None
    assert store.save_comparison(story, summary.version, "use", '{"outlets": ["harbourtimes.example"]}', 0)
    _, other_story = _add(store, 4, "Valley Courier", "https://valley-courier.example/ferry-4")
    other_summary = store.story(other_story)
    assert other_summary is not None
    assert store.save_comparison(other_story, other_summary.version, "use", "{}", 0)
    _add(store, 3, "Harbour Times", "https://harbourtimes.example/ferry-3")
    assert _outlets(store) == {"Harbour Times": 2, "Valley Courier": 2}
    assert _outlet_of(store, first) == "Harbour Times"
    # the kept comparison named the outlet by its host: it is made again when next asked for
    assert store.cached_comparison(story, embedder="use") is None
    assert store.cached_comparison(other_story, embedder="use") is not None
    assert _add(store, 5, "harbourtimes.example", "https://harbourtimes.example/ferry-5")
    assert _outlets(store) == {"Harbour Times": 3, "Valley Courier": 2}


def test_a_host_of_several_named_outlets_joins_none_of_them(store: Store) -> None:
    # a platform's blogs on one host are outlets of their own; its host names none of them
    _add(store, 1, "Kalmstedt Notes", "https://blogs.example/kalmstedt/ferry-1")
    _add(store, 2, "Oberhaven Diary", "https://blogs.example/oberhaven/ferry-2")
    _add(store, 3, "blogs.example", "https://blogs.example/ferry-3")
    assert _outlets(store) == {"Kalmstedt Notes": 1, "Oberhaven Diary": 1, "blogs.example": 1}
    _add(store, 4, "Brackwell Log", "https://blogs.example/brackwell/ferry-4")
    assert _outlets(store) == {
        "Kalmstedt Notes": 1,
        "Oberhaven Diary": 1,
        "blogs.example": 1,
        "Brackwell Log": 1,
    }


def test_a_name_on_another_host_or_without_an_address_joins_nothing(store: Store) -> None:
    _add(store, 1, "harbourtimes.example", "https://harbourtimes.example/ferry-1")
    _add(store, 2, "Harbour Times", "https://harbour-times.example/ferry-2")
    article = dataclasses.replace(_article(3, "Valley Courier", "https://x.example/"), url=None)
    store.add_article(article, story=StoryChoice(None, 0.9))
    assert _outlets(store) == {"harbourtimes.example": 1, "Harbour Times": 1, "Valley Courier": 1}


_OUTLETS_AT_0009 = {
    1: ("Harbour Times", "www.harbourtimes.example"),
    2: ("harbourtimes.example", "m.harbourtimes.example"),  # the site's host: joins 1
    3: ("Kalmstedt Notes", "blogs.example"),  # a platform of two named blogs
    4: ("Oberhaven Diary", "blogs.example"),
    5: ("blogs.example", "blogs.example"),  # the platform's host: joins neither blog
    6: ("valley-courier.example", "valley-courier.example"),  # a host alone: stays
}


def _fill_at_0009(conn: sa.Connection) -> None:
    for oid, (name, domain) in _OUTLETS_AT_0009.items():
        conn.execute(
            sa.text(
                "INSERT INTO outlets (id, name, domain, created_at) "
                "VALUES (:id, :name, :domain, CURRENT_TIMESTAMP)"
            ),
            {"id": oid, "name": name, "domain": domain},
        )
    for aid, oid in ((1, 1), (2, 2), (3, 2), (4, 5), (5, 6), (6, 1)):
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, slug, outlet_id, content_hash, source, text, meta, created_at) "
                "VALUES (:id, :slug, :outlet, :hash, :source, 'T', '{}', CURRENT_TIMESTAMP)"
            ),
            {"id": aid, "slug": f"a{aid}", "outlet": oid, "hash": f"h{aid}", "source": f"{aid}.txt"},
        )
    # story 1 holds the host-named articles (its comparison goes), story 2 the named outlet's own and
    # story 3 the platform's (theirs stay)
    for sid, members in ((1, (1, 2)), (2, (6,)), (3, (4,))):
        conn.execute(
            sa.text(
                "INSERT INTO stories (id, size, version, created_at, updated_at) "
                "VALUES (:id, :size, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"id": sid, "size": len(members)},
        )
        conn.execute(
            sa.text(
                "INSERT INTO comparisons (story_id, story_version, embedder, conflicts, body, created_at) "
                "VALUES (:id, 1, 'use', 0, '{}', CURRENT_TIMESTAMP)"
            ),
            {"id": sid},
        )
        for aid in members:
            conn.execute(
                sa.text(
                    "INSERT INTO memberships (article_id, story_id, added_at) "
                    "VALUES (:a, :s, CURRENT_TIMESTAMP)"
                ),
                {"a": aid, "s": sid},
            )


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_0010_joins_the_outlet_a_host_named_to_its_site_s_outlet(
    backend: str, tmp_path: Path
) -> None:
    with database_at(backend, tmp_path, "0009", _fill_at_0009) as url:
        store = open_store(url)
        try:
            assert _outlets(store) == {
                "Harbour Times": 4,
                "Kalmstedt Notes": 0,
                "Oberhaven Diary": 0,
                "blogs.example": 1,
                "valley-courier.example": 1,
            }
            stored = store.articles([2, 3, 4])
            assert [stored[n].outlet for n in (2, 3, 4)] == [
                "Harbour Times",
                "Harbour Times",
                "blogs.example",
            ]
            assert store.cached_comparison(1, embedder="use") is None
            assert store.cached_comparison(2, embedder="use") is not None
            assert store.cached_comparison(3, embedder="use") is not None
        finally:
            store.close()
