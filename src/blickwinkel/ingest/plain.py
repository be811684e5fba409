"""Plain text articles: title line, lead, paragraphs split on blank lines, subheadings, captions."""

from __future__ import annotations

from blickwinkel.ingest._base import READERS, ReadResult, single
from blickwinkel.ingest._blocks import build_article, plain_pieces


@READERS.register("text")
def read_plain_text(text: str, *, source: str, stem: str) -> ReadResult:
    """The first non-empty line is the headline when more text follows it and it does not begin a
    hard-wrapped paragraph; see :func:`plain_pieces` for the rest."""
    parts = plain_pieces(text)
    return single(build_article(parts.pieces, id=stem, source=source, published=parts.published))
