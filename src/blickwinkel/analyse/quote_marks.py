"""Quotation marks: where quoted words stand in a text, in any quotation-mark style, and whether a
quoted run is somebody's words or a name or title in quotes."""

from __future__ import annotations

import re
from collections.abc import Sequence

# A quotation shorter than this is a quote only with a speech verb next to it: shorter ones are
# scare quotes, titles or names („wichtiges“, „Harakat …“).
MIN_QUOTE_WORDS = 4


def looks_like_name(quoted: str) -> bool:
    """A quoted run of mostly capitalised words is a name or title („Harakat Hezbollah al-Nujaba“,
    „Brücke jetzt“), not somebody's words; German capitalises nouns, so most means all but one."""
    words = WORD.findall(quoted)
    lower = sum(1 for w in words if w[:1].islower() and not _name_particle(w))
    return bool(words) and lower <= 1 and len(words) <= 6


# The nouns of works, campaigns and mottos that name what follows them in quotation marks: "Der Film
# „…“ läuft", "Unter dem Motto „…“", "the slogan "…"" name a title, nobody's words, however many words
# it has. A German noun also at the end of a compound ("Dokumentarfilm", "Impfkampagne"), in its
# inflected forms. Our own list, from general knowledge of the languages; nouns that also take what
# someone demands or says ("Programme „gegen …“", "polls show "…"") are left out.
_WORK_NOUNS_DE = (
    r"film|roman|buch|kampagne|serie|motto|slogan|titel|album|song|lied|ausstellung|sendung|podcast|"
    r"festival|petition|parole|hashtag|doku|dokumentation|theaterstück|musical|oper|gedicht|gedichtband|"
    r"leitspruch|werbespruch|schlagzeile|überschrift"
)
_WORK_NOUNS_EN = (
    r"film|movie|documentary|series|book|novel|memoir|album|song|musical|opera|exhibition|campaign|"
    r"slogan|motto|hashtag|petition|podcast|poem|headline|banner|titled|entitled|dubbed"
)
_TITLE_BEFORE = re.compile(
    rf"(?:\b(?=[A-ZÄÖÜ])[\w\-]*?(?i:{_WORK_NOUNS_DE})(?:s|es|en|n|e)?|\b(?i:{_WORK_NOUNS_EN})|\bnamens)"
    r",?\s*[„“”\"»«‚‘']$"
)


def named_as_title(text: str, start: int) -> bool:
    """Whether the quotation whose words begin at ``start`` of ``text`` follows a noun of a work, a
    campaign or a motto ("Der Film „…“", "the slogan "…""): a title, not somebody's words."""
    return bool(_TITLE_BEFORE.search(text, max(0, start - 60), start))


# Lower-case particles inside names ("Harakat Hezbollah al-Nujaba", "Ursula von der Leyen"). Only these
# words: any word beginning "de" was one, so "den" and "demnach" made „Wir prüfen den Fall“ a name.
_NAME_PARTICLES = frozenset({"al", "el", "von", "van", "de", "du", "da", "di", "del", "bin", "ibn"})


def _name_particle(word: str) -> bool:
    return word in _NAME_PARTICLES or word.startswith(("al-", "el-"))


# Ordered: German low-high first, so that its closing “ is not taken as an English opening mark. Dutch
# closes a low „ (and ‚) with a straight " (and ') too; a straight ' before a letter is an apostrophe
# ("geht's", "zo'n"), not the close of a ‚ quotation.
QUOTE_PATTERNS = (
    re.compile(r"„([^„“”\n]{1,2000}?)[“”\"]"),
    re.compile(r"“([^“”„\n]{1,2000}?)”"),
    re.compile(r"»([^»«\n]{1,2000}?)«"),
    re.compile(r"«([^«»\n]{1,2000}?)»"),
    re.compile(r"‚([^‚‘’\n]{1,500}?)(?:[‘’]|'(?!\w))"),
    re.compile(r"\"([^\"\n]{1,2000}?)\""),
    re.compile(r"(?<![\w’'])‘([^‘’\n]{1,500}?)’(?![\w’'])"),
    re.compile(r"(?<![\w’'])'([^'\n]{1,500}?)'(?![\w’'])"),
)
WORD = re.compile(r"\w+")
_GERMAN_GUILLEMETS = next(p for p in QUOTE_PATTERNS if p.pattern.startswith("»"))
_FRENCH_GUILLEMETS = next(p for p in QUOTE_PATTERNS if p.pattern.startswith("«"))
# French and Spanish open with « and close with », German the other way round (»…«). Tried German
# first, the French '« Nous sommes prêts », a affirmé <Name>, « mais … »' gave the words between two
# quotes ("», a affirmé <Name>, «") as a quotation, and the speaker inside it was no speaker. The
# first guillemet of a text opens its quotations.
_FRENCH_ORDER = tuple(
    {_GERMAN_GUILLEMETS: _FRENCH_GUILLEMETS, _FRENCH_GUILLEMETS: _GERMAN_GUILLEMETS}.get(p, p)
    for p in QUOTE_PATTERNS
)


def quote_patterns_for(text: str) -> tuple[re.Pattern[str], ...]:
    """:data:`QUOTE_PATTERNS` in the order they are tried on ``text`` (« before » where « comes first)."""
    french, german = text.find("«"), text.find("»")
    return _FRENCH_ORDER if french >= 0 and (german < 0 or french < german) else QUOTE_PATTERNS


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Offsets of the text inside quotation marks (without the marks), in order, not overlapping."""
    spans: list[tuple[int, int]] = []
    # Positions taken by a span found earlier, with its two marks: a later match that touches one is
    # dropped. (Comparing each match with every span found so far was quadratic: 200,000 characters
    # of quotation marks took minutes.)
    taken = bytearray(len(text) + 2)
    for pattern in quote_patterns_for(text):
        for m in pattern.finditer(text):
            start, end = m.start(1), m.end(1)
            if taken.find(1, max(start - 1, 0), end + 1) >= 0:  # its marks too: "», sagte er, «" is none
                continue
            if not text[start:end].strip():
                continue
            spans.append((start, end))
            taken[max(start - 1, 0) : end + 1] = b"\x01" * (end + 1 - max(start - 1, 0))
    return sorted(spans)


# Marks that open a quotation: straight and English double quotes, German low and guillemet ones.
_OPENING_MARKS = '"“„»'
_ANY_MARK = re.compile(r'["“”„»«]')
_OPENS = re.compile(r'(?:^|(?<=[\s:(—–]))["“„»](?=\w)')


def opens_with_quotation(text: str) -> bool:
    """Whether ``text`` (a paragraph) begins with a mark that opens a quotation."""
    stripped = text.lstrip()
    return bool(stripped) and stripped[0] in _OPENING_MARKS and bool(_OPENS.match(stripped))


def open_quotation(text: str, spans: Sequence[tuple[int, int]]) -> int | None:
    """Where a quotation that ``text`` (a paragraph) opens and never closes begins (the offset after
    its mark), or None. ``spans`` are the quotations ``find_quotations`` found in it; the open one lies
    after them and holds no quotation mark up to the paragraph's end, and words enough for a quote.

    News writing leaves such a quotation open when it goes on in the next paragraph, which opens
    with a mark again; whether it does is for the caller to ask (``opens_with_quotation``)."""
    after = spans[-1][1] + 1 if spans else 0
    opened = None
    for m in _OPENS.finditer(text, after):
        opened = m.end()
    if opened is None or _ANY_MARK.search(text, opened):
        return None
    return opened if len(WORD.findall(text[opened:])) >= MIN_QUOTE_WORDS else None


def outside_quotes(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return not any(start < e and s < end for s, e in spans)


def mask_quotations(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            chars[k] = " "
    return "".join(chars)
