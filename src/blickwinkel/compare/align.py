"""Align statements across articles: which statements of different articles say the same thing."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations

import numpy as np
import numpy.typing as npt

from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.agreement import CONVERTIBLE_UNITS, quantities_agree
from blickwinkel.compare.parts import Part
from blickwinkel.compare.restatements import stand_out_together
from blickwinkel.compare.similarity import (
    SMALL_NUMBER,
    ScoreParts,
    StatementFeatures,
    evidence,
    link_reasons,
    probability_without_soft,
    same_language,
)
from blickwinkel.compare.soft_alignment import WordVectors, soft_alignment
from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.embed.backends import on_use_scale
from blickwinkel.embed.word_vectors import word_layer
from blickwinkel.model import Link, Statement

# A pair below this cosine (of either embedder, on the USE scale) is not proposed by the embedding
# matrix; shared rare words can still propose it.
MIN_COSINE = 0.35
# Candidates per statement and other article, taken from the similarity matrix before scoring.
CANDIDATES_PER_ARTICLE = 4
# A statement keeps up to this many partners per other article that reach the threshold: one long
# sentence may state what another article says in two or three.
MAX_PARTNERS_PER_ARTICLE = 3
# An article restates one of its own statements (a lead repeated in the body, a quote given twice)
# when the link model gives the pair this probability (without the margin and nearest parts, which
# compare two articles); candidates are the most similar statements of the same article. Chosen on
# the tuning half: restatements joined 0.02 at 0.9, 0.04 at 0.7, 0.09 at 0.5 with no link lost or
# added in error; at 0.3 link precision fell from 0.87 to 0.81.
RESTATEMENT_MIN_SCORE = 0.5
RESTATEMENT_CANDIDATES = 3
# How much better a clause must score than the whole statements to stand for the pair.
PART_MARGIN = 0.08
# The margin feature compares a pair's cosine with the mean of this many nearest neighbours.
MARGIN_NEIGHBOURS = 4
# The second embedder's margin looks for those neighbours among this many statements nearest by the
# main embedder (the pair's own two among them), so that it needs the second embedder's rows of those
# few statements only, not of the whole story.
SECOND_NEIGHBOURHOOD = MARGIN_NEIGHBOURS + 2
SECOND_OWN_NEIGHBOURS = True
# The second embedder (e5) scores only the candidate pairs in one language whose probability by the
# main embedder's model falls in this band; outside it e5 changed no decision on the tuning half
# (docs/data-sources.md, link model), and embedding only those pairs' statements and neighbours keeps
# its cost to a part of the story.
SECOND_BAND = (0.05, 0.95)
# The languages whose pairs the second embedder scores under the default setting ``link_embedder =
# "auto"`` (``"e5"``: every language). Chosen per language on the tuning half and our example stories
# (docs/data-sources.md, link model): in English e5 raised the tuning half's links. In German it raises
# them there (eleventh session: 0.933/0.431 -> 0.946/0.538) but not the held-out half's, and it costs
# the German benchmark stories two thirds more CPU (its forward pass over about 33 pieces a statement,
# for most of a story's statements: the pairs' neighbours count too).
SECOND_LANGUAGES = frozenset({"en"})
# The soft word alignment (compare/soft_alignment.py) scores the candidate pairs whose probability, after
# the second embedder, falls in this band, in any language; its contextual word vectors are worked out
# for those pairs' statements only. Outside the band the link model decides as without it.
SOFT_BAND = (0.05, 0.95)

ALIGNABLE_KINDS = frozenset({None, "reporting", "quote", "reported_speech", "background", "commentary"})


@dataclass(frozen=True)
class Alignment:
    """The links, the evidence of each, and a scorer for any pair of statements (by index)."""

    links: tuple[Link, ...]
    parts: dict[tuple[str, str], ScoreParts]
    pair_score: Callable[[int, int], float] = lambda i, j: 0.0
    pair_parts: Callable[[int, int], ScoreParts | None] = lambda i, j: None
    restatements: tuple[tuple[str, str], ...] = ()  # statement ids of an article restating itself
    # The best probability of each statement (by index) with a statement of each other article
    # among its candidates, linked or not.
    best: dict[tuple[int, str], float] = field(default_factory=dict)
    # The same without the soft word alignment's step (the probability the "perhaps also in" threshold,
    # compare/facts.py PERHAPS_MIN_SCORE, was chosen on); ``best`` where nothing was soft-aligned.
    best_plain: dict[tuple[int, str], float] = field(default_factory=dict)


def is_alignable(statement: Statement) -> bool:
    """Headlines and captions summarise or describe pictures; they are shown but not aligned."""
    return statement.block_kind not in {"headline", "caption", "subheading"} and len(statement.text) >= 12


def _reduce(part_sims: npt.NDArray[np.float32], offsets: npt.NDArray[np.int64]) -> npt.NDArray[np.float32]:
    """Statement similarity = the best similarity of any of their parts."""
    rows = np.maximum.reduceat(part_sims, offsets[:-1], axis=0)
    reduced: npt.NDArray[np.float32] = np.maximum.reduceat(rows, offsets[:-1], axis=1)
    return reduced


@dataclass
class StoryScorer:
    """Scores pairs of a story's statements from their parts' embeddings and features, once each.

    ``cross_embeddings`` (rows follow the parts; zero rows where not embedded) come from the
    cross-lingual embedder and score pairs of statements in different languages. The second
    embedder's rows (:meth:`set_second`, the same layout) score pairs in one language: its cosine and
    its margin over the pair's neighbours by the main embedder."""

    statements: Sequence[Statement]
    parts: Sequence[Sequence[Part]]
    part_embeddings: npt.NDArray[np.float32]
    embedder: str = DEFAULT_EMBEDDER
    cross_embeddings: npt.NDArray[np.float32] | None = None
    cache: dict[tuple[int, int], ScoreParts] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.feats: list[StatementFeatures] = [p[0].features for p in self.parts]
        self.offsets = np.cumsum([0] + [len(p) for p in self.parts])
        self.part_sims = on_use_scale(self.part_embeddings @ self.part_embeddings.T, self.embedder)
        self.sims = _reduce(self.part_sims, self.offsets)
        self.cross_part_sims: npt.NDArray[np.float32] | None = None
        self.cross_sims: npt.NDArray[np.float32] | None = None
        self.cross_raw: npt.NDArray[np.float32] | None = None
        self.second_part_sims: npt.NDArray[np.float32] | None = None
        self.second_sims: npt.NDArray[np.float32] | None = None
        self.embedded: npt.NDArray[np.bool_] | None = None
        self.second_pairs: frozenset[tuple[int, int]] | None = None
        if self.cross_embeddings is not None:
            raw = self.cross_embeddings @ self.cross_embeddings.T
            self.cross_raw = _reduce(raw, self.offsets)
            self.cross_sims = on_use_scale(self.cross_raw, "e5")
            self.cross_part_sims = raw
        self.idf = lemma_idf(self.feats)
        self.common = common_keys(self.feats)
        self.rare = rare_lemmas(self.feats)
        self.articles = [s.article for s in self.statements]
        alignable = np.array([is_alignable(s) for s in self.statements], dtype=bool)
        self.by_article = _by_article(self.statements, alignable)
        self.peers: dict[tuple[str, str | None], npt.NDArray[np.int64]] = {}
        for art, idx in self.by_article.items():
            for lang in {self.feats[j].language for j in idx}:
                self.peers[(art, lang)] = np.array(
                    [j for j in idx if self.feats[j].language == lang], dtype=np.int64
                )
        self._neighbours: dict[tuple[str, int, str, str | None], list[tuple[float, int]]] = {}
        self.words: Mapping[int, Sequence[WordVectors | None]] | None = None
        self.soft_pairs: frozenset[tuple[int, int]] | None = None

    def word_layer(self, i: int, j: int) -> int:
        """The encoder's layer whose word vectors align statements i and j (``word_vectors.word_layer``)."""
        return word_layer(self.feats[i].language, self.feats[j].language)

    def set_words(
        self,
        words: Mapping[int, Sequence[WordVectors | None]],
        pairs: frozenset[tuple[int, int]] | None = None,
    ) -> None:
        """The content words' vectors of the statements by layer (None where not worked out), which
        give the soft word alignment of ``pairs`` (index pairs, smaller first; None: every pair whose
        statements both have them at the pair's layer, :meth:`word_layer`) from now on."""
        self.words = words
        self.soft_pairs = pairs
        self._forget(pairs)

    def _soft(self, i: int, j: int, pa: Part, pb: Part) -> float | None:
        """The soft word alignment (F) of two parts of statements i and j, where it scores the pair."""
        if self.words is None or (
            self.soft_pairs is not None and (min(i, j), max(i, j)) not in self.soft_pairs
        ):
            return None
        at = self.words.get(self.word_layer(i, j))
        wa, wb = (None, None) if at is None else (at[i], at[j])
        if wa is None or wb is None:
            return None
        found = soft_alignment(wa.within(pa.start, pa.end), wb.within(pb.start, pb.end), self.idf)
        return None if found is None else found.f

    def set_second(
        self, embeddings: npt.NDArray[np.float32], pairs: frozenset[tuple[int, int]] | None = None
    ) -> None:
        """The second embedder's rows (following the parts; zero rows where not embedded), which
        score ``pairs`` (index pairs, smaller first; None: every pair in one language whose
        statements both have rows) from now on."""
        raw = embeddings @ embeddings.T
        self.second_part_sims = on_use_scale(raw, "e5")
        self.second_sims = on_use_scale(_reduce(raw, self.offsets), "e5")
        self.embedded = np.abs(embeddings).sum(axis=1) > 0
        self.second_pairs = pairs
        self._forget(pairs)

    def _forget(self, pairs: frozenset[tuple[int, int]] | None) -> None:
        """Score ``pairs`` (None: every pair) anew from now on; the others' scores do not change (a
        part read for some pairs only scores no other), so they are not worked out again."""
        if pairs is None:
            self.cache.clear()
            return
        for pair in pairs:
            self.cache.pop(pair, None)

    def second_statements(self, pairs: Iterable[tuple[int, int]]) -> npt.NDArray[np.bool_]:
        """The statements whose second-embedder rows score ``pairs``: their own and each one's
        :data:`SECOND_NEIGHBOURHOOD` nearest (by the main embedder) in the other's article and
        language."""
        wanted = np.zeros(len(self.statements), dtype=bool)
        for i, j in pairs:
            wanted[[i, j]] = True
            if not SECOND_OWN_NEIGHBOURS:
                continue
            for a, b in ((i, j), (j, i)):
                wanted[self._second_peers(a, b)] = True
        return wanted

    def _second_peers(self, i: int, j: int) -> npt.NDArray[np.int64]:
        """The statements of j's article in j's language nearest to i by the main embedder."""
        peers = self.peers.get((self.articles[j], self.feats[j].language), np.array([], dtype=np.int64))
        if peers.size <= SECOND_NEIGHBOURHOOD:
            return peers
        row = self.sims[i, peers]
        return peers[np.argpartition(-row, SECOND_NEIGHBOURHOOD - 1)[:SECOND_NEIGHBOURHOOD]]

    def _matrix(self, which: str) -> npt.NDArray[np.float32]:
        """Statement similarities: ``main`` (the main embedder), ``cross`` (the cross-lingual
        embedder's raw cosines) or ``second`` (the second embedder's on the USE scale)."""
        if which == "cross" and self.cross_raw is not None:
            return self.cross_raw
        if which == "second" and self.second_sims is not None:
            return self.second_sims
        return self.sims

    def _neighbourhood(self, which: str, i: int, j: int) -> float | None:
        """The mean similarity of statement i to its nearest statements among the others of j's
        article in j's language (None when there are none; i and j themselves never count)."""
        key = (which, i, self.articles[j], self.feats[j].language)
        nearest = self._neighbours.get(key)
        if nearest is None:
            sims = self._matrix(which)
            if which == "second":  # among the nearest by the main embedder (:meth:`second_statements`)
                peers = self._second_peers(i, j)
            else:
                peers = self.peers.get(key[2:], np.array([], dtype=np.int64))
            row = sims[i, peers]
            keep = min(row.size, MARGIN_NEIGHBOURS + 2)  # room for i and j themselves
            order = np.argpartition(-row, keep - 1)[:keep] if keep else np.array([], dtype=np.int64)
            nearest = sorted(((float(row[o]), int(peers[o])) for o in order), reverse=True)
            self._neighbours[key] = nearest
        values = [v for v, n in nearest if n not in (i, j)][:MARGIN_NEIGHBOURS]
        return sum(values) / len(values) if values else None

    def _around(self, i: int, j: int, which: str) -> float | None:
        around = [
            x for x in (self._neighbourhood(which, i, j), self._neighbourhood(which, j, i)) if x is not None
        ]
        return sum(around) / len(around) if around else None

    def nearest_each_other(self, i: int, j: int, cross: bool) -> bool:
        """Each statement is the other's nearest among the statements of its article in its language."""
        sims = self._matrix("cross" if cross else "main")
        for a, b in ((i, j), (j, i)):
            peers = self.peers.get((self.articles[b], self.feats[b].language))
            if peers is None:
                return False
            peers = peers[peers != a]
            if peers.size == 0 or int(peers[np.argmax(sims[a, peers])]) != b:
                return False
        return True

    def part_evidence(self, i: int, j: int) -> list[ScoreParts]:
        """The evidence of every pair of parts, whole statements first."""
        out = []
        cross_pair = not same_language(self.feats[i], self.feats[j])
        # Within one article (a restatement) the neighbourhood is the article itself: no margin.
        one_article = self.articles[i] == self.articles[j]
        around = None if one_article else self._around(i, j, "cross" if cross_pair else "main")
        nearest = not one_article and self.nearest_each_other(i, j, cross_pair)
        # The second embedder's view of a same-language pair (when both are embedded by it): its
        # cosine on the USE scale and the margin of that cosine over the neighbours.
        second_around = None
        if not cross_pair and not one_article and self._second_scores(i, j):
            second_around = self._around(i, j, "second") if SECOND_OWN_NEIGHBOURS else around
        for x, pa in enumerate(self.parts[i]):
            for y, pb in enumerate(self.parts[j]):
                a, b = int(self.offsets[i]) + x, int(self.offsets[j]) + y
                cross = None
                if self.cross_part_sims is not None and not same_language(pa.features, pb.features):
                    value = float(self.cross_part_sims[a, b])
                    cross = value if value != 0.0 else None
                second = None
                second_margin = 0.0
                if second_around is not None and self.second_part_sims is not None:
                    second = float(self.second_part_sims[a, b])
                    second_margin = max(0.0, second - second_around)
                # The margin of bitext mining (Artetxe and Schwenk 2019): how far the parts' cosine
                # stands above each statement's nearest other statements in the other article; a
                # translation stands out of its row, a topical neighbour is one of many. Only a
                # positive margin counts: a close paraphrase in shared rare words can sit low.
                cosine = cross if cross is not None else float(self.part_sims[a, b])
                margin = max(0.0, cosine - around) if around is not None else 0.0
                found = evidence(
                    float(self.part_sims[a, b]),
                    pa.features,
                    pb.features,
                    self.idf,
                    self.common,
                    cross,
                    margin,
                    nearest,
                    ((pa.start, pa.end), (pb.start, pb.end)),
                    second,
                    second_margin,
                    self.rare,
                    None if one_article else self._soft(i, j, pa, pb),
                )
                out.append(found)
        return out

    def _second_scores(self, i: int, j: int) -> bool:
        """The second embedder scores the pair (both statements have its rows)."""
        if self.embedded is None:
            return False
        if self.second_pairs is not None and (min(i, j), max(i, j)) not in self.second_pairs:
            return False
        return bool(self.embedded[int(self.offsets[i])] and self.embedded[int(self.offsets[j])])

    def __call__(self, i: int, j: int) -> ScoreParts:
        key = (i, j) if i < j else (j, i)
        if key not in self.cache:
            self.cache[key] = best_part(self.part_evidence(*key))
        return self.cache[key]


def best_part(candidates: Sequence[ScoreParts]) -> ScoreParts:
    """The best pair of parts. The whole statements are the first pair; a pair with a clause wins
    only when it scores clearly higher, so that two sentences that differ in one number are compared
    as wholes, not through their identical clause without the number."""
    best = candidates[0]
    for candidate in candidates[1:]:
        if candidate.score > best.score + PART_MARGIN:
            best = candidate
    return best


def candidate_pairs(scorer: StoryScorer) -> dict[tuple[int, str], set[int]]:
    """For each alignable statement and other article, the statements worth scoring in full: the
    nearest by either embedder and those sharing rare lemmas."""
    statements = scorer.statements
    articles = [s.article for s in statements]
    alignable = np.array([is_alignable(s) for s in statements], dtype=bool)
    rows = np.flatnonzero(alignable)
    lexical = lexical_candidates(scorer.feats, articles, alignable, scorer.idf)
    languages = len({f.language for f in scorer.feats} - {None})
    out: dict[tuple[int, str], set[int]] = {}
    for art, idx in scorer.by_article.items():
        if idx.size == 0:
            continue
        mine = rows[[articles[i] != art for i in rows]]
        for i, found in zip(mine, _nearest(scorer.sims, mine, idx), strict=True):
            if found:
                out[(int(i), art)] = found
        if scorer.cross_sims is not None:
            for (i, _lang), found in _nearest_across(scorer, mine, art).items():
                out.setdefault((i, art), set()).update(found)
        if MUTUAL_ACROSS and languages > 1:
            for i, j in _mutual_across(scorer, mine, art):
                out.setdefault((i, art), set()).add(j)
    for source in (lexical, evidence_candidates(scorer.feats, articles, alignable, scorer.common)):
        for i, partners in source.items():
            for j in partners:
                out.setdefault((i, articles[j]), set()).add(j)
    return out


def _nearest(
    sims: npt.NDArray[np.float32], rows: npt.NDArray[np.int64], idx: npt.NDArray[np.int64]
) -> list[set[int]]:
    """For each row, the few columns of ``idx`` most similar to it that reach MIN_COSINE."""
    if rows.size == 0:
        return []
    sub = sims[np.ix_(rows, idx)]
    k = min(CANDIDATES_PER_ARTICLE, idx.size)
    top = np.argpartition(-sub, k - 1, axis=1)[:, :k]
    return [{int(idx[c]) for c in top[r] if sub[r, c] >= MIN_COSINE} for r in range(rows.size)]


def _nearest_across(
    scorer: StoryScorer, rows: npt.NDArray[np.int64], art: str
) -> dict[tuple[int, str | None], set[int]]:
    """The nearest statements of ``art`` by the cross-lingual embedder, among those in another
    language than each row's."""
    assert scorer.cross_sims is not None
    out: dict[tuple[int, str | None], set[int]] = {}
    for (peer_art, lang), idx in scorer.peers.items():
        if peer_art != art:
            continue
        other = rows[[not same_language(scorer.feats[i], scorer.feats[idx[0]]) for i in rows]]
        for i, found in zip(other, _nearest(scorer.cross_sims, other, idx), strict=True):
            if found:
                out.setdefault((int(i), lang), set()).update(found)
    return out


# Across languages a statement and its nearest statement in another article are a candidate whatever
# their cosine when each is the other's nearest (bitext mining's mutual nearest neighbours): a
# translation's cosine can sit under MIN_COSINE while it still stands out of its row.
MUTUAL_ACROSS = True


def _mutual_across(scorer: StoryScorer, rows: npt.NDArray[np.int64], art: str) -> list[tuple[int, int]]:
    """The pairs of a row and a statement of ``art`` in another language than the row's that are each
    other's nearest (:meth:`StoryScorer.nearest_each_other`)."""
    out = []
    sims = scorer._matrix("cross")
    for (peer_art, _lang), idx in scorer.peers.items():
        if peer_art != art:
            continue
        other = rows[[not same_language(scorer.feats[i], scorer.feats[idx[0]]) for i in rows]]
        if other.size == 0:
            continue
        for i, j in zip(other, idx[np.argmax(sims[np.ix_(other, idx)], axis=1)], strict=True):
            if scorer.nearest_each_other(int(i), int(j), True):
                out.append((int(i), int(j)))
    return out


def _by_article(
    statements: Sequence[Statement], alignable: npt.NDArray[np.bool_]
) -> dict[str, npt.NDArray[np.int64]]:
    articles = [s.article for s in statements]
    return {
        art: np.array(
            [i for i in range(len(statements)) if articles[i] == art and alignable[i]], dtype=np.int64
        )
        for art in dict.fromkeys(articles)
    }


def align_statements(
    statements: Sequence[Statement],
    parts: Sequence[Sequence[Part]],
    part_embeddings: npt.NDArray[np.float32],
    *,
    threshold: float,
    embedder: str = DEFAULT_EMBEDDER,
    cross_embeddings: npt.NDArray[np.float32] | None = None,
    second: Callable[[npt.NDArray[np.bool_]], npt.NDArray[np.float32] | None] | None = None,
    second_languages: frozenset[str] | None = None,
    words: Callable[[npt.NDArray[np.bool_], int], Sequence[WordVectors | None]] | None = None,
) -> Alignment:
    """Links between statements of different articles whose link probability reaches ``threshold``.

    Candidates come from the embedding similarity matrices (top few per statement and article) and
    from shared rare lemmas, so the full score is computed for few pairs even in a story of many
    articles. A pair scores as its best pair of parts (whole statements or clauses); the parts that
    matched are kept, so conflicts are looked for only where the statements say the same thing.

    ``second`` gives the second embedder's rows (following the parts, zero rows elsewhere) of the
    statements it is asked for; it is asked once, for the candidate pairs in one language whose
    probability by the main embedder falls in :data:`SECOND_BAND` (and whose language is one of
    ``second_languages``, when given), which it then scores.

    ``words`` gives the content words' vectors of the statements it is asked for (None for the
    others) at the encoder's layer it is asked for; it is asked once per layer, after the second
    embedder, for the statements of the candidate pairs whose probability falls in :data:`SOFT_BAND`
    (each pair's layer: :meth:`StoryScorer.word_layer`), whose soft word alignment the link model then
    reads.
    """
    n = len(statements)
    if n == 0:
        return Alignment((), {})
    score = StoryScorer(statements, parts, part_embeddings, embedder, cross_embeddings)
    articles = [s.article for s in statements]
    best_in: dict[tuple[int, str], int] = {}
    best: dict[tuple[int, str], float] = {}
    best_plain: dict[tuple[int, str], float] = {}
    chosen: set[tuple[int, int]] = set()
    found_candidates = candidate_pairs(score)
    if second is not None:
        uncertain = uncertain_pairs(score, found_candidates, second_languages)
        if uncertain:
            rows = second(score.second_statements(uncertain))
            if rows is not None:
                score.set_second(rows, uncertain)
    if words is not None:
        unsure = uncertain_pairs(score, found_candidates, band=SOFT_BAND, across=True)
        if unsure:
            wanted: dict[int, npt.NDArray[np.bool_]] = {}
            for i, j in sorted(unsure):
                wanted.setdefault(score.word_layer(i, j), np.zeros(n, dtype=bool))[[i, j]] = True
            score.set_words({layer: words(mask, layer) for layer, mask in sorted(wanted.items())}, unsure)
    for (i, art), candidates in found_candidates.items():
        ranked = sorted(candidates, key=lambda j: (-score(i, j).score, j))
        best_in[(i, art)] = ranked[0]
        best[(i, art)] = score(i, ranked[0]).score
        best_plain[(i, art)] = max(probability_without_soft(score(i, j)) for j in candidates)
        for j in ranked[:MAX_PARTNERS_PER_ARTICLE]:
            if score(i, j).score >= threshold:
                chosen.add((min(i, j), max(i, j)))

    def mutual(i: int, j: int) -> bool:
        return best_in.get((i, articles[j])) == j and best_in.get((j, articles[i])) == i

    # Links name their statements in sorted order, so that A-vs-B and B-vs-A give the same links.
    links: list[Link] = []
    matched: dict[tuple[str, str], ScoreParts] = {}
    for i, j in chosen:
        a, b = sorted((statements[i].id, statements[j].id))
        found = replace(score(i, j), mutual=mutual(i, j))
        if a != statements[i].id:
            found = replace(found, span_a=found.span_b, span_b=found.span_a)
        links.append(Link(a, b, found.score, link_reasons(found)))
        matched[(a, b)] = found
    links.sort(key=lambda k: (k.a, k.b))
    return Alignment(
        tuple(links),
        matched,
        lambda i, j: score(i, j).score,
        score,
        restatements_of(score),
        best,
        best_plain,
    )


def uncertain_pairs(
    score: StoryScorer,
    candidates: dict[tuple[int, str], set[int]],
    languages: frozenset[str] | None = None,
    *,
    band: tuple[float, float] | None = None,
    across: bool = False,
) -> frozenset[tuple[int, int]]:
    """Candidate pairs in one language (``across``: in any) whose probability by the link model as
    the scorer stands falls in ``band`` (default :data:`SECOND_BAND`; index pairs, smaller first); with
    ``languages``, only pairs whose two statements are both in one of them."""
    low, high = SECOND_BAND if band is None else band
    out = set()
    for (i, _art), found in candidates.items():
        if languages is not None and score.feats[i].language not in languages:
            continue
        for j in found:
            pair = (min(i, j), max(i, j))
            if pair in out or not (across or same_language(score.feats[i], score.feats[j])):
                continue
            if languages is not None and score.feats[j].language not in languages:
                continue
            if low <= score(i, j).score < high:
                out.add(pair)
    return frozenset(out)


def restatements_of(score: StoryScorer) -> tuple[tuple[str, str], ...]:
    """Pairs of statement ids of one article that restate each other (a lead repeated in the body):
    those the link model scores as one fact, and those that stand out of their article together
    (:func:`blickwinkel.compare.restatements.stand_out_together`)."""
    statements = score.statements
    restated = []
    for idx in score.by_article.values():
        for i in idx:
            row = score.sims[i, idx]
            for j in idx[np.argsort(-row)[:RESTATEMENT_CANDIDATES]]:
                if (
                    i < j
                    and score.sims[i, j] >= MIN_COSINE
                    and (
                        score(int(i), int(j)).score >= RESTATEMENT_MIN_SCORE
                        or stand_out_together(
                            score.sims, idx, int(i), int(j), (score.feats[i].values, score.feats[j].values)
                        )
                    )
                ):
                    restated.append((statements[i].id, statements[j].id))
    return tuple(restated)


# Lemmas in more than this share of a story's statements are too common to propose candidates.
LEXICAL_MAX_DF_SHARE = 0.1
LEXICAL_CANDIDATES = 4


def _lemma_counts(feats: Sequence[StatementFeatures]) -> dict[str, int]:
    """In how many statements of the story each lemma (and concept) stands."""
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for w in f.lemmas | f.concepts:  # the concepts weigh the shared words across languages
            df[w] += 1
    return df


def lemma_idf(feats: Sequence[StatementFeatures]) -> dict[str, float]:
    """Inverse statement frequency of every lemma in the story: rare words weigh more."""
    df = _lemma_counts(feats)
    n = max(1, len(feats))
    return {w: math.log((n + 1) / (c + 0.5)) for w, c in df.items()}


def rare_lemmas(feats: Sequence[StatementFeatures]) -> frozenset[str]:
    """The lemmas (and concepts) rare in the story: in at most ``LEXICAL_MAX_DF_SHARE`` of its
    statements (and at most two when the story is small), as those that propose candidates."""
    limit = max(2, int(LEXICAL_MAX_DF_SHARE * len(feats)))
    return frozenset(w for w, c in _lemma_counts(feats).items() if c <= limit)


# A name in more than this share of a story's statements is the story's subject, not evidence.
COMMON_KEY_SHARE = 0.2


def common_keys(feats: Sequence[StatementFeatures]) -> frozenset[str]:
    df: dict[str, int] = defaultdict(int)
    for f in feats:
        for k in f.keys:
            df[k] += 1
    limit = max(2, COMMON_KEY_SHARE * len(feats))
    return frozenset(k for k, c in df.items() if c > limit)


# Shared concepts (compare/news_words.py) propose candidates across languages as shared rare lemmas
# do in one language.
CROSS_LEXICAL_CANDIDATES = True


def _concepts_only(f: StatementFeatures) -> frozenset[str]:
    """The concepts of a statement that are not its own lemmas (named "~<english word>")."""
    return frozenset(c for c in f.concepts if c.startswith("~"))


def lexical_candidates(
    feats: Sequence[StatementFeatures],
    articles: Sequence[str],
    alignable: npt.NDArray[np.bool_],
    idf: dict[str, float],
) -> dict[int, list[int]]:
    """Statements sharing rare lemmas, found through an inverted index: the embedding can miss a close
    paraphrase that shares its key words ("Vorbedingung fallen gelassen")."""
    max_df = max(2, int(LEXICAL_MAX_DF_SHARE * len(feats)))
    postings: dict[str, list[int]] = defaultdict(list)
    for i, f in enumerate(feats):
        if alignable[i]:
            for w in f.lemmas | _concepts_only(f):
                postings[w].append(i)
    out: dict[int, list[int]] = {}
    for i, f in enumerate(feats):
        if not alignable[i]:
            continue
        weight: dict[int, float] = defaultdict(float)
        for w in f.lemmas:
            hits = postings.get(w, [])
            if len(hits) > max_df:
                continue
            for j in hits:
                if articles[j] != articles[i]:
                    weight[j] += idf.get(w, 1.0)
        if CROSS_LEXICAL_CANDIDATES:
            # Across languages the shared concepts propose candidates ("Gericht" and "court").
            for w in _concepts_only(f):
                hits = postings.get(w, [])
                if len(hits) > max_df:
                    continue
                for j in hits:
                    if articles[j] != articles[i] and not same_language(f, feats[j]):
                        weight[j] += idf.get(w, 1.0)
        if weight:
            out[i] = sorted(weight, key=lambda j: (-weight[j], j))[:LEXICAL_CANDIDATES]
    return out


# Across languages a true pair can sit under MIN_COSINE and share no concept, yet share evidence that
# survives translation: the same rare name (entity key), the same uncommon figure, the same counted
# figure with its unit, the same full date. Such pairs become candidates whatever their cosine, at most
# this many per statement and other article (the rarest evidence first); the link model decides.
EVIDENCE_CANDIDATES = 2
# Evidence proposes candidates while it stands in at most this many statements (or LEXICAL_MAX_DF_SHARE
# of the story's, when more): one fact in two articles and restated once. Chosen on the licence-clean
# training files' cross-language pairs (docs/data-sources.md).
EVIDENCE_MAX_DF = 3


def _evidence(f: StatementFeatures, common: frozenset[str]) -> set[str]:
    """What a statement states that reads alike in any language: its names not common in the story,
    its figures above SMALL_NUMBER, each counted figure with its unit's key, its full dates."""
    found = {"name " + k for k in f.keys - common}
    found |= {f"figure {v:g}" for v in f.values if v > SMALL_NUMBER}
    found |= {f"counted {q.value:g} {unit_key(q.unit)}" for q in f.quantities}
    found |= {"date " + d for d in f.dates}
    return found


def _converted_measures(
    feats: Sequence[StatementFeatures], articles: Sequence[str], alignable: npt.NDArray[np.bool_]
) -> dict[int, set[int]]:
    """Pairs of statements of two articles in two languages that give one measure in two units of one
    dimension ("4,2 Kilometer", "2.6 miles"; :func:`~blickwinkel.compare.agreement.quantities_agree`
    converts them): a writer converts a measure for readers of another language, so it reads alike
    only once converted."""
    measures = [
        (i, q)
        for i, f in enumerate(feats)
        if alignable[i]
        for q in f.quantities
        if unit_key(q.unit) in CONVERTIBLE_UNITS
    ]
    out: dict[int, set[int]] = defaultdict(set)
    for (i, a), (j, b) in combinations(measures, 2):
        if articles[i] == articles[j] or same_language(feats[i], feats[j]):
            continue
        if unit_key(a.unit) != unit_key(b.unit) and quantities_agree(a, b):
            out[i].add(j)
            out[j].add(i)
    return out


def evidence_candidates(
    feats: Sequence[StatementFeatures],
    articles: Sequence[str],
    alignable: npt.NDArray[np.bool_],
    common: frozenset[str],
) -> dict[int, list[int]]:
    """For each statement, the statements of other articles in another language that share rare
    evidence with it (:func:`_evidence`; in at most ``LEXICAL_MAX_DF_SHARE`` of the story's statements,
    and at most two in a small story), up to :data:`EVIDENCE_CANDIDATES` per other article, those
    sharing the rarest evidence first."""
    if len({f.language for f in feats} - {None}) < 2:
        return {}  # one language: the cosine and the shared lemmas propose every candidate
    max_df = max(EVIDENCE_MAX_DF, int(LEXICAL_MAX_DF_SHARE * len(feats)))
    held = [_evidence(f, common) if alignable[i] else set() for i, f in enumerate(feats)]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, found in enumerate(held):
        for token in found:
            postings[token].append(i)
    n = max(1, len(feats))
    converted = _converted_measures(feats, articles, alignable)
    out: dict[int, list[int]] = {}
    for i, found in enumerate(held):
        weight: dict[int, float] = defaultdict(float)
        for j in converted.get(i, ()):
            # One measure in two units stands in two statements only: as rare as evidence comes.
            weight[j] += math.log((n + 1) / 2.5)
        for token in found:
            hits = postings[token]
            if len(hits) > max_df:
                continue
            for j in hits:
                if articles[j] != articles[i] and not same_language(feats[i], feats[j]):
                    weight[j] += math.log((n + 1) / (len(hits) + 0.5))
        per_article: dict[str, list[int]] = defaultdict(list)
        for j in sorted(weight, key=lambda j: (-weight[j], j)):
            if len(per_article[articles[j]]) < EVIDENCE_CANDIDATES:
                per_article[articles[j]].append(j)
        if per_article:
            out[i] = [j for partners in per_article.values() for j in partners]
    return out
