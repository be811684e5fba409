"""Where a picture is: the words pages use to point from the text to a picture ("(links im Bild)",
"(pictured, left)", "(Foto oben)"). The readers keep a piece that only points (or opens by pointing)
out of the facts (``ingest/_boilerplate``); the views show a statement without a pointer inside it
(:func:`without_pointers`), while the statement's text and offsets stay those of the article."""

from __future__ import annotations

import re

# The words are our own, from how German, English, French and Spanish pages print them.
WHERE_IN_PICTURE = (
    r"(?:(?:ganz\s+)?(?:links|rechts|oben|unten|vorne|hinten|in\s+der\s+mitte|mitte)\s+im\s+bild|"
    r"im\s+bild\s+(?:links|rechts|oben|unten|vorne|hinten|in\s+der\s+mitte|mitte)|"
    r"pictured(?:,?\s+(?:left|right|above|below|centre|center|top|bottom|far\s+left|far\s+right))?|"
    r"(?:far\s+)?(?:left|right|centre|center)\s+(?:in|of)\s+(?:the\s+)?(?:picture|photo)|"
    r"(?:foto|bild|photo|picture|image)\s+(?:oben|unten|links|rechts|above|below|left|right|top|bottom)|"
    r"archivbild|archivfoto|symbolbild|symbolfoto|file\s+photo|stock\s+photo|"
    r"à\s+gauche|à\s+droite|au\s+centre|a\s+la\s+izquierda|a\s+la\s+derecha|en\s+el\s+centro)"
)
"""A pointer to a picture as a regular expression (no groups; match it ignoring case)."""

# Inside running text a pointer stands in brackets, often after a name; German captions shorten the
# side to "(l.)", "(r.)", "(li.)", "(re.)". The space before the bracket goes with it.
_POINTER_IN_TEXT = re.compile(rf"\s*\(\s*(?:{WHERE_IN_PICTURE}|li?\.|re?\.)\s*\)", re.IGNORECASE)


def pointer_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each bracketed pointer in ``text``, with the space before it."""
    return [m.span() for m in _POINTER_IN_TEXT.finditer(text)]


def without_pointers(text: str) -> str:
    """``text`` without its bracketed pointers to a picture: "Anna Roth (links im Bild) eröffnete die
    Brücke." is shown "Anna Roth eröffnete die Brücke."; a text that is only a pointer stays."""
    shown = _POINTER_IN_TEXT.sub("", text)
    return shown if shown.strip() else text
