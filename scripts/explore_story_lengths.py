"""The title weighed against the body by the text's length, as a same-story candidate set (issue 12).

Usage::

    python scripts/explore_story_lengths.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]
        [--seeds 0,1,2,3,4]

Prints the Pearson per language pair, 10-fold cross-validated on the fixed folds of
:mod:`blickwinkel.stories.fitting` grouped by article, for the folds of each seed and their mean, of
the shipped e5 model without and with the publication days estimated from the story ids, and of that
model with one more candidate set (the shipped ``dates`` set with the candidate's features; inner CV
chooses the set per language pair as for the shipped model). A short text says little beyond its
title, a long one more than it: the shortness of the shorter text of a pair,
``ln(LONG / min(length, LONG)) / ln(LONG / SHORT)`` clipped to 0–1 (1 at ``SHORT`` characters or
fewer, 0 at ``LONG`` or more), weighs the centred title cosine, its complement the centred document
cosine:

- ``length weights``: the title cosine times the shortness and the document cosine times its
  complement;
- ``with shortness``: those and the shortness alone.

Nothing here ships; README lists the figures (twentieth session). The e5 vectors come from the cache
of ``scripts/fit_story_weights.py``.
"""

from __future__ import annotations

import argparse
import math
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import SimilarityPair, pearson_by_language
from blickwinkel.stories.features import StoryDoc, with_centres

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, pair_docs, read_semeval_pairs

KEYS = ("all", "de-de", "de-en", "en-en", "es-es", "fr-fr", "pl-pl", "tr-tr", "ar-ar")
# Characters at which a text counts as wholly short (shortness 1) and as wholly long (0): set by hand
# around the file's lengths (most SemEval texts are cut near 1,000-1,300 characters).
SHORT = 300
LONG = 1500


def shortness(pair: SimilarityPair) -> float:
    """How short the shorter text of ``pair`` is, 0 (``LONG`` characters or more) to 1 (``SHORT``)."""
    length = max(1, min(len(pair.text1.strip()), len(pair.text2.strip()), LONG))
    return min(1.0, math.log(LONG / length) / math.log(LONG / SHORT))


def rows_with_lengths(
    docs: Sequence[StoryDoc], pairs: Sequence[SimilarityPair]
) -> Callable[[npt.NDArray[np.int64]], list[dict[str, float]]]:
    """Each outer fold's rows (centred on its training texts, as the shipped CV) with the lengths'
    features."""
    shares = [shortness(p) for p in pairs]

    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        rows = fitting.pair_rows(with_centres(docs, fitting.pair_centres(docs, train)))
        return [
            {
                **row,
                "shortness": share,
                "title_by_shortness": row["cos_title_c"] * share,
                "doc_by_length": row["cos_doc_c"] * (1.0 - share),
            }
            for row, share in zip(rows, shares, strict=True)
        ]

    return rows_for


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
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)  # with the days from the ids (evaluate.with_days_from_ids)
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    options = fitting.options_for("e5")
    docs = pair_docs(pairs, DiskCachedEmbedder(get_embedder("e5"), args.cache), options)
    languages = fitting.pair_languages(docs)
    gaps = fitting.pair_gaps(docs)
    groups = fitting.pair_groups(docs)
    rows_for = rows_with_lengths(docs, pairs)
    dates = options.sets["dates"]
    candidates: dict[str, tuple[str, ...]] = {
        "shipped": (),
        "length weights": ("title_by_shortness", "doc_by_length"),
        "with shortness": ("title_by_shortness", "doc_by_length", "shortness"),
    }
    for dated in (False, True):
        chosen = options if dated else replace(options, publication_gap=False)
        for name, features in candidates.items():
            sets = dict(chosen.sets)
            if features:
                sets["candidate"] = (*dates, *features)
            runs = []
            for seed in (int(s) for s in args.seeds.split(",")):
                how = fitting.CrossValidation(replace(chosen, sets=sets), seed=seed)
                predicted, _ = fitting._cross_validated(rows_for, gold, languages, how, gaps, groups)
                runs.append(pearson_by_language([-float(v) for v in predicted], pairs))
            show(f"{'dated' if dated else 'text'}: {name}", runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
