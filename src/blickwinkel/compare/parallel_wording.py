"""Two statements in parallel wording: the same tokens in the same order but for a few stretches.

Statements are read in one typographic form and cut into tokens (numbers with their group and
decimal marks, words, punctuation); where parallel wording differs, a changed number, weekday or
month, or a negation on one side only is a clash. A negation is also looked for in two statements of
nearly the same wording that the tokens do not find parallel.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from blickwinkel.analyse.numbers import DE_MONTHS, EN_MONTHS, WEEKDAYS, parse_numeric
from blickwinkel.compare.agreement import figures_meet, quantities_agree, rounded_alike
from blickwinkel.compare.clashes import typographic_form
from blickwinkel.compare.counted_values import bounded_by_context
from blickwinkel.compare.similarity import STOPWORDS, ScoreParts
from blickwinkel.model import Quantity, Statement

# "nicht nur … sondern auch", "not only … but also" add, they deny nothing.
_NOT_ONLY = ("nur", "bloß", "only", "just")
_NEGATION = re.compile(
    r"\b(nicht|kein|keine|keinen|keinem|keiner|keines|nie|niemals|nichts|weder|not|no|never|none|"
    r"neither|nobody|nothing)\b(?!\s+(?:" + "|".join(_NOT_ONLY) + r")\b)|n't\b",
    re.IGNORECASE,
)
# Two statements that differ only in a name or a negation are near-identical in wording.
SAME_WORDING_MIN_CHARS = 0.6
NEGATION_MIN_CHARS = 0.7

Span = tuple[int, int] | None


# Verbs that say no without a negation word: "declined to comment" says what "had no comment" says.
_REFUSAL = re.compile(r"\b(?:declined|declines|refused|refuses|lehnte|lehnten|verweigerte)\b", re.IGNORECASE)


def negations(s: Statement, span: Span) -> int:
    text = typographic_form(span_text(s, span))
    return len(_NEGATION.findall(text)) + len(_REFUSAL.findall(text))


# Tokens of the parallel-wording check: numbers with their group and decimal marks ("22'050",
# "1 234,5"), words with inner apostrophes ("don't"), and single punctuation marks.
_TOKEN = re.compile(r"\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?|\w+(?:'\w+)*|[^\w\s]")
# Share of the longer statement's tokens that must match in order for two statements to count as
# the same wording with a few things changed. Set by hand (half the words or more would be a new
# sentence), then checked on part A of bench/perturb.py only.
PARALLEL_MAX_TOKENS = 400
"""Longer statements (no reader compares 400 words token by token; machine-made text such as markup
read as plain text) are never judged parallel: SequenceMatcher took minutes on pairs of them."""
PARALLEL_MIN_SHARE = 0.6
# A changed stretch longer than this many tokens on a side is a rewording, not a changed value.
PARALLEL_MAX_HUNK = 4
WEEKDAY_WORDS = WEEKDAYS
MONTH_WORDS = frozenset(m.rstrip(".") for m in DE_MONTHS | EN_MONTHS)


@dataclass(frozen=True)
class Token:
    text: str
    key: str
    start: int  # offsets into the article
    end: int


def tokens(s: Statement, span: Span, limit: int) -> list[Token]:
    """The tokens of the span, at most ``limit + 1`` (enough to tell the span is too long)."""
    base = span[0] if span else s.start
    text = typographic_form(span_text(s, span))
    return [
        Token(m.group(), m.group().lower(), base + m.start(), base + m.end())
        for m in itertools.islice(_TOKEN.finditer(text), limit + 1)
    ]


Hunk = tuple[list[Token], list[Token]]


def parallel(a: Statement, b: Statement, span_a: Span, span_b: Span) -> list[Hunk] | None:
    """The stretches where two statements in parallel wording differ ([] for the same wording), or
    None when the wording is not parallel."""
    return parallel_tokens(tokens(a, span_a, PARALLEL_MAX_TOKENS), tokens(b, span_b, PARALLEL_MAX_TOKENS))


def parallel_tokens(ta: Sequence[Token], tb: Sequence[Token]) -> list[Hunk] | None:
    if not ta or not tb or max(len(ta), len(tb)) > PARALLEL_MAX_TOKENS:
        return None
    # The shared multiset of tokens bounds what the matcher can find; checking it first is exact and
    # spares the matcher, whose time grows with the product of the lengths, on unrelated statements.
    shared = sum((Counter(t.key for t in ta) & Counter(t.key for t in tb)).values())
    if shared < PARALLEL_MIN_SHARE * max(len(ta), len(tb)):
        return None
    matcher = SequenceMatcher(None, [t.key for t in ta], [t.key for t in tb], autojunk=False)
    same = sum(block.size for block in matcher.get_matching_blocks())
    if same < PARALLEL_MIN_SHARE * max(len(ta), len(tb)):
        return None
    # words run together on one side ("nichtgenehmigt", a lost space in the markup) say the same
    return [
        (list(ta[i1:i2]), list(tb[j1:j2]))
        for op, i1, i2, j1, j2 in matcher.get_opcodes()
        if op != "equal" and "".join(t.key for t in ta[i1:i2]) != "".join(t.key for t in tb[j1:j2])
    ]


def _number_value(token: Token, language: str | None) -> float | None:
    if not token.text[0].isdigit():
        return None
    return parse_numeric(token.text, "." if language == "en" else ",")


def _covering(quantities: Sequence[Quantity], token: Token) -> Quantity | None:
    return next((q for q in quantities if q.start <= token.start and token.end <= q.end), None)


def parallel_number(a: Statement, b: Statement, hunks: Sequence[Hunk]) -> tuple[Quantity, Quantity] | None:
    """A number that differs in the same place of parallel wording: "carried 540 cars on Monday" against
    "carried 1640 cars on Monday". Hedged quantities keep their tolerance ("rund 2.500" / "rund 2.400")."""
    for xs, ys in hunks:
        nx = [(t, v) for t in xs if (v := _number_value(t, a.language)) is not None]
        ny = [(t, v) for t in ys if (v := _number_value(t, b.language)) is not None]
        if len(nx) != 1 or len(ny) != 1 or nx[0][1] == ny[0][1]:
            continue
        (tx, vx), (ty, vy) = nx[0], ny[0]
        qa, qb = _covering(a.quantities, tx), _covering(b.quantities, ty)
        qa = bounded_by_context(qa, a) if qa is not None else None
        qb = bounded_by_context(qb, b) if qb is not None else None
        # Figures in one place of the same wording count one thing: they agree as quantities do, and
        # without a counted noun when their intervals meet (``figures_meet``: a hedge keeps its
        # tolerance, an unhedged range with one end changed is another figure), or when one is the
        # other told roundly.
        if qa is not None and qb is not None:
            agree = quantities_agree(qa, qb)
            if (figures_meet(qa, qb) if agree is None else agree) or rounded_alike(qa, qb):
                continue
        qa = qa or Quantity(tx.text, tx.start, tx.end, vx)
        qb = qb or Quantity(ty.text, ty.start, ty.end, vy)
        return qa, qb
    return None


def parallel_date_word(hunks: Sequence[Hunk]) -> tuple[Token, Token] | None:
    """A weekday or month word that differs in the same place: "am Montag" against "am Sonntag"."""
    for xs, ys in hunks:
        for words in (WEEKDAY_WORDS, MONTH_WORDS):
            wx = [t for t in xs if t.key in words and t.text[0].isupper()]
            wy = [t for t in ys if t.key in words and t.text[0].isupper()]
            if len(wx) == 1 and len(wy) == 1 and wx[0].key != wy[0].key:
                return wx[0], wy[0]
    return None


def _denies(tokens: Sequence[Token]) -> bool:
    return any(
        (_NEGATION.fullmatch(t.key) or t.key.endswith("n't"))
        and not (n + 1 < len(tokens) and tokens[n + 1].key in _NOT_ONLY)
        for n, t in enumerate(tokens)
    )


# An ellipsis, bracketed or not ("…", "...", "[…]", "(...)"): where a copy of a quote cut words out.
_ELLIPSIS = re.compile(r"[\[(]?(?:…|\.\.\.)+[\])]?")


_CLAUSE_MARKS = frozenset({",", ";", ":", "-", "(", ")"})


def _cut(negated: Sequence[Token], other: Sequence[Token]) -> bool:
    """Whether the other side cut the negated stretch out rather than denied it: it holds only an
    ellipsis there, or nothing where the negated side has a whole clause (set off by a comma, a
    semicolon, a colon, a dash or a bracket; "…, no, no" too). "hat die Anwohner nicht informiert" /
    "hat die Anwohner informiert" drops the negation alone, inside a clause: a denial."""
    if other:
        return _ELLIPSIS.fullmatch("".join(t.key for t in other)) is not None
    return negated[0].key in _CLAUSE_MARKS or negated[-1].key in _CLAUSE_MARKS


def parallel_negation(hunks: Sequence[Hunk]) -> Hunk | None:
    """The stretch where parallel wording differs by a negation on one side only; a negation the
    other side cut out ("we will rebuild, but not this year" / "we will rebuild, …" or "we will
    rebuild") is left out, not denied."""
    for xs, ys in hunks:
        nx, ny = _denies(xs), _denies(ys)
        if nx != ny and not (_cut(xs, ys) if nx else _cut(ys, xs)):
            return xs, ys
    return None


# Content words on each side of a negation that say what it negates: half of them must stand in the other
# statement for the two to be one claim, said and denied. Set by hand.
NEGATED_WINDOW_WORDS = 2
_WORD = re.compile(r"[^\W\d_]{3,}")


_CLAUSE_BREAK = re.compile(r"""[,;:.!?()"\[\]]|\s-\s""")
# Two words are one word inflected when they share this many first letters (or the shorter is the
# start of the longer): "confirm" / "confirmed", "informiert" / "informierte". Set by hand.
STEM_LETTERS = 5


def _one_stem(x: str, y: str) -> bool:
    short, long = sorted((x, y), key=len)
    return long.startswith(short) if len(short) < STEM_LETTERS else x[:STEM_LETTERS] == y[:STEM_LETTERS]


def _negated_word(negated: str, m: re.Match[str]) -> str | None:
    """The word a negation denies: the first content word after it in its clause ("nicht
    zufrieden", "kein Geld", "did not confirm"), or, when the clause ends first, the last one
    before it ("bestätigte das nicht")."""
    after = _CLAUSE_BREAK.split(negated[m.end() :], maxsplit=1)[0]
    before = _CLAUSE_BREAK.split(negated[: m.start()])[-1]
    words_after: list[str] = _WORD.findall(after.lower())
    words_before: list[str] = _WORD.findall(before.lower())
    for words in (words_after, words_before[::-1]):
        content = [w for w in words if w not in STOPWORDS and not _NEGATION.fullmatch(w)]
        if content:
            return content[0]
    return None


def _negated_words_shared(negated: str, other: str) -> bool:
    words = set(_WORD.findall(other.lower()))
    for m in _NEGATION.finditer(negated):
        # One claim said and denied gives the denied word on both sides: "ist nicht zufrieden" against
        # "stellte sich dagegen" shares who and about what, and is one view worded two ways.
        word = _negated_word(negated, m)
        if word is not None and not any(_one_stem(word, w) for w in words):
            continue
        if _near_words_shared(negated, m, words):
            return True
    return any(_near_words_shared(negated, m, words) for m in _REFUSAL.finditer(negated))


def _near_words_shared(negated: str, m: re.Match[str], words: set[str]) -> bool:
    before = [w for w in _WORD.findall(negated[: m.start()].lower()) if w not in STOPWORDS]
    after = [w for w in _WORD.findall(negated[m.end() :].lower()) if w not in STOPWORDS]
    near = [
        w
        for w in (*before[-NEGATED_WINDOW_WORDS:], *after[:NEGATED_WINDOW_WORDS])
        if not _NEGATION.fullmatch(w)
    ]
    return not near or 2 * sum(w in words for w in near) >= len(near)


def span_text(s: Statement, span: Span) -> str:
    return s.text[span[0] - s.start : span[1] - s.start] if span else s.text


# A clause that says what is meant or denied: "that …", "dass …", "whether …", "ob …".
_COMPLEMENT = re.compile(r"^\W*(?:that|whether|dass|daß|ob)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s")


def denied_clause(s: Statement, span: Span) -> int:
    """1 when the span is a "that" clause whose main clause, left outside the span, holds a negation:
    "Es stimmt nicht, dass die Brücke teurer wird" denies the clause, as "the bridge will not get
    dearer" does; else 0."""
    if span is None or span[0] <= s.start or not _COMPLEMENT.match(span_text(s, span)):
        return 0
    main = _SENTENCE_END.split(typographic_form(s.text[: span[0] - s.start]))[-1]
    return 1 if _NEGATION.search(main) else 0


def negation_conflict(a: Statement, b: Statement, span_a: Span, span_b: Span, part: ScoreParts) -> str | None:
    """One says "hat … nicht", the other says it did: the same wording at about the same length,
    with a negation on one side only, and the words the negation stands among given by the other
    side too (a negation inside another quote that shares only the "he said after meeting …"
    clause negates something the other statement does not say)."""
    la, lb = len(span_text(a, span_a)), len(span_text(b, span_b))
    if part.chars < NEGATION_MIN_CHARS or not 0.75 <= la / max(1, lb) <= 1.33:
        return None
    na, nb = negations(a, span_a) + denied_clause(a, span_a), negations(b, span_b) + denied_clause(b, span_b)
    if (na == 0) == (nb == 0):
        return None
    negated, other = (
        (span_text(a, span_a), span_text(b, span_b)) if na else (span_text(b, span_b), span_text(a, span_a))
    )
    if not _negated_words_shared(typographic_form(negated), typographic_form(other)):
        return None
    said_a = "did not" if na else "did"
    said_b = "did not" if nb else "did"
    return f"negation: {a.article} says it {said_a} happen, {b.article} that it {said_b}"
