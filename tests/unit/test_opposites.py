"""Opposite outcomes in parallel wording (``compare.opposites``): confirmed against denied, approved
against rejected, convicted against acquitted, in the languages the comparison reads; and the pairs
that only look like it (two bodies, a change over time, a negated opposite). Every sentence is our own
invention."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.compare.opposites import negated_opposite, opposite_outcome
from blickwinkel.compare.parallel_wording import parallel
from blickwinkel.model import Statement
from tests.unit.test_compare import make_article


def _said(language: str, text: str, aid: str) -> Statement:
    return replace(make_article(aid, [text]).statements[0], language=language)


def _opposite(language: str, x: str, y: str) -> tuple[str, str, str] | None:
    a, b = _said(language, x, "a"), _said(language, y, "b")
    found = opposite_outcome(a, b, parallel(a, b, None, None) or [])
    if found is None:
        return None
    name, xs, ys = found
    return name, " ".join(t.text for t in xs), " ".join(t.text for t in ys)


# language, sentence a, sentence b, the pair of poles found (None: no clash)
CASES: dict[str, tuple[str, str, str, tuple[str, str, str] | None]] = {
    "en-confirmed-denied": (
        "en", "The town hall confirmed on Wednesday that the harbour master was dismissed.",
        "The town hall denied on Wednesday that the harbour master was dismissed.",
        ("confirmed/denied", "confirmed", "denied"),
    ),
    "de-bestätigt-dementiert": (
        "de", "Die Stadtverwaltung hat am Mittwoch die Entlassung des Hafenmeisters bestätigt.",
        "Die Stadtverwaltung dementierte am Mittwoch die Entlassung des Hafenmeisters.",
        ("confirmed/denied", "bestätigt", "dementierte"),
    ),
    "de-bestritt": (
        "de", "Der Reeder bestätigte, dass die Fähre überladen war.",
        "Der Reeder bestritt, dass die Fähre überladen war.",
        ("confirmed/denied", "bestätigte", "bestritt"),
    ),
    "fr-confirmé-démenti": (
        "fr", "La mairie a confirmé mercredi le renvoi du capitaine du port.",
        "La mairie a démenti mercredi le renvoi du capitaine du port.",
        ("confirmed/denied", "confirmé", "démenti"),
    ),
    "es-confirmó-desmintió": (
        "es", "El ayuntamiento confirmó el miércoles el despido del capitán del puerto.",
        "El ayuntamiento desmintió el miércoles el despido del capitán del puerto.",
        ("confirmed/denied", "confirmó", "desmintió"),
    ),
    "es-ha-confirmado-negó": (
        "es", "El armador ha confirmado que el ferry iba sobrecargado.",
        "El armador negó que el ferry iba sobrecargado.",
        ("confirmed/denied", "confirmado", "negó"),
    ),
    "it-confermato-smentito": (
        "it", "Il comune ha confermato il licenziamento del capitano del porto.",
        "Il comune ha smentito il licenziamento del capitano del porto.",
        ("confirmed/denied", "confermato", "smentito"),
    ),
    "nl-bevestigd-ontkend": (
        "nl", "De gemeente heeft het ontslag van de havenmeester bevestigd.",
        "De gemeente heeft het ontslag van de havenmeester ontkend.",
        ("confirmed/denied", "bevestigd", "ontkend"),
    ),
    "de-angenommen-abgelehnt": (
        "de", "Der Antrag auf Soforthilfe wurde im Gemeinderat mit großer Mehrheit angenommen.",
        "Der Antrag auf Soforthilfe wurde im Gemeinderat mit großer Mehrheit abgelehnt.",
        ("approved/rejected", "angenommen", "abgelehnt"),
    ),
    "en-approved-rejected": (
        "en", "The council approved the emergency aid for the flooded streets on Monday.",
        "The council rejected the emergency aid for the flooded streets on Monday.",
        ("approved/rejected", "approved", "rejected"),
    ),
    "fr-adopté-rejeté": (
        "fr", "Le conseil municipal a adopté le plan d'aide aux sinistrés.",
        "Le conseil municipal a rejeté le plan d'aide aux sinistrés.",
        ("approved/rejected", "adopté", "rejeté"),
    ),
    "es-aprobó-rechazó": (
        "es", "El pleno aprobó el jueves el plan de ayudas para los vecinos.",
        "El pleno rechazó el jueves el plan de ayudas para los vecinos.",
        ("approved/rejected", "aprobó", "rechazó"),
    ),
    "en-convicted-acquitted": (
        "en", "The skipper of the overloaded ferry was convicted by the district court on Monday.",
        "The skipper of the overloaded ferry was acquitted by the district court on Monday.",
        ("convicted/acquitted", "convicted", "acquitted"),
    ),
    "de-verurteilt-freigesprochen": (
        "de", "Der Kapitän der Fähre wurde am Montag vom Amtsgericht verurteilt.",
        "Der Kapitän der Fähre wurde am Montag vom Amtsgericht freigesprochen.",
        ("convicted/acquitted", "verurteilt", "freigesprochen"),
    ),
    "fr-condamné-acquitté": (
        "fr", "Le capitaine du ferry a été condamné lundi par le tribunal.",
        "Le capitaine du ferry a été acquitté lundi par le tribunal.",
        ("convicted/acquitted", "condamné", "acquitté"),
    ),
    "es-condenado-absuelto": (
        "es", "El capitán del ferry fue condenado el lunes por el tribunal.",
        "El capitán del ferry fue absuelto el lunes por el tribunal.",
        ("convicted/acquitted", "condenado", "absuelto"),
    ),
    # near-misses: two bodies, a change over time, a negated opposite, two objects, one pole twice
    "en-two-bodies": (
        "en", "The town hall confirmed that the harbour master was dismissed.",
        "The union denied that the harbour master was dismissed.", None,
    ),
    "es-two-bodies": (
        "es", "La comisión aprobó el jueves el plan de ayudas para los vecinos.",
        "El pleno rechazó el jueves el plan de ayudas para los vecinos.", None,
    ),
    "de-two-bodies-named": (
        "de", "Die Stadt Lindenau bestätigte die Entlassung des Hafenmeisters.",
        "Die Gewerkschaft Verdi bestritt die Entlassung des Hafenmeisters.", None,
    ),
    "en-first-denied-then-confirmed": (
        "en", "The town hall first denied and later confirmed that the harbour master was dismissed.",
        "The town hall confirmed that the harbour master was dismissed.", None,
    ),
    "de-früher-dementiert": (
        "de", "Die Stadt bestätigte am Mittwoch die Entlassung, die sie am Montag noch dementiert hatte.",
        "Die Stadt bestätigte am Mittwoch die Entlassung.", None,
    ),
    "en-did-not-deny": (
        "en", "The town hall did not deny that the harbour master was dismissed.",
        "The town hall confirmed that the harbour master was dismissed.", None,
    ),
    "en-two-objects": (
        "en", "The council approved the emergency aid for the flooded streets on Monday.",
        "The council rejected the new parking rules for the harbour on Monday.", None,
    ),
    "en-one-pole-twice": (
        "en", "The town hall confirmed on Wednesday that the harbour master was dismissed.",
        "The town hall confirmed on Thursday that the harbour master was dismissed.", None,
    ),
    "en-two-days": (
        "en", "The court convicted the skipper on Monday and the harbour master was acquitted.",
        "The court acquitted the skipper on Monday and the harbour master was convicted.", None,
    ),
}  # fmt: skip


@pytest.mark.parametrize("name", list(CASES))
def test_opposite_outcomes_in_parallel_wording(name: str) -> None:
    language, x, y, expected = CASES[name]
    assert _opposite(language, x, y) == expected
    if expected is not None:  # either way round
        name_found, first, second = expected
        assert _opposite(language, y, x) == (name_found, second, first)


def test_a_negated_opposite_says_the_same_and_a_negated_same_pole_does_not() -> None:
    def hunks(x: str, y: str) -> bool:
        a, b = _said("en", x, "a"), _said("en", y, "b")
        return negated_opposite(parallel(a, b, None, None) or [])

    assert hunks("The mayor did not deny the dismissal.", "The mayor confirmed the dismissal.")
    assert hunks("Der Antrag wurde nicht abgelehnt.", "Der Antrag wurde angenommen.")
    assert not hunks("The mayor did not confirm the dismissal.", "The mayor confirmed the dismissal.")


@given(st.sampled_from(sorted(c for c in CASES if CASES[c][3] is not None)))
def test_copies_of_one_side_never_clash(name: str) -> None:
    language, x, _, _ = CASES[name]
    assert _opposite(language, x, x) is None


@pytest.mark.parametrize("language", ["pl", "tr", None])
def test_a_statement_in_a_language_without_function_words_does_not_crash(language: str | None) -> None:
    # An English sentence quoted in an article of a language without a function-word list (Polish,
    # Turkish …) ended the comparison with a KeyError; the auxiliaries and the other side's words
    # still count as small words.
    a = _said("en", "The town hall confirmed on Wednesday that the harbour master was dismissed.", "a")
    b = _said("en", "The town hall denied on Wednesday that the harbour master was dismissed.", "b")
    b = replace(b, language=language)
    assert opposite_outcome(a, b, parallel(a, b, None, None) or []) is not None
