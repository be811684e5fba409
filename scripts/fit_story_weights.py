"""Fit the few weights of the same-story score on SemEval-2022 Task 8 pairs with k-fold CV.

Usage::

    python scripts/fit_story_weights.py [FILE.jsonl] [--embedder use|e5] [--features a,b,...]
        [--folds 10] [--no-e5] [--write]

Prints the cross-validated Pearson (of the negated gold: higher = more similar) overall and per
language pair for plain cosine with 'use', plain cosine with 'e5' (whole texts, one vector each)
and the combined score of the chosen embedder's features (predictions on each test fold come from
a model fitted on the other folds only); with ``--write`` it replaces that embedder's set in
src/blickwinkel/stories/weights.py with the coefficients fitted on all pairs (the other sets are
kept). Embeddings are cached in --cache so re-runs are quick.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
from sklearn.linear_model import LogisticRegression

from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.embed import Embedder, get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import (
    SimilarityPair,
    pair_article,
    parse_similarity_pairs,
    pearson_by_language,
)
from blickwinkel.stories.features import story_docs
from blickwinkel.stories.weights import WEIGHTS, StoryWeights

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "same-story" / "semeval2022-sample-dev.jsonl"
WEIGHTS_FILE = ROOT / "src" / "blickwinkel" / "stories" / "weights.py"
SAME_STORY_MAX = 2.0  # gold overall ≤ 2 ("very" or "somewhat similar") counts as the same event


class DiskCachedEmbedder:
    """Wraps an embedder with a .npy cache per text hash, so repeated fits skip the model."""

    def __init__(self, inner: Embedder, directory: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.directory = directory / inner.name
        self.directory.mkdir(parents=True, exist_ok=True)

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        keys = [hashlib.sha1(t.encode()).hexdigest() for t in texts]
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        missing = [i for i, k in enumerate(keys) if not (self.directory / f"{k}.npy").exists()]
        if missing:
            rows = self.inner.encode([texts[i] for i in missing])
            for i, row in zip(missing, rows, strict=True):
                np.save(self.directory / f"{keys[i]}.npy", row)
        for i, k in enumerate(keys):
            out[i] = np.load(self.directory / f"{k}.npy")
        return out


def plain_cosines(pairs: list[SimilarityPair], embedder: Embedder) -> list[float]:
    texts = [t for p in pairs for t in (p.text1.strip(), p.text2.strip())]
    matrix = embedder.encode(texts)
    return [float(matrix[2 * i] @ matrix[2 * i + 1]) for i in range(len(pairs))]


def feature_matrix(
    pairs: list[SimilarityPair], embedder: Embedder, features: Sequence[str]
) -> npt.NDArray[np.float64]:
    articles = [
        a
        for p in pairs
        for a in (
            pair_article(p.pair_id, "1", p.text1, p.lang1),
            pair_article(p.pair_id, "2", p.text2, p.lang2),
        )
    ]
    return fitting.feature_matrix(story_docs(articles, embedder), features)


def show(label: str, scores: dict[str, float]) -> None:
    cells = "  ".join(f"{k}={v:.3f}" for k, v in scores.items())
    print(f"{label:<22} {cells}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=fitting.FOLDS)
    parser.add_argument("--alpha", type=float, default=fitting.RIDGE_ALPHA, help="ridge penalty")
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER, help="whose weight set to fit: use or e5")
    parser.add_argument(
        "--features", default="", help="comma-separated pair features (default: the set's current ones)"
    )
    parser.add_argument("--no-e5", action="store_true", help="skip the slow e5 baseline")
    parser.add_argument("--write", action="store_true", help="rewrite weights.py with the full-data fit")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    args = parser.parse_args()
    if not args.data.exists():
        print(f"{args.data}: not found; pass the SemEval-2022 Task 8 JSON-lines file.", file=sys.stderr)
        return 2
    pairs = parse_similarity_pairs(args.data.read_text(encoding="utf-8"), str(args.data))
    gold = np.asarray([p.overall for p in pairs])
    use = DiskCachedEmbedder(get_embedder("use"), args.cache)
    print(f"{len(pairs)} pairs, {args.folds}-fold CV; Pearson of score with negated gold")
    show("cosine use", pearson_by_language(plain_cosines(pairs, use), pairs))
    if not args.no_e5:
        e5 = DiskCachedEmbedder(get_embedder("e5"), args.cache)
        show("cosine e5", pearson_by_language(plain_cosines(pairs, e5), pairs))

    if args.features:
        features = tuple(args.features.split(","))
    elif args.embedder in WEIGHTS:
        features = WEIGHTS[args.embedder].features
    else:
        features = WEIGHTS[DEFAULT_EMBEDDER].features
    fitted = use if args.embedder == "use" else DiskCachedEmbedder(get_embedder(args.embedder), args.cache)
    x = feature_matrix(pairs, fitted, features)
    predicted = fitting.cross_validated(x, gold, args.folds, args.alpha)
    show(f"combined {args.embedder} (CV)", pearson_by_language([-v for v in predicted], pairs))
    for j, name in enumerate(features):
        r = pearson_by_language([float(v) for v in x[:, j]], pairs)["all"]
        print(f"  feature {name:<22} r={r:.3f}")

    intercept, coefficients = fitting.ridge(x, gold, args.alpha)
    same = (gold <= SAME_STORY_MAX).astype(int)
    logistic = LogisticRegression().fit(predicted.reshape(-1, 1), same)
    slope = -float(logistic.coef_[0][0])
    midpoint = float(logistic.intercept_[0]) / slope
    print(f"intercept={intercept:.4f} coefficients={[round(float(c), 4) for c in coefficients]}")
    print(f"probability: slope={slope:.4f} midpoint={midpoint:.4f}")
    if args.write:
        fitted_set = StoryWeights(
            features=tuple(features),
            intercept=round(intercept, 4),
            coefficients=tuple(round(float(c), 4) for c in coefficients),
            probability_midpoint=round(midpoint, 4),
            probability_slope=round(slope, 4),
        )
        write_weights({**WEIGHTS, args.embedder: fitted_set})
        print(f"wrote the {args.embedder!r} set to {WEIGHTS_FILE}")
    return 0


def _weights_source(name: str, model: StoryWeights) -> str:
    features = "".join(f'            "{f}",\n' for f in model.features)
    coefficients = ", ".join(f"{c:.4f}" for c in model.coefficients)
    return (
        f'    "{name}": StoryWeights(\n'
        f"        features=(\n{features}        ),\n"
        f"        intercept={model.intercept:.4f},\n"
        f"        coefficients=({coefficients}),\n"
        f"        probability_midpoint={model.probability_midpoint:.4f},\n"
        f"        probability_slope={model.probability_slope:.4f},\n"
        "    ),\n"
    )


def write_weights(sets: dict[str, StoryWeights]) -> None:
    """Replace the block between the FITTED markers of weights.py with ``sets``."""
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    begin = text.index("# BEGIN FITTED")
    begin = text.index("\n", begin) + 1
    end = text.index("# END FITTED")
    body = "WEIGHTS: dict[str, StoryWeights] = {\n"
    body += "".join(_weights_source(name, sets[name]) for name in sorted(sets))
    body += "}\n"
    WEIGHTS_FILE.write_text(text[:begin] + body + text[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
