"""From pieces of text with a kind to an :class:`Article` whose block offsets slice back.

Readers first cut their input into :class:`Piece` objects, the shared rules here then decide leads,
subheadings and quote attributions, and :func:`build_article` joins the pieces by blank lines.
Plain text (``.txt`` files and the ``text`` field of JSON records) is cut by :func:`plain_pieces`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from blickwinkel.errors import Errors, IngestError
from blickwinkel.ingest._boilerplate import (
    boilerplate_kind,
    byline_date,
    byline_names,
    dated_byline,
    describes_a_picture,
    ends_with_photo_credit,
    is_poll_lines,
    is_reader_call,
    is_reader_question,
    leading_byline,
    leading_dateline,
    leading_furniture,
    poll_spans,
    reader_inserts,
)
from blickwinkel.ingest._comments import COMMENT_LOOKAHEAD, is_comments_heading, opens_a_comment
from blickwinkel.ingest._dates import parse_date_line
from blickwinkel.ingest._text import (
    dash_attribution,
    ends_with_punctuation,
    has_handle,
    is_caption,
    is_heading_like,
    join_lines,
    normalise,
    sentence_count,
)
from blickwinkel.ingest.urls import article_url
from blickwinkel.model import Article, Block, BlockKind

# A lead is the short teaser under the headline; longer first paragraphs are body text.
LEAD_MAX_CHARS = 400
LEAD_MAX_SENTENCES = 3
# A first line longer than this is body text, not a headline.
TITLE_MAX_CHARS = 300
# Hard-wrapped text has lines no longer than this; a group with a longer line holds one paragraph a line.
WRAP_WIDTH = 100
# A first line at least this share of the longest wrapped line after it (the last left out, which is
# short) fills the wrap width: it is the paragraph's first line, not a title (ours, from how editors and
# mail programs wrap at a fixed width; docs/data-sources.md).
WRAP_FILL = 0.8
# Date lines count as the publication date only among the first few pieces of an article.
DATE_LINE_WINDOW = 3

_BLANK_LINES = re.compile(r"\n\s*\n")


@dataclass(slots=True)
class Piece:
    """A block before offsets are known; ``dash`` marks a lone ``— Name`` line not yet attached."""

    kind: BlockKind
    text: str
    attribution: str | None = None
    dash: str | None = None
    single_line: bool = False
    meta: dict[str, str] = field(default_factory=dict)


def quote_piece(text: str, attribution: str | None) -> Piece:
    """A quote block, or an embedded post when the attribution names an account (``(@handle)``)."""
    kind: BlockKind = "embedded_post" if attribution and has_handle(attribution) else "quote_block"
    return Piece(kind, text, attribution=attribution)


def lines_to_pieces(lines: list[str], *, split_long_lines: bool = True) -> list[Piece]:
    """One paragraph's lines: caption lines start captions; a final ``— Name`` line attributes a quote.

    Short lines are hard wraps and are joined; with ``split_long_lines``, lines longer than
    :data:`WRAP_WIDTH` are paragraphs of their own (markdown keeps its paragraphs whole).
    """
    lines = [line for line in lines if line]
    if not lines:
        return []
    if is_poll_lines(lines):
        return [Piece("boilerplate", join_lines(lines))]
    runs: list[tuple[BlockKind | None, list[str]]] = []
    for index, line in enumerate(lines):
        # A credit or prompt line stands alone, unless it continues a sentence the line before began.
        starts_unit = index == 0 or ends_with_punctuation(lines[index - 1]) or runs[-1][0] is not None
        extra = boilerplate_kind(line) if starts_unit else None
        if extra is not None:
            runs.append((extra, [line]))
        elif is_caption(line) or not runs or runs[-1][0] in ("boilerplate", "credit"):
            runs.append(("caption" if is_caption(line) else None, [line]))
        else:
            runs[-1][1].append(line)
    pieces: list[Piece] = []
    for kind, run in runs:
        if kind is not None:
            pieces.append(Piece(kind, join_lines(run)))
            continue
        speaker = dash_attribution(run[-1])
        dash_lines = sum(1 for line in run if dash_attribution(line) is not None)
        if speaker is not None and len(run) == 1:
            pieces.append(Piece("paragraph", run[0], dash=speaker, single_line=True))
        elif speaker is not None and dash_lines == 1:
            pieces.append(quote_piece(join_lines(run[:-1]), speaker))
        elif split_long_lines and len(run) > 1 and max(len(line) for line in run) > WRAP_WIDTH:
            pieces.extend(Piece("paragraph", line, single_line=True) for line in run)
        else:
            pieces.append(Piece("paragraph", join_lines(run), single_line=len(run) == 1))
    return pieces


def attach_dash_lines(pieces: list[Piece]) -> list[Piece]:
    """A lone ``— Name`` piece becomes the attribution of the paragraph or quote just before it."""
    out: list[Piece] = []
    for piece in pieces:
        previous = out[-1] if out else None
        if (
            piece.dash is not None
            and previous is not None
            and previous.attribution is None
            and previous.kind in ("paragraph", "lead", "quote_block")
        ):
            out[-1] = quote_piece(previous.text, piece.dash)
            continue
        piece.dash = None
        out.append(piece)
    return out


# Pieces that may turn out to be page furniture (a headline never is: the reader chose it).
_FURNITURE_CANDIDATES = frozenset({"paragraph", "lead", "subheading", "caption"})
# Link titles listed under a reading prompt are short and end without a full stop.
LINK_TITLE_MAX_WORDS = 16


def split_reader_inserts(pieces: list[Piece]) -> list[Piece]:
    """Bracketed reader inserts inside a paragraph (``[Lesen Sie auch: …]``) become pieces of their own."""
    out: list[Piece] = []
    for original in pieces:
        piece = original
        glued = leading_furniture(piece.text) if piece.kind in ("paragraph", "lead") else 0
        if glued:
            out.append(Piece("boilerplate", piece.text[:glued].strip()))
            piece = Piece(piece.kind, piece.text[glued:].strip())
        if piece.kind in ("paragraph", "lead") and dated_byline(piece.text) is not None:
            out.append(Piece("credit", piece.text))  # "Von <Name> | <date>" is one byline
            continue
        byline = leading_byline(piece.text) if piece.kind in ("paragraph", "lead") else 0
        if byline:
            out.append(Piece("credit", piece.text[:byline].strip(" |")))
            piece = Piece(piece.kind, piece.text[byline:].strip())
        dateline = leading_dateline(piece.text) if piece.kind in ("paragraph", "lead") else 0
        if dateline:
            out.append(Piece("credit", piece.text[:dateline].strip()))
            piece = Piece(piece.kind, piece.text[dateline:].strip())
        spans = reader_inserts(piece.text) if piece.kind in ("paragraph", "lead") else []
        if not spans:
            out.append(piece)
            continue
        position = 0
        for start, end in spans:
            before = piece.text[position:start].strip()
            if before:
                out.append(Piece(piece.kind, before))
            out.append(Piece("boilerplate", piece.text[start:end]))
            position = end
        after = piece.text[position:].strip()
        if after:
            out.append(Piece(piece.kind, after))
    return out


def mark_boilerplate(pieces: list[Piece]) -> list[Piece]:
    """Polls, promotions, reading prompts (and the link titles listed under them), bylines and photo
    credits become ``boilerplate`` or ``credit`` pieces, kept out of statements; see ``_boilerplate``.
    Bracketed reader inserts are cut out of their paragraph first, so the list may grow."""
    pieces = split_reader_inserts(pieces)
    for piece in pieces:
        if piece.kind in _FURNITURE_CANDIDATES:
            kind = boilerplate_kind(piece.text)
            if kind is not None:
                piece.kind = kind
            elif piece.kind in ("paragraph", "lead") and (
                ends_with_photo_credit(piece.text) or describes_a_picture(piece.text)
            ):
                piece.kind = "caption"
    texts = [p.text if p.kind in _FURNITURE_CANDIDATES else "" for p in pieces]
    for first, end in poll_spans(texts):
        for piece in pieces[first:end]:
            piece.kind = "boilerplate"
    mark_comment_section(pieces)
    mark_reader_questions(pieces)
    for index, piece in enumerate(pieces):
        if piece.kind != "boilerplate" or not _is_bare_prompt(piece.text):
            continue
        for follower in pieces[index + 1 :]:
            if follower.kind not in _FURNITURE_CANDIDATES or not _is_link_title(follower.text):
                break
            follower.kind = "boilerplate"
    return pieces


def mark_comment_section(pieces: list[Piece]) -> None:
    """Readers' comments under the article (``_comments``): from a comments heading that follows article
    text and is followed within a few pieces by a comment's opening line, every piece to the end."""
    for index, piece in enumerate(pieces):
        if piece.kind == "headline" or not is_comments_heading(piece.text):
            continue
        if not any(p.kind in ("paragraph", "lead") for p in pieces[:index]):
            continue
        if any(opens_a_comment(p.text) for p in pieces[index + 1 : index + 1 + COMMENT_LOOKAHEAD]):
            for later in pieces[index:]:
                if later.kind not in ("headline", "credit"):
                    later.kind = "boilerplate"
            return


def mark_reader_questions(pieces: list[Piece]) -> None:
    """A question to the reader ("Were you caught in the queues?") is furniture where a call to
    readers follows it or where only furniture follows it to the end of the article; elsewhere it may
    be the article's own (a commentary asks its readers too, an interviewer the person interviewed)."""
    for index in range(len(pieces) - 1, -1, -1):
        piece = pieces[index]
        if piece.kind not in ("paragraph", "lead") or not is_reader_question(piece.text):
            continue
        after = pieces[index + 1 :]
        called = bool(after) and after[0].kind == "boilerplate" and is_reader_call(after[0].text)
        if called or all(p.kind in ("boilerplate", "credit") for p in after):
            piece.kind = "boilerplate"


def _is_bare_prompt(text: str) -> bool:
    """``Mehr zum Thema``, ``Lesen Sie auch:``: a prompt with no link title of its own."""
    return text.rstrip().endswith(":") or len(text.split()) <= 5


def _is_link_title(text: str) -> bool:
    return 0 < len(text.split()) <= LINK_TITLE_MAX_WORDS and not text.rstrip().endswith((".", "!"))


def mark_subheadings(pieces: list[Piece]) -> None:
    """A single short line without final punctuation between two pieces is a subheading."""
    for index in range(1, len(pieces) - 1):
        piece = pieces[index]
        if piece.kind == "paragraph" and piece.single_line and is_heading_like(piece.text):
            piece.kind = "subheading"


def mark_lead(pieces: list[Piece]) -> None:
    """The first paragraph after the headline is the lead when it is short."""
    for piece in pieces:
        if piece.kind in ("headline", "boilerplate", "credit"):
            continue
        if (
            piece.kind == "paragraph"
            and len(piece.text) < LEAD_MAX_CHARS
            and sentence_count(piece.text) <= LEAD_MAX_SENTENCES
        ):
            piece.kind = "lead"
        return


def opens_wrapped_paragraph(lines: list[str]) -> bool:
    """Whether the first of a paragraph's lines is a hard wrap of it rather than a title line above it:
    a text without a title, wrapped at a fixed width, gave its first half line as the headline and the
    rest of the sentence ("…, said the operator.") as its lead. The first line is a wrap when the
    next one goes on in lower case, when it ends in a comma or a hyphen, or when it is as long as
    the wrapped lines after it."""
    if len(lines) < 2 or max(len(line) for line in lines) > WRAP_WIDTH:
        return False  # one line, or one paragraph a line (the first may well be a title)
    first, after = lines[0], lines[1:]
    if after[0][:1].islower() or first.endswith((",", "-")):
        return True
    wrapped = after[:-1]  # the last line of a wrapped paragraph ends short
    return bool(wrapped) and len(first) >= WRAP_FILL * max(len(line) for line in wrapped)


@dataclass(frozen=True)
class PlainParts:
    pieces: list[Piece]
    published: dt.date | None


def plain_pieces(text: str, *, title_line: bool = True, find_lead: bool = True) -> PlainParts:
    """Cut plain text: first line the headline, blank lines between paragraphs, captions, subheadings."""
    groups = [group.split("\n") for group in _BLANK_LINES.split(normalise(text).strip())]
    groups = [[line for line in group if line] for group in groups]
    groups = [group for group in groups if group]
    pieces: list[Piece] = []
    # The first line is the title when text follows it: a text of one line (a whole article on one line,
    # as scrapers save it, or a one-sentence item) is the article, not a title over nothing; it has no
    # title, and views name it by its opening words as the store and `stories` do.
    if (
        title_line
        and groups
        and (len(groups) > 1 or len(groups[0]) > 1)
        and len(groups[0][0]) <= TITLE_MAX_CHARS
        and not is_caption(groups[0][0])
        and not opens_wrapped_paragraph(groups[0])
    ):
        pieces.append(Piece("headline", groups[0][0]))
        groups[0] = groups[0][1:]
    published: dt.date | None = None
    for index, group in enumerate(groups):
        if published is None and index < DATE_LINE_WINDOW and len(group) == 1:
            published = parse_date_line(group[0])
            if published is not None:
                continue
        pieces.extend(lines_to_pieces(group))
    pieces = attach_dash_lines(pieces)
    pieces = mark_boilerplate(pieces)
    mark_subheadings(pieces)
    if find_lead:
        mark_lead(pieces)
    return PlainParts(pieces, published)


def build_article(
    pieces: Iterable[Piece],
    *,
    id: str,
    source: str,
    outlet: str | None = None,
    url: str | None = None,
    published: dt.date | None = None,
    author: str | None = None,
    language: str | None = None,
    meta: Mapping[str, str] | None = None,
) -> Article:
    """Join the pieces by blank lines into ``Article.text`` with blocks that slice back exactly."""
    blocks: list[Block] = []
    texts: list[str] = []
    offset = 0
    title: str | None = None
    lead: str | None = None
    for piece in pieces:
        text = _BLANK_LINES.sub("\n", piece.text).strip()
        if not text:
            continue
        if texts:
            offset += 2
        blocks.append(Block(piece.kind, offset, offset + len(text), attribution=piece.attribution or None))
        texts.append(text)
        offset += len(text)
        if piece.kind == "headline" and title is None:
            title = text
        elif piece.kind == "credit":
            author = author or byline_names(text)
            published = published or byline_date(text)
        elif piece.kind == "lead" and lead is None:
            lead = text
    if not blocks:
        raise IngestError(source, Errors.I030)
    return Article(
        id=id,
        text="\n\n".join(texts),
        blocks=tuple(blocks),
        source=source,
        outlet=outlet or None,
        url=article_url(url) if url else None,
        title=title,
        lead=lead,
        published=published,
        language=language or None,
        author=author or None,
        meta=dict(meta or {}),
    )
