"""Concepts of news words in German and English (compare/news_words.py), on sentences we invent."""

from __future__ import annotations

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare.news_words import concepts
from blickwinkel.compare.similarity import StatementFeatures, features, weighted_overlap
from blickwinkel.model import Article, Block


def test_a_german_word_and_its_english_counterpart_share_a_concept() -> None:
    assert concepts(frozenset({"gericht"}), "de") == concepts(frozenset({"court"}), "en") == {"~court"}


def test_a_word_the_table_does_not_know_stands_for_itself() -> None:
    assert concepts(frozenset({"kellerfeld", "zeppelin"}), "de") == {"kellerfeld", "zeppelin"}
    assert concepts(frozenset({"zeppelin"}), "en") == {"zeppelin"}


def test_a_german_compound_takes_its_head_and_keeps_itself() -> None:
    found = concepts(frozenset({"landesgericht"}), "de")
    assert found == {"landesgericht", "~court"}


def test_a_short_head_gives_no_concept() -> None:
    # "-land", "-berg" and "-dorf" end too many place names to mean country, mountain or village.
    assert concepts(frozenset({"grunland", "eichberg", "mittelsdorf"}), "de") == {
        "grunland",
        "eichberg",
        "mittelsdorf",
    }


def test_a_language_without_a_table_keeps_its_lemmas() -> None:
    assert concepts(frozenset({"tribunal"}), "fr") == {"tribunal"}


def _statement_features(text: str, language: str) -> StatementFeatures:
    article = Article("a", text, (Block("paragraph", 0, len(text)),), "test", language=language)
    (analysed,) = analyse_articles([article])
    return features(analysed.statements[0])


def test_two_invented_reports_in_two_languages_share_concepts() -> None:
    german = _statement_features(
        "Das Gericht verschob am Donnerstag das Urteil über den Bürgermeister.", "de"
    )
    english = _statement_features("On Thursday the court postponed its verdict on the mayor.", "en")
    assert {"~court", "~verdict", "~thursday", "~mayor", "~postpone"} <= german.concepts & english.concepts
    assert weighted_overlap(german.concepts, english.concepts, {}) > 0.5
    assert weighted_overlap(german.lemmas, english.lemmas, {}) == 0.0
