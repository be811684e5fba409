"""Stories: which articles report one event, their listing and summaries."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa

from blickwinkel.errors import Errors, StoreError
from blickwinkel.store import schema as t
from blickwinkel.store._base import (
    NO_DATE,
    StoreBase,
    article_conditions,
    new_id,
    page_size,
    utc_now,
)
from blickwinkel.store.cursor import decode_story_cursor, encode_cursor
from blickwinkel.store.records import Page, StoryChoice, StorySummary
from blickwinkel.text.titles import title_from_text, without_site_prefix


class StoryRecords(StoreBase):
    """Stories and their members."""

    def assign_story(self, article_id: int, story: StoryChoice) -> int:
        """Put a stored article without a story into one (existing or new); returns the story id."""
        with self._write() as conn:
            current = current_story(conn, article_id)
            if current is not None:
                return current
            a = t.articles
            row = conn.execute(
                sa.select(
                    a.c.title,
                    a.c.lead,
                    a.c.text,
                    a.c.language,
                    a.c.published,
                    a.c.url,
                    t.outlets.c.name.label("outlet"),
                )
                .select_from(a.outerjoin(t.outlets, t.outlets.c.id == a.c.outlet_id))
                .where(a.c.id == article_id)
            ).one_or_none()
            if row is None:
                raise StoreError(Errors.S011.format(article_id=article_id))
            return join_story(conn, article_id, row, story)

    def story_of(self, article_id: int) -> int | None:
        with self._read() as conn:
            return current_story(conn, article_id)

    def articles_without_story(self) -> list[int]:
        j = t.articles.outerjoin(t.memberships, t.memberships.c.article_id == t.articles.c.id)
        query = (
            sa.select(t.articles.c.id)
            .select_from(j)
            .where(t.memberships.c.story_id.is_(None))
            .order_by(t.articles.c.id)
        )
        with self._read() as conn:
            return list(conn.scalars(query))

    def list_stories(
        self,
        *,
        cursor: str | None = None,
        limit: int = 20,
        since: dt.date | None = None,
        until: dt.date | None = None,
        language: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        q: str | None = None,
        min_articles: int | None = None,
    ) -> Page[StorySummary]:
        """Newest first, and among stories of the same day the biggest first; ``min_articles`` keeps
        stories of at least that many articles (the ones there is something to compare in)."""
        s, m, a = t.stories, t.memberships, t.articles
        day = sa.func.coalesce(s.c.last_published, NO_DATE)
        query = sa.select(s, day.label("day"))

        def members(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
            inner = sa.select(m.c.story_id).select_from(m.join(a, a.c.id == m.c.article_id)).where(condition)
            return s.c.id.in_(inner)

        if since is not None:
            query = query.where(s.c.last_published >= since)
        if until is not None:
            query = query.where(s.c.first_published <= until)
        if min_articles is not None:
            query = query.where(s.c.size >= min_articles)
        for condition in article_conditions(
            self.dialect, language=language, outlet=outlet, entity=entity, q=q
        ):
            query = query.where(members(condition))
        if cursor:
            position = decode_story_cursor(cursor)
            cd, cs, ci = position.day, position.size, position.last_id
            query = query.where(
                sa.or_(
                    day < cd,
                    sa.and_(day == cd, s.c.size < cs),
                    sa.and_(day == cd, s.c.size == cs, s.c.id < ci),
                )
            )
        limit = page_size(limit)
        query = query.order_by(day.desc(), s.c.size.desc(), s.c.id.desc()).limit(limit + 1)
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
            items = _story_summaries(conn, rows[:limit])
        next_cursor = None
        if len(rows) > limit:
            last = rows[limit - 1]
            day_value = last["day"]
            if isinstance(day_value, str):  # SQLite returns coalesce() of a date as text
                day_value = dt.date.fromisoformat(day_value[:10])
            next_cursor = encode_cursor([day_value.isoformat(), last["size"], last["id"]])
        return Page(items, next_cursor)

    def story(self, story_id: int) -> StorySummary | None:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.stories).where(t.stories.c.id == story_id)).mappings().all()
            items = _story_summaries(conn, rows)
        return items[0] if items else None

    def story_now(self, story_id: int) -> int | None:
        """The story the articles of a removed story ``story_id`` went into (a merge or a re-clustering
        removed it), so an old link still leads to them; None when there is none (never a story, or
        its articles were deleted)."""
        f, m = t.former_stories, t.memberships
        query = (
            sa.select(m.c.story_id)
            .select_from(f.join(m, m.c.article_id == f.c.article_id))
            .where(f.c.id == story_id)
        )
        with self._read() as conn:
            found = conn.scalar(query)
        return None if found is None else int(found)

    def story_version(self, story_id: int) -> int | None:
        """The story's version (one indexed read): a page rendered for it stays right until it changes."""
        with self._read() as conn:
            version = conn.scalar(sa.select(t.stories.c.version).where(t.stories.c.id == story_id))
        return None if version is None else int(version)

    def stories_marker(self) -> tuple[Any, ...]:
        """A value that changes whenever a listing of stories could: a story added, removed or changed
        (its version and ``updated_at``), a comparison stored or dropped. Cheaper than any listing."""
        s, c = t.stories, t.comparisons
        query = sa.select(
            sa.select(sa.func.count()).select_from(s).scalar_subquery(),
            sa.select(sa.func.max(s.c.updated_at)).scalar_subquery(),
            sa.select(sa.func.coalesce(sa.func.sum(s.c.version), 0)).scalar_subquery(),
            sa.select(sa.func.count()).select_from(c).scalar_subquery(),
            sa.select(sa.func.max(c.c.created_at)).scalar_subquery(),
        )
        with self._read() as conn:
            return tuple(conn.execute(query).one())

    def story_article_ids(self, story_id: int) -> list[int]:
        a, m = t.articles, t.memberships
        query = (
            sa.select(a.c.id)
            .select_from(a.join(m, m.c.article_id == a.c.id))
            .where(m.c.story_id == story_id)
            .order_by(sa.func.coalesce(a.c.published, NO_DATE), a.c.id)
        )
        with self._read() as conn:
            return list(conn.scalars(query))


def current_story(conn: sa.Connection, article_id: int) -> int | None:
    return conn.scalar(sa.select(t.memberships.c.story_id).where(t.memberships.c.article_id == article_id))


def join_story(conn: sa.Connection, article_id: int, article: Any, choice: StoryChoice) -> int:
    """Add the article to the chosen story (or a new one) and mark the story changed."""
    s = t.stories
    now = utc_now()
    story_id = choice.story_id
    # The row lock keeps another writer's regroup from removing the story before our membership is in.
    chosen = sa.select(s.c.id).where(s.c.id == story_id).with_for_update()
    if story_id is not None and conn.scalar(chosen) is None:
        story_id = None  # the story was removed meanwhile; start a new one
    if story_id is None:
        story_id = insert_story(
            conn,
            title=story_title(article),
            first_published=article.published,
            last_published=article.published,
            now=now,
        )
    conn.execute(
        t.memberships.insert().values(
            article_id=article_id, story_id=story_id, score=choice.score, added_at=now
        )
    )
    a, m = t.articles, t.memberships
    dates = conn.execute(
        sa.select(sa.func.min(a.c.published), sa.func.max(a.c.published), sa.func.count())
        .select_from(a.join(m, m.c.article_id == a.c.id))
        .where(m.c.story_id == story_id)
    ).one()
    conn.execute(
        s.update()
        .where(s.c.id == story_id)
        .values(
            size=dates[2],
            version=s.c.version + 1,
            first_published=dates[0],
            last_published=dates[1],
            updated_at=now,
            title=first_member_title(conn, story_id),
        )
    )
    # The cached comparison no longer describes the story.
    conn.execute(t.comparisons.delete().where(t.comparisons.c.story_id == story_id))
    return story_id


def story_title(article: Any) -> str | None:
    """The title of a story started by ``article`` (a row with title, lead, text, language, outlet
    and url): its
    own, else the first sentence of its lead or text (a record without a title would make a story
    without a name)."""
    if article.title:
        # a site's name or section before the report's title ("News :: …") is no part of it
        return without_site_prefix(str(article.title), article.outlet, article.url)
    language = article.language
    return (
        title_from_text(article.lead or "", language=language)
        or title_from_text(article.text or "", language=language)
        or None
    )


def insert_story(
    conn: sa.Connection,
    *,
    title: str | None,
    now: dt.datetime,
    first_published: dt.date | None = None,
    last_published: dt.date | None = None,
) -> int:
    """A new empty story (its members are added by the caller); returns its id, one no story has had.

    SQLite gives a new row the largest id + 1, so the id of the newest story, once removed, came back
    for an unrelated one and a kept link showed another event; here the new id also passes every
    former story's. (PostgreSQL's sequence never gives an id twice.)"""
    s = t.stories
    values: dict[str, Any] = {
        "title": title,
        "size": 0,
        "version": 0,
        "first_published": first_published,
        "last_published": last_published,
        "created_at": now,
        "updated_at": now,
    }
    if conn.dialect.name == "sqlite":
        highest = conn.execute(
            sa.select(
                sa.select(sa.func.max(s.c.id)).scalar_subquery(),
                sa.select(sa.func.max(t.former_stories.c.id)).scalar_subquery(),
            )
        ).one()
        values["id"] = max(highest[0] or 0, highest[1] or 0) + 1
    return new_id(conn.execute(s.insert().values(**values)))


def first_member_title(conn: sa.Connection, story_id: int) -> str | None:
    """The title of a story as its members stand: that of its first article (the earliest published,
    then the first stored, as :meth:`StoryRecords.story_article_ids` lists them; see
    :func:`story_title`). It follows the members: a story whose first article left it (moved by a
    re-clustering, or edited and placed again) kept that article's title."""
    a, m = t.articles, t.memberships
    first = conn.execute(
        sa.select(a.c.title, a.c.lead, a.c.text, a.c.language, a.c.url, t.outlets.c.name.label("outlet"))
        .select_from(
            a.join(m, m.c.article_id == a.c.id).outerjoin(t.outlets, t.outlets.c.id == a.c.outlet_id)
        )
        .where(m.c.story_id == story_id)
        .order_by(sa.func.coalesce(a.c.published, NO_DATE), a.c.id)
        .limit(1)
    ).one_or_none()
    return None if first is None else story_title(first)


def refresh_story(conn: sa.Connection, story_id: int, now: dt.datetime, heir: int | None = None) -> None:
    """Size, dates and version of a story after its members changed; removed when it has none, its id
    then kept as a former story that leads to the story of article ``heir`` (where its articles went)."""
    s, m, a = t.stories, t.memberships, t.articles
    first, last, size = conn.execute(
        sa.select(sa.func.min(a.c.published), sa.func.max(a.c.published), sa.func.count())
        .select_from(a.join(m, m.c.article_id == a.c.id))
        .where(m.c.story_id == story_id)
    ).one()
    if not size:
        conn.execute(t.comparisons.delete().where(t.comparisons.c.story_id == story_id))
        conn.execute(s.delete().where(s.c.id == story_id))
        conn.execute(t.former_stories.insert().values(id=story_id, article_id=heir, removed_at=now))
        return
    conn.execute(
        s.update()
        .where(s.c.id == story_id)
        .values(
            size=size,
            version=s.c.version + 1,
            first_published=first,
            last_published=last,
            updated_at=now,
            title=first_member_title(conn, story_id),
        )
    )
    conn.execute(t.comparisons.delete().where(t.comparisons.c.story_id == story_id))


def _story_summaries(conn: sa.Connection, rows: Sequence[sa.RowMapping]) -> tuple[StorySummary, ...]:
    ids = [r["id"] for r in rows]
    if not ids:
        return ()
    a, m, o, c, s = t.articles, t.memberships, t.outlets, t.comparisons, t.stories
    members = conn.execute(
        sa.select(m.c.story_id, o.c.name, a.c.language)
        .select_from(m.join(a, a.c.id == m.c.article_id).outerjoin(o, o.c.id == a.c.outlet_id))
        .where(m.c.story_id.in_(ids))
    ).all()
    outlets: dict[int, set[str]] = {}
    languages: dict[int, set[str]] = {}
    for story_id, outlet, language in members:
        if outlet:
            outlets.setdefault(story_id, set()).add(outlet)
        if language:
            languages.setdefault(story_id, set()).add(language)
    conflicts = dict(
        conn.execute(
            sa.select(c.c.story_id, c.c.conflicts)
            .select_from(c.join(s, s.c.id == c.c.story_id))
            .where(c.c.story_id.in_(ids), c.c.story_version == s.c.version)
        ).all()
    )
    return tuple(
        StorySummary(
            id=r["id"],
            title=r["title"],
            size=r["size"],
            version=r["version"],
            outlets=tuple(sorted(outlets.get(r["id"], ()))),
            languages=tuple(sorted(languages.get(r["id"], ()))),
            first_published=r["first_published"],
            last_published=r["last_published"],
            updated_at=r["updated_at"],
            conflicts=conflicts.get(r["id"]),
        )
        for r in rows
    )
