"""Articles: adding one with its analysis and embeddings, reading them back, listing them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from blickwinkel.model import AnalysedArticle, Article, Block
from blickwinkel.store import schema as t
from blickwinkel.store._base import (
    StoreBase,
    Vector,
    article_conditions,
    new_id,
    page_size,
    utc_now,
)
from blickwinkel.store._outlets import stored_outlet
from blickwinkel.store._stories import current_story, join_story, refresh_story
from blickwinkel.store.cursor import decode_article_cursor, encode_cursor
from blickwinkel.store.records import AddResult, ArticleSummary, Page, StoryChoice
from blickwinkel.text import content_hash


class ArticleRecords(StoreBase):
    """Articles with their blocks, statements, entity mentions and embeddings."""

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
        With ``analysed``, the languages the analysis detected are stored with the article and its
        blocks (a language the input declared stays as it was).
        """
        if analysed is not None:
            article = with_detected_languages(article, analysed.article)
        digest = content_hash(article.text)
        try:
            with self._write() as conn:
                existing = _find(conn, article.url, digest)
                if existing is not None:
                    return AddResult(existing, False, current_story(conn, existing))
                outlet_id = stored_outlet(conn, article.outlet, article.url) if article.outlet else None
                article_id = _insert_article(conn, article, digest, outlet_id)
                _insert_blocks(conn, article_id, article.blocks)
                if analysed is not None:
                    _insert_analysis(conn, article_id, analysed)
                _insert_vectors(conn, article_id, vectors or {}, model)
                story_id = None
                if story is not None:
                    story_id = join_story(conn, article_id, article, story)
                return AddResult(article_id, True, story_id)
        except IntegrityError:
            # Another writer stored the same article between our check and our insert.
            with self._read() as conn:
                existing = _find(conn, article.url, digest)
            if existing is None:
                raise
            with self._read() as conn:
                return AddResult(existing, False, current_story(conn, existing))

    def find_edited(self, article: Article) -> int | None:
        """The stored article ``article`` is a new version of: the same URL, or for an input without
        one the same file (standard input and a record of a JSON or JSONL file have no identity of
        their own: a record's line or position moves when the file is edited), with another text.
        None when there is none."""
        a = t.articles
        if article.url:
            condition = a.c.url == article.url
        elif not is_file_source(article.source):
            return None
        else:
            condition = sa.and_(a.c.source == article.source[:2000], a.c.url.is_(None))
        query = sa.select(a.c.id).where(condition, a.c.content_hash != content_hash(article.text))
        with self._read() as conn:
            return conn.scalar(query.order_by(a.c.id).limit(1))

    def replace_article(
        self,
        article_id: int,
        article: Article,
        *,
        analysed: AnalysedArticle | None = None,
        vectors: Mapping[str, Vector] | None = None,
        model: str = "",
    ) -> AddResult:
        """Store ``article`` in place of the stored article ``article_id`` (its edited version),
        atomically: the row keeps its id; its blocks, statements, mentions and embeddings are those of
        the new text; it leaves its story (which gets a new version, or is removed when it had no
        other article) and is placed again by the caller. When another stored article already has
        the new text, nothing changes and that one is returned (``created`` False)."""
        if analysed is not None:
            article = with_detected_languages(article, analysed.article)
        digest = content_hash(article.text)
        try:
            with self._write() as conn:
                existing = _find(conn, None, digest)
                if existing is not None:
                    return AddResult(existing, False, current_story(conn, existing))
                outlet_id = stored_outlet(conn, article.outlet, article.url) if article.outlet else None
                story_id = current_story(conn, article_id)
                for table in (t.entities, t.statements, t.blocks, t.embeddings, t.memberships):
                    conn.execute(table.delete().where(table.c.article_id == article_id))
                conn.execute(
                    t.articles.update()
                    .where(t.articles.c.id == article_id)
                    .values(**_article_values(article, digest, outlet_id))
                )
                _insert_blocks(conn, article_id, article.blocks)
                if analysed is not None:
                    _insert_analysis(conn, article_id, analysed)
                _insert_vectors(conn, article_id, vectors or {}, model)
                if story_id is not None:  # a story of this article alone leads to where it is placed
                    refresh_story(conn, story_id, utc_now(), heir=article_id)
                return AddResult(article_id, True, None)
        except IntegrityError:
            # Another writer stored the new text between our check and our update (as in add_article):
            # the stored version stays, and the one with the new text is returned.
            with self._read() as conn:
                existing = _find(conn, None, digest)
                if existing is None:
                    raise
                return AddResult(existing, False, current_story(conn, existing))

    def prune_article_vectors(self, current: Mapping[str, str], *, dry_run: bool = False) -> tuple[int, int]:
        """Delete article vectors of an older model version: rows of embedder ``name`` (a key of
        ``current``) kept under another ``name@version`` than ``current[name]``; returns how many rows
        went and how many are left (``dry_run``: would go, would be left; nothing is deleted)."""
        e = t.embeddings
        removed = 0
        with self._write(dry_run=dry_run) as conn:
            for name, model in current.items():
                stale = sa.or_(e.c.model == name, sa.and_(e.c.model.like(f"{name}@%"), e.c.model != model))
                removed += conn.execute(e.delete().where(stale)).rowcount or 0
            left = conn.scalar(sa.select(sa.func.count()).select_from(e)) or 0
        return removed, left

    def all_article_ids(self) -> list[int]:
        with self._read() as conn:
            return list(conn.scalars(sa.select(t.articles.c.id).order_by(t.articles.c.id)))

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
                meta={k: v for k, v in (r["meta"] or {}).items() if k != PAYWALLED},
                paywalled=(r["meta"] or {}).get(PAYWALLED) == "true",
            )
            for r in rows
        }

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
        for condition in article_conditions(
            self.dialect, language=language, outlet=outlet, entity=entity, q=q
        ):
            query = query.where(condition)
        if story_id is not None:
            query = query.where(t.memberships.c.story_id == story_id)
        if cursor:
            query = query.where(a.c.id < decode_article_cursor(cursor).last_id)
        limit = page_size(limit)
        with self._read() as conn:
            rows = conn.execute(query.order_by(a.c.id.desc()).limit(limit + 1)).mappings().all()
        items = tuple(_article_summary(r) for r in rows[:limit])
        return Page(items, encode_cursor([items[-1].id]) if len(rows) > limit else None)

    def count_articles(self) -> int:
        with self._read() as conn:
            return int(conn.scalar(sa.select(sa.func.count()).select_from(t.articles)) or 0)

    def article_languages(self) -> dict[str, int]:
        """How many stored articles are in each language (its code; "" where none was detected): the
        language ``outlets`` writes its table in when the report_language setting is "auto"."""
        a = t.articles
        with self._read() as conn:
            rows = conn.execute(sa.select(a.c.language, sa.func.count()).group_by(a.c.language)).all()
        return {str(language or ""): int(count) for language, count in rows}

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

    def statement_texts(self, article_ids: Sequence[int]) -> list[str]:
        """The texts of the stored statements of ``article_ids`` (by article, in order)."""
        if not article_ids:
            return []
        s = t.statements
        texts: list[str] = []
        with self._read() as conn:
            for start in range(0, len(article_ids), 500):
                query = (
                    sa.select(s.c.text)
                    .where(s.c.article_id.in_(list(article_ids[start : start + 500])))
                    .order_by(s.c.article_id, s.c.position)
                )
                texts += conn.scalars(query)
        return texts

    def recent_article_ids(self, *, since: dt.date | None, limit: int) -> list[int]:
        """Stored articles published on or after ``since`` (or undated), newest first: story candidates."""
        a = t.articles
        query = sa.select(a.c.id).order_by(a.c.id.desc()).limit(limit)
        if since is not None:
            query = query.where(sa.or_(a.c.published >= since, a.c.published.is_(None)))
        with self._read() as conn:
            return list(conn.scalars(query))


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


def with_detected_languages(article: Article, analysed: Article) -> Article:
    """``article`` with the languages of ``analysed`` (its analysed form) where it had none."""
    if len(analysed.blocks) != len(article.blocks):
        return article
    blocks = tuple(
        b if b.language else dataclasses.replace(b, language=found.language)
        for b, found in zip(article.blocks, analysed.blocks, strict=True)
    )
    return dataclasses.replace(article, language=article.language or analysed.language, blocks=blocks)


# Article.paywalled is kept in the article's meta column (no new column for a rare mark).
PAYWALLED = "paywalled"


def is_file_source(source: str) -> bool:
    """A file's path, not standard input ("-") nor a record of a JSON list or JSONL file
    ("file.jsonl:3", "file.json#2")."""
    return source != "-" and _RECORD.fullmatch(source) is None


_RECORD = re.compile(r".+(?::|#)\d+")


def _article_values(article: Article, digest: str, outlet_id: int | None) -> dict[str, Any]:
    return {
        "slug": article.id[:300],
        "outlet_id": outlet_id,
        "url": article.url,
        "content_hash": digest,
        "source": article.source[:2000],
        "title": article.title,
        "lead": article.lead,
        "text": article.text,
        "published": article.published,
        "language": article.language,
        "author": article.author[:500] if article.author else None,
        "meta": dict(article.meta) | ({PAYWALLED: "true"} if article.paywalled else {}),
    }


def _insert_article(conn: sa.Connection, article: Article, digest: str, outlet_id: int | None) -> int:
    values = _article_values(article, digest, outlet_id)
    return new_id(conn.execute(t.articles.insert().values(**values, created_at=utc_now())))


def _insert_vectors(conn: sa.Connection, article_id: int, vectors: Mapping[str, Vector], model: str) -> None:
    for part, vector in vectors.items():
        row = np.asarray(vector, dtype="<f4")
        conn.execute(
            t.embeddings.insert().values(
                article_id=article_id, part=part, model=model, dim=int(row.shape[-1]), vector=row.tobytes()
            )
        )


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
        statement_id = new_id(
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
