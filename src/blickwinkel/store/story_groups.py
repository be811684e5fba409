"""The store's side of story clustering: the clusterer's candidate source, and its stories written back.

:class:`StoredStories` is the :class:`blickwinkel.stories.cluster.CandidateSource` of the database:
the articles placed in stories on given publication days, rebuilt as story docs from their stored
embedding rows (so a new process continues the stories without embedding again). The other
functions move articles between stories when the clusterer merges stories or re-clusters a span.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa
from sqlalchemy.exc import IntegrityError

from blickwinkel.embed import Embedder
from blickwinkel.embed.kept import vector_model
from blickwinkel.model import Article
from blickwinkel.store import schema as t
from blickwinkel.store._store import Store
from blickwinkel.store._stories import insert_story, refresh_story, story_title
from blickwinkel.stories import features
from blickwinkel.stories.features import StoryDoc

Vector = npt.NDArray[np.float32]

# Articles loaded per request of the clusterer: bounds memory on a day with a flood of articles.
MAX_PLACED = 20_000


def _text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


class _RecordingEmbedder:
    """Embeds with the real embedder and keeps every row by its text, for storing and replaying.

    The store keeps exactly the rows the story features were computed from, so a later process
    rebuilds the same :class:`StoryDoc` without embedding again, whatever parts the features embed.
    """

    def __init__(self, embedder: Embedder, known: dict[str, Vector] | None = None) -> None:
        self._embedder = embedder
        self.name = embedder.name
        self.dim = embedder.dim
        self.rows: dict[str, Vector] = dict(known or {})

    def encode(self, texts: Sequence[str]) -> Vector:
        keys = [_text_key(t) for t in texts]
        missing = list(dict.fromkeys(t for t, k in zip(texts, keys, strict=True) if k not in self.rows))
        if missing:
            for text, row in zip(missing, self._embedder.encode(missing), strict=True):
                self.rows[_text_key(text)] = np.asarray(row, dtype=np.float32)
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.vstack([self.rows[k] for k in keys]).astype(np.float32)


def story_features(
    articles: Sequence[Article], embedder: Embedder
) -> list[tuple[StoryDoc, dict[str, Vector]]]:
    """Story features of each article and the embedding rows to store with it (keyed by text)."""
    recorder = _RecordingEmbedder(embedder)
    docs = features.story_docs(articles, recorder)  # one batched embedding call
    out = []
    for doc, article in zip(docs, articles, strict=True):
        parts = features.doc_parts(article)
        texts = features.embedded_texts(parts, features.embedded_parts(embedder.name))
        out.append((doc, {_text_key(x): recorder.rows[_text_key(x)] for x in texts}))
    return out


def stored_features(article: Article, rows: dict[str, Vector], embedder: Embedder) -> StoryDoc:
    """The :class:`StoryDoc` of a stored article from its stored rows (embeds only what is missing)."""
    (doc,) = features.story_docs([article], _RecordingEmbedder(embedder, rows))
    return doc


class StoredStories:
    """The stored articles placed in stories, as candidates for :class:`StoryClusterer` (story key
    ``s<story id>``, doc id ``a<article id>``, like :meth:`Store.article`)."""

    def __init__(self, store: Store, embedder: Embedder) -> None:
        self.store = store
        self.embedder = embedder

    def placed_docs(self, days: Sequence[dt.date | None]) -> list[tuple[StoryDoc, str]]:
        a, m = t.articles, t.memberships
        dated = [d for d in days if d is not None]
        conditions = []
        if dated:
            conditions.append(a.c.published.in_(dated))
        if None in days:
            conditions.append(a.c.published.is_(None))
        if not conditions:
            return []
        query = (
            sa.select(a.c.id, m.c.story_id)
            .select_from(a.join(m, m.c.article_id == a.c.id))
            .where(sa.or_(*conditions))
            .order_by(a.c.id.desc())
            .limit(MAX_PLACED)
        )
        with self.store._read() as conn:
            placed = {int(r.id): int(r.story_id) for r in conn.execute(query)}
        return self._docs(placed)

    def has_dated(self) -> bool:
        a, m = t.articles, t.memberships
        query = (
            sa.select(a.c.id)
            .select_from(a.join(m, m.c.article_id == a.c.id))
            .where(a.c.published.is_not(None))
            .limit(1)
        )
        with self.store._read() as conn:
            return conn.scalar(query) is not None

    def _docs(self, placed: dict[int, int]) -> list[tuple[StoryDoc, str]]:
        ids = sorted(placed)
        vectors = self.store.vectors(ids, vector_model(self.embedder))
        articles = self.store.articles(ids)
        return [
            (stored_features(articles[i], vectors.get(i, {}), self.embedder), f"s{placed[i]}")
            for i in ids
            if i in articles
        ]

    def docs_after(self, first: dt.date | None, last: dt.date | None) -> list[tuple[StoryDoc, int | None]]:
        """Stored articles published from ``first`` to ``last`` (all when ``first`` is None, then with
        the undated ones), with their story (None when they have none yet)."""
        a, m = t.articles, t.memberships
        query = sa.select(a.c.id, m.c.story_id).select_from(a.outerjoin(m, m.c.article_id == a.c.id))
        if first is not None:
            query = query.where(a.c.published >= first)
        if last is not None:
            query = query.where(a.c.published <= last)
        with self.store._read() as conn:
            rows = {int(r.id): r.story_id for r in conn.execute(query.order_by(a.c.id).limit(MAX_PLACED))}
        ids = sorted(rows)
        vectors = self.store.vectors(ids, vector_model(self.embedder))
        articles = self.store.articles(ids)
        return [
            (stored_features(articles[i], vectors.get(i, {}), self.embedder), rows[i])
            for i in ids
            if i in articles
        ]


def article_number(doc_id: str) -> int:
    """The stored article id of a story doc made by :class:`StoredStories` (``a17`` → 17)."""
    return int(doc_id[1:])


REGROUP_ATTEMPTS = 5  # runs of a regroup that another writer's change made fail


def regroup(store: Store, groups: Sequence[tuple[int | None, Sequence[int]]]) -> list[int]:
    """Move articles into stories in one transaction: each group names its story (None: a new one)
    and its articles. Stories left without articles are removed; every changed story gets a new
    version (its cached comparison no longer holds). Returns the story id of each group.

    Another writer may remove a story or place an article between our reads and our writes (two
    ingests into one PostgreSQL database); the transaction then fails whole and runs again on what
    is stored now."""
    for attempt in range(REGROUP_ATTEMPTS):
        try:
            return _regroup_once(store, groups)
        except IntegrityError:
            if attempt == REGROUP_ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")  # pragma: no cover


def _regroup_once(store: Store, groups: Sequence[tuple[int | None, Sequence[int]]]) -> list[int]:
    s, m, a = t.stories, t.memberships, t.articles
    now = dt.datetime.now(dt.UTC)
    out: list[int] = []
    with store._write() as conn:
        touched: set[int] = set()
        # (story before, story after, article) of every moved article: where a removed story's went
        moves: list[tuple[int, int, int]] = []
        for wanted, members in groups:
            story_id = wanted
            if not members:
                out.append(story_id if story_id is not None else -1)
                continue
            if story_id is None or conn.scalar(sa.select(s.c.id).where(s.c.id == story_id)) is None:
                first = conn.execute(
                    sa.select(
                        a.c.title, a.c.lead, a.c.text, a.c.language, a.c.url, t.outlets.c.name.label("outlet")
                    )
                    .select_from(a.outerjoin(t.outlets, t.outlets.c.id == a.c.outlet_id))
                    .where(a.c.id == members[0])
                ).one()
                story_id = insert_story(conn, title=story_title(first), now=now)
            before = conn.execute(
                sa.select(m.c.article_id, m.c.story_id).where(m.c.article_id.in_(list(members)))
            ).all()
            touched.update(int(r.story_id) for r in before)
            moves += [
                (int(r.story_id), story_id, int(r.article_id)) for r in before if r.story_id != story_id
            ]
            moved = {int(r.article_id) for r in before}
            conn.execute(
                m.update().where(m.c.article_id.in_(sorted(moved))).values(story_id=story_id, added_at=now)
            )
            fresh = [i for i in members if i not in moved]
            if fresh:
                conn.execute(
                    m.insert(),
                    [{"article_id": i, "story_id": story_id, "score": None, "added_at": now} for i in fresh],
                )
            touched.add(story_id)
            out.append(story_id)
        for story_id in sorted(touched):
            refresh_story(conn, story_id, now, heir=_heir(story_id, moves))
    return out


def _heir(story_id: int, moves: Sequence[tuple[int, int, int]]) -> int | None:
    """The article a removed story's id leads to: one (the lowest id) of those that went to the story
    that took most of its articles (the lowest id among equals)."""
    went: dict[int, list[int]] = {}
    for before, after, article in moves:
        if before == story_id:
            went.setdefault(after, []).append(article)
    if not went:
        return None
    target = min(went, key=lambda story: (-len(went[story]), story))
    return min(went[target])


def story_count(store: Store) -> int:
    with store._read() as conn:
        return int(conn.scalar(sa.select(sa.func.count()).select_from(t.stories)) or 0)


def merge_stories(store: Store, kept: int, merged: int) -> None:
    """Move every article of story ``merged`` into story ``kept`` and remove ``merged``."""
    if kept == merged:
        return
    regroup(store, [(kept, store.story_article_ids(merged))])
