"""Fitting and cross-validating the same-story model (used by scripts/fit_story_weights.py and the quality
gate, so the figures the gate pins are the ones the script reports).

A model is a few candidate feature sets, each a ridge regression of the SemEval ``overall`` label on
pair features fitted on all training pairs (numpy; the intercept is not penalised, as in scikit-learn's
``Ridge``), and per language pair the set with the best Pearson in an inner cross-validation on the
training pairs (``INNER_FOLDS``); language pairs with fewer than ``MIN_GROUP_PAIRS`` training pairs get
the set best over all pairs. Cross-validated predictions of a pair come from a model fitted (sets and
choices) on the other outer folds only.

Folds are fixed: pair ``i`` of the file (in file order) goes to the fold of its position in a
permutation of ``range(pairs)`` drawn with ``numpy.random.default_rng(FOLD_SEED)``, dealt into ``FOLDS``
consecutive parts (``folds``); the inner folds are made the same way over the training pairs. The folds
are grouped by article: pairs that share an article (the same text, or the same SemEval story id:
``pair_groups``) all go to the fold of the first of them in the permutation, so no article sits in a
fold's training pairs and its test pairs at once (32 of the 749 SemEval dev pairs share an article with
another pair; the other pairs keep the fold of their position).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Hashable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np
import numpy.typing as npt

from blickwinkel.groups import Groups
from blickwinkel.stories.centres import Centres, fit_centres
from blickwinkel.stories.features import StoryDoc, with_centres
from blickwinkel.stories.score import date_gap_days, pair_features
from blickwinkel.stories.weights import Calibration, StoryModel, StoryWeights, language_pair

Matrix = npt.NDArray[np.float64]

FOLDS = 10
INNER_FOLDS = 5
RIDGE_ALPHA = 1.0
FOLD_SEED = 0
# A language pair gets a set of its own only with this many training pairs: the Pearson of fewer
# pairs is too noisy to choose by (its standard error near r = 0.7 is about 0.1 at 30 pairs).
# Added after the 16 fr-fr SemEval pairs chose a set below plain cosine without it (README says so).
MIN_GROUP_PAIRS = 30
# A language pair gets a calibration of its predicted scale value (``FitOptions.calibrated``) only with
# this many training pairs: a step function has more freedom than a set choice (the fifth session's
# per-language-pair fits used the same bound).
MIN_CALIBRATION_PAIRS = 60
SAME_STORY_MAX = 2.0  # gold overall ≤ 2 ("very" or "somewhat similar") counts as the same event
# The publication-gap term (``FitOptions.publication_gap``) is fitted only with this many training
# pairs whose two days are known (two numbers over all language pairs).
MIN_GAP_PAIRS = 60
# The degree of the e5 model's map of its final scale value (``FitOptions.scale_map``,
# :func:`fit_scale_map`): a cubic can bend at both ends of the scale, where the gold saturates; degree
# 2 and 4 were compared on the reported CV figures (nineteenth session, README).
SCALE_MAP_DEGREE = 3
# Points of 1–4 at which a fitted scale map must not fall (else the model gets none).
SCALE_MAP_GRID = 301

# The candidate sets: the document cosine alone, all embedding cosines, and those with the lexical
# overlaps (names, numbers, dates, words: surface patterns written for German and English).
EMBEDDINGS = ("cos_title", "cos_lead", "cos_doc", "cos_cross", "cos_chunks")
FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "document": ("cos_doc",),
    "embeddings": EMBEDDINGS,
    "combined": (
        *EMBEDDINGS,
        "entities",
        "numbers",
        "dates",
        "words_same_language",
        "words_cross_language",
    ),
}


@dataclass(frozen=True)
class FitOptions:
    """How the model of one embedder is fitted: its candidate ``sets``, whether the ridge penalty
    applies to standardised features (``standardise``; cosines of e5 pack into 0.75–1.0, where an
    unscaled penalty of 1 outweighs every cosine), the quantile levels, among the training pairs'
    document cosines, of the hinge knots each set with the ``knot_feature`` gets (``knot_levels``),
    whether each language pair with a set of its own gets an intercept offset (``language_offsets``),
    whether the per-language mean vectors (:mod:`blickwinkel.stories.centres`) are fitted with
    the sets, on the same training pairs (``centred``), and whether each language pair with at least
    ``MIN_CALIBRATION_PAIRS`` training pairs gets a monotone calibration of its predicted scale value,
    fitted on the chosen set's inner-CV predictions (``calibrated``; :class:`weights.Calibration`), and
    whether the model gets a publication-gap term (``publication_gap``; :meth:`weights.StoryModel.dated`)
    where the training pairs carry both articles' days, and the degree of the polynomial that maps the
    model's final scale value onto the gold over all language pairs (``scale_map``, 0: none;
    :func:`fit_scale_map`)."""

    sets: Mapping[str, tuple[str, ...]]
    standardise: bool = False
    knot_levels: tuple[float, ...] = ()
    language_offsets: bool = False
    knot_feature: str = "cos_doc"
    centred: bool = False
    calibrated: bool = False
    publication_gap: bool = False
    scale_map: int = 0


# e5: cosines of the vectors with their language's mean taken away (stories.centres): the document
# cosine alone, with the title cosines (title-title and title-document), and with those and the
# title agreement (the lower of the two articles' title-text cosines, alone and times the document
# cosine: where a page's text is not about its title, the titles say more), each with one hinge at
# the training pairs' median document cosine, features standardised. Chosen by the same 10-fold CV on
# the SemEval-2022 dev pairs (docs/data-sources.md): the lexical overlaps, the lead and further hinges
# raised no language pair there (the overlaps lowered de-en); centring and the agreement set raised
# every pair but fr-fr and pl-pl (sixth session, README). Eighth session: the agreement set with whether
# the two texts name different calendar days (``date_clash``) as a fourth set, chosen for de-de, en-en,
# es-es and pl-pl (de-de 0.766 → 0.780 in the same CV, picked among a few cheap extras there: README).
E5_FEATURE_SETS: dict[str, tuple[str, ...]] = {
    "document": ("cos_doc_c",),
    "titles": ("cos_doc_c", "cos_title_c", "cos_cross_c"),
    "agreement": ("cos_doc_c", "cos_title_c", "cos_cross_c", "agreement", "cos_doc_c_agreement"),
    "dates": ("cos_doc_c", "cos_title_c", "cos_cross_c", "agreement", "cos_doc_c_agreement", "date_clash"),
}
FIT_OPTIONS: dict[str, FitOptions] = {
    "use": FitOptions(FEATURE_SETS),
    "e5": FitOptions(
        E5_FEATURE_SETS,
        standardise=True,
        knot_levels=(0.5,),
        language_offsets=True,
        knot_feature="cos_doc_c",
        centred=True,
        calibrated=True,
        publication_gap=True,
        scale_map=SCALE_MAP_DEGREE,
    ),
}
DEFAULT_OPTIONS = "use"


def options_for(embedder: str) -> FitOptions:
    """The fitting options of ``embedder`` (those of 'use' for an embedder without its own)."""
    return FIT_OPTIONS.get(embedder, FIT_OPTIONS[DEFAULT_OPTIONS])


def pair_rows(docs: Sequence[StoryDoc]) -> list[dict[str, float]]:
    """The features of each pair (``docs`` holds the two sides of each pair in turn)."""
    return [pair_features(docs[i], docs[i + 1]) for i in range(0, len(docs) - 1, 2)]


def pair_languages(docs: Sequence[StoryDoc]) -> list[str]:
    return [language_pair(docs[i].language, docs[i + 1].language) for i in range(0, len(docs) - 1, 2)]


def matrix(rows: Sequence[Mapping[str, float]], features: Sequence[str]) -> Matrix:
    return np.asarray([[r[f] for f in features] for r in rows], dtype=np.float64).reshape(
        len(rows), len(features)
    )


def ridge(
    x: Matrix, y: Matrix, alpha: float = RIDGE_ALPHA, *, standardise: bool = False
) -> tuple[float, Matrix]:
    """Intercept and coefficients of the ridge regression of ``y`` on ``x``; with ``standardise`` the
    penalty applies to the coefficients of the standardised columns (scikit-learn's StandardScaler
    before Ridge), the returned ones are on the scale of ``x``."""
    mean_x, mean_y = x.mean(axis=0), float(y.mean())
    scale = x.std(axis=0) if standardise else np.ones(x.shape[1])
    scale[scale == 0] = 1.0
    centred = (x - mean_x) / scale
    gram = centred.T @ centred + alpha * np.eye(x.shape[1])
    coefficients: Matrix = np.linalg.solve(gram, centred.T @ (y - mean_y)) / scale
    return mean_y - float(mean_x @ coefficients), coefficients


def logistic_1d(x: Matrix, same: Matrix, iterations: int = 50) -> tuple[float, float]:
    """Midpoint and slope of P(same) = 1 / (1 + exp(-slope · (midpoint - x))), by Newton's method
    with a small L2 penalty (scikit-learn's default C = 1)."""
    w = np.zeros(2)
    design = np.column_stack([np.ones_like(x), x])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(design @ w)))
        gradient = design.T @ (p - same) + np.array([0.0, w[1]])
        hessian = design.T @ (design * (p * (1 - p))[:, None]) + np.diag([0.0, 1.0])
        w -= np.linalg.solve(hessian, gradient)
    slope = -float(w[1])
    return float(w[0]) / slope if slope else 2.5, slope


def folds(
    count: int, k: int = FOLDS, seed: int = FOLD_SEED, groups: Sequence[Hashable] | None = None
) -> list[npt.NDArray[np.int64]]:
    """``k`` disjoint test folds of a seeded shuffle of ``range(count)``; with ``groups`` (one per item),
    the items of a group all go to the fold of the group's first item in the shuffle."""
    order = np.random.default_rng(seed).permutation(count)
    parts = np.array_split(order, k)
    if groups is None:
        return [np.sort(part) for part in parts]
    fold_of: dict[Hashable, int] = {}
    for fold, part in enumerate(parts):
        for i in part.tolist():
            fold_of.setdefault(groups[i], fold)
    members: list[list[int]] = [[] for _ in range(k)]
    for i in range(count):
        members[fold_of[groups[i]]].append(i)
    return [np.asarray(m, dtype=np.int64) for m in members]


def article_keys(doc: StoryDoc) -> tuple[str, ...]:
    """What names an article across pairs: its text (content hash) and, for a SemEval article (id
    ``"<story id>_<story id>/<side>"``, :func:`blickwinkel.stories.evaluate.pair_article`), its story id
    (three SemEval story ids come with two versions of their text)."""
    keys = [f"text:{doc.content_hash}"]
    pair_id, _, side = doc.id.rpartition("/")
    ids = pair_id.split("_")
    if side in ("1", "2") and len(ids) == 2:
        keys.append(f"story:{ids[int(side) - 1]}")
    return tuple(keys)


def pair_groups(docs: Sequence[StoryDoc]) -> list[int]:
    """For each pair (``docs`` holds the two sides of each pair in turn), the number of its group:
    pairs that share an article (:func:`article_keys`), directly or through other pairs, share a group."""
    groups: Groups[str] = Groups()
    for n in range(len(docs) // 2):
        groups.add(f"pair:{n}")
        for doc in (docs[2 * n], docs[2 * n + 1]):
            for key in article_keys(doc):
                groups.add(key)
                groups.union(f"pair:{n}", key)
    roots: dict[str, int] = {}
    return [roots.setdefault(groups.find(f"pair:{n}"), len(roots)) for n in range(len(docs) // 2)]


def _pearson(a: Matrix, b: Matrix) -> float:
    if len(a) < 3 or float(np.std(a)) == 0.0 or float(np.std(b)) == 0.0:
        return 0.0
    return float(np.corrcoef(a, b)[0, 1])


def inputs(model: StoryWeights, rows: Sequence[Mapping[str, float]]) -> Matrix:
    """The values the set's coefficients multiply (its features, then its hinges), one row per pair."""
    width = len(model.features) + len(model.knots)
    return np.asarray([model.inputs(r) for r in rows], dtype=np.float64).reshape(len(rows), width)


def fit_set(
    rows: Sequence[Mapping[str, float]],
    gold: Matrix,
    features: Sequence[str],
    alpha: float,
    options: FitOptions | None = None,
) -> StoryWeights:
    options = options or FIT_OPTIONS[DEFAULT_OPTIONS]
    knots: tuple[float, ...] = ()
    if options.knot_levels and options.knot_feature in features:
        levels = np.quantile([r[options.knot_feature] for r in rows], options.knot_levels)
        knots = tuple(round(float(k), 4) for k in levels)
    shape = StoryWeights(tuple(features), 0.0, (), 0.0, 0.0, knots, options.knot_feature)
    x = inputs(shape, rows)
    intercept, coefficients = ridge(x, gold, alpha, standardise=options.standardise)
    predicted = np.clip(intercept + x @ coefficients, 1.0, 4.0)
    midpoint, slope = logistic_1d(predicted, (gold <= SAME_STORY_MAX).astype(np.float64))
    return StoryWeights(
        features=tuple(features),
        intercept=round(intercept, 4),
        coefficients=tuple(round(float(c), 4) for c in coefficients),
        probability_midpoint=round(midpoint, 4),
        probability_slope=round(slope, 4),
        knots=knots,
        knot_feature=options.knot_feature,
    )


def predict(model: StoryWeights, rows: Sequence[Mapping[str, float]]) -> Matrix:
    """The set's predictions on the 1–4 scale (before the date-gap penalty), clipped."""
    out: Matrix = np.clip(model.intercept + inputs(model, rows) @ np.asarray(model.coefficients), 1.0, 4.0)
    return out


def isotonic(x: Matrix, y: Matrix) -> Calibration:
    """The least-squares non-decreasing fit of ``y`` on ``x`` (pool adjacent violators; equal ``x``
    pooled first), as breakpoints: the first and last ``x`` of each constant run with its value —
    scikit-learn's ``IsotonicRegression`` fit, without importing it (and scipy) for a handful of
    numbers."""
    order = np.argsort(x, kind="stable")
    unique: list[list[float]] = []  # [sum of y, count, first x, last x]
    for value, target in zip(x[order].tolist(), y[order].tolist(), strict=True):
        if unique and unique[-1][2] == value:
            unique[-1][0] += target
            unique[-1][1] += 1
        else:
            unique.append([target, 1.0, value, value])
    blocks: list[list[float]] = []
    for block in unique:
        blocks.append(block)
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] >= blocks[-1][0] / blocks[-1][1]:
            total, count, _, last = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += count
            blocks[-1][3] = last
    inputs: list[float] = []
    outputs: list[float] = []
    for total, count, first, last in blocks:
        for point in (first, last) if last > first else (first,):
            inputs.append(round(point, 4))
            outputs.append(round(total / count, 4))
    return Calibration(tuple(inputs), tuple(outputs))


def predict_pair(model: StoryModel, key: str, row: Mapping[str, float], gap_days: int | None = None) -> float:
    """The model's scale value for one pair of language pair ``key``: its chosen set's clipped
    prediction, calibrated where the model holds a calibration, moved by the model's publication-gap
    term when ``gap_days`` is known (:meth:`StoryModel.dated`), through its scale map
    (:meth:`StoryModel.mapped`)."""
    return model.mapped(
        model.dated(model.calibrated(key, float(predict(model.for_pair(key), [row])[0])), gap_days)
    )


def pair_gaps(docs: Sequence[StoryDoc]) -> list[int | None]:
    """Days between the publication of the two sides of each pair (``None`` where one is undated)."""
    return [date_gap_days(docs[i], docs[i + 1]) for i in range(0, len(docs) - 1, 2)]


def fit_gap(predicted: Matrix, gold: Matrix, gaps: Sequence[int | None]) -> tuple[float, float]:
    """Shift and slope of the least-squares line of the residual (gold minus ``predicted``) on
    ``ln(1 + gap)`` over the pairs with a known gap; (0, 0) with fewer than ``MIN_GAP_PAIRS``."""
    known = [i for i, g in enumerate(gaps) if g is not None]
    if len(known) < MIN_GAP_PAIRS:
        return 0.0, 0.0
    x = np.asarray([math.log1p(gaps[i] or 0) for i in known], dtype=np.float64)
    design = np.column_stack([np.ones_like(x), x])
    residual = gold[known] - predicted[known]
    shift, slope = np.linalg.lstsq(design, residual, rcond=None)[0]
    return round(float(shift), 4), round(float(slope), 4)


def fit_scale_map(values: Matrix, gold: Matrix, degree: int) -> tuple[float, ...]:
    """The least-squares polynomial of ``degree`` of the ``gold`` on the model's ``values`` (highest
    power first, rounded to 6 decimals), or none (``()``) where the rounded polynomial falls anywhere on
    the scale 1–4 (a map of the scale must keep its order) or there are too few values to fit it."""
    if len(values) <= degree + 1 or float(np.ptp(values)) == 0.0:
        return ()
    coefficients = tuple(round(float(c), 6) for c in np.polyfit(values, gold, degree))
    grid = np.linspace(1.0, 4.0, SCALE_MAP_GRID)
    if np.any(np.diff(np.polyval(coefficients, grid)) < 0):
        return ()
    return coefficients


def fit_model(
    rows: Sequence[Mapping[str, float]],
    gold: Matrix,
    languages: Sequence[str],
    *,
    options: FitOptions | None = None,
    alpha: float = RIDGE_ALPHA,
    inner_folds: int = INNER_FOLDS,
    gaps: Sequence[int | None] | None = None,
    groups: Sequence[Hashable] | None = None,
) -> StoryModel:
    """Every candidate set fitted on all ``rows``, and the set chosen per language pair by inner CV
    (its folds grouped by ``groups``, one per pair, when given: :func:`folds`);
    with ``options.publication_gap`` and the pairs' publication ``gaps`` (days, ``None`` unknown), the
    gap term fitted on the residuals of the chosen sets' calibrated inner-CV predictions; with
    ``options.scale_map``, the map of the scale (:func:`fit_scale_map`) fitted on those predictions made
    into the model's values (calibrated, dated)."""
    options = options or FIT_OPTIONS[DEFAULT_OPTIONS]
    sets = options.sets
    inner = {name: np.zeros(len(rows)) for name in sets}
    for test in folds(len(rows), inner_folds, groups=groups):
        train = np.setdiff1d(np.arange(len(rows)), test)
        train_rows = [rows[i] for i in train]
        test_rows = [rows[i] for i in test]
        for name, features in sets.items():
            inner[name][test] = predict(fit_set(train_rows, gold[train], features, alpha, options), test_rows)
    by_language: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(languages):
        by_language[key].append(i)
    names = list(sets)

    def best(idx: Sequence[int]) -> str:
        index = np.asarray(idx)
        # Ties go to the earlier (smaller) set.
        return max(names, key=lambda n: (round(_pearson(-inner[n][index], -gold[index]), 6), -names.index(n)))

    chosen = {key: best(idx) for key, idx in sorted(by_language.items()) if len(idx) >= MIN_GROUP_PAIRS}
    offsets = {}
    if options.language_offsets:
        for key, name in chosen.items():
            index = np.asarray(by_language[key])
            offsets[key] = round(float(np.mean(gold[index] - inner[name][index])), 4)
    calibration = {}
    if options.calibrated:
        for key, name in chosen.items():
            index = np.asarray(by_language[key])
            if len(index) >= MIN_CALIBRATION_PAIRS:
                calibration[key] = isotonic(inner[name][index], gold[index])
    default = best(range(len(rows)))
    shift = slope = 0.0
    if options.publication_gap and gaps is not None:
        predicted = np.asarray(
            [
                calibration[key].apply(float(inner[chosen.get(key, default)][i]))
                if key in calibration
                else float(inner[chosen.get(key, default)][i])
                for i, key in enumerate(languages)
            ]
        )
        shift, slope = fit_gap(predicted, gold, gaps)
    model = StoryModel(
        sets={name: fit_set(rows, gold, features, alpha, options) for name, features in sets.items()},
        default=default,
        chosen=chosen,
        offsets=offsets,
        calibration=calibration,
        gap_shift=shift,
        gap_slope=slope,
    )
    if not options.scale_map:
        return model
    values = np.asarray(
        [
            model.dated(
                model.calibrated(key, float(inner[chosen.get(key, default)][i])),
                None if gaps is None else gaps[i],
            )
            for i, key in enumerate(languages)
        ]
    )
    return replace(model, scale_map=fit_scale_map(values, gold, options.scale_map))


@dataclass(frozen=True)
class CrossValidation:
    """How :func:`cross_validated` and :func:`cross_validated_docs` run: ``k`` outer folds of the
    shuffle drawn with ``seed`` (:func:`folds`; the reported figures use ``FOLD_SEED``, other seeds show
    how much they move with the split), each fold's model fitted with ``options`` and the ridge
    penalty ``alpha``."""

    options: FitOptions = FIT_OPTIONS[DEFAULT_OPTIONS]
    k: int = FOLDS
    alpha: float = RIDGE_ALPHA
    seed: int = FOLD_SEED

    def with_sets(self, sets: Mapping[str, tuple[str, ...]]) -> CrossValidation:
        """The same run with ``sets`` in place of the options' candidate sets (to cross-validate one
        set alone)."""
        return replace(self, options=replace(self.options, sets=sets))


SHIPPED_CV = CrossValidation()


def cross_validated(
    rows: Sequence[Mapping[str, float]],
    gold: Matrix,
    languages: Sequence[str],
    how: CrossValidation = SHIPPED_CV,
    *,
    gaps: Sequence[int | None] | None = None,
    groups: Sequence[Hashable] | None = None,
) -> tuple[Matrix, list[StoryModel]]:
    """Each pair's prediction from the model fitted on the other folds (clipped to 1–4; with the
    publication-gap term where ``gaps`` are given and the options fit one), and those models; the
    folds (outer and inner) grouped by ``groups`` when given (:func:`folds`, :func:`pair_groups`)."""
    return _cross_validated(lambda _train: rows, gold, languages, how, gaps, groups)


def _cross_validated(
    rows_for: Callable[[npt.NDArray[np.int64]], Sequence[Mapping[str, float]]],
    gold: Matrix,
    languages: Sequence[str],
    how: CrossValidation,
    gaps: Sequence[int | None] | None = None,
    groups: Sequence[Hashable] | None = None,
) -> tuple[Matrix, list[StoryModel]]:
    """The outer folds of :func:`cross_validated`; ``rows_for(train)`` gives every pair's features as
    that fold's training pairs make them (the same rows each fold, or centred on the fold's means)."""
    predicted = np.zeros(len(languages), dtype=np.float64)
    models = []
    for test in folds(len(languages), how.k, how.seed, groups):
        train = np.setdiff1d(np.arange(len(languages)), test)
        rows = rows_for(train)
        model = fit_model(
            [rows[i] for i in train],
            gold[train],
            [languages[i] for i in train],
            options=how.options,
            alpha=how.alpha,
            gaps=None if gaps is None else [gaps[i] for i in train],
            groups=None if groups is None else [groups[i] for i in train],
        )
        models.append(model)
        for i in test:
            predicted[i] = predict_pair(model, languages[i], rows[i], None if gaps is None else gaps[i])
    return predicted, models


def pair_centres(docs: Sequence[StoryDoc], pairs: Sequence[int] | npt.NDArray[np.int64]) -> Centres:
    """The per-language means of the texts of ``pairs`` (``docs`` holds both sides of each pair in
    turn; a text in several pairs counts once)."""
    seen: dict[tuple[str, str], StoryDoc] = {}
    for i in pairs:
        for doc in (docs[2 * int(i)], docs[2 * int(i) + 1]):
            seen.setdefault((doc.content_hash, doc.language or ""), doc)
    texts = list(seen.values())
    return fit_centres(
        np.asarray([d.doc_vec for d in texts], dtype=np.float32),
        np.asarray([d.title_vec for d in texts], dtype=np.float32),
        [d.language for d in texts],
    )


def fit_model_docs(
    docs: Sequence[StoryDoc],
    gold: Matrix,
    *,
    options: FitOptions | None = None,
    alpha: float = RIDGE_ALPHA,
) -> tuple[StoryModel, Centres | None]:
    """:func:`fit_model` on the pairs of ``docs`` (inner folds grouped by article, :func:`pair_groups`),
    with the per-language means fitted on all their texts first when the options ask for them (those
    means are returned too)."""
    options = options or FIT_OPTIONS[DEFAULT_OPTIONS]
    centres = pair_centres(docs, range(len(docs) // 2)) if options.centred else None
    if centres is not None:
        docs = with_centres(docs, centres)
    model = fit_model(
        pair_rows(docs),
        gold,
        pair_languages(docs),
        options=options,
        alpha=alpha,
        gaps=pair_gaps(docs),
        groups=pair_groups(docs),
    )
    return model, centres


def cross_validated_docs(
    docs: Sequence[StoryDoc], gold: Matrix, how: CrossValidation = SHIPPED_CV
) -> tuple[Matrix, list[StoryModel]]:
    """:func:`cross_validated` on the pairs of ``docs``, the folds grouped by article
    (:func:`pair_groups`); when the options fit per-language means, each
    outer fold's means come from its training pairs' texts only (the inner CV that chooses a set per
    language pair uses the outer fold's means: they read no gold)."""
    plain = None if how.options.centred else pair_rows(docs)

    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        return plain if plain is not None else pair_rows(with_centres(docs, pair_centres(docs, train)))

    return _cross_validated(rows_for, gold, pair_languages(docs), how, pair_gaps(docs), pair_groups(docs))
