"""A story's title follows its members: that of its first article as they stand now, after an article
leaves (a re-clustering moves it, an edited version is placed again); stories stored without a title
get one (migration 0007). Invented articles; SQLite and PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from blickwinkel.ingest import read_text
from blickwinkel.store import Store, StoryChoice, open_store
from blickwinkel.store.story_groups import regroup
from tests.databases import BACKENDS, database_at


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


def _fill_at_0006(conn: sa.Connection) -> None:
    """Three stories stored without a title, before stories took an untitled article's first sentence:
    an untitled article's, a titled article's, and one whose earlier article has the title."""
    articles = [
        (1, None, "Pier closed after the flood. The ferry waits at Kellmouth.", "2031-06-02"),
        (2, "Ferry pier reopens", "The pier opened again on Friday.", "2031-06-03"),
        (3, "Ferry runs again", "Boats are back on the bay.", "2031-06-04"),
        (4, None, "A second report without a title.", "2031-06-05"),
        (5, "Old title kept", "A story that has its title.", "2031-06-01"),
    ]
    for aid, title, text, day in articles:
        conn.execute(
            sa.text(
                "INSERT INTO articles (id, slug, content_hash, source, title, text, published, language, "
                "meta, created_at) VALUES (:id, :slug, :hash, :source, :title, :text, :day, 'en', '{}', "
                "CURRENT_TIMESTAMP)"
            ),
            {
                "id": aid,
                "slug": f"a{aid}",
                "hash": f"h{aid}",
                "source": f"{aid}.txt",
                "title": title,
                "text": text,
                "day": day,
            },
        )
    for sid, title in ((1, None), (2, None), (3, "Kept as it is")):
        conn.execute(
            sa.text(
                "INSERT INTO stories (id, title, size, version, created_at, updated_at) "
                "VALUES (:id, :title, 2, 1, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"
            ),
            {"id": sid, "title": title},
        )
    for aid, sid in ((1, 1), (4, 1), (3, 2), (2, 2), (5, 3)):
        conn.execute(
            sa.text(
                "INSERT INTO memberships (article_id, story_id, added_at) VALUES (:a, :s, CURRENT_TIMESTAMP)"
            ),
            {"a": aid, "s": sid},
        )


@pytest.mark.parametrize("backend", BACKENDS)
def test_migration_0007_gives_stories_stored_without_a_title_one(backend: str, tmp_path: Path) -> None:
    with database_at(backend, tmp_path, "0006", _fill_at_0006) as url:
        store = open_store(url)
        try:
            titles = {s.id: s.title for s in store.list_stories(limit=10).items}
        finally:
            store.close()
    assert titles == {
        1: "Pier closed after the flood.",
        2: "Ferry pier reopens",
        3: "Kept as it is",
    }


def test_a_site_name_or_section_before_the_title_is_no_part_of_the_story_title(store: Store) -> None:
    # "Site :: title" and "Section | title" stayed in story titles.
    first = dataclasses.replace(
        read_text(
            "Nachrichten :: Lantern festival moved to the harbour\n\nIt moves.", source="a.txt", fmt="text"
        ),
        outlet="Valley Post",
        published=dt.date(2031, 6, 1),
    )
    story = store.add_article(first, story=StoryChoice(None)).story_id
    assert story is not None
    assert store.story(story).title == "Lantern festival moved to the harbour"  # type: ignore[union-attr]
    earlier = dataclasses.replace(
        read_text("Valley Post | Harbour hosts the lantern festival\n\nIt does.", source="b.txt", fmt="text"),
        outlet="Valley Post",
        published=dt.date(2031, 5, 30),
    )
    store.add_article(earlier, story=StoryChoice(story))  # the first member now: its title names the story
    assert store.story(story).title == "Harbour hosts the lantern festival"  # type: ignore[union-attr]
