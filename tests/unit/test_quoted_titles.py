"""The title of a work or the motto of a campaign in quotation marks is named, not quoted: "Der Film
„…“ läuft", "under the slogan "…"". Our own sentences (eighteenth session)."""

from __future__ import annotations

import pytest

from tests.unit.test_quotes import make_article, roles_by_sentence


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Der Film „Der lange Weg nach Hollstedt“ läuft am Samstag im Gemeindesaal.", "de"),
        ("Die Kampagne „Mehr Busse für alle Dörfer“ wirbt seit Jahren dafür.", "de"),
        ("Unter dem Motto „Ein Tal, eine Stimme, ein Ziel“ zogen 300 Menschen durch den Ort.", "de"),
        ("Ihr Roman mit dem Titel „Die Stille nach dem großen Sturm“ erscheint im Mai.", "de"),
        ('The film "A Long Way to the Harbour" opens on Friday.', "en"),
        ('Hundreds marched under the slogan "One valley, one voice for all" on Sunday.', "en"),
        ('Her new book, titled "The Quiet After the Storm", comes out in May.', "en"),
    ],
)
def test_a_quoted_title_or_motto_is_no_quote(text: str, language: str) -> None:
    article, sentences = make_article([("paragraph", text)], language=language)
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind != "quote", role


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # words said stay quotes, also after a noun of speech
        ("Der Bürgermeister sagte: „Wir bauen die Brücke in diesem Jahr neu.“", "de"),
        ("„Der Film hat uns allen sehr gut gefallen“, sagte Ida Wendel.", "de"),
        ('"The film was far too long for the children," said Ida Wendel.', "en"),
        # a title noun far before the quotation does not make it a title
        ("Nach dem Film sagte sie: „Wir kommen auf jeden Fall wieder.“", "de"),
    ],
)
def test_words_said_near_a_title_noun_stay_quotes(text: str, language: str) -> None:
    article, sentences = make_article([("paragraph", text)], language=language)
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind == "quote", role


def test_a_demand_after_a_noun_that_also_names_works_stays_a_quote() -> None:
    article, sentences = make_article(
        [("paragraph", 'Ida Wendel fordert Programme "gegen Lärm und Staub in allen Dörfern."')]
    )
    (role,) = roles_by_sentence(article, sentences).values()
    assert role.kind == "quote", role
