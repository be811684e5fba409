"""Train the German entity tagger (CRF) on the TUNING part of GermEval 2014 dev.

Usage::

    python scripts/train_ner.py [FILE.tsv] [--folds 5] [--write]

Without ``--write`` it prints the 5-fold cross-validated micro-F1 on the tuning part (folds by
sentence position; every fold's model is trained on the other folds only) — the figure every
feature and parameter choice was made on. With ``--write`` it trains on the whole tuning part and
writes ``src/blickwinkel/analyse/data/ner-de.crfsuite`` and ``ner-de-vectors.json`` (how many e5
layers, the scale, and the mean and spread of the training words' vectors). The held-out part
(every fourth sentence, see ``blickwinkel.analyse.ner_eval``) is never read here. Training is
deterministic: L-BFGS with the fixed parameters below, no random initialisation.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import pycrfsuite

from blickwinkel.analyse.ner_eval import (
    ENTITY_TYPES,
    LabelledSentence,
    read_germeval,
    score_entities,
    split_sentences,
)
from blickwinkel.analyse.ner_tagger import (
    VECTORS_RESOURCE,
    Features,
    VectorSettings,
    clean_tags,
    model_path,
    sentence_features,
)
from blickwinkel.analyse.token_vectors import FloatArray, shared_encoder

DEFAULT_FILE = (
    Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "ner" / "germeval2014-de-dev.tsv"
)
# Chosen by cross-validation on the tuning part only.
PARAMS = {
    "c1": 0.02,
    "c2": 0.1,
    "max_iterations": 150,
    "feature.minfreq": 1,
    "feature.possible_transitions": True,
}
# e5 layers whose output feeds the tagger, and the factor on the standardised vectors (a smaller
# factor means a stronger penalty on the vector weights). 5-fold CV micro-F1 on the tuning part:
# layers 4 / 6 / 8 at scale 1: 0.675 / 0.729 / 0.726; layer 6 at scale 0.5: 0.748, at 0.25: 0.758
# (these with the vectors stored in 16 bits; this script at the shipped values: 0.7589)
# (no vectors: 0.655). Larger layer counts cost more at analysis time and were not better.
LAYERS = 6
SCALE = 0.25


def training_tags(tags: Sequence[str]) -> list[str]:
    """GermEval's derivations and name parts (``B-LOCderiv``) are no entity for us: ``O``."""
    return [t if t == "O" or t[2:] in ENTITY_TYPES else "O" for t in tags]


Example = tuple[list[Features], LabelledSentence]


def examples(
    sentences: Sequence[LabelledSentence], vectors: Sequence[FloatArray], settings: VectorSettings
) -> list[Example]:
    return [
        (sentence_features(s.tokens, settings.standardised(v)), s)
        for s, v in zip(sentences, vectors, strict=True)
    ]


def train(training: Sequence[Example], path: Path) -> None:
    trainer = pycrfsuite.Trainer(verbose=False)
    for features, sentence in training:
        trainer.append(features, training_tags(sentence.tags))
    trainer.set_params(PARAMS)
    trainer.train(str(path))


def tag_all(path: Path, tagged: Sequence[Example]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [clean_tags(s.tokens, tagger.tag(features)) for features, s in tagged]


def cross_validate(
    sentences: Sequence[LabelledSentence],
    vectors: Sequence[FloatArray],
    folds: int,
    layers: int,
    scale: float,
) -> None:
    gold: list[Sequence[str]] = []
    predicted: list[list[str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for fold in range(folds):
            rest = [i for i in range(len(sentences)) if i % folds != fold]
            test = [i for i in range(len(sentences)) if i % folds == fold]
            settings = VectorSettings.fitted([vectors[i] for i in rest], layers, scale)
            path = Path(tmp) / f"fold{fold}.crfsuite"
            train(examples([sentences[i] for i in rest], [vectors[i] for i in rest], settings), path)
            held = examples([sentences[i] for i in test], [vectors[i] for i in test], settings)
            gold.extend(s.tags for _, s in held)
            predicted.extend(tag_all(path, held))
            print(f"fold {fold}: trained on {len(rest)}, tagged {len(test)}", file=sys.stderr)
    scores = score_entities(gold, predicted)
    print(f"{folds}-fold CV on the tuning part ({len(sentences)} sentences): micro-F1 {scores.f1:.4f}")
    print(f"  P {scores.precision:.4f}  R {scores.recall:.4f}")
    for name, score in scores.per_type.items():
        print(f"  {name}: F1 {score.f1:.4f} (support {score.support})")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_FILE)
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--write", action="store_true", help="train on the whole tuning part and save")
    parser.add_argument("--c1", type=float, default=PARAMS["c1"], help="L1 penalty (to try other values)")
    parser.add_argument("--c2", type=float, default=PARAMS["c2"], help="L2 penalty (to try other values)")
    parser.add_argument("--minfreq", type=int, default=PARAMS["feature.minfreq"], help="(to try others)")
    parser.add_argument("--iterations", type=int, default=PARAMS["max_iterations"], help="(to try others)")
    parser.add_argument("--layers", type=int, default=LAYERS, help="e5 layers to run (to try others)")
    parser.add_argument("--scale", type=float, default=SCALE, help="factor on the vectors (to try others)")
    args = parser.parse_args()
    PARAMS.update(c1=args.c1, c2=args.c2)
    PARAMS.update({"feature.minfreq": args.minfreq, "max_iterations": args.iterations})
    print(f"parameters: {PARAMS}, e5 layers {args.layers}, scale {args.scale}")
    tune = split_sentences(read_germeval(args.file), "tune")
    vectors = shared_encoder(args.layers).word_vectors([s.tokens for s in tune], args.layers)
    if args.write:
        settings = VectorSettings.fitted(vectors, args.layers, args.scale)
        train(examples(tune, vectors, settings), model_path())
        settings_path = model_path().parent / Path(VECTORS_RESOURCE).name
        settings_path.write_text(json.dumps(settings.to_json()) + "\n", encoding="utf-8")
        size = model_path().stat().st_size
        print(f"wrote {model_path()} ({size / 1e6:.2f} MB) and {settings_path.name}")
        print(f"from {len(tune)} tuning sentences")
    else:
        cross_validate(tune, vectors, args.folds, args.layers, args.scale)


if __name__ == "__main__":
    main()
