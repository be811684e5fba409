"""Ideas for a per-event threshold in story clustering, each with an event-fold cross-validated B-cubed F1.

Usage::

    python scripts/explore_story_ideas.py [FILE.json] [--cache /tmp/docs.pickle] [--only NAME ...]

The ninth session's table for issue 12 (WikiNews dev events, 'use' vectors). Every row uses the
same 5 event folds as ``blickwinkel eval stories --cross-validate`` (sorted events dealt
round-robin); what a row lists in its grid (the join threshold, a second threshold) is chosen on the
other four folds' events, every article is clustered with the choice, and the fold's test articles
are scored. Rows:

- ``shipped``: the shipped clusterer, threshold per fold (the gate's figure).
- ``weights``: the link's shares (name keys, rare words) chosen per fold too, from rare words alone
  and the earlier grid (the honest figure for the eighth session's choice of "rare words alone").
- ``nested``: the shares chosen per fold by an inner 4-fold cross-validation on the training events
  (how the eighth session chose it: by the cross-validated figure), then the threshold (slow).
- ``cohesion``: local density: a story takes an article only when the article's average link
  reaches ``rho`` times the story's own mean link between its members (tight stories ask more).
- ``margin``: local density the other way: an article joins (or merges) only the candidate stories
  whose average link is within a margin of its best story's.
- ``size``: a bigger story asks more (its average link lowered by beta × log of its size), against
  stories that snowball over the events of one ongoing story.
- ``dateclash``/``numberclash``: a link is lowered by a share when both articles name calendar days
  (or multi-digit numbers) and share none (two events of one ongoing story on different days).
- ``localsplit``: after the pass, each story of five or more is split by offline average linkage
  over its members with document frequencies counted inside the story (words the whole story
  shares weigh little, the words of each sub-event more); the split threshold is chosen per fold.
- ``refine``: after the pass, every article (in processing order, three rounds) moves to the story
  whose members it links to best on average, or stands alone below a second threshold (offline
  average link over all articles, document frequencies of the whole file).
- ``window``: the shipped clusterer with a time window of 3, 5, 7 and 14 days either side (5 ships
  since the eleventh session, 3 before), threshold per fold (tenth session: what the ``refine`` row's
  gain was made of); ``windowchosen``: the window (3, 5 or 7 days) chosen per fold with the threshold.
- ``streamdf``: the rare words' document frequencies counted over every article placed so far (the
  stream seen so far) instead of the articles the clusterer remembers (eleventh session).
- ``headline``: the headline's terms added once more to each article's terms (the scanned text holds
  the headline once already), so the rare words of the headline weigh about double (eleventh
  session).
- ``settle``: the reassignment in a form the streaming clusterer could run (tenth session): each
  article takes the story of the pass whose members in its time window (the clusterer's window)
  it links to best on average, or stands alone below a second threshold; one round reading the
  pass's stories (a function of the articles, as ingest needs) or three reading the moved ones,
  document frequencies of the window or of the whole file.
- ``parts``: offline average linkage (scipy, no time window) over the rare-word cosine, raised to
  the best cosine of a chunk of one article (paragraphs up to 800 characters) with the whole other
  article (background sources that share one paragraph with the event).
- ``terms`` (twelfth session): the rare words read from another span or weighted otherwise: the first
  1,500 or 2,000 characters of the scanned text (3,000 ship); each occurrence weighted by its position
  (``exp(-offset / L)``, L 1,000 or 2,000 characters: news puts the event up front); the calendar days
  the article names (and its weekdays and months) added as terms of their own; scikit-learn's English
  stop words taken out.
- ``nomerge``: an article joins its best story only, and the stories it also fits are never merged;
  ``members``: the average link over a story's 30 most recent members instead of 12 (twelfth session).
- ``neighbours``: shared nearest neighbours in the stream (twelfth session): each article keeps its k
  nearest earlier or later articles of its window by the search vector's cosine, and a link is
  multiplied by 1/2 + 1/2 × the cosine of the two articles' neighbour rows (k 5 and 10; the threshold
  grid starts at 0.05, as the product is lower). Offline, over all pairs, this lifts average linkage
  (``explore_story_clusters.py --separation``).
- ``drift`` (fifteenth session): the centroid drift guard the clusterer ships since then
  (``MAX_CENTROID_DRIFT``: a story takes an article only when the normalised mean of its recent
  members' search vectors moves by at most the drift) chosen per fold with the threshold from none
  (2) and 0.06–0.15, then each drift alone with the threshold per fold; and, without the guard, a floor
  on the article's cosine to that centroid (0.3–0.6) chosen per fold instead.
- ``leadcheck`` (fifteenth session): a story takes an article only when the rare words of the
  article's headline and lead also tie it to the story's members (their doubled IDF-weighted cosine,
  averaged, at least 0.05–0.3, chosen per fold with the threshold; 0: no check).
- ``hdbscan``: scikit-learn's HDBSCAN over 1 − the rare-word cosine (not doubled; min cluster size
  2, one sample, excess of mass): density clusters with no threshold at all (nothing chosen:
  in-sample figure).

Nothing here ships (WikiNews is evaluation-only); the clustering of the offline rows and the
B-cubed sums are this script's own, the streaming rows run the library's ``StoryClusterer``.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import math
import re
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

sys.path.insert(0, str(Path(__file__).resolve().parent))

from explore_story_clusters import DEFAULT_DATA, load_docs

from blickwinkel.stories.cluster import NO_DRIFT_GUARD, WINDOW_DAYS, LinkWeights, StoryClusterer
from blickwinkel.stories.evaluate import EARLIER_WEIGHT_GRID, JOIN_GRID
from blickwinkel.stories.features import _NOT_NAMES as NOT_NAMES
from blickwinkel.stories.features import StoryDoc, doc_parts, headline_terms, unique_in_order
from blickwinkel.stories.lexical import DocumentFrequencies, lexical_cosine, term_weights
from blickwinkel.stories.score import date_clash

FOLDS = 5
Clusters = list[list[str]]
Matrix = npt.NDArray[np.float64]
# A row's clustering: (its parameters, the article ids to cluster or None for all) -> clusters.
ClusterFunction = Callable[[dict[str, Any], set[str] | None], Clusters]


def bcubed_sums(
    clusters: Sequence[Sequence[str]], gold: dict[str, str], items: Sequence[str]
) -> tuple[float, float]:
    cluster_of = {a: n for n, c in enumerate(clusters) for a in c}
    size = Counter(gold[a] for c in clusters for a in c)
    precision = recall = 0.0
    for item in items:
        members = clusters[cluster_of[item]]
        correct = sum(1 for other in members if gold[other] == gold[item])
        precision += correct / len(members)
        recall += correct / size[gold[item]]
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def in_sample(clusters: Clusters, gold: dict[str, str]) -> float:
    items = [a for c in clusters for a in c]
    precision, recall = bcubed_sums(clusters, gold, items)
    return f1(precision / len(items), recall / len(items))


def cross_validated(
    cluster: ClusterFunction, grid: Sequence[dict[str, Any]], gold: dict[str, str], folds: int = FOLDS
) -> tuple[float, float, float, list[dict[str, Any]]]:
    events = sorted(set(gold.values()))
    fold_of = {event: n % folds for n, event in enumerate(events)}
    precision = recall = 0.0
    chosen = []
    for fold in range(folds):
        train = {a for a in gold if fold_of[gold[a]] != fold}
        train_gold = {a: gold[a] for a in train}
        scores = [(in_sample(cluster(params, train), train_gold), -n) for n, params in enumerate(grid)]
        params = grid[-max(scores)[1]]
        chosen.append(params)
        test = [a for a in gold if fold_of[gold[a]] == fold]
        p, r = bcubed_sums(cluster(params, None), gold, test)
        precision += p
        recall += r
    return f1(precision / len(gold), recall / len(gold)), precision / len(gold), recall / len(gold), chosen


class Streaming:
    """The library's clusterer (or a subclass) over the docs in processing order, link parts shared."""

    def __init__(self, docs: Sequence[StoryDoc], kind: type[StoryClusterer] = StoryClusterer) -> None:
        self.order = unique_in_order(docs)
        self.kind = kind
        # One cache of link parts per set of articles clustered (the parts are cached by the version
        # of the document frequencies, and two subsets reach one version with other frequencies;
        # one cache for all gave the tenth session's window rows slightly other figures than
        # `eval stories --cross-validate`, whose training folds have caches of their own).
        self.caches: dict[frozenset[str] | None, dict[tuple[str, str, int], Any]] = {}

    def __call__(self, params: dict[str, Any], subset: set[str] | None) -> Clusters:
        key = None if subset is None else frozenset(subset)
        clusterer = self.kind(parts_cache=self.caches.setdefault(key, {}), **params)
        for doc in self.order:
            if subset is None or doc.id in subset:
                clusterer.add(doc)
        return [list(s.articles) for s in clusterer.stories()]


class Cohesive(StoryClusterer):
    def __init__(self, rho: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rho = rho

    def _linkage(self, doc: StoryDoc, root: int) -> float:
        value = super()._linkage(doc, root)
        members = self._recent_members(root)
        if len(members) < 2:
            return value
        links = [
            self._link(self._docs[a], self._docs[b]) for n, a in enumerate(members) for b in members[n + 1 :]
        ]
        return value if value >= self.rho * sum(links) / len(links) else 0.0


class Margined(StoryClusterer):
    """Only the candidate stories whose average link is within ``margin`` of the article's best one
    count (for joining and for merging the stories the article fits)."""

    def __init__(self, margin: float = 1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.margin = margin
        self._placing: StoryDoc | None = None

    def add(self, doc: StoryDoc) -> str:
        self._placing = doc
        return super().add(doc)

    def _candidate_stories(self, near: list[tuple[int, float]]) -> list[int]:
        roots = super()._candidate_stories(near)
        if self._placing is None or not roots:
            return roots
        doc = self._placing
        scores = {root: self._linkage(doc, root) for root in roots}
        best = max(scores.values())
        return [root for root in roots if scores[root] >= best - self.margin]


class Sized(StoryClusterer):
    """A bigger story asks more: its average link is lowered by ``beta`` times the log of its size."""

    def __init__(self, beta: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.beta = beta

    def _linkage(self, doc: StoryDoc, root: int) -> float:
        return super()._linkage(doc, root) - self.beta * math.log(len(self._groups.members[root]))


def _numbers(doc: StoryDoc) -> set[str]:
    digits = {n: n.replace(".", "").replace(",", "") for n in doc.numbers}
    return {n for n, d in digits.items() if len(d) >= 2 and not (len(d) == 4 and d[:2] in ("19", "20"))}


class Clashing(StoryClusterer):
    def __init__(self, share: float = 0.0, kind: str = "date", **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.share = share
        self.kind = kind

    def clashes(self, a: StoryDoc, b: StoryDoc) -> int:
        if self.kind == "date":
            return int(date_clash(a.dates, b.dates))
        na, nb = _numbers(a), _numbers(b)
        return int(bool(na and nb and not na & nb))

    def _link(self, a: StoryDoc, b: StoryDoc) -> float:
        return super()._link(a, b) * (1.0 - self.share * self.clashes(a, b))


def with_headline_twice(docs: Sequence[StoryDoc]) -> list[StoryDoc]:
    out = []
    for doc in docs:
        terms = dict(doc.terms)
        for term, weight in headline_terms(doc.title).items():
            terms[term] = terms.get(term, 0.0) + weight
        out.append(dataclasses.replace(doc, terms=terms))
    return out


def positional_terms(text: str, decay: float) -> dict[str, float]:
    """Terms of ``text`` as the shipped ones, each occurrence weighted by ``exp(-offset / decay)``."""
    totals: dict[str, float] = defaultdict(float)
    for match in re.finditer(r"\b\w\w+\b", text.lower()):
        if match.group(0) not in NOT_NAMES:
            totals[match.group(0)] += math.exp(-match.start() / decay)
    return {t: 1.0 + math.log(v) if v >= 1.0 else v for t, v in totals.items()}


def term_variants(docs: Sequence[StoryDoc], articles: Sequence[Any]) -> dict[str, list[StoryDoc]]:
    """The docs with their rare words read otherwise (the ``terms`` row)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    scans = {a.id: doc_parts(a).scan for a in articles}
    variants: dict[str, Callable[[StoryDoc], dict[str, float]]] = {
        "first 1,500 characters": lambda d: term_weights(scans[d.id][:1500], NOT_NAMES),
        "first 2,000 characters": lambda d: term_weights(scans[d.id][:2000], NOT_NAMES),
        "position-weighted, L 1,000": lambda d: positional_terms(scans[d.id], 1000.0),
        "position-weighted, L 2,000": lambda d: positional_terms(scans[d.id], 2000.0),
        "calendar days as terms": lambda d: {
            **d.terms,
            **{f"#{k}": 1.0 for k in d.dates if not k.startswith(("w", "m"))},
        },
        "days, weekdays, months as terms": lambda d: {**d.terms, **{f"#{k}": 1.0 for k in d.dates}},
        "English stop words out": lambda d: {t: w for t, w in d.terms.items() if t not in ENGLISH_STOP_WORDS},
    }
    return {name: [dataclasses.replace(d, terms=f(d)) for d in docs] for name, f in variants.items()}


class BestStoryOnly(StoryClusterer):
    """Never merges the other stories an article fits."""

    def _story_linkage(self, a: int, b: int) -> float:
        return -1.0


class ThirtyMembers(StoryClusterer):
    def _recent_members(self, root: int) -> list[int]:
        return [k for k in self._groups.members[root] if k in self._docs][-30:]


def _row_cosine(a: dict[int, float], b: dict[int, float]) -> float:
    shared = sum(v * b[k] for k, v in a.items() if k in b)
    if shared <= 0.0:
        return 0.0
    return shared / math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))


class SharedNeighbours(StoryClusterer):
    """The link times 1/2 + 1/2 x the cosine of the two articles' rows of their ``k`` nearest articles."""

    def __init__(self, k: int = 10, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.k = k
        self._rows: dict[int, dict[int, float]] = {}
        self._placing: tuple[str, dict[int, float]] | None = None

    def _top(self, row: dict[int, float]) -> dict[int, float]:
        return dict(sorted(row.items(), key=lambda kv: (-kv[1], kv[0]))[: self.k])

    def _neighbours(self, doc: StoryDoc) -> list[tuple[int, float]]:
        near = super()._neighbours(doc)
        self._placing = (doc.id, self._top({k: c for k, c in near if c > 0.0}))
        return near

    def _insert(self, doc: StoryDoc) -> int:
        if self._placing is None or self._placing[0] != doc.id:
            self._neighbours(doc)  # a seeded article
        assert self._placing is not None
        row = self._placing[1]
        key = super()._insert(doc)
        self._rows[key] = row
        for other, cosine in row.items():
            if other in self._rows:
                self._rows[other] = self._top({**self._rows[other], key: cosine})
        return key

    def _row(self, doc: StoryDoc) -> dict[int, float]:
        key = self._key_of.get(doc.id)
        if key is not None:
            return self._rows.get(key, {})
        return self._placing[1] if self._placing is not None and self._placing[0] == doc.id else {}

    def _link(self, a: StoryDoc, b: StoryDoc) -> float:
        return super()._link(a, b) * (0.5 + 0.5 * _row_cosine(self._row(a), self._row(b)))


class CentroidFloor(StoryClusterer):
    """A story takes an article only when the article's search-vector cosine to the story's centroid
    (the normalised mean of its recent members' search vectors) reaches ``floor``."""

    def __init__(self, floor: float = -1.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.floor = floor

    def _linkage(self, doc: StoryDoc, root: int) -> float:
        value = super()._linkage(doc, root)
        members = self._recent_members(root)
        if value < self.join_probability or not members:
            return value
        total = np.sum([self._docs[k].vector for k in members], axis=0)
        return value if float(total @ doc.vector) / float(np.linalg.norm(total)) >= self.floor else 0.0


class LeadChecked(StoryClusterer):
    """A story takes an article only when the rare words of the article's headline and lead (its most
    specific statements) also tie it to the story: their doubled IDF-weighted cosine (as the link's,
    at most 1) with each recent member's headline and lead, averaged, reaches ``lead_min``. The
    headline-and-lead terms of every article are set on the class (``leads``) before a run."""

    leads: dict[str, dict[str, float]] = {}  # noqa: RUF012 - set once per run by the script

    def __init__(self, lead_min: float = 0.0, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.lead_min = lead_min

    def _linkage(self, doc: StoryDoc, root: int) -> float:
        value = super()._linkage(doc, root)
        members = self._recent_members(root)
        if value < self.join_probability or not members or self.lead_min <= 0.0:
            return value
        idf = self._frequencies.idf
        mine = self.leads[doc.id]
        tie = sum(
            min(1.0, 2.0 * lexical_cosine(mine, self.leads[self._docs[k].id], idf)) for k in members
        ) / len(members)
        return value if tie >= self.lead_min else 0.0


def lead_terms(articles: Sequence[Any]) -> dict[str, dict[str, float]]:
    """The terms of each article's headline and lead (:func:`doc_parts`), weighted as ``terms``."""
    out = {}
    for article in articles:
        parts = doc_parts(article)
        out[article.id] = term_weights(f"{parts.title} \n{parts.lead}", NOT_NAMES)
    return out


class StreamFrequencies(StoryClusterer):
    """Document frequencies over every article placed so far: an article's terms are never taken out
    when its features are forgotten."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._frequencies = _NeverForgetting()


class _NeverForgetting(DocumentFrequencies):
    def remove(self, terms: Iterable[str]) -> None:
        return None


def average_linkage(similarity: Matrix, threshold: float) -> list[int]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    if len(similarity) < 2:
        return [1] * len(similarity)
    distance = np.clip(1.0 - similarity, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), "average")
    return [int(x) for x in fcluster(tree, 1.0 - threshold, "distance")]


def rare_word_matrix(docs: Sequence[StoryDoc], scale: float = 2.0) -> Matrix:
    """Rare-word cosine of all pairs times ``scale`` (at most 1; doubled as in the clusterer's link),
    document frequencies over the whole file."""
    frequencies = DocumentFrequencies()
    for doc in docs:
        frequencies.add(doc.terms)
    n = len(docs)
    out = np.eye(n)
    for i in range(n):
        for j in range(i + 1, n):
            out[i, j] = out[j, i] = min(
                1.0, scale * lexical_cosine(docs[i].terms, docs[j].terms, frequencies.idf)
            )
    return out


def local_split(
    stories: Clusters, by_id: dict[str, StoryDoc], threshold: float, smallest: int = 5
) -> Clusters:
    out: Clusters = []
    for story in stories:
        if len(story) < smallest:
            out.append(story)
            continue
        counts: Counter[str] = Counter()
        for a in story:
            counts.update(frozenset(by_id[a].terms))
        size = len(story)

        def idf(term: str, counts: Counter[str] = counts, size: int = size) -> float:
            return math.log((size + 1) / (counts[term] + 1)) + 1.0

        similarity = np.eye(size)
        for i in range(size):
            for j in range(i + 1, size):
                similarity[i, j] = similarity[j, i] = lexical_cosine(
                    by_id[story[i]].terms, by_id[story[j]].terms, idf
                )
        groups: dict[int, list[str]] = defaultdict(list)
        for a, label in zip(story, average_linkage(similarity, threshold), strict=True):
            groups[label].append(a)
        out.extend(groups.values())
    return out


def refine(
    stories: Clusters, order: Sequence[str], similarity: Matrix, position: dict[str, int], threshold: float
) -> Clusters:
    label: dict[str, object] = {a: n for n, story in enumerate(stories) for a in story}
    for _ in range(3):
        changed = False
        for a in order:
            links: dict[object, list[float]] = defaultdict(list)
            for b in order:
                if b != a:
                    links[label[b]].append(float(similarity[position[a], position[b]]))
            best = max(((sum(v) / len(v), str(k), k) for k, v in links.items()), default=None)
            new = best[2] if best is not None and best[0] >= threshold else ("alone", a)
            if new != label[a]:
                label[a] = new
                changed = True
        if not changed:
            break
    groups: dict[object, list[str]] = defaultdict(list)
    for a in order:
        groups[label[a]].append(a)
    return list(groups.values())


def settle(
    stories: Clusters,
    order: Sequence[StoryDoc],
    threshold: float,
    window_days: int = WINDOW_DAYS,
    rounds: int = 1,
    whole_file: bool = False,
) -> Clusters:
    """Streaming-compatible with one round: each article takes the story (of the pass) whose members
    in its time window it links to best on average, or stands alone below ``threshold``; document
    frequencies over the articles of its window (``whole_file``: of the whole file, as ``refine``).
    With one round every decision reads the pass's stories, not the ones moved before it, so the
    result is a function of the articles and of the pass; more rounds read the moved labels."""
    passed: dict[str, object] = {a: n for n, story in enumerate(stories) for a in story}
    final: dict[str, object] = dict(passed)
    file_frequencies = DocumentFrequencies()
    for doc in order:
        file_frequencies.add(doc.terms)
    by_day: dict[object, list[StoryDoc]] = defaultdict(list)
    for doc in order:
        by_day[doc.published].append(doc)

    def near(day: Any) -> list[StoryDoc]:
        if day is None:
            return list(order)
        span = [day + dt.timedelta(days=k) for k in range(-window_days, window_days + 1)]
        return [d for s in (*span, None) for d in by_day.get(s, [])]

    windows = {day: near(day) for day in by_day}
    values: dict[tuple[str, str], float] = {}
    for day, window in windows.items():
        frequencies = file_frequencies
        if not whole_file:
            frequencies = DocumentFrequencies()
            for other in window:
                frequencies.add(other.terms)
        for doc in by_day[day]:
            for other in window:
                if other.id != doc.id:
                    values[doc.id, other.id] = min(
                        1.0, 2.0 * lexical_cosine(doc.terms, other.terms, frequencies.idf)
                    )
    for _ in range(rounds):
        reading = dict(final) if rounds == 1 else final
        for doc in order:
            links: dict[object, list[float]] = defaultdict(list)
            for other in windows[doc.published]:
                if other.id != doc.id:
                    links[reading[other.id]].append(values[doc.id, other.id])
            best = max(((sum(v) / len(v), str(k), k) for k, v in links.items()), default=None)
            final[doc.id] = best[2] if best is not None and best[0] >= threshold else ("alone", doc.id)
    groups: dict[object, list[str]] = defaultdict(list)
    for doc in order:
        groups[final[doc.id]].append(doc.id)
    return list(groups.values())


def part_matrix(docs: Sequence[StoryDoc], articles: dict[str, Any], rare: Matrix, size: int = 800) -> Matrix:
    from blickwinkel.stories.features import _NOT_NAMES

    frequencies = DocumentFrequencies()
    for doc in docs:
        frequencies.add(doc.terms)
    chunks = []
    for doc in docs:
        article = articles[doc.id]
        pieces, current = [], ""
        for block in article.blocks:
            if block.kind != "paragraph":
                continue
            current = (current + " " + article.block_text(block).strip()).strip()
            if len(current) >= size:
                pieces.append(current)
                current = ""
        if current:
            pieces.append(current)
        chunks.append([term_weights(p, _NOT_NAMES) for p in pieces[:12]])
    n = len(docs)
    best = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            if i != j and chunks[i]:
                best[i, j] = max(lexical_cosine(c, docs[j].terms, frequencies.idf) for c in chunks[i])
    out: Matrix = np.maximum(rare, np.minimum(1.0, 1.5 * np.maximum(best, best.T)))
    np.fill_diagonal(out, 1.0)
    return out


def offline(similarity: Matrix, ids: Sequence[str]) -> ClusterFunction:
    position = {a: n for n, a in enumerate(ids)}

    def cluster(params: dict[str, Any], subset: set[str] | None) -> Clusters:
        chosen = [a for a in ids if subset is None or a in subset]
        index = [position[a] for a in chosen]
        labels = average_linkage(similarity[np.ix_(index, index)], params["threshold"])
        groups: dict[int, list[str]] = defaultdict(list)
        for a, label in zip(chosen, labels, strict=True):
            groups[label].append(a)
        return list(groups.values())

    return cluster


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, help="keep the story features here (pickle)")
    parser.add_argument("--only", nargs="*", help="rows to run (default: all but nested)")
    args = parser.parse_args()
    articles, gold, docs = load_docs(args.file, "use", args.cache)
    rows = args.only or [
        "shipped",
        "weights",
        "cohesion",
        "margin",
        "size",
        "dateclash",
        "numberclash",
        "localsplit",
        "refine",
        "settle",
        "parts",
        "hdbscan",
    ]
    by_id = {d.id: d for d in docs}
    ids = [d.id for d in unique_in_order(docs)]
    streaming = Streaming(docs)
    thresholds = [{"join_probability": p} for p in JOIN_GRID]
    offline_grid = [{"threshold": t} for t in np.round(np.arange(0.1, 0.6, 0.025), 3)]
    rare: Matrix | None = None

    def report(name: str, result: tuple[float, float, float, list[dict[str, Any]]]) -> None:
        chosen = "; ".join(", ".join(f"{k} {v}" for k, v in c.items() if k != "weights") for c in result[3])
        print(
            f"{name:44s} CV B-cubed F1 {result[0]:.3f} (P {result[1]:.3f}, R {result[2]:.3f}); "
            f"chosen: {chosen}",
            flush=True,
        )

    for row in rows:
        if row == "shipped":
            report("shipped (threshold per fold)", cross_validated(streaming, thresholds, gold))
        elif row == "window":
            for days in (3, 5, 7, 14):
                grid: list[dict[str, Any]] = [{"join_probability": p, "window_days": days} for p in JOIN_GRID]
                # A cache of its own: the link parts are cached by document-frequency version, and
                # another window forgets other articles at the same version.
                wide = Streaming(docs)
                report(f"time window of {days} days (threshold per fold)", cross_validated(wide, grid, gold))
        elif row == "terms":
            for name, variant in term_variants(docs, articles).items():
                report(f"rare words: {name}", cross_validated(Streaming(variant), thresholds, gold))
        elif row == "nomerge":
            report(
                "best story only, no merges",
                cross_validated(Streaming(docs, BestStoryOnly), thresholds, gold),
            )
        elif row == "members":
            report(
                "average over 30 recent members",
                cross_validated(Streaming(docs, ThirtyMembers), thresholds, gold),
            )
        elif row == "neighbours":
            low = [{"join_probability": round(0.05 + 0.025 * i, 3)} for i in range(15)]
            for k in (5, 10):
                grid = [{**t, "k": k} for t in low]
                report(
                    f"shared nearest neighbours, k {k}",
                    cross_validated(Streaming(docs, SharedNeighbours), grid, gold),
                )
        elif row == "streamdf":
            report(
                "frequencies of the whole stream so far",
                cross_validated(Streaming(docs, StreamFrequencies), thresholds, gold),
            )
        elif row == "headline":
            report(
                "headline terms counted twice",
                cross_validated(Streaming(with_headline_twice(docs)), thresholds, gold),
            )
        elif row == "drift":
            drifts = (NO_DRIFT_GUARD, 0.06, 0.08, 0.1, 0.12, 0.15)
            grid = [{"join_probability": p, "max_drift": v} for v in drifts for p in JOIN_GRID]
            report("centroid drift chosen per fold (2: none)", cross_validated(streaming, grid, gold))
            for drift in drifts:
                grid = [{"join_probability": p, "max_drift": drift} for p in JOIN_GRID]
                report(f"centroid drift at most {drift}", cross_validated(streaming, grid, gold))
            floored = Streaming(docs, CentroidFloor)
            floored.caches = streaming.caches
            grid = [
                {"join_probability": p, "floor": v, "max_drift": NO_DRIFT_GUARD}
                for v in (0.3, 0.4, 0.5, 0.6)
                for p in JOIN_GRID
            ]
            report("centroid cosine floor, no drift guard", cross_validated(floored, grid, gold))
        elif row == "leadcheck":
            LeadChecked.leads = lead_terms(articles)
            checked = Streaming(docs, LeadChecked)
            checked.caches = streaming.caches
            grid = [
                {"join_probability": p, "lead_min": m}
                for m in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3)
                for p in JOIN_GRID
            ]
            report("headline-and-lead check (chosen per fold)", cross_validated(checked, grid, gold))
        elif row == "windowchosen":
            per_window = {days: Streaming(docs) for days in (3, 5, 7)}

            def windowed(params: dict[str, Any], subset: set[str] | None) -> Clusters:
                return per_window[params["window_days"]](params, subset)  # noqa: B023 - called only in this pass of the loop

            grid = [{"join_probability": p, "window_days": d} for d in (3, 5, 7) for p in JOIN_GRID]
            report("window (3/5/7 days) and threshold per fold", cross_validated(windowed, grid, gold))
        elif row == "weights":
            grid = [
                {"join_probability": p, "weights": w}
                for w in (LinkWeights(0.0, 1.0), *EARLIER_WEIGHT_GRID)
                for p in JOIN_GRID
            ]
            result = cross_validated(streaming, grid, gold)
            report("link shares chosen per fold too", result)
            print("   shares chosen:", [(c["weights"].keys, c["weights"].lexical) for c in result[3]])
        elif row == "nested":
            shares = (LinkWeights(0.0, 1.0), *EARLIER_WEIGHT_GRID)

            def nested(params: dict[str, Any], subset: set[str] | None) -> Clusters:
                return streaming(params, subset)

            events = sorted(set(gold.values()))
            fold_of = {event: n % FOLDS for n, event in enumerate(events)}
            precision = recall = 0.0
            picked = []
            for fold in range(FOLDS):
                train = {a for a in gold if fold_of[gold[a]] != fold}
                train_gold = {a: gold[a] for a in train}

                def inner(
                    params: dict[str, Any], subset: set[str] | None, train: set[str] = train
                ) -> Clusters:
                    return streaming(params, train if subset is None else subset)

                by_share = [
                    (cross_validated(inner, [{**t, "weights": w} for t in thresholds], train_gold, 4)[0], -n)
                    for n, w in enumerate(shares)
                ]
                weights = shares[-max(by_share)[1]]
                grid = [{**t, "weights": weights} for t in thresholds]
                scores = [(in_sample(nested(g, train), train_gold), -n) for n, g in enumerate(grid)]
                params = grid[-max(scores)[1]]
                picked.append((weights.keys, weights.lexical, params["join_probability"]))
                p, r = bcubed_sums(nested(params, None), gold, [a for a in gold if fold_of[gold[a]] == fold])
                precision += p
                recall += r
            report(
                "shares by inner CV, then threshold (nested)",
                (
                    f1(precision / len(gold), recall / len(gold)),
                    precision / len(gold),
                    recall / len(gold),
                    [],
                ),
            )
            print("   chosen (key share, rare-word share, threshold):", picked)
        elif row == "cohesion":
            cohesive = Streaming(docs, Cohesive)
            cohesive.caches = streaming.caches
            for rho in (0.5, 0.6, 0.7):
                grid = [{"join_probability": p, "rho": rho} for p in JOIN_GRID]
                report(f"cohesion-relative threshold, rho {rho}", cross_validated(cohesive, grid, gold))
        elif row == "margin":
            margined = Streaming(docs, Margined)
            margined.caches = streaming.caches
            for margin in (0.02, 0.05, 0.1):
                grid = [{"join_probability": p, "margin": margin} for p in JOIN_GRID]
                report(f"within {margin} of the article's best story", cross_validated(margined, grid, gold))
        elif row == "size":
            sized = Streaming(docs, Sized)
            sized.caches = streaming.caches
            for beta in (0.01, 0.02, 0.04):
                grid = [{"join_probability": p, "beta": beta} for p in JOIN_GRID]
                report(f"link lowered by {beta} x log(story size)", cross_validated(sized, grid, gold))
        elif row in ("dateclash", "numberclash"):
            clashing = Streaming(docs, Clashing)
            clashing.caches = streaming.caches
            kind = "date" if row == "dateclash" else "number"
            probe = Clashing(share=1.0, kind=kind)
            same = other = same_clash = other_clash = 0
            for i, first in enumerate(docs):
                for second in docs[i + 1 :]:
                    clash = probe.clashes(first, second)
                    if gold[first.id] == gold[second.id]:
                        same, same_clash = same + 1, same_clash + clash
                    else:
                        other, other_clash = other + 1, other_clash + clash
            print(
                f"   {kind} clash in {same_clash / same:.1%} of {same} same-event pairs, "
                f"{other_clash / other:.1%} of {other} others"
            )
            for share in (0.25, 0.5):
                grid = [{"join_probability": p, "share": share, "kind": kind} for p in JOIN_GRID]
                report(f"{kind} clash lowers the link by {share}", cross_validated(clashing, grid, gold))
        elif row == "localsplit":

            def split(params: dict[str, Any], subset: set[str] | None) -> Clusters:
                found = streaming({"join_probability": params["join_probability"]}, subset)
                return local_split(found, by_id, params["split"])

            grid = [
                {"join_probability": p, "split": s}
                for p in (0.25, 0.275, 0.3)
                for s in (0.05, 0.08, 0.1, 0.15)
            ]
            report("local-IDF split of stories of 5 or more", cross_validated(split, grid, gold))
        elif row == "refine":
            rare = rare if rare is not None else rare_word_matrix([by_id[a] for a in ids])
            position = {a: n for n, a in enumerate(ids)}
            matrix = rare

            def refined(params: dict[str, Any], subset: set[str] | None) -> Clusters:
                found = streaming({"join_probability": params["join_probability"]}, subset)
                order = [a for a in ids if subset is None or a in subset]
                return refine(found, order, matrix, position, params["refine"])  # noqa: B023 - called only in this pass of the loop

            grid = [
                {"join_probability": p, "refine": t}
                for p in (0.25, 0.275, 0.3)
                for t in (0.2, 0.25, 0.275, 0.3, 0.35)
            ]
            report("average-link reassignment after the pass", cross_validated(refined, grid, gold))
        elif row == "settle":
            ordered = unique_in_order(docs)

            def settled(params: dict[str, Any], subset: set[str] | None) -> Clusters:
                found = streaming({"join_probability": params["join_probability"]}, subset)
                order = [d for d in ordered if subset is None or d.id in subset]  # noqa: B023 - called only in this pass of the loop
                return settle(
                    found, order, params["settle"], rounds=params["rounds"], whole_file=params["whole_file"]
                )

            for rounds, whole in ((1, False), (3, False), (1, True), (3, True)):
                grid = [
                    {"join_probability": p, "settle": t, "rounds": rounds, "whole_file": whole}
                    for p in (0.25, 0.275, 0.3)
                    for t in (0.2, 0.25, 0.275, 0.3, 0.35)
                ]
                name = f"windowed reassignment, {rounds} round(s), " + ("file" if whole else "window") + " DF"
                report(name, cross_validated(settled, grid, gold))
        elif row == "parts":
            rare = rare if rare is not None else rare_word_matrix([by_id[a] for a in ids])
            report(
                "offline average linkage, rare words", cross_validated(offline(rare, ids), offline_grid, gold)
            )
            parts = part_matrix([by_id[a] for a in ids], {a.id: a for a in articles}, rare)
            report(
                "offline, rare words or best chunk", cross_validated(offline(parts, ids), offline_grid, gold)
            )
        elif row == "hdbscan":
            from sklearn.cluster import HDBSCAN

            # the plain cosine: the doubled one is cut at 1, which makes many distances 0
            cosine = rare_word_matrix([by_id[a] for a in ids], scale=1.0)
            found = HDBSCAN(min_cluster_size=2, min_samples=1, metric="precomputed", copy=True).fit(
                1.0 - cosine
            )
            groups: dict[object, list[str]] = defaultdict(list)
            for a, label in zip(ids, found.labels_, strict=True):
                groups[("alone", a) if label < 0 else int(label)].append(a)
            print(
                f"{'HDBSCAN over rare words (nothing chosen)':44s} in-sample B-cubed F1 "
                f"{in_sample(list(groups.values()), gold):.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
