"""Ships and buildings named after people: "the ferry Queen Mary", "aboard the Princess Anne", "King
Edward Hall", "die Fähre Kaiser Wilhelm", "Saal Königin Luise".

A title and a given name read as a person to the rules and to the tagger alike. Where a vessel's noun
stands right before the name (past one article) or right after it, or "aboard" / "on board" / "an
Bord" before it, the name is the vessel's (OTH); where a building's noun heads it or stands right
before it, the building's (LOC). Without such a word the name stays a person's: "Queen Mary visited
the school". The word lists are written for this project from general knowledge of German and
English.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.model import EntityType

if TYPE_CHECKING:
    from blickwinkel.analyse.entity_words import EntitySpan

VESSEL_NOUNS = frozenset(
    """
    ferry ship liner vessel boat yacht tanker freighter trawler tug tugboat steamer schooner
    submarine frigate destroyer cruiser carrier barge lifeboat catamaran
    fähre schiff frachter tanker dampfer jacht yacht boot kutter fischkutter segelschiff fregatte
    kreuzfahrtschiff containerschiff rettungsboot schlepper u-boot zerstörer
    """.split()
)
BUILDING_NOUNS = frozenset(
    """
    hall hospital theatre theater stadium library museum school bridge tower building centre center
    arena hotel barracks academy college infirmary
    halle saal krankenhaus klinik klinikum schule gymnasium brücke turm stadion museum theater
    kaserne bibliothek
    """.split()
)
# Heads of the name of a structure or landmark in English: "the Harbour Wall", "Town Hall", "the Old
# Gate", "Harbour Tower". A name of two or more words that ends in one is a place, not a person (the
# rules read two capitalised words as a person's name). Institutions (hospital, school, museum) are
# left out: their names are organisations as often as buildings.
STRUCTURE_NOUNS = frozenset(
    """
    wall gate tower palace castle cathedral mosque temple chapel abbey pier wharf quay tunnel monument
    memorial plaza fort lighthouse hall stadium arena market
    """.split()
)
# Heads that are common English surnames too ("Tom Hall", "Ada Wall"): a place only after a first word
# that is a common word ("Town Hall", "Harbour Wall"), not a name.
_SURNAME_HEADS = frozenset({"hall", "wall", "temple", "castle", "gate", "market"})


def is_structure_noun(word: str) -> bool:
    return word.casefold() in STRUCTURE_NOUNS


def names_a_structure(words: Sequence[str], *, first_is_common: bool) -> bool:
    """Whether the name ``words`` (two or more) ends in a structure's head (see STRUCTURE_NOUNS)."""
    head = words[-1].casefold()
    if len(words) < 2 or head not in STRUCTURE_NOUNS:
        return False
    return first_is_common or head not in _SURNAME_HEADS


# Titles ships and buildings are named with (royalty, nobility, saints, high office); a rank or a job
# before a name on board is the crew's ("the boat Captain Tom Reyes steered").
_NAMESAKE_TITLES = frozenset(
    """
    queen king prince princess lady lord sir dame saint st empress emperor duke duchess earl admiral
    general president pope cardinal bishop kaiser kaiserin könig königin prinz prinzessin graf gräfin
    herzog herzogin fürst fürstin präsident papst kardinal bischof
    """.split()
)
_ON_BOARD = frozenset({"aboard", "board", "bord"})
_ARTICLES = frozenset({"the", "a", "der", "die", "das", "des", "dem", "den"})


def _led_by_title(tokens: Sequence[str], start: int) -> int | None:
    """The start of the title words before or at ``start`` ("Queen" of "Queen Mary"), or None
    when the name has no title before its given name or its first title is no namesake's."""
    first = start
    while first > 0 and tokens[first - 1][:1].isupper() and gz.is_title(tokens[first - 1]):
        first -= 1
    if first == start and not (gz.is_title(tokens[start]) and tokens[start][:1].isupper()):
        return None
    return first if tokens[first].rstrip(".").casefold() in _NAMESAKE_TITLES else None


def _word(tokens: Sequence[str], i: int) -> str:
    return tokens[i].casefold() if 0 <= i < len(tokens) else ""


def _kind_around(tokens: Sequence[str], first: int, end: int) -> EntityType | None:
    """ "OTH" for a vessel, "LOC" for a building, None for a person, from the words around
    ``tokens[first:end]`` (and its last word)."""
    before = first - 1
    if _word(tokens, before) in _ARTICLES:
        before -= 1
    word = _word(tokens, before)
    if word in VESSEL_NOUNS or word in _ON_BOARD:
        return "OTH"
    if word in BUILDING_NOUNS:
        return "LOC"
    if _word(tokens, end) in VESSEL_NOUNS:
        return "OTH"
    if _word(tokens, end - 1) in BUILDING_NOUNS and end - 1 > first:
        return "LOC"
    return None


def retype_named_things(tokens: Sequence[str], spans: list[EntitySpan]) -> list[EntitySpan]:
    """``spans`` with a person's name that names a ship or a building typed as one, its title words
    taken in ("Queen Mary", not "Mary")."""
    out: list[EntitySpan] = []
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    for span in spans:
        first = _led_by_title(tokens, span.start) if span.type == "PER" else None
        kind = None
        if first is not None and not taken.intersection(range(first, span.start)):
            kind = _kind_around(tokens, first, span.end)
        if first is not None and kind is not None:
            out.append(replace(span, start=first, type=kind, key=None, cued=True, tentative=False))
        else:
            out.append(span)
    return out
