"""Opposite outcomes in parallel wording: one outlet says it was confirmed, the other that it was denied.

A negation word is not the only way to say the opposite: "the ministry confirmed the resignation"
against "the ministry denied the resignation", "der Antrag wurde angenommen" against "… abgelehnt",
"il a été condamné" against "il a été acquitté". Each row of the table below is a pair of opposite
poles, with the verb and participle forms of each language that say them; the table is written from
general knowledge of the languages, not read off any article.

Two statements clash here only when the wording is parallel and the poles are the one thing that
changed: every other changed token is a function word or an auxiliary ("hat … bestätigt" against
"dementierte"), so a changed subject ("the government confirmed" / "the opposition denied"), a name,
a number or a negation ("did not deny" says what "confirmed" says) leaves the pair to other checks or
to none. A statement that holds both poles ("first denied, then confirmed") tells a change over time
and clashes with neither.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from blickwinkel.compare.parallel_wording import PARALLEL_MAX_TOKENS, Hunk, Token, negations, tokens
from blickwinkel.model import Statement
from blickwinkel.text.function_words import FUNCTION_WORDS

# (name, first pole, second pole): alternatives matched against one lower-case token each (a
# multi-word pole such as "found guilty" is not listed: its second word alone says it).
_POLES: tuple[tuple[str, str, str], ...] = (
    (
        "confirmed/denied",
        r"confirm(?:s|ed|ing)?|bestätig(?:t|te|ten|en|e)?|confirm(?:e|é|ée|és|ent|ait|aient|a)"
        r"|confirm(?:ó|a|an|aron|ado|ada)|conferm(?:a|ano|ato|ata|ò|arono)|confirm(?:ou|aram|ada)"
        r"|bevestig(?:t|de|den|d)?",
        r"den(?:y|ies|ied|ying)|dementier(?:t|te|ten|en)?|bestr(?:eitet|itt|itten|itten)|leugne(?:t|te|ten)?"
        r"|dément(?:i|ie|ies|is|ent|ait|aient)?|desm(?:intió|iente|ienten|intieron|entido|entida)"
        r"|ni(?:é|ée|és|ait|aient)|neg(?:ó|aron|ado|ada)|niega|niegan|smentit(?:o|a|i)|smentisc(?:e|ono)"
        r"|smentì|negat(?:o|a|i)|negò|desment(?:iu|e|em|iram|ido)|neg(?:ou|aram)|ontken(?:t|de|den|d)?",
    ),
    (
        "approved/rejected",
        r"approv(?:es|ed)|accept(?:s|ed)|angenommen|genehmigt|bewilligt|zugestimmt|approuv(?:é|ée|és|ées)"
        r"|adopt(?:é|ée|és|ées)|accept(?:é|ée|és|ées)|aprob(?:ó|ado|ada|aron)|acept(?:ó|ado|ada|aron)"
        r"|approvat(?:o|a|i|e)|aprovad(?:o|a|os|as)|aprovou|goedgekeurd|aangenomen",
        r"reject(?:s|ed)|abgelehnt|zurückgewiesen|verworfen|rejet(?:é|ée|és|ées)|refus(?:é|ée|és|ées)"
        r"|rechaz(?:ó|ado|ada|aron)|respint(?:o|a|i|e)|rejeitad(?:o|a|os|as)|rejeitou|afgewezen|verworpen",
    ),
    (
        "convicted/acquitted",
        r"convicted|verurteilt|condamn(?:é|ée|és|ées)|conden(?:ado|ada|ó|aron)|condannat(?:o|a|i|e)"
        r"|condenad(?:o|a|os|as)|condenou|veroordeeld",
        r"acquitted|freigesprochen|acquitt(?:é|ée|és|ées)|relax(?:é|ée|és|ées)|absuel(?:to|ta|tos|tas)"
        r"|absolvi(?:ó|eron)|assolt(?:o|a|i|e)|absolvid(?:o|a|os|as)|absolveu|vrijgesproken",
    ),
)
_COMPILED = tuple((name, re.compile(f"(?:{x})"), re.compile(f"(?:{y})")) for name, x, y in _POLES)

# Auxiliaries the function-word lists leave out; with them a changed tense ("a confirmé" /
# "démentait", "ha confirmado" / "desmintió") is no other change.
_AUXILIARIES = frozenset(
    """
    est sont était été a ont avait avaient ha han había habían fue fueron sido è sono stato stata
    stati hanno aveva foi foram tem têm tinha heeft hebben had werd werden is zijn wordt
    """.split()
)
_PUNCTUATION = re.compile(r"^\W+$")


def _pole(token: Token) -> tuple[int, int] | None:
    """The (row, side) of the pole a token says, if any."""
    for row, (_, first, second) in enumerate(_COMPILED):
        if first.fullmatch(token.key):
            return row, 0
        if second.fullmatch(token.key):
            return row, 1
    return None


def _poles_in(s: Statement) -> set[tuple[int, int]]:
    return {p for t in tokens(s, None, PARALLEL_MAX_TOKENS) if (p := _pole(t)) is not None}


def opposite_outcome(
    a: Statement, b: Statement, hunks: Sequence[Hunk]
) -> tuple[str, list[Token], list[Token]] | None:
    """The pair of opposite poles (its name) and the changed tokens of each side that say them, when
    parallel wording differs only by them (and function words or auxiliaries)."""
    if not hunks:
        return None
    xs = [t for x, _ in hunks for t in x]
    ys = [t for _, y in hunks for t in y]
    poles_x = {t: p for t in xs if (p := _pole(t)) is not None}
    poles_y = {t: p for t in ys if (p := _pole(t)) is not None}
    if len(set(poles_x.values())) != 1 or len(set(poles_y.values())) != 1:
        return None
    (row_x, side_x), (row_y, side_y) = next(iter(poles_x.values())), next(iter(poles_y.values()))
    if row_x != row_y or side_x == side_y:
        return None
    if (row_x, 1 - side_x) in _poles_in(a) or (row_y, 1 - side_y) in _poles_in(b):
        return None  # one statement says both: a change over time
    if negations(a, None) != negations(b, None):
        return None  # "did not deny" against "confirmed": the negation check's (or no) conflict
    # a language without a list (Polish, Turkish …) adds none: function_words raised KeyError there
    small = _AUXILIARIES.union(*(FUNCTION_WORDS.get(s.language or "en", ()) for s in (a, b)))
    rest = [t for t in (*xs, *ys) if t not in poles_x and t not in poles_y]
    if any(not (t.key in small or _PUNCTUATION.match(t.key)) for t in rest):
        return None
    return _COMPILED[row_x][0], list(poles_x), list(poles_y)


def negated_opposite(hunks: Sequence[Hunk]) -> bool:
    """Whether parallel wording changes one pole into the other pole negated ("did not deny" /
    "confirmed", "nicht abgelehnt" / "angenommen"): two ways of saying one thing, no negation
    conflict."""
    xs = {p for x, _ in hunks for t in x if (p := _pole(t)) is not None}
    ys = {p for _, y in hunks for t in y if (p := _pole(t)) is not None}
    return any((row, 1 - side) in ys for row, side in xs)
