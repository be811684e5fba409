"""Per-language mean vectors of the same-story score: fitting, storing, centring, cross-validation."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest

from blickwinkel.stories import fitting
from blickwinkel.stories.centres import ALL, Centres, fit_centres, shipped_centres
from blickwinkel.stories.features import article_from_text, story_docs, with_centres
from blickwinkel.stories.score import pair_features, same_story_score


class _LanguageEmbedder:
    """Bag of hashed words plus a large shared direction per language (as real embedders have)."""

    name = "fake"
    dim = 32

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                out[i, int(hashlib.md5(word.encode()).hexdigest(), 16) % (self.dim - 2)] += 1.0
            out[i] /= max(float(np.linalg.norm(out[i])), 1.0)
            out[i, self.dim - 1 if " der " in f" {text.lower()} " else self.dim - 2] += 3.0
            out[i] /= float(np.linalg.norm(out[i]))
        return out


def test_means_per_language_only_from_enough_texts() -> None:
    rng = np.random.default_rng(0)
    documents = rng.normal(size=(50, 4)).astype(np.float32)
    titles = rng.normal(size=(50, 4)).astype(np.float32)
    languages = ["de"] * 30 + ["en"] * 19 + [None]
    centres = fit_centres(documents, titles, languages, min_texts=20)
    assert centres.languages == (ALL, "de")
    assert np.allclose(centres.document[0], documents.mean(axis=0), atol=1e-6)
    assert np.allclose(centres.document[1], documents[:30].mean(axis=0), atol=1e-6)
    assert centres.row("de") == 1
    assert centres.row("en") == centres.row(None) == centres.row("xx") == 0
    centred = centres.centre(documents[0], "de")
    assert float(np.linalg.norm(centred)) == pytest.approx(1.0, abs=1e-6)


def test_centres_survive_bytes() -> None:
    rng = np.random.default_rng(1)
    centres = fit_centres(
        rng.normal(size=(40, 3)).astype(np.float32), rng.normal(size=(40, 3)).astype(np.float32), ["de"] * 40
    )
    again = Centres.from_bytes(centres.to_bytes())
    assert again.languages == centres.languages
    assert np.array_equal(again.document, centres.document)
    assert np.array_equal(again.title, centres.title)


def test_shipped_e5_means_cover_german_and_english() -> None:
    centres = shipped_centres("e5")
    assert centres is not None
    assert {ALL, "de", "en"} <= set(centres.languages)
    assert centres.document.shape == centres.title.shape == (len(centres.languages), 384)
    assert shipped_centres("some-plugin") is None


def _articles() -> list:
    return [
        article_from_text(
            "a", "Der Fluss stieg über das Ufer und der Damm brach am Morgen.", title="Damm gebrochen"
        ),
        article_from_text(
            "b", "Am Morgen brach der Damm, der Fluss trat über die Ufer.", title="Flut im Tal"
        ),
        article_from_text("c", "The river rose and the dam broke in the morning.", title="Dam breaks"),
        article_from_text("d", "Der Stadtrat beschloss der Schule ein neues Dach.", title="Neues Dach"),
    ]


def test_centred_features_are_symmetric_and_the_plain_ones_stay() -> None:
    docs = story_docs(_articles(), _LanguageEmbedder())
    assert all(d.doc_centred is None for d in docs)  # no means ship for this embedder
    centres = fit_centres(
        np.asarray([d.doc_vec for d in docs]),
        np.asarray([d.title_vec for d in docs]),
        [d.language for d in docs],
        1,
    )
    centred = with_centres(docs, centres)
    for first, second in ((0, 1), (0, 2), (1, 3)):
        forward = pair_features(centred[first], centred[second])
        backward = pair_features(centred[second], centred[first])
        assert forward == pytest.approx(backward)
        assert forward["cos_doc"] == pytest.approx(pair_features(docs[first], docs[second])["cos_doc"])
        assert -1.0 <= forward["agreement"] <= 1.0
    plain = pair_features(docs[0], docs[1])
    assert plain["cos_doc_c"] == plain["cos_doc"] and plain["agreement"] == 1.0
    # The shared German direction no longer makes two unrelated German texts alike.
    assert pair_features(centred[0], centred[3])["cos_doc_c"] < pair_features(docs[0], docs[3])["cos_doc"]


def test_an_embedder_of_another_width_under_a_built_in_name_is_not_centred() -> None:
    class Named(_LanguageEmbedder):
        name = "e5"

    a, b = story_docs(_articles()[:2], Named())
    assert a.doc_centred is None
    assert 1.0 <= same_story_score(a, b).overall <= 4.0


def test_cross_validated_means_come_from_the_training_folds() -> None:
    rng = np.random.default_rng(3)
    embedder = _LanguageEmbedder()
    words = "fluss damm brücke stadt rat schule dach regen sturm wahl partei gericht".split()
    articles = []
    for i in range(60):
        picked = " ".join(rng.choice(words, 6))
        articles.append(article_from_text(f"{i}a", f"Der {picked}.", title=f"Der {picked[:12]}"))
        other = " ".join(rng.choice(words, 6)) if i % 2 else picked
        articles.append(article_from_text(f"{i}b", f"Der {other}.", title=f"Der {other[:12]}"))
    docs = story_docs(articles, embedder)
    gold = np.asarray([1.0 if i % 2 == 0 else 4.0 for i in range(60)])
    options = fitting.FitOptions(
        {"document": ("cos_doc_c",)}, standardise=True, knot_feature="cos_doc_c", centred=True
    )
    predicted, models = fitting.cross_validated_docs(docs, gold, fitting.CrossValidation(options))
    assert len(models) == fitting.FOLDS
    assert float(np.corrcoef(predicted, gold)[0, 1]) > 0.5
    model, centres = fitting.fit_model_docs(docs, gold, options=options)
    assert centres is not None and centres.languages[0] == ALL
    assert model.sets["document"].knot_feature == "cos_doc_c"
