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


# A leading segment of a title cut off by " :: ", " | " or a spaced dash: a site's name or a section
# of it before the report's own title ("Nachrichten :: …", "Startseite | …", "Site – …").
_LEADING_SEGMENT = re.compile(r"(?P<segment>[^|:–—]{1,60}?)\s+(?:::|\||–|—)\s+(?=\S)")
# Section labels of news sites, German and English (written from general knowledge of how sites
# name their sections, docs/data-sources.md): a segment of these words only is a label, not a title.
_SECTION_WORDS = frozenset(
    """
    home homepage start startseite news nachrichten aktuell aktuelles topnews schlagzeilen headlines
    latest politik politics wirtschaft business economy finanzen finance money sport sports kultur
    culture arts panorama vermischtes wissen science technik tech technology digital gesundheit health
    reise travel inland ausland welt world international regional region lokal lokales local meinung
    opinion kommentar kommentare kolumne kolumnen leben lifestyle unterhaltung entertainment
    """.split()
)
_CONNECTORS = frozenset({"&", "und", "and", "+"})
# Fewer words than this after the segment: the segment is part of a short title ("Brexit – the
# vote"), not a label before one.
MIN_TITLE_WORDS = 3


def without_site_prefix(title: str, outlet: str | None = None, url: str | None = None) -> str:
    """``title`` without leading segments that name its site (``outlet``, or the host of ``url``) or
    a section of it ("News :: Bridge closed for repairs" → "Bridge closed for repairs"); any other
    leading part stays ("Osterlin – a harbour town waits" keeps its place name)."""
    while (found := _LEADING_SEGMENT.match(title)) is not None:
        segment, rest = found.group("segment").strip(), title[found.end() :]
        if len(rest.split()) < MIN_TITLE_WORDS:
            break
        if not (_names_site(segment, outlet, url) or _is_section_label(segment)):
            break
        title = rest
    return title


def shown_title(title: str | None, outlet: str | None = None, url: str | None = None) -> str | None:
    """The title a report shows of an article: its stored title without a leading site name or
    section label (:func:`without_site_prefix`), the same cut stories' titles get; None for none."""
    return without_site_prefix(title, outlet, url) if title else title


def _squeezed(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _names_site(segment: str, outlet: str | None, url: str | None) -> bool:
    """Whether ``segment`` is the outlet's name or its web address's host (with or without "www."
    and its top-level domain)."""
    import urllib.parse

    names = {_squeezed(outlet)} if outlet else set()
    if url:
        try:
            host = (urllib.parse.urlsplit(url).hostname or "").removeprefix("www.")
        except ValueError:
            host = ""
        if host:
            names |= {_squeezed(host), _squeezed(host.rsplit(".", 1)[0])}
    names.discard("")
    return _squeezed(segment) in names


def _is_section_label(segment: str) -> bool:
    """Whether ``segment`` is one to three section words ("Politik", "Kultur & Leben")."""
    words = [w.strip(".,").casefold() for w in segment.split()]
    labels = [w for w in words if w not in _CONNECTORS]
    return 0 < len(labels) <= 3 and all(w in _SECTION_WORDS for w in labels)
