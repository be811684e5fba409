"""The one store interface over SQLite and PostgreSQL: every write is one transaction."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import threading
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from blickwinkel.errors import Errors, StoreError
from blickwinkel.model import AnalysedArticle, Article, Block
from blickwinkel.store import _engine, _search
from blickwinkel.store import schema as t
from blickwinkel.store.records import (
    AddResult,
    ArticleSummary,
    CachedComparison,
    EntityMentionRow,
    EntitySummary,
    Failure,
    Feed,
    OutletSummary,
    Page,
    SearchHit,
    StoryChoice,
    StorySummary,
)
from blickwinkel.text import content_hash

Vector = npt.NDArray[np.float32]
MAX_PAGE = 200
_NO_DATE = dt.date(1, 1, 1)


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def encode_cursor(values: Sequence[Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(values)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str, size: int) -> list[Any]:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        values = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, binascii.Error, UnicodeDecodeError) as exc:
        raise StoreError(Errors.S010.format(cursor=cursor[:40])) from exc
    if not isinstance(values, list) or len(values) != size:
        raise StoreError(Errors.S010.format(cursor=cursor[:40]))
    return values


class Store:
    """Articles, their analysis and embeddings, stories, cached comparisons, feeds and failures."""

    def __init__(self, engine: sa.Engine) -> None:
        self.engine = engine
        self.dialect = engine.dialect.name
        self._outlet_lock = threading.Lock()

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def close(self) -> None:
        self.engine.dispose()

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn:
            conn.info["write"] = True
            with conn.begin():
                yield conn

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self.engine.connect() as conn, conn.begin():
            yield conn

    # ----------------------------------------------------------------- articles

    def find_article(self, *, url: str | None = None, text: str | None = None) -> int | None:
        """The id of the article stored with this URL or this text (exact copy), else None."""
        with self._read() as conn:
            return _find(conn, url, content_hash(text) if text is not None else None)

    def add_article(
        self,
        article: Article,
        *,
        analysed: AnalysedArticle | None = None,
        vectors: Mapping[str, Vector] | None = None,
        model: str = "",
        story: StoryChoice | None = None,
    ) -> AddResult:
        """Store one article with its blocks, statements, mentions, embeddings and story, atomically.

        An article already stored (same URL or same text) is left as it is: ``created`` is False.
        """
        digest = content_hash(article.text)
        try:
            with self._write() as conn:
                existing = _find(conn, article.url, digest)
                if existing is not None:
                    return AddResult(existing, False, _story_of(conn, existing))
                outlet_id = _outlet_id(conn, article.outlet, article.url) if article.outlet else None
                article_id = _insert_article(conn, article, digest, outlet_id)
                _insert_blocks(conn, article_id, article.blocks)
                if analysed is not None:
                    _insert_analysis(conn, article_id, analysed)
                for part, vector in (vectors or {}).items():
                    row = np.asarray(vector, dtype="<f4")
                    conn.execute(
                        t.embeddings.insert().values(
                            article_id=article_id,
                            part=part,
                            model=model,
                            dim=int(row.shape[-1]),
                            vector=row.tobytes(),
                        )
                    )
                story_id = None
                if story is not None:
                    story_id = _join_story(conn, article_id, article, story)
                return AddResult(article_id, True, story_id)
        except IntegrityError:
            # Another writer stored the same article between our check and our insert.
            with self._read() as conn:
                existing = _find(conn, article.url, digest)
            if existing is None:
                raise
            return AddResult(existing, False, self.story_of(existing))

    def assign_story(self, article_id: int, story: StoryChoice) -> int:
        """Put a stored article without a story into one (existing or new); returns the story id."""
        with self._write() as conn:
            current = _story_of(conn, article_id)
            if current is not None:
                return current
            row = conn.execute(
                sa.select(t.articles.c.title, t.articles.c.published).where(t.articles.c.id == article_id)
            ).one_or_none()
            if row is None:
                raise StoreError(Errors.S011.format(article_id=article_id))
            return _join_story(conn, article_id, row, story)

    def story_of(self, article_id: int) -> int | None:
        with self._read() as conn:
            return _story_of(conn, article_id)

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

    def article(self, article_id: int) -> Article | None:
        """The stored article as the pipeline's :class:`Article` (id ``a<number>``)."""
        return self.articles([article_id]).get(article_id)

    def articles(self, ids: Sequence[int]) -> dict[int, Article]:
        if not ids:
            return {}
        a, o = t.articles, t.outlets
        query = (
            sa.select(a, o.c.name.label("outlet_name"))
            .select_from(a.outerjoin(o, o.c.id == a.c.outlet_id))
            .where(a.c.id.in_(list(ids)))
        )
        with self._read() as conn:
            rows = conn.execute(query).mappings().all()
            block_rows = (
                conn.execute(
                    sa.select(t.blocks)
                    .where(t.blocks.c.article_id.in_(list(ids)))
                    .order_by(t.blocks.c.article_id, t.blocks.c.position)
                )
                .mappings()
                .all()
            )
        blocks: dict[int, list[Block]] = {}
        for b in block_rows:
            blocks.setdefault(b["article_id"], []).append(
                Block(
                    kind=b["kind"],
                    start=b["start"],
                    end=b["end"],
                    attribution=b["attribution"],
                    language=b["language"],
                )
            )
        return {
            r["id"]: Article(
                id=f"a{r['id']}",
                text=r["text"],
                blocks=tuple(blocks.get(r["id"], ())),
                source=r["source"],
                outlet=r["outlet_name"],
                url=r["url"],
                title=r["title"],
                lead=r["lead"],
                published=r["published"],
                language=r["language"],
                author=r["author"],
                meta=dict(r["meta"] or {}),
            )
            for r in rows
        }

    def _article_conditions(
        self, *, language: str | None, outlet: str | None, entity: str | None, q: str | None
    ) -> list[sa.ColumnElement[bool]]:
        """The listing filters as conditions on articles; stories apply them to their members."""
        a = t.articles
        conditions: list[sa.ColumnElement[bool]] = []
        if language:
            conditions.append(a.c.language == language)
        if outlet:
            conditions.append(a.c.outlet_id.in_(sa.select(t.outlets.c.id).where(t.outlets.c.name == outlet)))
        if entity:
            conditions.append(
                a.c.id.in_(sa.select(t.entities.c.article_id).where(t.entities.c.key == entity))
            )
        if q:
            conditions.append(a.c.id.in_(_search.matching_ids(self.dialect, q)))
        return conditions

    def list_articles(
        self,
        *,
        cursor: str | None = None,
        limit: int = 50,
        since: dt.date | None = None,
        until: dt.date | None = None,
        language: str | None = None,
        outlet: str | None = None,
        entity: str | None = None,
        q: str | None = None,
        story_id: int | None = None,
    ) -> Page[ArticleSummary]:
        """Newest stored first; filters combine with AND."""
        a = t.articles
        query = _article_summary_query()
        if since is not None:
            query = query.where(a.c.published >= since)
        if until is not None:
            query = query.where(a.c.published <= until)
        for condition in self._article_conditions(language=language, outlet=outlet, entity=entity, q=q):
            query = query.where(condition)
        if story_id is not None:
            query = query.where(t.memberships.c.story_id == story_id)
        if cursor:
            (last_id,) = decode_cursor(cursor, 1)
            query = query.where(a.c.id < int(last_id))
        limit = max(1, min(limit, MAX_PAGE))
        with self._read() as conn:
            rows = conn.execute(query.order_by(a.c.id.desc()).limit(limit + 1)).mappings().all()
        items = tuple(_article_summary(r) for r in rows[:limit])
        return Page(items, encode_cursor([items[-1].id]) if len(rows) > limit else None)

    def count_articles(self) -> int:
        with self._read() as conn:
            return int(conn.scalar(sa.select(sa.func.count()).select_from(t.articles)) or 0)

    def vectors(self, article_ids: Sequence[int], model: str) -> dict[int, dict[str, Vector]]:
        """Stored embeddings per article and part (title, lead, body)."""
        out: dict[int, dict[str, Vector]] = {}
        if not article_ids:
            return out
        e = t.embeddings
        query = sa.select(e).where(e.c.article_id.in_(list(article_ids)), e.c.model == model)
        with self._read() as conn:
            for r in conn.execute(query).mappings():
                out.setdefault(r["article_id"], {})[r["part"]] = np.frombuffer(
                    r["vector"], dtype="<f4"
                ).astype(np.float32)
        return out

    def recent_article_ids(self, *, since: dt.date | None, limit: int) -> list[int]:
        """Stored articles published on or after ``since`` (or undated), newest first: story candidates."""
        a = t.articles
        query = sa.select(a.c.id).order_by(a.c.id.desc()).limit(limit)
        if since is not None:
            query = query.where(sa.or_(a.c.published >= since, a.c.published.is_(None)))
        with self._read() as conn:
            return list(conn.scalars(query))

    # ----------------------------------------------------------------- stories

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
    ) -> Page[StorySummary]:
        """Newest first, and among stories of the same day the biggest first."""
        s, m, a = t.stories, t.memberships, t.articles
        day = sa.func.coalesce(s.c.last_published, _NO_DATE)
        query = sa.select(s, day.label("day"))

        def members(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[bool]:
            inner = sa.select(m.c.story_id).select_from(m.join(a, a.c.id == m.c.article_id)).where(condition)
            return s.c.id.in_(inner)

        if since is not None:
            query = query.where(s.c.last_published >= since)
        if until is not None:
            query = query.where(s.c.first_published <= until)
        for condition in self._article_conditions(language=language, outlet=outlet, entity=entity, q=q):
            query = query.where(members(condition))
        if cursor:
            c_day, c_size, c_id = decode_cursor(cursor, 3)
            try:
                cd, cs, ci = dt.date.fromisoformat(str(c_day)), int(c_size), int(c_id)
            except (TypeError, ValueError) as exc:
                raise StoreError(Errors.S010.format(cursor=cursor[:40])) from exc
            query = query.where(
                sa.or_(
                    day < cd,
                    sa.and_(day == cd, s.c.size < cs),
                    sa.and_(day == cd, s.c.size == cs, s.c.id < ci),
                )
            )
        limit = max(1, min(limit, MAX_PAGE))
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

    def story_article_ids(self, story_id: int) -> list[int]:
        a, m = t.articles, t.memberships
        query = (
            sa.select(a.c.id)
            .select_from(a.join(m, m.c.article_id == a.c.id))
            .where(m.c.story_id == story_id)
            .order_by(sa.func.coalesce(a.c.published, _NO_DATE), a.c.id)
        )
        with self._read() as conn:
            return list(conn.scalars(query))

    def cached_comparison(self, story_id: int) -> CachedComparison | None:
        """The stored comparison of a story, if it was computed for the story's current members."""
        c, s = t.comparisons, t.stories
        query = (
            sa.select(c)
            .select_from(c.join(s, s.c.id == c.c.story_id))
            .where(c.c.story_id == story_id, c.c.story_version == s.c.version)
        )
        with self._read() as conn:
            r = conn.execute(query).mappings().one_or_none()
        if r is None:
            return None
        return CachedComparison(r["story_id"], r["story_version"], r["embedder"], r["conflicts"], r["body"])

    def save_comparison(
        self, story_id: int, story_version: int, embedder: str, body: str, conflicts: int
    ) -> bool:
        """Cache a comparison; refused (False) when the story changed since ``story_version``."""
        with self._write() as conn:
            version = conn.scalar(sa.select(t.stories.c.version).where(t.stories.c.id == story_id))
            if version != story_version:
                return False
            conn.execute(t.comparisons.delete().where(t.comparisons.c.story_id == story_id))
            conn.execute(
                t.comparisons.insert().values(
                    story_id=story_id,
                    story_version=story_version,
                    embedder=embedder,
                    conflicts=conflicts,
                    body=body,
                    created_at=_now(),
                )
            )
            return True

    # ----------------------------------------------------------------- outlets, entities, search

    def outlets(self) -> list[OutletSummary]:
        o, a, m = t.outlets, t.articles, t.memberships
        query = (
            sa.select(
                o.c.id,
                o.c.name,
                o.c.domain,
                sa.func.count(sa.distinct(a.c.id)).label("articles"),
                sa.func.count(sa.distinct(m.c.story_id)).label("stories"),
            )
            .select_from(o.outerjoin(a, a.c.outlet_id == o.c.id).outerjoin(m, m.c.article_id == a.c.id))
            .group_by(o.c.id, o.c.name, o.c.domain)
            .order_by(sa.func.count(sa.distinct(a.c.id)).desc(), o.c.name)
        )
        with self._read() as conn:
            return [OutletSummary(r.id, r.name, r.domain, r.articles, r.stories) for r in conn.execute(query)]

    def entity(self, key: str, *, mentions: int = 50) -> EntitySummary | None:
        """One entity: its names, how many articles mention it, its stories and some mentions."""
        e, a, m, o, st = t.entities, t.articles, t.memberships, t.outlets, t.statements
        with self._read() as conn:
            names = conn.execute(
                sa.select(e.c.text, e.c.type, sa.func.count().label("n"))
                .where(e.c.key == key)
                .group_by(e.c.text, e.c.type)
                .order_by(sa.func.count().desc(), e.c.text)
            ).all()
            if not names:
                return None
            n_articles = conn.scalar(
                sa.select(sa.func.count(sa.distinct(e.c.article_id))).where(e.c.key == key)
            )
            stories = conn.scalars(
                sa.select(m.c.story_id)
                .select_from(e.join(m, m.c.article_id == e.c.article_id))
                .where(e.c.key == key)
                .distinct()
                .order_by(m.c.story_id.desc())
            ).all()
            rows = conn.execute(
                sa.select(
                    e.c.article_id,
                    a.c.title,
                    o.c.name.label("outlet"),
                    m.c.story_id,
                    e.c.text,
                    st.c.text.label("statement"),
                )
                .select_from(
                    e.join(a, a.c.id == e.c.article_id)
                    .outerjoin(o, o.c.id == a.c.outlet_id)
                    .outerjoin(m, m.c.article_id == a.c.id)
                    .outerjoin(st, st.c.id == e.c.statement_id)
                )
                .where(e.c.key == key)
                .order_by(e.c.article_id.desc(), e.c.start)
                .limit(mentions)
            ).all()
        types: dict[str, int] = {}
        for r in names:
            types[r.type] = types.get(r.type, 0) + r.n
        return EntitySummary(
            key=key,
            type=max(types, key=lambda k: types[k]),
            names=tuple((r.text, r.n) for r in names),
            articles=int(n_articles or 0),
            stories=tuple(int(s) for s in stories if s is not None),
            mentions=tuple(
                EntityMentionRow(r.article_id, r.title, r.outlet, r.story_id, r.text, r.statement)
                for r in rows
            ),
        )

    def top_entities(self, story_id: int, limit: int = 12) -> list[tuple[str, str, int]]:
        """The most mentioned entities of a story: (key, most common name, mentions)."""
        e, m = t.entities, t.memberships
        query = (
            sa.select(e.c.key, sa.func.min(e.c.text).label("name"), sa.func.count().label("n"))
            .select_from(e.join(m, m.c.article_id == e.c.article_id))
            .where(m.c.story_id == story_id)
            .group_by(e.c.key)
            .order_by(sa.func.count().desc(), e.c.key)
            .limit(limit)
        )
        with self._read() as conn:
            return [(r.key, r.name, r.n) for r in conn.execute(query)]

    def search(self, query: str, *, limit: int = 20) -> list[SearchHit]:
        """Full-text search over titles and texts (FTS5 on SQLite, tsvector on PostgreSQL), best first."""
        if not _search.terms(query):
            return []
        with self._read() as conn:
            rows = conn.execute(_search.ranked(self.dialect, query, max(1, min(limit, MAX_PAGE)))).all()
        return [SearchHit(r.id, r.title, r.outlet, r.story_id, r.snippet or "") for r in rows]

    # ----------------------------------------------------------------- feeds and failures

    def add_feed(self, url: str, title: str | None = None) -> Feed:
        with self._write() as conn:
            if conn.scalar(sa.select(t.feeds.c.id).where(t.feeds.c.url == url)) is None:
                conn.execute(t.feeds.insert().values(url=url, title=title, created_at=_now()))
        feed = next(f for f in self.feeds() if f.url == url)
        return feed

    def feeds(self) -> list[Feed]:
        with self._read() as conn:
            rows = conn.execute(sa.select(t.feeds).order_by(t.feeds.c.id)).mappings().all()
        return [
            Feed(
                r["id"],
                r["url"],
                r["title"],
                r["etag"],
                r["last_modified"],
                r["last_fetched"],
                r["last_status"],
                r["last_error"],
            )
            for r in rows
        ]

    def update_feed(
        self,
        feed_id: int,
        *,
        status: int | None,
        error: str | None,
        etag: str | None = None,
        last_modified: str | None = None,
        title: str | None = None,
    ) -> None:
        values: dict[str, Any] = {"last_fetched": _now(), "last_status": status, "last_error": error}
        if etag is not None:
            values["etag"] = etag
        if last_modified is not None:
            values["last_modified"] = last_modified
        if title:
            values["title"] = title
        with self._write() as conn:
            conn.execute(t.feeds.update().where(t.feeds.c.id == feed_id).values(**values))

    def record_failure(self, source: str, reason: str) -> None:
        """Remember that ``source`` failed and why (one row per source, counting attempts)."""
        now = _now()
        f = t.ingest_failures
        with self._write() as conn:
            attempts = conn.scalar(sa.select(f.c.attempts).where(f.c.source == source))
            if attempts is None:
                conn.execute(
                    f.insert().values(
                        source=source, reason=reason, attempts=1, first_failed=now, last_failed=now
                    )
                )
            else:
                conn.execute(
                    f.update()
                    .where(f.c.source == source)
                    .values(reason=reason, attempts=attempts + 1, last_failed=now)
                )

    def clear_failure(self, source: str) -> None:
        with self._write() as conn:
            conn.execute(t.ingest_failures.delete().where(t.ingest_failures.c.source == source))

    def failures(self) -> list[Failure]:
        f = t.ingest_failures
        with self._read() as conn:
            rows = conn.execute(sa.select(f).order_by(f.c.last_failed.desc(), f.c.id.desc())).mappings().all()
        return [
            Failure(r["source"], r["reason"], r["attempts"], r["first_failed"], r["last_failed"])
            for r in rows
        ]


def open_store(url: str | None = None) -> Store:
    """Open (and create or migrate) the store at ``url``; empty means SQLite in the user's data dir."""
    engine = _engine.create_engine(_engine.resolve_url(url))
    try:
        _engine.migrate(engine)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        raise StoreError(
            Errors.S004.format(
                url=engine.url.render_as_string(hide_password=True), problem=str(exc.orig).strip() or exc
            )
        ) from exc
    return Store(engine)


# ----------------------------------------------------------------- helpers (one connection each)


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def _find(conn: sa.Connection, url: str | None, digest: str | None) -> int | None:
    a = t.articles
    conditions = []
    if digest is not None:
        conditions.append(a.c.content_hash == digest)
    if url:
        conditions.append(a.c.url == url)
    if not conditions:
        return None
    return conn.scalar(sa.select(a.c.id).where(sa.or_(*conditions)).order_by(a.c.id).limit(1))


def _story_of(conn: sa.Connection, article_id: int) -> int | None:
    return conn.scalar(sa.select(t.memberships.c.story_id).where(t.memberships.c.article_id == article_id))


def _outlet_id(conn: sa.Connection, name: str, url: str | None) -> int:
    o = t.outlets
    found = conn.scalar(sa.select(o.c.id).where(o.c.name == name))
    if found is not None:
        return int(found)
    domain = None
    if url:
        from urllib.parse import urlsplit

        domain = urlsplit(url).hostname
    try:
        with conn.begin_nested():
            return _new_id(conn.execute(o.insert().values(name=name, domain=domain, created_at=_now())))
    except IntegrityError:
        return int(conn.scalar(sa.select(o.c.id).where(o.c.name == name)))  # type: ignore[arg-type]


def _insert_article(conn: sa.Connection, article: Article, digest: str, outlet_id: int | None) -> int:
    result = conn.execute(
        t.articles.insert().values(
            slug=article.id[:300],
            outlet_id=outlet_id,
            url=article.url,
            content_hash=digest,
            source=article.source[:2000],
            title=article.title,
            lead=article.lead,
            text=article.text,
            published=article.published,
            language=article.language,
            author=article.author[:500] if article.author else None,
            meta=dict(article.meta),
            created_at=_now(),
        )
    )
    return _new_id(result)


def _insert_blocks(conn: sa.Connection, article_id: int, blocks: Sequence[Block]) -> None:
    if blocks:
        conn.execute(
            t.blocks.insert(),
            [
                {
                    "article_id": article_id,
                    "position": n,
                    "kind": b.kind,
                    "start": b.start,
                    "end": b.end,
                    "attribution": b.attribution,
                    "language": b.language,
                }
                for n, b in enumerate(blocks)
            ],
        )


def _insert_analysis(conn: sa.Connection, article_id: int, analysed: AnalysedArticle) -> None:
    for n, s in enumerate(analysed.statements):
        statement_id = _new_id(
            conn.execute(
                t.statements.insert().values(
                    article_id=article_id,
                    position=n,
                    start=s.start,
                    end=s.end,
                    text=s.text,
                    block_kind=s.block_kind,
                    kind=s.kind,
                    subjective=s.subjective,
                    speaker=s.speaker[:500] if s.speaker else None,
                    language=s.language,
                )
            )
        )
        if s.entities:
            conn.execute(
                t.entities.insert(),
                [
                    {
                        "article_id": article_id,
                        "statement_id": statement_id,
                        "key": m.key[:500],
                        "text": m.text[:500],
                        "type": m.type,
                        "start": m.start,
                        "end": m.end,
                    }
                    for m in s.entities
                ],
            )


def _join_story(conn: sa.Connection, article_id: int, article: Any, choice: StoryChoice) -> int:
    """Add the article to the chosen story (or a new one) and mark the story changed."""
    s = t.stories
    now = _now()
    story_id = choice.story_id
    if story_id is not None and conn.scalar(sa.select(s.c.id).where(s.c.id == story_id)) is None:
        story_id = None  # the story was removed meanwhile; start a new one
    if story_id is None:
        story_id = _new_id(
            conn.execute(
                s.insert().values(
                    title=article.title,
                    size=0,
                    version=0,
                    first_published=article.published,
                    last_published=article.published,
                    created_at=now,
                    updated_at=now,
                )
            )
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
            title=sa.func.coalesce(s.c.title, article.title),
        )
    )
    # The cached comparison no longer describes the story.
    conn.execute(t.comparisons.delete().where(t.comparisons.c.story_id == story_id))
    return story_id


def _article_summary_query() -> sa.Select[Any]:
    a, o, m = t.articles, t.outlets, t.memberships
    return sa.select(
        a.c.id,
        a.c.slug,
        a.c.title,
        o.c.name.label("outlet"),
        a.c.url,
        a.c.published,
        a.c.language,
        a.c.source,
        m.c.story_id,
        a.c.created_at,
    ).select_from(a.outerjoin(o, o.c.id == a.c.outlet_id).outerjoin(m, m.c.article_id == a.c.id))


def _article_summary(r: sa.RowMapping) -> ArticleSummary:
    return ArticleSummary(
        id=r["id"],
        slug=r["slug"],
        title=r["title"],
        outlet=r["outlet"],
        url=r["url"],
        published=r["published"],
        language=r["language"],
        source=r["source"],
        story_id=r["story_id"],
        created_at=r["created_at"],
    )


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
