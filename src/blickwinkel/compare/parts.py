"""Parts of a statement: the whole and its clauses, so that one clause of a long sentence can align
with a short sentence elsewhere ("… die Vorbedingung fallen gelassen, dass …" with "… diese
Vorbedingung fallen gelassen …")."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from blickwinkel.analyse.lemmas import lemmatise
from blickwinkel.compare.frames import content_of
from blickwinkel.compare.news_words import concepts
from blickwinkel.compare.similarity import STOPWORDS, StatementFeatures, char_ngrams, fold
from blickwinkel.model import Statement

# A comma followed by one of these words opens a clause that can state a fact of its own; so do ";"
# and ": ". Relative clauses ("…, die vom Iran unterstützt werden") describe a noun and stay with it.
_OPENERS = (
    "dass|wobei|während|weil|da|als|nachdem|bevor|wenn|ob|und|aber|doch|sondern|damit|sodass|obwohl|"
    "that|because|while|when|after|before|and|but|although|since|whereas"
)
_CUT = re.compile(rf"(?:,\s+(?=(?:{_OPENERS})\b)|;\s+|:\s+(?=\w))", re.IGNORECASE)
_WORD = re.compile(r"\w+")
MIN_PART_WORDS = 5
MIN_SPLIT_WORDS = 12
MAX_PARTS = 4


@dataclass(frozen=True)
class Part:
    """A span of a statement (offsets into the article text) with its features."""

    start: int
    end: int
    text: str
    features: StatementFeatures
    whole: bool


def _features(statement: Statement, start: int, end: int, text: str) -> StatementFeatures:
    words = [w for w in _WORD.findall(text)]
    lemmas = lemmatise(words, statement.language or "de") if words else []
    folded = frozenset(f for f in (fold(x) for x in lemmas) if f and f not in STOPWORDS and not f.isdigit())
    return StatementFeatures(
        chars=char_ngrams(text),
        lemmas=folded,
        concepts=concepts(folded, statement.language),
        keys=frozenset(m.key for m in statement.entities if m.start >= start and m.end <= end),
        quantities=tuple(
            q for q in statement.quantities if q.unit is not None and q.start >= start and q.end <= end
        ),
        language=statement.language,
        values=frozenset(q.value for q in statement.quantities if q.start >= start and q.end <= end),
        dates=frozenset(
            d.value
            for d in statement.dates
            if d.value and len(d.value) == 10 and d.start >= start and d.end <= end
        ),
        words=len(words),
    )


def statement_parts(statement: Statement) -> list[Part]:
    """The whole statement first, then its clauses when it is long enough to hold several facts."""
    text = statement.text
    parts = [
        Part(
            statement.start,
            statement.end,
            text,
            _features(statement, statement.start, statement.end, text),
            True,
        )
    ]
    for offset, piece in _clauses(text):
        start = statement.start + offset
        parts.append(
            Part(
                start,
                start + len(piece),
                piece,
                _features(statement, start, start + len(piece), piece),
                False,
            )
        )
    return parts


def part_texts(text: str) -> list[str]:
    """The texts of the parts of a statement that says ``text`` (the whole first), as
    :func:`statement_parts` makes them: known as soon as the statements are split."""
    return [text, *(piece for _, piece in _clauses(text))]


# A statement's content without its attribution frame (compare/frames.py) is one of its parts, so
# that a quote and its reported form compare by what they say.
CONTENT_PARTS = True


def _clauses(text: str) -> list[tuple[int, str]]:
    """The content of a statement's text without its attribution frame, when it has one, and its
    clauses (where each starts in it, and its text), none when the text is too short to hold several
    facts; at most ``MAX_PARTS`` parts with the whole."""
    content = content_of(text) if CONTENT_PARTS else None
    found = _split(text)
    if content is None:
        return found
    return [content, *(c for c in found if c[1] != content[1])][: MAX_PARTS - 1]


def _split(text: str) -> list[tuple[int, str]]:
    """The clauses of a statement's text, none when the text is too short to hold several facts."""
    if len(_WORD.findall(text)) < MIN_SPLIT_WORDS:
        return []
    cuts = [0]
    for m in _CUT.finditer(text):
        before = len(_WORD.findall(text[cuts[-1] : m.start()]))
        after = len(_WORD.findall(text[m.end() :]))
        if before >= MIN_PART_WORDS and after >= MIN_PART_WORDS:
            cuts.append(m.end())
    if len(cuts) == 1:
        return []
    clauses: list[tuple[int, str]] = []
    for a, b in itertools.pairwise([*cuts, len(text)]):
        piece = text[a:b].rstrip(" ,;:.")
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if not piece:
            continue
        clauses.append((a + lead, piece))
        if len(clauses) + 1 > MAX_PARTS:
            break
    return clauses


def parts_of(statements: Sequence[Statement]) -> list[list[Part]]:
    return [statement_parts(s) for s in statements]
