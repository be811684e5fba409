"""A title for an article that has none: the start of its lead, as a reader would name it."""

from __future__ import annotations

import re
import textwrap

# Characters of a title made from the text: one line of a listing.
TITLE_WIDTH = 120

_PARAGRAPH = re.compile(r"\n\s*\n|\n")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'“”»«]?\s+(?=[\"'„“»«(]?[A-ZÄÖÜ0-9])")


def title_from_text(text: str, width: int = TITLE_WIDTH) -> str:
    """The first sentence of the first paragraph of ``text`` (its lead), cut at a word boundary to
    ``width`` characters with " …"; empty for a text without words. Records without a title (a
    JSONL line with text alone) give stories a name this way instead of none."""
    for paragraph in _PARAGRAPH.split(text):
        line = " ".join(paragraph.split())
        if line:
            break
    else:
        return ""
    first = _SENTENCE_END.split(line, maxsplit=1)[0]
    if len(first) <= width:
        return first
    short = textwrap.shorten(first, width=width, placeholder=" …")
    # One word longer than the width: shorten gives the placeholder alone.
    return short if short != "…" and short.strip() != "…" else first[: width - 2] + " …"
