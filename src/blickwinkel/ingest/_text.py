"""Character-level clean-up shared by every reader, and the small text tests the readers use.

Normalised text is NFC, has ``\\n`` line ends, no zero-width characters, soft hyphens or control
characters, and single spaces inside lines. Typographic quotes („…“, »…«, “…”) are kept as they are.
"""

from __future__ import annotations

import re
import unicodedata

from blickwinkel.text._normalise import clean_characters
from blickwinkel.text.function_words import TITLE_SMALL_WORDS

_SPACES = re.compile(r"[^\S\n]+")

_FINAL_PUNCTUATION = tuple(".!?:;,…")
_CLOSING_QUOTES = "\"'“”„‘’‚»«›‹)]"
_SENTENCE_END = re.compile(r"[.!?…][\"'“”‘’»«)]*(?=\s+\S|\s*$)")

# Names of image captions at a line start (German and English bylines of photos).
_CAPTION = re.compile(
    r"^(?:foto|fotos|photo|photos|bild|bilder|bildunterschrift|image|caption|abbildung|grafik)"
    r"(?:\s*\([^)]{0,80}\))?\s*:\s*\S",
    re.IGNORECASE,
)
# The speaker line under a quote: an em dash, en dash, horizontal bar or two hyphens, then a space.
_DASH_LINE = re.compile(r"^(?:—|–|―|--)\s+(?P<who>\S.*)$")
# A quoted phrase after the dash is no speaker but the title of a piece the article points to ("— „Title
# of a piece“" closing an article): a speaker line names someone and has no quotation marks around it.
_QUOTED_TITLE = re.compile(r"^[„“\"»«‚‘'][^„“”\"»«\n]{1,150}[“”\"«»‘’']$")
_HANDLE = re.compile(r"\((?P<handle>@\w{1,50})\)")

_TRANSLITERATION = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue"}
)


def collapse_spaces(line: str) -> str:
    """Runs of spaces, tabs and no-break spaces inside a line become one space; ends are stripped."""
    return _SPACES.sub(" ", line).strip()


def normalise(text: str) -> str:
    """The full normalisation: :func:`clean_characters`, then :func:`collapse_spaces` on every line."""
    return "\n".join(collapse_spaces(line) for line in clean_characters(text).split("\n"))


def join_lines(lines: list[str]) -> str:
    """Lines of one paragraph joined by single spaces (hard wraps are not structure)."""
    return " ".join(s for s in (collapse_spaces(line) for line in lines) if s)


def sentence_count(text: str) -> int:
    """A rough count of sentences: final punctuation followed by a space or the end."""
    return max(1, len(_SENTENCE_END.findall(text)))


def ends_with_punctuation(text: str) -> bool:
    return text.rstrip(_CLOSING_QUOTES).endswith(_FINAL_PUNCTUATION)


def is_heading_like(line: str, *, max_chars: int = 120) -> bool:
    """A short line with letters and no final punctuation, as subheadings are written."""
    return (
        0 < len(line) <= max_chars
        and "\n" not in line
        and any(c.isalpha() for c in line)
        and not ends_with_punctuation(line)
    )


def is_caption(line: str) -> bool:
    return bool(_CAPTION.match(line))


def dash_attribution(line: str) -> str | None:
    """The speaker of a ``— Name`` line without the dash, or None when the line is not one."""
    match = _DASH_LINE.match(line.strip())
    if match is None or len(match["who"]) > 160 or is_title_reference(line):
        return None
    return match["who"].strip()


def is_title_reference(line: str) -> bool:
    """Whether ``line`` is a dash and a quoted title alone (``— „Title of a piece“``): a reference to
    another piece, page furniture, not a speaker line."""
    match = _DASH_LINE.match(line.strip())
    return match is not None and bool(_QUOTED_TITLE.match(match["who"].strip()))


def has_handle(attribution: str) -> bool:
    """Whether an attribution names a social media account, ``Name (@handle) date``."""
    return bool(_HANDLE.search(attribution))


_CRUMB_SEPARATORS = re.compile(r"\s+[·|›»>/]\s+")


def is_breadcrumb(line: str) -> bool:
    """A site's navigation line above the headline, such as ``News · Local · Maritime``: three or
    more short items joined by a separator, with no sentence punctuation."""
    items = _CRUMB_SEPARATORS.split(line.strip())
    return len(items) >= 3 and all(0 < len(i.split()) <= 3 for i in items) and not ends_with_punctuation(line)


def is_banner(line: str) -> bool:
    """An outlet banner: a short all-capitals line such as ``DIE POSAUNE``."""
    letters = [c for c in line if c.isalpha()]
    return (
        len(letters) >= 2
        and len(line) <= 40
        and all(c.isupper() for c in letters)
        and not ends_with_punctuation(line)
    )


# Articles, prepositions and conjunctions: written in lower case inside a title-cased banner
# ("The Times of India", "Stimme der Heimat", "El Diario del Sur"), capitalised at its start.
_FUNCTION_WORDS = TITLE_SMALL_WORDS
# Short words that are ordinary words, not abbreviations, when a banner is title-cased: the function
# words, and short words of outlet names ("Kurier Ost", "Diario del Sur").
_SHORT_WORDS = _FUNCTION_WORDS | frozenset("new neu ost süd sud sur nord".split())


def title_case_banner(banner: str) -> str:
    """``DIE POSAUNE`` → ``Die Posaune``; short all-capital abbreviations (``BBC``, ``ZDF``) stay."""
    words = []
    for word in banner.split():
        letters = "".join(c for c in word if c.isalpha())
        if len(letters) <= 3 and letters.lower() not in _SHORT_WORDS:
            words.append(word)
        elif words and word.lower() in _FUNCTION_WORDS:
            words.append(word.lower())
        else:
            words.append("-".join(part[:1].upper() + part[1:].lower() for part in word.split("-")))
    return " ".join(words)


def slugify(name: str) -> str:
    """A file-name stem as an article id: lower case ASCII letters, digits, ``_`` and ``-``."""
    name = unicodedata.normalize("NFKD", name.translate(_TRANSLITERATION))
    name = name.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9_]+", "-", name).strip("-_")
    return slug[:80].strip("-_") or "article"


# A crawled record's title that shares no word with its text: the text is likely another page's (a
# crawl that kept the wrong piece of a page of several). Words of five letters or more are compared by
# their first six letters (German inflects at the end: "Sporthalle" / "Sporthallen"), and only where
# the title has three such words and the text 500 characters: a short title or a teaser says too
# little. Our own rule; checked on corpus-de (docs/data-sources.md).
_TITLE_WORD = re.compile(r"[^\W\d_]{5,}")
MIN_TITLE_WORDS = 3
MIN_TEXT_CHARS = 500
STEM_LETTERS = 6


def title_foreign_to_text(title: str, text: str) -> bool:
    """Whether ``title`` has three or more words of five letters and none of them is in ``text`` (of
    500 characters or more)."""
    words = _TITLE_WORD.findall(title)
    if len(words) < MIN_TITLE_WORDS or len(text) < MIN_TEXT_CHARS:
        return False
    folded = text.casefold()
    return not any(word.casefold()[:STEM_LETTERS] in folded for word in words)
