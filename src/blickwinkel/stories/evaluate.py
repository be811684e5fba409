"""Evaluation of the story stage on labelled data that the CLI has already read.

Two formats: SemEval-2022 Task 8 pairs (JSON lines with ``pair_id, lang1, lang2, text1, text2,
overall``; the articles' publication days can be estimated from the story ids in ``pair_id``,
:func:`with_days_from_ids`) and event cluster files (a JSON list of events ``{title, articles: [{title, text,
created_at, ...}]}``; an article's gold cluster is its event).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np

from blickwinkel import scores
from blickwinkel.embed import Embedder
from blickwinkel.errors import Errors, EvaluationError, invalid_json
from blickwinkel.model import Article
from blickwinkel.stories import fitting
from blickwinkel.stories.cluster import (
    KEY_WEIGHT,
    LEXICAL_WEIGHT,
    WINDOW_DAYS,
    LinkParts,
    LinkWeights,
    StoryClusterer,
)
from blickwinkel.stories.features import (
    StoryDoc,
    article_from_text,
    doc_parts,
    story_docs,
    unique_in_order,
)
from blickwinkel.stories.metrics import ClusteringScores, clustering_scores, pearson
from blickwinkel.stories.progress import ProgressCallback, no_progress
from blickwinkel.stories.score import same_story_score
from blickwinkel.text import content_hash


@dataclass(frozen=True)
class SimilarityPair:
    pair_id: str
    lang1: str
    lang2: str
    text1: str
    text2: str
    overall: float
    published1: dt.date | None = None
    published2: dt.date | None = None

    @property
    def languages(self) -> str:
        return f"{self.lang1}-{self.lang2}"


def parse_similarity_pairs(text: str, source: str) -> list[SimilarityPair]:
    """SemEval pairs from JSON-lines text; ``source`` names the file in error messages."""
    pairs: list[SimilarityPair] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as exc:
            raise EvaluationError(f"{source}:{number}: {invalid_json(exc, one_line=True)}") from None
        if not isinstance(record, dict):
            raise EvaluationError(Errors.V024.format(source=source, line=number))
        missing = [k for k in ("text1", "text2", "overall") if k not in record]
        if missing:
            raise EvaluationError(Errors.V025.format(source=source, line=number, missing=", ".join(missing)))
        try:
            overall = float(record["overall"])
        except (TypeError, ValueError):
            raise EvaluationError(Errors.V026.format(source=source, line=number)) from None
        pairs.append(
            SimilarityPair(
                pair_id=str(record.get("pair_id", number)),
                lang1=str(record.get("lang1", "xx")),
                lang2=str(record.get("lang2", "xx")),
                text1=str(record["text1"]),
                text2=str(record["text2"]),
                overall=overall,
            )
        )
    if not pairs:
        raise EvaluationError(Errors.V027.format(source=source))
    return pairs


def pair_article(
    pair_id: str, side: str, text: str, language: str, published: dt.date | None = None
) -> Article:
    """An article from a SemEval text: its first line is the title when it is a short line."""
    stripped = text.strip()
    first, _, rest = stripped.partition("\n")
    if rest.strip() and len(first) <= 200:
        return article_from_text(
            f"{pair_id}/{side}", rest, title=first, language=language, published=published
        )
    return article_from_text(f"{pair_id}/{side}", stripped, language=language, published=published)


# A SemEval-2022 Task 8 pair id joins the two articles' story ids ("<id>_<id>"), numbers its source
# collection gave the stories as it gathered them, so they grow with the publication time. The day of
# an id: a straight line fitted to the dates the file's own texts name (absolute dates of 2019–2021 that
# analyse.dates finds in the German, English, Spanish and French texts: 147 mentions in 1,487 texts;
# refitted five times without the mentions more than three robust standard deviations (and 9 days)
# off, 102 kept, half within 0.9 days of the line, nine in ten within 3.1): about 904,000 ids a day,
# id 1,484,050,000 on 1 January 2020 (`python scripts/explore_story_dates.py` prints the fit). Fitted
# on the SemEval texts (they may train what ships; docs/data-sources.md).
STORY_ID_DAY_ZERO = dt.date(2020, 1, 1)
STORY_ID_AT_DAY_ZERO = 1_484_050_000
STORY_IDS_PER_DAY = 904_000
# An id whose day would lie further than this from day zero is not read as a story id (the file's ids
# lie within about 200 days of it).
STORY_ID_MAX_DAYS = 1_000


def story_id_day(story_id: str) -> dt.date | None:
    """The estimated publication day of a SemEval story id, ``None`` for anything else."""
    if not story_id.isascii() or not story_id.isdigit():
        return None
    days = (int(story_id) - STORY_ID_AT_DAY_ZERO) // STORY_IDS_PER_DAY
    if abs(days) > STORY_ID_MAX_DAYS:
        return None
    return STORY_ID_DAY_ZERO + dt.timedelta(days=days)


def with_days_from_ids(pairs: Sequence[SimilarityPair]) -> list[SimilarityPair]:
    """``pairs`` with each article's publication day estimated from the story ids of its pair id
    (:func:`story_id_day`) where the pair carries none; a pair id that is not two story ids leaves
    the pair as it is."""
    out = []
    for p in pairs:
        ids = p.pair_id.split("_")
        days = [story_id_day(i) for i in ids] if len(ids) == 2 else [None, None]
        out.append(replace(p, published1=p.published1 or days[0], published2=p.published2 or days[1]))
    return out


@dataclass(frozen=True)
class SimilarityReport:
    """``pearson`` of our score and ``cosine``: of the plain cosine of the whole texts (one vector each,
    the same embedder), overall and per language pair."""

    pearson: dict[str, float]
    pairs: int
    cosine: dict[str, float] = field(default_factory=dict)
    # pairs per key of ``pearson`` ("all" and each language pair): a correlation over one pair is
    # no figure, and the table printed it as 0.000 beside the real ones
    counts: dict[str, int] = field(default_factory=dict)
    # With cross-validation: ours with each pair scored by the model fitted on the other folds
    # (fitting.FOLDS fixed folds of the file's pair order, seed fitting.FOLD_SEED, grouped by article:
    # pairs that share an article sit in one fold), and the plain
    # cosine of the whole texts with the other embedder (``other``, e.g. 'use' beside 'e5').
    cross_validated: dict[str, float] = field(default_factory=dict)
    # why ``cross_validated`` is empty though asked for (a file too small to cross-validate)
    cross_validation_skipped: str = ""
    other: str = ""
    other_cosine: dict[str, float] = field(default_factory=dict)
    # pairs whose two publication days are known (the score reads the days apart)
    dated: int = 0

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "pearson": {k: round(v, 4) for k, v in self.pearson.items()},
            "cosine_pearson": {k: round(v, 4) for k, v in self.cosine.items()},
            "pairs": self.pairs,
            "pairs_by_language": dict(self.counts),
            "dated_pairs": self.dated,
        }
        if self.cross_validated:
            out["cross_validated_pearson"] = {k: round(v, 4) for k, v in self.cross_validated.items()}
        if self.cross_validation_skipped:
            out["cross_validation_skipped"] = self.cross_validation_skipped
        if self.other:
            out["other_cosine_pearson"] = {
                "embedder": self.other,
                **{k: round(v, 4) for k, v in self.other_cosine.items()},
            }
        return out


def pairs_by_language(pairs: Sequence[SimilarityPair]) -> dict[str, int]:
    """How many pairs each key of :func:`pearson_by_language` is computed over."""
    counts: dict[str, int] = {"all": len(pairs)}
    for p in pairs:
        counts[p.languages] = counts.get(p.languages, 0) + 1
    return counts


def pearson_by_language(scores: Sequence[float], pairs: Sequence[SimilarityPair]) -> dict[str, float]:
    """Pearson of ``scores`` (higher = more similar) with the negated gold, overall and per pair."""
    gold = [-p.overall for p in pairs]
    out = {"all": pearson(list(scores), gold)}
    groups: dict[str, list[int]] = defaultdict(list)
    for i, p in enumerate(pairs):
        groups[p.languages].append(i)
    for key in sorted(groups):
        idx = groups[key]
        out[key] = pearson([scores[i] for i in idx], [gold[i] for i in idx])
    return out


# Pairs a file needs for ``eval similarity --cross-validate``: each of the fitting.FOLDS outer folds
# fits on the rest with fitting.INNER_FOLDS inner folds choosing a feature set (fewer pairs leave
# folds whose fits have no solution; set by hand). Pairs that share an article count once: the folds
# keep them together (fitting.pair_groups).
MIN_CROSS_VALIDATION_PAIRS = 100
# Pairs scored between progress reports.
CHUNK = 32
# Articles analysed and embedded per call: large enough that e5's batches (sorted by length, about
# 2,048 pieces each) keep both cores busy to the end of each call, small enough for progress.
FEATURE_CHUNK = 128


def docs_with_progress(
    articles: Sequence[Article], embedder: Embedder, progress: ProgressCallback = no_progress
) -> list[StoryDoc]:
    """Story features of ``articles`` in chunks, reporting each chunk (the same as one call)."""
    docs: list[StoryDoc] = []
    progress("features", 0, len(articles))
    for start in range(0, len(articles), FEATURE_CHUNK):
        docs.extend(story_docs(articles[start : start + FEATURE_CHUNK], embedder))
        progress("features", len(docs), len(articles))
    return docs


def evaluate_similarity(
    pairs: Sequence[SimilarityPair],
    embedder: Embedder,
    progress: ProgressCallback = no_progress,
    *,
    other: Embedder | None = None,
) -> SimilarityReport:
    """Pearson of the shipped same-story score with the gold ``overall`` (negated, so higher is better).

    A text that occurs in several pairs (same content hash and language) is analysed and embedded
    once. The plain cosine beside ours compares each text's vector as a whole; when the story
    features' document is the whole text (texts up to ``DOC_CHARS``, all SemEval texts) that is the
    document vector already computed, so no text is embedded twice.

    With ``other`` (cross-validation), also: ours cross-validated over the fixed folds of
    :func:`blickwinkel.stories.fitting.cross_validated_docs` (the shipped model's fitting options for
    ``embedder``, refitted on each fold's training pairs), and the plain cosine of the whole texts
    with ``other``.
    """
    unique: dict[tuple[str, str, dt.date | None], Article] = {}
    keys: list[tuple[tuple[str, str, dt.date | None], tuple[str, str, dt.date | None]]] = []
    for p in pairs:
        sides = ((p.text1, p.lang1, "1", p.published1), (p.text2, p.lang2, "2", p.published2))
        pair_keys = []
        for text, language, side, published in sides:
            key = (content_hash(text.strip()), language, published)
            if key not in unique:
                unique[key] = pair_article(p.pair_id, side, text, language, published)
            pair_keys.append(key)
        keys.append((pair_keys[0], pair_keys[1]))
    docs = dict(zip(unique, docs_with_progress(list(unique.values()), embedder, progress), strict=True))
    scores = []
    for n, (first, second) in enumerate(keys, start=1):
        scores.append(-same_story_score(docs[first], docs[second]).overall)
        if n % CHUNK == 0 or n == len(keys):
            progress("pairs", n, len(keys))
    whole = {key: docs[key].doc_vec for key, a in unique.items() if doc_parts(a).document == a.text}
    longer = [key for key in unique if key not in whole]
    if longer:
        whole.update(zip(longer, embedder.encode([unique[key].text for key in longer]), strict=True))
    cosine = [float(whole[first] @ whole[second]) for first, second in keys]
    report = SimilarityReport(
        pearson=pearson_by_language(scores, pairs),
        pairs=len(pairs),
        cosine=pearson_by_language(cosine, pairs),
        counts=pairs_by_language(pairs),
        dated=sum(1 for p in pairs if p.published1 is not None and p.published2 is not None),
    )
    if other is None:
        return report
    crossed: dict[str, float] = {}
    skipped = ""
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    same = int(np.sum(gold <= fitting.SAME_STORY_MAX))
    in_order = [docs[key] for pair_keys in keys for key in pair_keys]
    # the folds keep pairs that share an article together (fitting.pair_groups)
    apart = len(set(fitting.pair_groups(in_order)))
    if apart < MIN_CROSS_VALIDATION_PAIRS or min(same, len(pairs) - same) < fitting.FOLDS:
        skipped = (
            f"needs {MIN_CROSS_VALIDATION_PAIRS} pairs or more that share no article, {fitting.FOLDS} or "
            "more of them judged the same story and as many not"
        )
    else:
        progress("cross-validation", 0, 1)
        try:
            predicted, _ = fitting.cross_validated_docs(
                in_order, gold, fitting.CrossValidation(fitting.options_for(embedder.name))
            )
            crossed = pearson_by_language([-float(v) for v in predicted], pairs)
        except np.linalg.LinAlgError:  # a fold's fit without a solution (too few or too alike pairs)
            skipped = "a fold's model could not be fitted (too few or too alike pairs)"
        progress("cross-validation", 1, 1)
    order = list(unique)
    vectors = dict(zip(order, other.encode([unique[key].text for key in order]), strict=True))
    other_cosine = [float(vectors[first] @ vectors[second]) for first, second in keys]
    return replace(
        report,
        cross_validated=crossed,
        cross_validation_skipped=skipped,
        other=other.name,
        other_cosine=pearson_by_language(other_cosine, pairs),
    )


def _created_at(value: Any) -> dt.date | None:
    if isinstance(value, dict):
        value = value.get("$date")
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def parse_event_clusters(text: str, source: str) -> tuple[list[Article], dict[str, str]]:
    """Articles and their gold event label from an event cluster file."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise EvaluationError(f"{source}: {invalid_json(exc)}") from None
    if not isinstance(data, list):
        raise EvaluationError(Errors.V028.format(source=source))
    articles: list[Article] = []
    gold: dict[str, str] = {}
    for e, event in enumerate(data):
        if not isinstance(event, dict) or not isinstance(event.get("articles"), list):
            raise EvaluationError(Errors.V029.format(source=source, event=e))
        for a, item in enumerate(event["articles"]):
            if not isinstance(item, dict) or not isinstance(item.get("text"), str):
                raise EvaluationError(Errors.V030.format(source=source, event=e, article=a))
            article_id = f"e{e:04d}a{a:03d}"
            title = item.get("title")
            articles.append(
                article_from_text(
                    article_id,
                    item["text"],
                    title=title if isinstance(title, str) else None,
                    published=_created_at(item.get("created_at")),
                    url=item.get("ext_url") if isinstance(item.get("ext_url"), str) else None,
                )
            )
            gold[article_id] = f"e{e}"
    if not articles:
        raise EvaluationError(Errors.V031.format(source=source))
    return articles, gold


@dataclass(frozen=True)
class ClusteringReport:
    scores: ClusteringScores
    stories: int
    articles: int

    def to_json(self) -> dict[str, Any]:
        s = self.scores
        return {
            "bcubed_precision": round(s.bcubed_precision, 4),
            "bcubed_recall": round(s.bcubed_recall, 4),
            "bcubed_f1": round(s.bcubed_f1, 4),
            "pairwise_f1": round(s.pairwise_f1, 4),
            "stories": self.stories,
            "articles": self.articles,
        }


def cluster_with_progress(
    docs: Sequence[StoryDoc],
    progress: ProgressCallback = no_progress,
    *,
    window_days: int = WINDOW_DAYS,
    join_probability: float | None = None,
    weights: LinkWeights | None = None,
    parts_cache: dict[tuple[str, str, int], LinkParts] | None = None,
) -> StoryClusterer:
    """The one clusterer over ``docs`` in processing order (as :func:`cluster_stories`), reporting."""
    clusterer = StoryClusterer(
        window_days=window_days,
        join_probability=join_probability,
        weights=weights,
        parts_cache=parts_cache,
    )
    ordered = unique_in_order(docs)
    for n, doc in enumerate(ordered, start=1):
        clusterer.add(doc)
        if n % CHUNK == 0 or n == len(ordered):
            progress("stories", n, len(ordered))
    return clusterer


def evaluate_clustering(
    articles: Sequence[Article],
    gold: dict[str, str],
    embedder: Embedder,
    progress: ProgressCallback = no_progress,
) -> ClusteringReport:
    """Cluster ``articles`` into stories and score them against the gold events."""
    docs = docs_with_progress(articles, embedder, progress)
    clusters = [list(s.articles) for s in cluster_with_progress(docs, progress).stories()]
    return ClusteringReport(
        scores=clustering_scores(clusters, gold), stories=len(clusters), articles=len(articles)
    )


# Join probabilities tried when the threshold is chosen on the training events of each fold.
JOIN_GRID = tuple(round(0.1 + 0.025 * i, 3) for i in range(17))  # 0.1, 0.125, …, 0.5
# Link weights (name-key share, rare-word share) tried with each join probability: the shipped link
# alone (rare words; see KEY_WEIGHT in stories/cluster.py), so each fold chooses the threshold only.
# EARLIER_WEIGHT_GRID is what each fold chose from until the eighth session (cross-validated 0.819
# against 0.834 with the shipped link alone; pass it as ``weight_grid`` to compare).
WEIGHT_GRID = (LinkWeights(KEY_WEIGHT, LEXICAL_WEIGHT),)
EARLIER_WEIGHT_GRID = tuple(
    LinkWeights(keys, lexical)
    for keys in (0.0, 0.25, 0.5)
    for lexical in (0.0, 0.25, 0.5, 0.75)
    if keys + lexical <= 1.0
)
# What each fold chooses from with ``eval stories --choose-link``: the shipped link and the earlier
# grid, so the choice of "rare words alone" (made in the eighth session on all WikiNews dev events,
# looking at the cross-validated figure) is made inside each fold too: the honest figure for the
# shipped link (ninth session: 0.819; no fold chose the shipped link).
LINK_CHOICE_GRID = (LinkWeights(KEY_WEIGHT, LEXICAL_WEIGHT), *EARLIER_WEIGHT_GRID)
EVENT_FOLDS = 5


@dataclass(frozen=True)
class ClusteringChoice:
    """The thresholds one fold chose: the join probability and the link weights."""

    join_probability: float
    weights: LinkWeights

    def to_json(self) -> dict[str, float]:
        return {
            "join_probability": self.join_probability,
            "key_weight": self.weights.keys,
            "lexical_weight": self.weights.lexical,
        }


@dataclass(frozen=True)
class CrossValidatedClustering:
    """B-cubed over each fold's test articles when all articles are clustered with the join
    probability and link weights chosen on the other folds' events."""

    bcubed_precision: float
    bcubed_recall: float
    chosen: tuple[ClusteringChoice, ...]

    @property
    def bcubed_f1(self) -> float:
        return scores.f1(self.bcubed_precision, self.bcubed_recall)

    def to_json(self) -> dict[str, Any]:
        return {
            "bcubed_f1": round(self.bcubed_f1, 4),
            "bcubed_precision": round(self.bcubed_precision, 4),
            "bcubed_recall": round(self.bcubed_recall, 4),
            "chosen": [c.to_json() for c in self.chosen],
        }


def _bcubed_items(
    clusters: Sequence[Sequence[str]], gold: dict[str, str], items: Sequence[str]
) -> tuple[float, float]:
    """Sums of B-cubed precision and recall of ``items`` in ``clusters`` (all clustered items count)."""
    cluster_of = {a: n for n, c in enumerate(clusters) for a in c}
    event_size: dict[str, int] = defaultdict(int)
    for event in gold.values():
        event_size[event] += 1
    precision = recall = 0.0
    for item in items:
        members = clusters[cluster_of[item]]
        correct = sum(1 for other in members if gold[other] == gold[item])
        precision += correct / len(members)
        recall += correct / event_size[gold[item]]
    return precision, recall


def choose_thresholds(
    docs: Sequence[StoryDoc],
    gold: dict[str, str],
    *,
    grid: Sequence[float] = JOIN_GRID,
    weight_grid: Sequence[LinkWeights] = WEIGHT_GRID,
) -> ClusteringChoice:
    """The join probability and link weights that cluster ``docs`` best against ``gold`` (B-cubed F1;
    ties: the first in ``weight_grid``, then the lowest probability). The shipped defaults are this
    choice on all WikiNews dev events; cross-validation makes it on the training events of each fold."""
    # The link channels of a pair depend on the articles clustered, not on the thresholds.
    cache: dict[tuple[str, str, int], LinkParts] = {}
    best: tuple[float, int, float] | None = None
    for w, weights in enumerate(weight_grid):
        for p in grid:
            found = cluster_with_progress(docs, join_probability=p, weights=weights, parts_cache=cache)
            score = clustering_scores([list(s.articles) for s in found.stories()], gold).bcubed_f1
            if best is None or (score, -w, -p) > (best[0], -best[1], -best[2]):
                best = (score, w, p)
    if best is None:
        raise EvaluationError(Errors.V032)
    return ClusteringChoice(best[2], weight_grid[best[1]])


def cross_validate_clustering(
    docs: Sequence[StoryDoc],
    gold: dict[str, str],
    *,
    folds: int = EVENT_FOLDS,
    grid: Sequence[float] = JOIN_GRID,
    weight_grid: Sequence[LinkWeights] = WEIGHT_GRID,
    progress: ProgressCallback = no_progress,
) -> CrossValidatedClustering:
    """Event folds (all articles of an event in one fold; events dealt round-robin in sorted order).
    Per fold the join probability and link weights that cluster the training events best are chosen
    (ties: the first in ``weight_grid``, then the lowest probability), every article is clustered
    with them, and the fold's test articles are scored; the figures average over all articles.
    """
    events = sorted(set(gold.values()))
    fold_of = {event: n % folds for n, event in enumerate(events)}
    precision = recall = 0.0
    chosen: list[ClusteringChoice] = []
    every_cache: dict[tuple[str, str, int], LinkParts] = {}
    for fold in range(folds):
        train = [d for d in docs if fold_of[gold[d.id]] != fold]
        train_gold = {d.id: gold[d.id] for d in train}
        choice = choose_thresholds(train, train_gold, grid=grid, weight_grid=weight_grid)
        chosen.append(choice)
        clusters = [
            list(s.articles)
            for s in cluster_with_progress(
                docs,
                join_probability=choice.join_probability,
                weights=choice.weights,
                parts_cache=every_cache,
            ).stories()
        ]
        test = [d.id for d in docs if fold_of[gold[d.id]] == fold]
        p_sum, r_sum = _bcubed_items(clusters, gold, test)
        precision += p_sum
        recall += r_sum
        progress("folds", fold + 1, folds)
    return CrossValidatedClustering(precision / len(docs), recall / len(docs), tuple(chosen))
