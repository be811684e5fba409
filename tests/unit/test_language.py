"""Language of texts, blocks and articles (our own invented sentences)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.analyse import language as language_module
from blickwinkel.analyse.language import article_language, detect_block_languages, detect_language
from blickwinkel.model import Article, Block, BlockKind

GERMAN = (
    "Die Stadtverwaltung hat am Mittwoch beschlossen, die Bibliothek im Zentrum bis zum Herbst "
    "zu renovieren. Während der Bauarbeiten bleiben die Türen geschlossen."
)
ENGLISH = (
    "The city council decided on Wednesday to renovate the central library before the autumn. "
    "The doors will stay closed while the work goes on."
)
ENGLISH_POST = (
    "Huge thanks to everyone who turned up at the library today, we could not have done it "
    "without you! #readmore @citylibrary https://example.org/photos"
)


def article_of(parts: list[tuple[BlockKind, str]], language: str | None = None) -> Article:
    text = ""
    blocks = []
    for kind, part in parts:
        if text:
            text += "\n\n"
        blocks.append(Block(kind, len(text), len(text) + len(part)))
        text += part
    return Article(id="test", text=text, blocks=tuple(blocks), source="test", language=language)


def test_german_and_english() -> None:
    assert detect_language(GERMAN) == "de"
    assert detect_language(ENGLISH) == "en"
    assert detect_language("Le conseil municipal a décidé de rénover la bibliothèque centrale.") == "fr"


def test_too_short_or_empty_gives_none() -> None:
    for text in ["", "ok", "Heute", "#tag @name https://example.org", "12:30 – 3,5 %"]:
        assert detect_language(text) is None


def test_handles_hashtags_and_links_are_ignored() -> None:
    german_with_names = "#BreakingNews @WorldNewsTeam https://news.example.com Der Zug fällt heute aus."
    assert detect_language(german_with_names) == "de"


def test_mixed_article_with_an_english_post() -> None:
    article = article_of(
        [
            ("headline", "Bibliothek schließt für Umbau"),
            ("paragraph", GERMAN),
            ("embedded_post", ENGLISH_POST),
            ("paragraph", "Die Leiterin der Bibliothek freut sich über die große Unterstützung der Leser."),
            ("caption", "Foto: privat"),
        ]
    )
    languages = detect_block_languages(article)
    assert languages == ("de", "de", "en", "de", "de")
    assert article_language(article) == "de"


def test_short_blocks_inherit_the_article_language() -> None:
    article = article_of([("paragraph", ENGLISH), ("caption", "Foto: privat")], language="en")
    assert detect_block_languages(article) == ("en", "en")


def test_declared_languages_win() -> None:
    article = article_of([("paragraph", GERMAN)], language="fr")
    assert article_language(article) == "fr"
    text = ENGLISH
    block = Block("paragraph", 0, len(text), language="nl")
    article = Article(id="t", text=text, blocks=(block,), source="test")
    assert detect_block_languages(article) == ("nl",)


def test_article_language_by_characters() -> None:
    article = article_of([("paragraph", ENGLISH), ("paragraph", ENGLISH), ("paragraph", GERMAN)])
    assert article_language(article) == "en"
    assert article_language(article_of([("paragraph", "Ja.")])) is None


def test_py3langid_decides_when_lingua_is_unsure(monkeypatch: pytest.MonkeyPatch) -> None:
    language_module._detect_cleaned.cache_clear()
    monkeypatch.setattr(language_module, "_detect_cleaned", language_module._detect_cleaned.__wrapped__)
    monkeypatch.setattr(language_module, "_lingua", lambda text, candidates: ("de", 0.3))
    assert detect_language(ENGLISH) == "en"  # py3langid is sure
    monkeypatch.setattr(language_module, "_lingua", lambda text, candidates: (None, 0.0))
    assert detect_language(GERMAN) == "de"


def test_lingua_chooses_only_among_likely_languages(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[str, ...]] = []

    def lingua(text: str, candidates: tuple[str, ...]) -> tuple[str | None, float]:
        asked.append(candidates)
        return "de", 1.0

    monkeypatch.setattr(language_module, "_detect_cleaned", language_module._detect_cleaned.__wrapped__)
    monkeypatch.setattr(language_module, "_lingua", lingua)
    assert detect_language("Die Brücke bleibt bis Montag gesperrt.") == "de"
    assert asked and "de" in asked[0] and 2 <= len(asked[0]) <= language_module.MAX_CANDIDATES
    asked.clear()
    long_german = (
        "Die Brücke über den Fluss bleibt wegen Schäden an den Pfeilern bis zum Montag gesperrt. " * 3
    )
    assert detect_language(long_german) == "de"
    assert asked == []  # a long text py3langid is sure of needs no second opinion


def test_a_short_block_in_the_articles_language_needs_no_lingua(monkeypatch: pytest.MonkeyPatch) -> None:
    """lingua loads every n-gram model for a text under 120 characters (seconds for three languages):
    a short block py3langid puts in the language of the blocks around it takes that language."""
    heading = "Stadtrat beschließt Umbau der alten Bibliothek im Zentrum"
    unsure = [("de", 0.9), ("nl", 0.06), ("en", 0.04)]
    ranking = language_module._langid_ranking
    asked: list[str] = []

    def lingua(text: str, candidates: tuple[str, ...]) -> tuple[str | None, float]:
        asked.append(text)
        return "nl", 1.0

    monkeypatch.setattr(language_module, "_detect_cleaned", language_module._detect_cleaned.__wrapped__)
    monkeypatch.setattr(
        language_module, "_langid_ranking", lambda t: unsure if "Stadtrat" in t else ranking(t)
    )
    monkeypatch.setattr(language_module, "_lingua", lingua)
    article = article_of([("headline", heading), ("paragraph", GERMAN)])
    assert detect_block_languages(article) == ("de", "de")
    assert article_language(article) == "de"
    assert asked == []
    # Alone, or in an English article, the same heading is a case for lingua.
    assert detect_language(heading) == "nl"
    assert detect_block_languages(article_of([("headline", heading), ("paragraph", ENGLISH)])) == ("nl", "en")
    assert len(asked) == 2


@given(st.text(alphabet=st.sampled_from("ab.:@#/-_'9 wc\n"), max_size=80))
def test_links_and_handles_are_removed_as_without_the_guard(text: str) -> None:
    def unguarded(text: str) -> list[str]:
        words: list[str] = []
        for token in text.split():
            if len(token) > language_module.MAX_TOKEN:
                continue
            cleaned = token
            for pattern in (language_module._URL, language_module._EMAIL, language_module._HANDLE_OR_HASHTAG):
                cleaned = pattern.sub(" ", cleaned)
            words.extend(language_module._NON_LETTERS.sub(" ", cleaned).split())
        return words

    assert list(language_module._clean_words(text)) == unguarded(text)
    assert list(language_module._clean_words(text + " www.x.com a@b.de #tag")) == unguarded(
        text + " www.x.com a@b.de #tag"
    )
