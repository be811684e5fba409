"""Lemmas and part-of-speech tags for German and English tokens."""

from __future__ import annotations

from blickwinkel.analyse.lemmas import lemmatise, pos_tags


def test_german_lemmas() -> None:
    assert lemmatise(["Die", "Soldaten", "kamen", "gestern"], "de") == ["der", "Soldat", "kommen", "gestern"]


def test_english_lemmas() -> None:
    assert lemmatise(["The", "ministers", "came"], "en") == ["the", "minister", "come"]


def test_german_tags_are_stts() -> None:
    tags = pos_tags(["Die", "Regierung", "tagte", "in", "Bagdad", "."], "de")
    assert tags[1] == "NN"
    assert tags[2] == "VVFIN"
    assert tags[3] == "APPR"
    assert tags[4] == "NE"


def test_sentence_initial_adverb_is_not_a_proper_noun() -> None:
    assert pos_tags(["Dabei"], "de") == ["PROAV"]


def test_english_proper_noun() -> None:
    assert pos_tags(["Baghdad"], "en") == ["NP0"]


def test_one_tag_per_token_including_numbers_and_punctuation() -> None:
    tokens = ["Am", "3.", "Mai", "kamen", "120", "Menschen", "!"]
    assert len(pos_tags(tokens, "de")) == len(tokens)
    assert pos_tags(["120"], "de") == ["CARD"]


def test_unknown_language_falls_back_to_german() -> None:
    assert lemmatise(["Häuser"], "xx") == ["Haus"]


def test_french_and_spanish_words_get_their_own_languages_lemmas() -> None:
    # They went through the German dictionary ("personnes", "inondaciones" stayed as written).
    from blickwinkel.analyse.lemmas import lemmatise

    assert lemmatise(["personnes", "blessées", "inondations"], "fr") == ["personne", "blessé", "inondation"]
    assert lemmatise(["personas", "inundaciones"], "es") == ["persona", "inundación"]
