"""A name one article of a story tags is the same name where another article writes it untagged."""

from __future__ import annotations

import re

from blickwinkel.analyse.entities import add_story_names
from blickwinkel.model import Article, Block, Mention, Sentence, Token

_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*|[^\w\s]")


def _article(text: str, language: str, article_id: str) -> tuple[Article, list[Sentence]]:
    article = Article(article_id, text, (Block("paragraph", 0, len(text)),), "test", language=language)
    sentences = []
    for match in re.finditer(r"[^.!?]+[.!?]?", text):
        start = match.start() + len(match.group()) - len(match.group().lstrip())
        body = text[start : match.end()]
        tokens = tuple(Token(m.group(), start + m.start(), start + m.end()) for m in _TOKEN.finditer(body))
        sentences.append(Sentence(start, match.end(), body, 0, tokens))
    return article, sentences


def _mention(text: str, name: str, type_: str, key: str) -> Mention:
    start = text.index(name)
    return Mention(name, start, start + len(name), type_, key)  # type: ignore[arg-type]


def _names(
    texts: list[tuple[str, str]], tagged: list[list[tuple[str, str, str]]]
) -> list[list[tuple[str, str, str]]]:
    """Run add_story_names over articles (text, language) with the given (name, type, key) mentions,
    all in each article's first sentence; the mentions each article ends with, as (text, type, key)."""
    made = [_article(text, language, f"a{n}") for n, (text, language) in enumerate(texts)]
    mentions = []
    for (article, sentences), names in zip(made, tagged, strict=True):
        first = tuple(_mention(article.text, name, type_, key) for name, type_, key in names)
        mentions.append([first, *[() for _ in sentences[1:]]])
    found = add_story_names([a for a, _ in made], [s for _, s in made], mentions)
    return [[(m.text, m.type, m.key) for sentence in article for m in sentence] for article in found]


def test_a_town_the_german_tagger_found_is_named_in_the_french_report() -> None:
    found = _names(
        [
            ("Der Frachter lief in Brelstadt auf die Mole.", "de"),
            ("Le cargo a heurté la jetée de Brelstadt mardi.", "fr"),
        ],
        [[("Brelstadt", "LOC", "loc:brelstadt")], []],
    )
    assert found[1] == [("Brelstadt", "LOC", "loc:brelstadt")]


def test_a_ship_name_in_quotes_is_the_name_the_other_language_tags() -> None:
    found = _names(
        [
            ('Der Frachter "Morgenwind" lief auf die Mole.', "de"),
            ("La nave «Morgenwind» ha urtato il molo.", "it"),
        ],
        [[("Morgenwind", "OTH", "oth:morgenwind")], []],
    )
    assert found[1] == [("Morgenwind", "OTH", "oth:morgenwind")]


def test_german_and_english_articles_keep_their_own_reading() -> None:
    found = _names(
        [
            ('Der Frachter "Morgenwind" lief auf die Mole.', "de"),
            ("The freighter Morgenwind hit the pier.", "en"),
            ("Le cargo « Morgenwind » a heurté la jetée.", "fr"),
        ],
        [[], [], [("Morgenwind", "OTH", "oth:morgenwind")]],
    )
    assert found[0] == found[1] == []


def test_a_word_the_article_also_writes_in_lower_case_is_no_name() -> None:
    found = _names(
        [
            ("La Police a fermé la route. La police n'a rien dit.", "fr"),
            ("Officers of the Police arrived.", "en"),
        ],
        [[], [("Police", "ORG", "org:police")]],
    )
    assert found[0] == []


def test_articles_in_one_language_keep_their_own_reading() -> None:
    found = _names(
        [("The ferry left Brelstadt late.", "en"), ("Officials in Brelstadt waited.", "en")],
        [[], [("Brelstadt", "LOC", "loc:brelstadt")]],
    )
    assert found[0] == []


def test_a_longer_name_wins_and_a_tagged_span_is_left_alone() -> None:
    found = _names(
        [
            ("Anna Lindqvist von der Harrow Group sprach.", "de"),
            ("Harrow Group: la directrice Anna Lindqvist a parlé; Lindqvist est partie.", "fr"),
        ],
        [
            [("Anna Lindqvist", "PER", "per:anna-lindqvist"), ("Harrow Group", "ORG", "org:harrow-group")],
            [("Anna Lindqvist", "PER", "per:anna-lindqvist")],
        ],
    )
    assert found[1] == [
        ("Harrow Group", "ORG", "org:harrow-group"),
        ("Anna Lindqvist", "PER", "per:anna-lindqvist"),
    ]


def test_short_words_and_months_never_spread() -> None:
    found = _names(
        [("Sir Tom spoke in May.", "en"), ("En May, Sir Tom a parlé.", "fr")],
        [[("Sir", "PER", "per:sir"), ("May", "OTH", "oth:may")], []],
    )
    assert found[1] == []
