"""The CRFsuite model read into numpy (analyse/crf_model.py) tags as CRFsuite's own tagger does."""

from __future__ import annotations

import itertools
import random
from pathlib import Path

import numpy as np
import pycrfsuite
import pytest

from blickwinkel.analyse import ner_tagger
from blickwinkel.analyse.crf_model import LinearChainCrf

LABELS = ("O", "B-X", "I-X", "B-Y")


def _item(rng: random.Random, dims: int) -> dict[str, float]:
    """A token of invented attributes: a few named ones (some the model never saw), then numbers."""
    item = {f"a{rng.randrange(12)}": 1.0 for _ in range(rng.randrange(1, 5))}
    if rng.random() < 0.3:
        item["never seen"] = 1.0
    item |= {f"v{j}": round(rng.gauss(0.0, 1.0), 6) for j in range(dims)}
    return item


@pytest.fixture(scope="module")
def trained(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = random.Random(3)
    trainer = pycrfsuite.Trainer(verbose=False)
    for _ in range(40):
        length = rng.randrange(1, 9)
        trainer.append([_item(rng, 4) for _ in range(length)], [rng.choice(LABELS) for _ in range(length)])
    trainer.set_params({"c1": 0.01, "c2": 0.01, "max_iterations": 30})
    path = tmp_path_factory.mktemp("crf") / "small.crfsuite"
    trainer.train(str(path))
    return path


def _crfsuite_tags(path: Path, sentences: list[list[dict[str, float]]]) -> list[list[str]]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return [list(tagger.tag(items)) for items in sentences]


def test_the_labels_and_tags_of_a_small_model_are_crfsuites(trained: Path) -> None:
    crf = LinearChainCrf.read(trained)
    assert sorted(crf.labels) == sorted(LABELS)
    rng = random.Random(11)
    sentences = [[_item(rng, 4) for _ in range(rng.randrange(1, 12))] for _ in range(200)]
    named = [[{k: v for k, v in item.items() if not k.startswith("v")} for item in s] for s in sentences]
    numbers = [np.array([[item[f"v{j}"] for j in range(4)] for item in s]) for s in sentences]
    scores = crf.state_scores([i for s in named for i in s], np.concatenate(numbers))
    bounds = np.cumsum([0, *(len(s) for s in sentences)])
    ours = crf.best_paths([scores[a:b] for a, b in itertools.pairwise(bounds)])
    assert ours == _crfsuite_tags(trained, sentences)
    # the named attributes alone, and sentences given one by one, too
    alone = [crf.best_paths([crf.state_scores(s)])[0] for s in named]
    assert alone == _crfsuite_tags(trained, named)


def test_no_sentence_and_empty_sentences() -> None:
    crf = LinearChainCrf.read(ner_tagger.model_path())
    assert crf.best_paths([]) == []
    assert crf.best_paths([crf.state_scores([])]) == [[]]


def test_a_file_that_is_no_model_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "no.crfsuite"
    path.write_bytes(b"not a model at all" * 10)
    with pytest.raises(ValueError, match="not a CRFsuite model"):
        LinearChainCrf.read(path)


@pytest.mark.slow  # the tagger's e5 encoder
def test_the_german_tagger_tags_as_crfsuite_did() -> None:
    sentences = [
        ["Die", "Stadtwerke", "Kiel", "erhöhen", "am", "Montag", "die", "Preise", "."],
        ["Bürgermeisterin", "Anna", "Berg", "sprach", "in", "Hamburg", "vor", "dem", "Rat", "."],
        ["Der", "Verein", "Grünfeld", "lud", "nach", "Lübeck", "ein", "."],
        ["„", "Wir", "bleiben", "“", ",", "sagte", "Jonas", "Weber", "von", "der", "Firma", "Nordlicht", "."],
        ["Regen"],
    ]
    settings = ner_tagger.vector_settings()
    vectors = ner_tagger.contextual_vectors(sentences, settings)
    items = [ner_tagger.sentence_features(s, v) for s, v in zip(sentences, vectors, strict=True)]
    want = _crfsuite_tags(ner_tagger.model_path(), items)
    assert ner_tagger.crf_tags_batch(sentences) == [
        ner_tagger.clean_tags(s, tags) for s, tags in zip(sentences, want, strict=True)
    ]
