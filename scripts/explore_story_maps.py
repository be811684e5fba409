"""Maps of the same-story model's final scale value, cross-validated on folds grouped by article.

Usage::

    python scripts/explore_story_maps.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]
        [--seeds 0,1,2,3,4] [--nested-seeds 0] [--only degrees,nested]

Prints the Pearson per language pair, 10-fold cross-validated on the fixed folds of
:mod:`blickwinkel.stories.fitting` grouped by article, for the folds of each seed and their mean, of
the shipped e5 model without and with the publication days estimated from the story ids (nineteenth
session, issue 12):

- ``degrees``: the model's map of its final scale value (``FitOptions.scale_map``,
  :func:`fitting.fit_scale_map`, fitted inside ``fit_model`` on the inner-CV values of the training
  pairs) of degree 0 (none), 2, 3 (shipped) and 4;
- ``nested``: the model without its map, its final value then mapped by a map fitted on a 5-fold CV of
  each outer fold's training pairs (the whole model refitted in each inner fold, so about six times the
  work of a plain run: ``--nested-seeds``): the isotonic regression of the gold on those values over
  all language pairs (:func:`fitting.isotonic`) making half (as the per-pair calibrations, of
  ``weights.CALIBRATION_SHARE``) or a quarter of the value, and gradient
  boosting (scikit-learn, 100 trees of depth 2, learning rate 0.05) of the residual on the centred
  cosines, the title agreement, the day clash, the two German language pairs and the value.

Nothing here ships but the cubic; README lists the figures (nineteenth session). The e5 vectors come
from the cache of ``scripts/fit_story_weights.py``.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import pearson_by_language
from blickwinkel.stories.features import StoryDoc, with_centres

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, pair_docs, read_semeval_pairs

Floats = npt.NDArray[np.float64]
Rows = Sequence[Mapping[str, float]]
KEYS = ("all", "de-de", "de-en", "en-en", "es-es", "fr-fr", "pl-pl", "tr-tr", "ar-ar")
BOOSTED = ("cos_doc_c", "cos_title_c", "cos_cross_c", "agreement", "date_clash")
# A map of the values of an outer fold's training pairs (their inner-CV values, gold, language pairs,
# rows) applied to its test pairs' values (with their language pairs and rows).
Map = Callable[[Floats, Floats, Sequence[str], Rows, Floats, Sequence[str], Rows], Floats]


def centred_rows(docs: Sequence[StoryDoc]) -> Callable[[npt.NDArray[np.int64]], list[dict[str, float]]]:
    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        return fitting.pair_rows(with_centres(docs, fitting.pair_centres(docs, train)))

    return rows_for


def isotonic(
    values: Floats, gold: Floats, _l: Sequence[str], _r: Rows, test: Floats, _tl: Sequence[str], _tr: Rows
) -> Floats:
    """The isotonic map mixed with the value by ``weights.CALIBRATION_SHARE``, as the per-pair
    calibrations are (:meth:`weights.Calibration.apply`)."""
    calibration = fitting.isotonic(values, gold)
    return np.asarray([calibration.apply(float(v)) for v in test])


def isotonic_quarter(
    values: Floats,
    gold: Floats,
    languages: Sequence[str],
    rows: Rows,
    test: Floats,
    tl: Sequence[str],
    tr: Rows,
) -> Floats:
    out: Floats = 0.5 * test + 0.5 * isotonic(values, gold, languages, rows, test, tl, tr)
    return out


def boosting(
    values: Floats,
    gold: Floats,
    languages: Sequence[str],
    rows: Rows,
    test: Floats,
    tl: Sequence[str],
    tr: Rows,
) -> Floats:
    from sklearn.ensemble import GradientBoostingRegressor

    def matrix(rows_: Rows, languages_: Sequence[str], values_: Floats) -> Floats:
        return np.asarray(
            [
                [r[f] for f in BOOSTED] + [k == "de-en", k == "de-de", v]
                for r, k, v in zip(rows_, languages_, values_, strict=True)
            ],
            dtype=np.float64,
        )

    model = GradientBoostingRegressor(
        n_estimators=100, max_depth=2, learning_rate=0.05, subsample=0.8, random_state=0
    )
    model.fit(matrix(rows, languages, values), gold - values)
    out: Floats = np.clip(test + model.predict(matrix(tr, tl, test)), 1.0, 4.0)
    return out


NESTED: dict[str, Map] = {
    "isotonic, half": isotonic,
    "isotonic, quarter": isotonic_quarter,
    "boosting": boosting,
}


def show(label: str, runs: Sequence[Mapping[str, float]]) -> None:
    cells = "  ".join(f"{k}={runs[0][k]:.3f}" for k in KEYS)
    print(f"{label:<30} seed 0: {cells}", flush=True)
    if len(runs) > 1:
        means = "  ".join(f"{k}={np.mean([r[k] for r in runs]):.4f}" for k in KEYS)
        print(f"{'':<30}   mean: {means}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    parser.add_argument("--seeds", default="0,1,2,3,4", help="the folds of these seeds (0: reported)")
    parser.add_argument("--nested-seeds", default="0", help="the seeds of the nested maps (slow)")
    parser.add_argument("--only", default="degrees,nested", help="degrees, nested or both")
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)  # with the days from the ids (evaluate.with_days_from_ids)
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    options = fitting.options_for("e5")
    docs = pair_docs(pairs, DiskCachedEmbedder(get_embedder("e5"), args.cache), options)
    languages = fitting.pair_languages(docs)
    gaps = fitting.pair_gaps(docs)
    groups = fitting.pair_groups(docs)
    rows_for = centred_rows(docs)
    only = set(args.only.split(","))
    for dated in (False, True):
        chosen = options if dated else replace(options, publication_gap=False)
        label = "dated" if dated else "text"
        if "degrees" in only:
            for degree in (0, 2, 3, 4):
                runs = []
                for seed in (int(s) for s in args.seeds.split(",")):
                    how = fitting.CrossValidation(replace(chosen, scale_map=degree), seed=seed)
                    predicted, _ = fitting._cross_validated(rows_for, gold, languages, how, gaps, groups)
                    runs.append(pearson_by_language([-float(v) for v in predicted], pairs))
                show(f"{label}: map of degree {degree}", runs)
        if "nested" in only:
            bare = replace(chosen, scale_map=0)
            for name, mapping in NESTED.items():
                runs = []
                for seed in (int(s) for s in args.nested_seeds.split(",")):
                    predicted = np.zeros(len(pairs))
                    for test in fitting.folds(len(pairs), fitting.FOLDS, seed, groups):
                        train = np.setdiff1d(np.arange(len(pairs)), test)
                        rows = rows_for(train)
                        train_rows = [rows[i] for i in train]
                        train_languages = [languages[i] for i in train]
                        train_gaps = [gaps[i] for i in train]
                        inner, _ = fitting.cross_validated(
                            train_rows,
                            gold[train],
                            train_languages,
                            fitting.CrossValidation(bare, k=5),
                            gaps=train_gaps,
                            groups=[groups[i] for i in train],
                        )
                        model = fitting.fit_model(
                            train_rows,
                            gold[train],
                            train_languages,
                            options=bare,
                            gaps=train_gaps,
                            groups=[groups[i] for i in train],
                        )
                        values = np.asarray(
                            [fitting.predict_pair(model, languages[i], rows[i], gaps[i]) for i in test]
                        )
                        predicted[test] = mapping(
                            inner,
                            gold[train],
                            train_languages,
                            train_rows,
                            values,
                            [languages[i] for i in test],
                            [rows[i] for i in test],
                        )
                    runs.append(pearson_by_language([-float(v) for v in predicted], pairs))
                show(f"{label}: nested {name}", runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
