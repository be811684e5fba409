"""A title for an article that has none: the start of its lead, as a reader would name it."""

from __future__ import annotations

import re
import textwrap

from blickwinkel.text._somajo import sentence_spans

# Characters of a title made from the text: one line of a listing.
TITLE_WIDTH = 120

_PARAGRAPH = re.compile(r"\n\s*\n|\n")


def title_from_text(text: str, width: int = TITLE_WIDTH, language: str | None = None) -> str:
    """The first sentence of the first paragraph of ``text`` (its lead), cut at a word boundary to
    ``width`` characters with " …"; empty for a text without words. Records without a title (a
    JSONL line with text alone) give stories a name this way instead of none. The sentence ends
    where the pipeline's sentence splitter ends it (``language`` picks its model, German when
    None), so "Am 12. März …", "Dr. Berg …" or "the U.S. Army …" are not cut after the dot."""
    for paragraph in _PARAGRAPH.split(text):
        line = " ".join(paragraph.split())
        if line:
            break
    else:
        return ""
    # A first sentence longer than the width is cut anyway: split only what can be shown.
    head = line[: 2 * width]
    first = next((sentence for sentence in sentence_spans(head, language) if sentence), None)
    if first is not None and first[-1][1] < len(head):
        line = head[: first[-1][1]]
    if len(line) <= width:
        return line
    short = textwrap.shorten(line, width=width, placeholder=" …")
    # One word longer than the width: shorten gives the placeholder alone.
    return short if short.strip() != "…" else line[: width - 2] + " …"
