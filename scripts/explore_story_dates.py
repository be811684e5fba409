"""Publication days of the SemEval pairs and the same-story score: the story-id line and the gap variants.

Usage::

    python scripts/explore_story_dates.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]

1. Fits the line from a SemEval story id (the halves of a pair id) to a day on the absolute dates the
   file's texts name (``analyse.dates.find_dates`` without an anchor, which reads German, English,
   Spanish and French; years 2019–2021; each story id once), refitted five times without the mentions
   more than three robust standard deviations (and 9 days) off; prints ids per day and the id of
   1 January 2020 (``stories/evaluate.py`` holds them rounded).
2. With the shipped reading of the ids (``evaluate.with_days_from_ids``) prints the Pearson per language
   pair, 10-fold cross-validated on the fixed folds of :mod:`blickwinkel.stories.fitting` (seed 0), of:
   the e5 model without days and with its publication-gap term (shipped); the hand-set penalty of
   ``weights.GAP_*`` on the model without days; ln(1 + days) inside every candidate set or as a fifth
   set (with the term); and, fitted on the nested inner-CV predictions of each outer fold's training
   pairs (a 5-fold CV of the model without days inside it), a hinge after 0–7 free days, one line per
   language pair with 60 pairs or more, that line chosen against the shared one by a 5-fold split of
   the pair's training pairs, and the shared line with its product with the predicted value.

Nothing here ships; README lists the figures (sixteenth session). The e5 vectors come from the cache of
``scripts/fit_story_weights.py`` (one e5 pass over the 1,480 texts on the first run).
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.analyse.dates import find_dates
from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import SimilarityPair, pearson_by_language
from blickwinkel.stories.features import StoryDoc, with_centres
from blickwinkel.stories.weights import GAP_FREE_DAYS, GAP_PENALTY_PER_DAY

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, pair_docs, read_semeval_pairs

Floats = npt.NDArray[np.float64]
KEYS = ("all", "de-de", "de-en", "en-en", "es-es", "fr-fr", "pl-pl", "tr-tr", "ar-ar")
MIN_OWN_LINE = 60


def id_day_line(pairs: Sequence[SimilarityPair]) -> tuple[float, float, int, int]:
    """Ids per day and the id of 1 January 2020 of the robust line, mentions read and kept."""
    points: list[tuple[int, int]] = []
    seen: set[str] = set()
    for p in pairs:
        ids = p.pair_id.split("_")
        if len(ids) != 2:
            continue
        for story_id, text, language in zip(ids, (p.text1, p.text2), (p.lang1, p.lang2), strict=True):
            if story_id in seen or not story_id.isdigit():
                continue
            seen.add(story_id)
            for mention in find_dates(text[:3000], language, anchor=None):
                try:
                    day = dt.date.fromisoformat(mention.value or "")
                except ValueError:
                    continue
                if 2019 <= day.year <= 2021:
                    points.append((int(story_id), day.toordinal()))
    x = np.asarray([p[0] for p in points], dtype=np.float64)
    y = np.asarray([p[1] for p in points], dtype=np.float64)
    kept = np.ones(len(x), dtype=bool)
    slope = intercept = 0.0
    for _ in range(6):
        slope, intercept = np.polyfit(x[kept], y[kept], 1)
        residual = y - (slope * x + intercept)
        spread = float(np.median(np.abs(residual[kept]))) * 1.4826
        kept = np.abs(residual) < 3 * max(spread, 3.0)
    day_zero = dt.date(2020, 1, 1).toordinal()
    return 1.0 / slope, (day_zero - intercept) / slope, len(points), int(kept.sum())


def show(label: str, predicted: Floats, pairs: Sequence[SimilarityPair]) -> None:
    scores = pearson_by_language([-float(v) for v in predicted], pairs)
    print(f"{label:<44} " + "  ".join(f"{k}={scores[k]:.3f}" for k in KEYS), flush=True)


def with_extra(
    docs: Sequence[StoryDoc], extra: Sequence[dict[str, float]]
) -> Callable[[npt.NDArray[np.int64]], list[dict[str, float]]]:
    """Each outer fold's rows (centred on its training texts, as the shipped CV) with ``extra`` added."""

    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        rows = fitting.pair_rows(with_centres(docs, fitting.pair_centres(docs, train)))
        return [{**row, **more} for row, more in zip(rows, extra, strict=True)]

    return rows_for


def line(x: Floats, residual: Floats, columns: Sequence[Floats] = ()) -> Floats:
    design = np.column_stack([np.ones_like(x), x, *columns])
    return np.asarray(np.linalg.lstsq(design, residual, rcond=None)[0], dtype=np.float64)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)  # with the days from the ids (evaluate.with_days_from_ids)
    per_day, at_zero, read, kept = id_day_line(pairs)
    print(
        f"story ids: {per_day:,.0f} a day, id {at_zero:,.0f} on 2020-01-01 ({kept} of {read} mentions kept)"
    )
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    languages = np.asarray([p.languages for p in pairs])
    gaps = [abs((p.published1 - p.published2).days) if p.published1 and p.published2 else 0 for p in pairs]
    log_gap = np.log1p(np.asarray(gaps, dtype=np.float64))
    options = fitting.options_for("e5")
    undated = replace(options, publication_gap=False)
    docs = pair_docs(pairs, DiskCachedEmbedder(get_embedder("e5"), args.cache), options)
    without, _ = fitting.cross_validated_docs(docs, gold, fitting.CrossValidation(undated))
    show("model without days", without, pairs)
    shipped, _ = fitting.cross_validated_docs(docs, gold, fitting.CrossValidation(options))
    show("model with its gap term (shipped)", shipped, pairs)
    hand = np.clip(without + GAP_PENALTY_PER_DAY * np.maximum(0, np.asarray(gaps) - GAP_FREE_DAYS), 1, 4)
    show(f"hand-set penalty ({GAP_PENALTY_PER_DAY} a day after {GAP_FREE_DAYS})", hand, pairs)
    extra = [{"log_gap": float(v)} for v in log_gap]
    rows_for = with_extra(docs, extra)
    languages_list = [str(k) for k in languages]
    sets = dict(options.sets)
    for label, candidate in (
        ("ln(1 + days) in every set, with the term", {k: (*v, "log_gap") for k, v in sets.items()}),
        ("ln(1 + days) as a fifth set, with the term", {**sets, "gap": (*sets["dates"], "log_gap")}),
    ):
        predicted, _ = fitting._cross_validated(
            rows_for,
            gold,
            languages_list,
            fitting.CrossValidation(replace(options, sets=candidate)),
            gaps,
        )
        show(label, predicted, pairs)
    # Nested: each outer fold's training pairs predicted by a 5-fold CV of the model without days.
    inner: list[tuple[npt.NDArray[np.int64], npt.NDArray[np.int64], Floats]] = []
    for test in fitting.folds(len(pairs)):
        train = np.setdiff1d(np.arange(len(pairs)), test)
        sub = [d for i in train for d in (docs[2 * int(i)], docs[2 * int(i) + 1])]
        predicted, _ = fitting.cross_validated_docs(sub, gold[train], fitting.CrossValidation(undated, k=5))
        inner.append((train, test, predicted))
    variants: dict[str, Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64], Floats], Floats]] = {}

    def shared_line(train: npt.NDArray[np.int64], test: npt.NDArray[np.int64], ip: Floats) -> Floats:
        c = line(log_gap[train], gold[train] - ip)
        return np.asarray(np.clip(without[test] + c[0] + c[1] * log_gap[test], 1, 4), dtype=np.float64)

    def hinge(train: npt.NDArray[np.int64], test: npt.NDArray[np.int64], ip: Floats) -> Floats:
        best: tuple[float, float, float] | None = None
        for free in (0, 1, 2, 3, 5, 7):
            h = np.maximum(0.0, log_gap[train] - math.log1p(free))
            slope = max(0.0, float(h @ (gold[train] - ip)) / max(float(h @ h), 1e-9))
            error = float(((np.clip(ip + slope * h, 1, 4) - gold[train]) ** 2).sum())
            if best is None or error < best[0]:
                best = (error, slope, math.log1p(free))
        assert best is not None
        return np.clip(without[test] + best[1] * np.maximum(0.0, log_gap[test] - best[2]), 1, 4)

    def own_lines(chosen: bool) -> Callable[[npt.NDArray[np.int64], npt.NDArray[np.int64], Floats], Floats]:
        def variant(train: npt.NDArray[np.int64], test: npt.NDArray[np.int64], ip: Floats) -> Floats:
            x, residual, keys = log_gap[train], gold[train] - ip, languages[train]
            coefficients = {"*": line(x, residual)}
            for key in set(keys.tolist()):
                mask = keys == key
                if mask.sum() < MIN_OWN_LINE:
                    continue
                own = line(x[mask], residual[mask])
                if chosen:
                    index = np.flatnonzero(mask)
                    errors = [0.0, 0.0]
                    for part in np.array_split(np.random.default_rng(0).permutation(index), 5):
                        rest, others = np.setdiff1d(index, part), np.ones(len(train), dtype=bool)
                        others[part] = False
                        for n, c in enumerate(
                            (line(x[rest], residual[rest]), line(x[others], residual[others]))
                        ):
                            value = np.clip(ip[part] + c[0] + c[1] * x[part], 1, 4)
                            errors[n] += float(((value - gold[train][part]) ** 2).sum())
                    if errors[0] >= errors[1]:
                        continue
                coefficients[str(key)] = own
            out = np.empty(len(test))
            for n, i in enumerate(test):
                c = coefficients.get(str(languages[i]), coefficients["*"])
                out[n] = np.clip(without[i] + c[0] + c[1] * log_gap[i], 1, 4)
            return out

        return variant

    def interaction(train: npt.NDArray[np.int64], test: npt.NDArray[np.int64], ip: Floats) -> Floats:
        c = line(log_gap[train], gold[train] - ip, (log_gap[train] * (4 - ip),))
        value = without[test] + c[0] + c[1] * log_gap[test] + c[2] * log_gap[test] * (4 - without[test])
        return np.asarray(np.clip(value, 1, 4), dtype=np.float64)

    variants["nested: one line over all pairs"] = shared_line
    variants["nested: hinge after 0-7 free days"] = hinge
    variants["nested: a line per language pair"] = own_lines(chosen=False)
    variants["nested: that line where a split chooses it"] = own_lines(chosen=True)
    variants["nested: the line and ln-gap x (4 - value)"] = interaction
    for label, variant in variants.items():
        predicted = without.copy()
        for train, test, ip in inner:
            predicted[test] = variant(train, test, ip)
        show(label, predicted, pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
