"""The stories' own language guess (stopword counts), which names a story's languages and picks the
pair score's language-pair weights for articles whose input declares no language."""

from __future__ import annotations

import pytest

from blickwinkel.stories.features import guess_language


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
def test_guess_language(text: str, language: str | None) -> None:
    assert guess_language(text) == language
