"""A story's title follows its members: that of its first article as they stand now, after an article
leaves (a re-clustering moves it, an edited version is placed again). Invented articles; SQLite and
PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt

from blickwinkel.ingest import read_text
from blickwinkel.store import Store, StoryChoice
from blickwinkel.store.story_groups import regroup


def _add(store: Store, title: str, day: int, story: int | None, text: str = "") -> tuple[int, int]:
    body = text or f"{title} was reported on day {day} of the month by a local paper."
    article = dataclasses.replace(
        read_text(f"{title}\n\n{body}", source=f"{title}.txt", fmt="text"),
        published=dt.date(2031, 6, day),
        language="en",
    )
    result = store.add_article(article, story=StoryChoice(story))
    assert result.story_id is not None
    return result.article_id, result.story_id


def test_the_title_follows_when_the_first_article_is_moved_out(store: Store) -> None:
    first, story = _add(store, "Lantern festival moved to the harbour", 1, None)
    _add(store, "Harbour hosts the lantern festival", 2, story)
    assert store.story(story).title == "Lantern festival moved to the harbour"  # type: ignore[union-attr]
    regroup(store, [(None, [first])])  # a re-clustering puts the first article in a story of its own
    summary = store.story(story)
    assert summary is not None and summary.size == 1
    assert summary.title == "Harbour hosts the lantern festival"


def test_the_title_follows_when_the_first_article_is_edited(store: Store) -> None:
    first, story = _add(store, "Lantern festival moved to the harbour", 1, None)
    _add(store, "Harbour hosts the lantern festival", 2, story)
    edited = dataclasses.replace(
        read_text("Festival cancelled\n\nThe lantern festival was called off.", source="x.txt", fmt="text"),
        published=dt.date(2031, 6, 1),
    )
    store.replace_article(first, edited)  # the edited version leaves its story until it is placed again
    summary = store.story(story)
    assert summary is not None and summary.title == "Harbour hosts the lantern festival"


def test_an_earlier_article_that_joins_names_the_story(store: Store) -> None:
    _, story = _add(store, "Second day of the lantern festival", 3, None)
    _add(store, "Lantern festival opens", 1, story)
    summary = store.story(story)
    assert summary is not None and summary.title == "Lantern festival opens"
