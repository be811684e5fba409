"""Learned same-story scorers over the two texts' e5 vectors, measured beside the shipped model.

Usage::

    python scripts/explore_story_scorers.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]

Reads the e5 document and title vectors `scripts/fit_story_weights.py --embedder e5` caches (it embeds
what is missing) and prints, all with the fixed outer 10 folds of :mod:`blickwinkel.stories.fitting`
and per language pair: plain e5 cosine; the shipped model (:func:`fitting.cross_validated_docs`); a
ridge regression over the 384 products of the two centred document vectors (their elementwise
product, so symmetric), added to the shipped candidate sets as one more feature of a fourth set, its
out-of-fold prediction on the training pairs from 5 inner folds and its penalty chosen there; the
same over the plain vectors' ``[u·v, |u−v|]`` alone; and PCA whitening of the document vectors
(fitted on the training texts) before the cosine. Nothing here ships; the README lists the figures.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import pearson_by_language
from blickwinkel.stories.features import with_centres

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, pair_docs, read_semeval_pairs

Floats = npt.NDArray[np.float64]
PENALTIES = (0.1, 0.3, 1.0, 3.0, 10.0, 30.0)


def ridge(x: Floats, y: Floats, alpha: float) -> tuple[float, Floats]:
    """Intercept and weights of a ridge regression (dual form when there are more columns than rows)."""
    mean_x, mean_y = x.mean(axis=0), float(y.mean())
    centred = x - mean_x
    if x.shape[1] > x.shape[0]:
        dual = np.linalg.solve(centred @ centred.T + alpha * np.eye(len(x)), y - mean_y)
        weights: Floats = centred.T @ dual
    else:
        weights = np.linalg.solve(centred.T @ centred + alpha * np.eye(x.shape[1]), centred.T @ (y - mean_y))
    return mean_y - float(mean_x @ weights), weights


def learned(x: Floats, gold: Floats, train: npt.NDArray[np.int64]) -> Floats:
    """Ridge predictions from ``x``: out of fold (5 inner folds) on ``train``, from all of ``train``
    elsewhere; the penalty with the best inner out-of-fold Pearson."""
    best: tuple[float, float, Floats] | None = None
    for alpha in PENALTIES:
        oof = np.zeros(len(gold))
        for part in fitting.folds(len(train), fitting.INNER_FOLDS):
            test = train[part]
            fit = np.setdiff1d(train, test)
            intercept, weights = ridge(x[fit], gold[fit], alpha)
            oof[test] = intercept + x[test] @ weights
        r = float(np.corrcoef(oof[train], gold[train])[0, 1])
        if best is None or r > best[0]:
            best = (r, alpha, oof)
    assert best is not None
    out = best[2].copy()
    rest = np.setdiff1d(np.arange(len(gold)), train)
    intercept, weights = ridge(x[train], gold[train], best[1])
    out[rest] = intercept + x[rest] @ weights
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    options = fitting.options_for("e5")
    docs = pair_docs(pairs, DiskCachedEmbedder(get_embedder("e5"), args.cache), options)
    languages = fitting.pair_languages(docs)
    count = len(pairs)

    def show(label: str, predicted: Floats) -> None:
        scores = pearson_by_language(list(-predicted), pairs)
        print(f"{label:<36} " + "  ".join(f"{k}={v:.3f}" for k, v in scores.items()), flush=True)

    first = np.asarray([d.doc_vec for d in docs[0::2]], dtype=np.float64)
    second = np.asarray([d.doc_vec for d in docs[1::2]], dtype=np.float64)
    show("plain e5 cosine", -np.sum(first * second, axis=1))
    predicted, _ = fitting.cross_validated_docs(docs, gold, fitting.CrossValidation(options))
    show("shipped model (CV)", predicted)

    plain = np.hstack([first * second, np.abs(first - second)])
    alone = np.zeros(count)
    with_learned = np.zeros(count)
    whitened = {k: np.zeros(count) for k in (64, 128, 256)}
    sets = {**options.sets, "learned": (*options.sets["agreement"], "learned")}
    for test in fitting.folds(count):
        train = np.setdiff1d(np.arange(count), test)
        alone[test] = learned(plain, gold, train)[test]
        centred = with_centres(docs, fitting.pair_centres(docs, train))
        # with_centres sets doc_centred on every document; the fallback only satisfies the type.
        vecs = [d.doc_centred if d.doc_centred is not None else d.doc_vec for d in centred]
        products = np.asarray([vecs[2 * i] * vecs[2 * i + 1] for i in range(count)], dtype=np.float64)
        extra = learned(products, gold, train)
        rows = [{**row, "learned": float(extra[i])} for i, row in enumerate(fitting.pair_rows(centred))]
        model = fitting.fit_model(
            [rows[i] for i in train],
            gold[train],
            [languages[i] for i in train],
            options=replace(options, sets=sets),
        )
        for i in test:
            with_learned[i] = fitting.predict(model.for_pair(languages[i]), [rows[i]])[0]
        texts = np.vstack([first[train], second[train]])
        mean = texts.mean(axis=0)
        values, vectors = np.linalg.eigh(np.cov((texts - mean).T))
        for k, out in whitened.items():
            basis = vectors[:, ::-1][:, :k] / np.sqrt(values[::-1][:k])
            a, b = (first[test] - mean) @ basis, (second[test] - mean) @ basis
            cosine = np.sum(a * b, axis=1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
            out[test] = -cosine
    show("ridge [u*v, |u-v|] plain alone (CV)", np.clip(alone, 1.0, 4.0))
    show("shipped + ridge u*v centred (CV)", with_learned)
    for k, out in whitened.items():
        show(f"whitened cosine, {k} dims (CV)", out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
