"""Newspapers, magazines and broadcasters by the word that makes them one: "Harbour Gazette", "The
Valley Courier", "Holmer Tageblatt", "Radio Ostsee", "Kestrel TV".

Two capitalised words read as a person's name to the English rules, and the German tagger often
tags only the place or town-like first word of an outlet ("Holmer" of "Holmer Tageblatt") as a
person or a place: so an outlet became a person and the speaker of what it reported. A name whose
last word is a newspaper's or broadcaster's word (or that such a word directly follows) is an
organisation with that word in it; "Radio" and "TV" may also open the name ("Radio Ostsee", "TV
Kestrel"). A person's name stays one where a given name opens it ("Anna Post", "Emily Herald").

The word lists are written for this project from general knowledge of German, English, French and
Spanish newspaper titles (docs/data-sources.md), no name taken from any data set.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from blickwinkel.analyse import gazetteer as gz

if TYPE_CHECKING:
    from blickwinkel.analyse.entity_words import EntitySpan

# Words that end an outlet's name. Left out on purpose: English words that are common nouns or
# adjectives capitalised in many other names ("Standard", "Mail", "Express", "Star", "Sun", "Mirror",
# "Record", "Independent", "Guardian", "Examiner"), German common nouns ("Nachrichten", "Presse",
# "Fernsehen"); well-known outlets with those words are in the gazetteer's organisations.
OUTLET_WORDS = gz.words(
    """
    Gazette Courier Times Post Herald Tribune Journal Chronicle Telegraph Observer Sentinel Gleaner
    Advertiser Bulletin Dispatch Inquirer Enquirer Courant Clarion Argus News Radio TV Television FM
    Broadcasting
    Zeitung Blatt Tagblatt Tageblatt Abendblatt Anzeiger Kurier Rundschau Bote Morgenpost Rundfunk
    Courrier Gazeta Gaceta Heraldo Correo Diario Periódico Radio Télévision Televisión
    """
)
# Words that may also open one ("Radio Ostsee", "TV Kestrel").
OUTLET_OPENERS = gz.words("Radio TV")
# German compounds that end in a newspaper's word ("Hafenrundschau", "Kreisanzeiger", "Inselkurier").
OUTLET_SUFFIXES = ("blatt", "zeitung", "kurier", "anzeiger", "rundschau")


# Feminine German nouns of a medium one tells something to ("sagte <Name> der Nachrichtenagentur", "…
# der Lokalzeitung", "… der Mediengruppe <Name>"), as the end of a compound: the dative "der" names
# only a feminine noun ("dem Magazin", "dem Sender" never read as a genitive). Our own list.
MEDIUM_NOUN_ENDINGS = (
    "nachrichtenagentur", "presseagentur", "presse-agentur", "zeitung", "zeitschrift", "redaktion",
    "mediengruppe", "presse", "rundschau",
)  # fmt: skip


def is_medium_noun(word: str) -> bool:
    """A German noun of a newspaper, agency or other medium ("Nachrichtenagentur", "Presse-Agentur",
    "Lokalzeitung"), or a word that ends an outlet's name (:func:`is_outlet_word`)."""
    folded = word.casefold()
    return is_outlet_word(word) or (word[:1].isupper() and folded.endswith(MEDIUM_NOUN_ENDINGS))


def is_outlet_word(word: str) -> bool:
    """A word that ends the name of a newspaper or broadcaster ("Gazette", "Rundschau", "Tageblatt")."""
    if word in OUTLET_WORDS:
        return True
    folded = word.casefold()
    return word[:1].isupper() and any(
        folded.endswith(suffix) and len(folded) > len(suffix) for suffix in OUTLET_SUFFIXES
    )


def opens_a_persons_name(tokens: Sequence[str], start: int) -> bool:
    """Whether the name from ``tokens[start]`` is a person's: a given name opens it or a title comes
    before it ("Anna Post", "Mayor Tom Courier")."""
    before = tokens[start - 1] if start > 0 else ""
    return tokens[start] in gz.given_names() or gz.is_person_cue(before) or gz.is_person_cue(tokens[start])


def retype_outlets(tokens: Sequence[str], spans: list[EntitySpan]) -> list[EntitySpan]:
    """``spans`` with an outlet's name typed as an organisation and taken whole: a span that ends in
    an outlet's word, or that one directly follows (or "Radio" / "TV" directly opens), outside other
    spans. The outlet's words (not the name's first word alone) give its key."""
    taken = {i for sp in spans for i in range(sp.start, sp.end)}
    out: list[EntitySpan] = []
    for span in spans:
        start, end = span.start, span.end
        if opens_a_persons_name(tokens, span.start):
            out.append(span)
            continue
        if end < len(tokens) and end not in taken and is_outlet_word(tokens[end]):
            end += 1
        if start > 0 and start - 1 not in taken and tokens[start - 1] in OUTLET_OPENERS:
            start -= 1
        outlet = is_outlet_word(tokens[end - 1]) or tokens[start] in OUTLET_OPENERS
        if not outlet or (span.type == "ORG" and (start, end) == (span.start, span.end)):
            out.append(span)
            continue
        out.append(replace(span, start=start, end=end, type="ORG", key=None, cued=True, tentative=False))
        taken.update(range(start, end))
    return out
