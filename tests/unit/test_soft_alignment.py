"""The soft word alignment of two statements (compare/soft_alignment.py), on invented sentences and
hand-made vectors."""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import replace

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.compare.soft_alignment import (
    WordVectors,
    soft_alignment,
    statement_word_vectors,
    statement_words,
)
from blickwinkel.model import Mention, Statement


def _words(lemmas: list[str], rows: list[list[float]], start: int = 0) -> WordVectors:
    v = np.array(rows, dtype=np.float32)
    v /= np.linalg.norm(v, axis=1, keepdims=True)
    return WordVectors(tuple(range(start, start + len(lemmas))), tuple(lemmas), v)


def test_identical_words_align_fully() -> None:
    a = _words(["mayor", "resign"], [[1, 0, 0], [0, 1, 0]])
    found = soft_alignment(a, a, {})
    assert found is not None
    assert found.recall == pytest.approx(1.0) and found.precision == pytest.approx(1.0)
    assert found.f == pytest.approx(1.0)


def test_each_direction_reads_its_own_words() -> None:
    # The first statement's two words both have a match; the second has a third word with none.
    a = _words(["mayor", "resign"], [[1, 0, 0], [0, 1, 0]])
    b = _words(["mayor", "quit", "garden"], [[1, 0, 0], [0, 1, 0], [0, 0, 1]])
    found = soft_alignment(a, b, {})
    assert found is not None
    assert found.recall == pytest.approx(1.0)
    assert found.precision == pytest.approx(2 / 3)
    assert found.f == pytest.approx(0.8)


def test_rare_words_weigh_more() -> None:
    a = _words(["town", "flood"], [[1, 0, 0], [0, 1, 0]])
    b = _words(["town", "fire"], [[1, 0, 0], [0, 0, 1]])
    plain = soft_alignment(a, b, {})
    weighted = soft_alignment(a, b, {"town": 0.1, "flood": 3.0, "fire": 3.0})
    assert plain is not None and weighted is not None
    assert weighted.f < plain.f


def test_no_content_words_give_none() -> None:
    a = _words(["mayor"], [[1, 0]])
    empty = WordVectors((), (), np.zeros((0, 2), dtype=np.float32))
    assert soft_alignment(a, empty, {}) is None
    assert soft_alignment(empty, a, {}) is None


def test_within_keeps_the_words_of_a_clause() -> None:
    a = _words(["mayor", "resign", "council", "vote"], [[1, 0], [0, 1], [1, 1], [1, -1]], start=10)
    clause = a.within(12, 14)
    assert clause.lemmas == ("council", "vote")
    assert clause.vectors.shape == (2, 2)
    assert a.within(0, 100) is a


@settings(max_examples=50, deadline=None)
@given(st.integers(1, 6), st.integers(1, 6), st.integers(0, 10_000))
def test_scores_are_bounded_and_symmetric(n: int, m: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    a = _words([f"a{k}" for k in range(n)], rng.normal(size=(n, 4)).tolist())
    b = _words([f"b{k}" for k in range(m)], rng.normal(size=(m, 4)).tolist())
    ab, ba = soft_alignment(a, b, {}), soft_alignment(b, a, {})
    assert ab is not None and ba is not None
    assert -1.0 - 1e-6 <= ab.recall <= 1.0 + 1e-6 and -1.0 - 1e-6 <= ab.precision <= 1.0 + 1e-6
    assert ab.recall == pytest.approx(ba.precision) and ab.f == pytest.approx(ba.f)


def _statement(text: str, language: str = "en", start: int = 0) -> Statement:
    return Statement("a#1", "a", text, start, start + len(text), language=language)


def test_function_words_and_numbers_are_not_aligned() -> None:
    words, starts, lemmas = statement_words(_statement("The mayor of the town resigned on 3 May.", start=100))
    assert words[:3] == ["The", "mayor", "of"]
    assert starts[:2] == [100, 104]
    assert lemmas[0] == "" and lemmas[2] == ""  # "the", "of"
    assert lemmas[1] == "mayor"
    assert lemmas[words.index("3")] == ""


def test_the_words_of_a_name_are_not_aligned() -> None:
    # The names part of the link model weighs a shared name; the alignment reads what is said of it.
    text = "Mayor Ada Quillfeather opened the new library."
    named = Mention("Ada Quillfeather", 106, 122, "PER", "ada quillfeather")
    statement = replace(_statement(text, start=100), entities=(named,))
    words, _, lemmas = statement_words(statement)
    content = [w for w, lemma in zip(words, lemmas, strict=True) if lemma]
    assert content == ["Mayor", "opened", "new", "library"]
    # Without the mention the name's words are content words like any other.
    plain = statement_words(_statement(text))[2]
    assert "Quillfeather" in [w for w, lemma in zip(words, plain, strict=True) if lemma]


def test_vectors_follow_the_content_words() -> None:
    def encode(sentences: object) -> list[np.ndarray]:
        assert isinstance(sentences, list)
        return [np.eye(len(s), 8, dtype=np.float32) for s in sentences]

    statements = [_statement("The ferry left the harbour late."), _statement("Der Zug kam spät.", "de")]
    found = statement_word_vectors(statements, encode)
    assert [len(f.lemmas) for f in found] == [len(f.vectors) for f in found]
    assert "ferry" in found[0].lemmas and "the" not in found[0].lemmas
    # The vector of "ferry" is the encoder's row of the second word.
    assert found[0].vectors[found[0].lemmas.index("ferry")][1] == 1.0


def test_e5_word_vectors_align_a_paraphrase_better_than_another_fact() -> None:
    from blickwinkel.embed.word_vectors import E5WordVectors

    encode = E5WordVectors()
    said = _statement("The harbour master closed the old pier after the storm.")
    restated = _statement("After the storm the harbour chief shut the aging jetty.")
    other = _statement("Tickets for the summer concert sold out within an hour.")
    a, b, c = statement_word_vectors([said, restated, other], encode)
    assert all(np.allclose(np.linalg.norm(w.vectors, axis=1), 1.0, atol=1e-5) for w in (a, b, c))
    close, far = soft_alignment(a, b, {}), soft_alignment(a, c, {})
    assert close is not None and far is not None
    assert close.f > far.f


def test_e5_word_vectors_refuse_a_layer_the_model_lacks() -> None:
    from blickwinkel.embed.word_vectors import E5WordVectors

    with pytest.raises(ValueError, match="layers 1 to 12"):
        E5WordVectors(13)
    assert E5WordVectors()([]) == []


def test_the_word_encoder_only_when_the_setting_asks_and_a_model_reads_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from blickwinkel.compare.link_weights import LINK_MODELS
    from blickwinkel.config import DEFAULT_LINK_EMBEDDER
    from blickwinkel.pipeline import word_encoder_of

    for name, model in list(LINK_MODELS.items()):
        monkeypatch.setitem(LINK_MODELS, name, replace(model, soft_step=(0.0, 0.0)))
    assert word_encoder_of("auto+words") is None
    monkeypatch.setitem(
        LINK_MODELS, "same_language", replace(LINK_MODELS["same_language"], soft_step=(-1.0, 2.0))
    )
    assert word_encoder_of("auto+words") is not None and word_encoder_of("e5+words") is not None
    assert word_encoder_of("auto") is None and word_encoder_of("") is None
    assert DEFAULT_LINK_EMBEDDER == "auto+words"  # the default since the seventeenth session


def test_the_setting_names_the_soft_alignment_after_the_embedder() -> None:
    from blickwinkel.config import load_settings
    from blickwinkel.errors import ConfigError
    from blickwinkel.pipeline import second_embedder_of

    assert load_settings({"link_embedder": "auto+words"}).link_embedder == "auto+words"
    with pytest.raises(ConfigError, match="soft word alignment"):
        load_settings({"link_embedder": "none+words"})
    second, languages = second_embedder_of("auto+words")
    assert second is not None and second.name == "e5" and languages == frozenset({"en"})


def test_sentences_met_again_are_not_encoded_again(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.analyse import token_vectors
    from blickwinkel.embed import word_vectors

    calls: list[int] = []

    class Encoder:
        def word_vectors(
            self, sentences: list[list[str]], layers: int, *, keep: bool = False
        ) -> list[np.ndarray]:
            calls.append(len(sentences))
            rows = [np.ones((len(s), 4), dtype=np.float32) for s in sentences]
            if keep:
                token_vectors.keep_states(layers, sentences, rows)
            return rows

    monkeypatch.setattr(word_vectors, "shared_encoder", lambda layers: Encoder())
    monkeypatch.setattr(token_vectors, "_kept", OrderedDict())
    monkeypatch.setattr(token_vectors, "_kept_words", [0])
    monkeypatch.setattr(token_vectors, "KEPT_WORDS", 5)
    encode = word_vectors.E5WordVectors()
    first = encode([["the", "ferry"], ["a", "storm"], ["the", "ferry"]])
    assert calls == [2] and len(first) == 3 and np.allclose(np.linalg.norm(first[0], axis=1), 1.0)
    encode([["a", "storm"], ["new", "words", "here"]])
    assert calls == [2, 1]  # only the new sentence
    encode([["the", "ferry"]])  # pushed out: at most five words kept
    assert calls == [2, 1, 1]


def test_the_taggers_vectors_are_read_again_not_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.analyse import ner_tagger, token_vectors
    from blickwinkel.embed import word_vectors

    monkeypatch.setattr(token_vectors, "_kept", OrderedDict())
    monkeypatch.setattr(token_vectors, "_kept_words", [0])
    monkeypatch.setattr(token_vectors, "_tagger_keeps", [True])  # (what a comparison under auto+words sets)
    sentence = ["Die", "Fähre", "lief", "am", "Morgen", "vor", "Nebelhorn", "auf", "Grund", "."]
    ner_tagger.crf_tags_batch([sentence])  # (in this process: no child)
    want = ner_tagger.raw_vectors([sentence], ner_tagger.vector_settings(), keep=False)[0]

    def refuse(layers: int) -> None:
        raise AssertionError("encoded again")

    monkeypatch.setattr(word_vectors, "shared_encoder", refuse)
    got = word_vectors.E5WordVectors()([sentence])[0]
    np.testing.assert_array_equal(got, want / np.linalg.norm(want, axis=1, keepdims=True))


def test_the_tagger_keeps_nothing_unless_the_alignment_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.analyse import ner_tagger, token_vectors
    from blickwinkel.pipeline import compare_articles_text
    from blickwinkel.stories.features import article_from_text

    monkeypatch.setattr(token_vectors, "_kept", OrderedDict())
    monkeypatch.setattr(token_vectors, "_kept_words", [0])
    monkeypatch.setattr(token_vectors, "_tagger_keeps", [True])
    texts = [
        "Die Fähre lief am Morgen vor der Insel auf Grund. Verletzt wurde niemand.",
        "Am Morgen ist eine Fähre vor der Insel auf Grund gelaufen. Niemand wurde verletzt.",
    ]
    articles = [article_from_text(f"a{i}", t) for i, t in enumerate(texts)]
    compare_articles_text(articles, link_embedder="auto")
    assert not token_vectors.tagger_keeps()
    ner_tagger.crf_tags_batch([["Die", "Fähre", "lief", "auf", "Grund", "."]])
    assert not token_vectors._kept  # 'auto' never reads them: about 100 MB a big story


def test_the_soft_alignment_reads_the_taggers_layer() -> None:
    from blickwinkel.analyse.ner_tagger import vector_settings
    from blickwinkel.embed.word_vectors import WORD_LAYER

    assert vector_settings().layers == WORD_LAYER  # else the tagger's kept rows are never read


def test_a_statements_words_are_its_tokens() -> None:
    words, starts, lemmas = statement_words(_statement("Der Bürgermeister, 54, trat am Montag zurück.", "de"))
    assert words == ["Der", "Bürgermeister", ",", "54", ",", "trat", "am", "Montag", "zurück", "."]
    assert starts[1] == 4 and starts[2] == 17
    content = [w for w, lemma in zip(words, lemmas, strict=True) if lemma]
    assert content[:1] == ["Bürgermeister"] and "," not in content and "54" not in content


def test_a_statement_the_tagger_read_keeps_the_tagger_s_tokens(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.analyse import token_vectors

    monkeypatch.setattr(token_vectors, "_kept", OrderedDict())
    monkeypatch.setattr(token_vectors, "_spelled", {})
    monkeypatch.setattr(token_vectors, "_kept_words", [0])
    tokens = ["Die", "Brücke", "bleibt", "bis", "Freitag", "gesperrt", "."]
    token_vectors.keep_states(6, [tokens], [np.ones((len(tokens), 4), dtype=np.float32)])
    text = "Die Brücke bleibt bis Freitag gesperrt."
    assert token_vectors.kept_words(text) == tuple(tokens)
    words, starts, _ = statement_words(_statement(text, "de", start=10))
    assert words == tokens and starts[1] == 14 and starts[-1] == 10 + len(text) - 1
    # Another text is split by the tokenizer, as before.
    assert token_vectors.kept_words("Der Fluss stieg.") is None
    assert statement_words(_statement("Der Fluss stieg.", "de"))[0] == ["Der", "Fluss", "stieg", "."]
    token_vectors.forget_states()
    assert token_vectors.kept_words(text) is None
