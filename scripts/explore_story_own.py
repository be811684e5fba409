"""Story clustering on our own invented stories (examples/train-stories), B-cubed, and variants of the join.

Usage::

    python scripts/explore_story_own.py [--cache /tmp/own-docs.pickle] [--only NAME ...]
                                        [--wikinews FILE.json --wikinews-cache /tmp/wn.pickle]

Our own 105 invented stories (314 articles in German and English, some of one event in both; each
folder of ``examples/train-stories`` is one event) are the data the clusterer's new numbers may be
chosen on: they are our writing, while WikiNews dev has spent its five chosen numbers
(docs/data-sources.md). The articles carry no dates, so all of them fall in one time window: every
story competes with every other, harder than a stream of days for unrelated events, and no
sub-event of one ongoing story is among them.

Rows (each prints B-cubed precision, recall and F1 and the number of stories):

- ``shipped``: the shipped clusterer (join probability, drift guard and its override), then each join
  probability of ``evaluate.JOIN_GRID`` with the guard.
- ``verify``: issue 12's two-stage join: a candidate story (found as now: the search vector's
  neighbours in the window, the rare-word linkage) is verified by the fitted same-story score — the
  mean pair probability of the article with the story's recent members (``score.pair_probability``,
  fitted on SemEval pairs) must reach ``verify`` as well.
- ``rescue``: the other way round: a story also takes an article whose rare-word linkage falls short
  when the mean pair probability reaches ``rescue`` (and the drift guard holds).
- ``override``: the drift guard gives way when the rare-word linkage (the shipped
  ``DRIFT_OVERRIDE_LINK``, chosen here in the seventeenth session) or the mean pair probability alone
  reaches a level: a strong tie to the story lets it move; ``no override`` is the guard as the
  fifteenth session shipped it.
- ``overrideverify``: the shipped override only where the mean pair probability reaches a level too.
- ``ramp``: instead of the override's step, the drift a story allows grows with the link (the guard's
  drift plus a slope times the link above the join probability).
- ``merge``: issue 12's merge of stories whose centroids and name keys agree, after each article.
- ``mix``: the link reads a share of the pair probability beside the rare words.
- ``reassign``: issue 12's order-independent refinement, a second pass after the stream that moves
  each article to the story it is best tied to once all are placed (``Reassigned``), by the margin its
  linkage there must beat its own story's by; ``reassign alone`` moves only articles left alone,
  ``reassign once`` makes one pass.

With ``--semeval FILE`` (the SemEval-2022 pairs, whose licence allows fitting), only a check of the
override on real coverage: per band of the rare-word link, the share of the same-language pairs the
guard keeps apart that the annotators held for one story (``semeval_check``).

With ``--wikinews``, every row's choice made on our stories (fixed) is reported once on WikiNews dev
with the join probability chosen per event fold, as ``blickwinkel eval stories --cross-validate`` does
(``explore_story_ideas.cross_validated``): the report, never the choice.
"""

from __future__ import annotations

import argparse
import dataclasses
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explore_story_clusters import load_docs
from explore_story_ideas import Streaming, cross_validated

from blickwinkel.embed import get_embedder
from blickwinkel.groups import Groups
from blickwinkel.ingest import read_inputs
from blickwinkel.model import Article
from blickwinkel.stories.cluster import (
    DRIFT_OVERRIDE_LINK,
    JOIN_PROBABILITY,
    LINKAGE_MEMBERS,
    MAX_CENTROID_DRIFT,
    MIN_COSINE,
    NO_DRIFT_OVERRIDE,
    LinkWeights,
    StoryClusterer,
    centroid_drift,
    link,
)
from blickwinkel.stories.evaluate import JOIN_GRID, pair_article, parse_similarity_pairs
from blickwinkel.stories.features import StoryDoc, story_docs, unique_in_order
from blickwinkel.stories.lexical import DocumentFrequencies, lexical_cosine
from blickwinkel.stories.metrics import clustering_scores
from blickwinkel.stories.score import jaccard, pair_probability

OWN_STORIES = Path(__file__).resolve().parent.parent / "examples" / "train-stories"


def own_articles(root: Path = OWN_STORIES) -> tuple[list[Article], dict[str, str]]:
    """Every article of every story folder, its id prefixed with the folder (the gold event)."""
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        read = read_inputs(sorted(str(f) for f in folder.iterdir() if f.is_file()), max_bytes=50_000_000)
        for failure in read.failures:
            print(f"skipped: {failure}", file=sys.stderr)
        for article in read.articles:
            named = dataclasses.replace(article, id=f"{folder.name}/{article.id}")
            articles.append(named)
            gold[named.id] = folder.name
    return articles, gold


def own_docs(cache: Path | None) -> tuple[dict[str, str], list[StoryDoc]]:
    if cache is not None and cache.exists():
        loaded: tuple[dict[str, str], list[StoryDoc]] = pickle.loads(cache.read_bytes())
        return loaded
    articles, gold = own_articles()
    docs = story_docs(articles, get_embedder("use"))
    if cache is not None:
        cache.write_bytes(pickle.dumps((gold, docs)))
    return gold, docs


class Verified(StoryClusterer):
    """A story takes an article only when the mean pair probability with its recent members reaches
    ``verify`` too (0: no check); or, with ``rescue`` below 1, also when that mean alone reaches it."""

    def __init__(self, verify: float = 0.0, rescue: float = 1.01, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.verify = verify
        self.rescue = rescue

    def _probability(self, doc: StoryDoc, root: int) -> float:
        members = self._recent_members(root)
        if not members:
            return 0.0
        return sum(pair_probability(doc, self._docs[k]) for k in members) / len(members)

    def _linkage(self, doc: StoryDoc, root: int) -> float:
        value = super()._linkage(doc, root)
        if self.verify <= 0.0 and self.rescue > 1.0:
            return value
        probability = self._probability(doc, root)
        if value >= self.join_probability and probability < self.verify:
            return 0.0
        if value < self.join_probability and probability >= self.rescue:
            return self.join_probability
        return value


class ProbabilityOverride(Verified):
    """The drift guard also gives way when the article's mean pair probability with the story's recent
    members reaches ``by_probability`` (the shipped guard gives way at a rare-word linkage of
    ``drift_override``)."""

    def __init__(self, by_probability: float = 1.01, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.by_probability = by_probability

    def _within_drift(self, doc: StoryDoc, root: int, linkage: float) -> bool:
        if super()._within_drift(doc, root, linkage):
            return True
        return self.by_probability <= 1.0 and self._probability(doc, root) >= self.by_probability


class VerifiedOverride(Verified):
    """The override as shipped, and only where the mean pair probability with the story's recent
    members reaches ``override_verify`` too (else the guard holds)."""

    def __init__(self, override_verify: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.override_verify = override_verify

    def _within_drift(self, doc: StoryDoc, root: int, linkage: float) -> bool:
        members = [self._docs[k] for k in self._recent_members(root)]
        if centroid_drift(members, doc) <= self.max_drift:
            return True
        if not super()._within_drift(doc, root, linkage):
            return False
        return self._probability(doc, root) >= self.override_verify


class Ramped(StoryClusterer):
    """The drift a story allows grows with the article's link: ``max_drift`` + ``slope`` × (linkage −
    join probability), for an article of an outlet the story holds no page of (with
    ``drift_override`` at NO_DRIFT_OVERRIDE: the ramp alone)."""

    def __init__(self, slope: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.slope = slope

    def _within_drift(self, doc: StoryDoc, root: int, linkage: float) -> bool:
        if super()._within_drift(doc, root, linkage):
            return True
        members = [self._docs[k] for k in self._recent_members(root)]
        if any(doc.outlet is not None and m.outlet == doc.outlet for m in members):
            return False
        allowed = self.max_drift + self.slope * max(0.0, linkage - self.join_probability)
        return centroid_drift(members, doc) <= allowed


class Merging(StoryClusterer):
    """Issue 12's merge of stories whose centroids and key entities agree: after an article is placed,
    its story merges with each candidate story of the article whose centroid (the normalised mean of
    its recent members' search vectors) has a cosine of at least ``cos`` with its own and whose name
    keys (those of its recent members together) overlap its own by a Jaccard of at least ``keys``."""

    def __init__(self, cos: float = 2.0, keys: float = 2.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.min_cosine = cos
        self.min_keys = keys

    def _centroid(self, root: int) -> Any:
        total = np.sum([self._docs[k].vector for k in self._recent_members(root)], axis=0)
        norm = float(np.linalg.norm(total))
        return total / norm if norm else total

    def _keys(self, root: int) -> frozenset[str]:
        return frozenset(key for k in self._recent_members(root) for key in self._docs[k].entities)

    def add(self, doc: StoryDoc) -> str:
        story = super().add(doc)
        key = self._key_of[doc.id]
        if self.min_cosine > 1.0 or key not in self._docs:
            return story
        for other in self._candidate_stories(self._neighbours(doc)):
            mine, theirs = self._groups.find(key), self._groups.find(other)
            if mine == theirs:
                continue
            close = float(self._centroid(mine) @ self._centroid(theirs)) >= self.min_cosine
            if close and jaccard(self._keys(mine), self._keys(theirs)) >= self.min_keys:
                self._groups.union(mine, theirs)
        return self._ids[self._groups.find(key)]


# Links of the second pass by set of articles and link weights (see Reassigned._reassign).
REASSIGN_LINKS: dict[tuple[int, LinkWeights], dict[tuple[str, str], float]] = {}


class Reassigned(StoryClusterer):
    """A second pass after the stream (issue 12's refinement): each article, in processing order, moves
    to the story it is best tied to once all articles are placed — the candidate stories those of its
    ``NEIGHBOURS`` nearest articles by search vector within the window (any day for undated ones), its
    linkage with a story the mean link with the story's members within the window (itself left out),
    the document frequencies those of all articles — when that linkage reaches the join probability,
    beats its linkage with its own story by more than ``margin``, and the drift guard (with its
    override) lets the story take it. Up to ``passes`` passes, until no article moves. Each move is
    decided on the stories as they stand (Gauss–Seidel), so an article left alone may follow a later
    one that the stream could not give it; the order is the processing order, so the result still does
    not depend on the input order. With ``singles``, only articles alone in their story move."""

    def __init__(self, margin: float = 2.0, passes: int = 3, singles: bool = False, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.margin = margin
        self.passes = passes
        self.singles = singles
        self._every: dict[int, StoryDoc] = {}

    def _insert(self, doc: StoryDoc) -> int:
        key = super()._insert(doc)
        self._every[key] = doc
        return key

    def stories(self) -> list[Any]:
        if self.margin <= 1.0:
            self._reassign()
        return super().stories()

    def _reassign(self) -> None:
        keys = sorted(self._every, key=lambda k: self._every[k].order_key)
        frequencies = DocumentFrequencies()
        for k in keys:
            frequencies.add(self._every[k].terms)
        # the links of one set of articles (their frequencies), shared by runs with other thresholds
        articles = hash(tuple(sorted(d.id for d in self._every.values())))
        links = REASSIGN_LINKS.setdefault((articles, self.weights), {})

        def tie(a: int, b: int) -> float:
            first, second = sorted((self._every[a].id, self._every[b].id))
            value = links.get((first, second))
            if value is None:
                value = link(self._every[a], self._every[b], frequencies.idf, self.weights)
                links[(first, second)] = value
            return value

        def near(a: int, b: int) -> bool:
            da, db = self._every[a].published, self._every[b].published
            return da is None or db is None or abs((da - db).days) <= self.window_days

        matrix = np.stack([self._every[k].vector for k in keys])
        # each article's story as a label (the key of the story's first article as the stream left it)
        story = {k: self._groups.find(k) for k in keys}
        for _ in range(self.passes):
            moved = 0
            for row, a in enumerate(keys):
                cosines = matrix @ matrix[row]
                nearest = [
                    keys[i]
                    for i in np.argsort(-cosines, kind="stable")
                    if i != row and near(a, keys[i]) and cosines[i] >= MIN_COSINE
                ][: self.neighbours]
                members: dict[int, list[int]] = {}
                for b in keys:
                    if b != a and near(a, b):
                        members.setdefault(story[b], []).append(b)
                own = members.get(story[a], [])[-LINKAGE_MEMBERS:]
                if self.singles and own:
                    continue
                own_linkage = sum(tie(a, b) for b in own) / len(own) if own else 0.0
                best, best_label = -1.0, -1
                for label in sorted({story[b] for b in nearest} - {story[a]}):
                    recent = members[label][-LINKAGE_MEMBERS:]
                    value = sum(tie(a, b) for b in recent) / len(recent)
                    if value > best:
                        best, best_label = value, label
                if best < self.join_probability or best <= own_linkage + self.margin:
                    continue
                recent_docs = [self._every[b] for b in members[best_label][-LINKAGE_MEMBERS:]]
                outlet = self._every[a].outlet
                override = best >= self.drift_override and not any(
                    outlet is not None and d.outlet == outlet for d in recent_docs
                )
                drift = centroid_drift(recent_docs, self._every[a])
                if self.max_drift < 2.0 and not override and drift > self.max_drift:
                    continue
                story[a] = best_label
                moved += 1
            if not moved:
                break
        # Rebuild the groups from the labels (each story's root its first article, as Groups keeps it).
        fresh: Groups[int] = Groups(range(len(self._ids)), first=int)
        by_label: dict[int, list[int]] = {}
        for k in keys:
            by_label.setdefault(story[k], []).append(k)
        for group in by_label.values():
            for k in group[1:]:
                fresh.union(group[0], k)
        self._groups = fresh


Row = tuple[str, type[StoryClusterer], dict[str, Any]]


def rows_of(name: str) -> list[Row]:
    if name == "shipped":
        return [("shipped", StoryClusterer, {})] + [
            (f"join {p}", StoryClusterer, {"join_probability": p}) for p in JOIN_GRID
        ]
    if name == "verify":
        return [(f"verify {v}", Verified, {"verify": v}) for v in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)]
    if name == "rescue":
        return [(f"rescue {r}", Verified, {"rescue": r}) for r in (0.5, 0.6, 0.7, 0.8, 0.9)]
    if name == "override":
        never = {"drift_override": NO_DRIFT_OVERRIDE}
        return (
            [("no override", StoryClusterer, never)]
            + [
                (f"override p {q}", ProbabilityOverride, {"by_probability": q, **never})
                for q in (0.5, 0.6, 0.7, 0.8, 0.9)
            ]
            + [
                (f"override link {q}", StoryClusterer, {"drift_override": q})
                for q in (0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8)
            ]
        )
    if name == "overrideverify":
        return [
            (f"override verify {q}", VerifiedOverride, {"override_verify": q})
            for q in (0.1, 0.2, 0.3, 0.4, 0.5)
        ]
    if name == "ramp":
        never = {"drift_override": NO_DRIFT_OVERRIDE}
        return [(f"ramp {k}", Ramped, {"slope": k, **never}) for k in (0.1, 0.2, 0.3, 0.5)]
    if name == "merge":
        return [
            (f"merge {c} {k}", Merging, {"cos": c, "keys": k})
            for c in (0.6, 0.7, 0.8, 0.9)
            for k in (0.1, 0.2, 0.3, 0.4)
        ]
    if name == "mix":
        return [
            (f"mix {w}", StoryClusterer, {"weights": LinkWeights(0.0, 1.0 - w)}) for w in (0.25, 0.5, 0.75)
        ]
    if name == "reassign":
        rows: list[Row] = [(f"reassign {m}", Reassigned, {"margin": m}) for m in (0.0, 0.02, 0.05, 0.1, 0.2)]
        rows.append(("reassign alone", Reassigned, {"margin": 0.0, "singles": True}))
        rows.append(("reassign once", Reassigned, {"margin": 0.0, "passes": 1}))
        return rows
    raise SystemExit(f"unknown row {name!r}")


def own_scores(
    docs: Sequence[StoryDoc], gold: dict[str, str], kind: type[StoryClusterer], params: dict[str, Any]
) -> str:
    clusterer = kind(**params)
    for doc in unique_in_order(docs):
        clusterer.add(doc)
    clusters = [list(s.articles) for s in clusterer.stories()]
    s = clustering_scores(clusters, gold)
    return (
        f"B-cubed P {s.bcubed_precision:.3f} R {s.bcubed_recall:.3f} F1 {s.bcubed_f1:.3f}, "
        f"{len(clusters)} stories"
    )


# Bands of the rare-word link in the SemEval check (``--semeval``).
LINK_BANDS = ((0.275, 0.35), (0.35, 0.4), (0.4, 0.5), (0.5, 0.6), (0.6, 0.8), (0.8, 1.01))


def semeval_check(path: Path, cache: Path | None) -> None:
    """Real coverage the licence lets us fit on: each same-language SemEval-2022 pair as two articles
    alone, their rare-word link (document frequencies over all the file's texts, as the clusterer
    counts them over its window) and how far one moves the other's centroid; per band of the link,
    among the pairs the drift guard would keep apart (drift above ``MAX_CENTROID_DRIFT``), the share the
    annotators held for one story (``overall`` ≤ 2): what the override's joins are on real news."""
    pairs = parse_similarity_pairs(path.read_text(encoding="utf-8"), str(path))
    if cache is not None and cache.exists():
        docs: list[StoryDoc] = pickle.loads(cache.read_bytes())
    else:
        articles = [
            a
            for p in pairs
            for a in (
                pair_article(p.pair_id, "1", p.text1, p.lang1),
                pair_article(p.pair_id, "2", p.text2, p.lang2),
            )
        ]
        docs = story_docs(articles, get_embedder("use"))
        if cache is not None:
            cache.write_bytes(pickle.dumps(docs))
    frequencies = DocumentFrequencies()
    for doc in docs:
        frequencies.add(doc.terms)
    rows = []
    for n, pair in enumerate(pairs):
        a, b = docs[2 * n], docs[2 * n + 1]
        if pair.lang1 == pair.lang2:
            link = min(1.0, 2.0 * lexical_cosine(a.terms, b.terms, frequencies.idf))
            rows.append((pair.lang1, link, centroid_drift([a], b), pair.overall))
    print(f"SemEval same-language pairs: {len(rows)}")
    joined = [r for r in rows if r[1] >= JOIN_PROBABILITY and r[2] <= MAX_CENTROID_DRIFT]
    print(
        f"  joined with or without the override (link >= {JOIN_PROBABILITY}, drift <= {MAX_CENTROID_DRIFT}): "
        f"{len(joined)} pairs, one story {sum(1 for r in joined if r[3] <= 2.0)}"
    )
    print(f"  kept apart by the guard without the override (drift > {MAX_CENTROID_DRIFT}), by link:")
    for low, high in LINK_BANDS:
        band = [r for r in rows if low <= r[1] < high and r[2] > MAX_CENTROID_DRIFT]
        same = sum(1 for r in band if r[3] <= 2.0)
        share = f"{same / len(band):.2f}" if band else "-"
        german = [r for r in band if r[0] == "de"]
        english = [r for r in band if r[0] == "en"]
        print(
            f"    link [{low}, {high}): {len(band)} pairs, one story {same} ({share}); "
            f"de {sum(1 for r in german if r[3] <= 2.0)} of {len(german)}, "
            f"en {sum(1 for r in english if r[3] <= 2.0)} of {len(english)}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cache", type=Path, help="keep our stories' features here (pickle)")
    parser.add_argument(
        "--only",
        nargs="*",
        default=["shipped", "override", "verify", "rescue", "overrideverify", "ramp", "merge", "mix"],
    )
    parser.add_argument("--labels", nargs="*", help="only these rows (as printed, e.g. 'override p 0.5')")
    parser.add_argument("--wikinews", type=Path, help="also report each row on this event file (CV)")
    parser.add_argument("--wikinews-cache", type=Path, help="keep the WikiNews features here (pickle)")
    parser.add_argument("--semeval", type=Path, help="only the check on these SemEval-2022 pairs")
    parser.add_argument("--semeval-cache", type=Path, help="keep the SemEval features here (pickle)")
    args = parser.parse_args()
    if args.semeval is not None:
        semeval_check(args.semeval, args.semeval_cache)
        return 0
    gold, docs = own_docs(args.cache)
    print(f"our stories: {len(docs)} articles, {len(set(gold.values()))} events", flush=True)
    wikinews: tuple[dict[str, str], list[StoryDoc]] | None = None
    if args.wikinews is not None:
        _, wn_gold, wn_docs = load_docs(args.wikinews, "use", args.wikinews_cache)
        wikinews = (wn_gold, wn_docs)
    for name in args.only:
        for label, kind, params in rows_of(name):
            if args.labels and label not in args.labels:
                continue
            line = f"{label:24s} own {own_scores(docs, gold, kind, params)}"
            if wikinews is not None and "join_probability" not in params:
                thresholds = [{"join_probability": p, **params} for p in JOIN_GRID]
                f1, precision, recall, chosen = cross_validated(
                    Streaming(wikinews[1], kind), thresholds, wikinews[0]
                )
                picked = ", ".join(str(c["join_probability"]) for c in chosen)
                line += f"; WikiNews CV F1 {f1:.3f} (P {precision:.3f}, R {recall:.3f}; {picked})"
            print(line, flush=True)
    print(f"(shipped: join probability {JOIN_PROBABILITY}, drift override {DRIFT_OVERRIDE_LINK})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
