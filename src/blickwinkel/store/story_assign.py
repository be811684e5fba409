"""Streaming story assignment for stored articles: the one adapter between the store and
:mod:`blickwinkel.stories`.

Each new article is scored against recent stored articles with the fitted same-story score
(:func:`blickwinkel.stories.score.same_story_score`); it joins the story of the best match when that
match is probably the same event, else it starts a new story. The embedding rows
are stored with each article, so a new process rebuilds its candidates without embedding again.
(:class:`blickwinkel.stories.cluster.StoryClusterer` merges stories, which the store does not do yet;
this adapter uses the same pair probability with a nearest-neighbour shortlist instead.)
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import Embedder
from blickwinkel.model import Article
from blickwinkel.store._store import Store
from blickwinkel.store.records import StoryChoice
from blickwinkel.stories import features
from blickwinkel.stories.features import StoryDoc
from blickwinkel.stories.score import pair_probability

Vector = npt.NDArray[np.float32]

# Reports of one event appear within days; older articles are not candidates.
WINDOW_DAYS = 7
# The nearest documents by the combined vector are scored in full; the rest cannot win.
SHORTLIST = 24
# Same-event probability needed to join a story (the score's logistic is fitted at 0.5).
JOIN_PROBABILITY = 0.5
MAX_CANDIDATES = 20_000


@dataclass
class _Candidate:
    doc: StoryDoc
    story_id: int


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
        missing = [t for t, k in zip(texts, keys, strict=True) if k not in self.rows]
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
    out = []
    for article in articles:
        recorder = _RecordingEmbedder(embedder)
        (doc,) = features.story_docs([article], recorder)
        out.append((doc, recorder.rows))
    return out


def stored_features(article: Article, rows: dict[str, Vector], embedder: Embedder) -> StoryDoc:
    """The :class:`StoryDoc` of a stored article from its stored rows (embeds only what is missing)."""
    (doc,) = features.story_docs([article], _RecordingEmbedder(embedder, rows))
    return doc


class StoryAssigner:
    """Chooses a story for each new article; remembers stored articles of the last days."""

    def __init__(self, store: Store, embedder: Embedder, *, window_days: int = WINDOW_DAYS) -> None:
        self.store = store
        self.embedder = embedder
        self.window_days = window_days
        self._candidates: list[_Candidate] = []
        self._matrix: Vector | None = None

    def load(self, *, today: dt.date | None = None) -> int:
        """Take the stored articles of the window (and undated ones) as candidates; returns how many."""
        newest = today
        since = newest - dt.timedelta(days=self.window_days) if newest is not None else None
        ids = self.store.recent_article_ids(since=since, limit=MAX_CANDIDATES)
        vectors = self.store.vectors(ids, self.embedder.name)
        ids = [i for i in ids if i in vectors]
        articles = self.store.articles(ids)
        for article_id in reversed(ids):
            story_id = self.store.story_of(article_id)
            if story_id is not None and article_id in articles:
                doc = stored_features(articles[article_id], vectors[article_id], self.embedder)
                self._candidates.append(_Candidate(doc, story_id))
        self._matrix = None
        return len(self._candidates)

    def choose(self, doc: StoryDoc) -> StoryChoice:
        """The story of the best-scoring candidate, or a new story when none is likely the same event."""
        if not self._candidates:
            return StoryChoice(None)
        if self._matrix is None:
            self._matrix = np.vstack([c.doc.vector for c in self._candidates]).astype(np.float32)
        similarity = self._matrix @ doc.vector
        order = np.argsort(-similarity)[:SHORTLIST]
        best: tuple[float, int] | None = None
        for index in order:
            candidate = self._candidates[int(index)]
            gap = _gap_days(candidate.doc, doc)
            if gap is not None and gap > self.window_days:
                continue
            probability = pair_probability(candidate.doc, doc)
            if probability >= JOIN_PROBABILITY and (best is None or probability > best[0]):
                best = (probability, candidate.story_id)
        if best is None:
            return StoryChoice(None)
        return StoryChoice(best[1], round(best[0], 4))

    def remember(self, doc: StoryDoc, story_id: int) -> None:
        self._candidates.append(_Candidate(doc, story_id))
        if self._matrix is not None:
            self._matrix = np.vstack([self._matrix, doc.vector[None, :]]).astype(np.float32)
        if len(self._candidates) > MAX_CANDIDATES:
            self._candidates = self._candidates[-MAX_CANDIDATES:]
            self._matrix = None


def _gap_days(a: StoryDoc, b: StoryDoc) -> int | None:
    if a.published is None or b.published is None:
        return None
    return abs((a.published - b.published).days)
