"""One site is one outlet in the store, whether an article names it or only its address's host does
(a feed entry, a page or a record that names no site is named by its host). Invented outlets and
articles, SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

from blickwinkel.ingest import read_text
from blickwinkel.model import Article
from blickwinkel.store import Store, StoryChoice


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
