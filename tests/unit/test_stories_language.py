"""The language the stories give an article whose input declares none: it names a story's languages
and picks the pair score's language-pair weights. It comes from the one guesser (analyse.language),
which replaced the stories' own stopword counts."""

from __future__ import annotations

import pytest

from blickwinkel.stories.features import article_from_text, story_docs
from tests.unit.test_stories_props import HashedWordsEmbedder


@pytest.mark.parametrize(
    ("text", "language"),
    [
        # "in" three times made this German report English
        (
            "Brand in Lagerhalle\n\nIn einer Lagerhalle in Altdorf ist am Freitagabend ein Feuer "
            "ausgebrochen. Verletzt wurde niemand.",
            "de",
        ),
        # French and Spanish texts were English for their "a" and "on"
        (
            "Incendie dans un entrepôt\n\nUn incendie s'est déclaré vendredi soir dans un entrepôt de la "
            "zone industrielle. Le feu a pris vers 22 heures, a indiqué le porte-parole des pompiers. "
            "On ne déplore aucun blessé et une enquête est ouverte.",
            "fr",
        ),
        (
            "Incendio en un almacén\n\nUn incendio destruyó el viernes por la noche un almacén en la zona "
            "industrial. El fuego comenzó hacia las 23 horas, según el portavoz de los bomberos. "
            "Se ha abierto una investigación para determinar las causas.",
            "es",
        ),
        (
            "A ferry ran aground on a sandbar near the harbour on Sunday evening, the coast guard said. "
            "All of the passengers were taken off by boat.",
            "en",
        ),
        ("Kurz.", None),
    ],
)
def test_story_language_of_an_article_without_one(text: str, language: str | None) -> None:
    (doc,) = story_docs([article_from_text("a", text)], HashedWordsEmbedder())
    assert doc.language == language


def test_a_declared_language_is_kept() -> None:
    article = article_from_text("a", "A ferry ran aground near the harbour on Sunday.", language="de")
    assert story_docs([article], HashedWordsEmbedder())[0].language == "de"
