"""The fitted link model: which parts raise a link's probability, and when the cross-lingual embedder
is called."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest

from blickwinkel.compare import align, compare_articles, cross_lingual_embeddings, similarity
from blickwinkel.compare.link_weights import LINK_MODELS
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.similarity import (
    RARE_WORDS_CAP,
    ScoreParts,
    StatementFeatures,
    embedding_text,
    evidence,
    link_features,
    link_probability,
    link_reasons,
    measure_parts,
    probability_without_soft,
)
from blickwinkel.embed import word_vectors
from blickwinkel.embed.word_vectors import WORD_LAYER, word_layer
from blickwinkel.model import AnalysedArticle
from tests.unit.test_compare import EMBEDDER, BagOfWordsEmbedder, make_article

PLAIN = ScoreParts(0.0, 0.5, 0.4, 0.2, 0.0, 0.0, margin=0.05)


class CountingEmbedder(BagOfWordsEmbedder):
    """The bag-of-words embedder, counting the texts it was asked for."""

    name = "counting"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        self.texts.extend(texts)
        return super().encode(texts)


def test_every_model_reads_only_parts_it_is_given() -> None:
    for name, model in LINK_MODELS.items():
        assert len(model.features) == len(model.coefficients), name
        probe = replace(PLAIN, cross_lingual=not name.startswith("same_language"))
        if name == "cross_language_e5":
            probe = replace(probe, cross_meaning=0.85)
        if name == "same_language_e5":
            probe = replace(probe, second_meaning=0.6, second_margin=0.1)
        chosen, values = link_features(probe)
        assert chosen == name
        assert set(model.features) <= set(values), name


def test_evidence_for_the_same_fact_raises_the_probability() -> None:
    base = link_probability(PLAIN)
    assert 0.0 < base < 1.0
    assert link_probability(replace(PLAIN, lemmas=0.6)) > base
    assert link_probability(replace(PLAIN, margin=0.2)) > base
    assert link_probability(replace(PLAIN, numbers=1.0)) > base
    # Sign-bounded: a name clash never raises it (fitted on licence-clean pairs, the same-language
    # models give it weight 0).
    assert link_probability(replace(PLAIN, names=-1.0)) <= base


def test_the_second_embedders_evidence_raises_the_probability() -> None:
    second = replace(PLAIN, second_meaning=0.5)
    base = link_probability(second)
    assert link_features(second)[0] == "same_language_e5"
    assert link_probability(replace(second, second_margin=0.2)) > base
    assert link_probability(replace(second, second_meaning=0.8)) > base
    reasons = link_reasons(replace(second, second_margin=0.2))
    assert reasons["second_meaning"] == 0.5 and reasons["second_margin"] == 0.2
    assert "second_meaning" not in link_reasons(PLAIN)


def test_the_reasons_name_every_part_the_model_reads() -> None:
    reasons = link_reasons(replace(PLAIN, cross_lingual=True, cross_meaning=0.85, nearest=True))
    for feature in ("meaning", "wording", "lemmas", "names", "numbers", "margin", "nearest", "cross_meaning"):
        assert feature in reasons


def test_the_cross_lingual_embedder_is_not_called_for_one_language() -> None:
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost."])
    b = make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt."])
    counting = CountingEmbedder()
    statements = [s for x in (a, b) for s in x.statements]
    assert cross_lingual_embeddings(statements, parts_of(statements), counting) is None
    compare_articles([a, b], EMBEDDER, cross_embedder=counting)
    assert counting.texts == []


def test_the_cross_lingual_embedder_embeds_statements_that_meet_another_language() -> None:
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost."])
    b = make_article("b", ["The city closes the old bridge over the river because of rust."])
    a = replace(a, statements=tuple(replace(s, language="de") for s in a.statements))
    b = replace(b, statements=tuple(replace(s, language="en") for s in b.statements))
    counting = CountingEmbedder()
    cmp = compare_articles([a, b], EMBEDDER, cross_embedder=counting)
    assert len(counting.texts) == 2
    for link in cmp.links:
        assert link.reasons["cross_lingual"] == 1.0 and "cross_meaning" in link.reasons


def test_the_link_embedder_embeds_whole_statements_of_uncertain_pairs_and_scores_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(align, "SECOND_BAND", (0.0, 1.01))  # every candidate pair is uncertain
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost.", "Es regnet."])
    b = make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt.", "Die Sonne scheint."])
    counting = CountingEmbedder()
    cmp = compare_articles([a, b], EMBEDDER, second_embedder=counting)
    statements = [s for x in (a, b) for s in x.statements]
    wholes = {embedding_text(ps[0].text) for ps in parts_of(statements)}
    assert counting.texts and set(counting.texts) <= wholes  # statements, never their clauses
    assert len(counting.texts) == len(set(counting.texts))  # each once
    assert cmp.links
    for link in cmp.links:
        assert "second_meaning" in link.reasons and "second_margin" in link.reasons


def test_the_link_embedder_leaves_certain_pairs_to_the_main_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost.", "Es regnet."])
    b = make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt.", "Die Sonne scheint."])
    plain = compare_articles([a, b], EMBEDDER)
    monkeypatch.setattr(align, "SECOND_BAND", (2.0, 3.0))  # no probability falls in it
    counting = CountingEmbedder()
    second = compare_articles([a, b], EMBEDDER, second_embedder=counting)
    assert counting.texts == []
    assert [(k.a, k.b, k.score) for k in second.links] == [(k.a, k.b, k.score) for k in plain.links]


def test_the_second_embedder_needs_a_pairs_statements_and_their_nearest_few() -> None:
    many = [f"Satz Nummer {n} handelt von etwas anderem als die übrigen, Thema {n}." for n in range(12)]
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost."])
    b = make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt.", *many])
    statements = [s for x in (a, b) for s in x.statements]
    parts = parts_of(statements)
    embeddings = EMBEDDER.encode([embedding_text(p.text) for ps in parts for p in ps])
    scorer = align.StoryScorer(statements, parts, embeddings, EMBEDDER.name)
    wanted = scorer.second_statements([(0, 1)])
    assert wanted[0] and wanted[1]
    assert int(wanted.sum()) == 1 + align.SECOND_NEIGHBOURHOOD  # a's statement and b's nearest few


def test_the_link_embedder_leaves_pairs_in_two_languages_to_the_main_embedder() -> None:
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost."])
    b = make_article("b", ["The city closes the old bridge over the river because of rust."])
    a = replace(a, statements=tuple(replace(s, language="de") for s in a.statements))
    b = replace(b, statements=tuple(replace(s, language="en") for s in b.statements))
    plain = compare_articles([a, b], EMBEDDER)
    counting = CountingEmbedder()
    second = compare_articles([a, b], EMBEDDER, second_embedder=counting)
    assert counting.texts == []  # no pair in one language: nothing to embed
    assert [(k.a, k.b, k.score) for k in second.links] == [(k.a, k.b, k.score) for k in plain.links]
    for link in second.links:
        assert "cross_meaning" not in link.reasons and "second_meaning" not in link.reasons


def test_the_link_embedder_scores_only_the_pairs_in_its_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    # The default setting "auto" runs e5 on English pairs only (align.SECOND_LANGUAGES): a German
    # story never embeds with it, an English one does.
    monkeypatch.setattr(align, "SECOND_BAND", (0.0, 1.01))  # every candidate pair is uncertain
    german = [
        make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost.", "Es regnet."]),
        make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt.", "Die Sonne scheint."]),
    ]
    english = [
        make_article("c", ["The city closes the old bridge over the river because of rust.", "It rains."]),
        make_article("d", ["The old bridge over the river is closed because of rust.", "The sun shines."]),
    ]

    def in_language(articles: list[AnalysedArticle], language: str) -> list[AnalysedArticle]:
        return [
            replace(x, statements=tuple(replace(s, language=language) for s in x.statements))
            for x in articles
        ]

    only_english = frozenset({"en"})
    counting = CountingEmbedder()
    plain = compare_articles(in_language(german, "de"), EMBEDDER)
    second = compare_articles(
        in_language(german, "de"), EMBEDDER, second_embedder=counting, second_languages=only_english
    )
    assert counting.texts == []
    assert [(k.a, k.b, k.score) for k in second.links] == [(k.a, k.b, k.score) for k in plain.links]
    cmp = compare_articles(
        in_language(english, "en"), EMBEDDER, second_embedder=counting, second_languages=only_english
    )
    assert counting.texts
    assert cmp.links and all("second_meaning" in link.reasons for link in cmp.links)


def test_the_default_link_embedder_is_e5_for_english_pairs_only_with_the_word_alignment() -> None:
    from blickwinkel.config import DEFAULT_LINK_EMBEDDER
    from blickwinkel.pipeline import second_embedder_of

    assert DEFAULT_LINK_EMBEDDER == "auto+words"
    embedder, languages = second_embedder_of("auto")
    assert embedder is not None and embedder.name == "e5" and languages == align.SECOND_LANGUAGES == {"en"}
    embedder, languages = second_embedder_of("e5")
    assert embedder is not None and languages is None  # every language
    assert second_embedder_of("") == (None, None)


def _words(*lemmas: str) -> StatementFeatures:
    return StatementFeatures(
        chars=frozenset(), lemmas=frozenset(lemmas), keys=frozenset(), quantities=(), language="en"
    )


@pytest.fixture
def measured_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    """The two parts no shipped model reads are worked out (as the fit script's --try-parts asks)."""
    monkeypatch.setattr(similarity, "_READ_PARTS", set(similarity._READ_PARTS))
    measure_parts(["cover", "rare_words"])


@pytest.mark.usefixtures("measured_parts")
def test_cover_is_the_share_of_the_shorter_sides_words_found_in_the_other() -> None:
    short = _words("ferry", "aground", "harbour")
    long = _words("ferry", "aground", "harbour", "storm", "night", "passenger", "coastguard", "tug")
    parts = evidence(0.5, short, long)
    assert parts.cover == 1.0  # every word of the short statement is in the long one
    assert parts.lemmas < 0.7  # the overlap over both sides stays low
    assert evidence(0.5, short, _words("storm", "night")).cover == 0.0
    # Rarity weighs: sharing the story's common word covers less than sharing its rare one.
    idf = {"ferry": 0.2, "aground": 3.0, "harbour": 3.0}
    assert (
        evidence(0.5, short, _words("ferry", "bus"), idf).cover
        < evidence(0.5, short, _words("aground", "bus"), idf).cover
    )


@pytest.mark.usefixtures("measured_parts")
def test_rare_words_counts_the_shared_words_rare_in_the_story_up_to_a_cap() -> None:
    a = _words("ferry", "aground", "harbour", "tug", "reef")
    b = _words("ferry", "aground", "harbour", "tug", "reef", "storm")
    assert evidence(0.5, a, b).rare_words == 0.0  # no word is rare in the story
    assert evidence(0.5, a, b, rare=frozenset({"aground"})).rare_words == 1 / RARE_WORDS_CAP
    everything = frozenset(a.lemmas)
    assert evidence(0.5, a, b, rare=everything).rare_words == 1.0


def test_rare_lemmas_are_those_in_few_statements_of_the_story() -> None:
    story = [_words("ferry", "storm"), _words("ferry", "reef"), _words("ferry", "tug"), _words("ferry")]
    assert align.rare_lemmas(story) == {"storm", "reef", "tug"}


def test_a_language_shift_replaces_the_models_shift_for_pairs_in_that_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = replace(LINK_MODELS["same_language"], language_shifts=())
    monkeypatch.setitem(LINK_MODELS, "same_language", model)
    german = replace(PLAIN, language="de")
    english = replace(PLAIN, language="en")
    base = link_probability(german)
    assert link_probability(english) == base
    shifted = replace(model, language_shifts=(("de", model.shift + 1.0),))
    monkeypatch.setitem(LINK_MODELS, "same_language", shifted)
    assert link_probability(german) > base
    assert link_probability(english) == base  # other languages keep the model's shift
    assert link_probability(replace(PLAIN, language=None)) == base


class CountingWords:
    """A word encoder giving each word a fixed vector of its letters (an invented stand-in for e5's
    word vectors), counting the sentences it was asked for."""

    def __init__(self) -> None:
        self.sentences: list[tuple[str, ...]] = []
        self.layers: list[int] = []
        self.layer = 0
        self.read: list[tuple[int, str]] = []  # (layer, first word) of each sentence read

    def at(self, layer: int) -> CountingWords:
        """The encoder of one layer (``compare_articles``' ``word_encoder``): this one, noting the layer."""
        self.layers.append(layer)
        self.layer = layer
        return self

    def __call__(self, sentences: Sequence[Sequence[str]]) -> list[npt.NDArray[np.float32]]:
        self.sentences.extend(tuple(s) for s in sentences)
        self.read.extend((self.layer, s[0]) for s in sentences)
        out = []
        for words in sentences:
            rows = np.zeros((len(words), 26), dtype=np.float32)
            for k, word in enumerate(words):
                for ch in word.lower():
                    if "a" <= ch <= "z":
                        rows[k, ord(ch) - 97] += 1.0
            norms = np.linalg.norm(rows, axis=1, keepdims=True)
            norms[norms == 0] = 1.0
            out.append(rows / norms)
        return out


def test_the_soft_step_moves_only_pairs_it_scored(monkeypatch: pytest.MonkeyPatch) -> None:
    model = LINK_MODELS["same_language"]
    monkeypatch.setitem(LINK_MODELS, "same_language", replace(model, soft_step=(-3.0, 4.0)))
    base = link_probability(PLAIN)
    assert link_probability(replace(PLAIN, soft=0.9)) > base > link_probability(replace(PLAIN, soft=0.5))
    assert link_reasons(replace(PLAIN, soft=0.9))["soft_alignment"] == 0.9
    assert "soft_alignment" not in link_reasons(PLAIN)


def test_the_probability_without_the_soft_step_is_the_plain_one(monkeypatch: pytest.MonkeyPatch) -> None:
    # What the "perhaps also in" mark reads (compare/facts.py): its threshold was chosen without the step.
    model = LINK_MODELS["same_language"]
    monkeypatch.setitem(LINK_MODELS, "same_language", replace(model, soft_step=(-3.0, 4.0)))
    raised = replace(PLAIN, soft=0.9)
    raised = replace(raised, score=link_probability(raised))
    assert raised.score > link_probability(PLAIN)
    assert probability_without_soft(raised) == pytest.approx(link_probability(PLAIN))
    plain = replace(PLAIN, score=link_probability(PLAIN))
    assert probability_without_soft(plain) == plain.score


def test_the_word_encoder_reads_only_the_statements_of_uncertain_pairs(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost.", "Es regnet."])
    b = make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt.", "Die Sonne scheint."])
    plain = compare_articles([a, b], EMBEDDER)
    monkeypatch.setattr(align, "SOFT_BAND", (2.0, 3.0))  # no probability falls in it
    words = CountingWords()
    assert [(k.a, k.b, k.score) for k in compare_articles([a, b], EMBEDDER, word_encoder=words.at).links] == [
        (k.a, k.b, k.score) for k in plain.links
    ]
    assert words.sentences == []
    monkeypatch.setattr(align, "SOFT_BAND", (0.0, 1.01))  # every candidate pair is uncertain
    cmp = compare_articles([a, b], EMBEDDER, word_encoder=words.at)
    assert words.sentences and len(words.sentences) == len(set(words.sentences))  # each statement once
    assert cmp.links and all("soft_alignment" in link.reasons for link in cmp.links)
    for link in cmp.links:
        assert 0.0 < link.reasons["soft_alignment"] <= 1.0


def test_the_soft_alignment_reads_pairs_in_two_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align, "SOFT_BAND", (0.0, 1.01))
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost."])
    b = make_article("b", ["The city closes the old bridge over the river because of rust."])
    a = replace(a, statements=tuple(replace(s, language="de") for s in a.statements))
    b = replace(b, statements=tuple(replace(s, language="en") for s in b.statements))
    words = CountingWords()
    compare_articles([a, b], EMBEDDER, word_encoder=words.at)
    assert len(words.sentences) == 2
    assert words.layers == [word_layer("de", "en")]  # one layer asked for, the pair's


def test_pairs_in_one_language_align_at_the_taggers_layer_pairs_in_two_at_the_other(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(word_vectors, "OTHER_WORD_LAYER", 12)  # (shipped: the tagger's as well)
    assert word_layer("de", "de") == word_layer("en", "en") == WORD_LAYER == 6  # the tagger's: kept rows
    assert word_layer("de", "en") == word_layer("fr", "de") == 12
    assert word_layer(None, "de") == WORD_LAYER  # (the link model reads it as one language)


def test_each_layer_is_asked_once_for_the_statements_of_its_pairs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(align, "SOFT_BAND", (0.0, 1.01))  # every candidate pair is uncertain
    monkeypatch.setattr(word_vectors, "OTHER_WORD_LAYER", 12)
    a = make_article("a", ["Die Stadt sperrt die alte Brücke über den Fluss wegen Rost."])
    b = make_article("b", ["Die alte Brücke über den Fluss wird wegen Rost gesperrt."])
    c = make_article("c", ["The city closes the old bridge over the river because of rust."])
    a, b = (replace(x, statements=tuple(replace(s, language="de") for s in x.statements)) for x in (a, b))
    c = replace(c, statements=tuple(replace(s, language="en") for s in c.statements))
    words = CountingWords()
    cmp = compare_articles([a, b, c], EMBEDDER, word_encoder=words.at)
    assert words.layers == [WORD_LAYER, 12]  # in order, each once
    # Both German statements at the tagger's layer; the English one, and the German ones of its
    # candidate pairs, at the other.
    assert words.read[:2] == [(WORD_LAYER, "Die")] * 2
    assert (12, "The") in words.read[2:] and (WORD_LAYER, "The") not in words.read
    assert all("soft_alignment" in link.reasons for link in cmp.links)
