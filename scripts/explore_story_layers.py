"""Same-story candidates from inside e5's pass and from a second look at the title, beside the shipped model.

Usage::

    python scripts/explore_story_layers.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]
        [--seeds 0,1,2,3,4]

Runs e5 (our numpy forward pass, :mod:`blickwinkel.analyse.token_vectors`) once over each SemEval
document as the shipped model embeds it (its first 510 pieces: every text of the file fits) and keeps,
after every layer, the mean of the pieces' states and their mean weighted by each piece's rarity (minus
its log-probability in e5's own unigram vocabulary, shipped with the model: no table from the texts),
and the pieces themselves; embeds each title, and title and lead together, with e5's ``"query: "``
prefix (e5 was trained to match queries to passages); and reads the places each text names with our
gazetteer (``analyse/gazetteer.py``, one key across languages). Prints the plain Pearson of each
candidate per language pair (means centred on all texts) and, per language pair, the Pearson of the
shipped e5 model with one more candidate set (the shipped ``dates`` set plus the candidate; inner CV
chooses the set per language pair as for the shipped model, calibration included), mean ± standard
deviation over the outer 10 folds of each seed (:func:`blickwinkel.stories.fitting.folds`), every
cosine centred per language on the outer fold's training texts. Nothing here ships; README lists the
figures (ninth session). The pass is cached (``e5-layers.pickle`` in ``--cache``, about 0.1 GB): the
first run costs one e5 pass over 2,872 texts.
"""

from __future__ import annotations

import argparse
import itertools
import pickle
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from blickwinkel.analyse import token_vectors
from blickwinkel.analyse.gazetteer import name_tokens, places
from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import SimilarityPair, pair_article
from blickwinkel.stories.features import StoryDoc, doc_parts, with_centres

sys.path.insert(0, str(Path(__file__).resolve().parent))
from explore_story_parts import Floats, unit
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, pair_docs, read_semeval_pairs

KEYS = ("all", "de-de", "de-en", "en-en", "es-es", "tr-tr", "pl-pl", "ar-ar", "fr-fr")
LAYERS = (2, 4, 6, 8, 10, 12)
PIECES = 510
BATCH_PIECES = 2048


def texts_of(pairs: Sequence[SimilarityPair]) -> list[dict[str, str]]:
    """Each side's document (as the shipped model embeds it), title, title and lead, and scanned text."""
    out = []
    for p in pairs:
        for side, text, language in (("1", p.text1, p.lang1), ("2", p.text2, p.lang2)):
            parts = doc_parts(pair_article(p.pair_id, side, text, language))
            document = parts.document or parts.title or parts.lead
            out.append(
                {
                    "language": language,
                    "doc": document,
                    "title": parts.title or parts.lead or document,
                    "title_lead": f"{parts.title}\n{parts.lead}".strip() or document,
                    "scan": parts.scan,
                }
            )
    return out


def record(
    x: npt.NDArray[np.float32],
    spans: Sequence[tuple[int, int]],
    prefix: int,
    rarity: npt.NDArray[np.float32],
    means: list[list[npt.NDArray[Any]]],
    rare: list[list[npt.NDArray[Any]]],
) -> None:
    """Append each text's mean state and its rarity-weighted mean (its own pieces: without ``<s>``,
    the prefix and ``</s>``) after one layer."""
    for k, (start, end) in enumerate(spans):
        means[k].append(x[start:end].mean(axis=0))
        first, last = start + 1 + prefix, end - 1
        weights = rarity[first:last]
        total = max(float(weights.sum()), 1e-6)
        rare[k].append((weights[:, None] * x[first:last]).sum(axis=0) / total)


def layer_states(
    encoder: token_vectors.E5Encoder, texts: Sequence[str]
) -> dict[str, dict[str, npt.NDArray[Any]]]:
    """Per text: the mean and the rarity-weighted mean of its pieces' states after each layer (row 0:
    the embeddings), and its piece ids; the loop of ``E5Encoder.hidden_states`` with the means taken
    between layers."""
    scores = np.frombuffer(encoder._scores, dtype=np.float64)
    prefix = len(encoder.text_pieces("passage:"))
    h, heads = encoder.hidden, encoder.heads
    head_dim = h // heads
    out: dict[str, dict[str, npt.NDArray[Any]]] = {}
    batches: list[list[str]] = [[]]
    size = 0
    for text in texts:
        if size >= BATCH_PIECES:
            batches.append([])
            size = 0
        batches[-1].append(text)
        size += len(text) // 3
    for number, batch in enumerate(batches):
        ids_of = [[encoder.bos, *encoder.text_pieces("passage: " + t)[:PIECES], encoder.eos] for t in batch]
        bounds = np.cumsum([0, *(len(ids) for ids in ids_of)])
        n = int(bounds[-1])
        ids = np.fromiter((i for t in ids_of for i in t), dtype=np.int64, count=n)
        x = token_vectors._dequantise(encoder._word_blocks[ids], n, h)
        x += encoder._pos[np.concatenate([np.arange(len(t)) for t in ids_of])] + encoder._type
        x = token_vectors._layer_norm(x, *encoder._eln, encoder.eps)
        rarity = np.clip(-scores[ids], 0.0, None).astype(np.float32)
        spans = list(itertools.pairwise(bounds.tolist()))
        means: list[list[npt.NDArray[Any]]] = [[] for _ in spans]
        rare: list[list[npt.NDArray[Any]]] = [[] for _ in spans]

        record(x, spans, prefix, rarity, means, rare)
        scale = np.float32(1.0 / np.sqrt(head_dim))
        ctx = np.empty_like(x)
        with token_vectors._one_blas_thread():
            for layer in encoder._layers:
                token_vectors.self_attention(x @ layer.qkv_w + layer.qkv_b, spans, heads, scale, ctx)
                x = token_vectors._layer_norm(
                    x + ctx @ layer.ao_w + layer.ao_b, layer.aln_w, layer.aln_b, encoder.eps
                )
                mid = token_vectors._gelu(x @ layer.fi_w + layer.fi_b)
                x = token_vectors._layer_norm(
                    x + mid @ layer.fo_w + layer.fo_b, layer.oln_w, layer.oln_b, encoder.eps
                )
                record(x, spans, prefix, rarity, means, rare)
        for row, text in enumerate(batch):
            out[text] = {
                "mean": np.asarray(means[row]),
                "rare": np.asarray(rare[row]),
                "ids": np.asarray(ids_of[row][1 + prefix : -1]),
            }
        print(f"  e5 layers: batch {number + 1} of {len(batches)}", file=sys.stderr, flush=True)
    return out


def cached_pass(texts: list[dict[str, str]], cache: Path) -> dict[str, Any]:
    path = cache / "e5-layers.pickle"
    if path.exists():
        with path.open("rb") as handle:
            stored: dict[str, Any] = pickle.load(handle)
        return stored
    encoder = token_vectors.shared_encoder()
    documents = list(dict.fromkeys(t["doc"] for t in texts))
    queries = {
        part: dict(
            zip(
                unique := list(dict.fromkeys(t[part] for t in texts)),
                encoder.passages(unique, prefix="query: "),
                strict=True,
            )
        )
        for part in ("title", "title_lead")
    }
    stored = {
        "states": layer_states(encoder, documents),
        "scores": np.frombuffer(encoder._scores, dtype=np.float64).copy(),
        "queries": queries,
    }
    cache.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as handle:
        pickle.dump(stored, handle)
    return stored


def place_keys(text: str) -> dict[str, str]:
    """Place keys (and their kind) of the capitalised names of ``text`` found in our gazetteer."""
    table = places()
    tokens = name_tokens(text)
    found: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        step = 1
        if tokens[i][:1].isupper():
            for n in range(min(5, len(tokens) - i), 0, -1):
                place = table.get(tuple(tokens[i : i + n]))
                if place is not None:
                    found[place.key] = place.kind
                    step = n
                    break
        i += step
    return found


def weighted_overlap(a: npt.NDArray[Any], b: npt.NDArray[Any], scores: Floats, floor: float) -> float:
    """Shared pieces of rarity ≥ ``floor``, weighted by rarity, over all such pieces of both."""
    weigh = {int(i): float(-scores[int(i)]) for i in a if -scores[int(i)] >= floor}
    other = {int(i): float(-scores[int(i)]) for i in b if -scores[int(i)] >= floor}
    if not weigh or not other:
        return 0.0
    shared = sum(weigh[k] for k in weigh.keys() & other.keys())
    return shared / (sum(weigh.values()) + sum(other.values()) - shared)


def static_features(texts: list[dict[str, str]], stored: dict[str, Any]) -> list[dict[str, float]]:
    """The candidates that need no centring: rare-piece overlap and place overlap."""
    rows = []
    for i in range(len(texts) // 2):
        a, b = texts[2 * i], texts[2 * i + 1]
        ids_a, ids_b = stored["states"][a["doc"]]["ids"], stored["states"][b["doc"]]["ids"]
        places_a, places_b = place_keys(a["scan"]), place_keys(b["scan"])
        shared = places_a.keys() & places_b.keys()
        union = places_a.keys() | places_b.keys()
        rows.append(
            {
                "pieces10": weighted_overlap(ids_a, ids_b, stored["scores"], 10.0),
                "pieces12": weighted_overlap(ids_a, ids_b, stored["scores"], 12.0),
                "places": len(shared) / len(union) if places_a and places_b else 0.0,
                "place_clash": 1.0 if places_a and places_b and not shared else 0.0,
            }
        )
    return rows


def centred(
    vectors: Floats, texts: list[dict[str, str]], train: Sequence[int] | npt.NDArray[np.int64]
) -> Floats:
    """Unit ``vectors`` (one per text) less their language's mean over the training pairs' distinct
    texts (20 texts or more; the mean of all otherwise), as :mod:`blickwinkel.stories.centres`."""
    seen: dict[tuple[str, str], int] = {}
    for i in train:
        for j in (2 * int(i), 2 * int(i) + 1):
            seen.setdefault((texts[j]["doc"], texts[j]["language"]), j)
    index = list(seen.values())
    base = unit(vectors)
    means = {"*": base[index].mean(axis=0)}
    for language in {texts[j]["language"] for j in index}:
        own = [j for j in index if texts[j]["language"] == language]
        if len(own) >= 20:
            means[language] = base[own].mean(axis=0)
    shifted = np.stack([base[j] - means.get(t["language"], means["*"]) for j, t in enumerate(texts)])
    return unit(shifted)


def pair_cosines(vectors: Floats) -> Floats:
    out: Floats = np.einsum("ij,ij->i", vectors[0::2], vectors[1::2])
    return out


def ceiling(rows: list[dict[str, float]], gold: Floats, languages: Sequence[str]) -> None:
    """How far a linear model over every candidate and shipped feature at once gets on the German
    pairs: a ridge (standardised) fitted on one language pair's pairs alone, its Pearson in-sample
    (an upper bound for any linear mix of these features, which the 0.82 goal would need beyond) and
    10-fold cross-validated (folds of seed 0; means centred on all texts)."""
    names = sorted(k for k in rows[0] if not k.startswith("words_"))
    x = fitting.matrix(rows, names)
    for key in ("de-de", "de-en"):
        index = np.asarray([i for i, k in enumerate(languages) if k == key])
        for alpha in (1.0, 10.0, 100.0):
            intercept, coefficients = fitting.ridge(x[index], gold[index], alpha, standardise=True)
            inside = float(np.corrcoef(x[index] @ coefficients + intercept, gold[index])[0, 1])
            predicted = np.zeros(len(index))
            for test in fitting.folds(len(index), fitting.FOLDS, 0):
                train = np.setdiff1d(np.arange(len(index)), test)
                b0, b = fitting.ridge(x[index][train], gold[index][train], alpha, standardise=True)
                predicted[test] = x[index][test] @ b + b0
            outside = float(np.corrcoef(predicted, gold[index])[0, 1])
            print(
                f"{key}: ridge over {len(names)} features, penalty {alpha:g}: "
                f"in-sample {inside:.3f}, 10-fold CV {outside:.3f}",
                flush=True,
            )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    parser.add_argument("--seeds", default="0,1,2,3,4")
    parser.add_argument(
        "--ceiling",
        action="store_true",
        help="only the per-language-pair ridge over every candidate at once (in-sample and CV)",
    )
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)
    gold = np.asarray([p.overall for p in pairs])
    languages = [p.languages for p in pairs]
    texts = texts_of(pairs)
    stored = cached_pass(texts, args.cache)
    options = fitting.options_for("e5")
    docs: list[StoryDoc] = pair_docs(pairs, DiskCachedEmbedder(get_embedder("e5"), args.cache), options)
    states = stored["states"]
    layered = {
        kind: np.stack([states[t["doc"]][kind] for t in texts]).astype(np.float64)
        for kind in ("mean", "rare")
    }
    queries = {
        part: np.stack([stored["queries"][part][t[part]] for t in texts]).astype(np.float64)
        for part in ("title", "title_lead")
    }
    static = static_features(texts, stored)
    seeds = [int(s) for s in args.seeds.split(",")]
    cache: dict[tuple[int, ...], list[dict[str, float]]] = {}

    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        key = tuple(int(i) for i in train)
        if key in cache:
            return cache[key]
        fold_docs = with_centres(docs, fitting.pair_centres(docs, train))
        document = np.stack([d.doc_centred for d in fold_docs if d.doc_centred is not None])
        extra = {
            f"{'mean' if kind == 'mean' else 'rare'}{layer}": pair_cosines(
                centred(layered[kind][:, layer], texts, train)
            )
            for kind in ("mean", "rare")
            for layer in LAYERS
        }
        for part, short in (("title", "query_title"), ("title_lead", "query_title_lead")):
            query = centred(queries[part], texts, train)
            extra[f"{short}_doc"] = 0.5 * (
                np.einsum("ij,ij->i", query[0::2], document[1::2])
                + np.einsum("ij,ij->i", query[1::2], document[0::2])
            )
            extra[f"{short}_both"] = pair_cosines(query)
        rows = [
            {**row, **static[i], **{k: float(v[i]) for k, v in extra.items()}}
            for i, row in enumerate(fitting.pair_rows(fold_docs))
        ]
        cache[key] = rows
        return rows

    def pearson(predicted: Floats) -> dict[str, float]:
        out = {}
        for key in KEYS:
            mask = np.asarray([key in ("all", language) for language in languages])
            out[key] = float(np.corrcoef(-predicted[mask], -gold[mask])[0, 1])
        return out

    def cross_validated(sets: dict[str, tuple[str, ...]]) -> list[dict[str, float]]:
        extended = replace(options, sets={**options.sets, **sets})
        runs = []
        for seed in seeds:
            predicted = np.zeros(len(pairs))
            for test in fitting.folds(len(pairs), fitting.FOLDS, seed):
                train = np.setdiff1d(np.arange(len(pairs)), test)
                rows = rows_for(train)
                model = fitting.fit_model(
                    [rows[i] for i in train], gold[train], [languages[i] for i in train], options=extended
                )
                predicted[test] = [fitting.predict_pair(model, languages[i], rows[i]) for i in test]
            runs.append(pearson(predicted))
        return runs

    def show(label: str, runs: list[dict[str, float]]) -> None:
        cells = "  ".join(
            f"{k}={np.mean([r[k] for r in runs]):.3f}±{np.std([r[k] for r in runs]):.3f}" for k in KEYS
        )
        print(f"{label:<28} {cells}", flush=True)

    everything = rows_for(np.arange(len(pairs)))
    if args.ceiling:
        ceiling(everything, gold, languages)
        return 0
    candidates = [
        *(f"mean{layer}" for layer in LAYERS),
        *(f"rare{layer}" for layer in LAYERS),
        "query_title_doc",
        "query_title_both",
        "query_title_lead_doc",
        "query_title_lead_both",
        "pieces10",
        "pieces12",
        "places",
        "place_clash",
    ]
    print("plain Pearson (centred on all texts):")
    for name in ("cos_doc_c", *candidates):
        values = np.asarray([row[name] for row in everything])
        cells = "  ".join(
            f"{k}={np.corrcoef(values[mask], -gold[mask])[0, 1]:.3f}"
            if float(np.std(values[mask])) > 0  # no place of the gazetteer in any Arabic text
            else f"{k}=  -  "
            for k in KEYS
            if (mask := np.asarray([k in ("all", language) for language in languages])).any()
        )
        print(f"  {name:<26} {cells}", flush=True)
    print(f"10-fold CV, mean ± sd over the folds of seeds {args.seeds}:")
    show("shipped e5 model", cross_validated({}))
    dates = options.sets["dates"]
    for name in candidates:
        show(f"+ {name}", cross_validated({"more": (*dates, name)}))
    show("+ places (document set)", cross_validated({"more": ("cos_doc_c", "places")}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
