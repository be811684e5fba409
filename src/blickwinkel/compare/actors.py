"""Who did it: a different person, organisation or place in one role, a quote given to two speakers.

A name clashes only where the two names fill one role: in one short changed stretch of parallel
wording (``compare.parallel_wording``), never merely because two statements name two places. Two
spellings of one name, a name the recogniser missed on one side and a compass region are no clash.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from blickwinkel.analyse.coreference import NAME_VARIANT_MIN_RATIO, surname_spelled_apart
from blickwinkel.compare.clashes import typographic_form
from blickwinkel.compare.counted_values import within
from blickwinkel.compare.parallel_wording import (
    MONTH_WORDS,
    PARALLEL_MAX_HUNK,
    SAME_WORDING_MIN_CHARS,
    WEEKDAY_WORDS,
    Hunk,
    Span,
    Token,
)
from blickwinkel.compare.similarity import STOPWORDS, ScoreParts
from blickwinkel.model import Mention, Statement


@dataclass(frozen=True)
class _Named:
    """A name read as a run of capitalised tokens where the recogniser found none."""

    text: str
    start: int
    end: int


def _run(tokens: Sequence[Token], s: Statement) -> _Named:
    start, end = tokens[0].start, tokens[-1].end
    return _Named(s.text[start - s.start : end - s.start], start, end)


def _names(s: Statement, span: Span, types: frozenset[str]) -> dict[str, Mention]:
    return {m.key: m for m in s.entities if m.type in types and within(m, span)}


def actor_conflict(
    a: Statement, b: Statement, hunks: Sequence[Hunk]
) -> tuple[str, Mention | _Named, Mention | _Named] | None:
    """A different person, organisation or place in the same place of parallel wording: "Die Stadt
    sperrte …" against "Das Landesamt sperrte …". The two names must fill one role, so they must
    stand in one short changed stretch; "left parliament" against "appears on a show abroad" is no
    place conflict. A name the other statement also contains as text (the recogniser missed it
    there) is no clash."""
    every = frozenset({"PER", "ORG", "LOC"})
    for xs, ys in hunks:
        if not xs or not ys or len(xs) > PARALLEL_MAX_HUNK or len(ys) > PARALLEL_MAX_HUNK:
            continue
        # The recogniser may type the same slot differently ("Milan Brodtke" as a place), so any
        # two names that fill the same slot clash; the kind follows the types.
        ex = [
            m
            for m in a.entities
            if m.type in every
            and m.start < xs[-1].end
            and m.end > xs[0].start
            and not _compass(m.text)
            and not _addressee(m, a)
        ]
        ey = [
            m
            for m in b.entities
            if m.type in every
            and m.start < ys[-1].end
            and m.end > ys[0].start
            and not _compass(m.text)
            and not _addressee(m, b)
        ]
        for x in ex:
            for y in ey:
                if x.key != y.key and not _same_name(x.text, a, y.text, b):
                    return ("place" if x.type == y.type == "LOC" else "actor", x, y)
        # A name the recogniser missed on one side: capitalised tokens in English text (German
        # capitalises every noun, so there a recognised name on one side is needed).
        if any(_compass(t.text) for t in (*xs, *ys)):
            continue
        if (ex or ey or _name_like(xs, ys, a, b)) and _all_names(xs, a) and _all_names(ys, b):
            tx, ty = _run(xs, a), _run(ys, b)
            if not _same_name(tx.text, a, ty.text, b):
                return ("actor", tx, ty)
    return None


# Whom something was said to ("sagte er dem Stadtboten", "told the Herald", "gegenüber der Zeitung"): an
# addressee, not the one who acts or speaks (fifteenth session, our own reading; found reading unlabelled
# coverage).
_TOLD_TO = re.compile(
    r"\b(?:(?:sagte|sagten|sagt|erklärte|erklärten)\s+(?:(?:(?:er|sie|es)\s+(?:dem|der))|dem)|"
    r"gegenüber(?:\s+(?:dem|der|den))?|(?:told|tells|telling)(?:\s+the)?|"
    r"(?:said|says|spoke|speaking|talking)\s+to(?:\s+the)?)\s+$",
    re.IGNORECASE,
)


def _addressee(m: Mention, s: Statement) -> bool:
    at = m.start - s.start
    return _TOLD_TO.search(typographic_form(s.text[max(0, at - 30) : at])) is not None


# A compass direction ("im Dresdner Nordosten", "in the north") names a region that holds the
# other side's place, not a second place: no clash.
_COMPASS = re.compile(
    r"^(?=nord|süd|sued|ost|west|north|south|east)(?:(?:nord|süd|sued)?(?:ost|west)?|north|south|east|west|(?:north|south)(?:east|west))"
    r"(?:en|ern|lich|liche[nmrs]?)?$",
    re.IGNORECASE,
)


def _compass(text: str) -> bool:
    words = text.split()
    return bool(words) and _COMPASS.match(words[-1]) is not None


def _same_name(x: str, a: Statement, y: str, b: Statement) -> bool:
    """Whether two names that differ are one name: one statement also contains the other's name as
    text (the recogniser missed it there), or they are two spellings of one name."""
    if _abbreviation(x, y) or _abbreviation(y, x):
        return True
    # "O’Brien" is "O'Brien"; "Lindenau's" is "Lindenau"
    x, y = (_POSSESSIVE.sub("", typographic_form(n)).lower() for n in (x, y))
    if x in typographic_form(b.text).lower() or y in typographic_form(a.text).lower():
        return True
    return SequenceMatcher(None, x, y).ratio() >= NAME_VARIANT_MIN_RATIO


_POSSESSIVE = re.compile(r"'s?$")


def _abbreviation(short: str, long: str) -> bool:
    """Whether ``short`` abbreviates ``long``: the initials of its words ("UN" for "United Nations",
    "HMP" for "Her Majesty's Prison"), or two capitals that open a one-word name and stand in it in
    order ("OH" for "Ohio", the way postal codes shorten a state)."""
    if not (2 <= len(short) <= 5 and short.isalpha() and short.isupper()):
        return False
    words = long.split()
    if len(words) > 1:
        return "".join(w[0] for w in words).upper() == short
    rest = long[1:].upper()
    return len(short) == 2 and long[:1].upper() == short[0] and short[1] in rest


def _name_like(xs: Sequence[Token], ys: Sequence[Token], a: Statement, b: Statement) -> bool:
    """Capitalised words read as names when the recogniser found none: any run in English text; in
    German, which capitalises every noun, a run of two or three words on each side ("Anna Berg")."""
    if a.language == b.language == "en":
        return True
    return 2 <= len(xs) <= 3 and 2 <= len(ys) <= 3


def _all_names(tokens: Sequence[Token], s: Statement) -> bool:
    """Capitalised words, none the statement's first word, a weekday or a month, and none that opens a
    quote or a sentence inside the statement unless the recogniser named it there."""
    return all(
        t.text[0].isupper()
        and t.start > s.start
        and t.key not in WEEKDAY_WORDS
        and t.key not in MONTH_WORDS
        and not (_opens_a_sentence(t, s) and not _recognised(t, s))
        for t in tokens
    )


# What stands right before a word that opens a quote or a sentence: an opening quotation mark (after
# a space, a colon, a bracket or the statement's start) or the end of a sentence (a full stop after a
# word of four small letters or more, so that "Dr." and "Mrs." end no sentence). English capitalises
# such a word whatever it is ("Everyone", "Honestly"), so it says nothing about being a name.
_OPENER_BEFORE = re.compile(r"""(?:(?:^|[\s:(])["']|(?:[a-z]{4}\.|[!?])["')]?)$""")


def _opens_a_sentence(t: Token, s: Statement) -> bool:
    before = typographic_form(s.text[: t.start - s.start]).rstrip()
    return _OPENER_BEFORE.search(before) is not None


def _recognised(t: Token, s: Statement) -> bool:
    return any(m.start <= t.start and t.end <= m.end for m in s.entities)


# A surname this long that stands in the other speaker's name names one person ("Carin Ostermeyer"
# against "Karin Ostermeyer" read with the newspaper after the name); set by hand, so that short
# particles do not.
SHARED_NAME_LETTERS = 4


def speaker_conflict(a: Statement, b: Statement, part: ScoreParts) -> tuple[str, str] | None:
    """The same quote put in the mouth of different people. Both speakers must be recognised people
    or organisations named in the statement itself: a speaker carried over from an earlier sentence
    ("sagte er") depends on what came before, which another outlet may order differently."""
    if a.kind != "quote" or b.kind != "quote" or not a.speaker or not b.speaker:
        return None
    if part.chars < SAME_WORDING_MIN_CHARS or a.speaker == b.speaker or not _same_quote(a, b):
        return None
    named_a = {m.key for m in a.entities if m.type in ("PER", "ORG")}
    named_b = {m.key for m in b.entities if m.type in ("PER", "ORG")}
    if a.speaker not in named_a or b.speaker not in named_b or a.speaker in named_b or b.speaker in named_a:
        return None
    if _surname(a.speaker) == _surname(b.speaker):
        return None  # "Brehm" and "Jonas Brehm": one person the coreference did not join
    if _joined(a.speaker) == _joined(b.speaker):
        return None  # one name hyphenated two ways ("Jana Lind-Ostrowski" / "Jana Lindostrowski")
    if surname_spelled_apart(a.speaker, b.speaker):
        return None  # one surname spelled two ways by two outlets, the given name the same
    words_a, words_b = _name_parts(a.speaker), _name_parts(b.speaker)
    if words_a <= words_b or words_b <= words_a:
        return None  # "Tom" and "Tom Hereford": a first name alone may name the same person
    if any(
        len(surname) >= SHARED_NAME_LETTERS and surname not in STOPWORDS and surname in words
        for surname, words in ((_surname(a.speaker), words_b), (_surname(b.speaker), words_a))
    ):
        return None  # one quote, one side's surname in the other's name: read with other words beside it
    return (a.speaker, b.speaker)


_QUOTED = re.compile(r'"([^"]{3,})"')
_QUOTE_WORD = re.compile(r"[^\W\d_]{3,}")


# A quotation mark that closes a quote: after a word or a mark that ends one, before a space, a mark
# or the end.
_CLOSING_MARK = re.compile(r'(?<=[\w.,!?;:…])"(?=[\s,.;:!?)]|$)')


def _quoted(text: str) -> list[str]:
    """The stretches of ``text`` in quotation marks. A quote that runs over several sentences leaves
    one mark in a statement: a closing one first means the statement opens inside the quote ("Keep
    away from the quay until the water falls," the harbour master added), any other that it ends
    inside one."""
    text = typographic_form(text)
    if text.count('"') % 2:
        first = text.index('"')
        text = '"' + text if _CLOSING_MARK.match(text, first) else text + '"'
    return [m.group(1) for m in _QUOTED.finditer(text)]


def _same_quote(a: Statement, b: Statement) -> bool:
    """Whether the words in quotation marks are mostly the same on both sides, where both quote: two
    quotes about one statement of a third ("we will check it line by line" / "anyone with doubts
    should read it") are two quotes, each with its own speaker; so are two quotes of which one runs
    on from the sentence before (its words are read up to the closing mark)."""
    qa, qb = _quoted(a.text), _quoted(b.text)
    if not qa or not qb:
        return True
    wa = set(_QUOTE_WORD.findall(" ".join(qa).lower()))
    wb = set(_QUOTE_WORD.findall(" ".join(qb).lower()))
    return 2 * len(wa & wb) >= min(len(wa), len(wb))


def _joined(key: str) -> str:
    return key.split(":", 1)[-1].replace("-", "")


def _name_parts(key: str) -> set[str]:
    return set(key.split(":", 1)[-1].split("-"))


def _surname(key: str) -> str:
    return key.split(":", 1)[-1].rsplit("-", 1)[-1]
