"""Same-story features from e5 vectors of more parts of each text, measured beside the shipped sets.

Usage::

    python scripts/explore_story_parts.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]
        [--seeds 0,1,2]

Embeds (with the .npy cache of `scripts/fit_story_weights.py`; about 2 million more e5 characters than
the shipped model reads on the first run) each SemEval text's document, title, lead (its first body
sentences), title and lead together, and body windows of about 300 characters (whole sentences, at
most six), centres every part by its language's mean over each outer fold's training texts, and
prints for each candidate the Pearson per language pair, mean ± standard deviation over the outer
10 folds of each seed (:func:`blickwinkel.stories.fitting.folds`): the shipped e5 sets without the
calibration (the sixth session's model), those sets plus one candidate set (the agreement set with the
candidate features; inner CV chooses the set per language pair as for the shipped model), gradient
boosting (scikit-learn, 150 trees of depth 2) on the cosines, overlaps and language pair alone and
averaged with the linear model, and the linear model trained on a mix of ``overall`` with the
SemEval ``dims`` (narrative, entities), which are not known at run time. Nothing here ships; README
lists the figures (eighth session).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import pair_article
from blickwinkel.stories.features import (
    date_keys,
    doc_parts,
    entity_keys,
    number_keys,
    split_sentences_cheap,
)
from blickwinkel.stories.score import date_clash, jaccard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, read_semeval_pairs

Floats = npt.NDArray[np.float64]
WINDOW_CHARS = 300
MAX_WINDOWS = 6
PARTS = ("doc", "title", "lead", "title_lead", "windows")
KEYS = ("all", "de-de", "de-en", "en-en", "es-es", "tr-tr", "pl-pl", "ar-ar", "fr-fr")
AGREEMENT = fitting.E5_FEATURE_SETS["agreement"]


def windows(document: str, title: str) -> list[str]:
    """Consecutive whole sentences of the body joined into windows of about ``WINDOW_CHARS``."""
    body = document[len(title) :].strip() if title and document.startswith(title) else document
    found: list[str] = []
    current = ""
    for sentence in (s for paragraph in body.split("\n\n") for s in split_sentences_cheap(paragraph)):
        piece = sentence[:WINDOW_CHARS]
        if current and len(current) + 1 + len(piece) > WINDOW_CHARS:
            found.append(current)
            current = ""
        current = f"{current} {piece}" if current else piece
    if current:
        found.append(current)
    return found[:MAX_WINDOWS]


def unit(matrix: npt.NDArray[Any]) -> Floats:
    m = np.asarray(matrix, dtype=np.float64)
    out: Floats = m / np.maximum(np.linalg.norm(m, axis=-1, keepdims=True), 1e-12)
    return out


def texts_of(pairs: Sequence[Any]) -> list[dict[str, Any]]:
    out = []
    for p in pairs:
        for side, text, language in (("1", p.text1, p.lang1), ("2", p.text2, p.lang2)):
            parts = doc_parts(pair_article(p.pair_id, side, text, language))
            document = parts.document or parts.title
            out.append(
                {
                    "language": language,
                    "length": len(text),
                    "doc": document,
                    "title": parts.title or parts.lead or document,
                    "lead": parts.lead or parts.title or document,
                    "title_lead": f"{parts.title}\n{parts.lead}".strip() or document,
                    "windows": windows(document, parts.title) or [document],
                    "entities": entity_keys(parts.scan),
                    "numbers": number_keys(parts.scan),
                    "dates": date_keys(parts.scan),
                }
            )
    return out


def embed(texts: list[dict[str, Any]], embedder: DiskCachedEmbedder) -> list[dict[str, Floats]]:
    unique = list(dict.fromkeys(t for x in texts for t in [*(x[p] for p in PARTS[:-1]), *x["windows"]]))
    matrix = embedder.encode(unique)
    row = {t: i for i, t in enumerate(unique)}
    return [
        {
            **{p: np.asarray(matrix[row[x[p]]], dtype=np.float64) for p in PARTS[:-1]},
            "windows": np.asarray(matrix[[row[w] for w in x["windows"]]], dtype=np.float64),
        }
        for x in texts
    ]


def centred(
    texts: list[dict[str, Any]], vectors: list[dict[str, Floats]], train: npt.NDArray[np.int64]
) -> list[dict[str, Floats]]:
    """Every part minus its language's mean over the training pairs' texts (20 texts or more)."""
    sides = sorted({j for i in train for j in (2 * int(i), 2 * int(i) + 1)})
    out: list[dict[str, Floats]] = [{} for _ in texts]
    for part in PARTS:

        def stack(index: Sequence[int], part: str = part) -> Floats:
            return np.vstack([np.atleast_2d(vectors[j][part]) for j in index])

        means = {"*": stack(sides).mean(axis=0)}
        for language in {texts[j]["language"] for j in sides}:
            own = [j for j in sides if texts[j]["language"] == language]
            if len(own) >= 20:
                means[language] = stack(own).mean(axis=0)
        for j, x in enumerate(texts):
            out[j][part] = unit(vectors[j][part] - means.get(x["language"], means["*"]))
    return out


def pair_rows(texts: list[dict[str, Any]], vectors: list[dict[str, Floats]]) -> list[dict[str, float]]:
    rows = []
    for i in range(len(texts) // 2):
        a, b, ta, tb = vectors[2 * i], vectors[2 * i + 1], texts[2 * i], texts[2 * i + 1]
        document = float(a["doc"] @ b["doc"])
        agreement = min(float(a["doc"] @ a["title"]), float(b["doc"] @ b["title"]))
        grid = a["windows"] @ b["windows"].T
        everything = (
            np.vstack([a["title"], a["lead"], a["doc"], a["windows"]])
            @ np.vstack([b["title"], b["lead"], b["doc"], b["windows"]]).T
        )

        def weighted(v: dict[str, Floats]) -> Floats:
            weights = np.exp((v["windows"] @ v["title"] - float((v["windows"] @ v["title"]).max())) / 0.05)
            return unit((weights / weights.sum()) @ v["windows"])

        rows.append(
            {
                "cos_doc_c": document,
                "cos_title_c": float(a["title"] @ b["title"]),
                "cos_cross_c": 0.5 * float(a["title"] @ b["doc"] + a["doc"] @ b["title"]),
                "agreement": agreement,
                "cos_doc_c_agreement": document * agreement,
                "lead": float(a["lead"] @ b["lead"]),
                "title_lead": float(a["title_lead"] @ b["title_lead"]),
                "windows_best": 0.5 * float(grid.max(axis=1).mean() + grid.max(axis=0).mean()),
                "windows_max": float(grid.max()),
                "windows_top3": float(np.sort(grid.ravel())[::-1][:3].mean()),
                "windows_mean": float(grid.mean()),
                "windows_by_title": float(weighted(a) @ weighted(b)),
                "parts_max": float(everything.max()),
                "entities": jaccard(ta["entities"], tb["entities"]),
                "numbers": jaccard(ta["numbers"], tb["numbers"]),
                "date_clash": date_clash(ta["dates"], tb["dates"]),
                "shorter": min(ta["length"], tb["length"]) / 1000,
            }
        )
    return rows


def pearson(predicted: Floats, gold: Floats, languages: Sequence[str]) -> dict[str, float]:
    out = {}
    for key in KEYS:
        mask = np.asarray([key in ("all", language) for language in languages])
        out[key] = float(np.corrcoef(predicted[mask], gold[mask])[0, 1])
    return out


def show(label: str, runs: list[dict[str, float]]) -> None:
    cells = "  ".join(
        f"{k}={np.mean([r[k] for r in runs]):.3f}±{np.std([r[k] for r in runs]):.3f}" for k in KEYS
    )
    print(f"{label:<32} {cells}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    parser.add_argument("--seeds", default="0,1,2")
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)
    dims = [json.loads(line).get("dims", {}) for line in args.data.read_text().splitlines() if line.strip()]
    gold = np.asarray([p.overall for p in pairs])
    languages = [p.languages for p in pairs]
    texts = texts_of(pairs)
    vectors = embed(texts, DiskCachedEmbedder(get_embedder("e5"), args.cache))
    seeds = [int(s) for s in args.seeds.split(",")]
    e5 = fitting.options_for("e5")
    # The sixth session's sets (what these candidates were measured against), without the calibration.
    sixth = {name: e5.sets[name] for name in ("document", "titles", "agreement")}
    shipped = replace(e5, sets=sixth, calibrated=False)
    rows_of: dict[tuple[int, ...], list[dict[str, float]]] = {}

    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        key = tuple(int(i) for i in train)
        if key not in rows_of:
            rows_of[key] = pair_rows(texts, centred(texts, vectors, train))
        return rows_of[key]

    def cross_validated(
        sets: dict[str, tuple[str, ...]],
        target: Floats = gold,
        other: Callable[[list[dict[str, float]], npt.NDArray[np.int64], npt.NDArray[np.int64]], Floats]
        | None = None,
        share: float = 1.0,
    ) -> list[dict[str, float]]:
        runs = []
        options = replace(shipped, sets={**shipped.sets, **sets})
        for seed in seeds:
            predicted = np.zeros(len(pairs))
            for test in fitting.folds(len(pairs), fitting.FOLDS, seed):
                train = np.setdiff1d(np.arange(len(pairs)), test)
                rows = rows_for(train)
                model = fitting.fit_model(
                    [rows[i] for i in train], target[train], [languages[i] for i in train], options=options
                )
                linear = np.asarray([fitting.predict_pair(model, languages[i], rows[i]) for i in test])
                predicted[test] = (
                    linear if other is None else (1 - share) * linear + share * other(rows, train, test)
                )
            runs.append(pearson(-predicted, -gold, languages))
        return runs

    show("shipped sets, no calibration", cross_validated({}))
    for extra in (
        ("lead",),
        ("title_lead",),
        ("windows_best",),
        ("windows_max",),
        ("windows_top3",),
        ("windows_mean",),
        ("windows_by_title",),
        ("parts_max",),
        ("entities", "numbers"),
        ("shorter",),
        ("date_clash",),
    ):
        show(f"+ {'+'.join(extra)}", cross_validated({"more": (*AGREEMENT, *extra)}))

    from sklearn.ensemble import GradientBoostingRegressor

    boosted = ("cos_doc_c", "cos_title_c", "cos_cross_c", "agreement", "entities", "numbers", "shorter")

    def boosting(
        rows: list[dict[str, float]], train: npt.NDArray[np.int64], test: npt.NDArray[np.int64]
    ) -> Floats:
        def matrix(index: npt.NDArray[np.int64]) -> Floats:
            return np.asarray(
                [
                    [rows[i][f] for f in boosted] + [languages[i] == "de-en", languages[i] == "de-de"]
                    for i in index
                ],
                dtype=np.float64,
            )

        model = GradientBoostingRegressor(
            n_estimators=150, max_depth=2, learning_rate=0.05, subsample=0.8, random_state=0
        )
        model.fit(matrix(train), gold[train])
        out: Floats = model.predict(matrix(test))
        return out

    show("gradient boosting alone", cross_validated({}, other=boosting))
    show("gradient boosting + linear, 1:1", cross_validated({}, other=boosting, share=0.5))
    narrative = np.asarray([d.get("narrative", 0.0) for d in dims])
    entities = np.asarray([d.get("entities", 0.0) for d in dims])
    show("target 0.7 overall + 0.3 narr.", cross_validated({}, target=0.7 * gold + 0.3 * narrative))
    show(
        "target + narrative + entities",
        cross_validated({}, target=0.7 * gold + 0.15 * (narrative + entities)),
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
