"""A statement's content without its attribution frame: what is said, without who says it.

One outlet quotes ("'The road stays shut,' the mayor said."), another reports the same words
("The mayor said the road would stay shut."); the frames and the quote marks differ, the content
hardly does. The content is found from the text alone (so that it is known, and can be embedded, as
soon as the statements are split): a short speaker clause with a speech verb after the last comma
("…, police said on Monday.", "…, sagte der Sprecher."), or before the content ("The mayor said
(that) …", "Der Sprecher sagte, …", "According to police, …", "Laut Polizei wurden …"). Written for
this project from general knowledge of how German and English papers attribute what they report.
"""

from __future__ import annotations

import re

from blickwinkel.analyse.speech_words import SPEECH

# Frames longer than this (in words) are more than a speaker and a speech verb: "…, the mayor said,
# adding that …" states more, and a long clause before "said" is a fact of its own.
MAX_FRAME_WORDS = 10
# The content left must be long enough to state a fact.
MIN_CONTENT_WORDS = 5
LAUT_FRAMES = True

_WORD = re.compile(r"\w+")
_SPEECH = re.compile(rf"(?<![\w-])(?:{SPEECH})(?![\w-])", re.IGNORECASE)
_QUOTES = "\"'“”„‟«»‹›‘’‚"
# The frame after the content: the last comma (a closing quote mark may stand before or after it).
_TRAILING = re.compile(rf"[{_QUOTES}]?\s*,\s*[{_QUOTES}]?\s*(?=[^,;:]*$)")
# English reported speech may go on without "that": "The mayor said the road …"; the word after the
# verb must then open a clause.
_SUBJECTS = "the|a|an|it|he|she|they|we|i|there|this|these|those|his|her|their|its|no|all|some|police"
# The frame before the content: speaker and speech verb, then "that"/"dass", a comma or a colon.
# The frame runs through the first speech verb (the atomic group tries no later one: where no ending
# follows the first verb, none follows a later one, and trying each made a long statement's match
# quadratic in its length).
_LEADING = re.compile(
    rf"^(?P<frame>(?>[^,;:{_QUOTES}]*?(?<![\w-])(?:{SPEECH})(?![\w-]))[^,;:{_QUOTES}]*?)"
    rf"(?:\s+(?:that|dass)\s+|\s*[,:]\s*(?:dass\s+)?|\s+(?=(?:{_SUBJECTS})\b|\d))"
)
# A source named before the content and a comma: "According to police, …" (German "Laut <source> …"
# has no comma: ``_LAUT``); a relative clause after the comma still names the source.
_ACCORDING = re.compile(
    r"^(?:according\s+to|nach\s+angaben|nach\s+aussagen)\s+[^,;:]+,\s*(?=\S)"
    r"(?!(?:der|die|das|dem|den|deren|dessen|which|who|whose)\b)",  # a relative clause goes on
    re.IGNORECASE,
)

# A German source named before the verb without a comma: "Laut Polizei wurden …", "Nach Angaben der
# Feuerwehr brannte …": the source's words are capitalised nouns and the small words between them, and
# the content goes on from the first lower-case word (the verb, second in a German clause).
_SOURCE_WORDS = r"(?:der|die|das|dem|den|des|einer|eines|von|vom|zur|zum|eigenen)"
_LAUT = re.compile(
    r"^(?:[Ll]aut|[Nn]ach\s+(?:[Aa]ngaben|[Aa]ussagen|[Ii]nformationen))\s+"
    rf"(?:{_SOURCE_WORDS}\s+|[A-ZÄÖÜ][\w\-.]*\s+)+?"
    rf"(?=(?!{_SOURCE_WORDS}\b)[a-zäöü])"
)


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _trim(text: str, start: int, end: int) -> tuple[int, str] | None:
    """The span ``text[start:end]`` without quote marks, spaces and closing punctuation at its ends,
    with where it starts; None when too short to state a fact."""
    piece = text[start:end]
    stripped = piece.lstrip(_QUOTES + " ")
    start += len(piece) - len(stripped)
    stripped = stripped.rstrip(_QUOTES + " ,;:.!?")
    if _words(stripped) < MIN_CONTENT_WORDS:
        return None
    return start, stripped


def content_of(text: str) -> tuple[int, str] | None:
    """Where the content of ``text`` starts in it and its text, when an attribution frame can be
    taken off (None otherwise)."""
    body = text.rstrip()
    for comma in _TRAILING.finditer(body):
        frame = body[comma.end() :]
        if _words(frame) <= MAX_FRAME_WORDS and _SPEECH.search(frame):
            return _trim(text, 0, comma.start())
    source = _ACCORDING.match(body)
    if source is not None and _words(source.group(0)) <= MAX_FRAME_WORDS:
        return _trim(text, source.end(), len(body))
    german = _LAUT.match(body) if LAUT_FRAMES else None
    if german is not None and _words(german.group(0)) <= MAX_FRAME_WORDS:
        return _trim(text, german.end(), len(body))
    speaker = _LEADING.match(body)
    if speaker is not None and _words(speaker.group("frame")) <= MAX_FRAME_WORDS:
        return _trim(text, speaker.end(), len(body))
    return None
