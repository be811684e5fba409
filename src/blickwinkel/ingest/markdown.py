"""Markdown articles and web pages captured as markdown, parsed with markdown-it-py.

A leading front matter block (``---`` … ``---``, or Hugo's ``+++`` … ``+++``) gives title, date,
author, outlet and address (``url``, or a web clipper's ``source``) and is no text.
An all-capitals line above the headline is the outlet banner; the first heading is the headline and
later ones are subheadings; a date line near the top is the publication date; a paragraph followed by
a ``— Name`` line is a quote block (an embedded post when the line reads ``— Name (@handle) date``);
``>`` block quotes are quote blocks. Links keep only their text, bold and italics only their words.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Literal

from blickwinkel.errors import Errors
from blickwinkel.ingest._base import READERS, ReadResult, single
from blickwinkel.ingest._blocks import (
    TITLE_MAX_CHARS,
    Piece,
    attach_dash_lines,
    build_article,
    lines_to_pieces,
    mark_boilerplate,
    mark_lead,
    mark_subheadings,
    quote_piece,
)
from blickwinkel.ingest._dates import parse_date_line, parse_date_value
from blickwinkel.ingest._text import (
    collapse_spaces,
    dash_attribution,
    is_banner,
    is_breadcrumb,
    join_lines,
    title_case_banner,
)
from blickwinkel.ingest.html import host_outlet
from blickwinkel.ingest.urls import web_address
from blickwinkel.text._normalise import clean_characters

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

# Date lines and list items count as the publication date until this many body paragraphs were read.
DATE_PARAGRAPH_WINDOW = 2
# A paragraph set entirely in bold and shorter than this is a subheading.
BOLD_HEADING_MAX_CHARS = 120

# Links to "#" that a web capture left behind as text, e.g. "Text (#)".
_EMPTY_TARGET = re.compile(r"\s*\(#\)")
# Escapes left after parsing: captures often escape twice ("\\_"), so one layer is still there.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")

_SegmentKind = Literal["heading", "paragraph", "item", "quote", "code"]


@dataclass(frozen=True)
class _Segment:
    """A markdown block as lines of plain text; ``bold`` when every word of it is in bold."""

    kind: _SegmentKind
    lines: tuple[str, ...]
    bold: bool = False


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # on first use: ~10 ms of every process that reads no markdown

    # Tables are parsed so that they can be left out, as the HTML reader leaves them out: read as
    # text they were one "statement" of cells and pipes ("| Tag | Haushalte | |-----| …").
    return MarkdownIt("commonmark").enable("table")


# A front matter block of static-site and notes exports: "---", "key: value" lines, "---" (or "...");
# Hugo's TOML form is "+++", "key = value" lines, "+++".
_FRONT_MATTER_OPENING = re.compile(r"\A\ufeff?(---|\+\+\+)[ \t]*\r?\n")
_FRONT_MATTER_CLOSING = {"---": ("---", "..."), "+++": ("+++",)}
_FRONT_MATTER_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")
_TOML_FIELD = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*(.*?)[ \t]*$")
# A TOML table header ("[params]", "[[images]]"): the keys after it are the table's, not the page's.
_TOML_TABLE = re.compile(r"^\[")
# A YAML list item under a key with no value ("author:" then "  - Mara Lind").
_LIST_ITEM = re.compile(r"^[ \t]*-[ \t]+(.*?)[ \t]*$")
_FRONT_MATTER_KEYS = {
    "title": "title",
    "headline": "title",
    "date": "published",
    "published": "published",
    "pubdate": "published",
    "author": "author",
    "authors": "author",
    "outlet": "outlet",
    "publisher": "outlet",
    "site_name": "outlet",
    # The page's address: site generators write "url", web clippers (Obsidian's) "source"; a
    # "source" that is no address names the outlet, as a JSON record's does.
    "url": "url",
    "link": "url",
    "canonical_url": "url",
    "source": "source",
}


@dataclass(frozen=True)
class UnreadDate:
    """A date field of the front matter whose value is no date: its line in the file, key and value."""

    line: int
    key: str
    value: str


@dataclass(frozen=True)
class FrontMatter:
    """The fields a leading front matter block names, the text after the block, what in the block
    could not be read (a message with its line; None when all of it was read) and the first date
    field that is no date."""

    fields: dict[str, str]
    text: str
    problem: str | None = None
    unread_date: UnreadDate | None = None


def front_matter(text: str) -> FrontMatter:
    """The title, date, author and outlet a leading front matter block names, and the text after it.

    Only one-line ``key: value`` fields (``key = value`` in a ``+++`` block) and YAML lists of plain
    items are read (quotes taken off); nested keys, TOML tables and anything else in the block are
    left out, so that the block never becomes the headline. A line of a block that is no field, and a
    block never closed, are told in ``problem``: both lost the title and date without a word (the block
    was read as the headline, or as a paragraph that swallowed the fields).
    """
    opening = _FRONT_MATTER_OPENING.match(text)
    if opening is None:
        return FrontMatter({}, text)
    marker = opening.group(1)
    pattern = _FRONT_MATTER_FIELD if marker == "---" else _TOML_FIELD
    closing = _FRONT_MATTER_CLOSING[marker]
    numbered: list[tuple[int, str]] = []  # the block's lines with their numbers in the file
    end: int | None = None  # where the text after the closing line starts
    position = opening.end()
    for number, raw in enumerate(text[position:].split("\n"), start=2):
        position += len(raw) + 1
        line = raw.rstrip("\r")
        if line.rstrip(" \t") in closing:
            end = min(position, len(text))
            break
        numbered.append((number, line))
    if end is None:
        return _unclosed_front_matter(text, marker, pattern, numbered)
    numbered = [(n, line) for n, line in numbered if line.strip()]
    if not numbered or not pattern.match(numbered[0][1]):
        return FrontMatter({}, text)
    if pattern is _TOML_FIELD:
        table = next((i for i, (_, line) in enumerate(numbered) if _TOML_TABLE.match(line)), len(numbered))
        numbered = numbered[:table]
    bad = [(n, line) for n, line in numbered if not (pattern.match(line) or line[0] in " \t-")]
    bad_lines = {n for n, _ in bad}
    good = [(n, line) for n, line in numbered if n not in bad_lines]
    fields, unread = _front_matter_fields(good, pattern)
    if not bad:
        return FrontMatter(fields, text[end:], unread_date=unread)
    # Lines that are no fields: a block with a field this reader knows and more fields than such lines
    # is front matter with a broken line; otherwise the rules enclose article text.
    if not fields or len(bad) >= len(good):
        return FrontMatter({}, text)
    number, shown = bad[0]
    form = "key: value" if pattern is _FRONT_MATTER_FIELD else "key = value"
    problem = Errors.I060.format(line=number, form=form, shown=_shown_line(shown))
    return FrontMatter(fields, text[end:], problem, unread)


def _unclosed_front_matter(
    text: str, marker: str, pattern: re.Pattern[str], numbered: list[tuple[int, str]]
) -> FrontMatter:
    """A block with no closing line: its fields are the field lines right after the opening (up to the
    first blank or other line), if one of them is a field this reader knows; the rest is the text."""
    lines: list[tuple[int, str]] = []
    for number, line in numbered:
        if not line.strip() or not (pattern.match(line) or (lines and line[0] in " \t-")):
            break
        lines.append((number, line))
    fields, unread = _front_matter_fields(lines, pattern)
    if not fields:
        return FrontMatter({}, text)
    last = lines[-1][0]
    after = text.split("\n", last)[last] if text.count("\n") >= last else ""
    return FrontMatter(fields, after, Errors.I061.format(marker=marker, line=last), unread)


def _front_matter_fields(
    numbered: list[tuple[int, str]], pattern: re.Pattern[str]
) -> tuple[dict[str, str], UnreadDate | None]:
    """The fields of the block's lines (each with its line number in the file), and the first date
    field whose value is no date."""
    fields: dict[str, str] = {}
    unread: UnreadDate | None = None
    lines = [line for _, line in numbered]
    for index, (number, line) in enumerate(numbered):
        field = pattern.match(line)
        if field is None:
            continue
        key = _FRONT_MATTER_KEYS.get(field.group(1).lower())
        # YAML's null ("date: null", "outlet: ~") is no value: it was the title "null", a date warning
        value = "" if field.group(2) in _YAML_NULLS else _unquoted(field.group(2))
        if key and not value and pattern is _FRONT_MATTER_FIELD:
            value = ", ".join(_list_items(lines[index + 1 :]))
        if key == "author" and _FLOW_LIST.fullmatch(value):
            value = ", ".join(_flow_items(value))
        elif key and _FLOW_LIST.fullmatch(value) and len(items := _flow_items(value)) == 1:
            value = items[0]  # "date: [2026-03-02]", "title: ['…']": a list of one value is the value
        if not key or not value or value.startswith(("[", "{", "|", ">")) or key in fields:
            continue
        if key == "published" and parse_date_value(value) is None:
            # "published: true" is a flag of some site generators, not a date; a value with a digit
            # was meant as one ("date: 2026-02-31" left the article undated without a word).
            if unread is None and (any(c.isdigit() for c in value) or field.group(1).lower() == "date"):
                unread = UnreadDate(number, field.group(1), value.strip())
            continue
        fields[key] = value.strip()
    return fields, unread


_YAML_NULLS = frozenset({"null", "Null", "NULL", "~"})


def _shown_line(line: str) -> str:
    return _shown(line.strip())


def _shown(value: str) -> str:
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:57] + "..."


def _unquoted(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


# A one-line list of plain names: YAML's "author: [Mara Lind, 'Jonas Ek']", Hugo's TOML
# 'authors = ["Mara Lind"]' (the usual form of both); they gave no author.
_FLOW_LIST = re.compile(r"\[[^\[\]{}]*\]")
_FLOW_ITEM = re.compile(r"\s*(\"[^\"]*\"|'[^']*'|[^,]*?)\s*(?:,|$)")


def _flow_items(value: str) -> list[str]:
    inner = value[1:-1]
    items = [_unquoted(m.group(1)).strip() for m in _FLOW_ITEM.finditer(inner) if m.group(1)]
    return [item for item in items if item]


def _list_items(lines: list[str]) -> list[str]:
    """The plain items of the YAML list that starts at ``lines`` (nested maps and lists left out)."""
    items: list[str] = []
    for line in lines:
        item = _LIST_ITEM.match(line)
        if item is None:
            break
        value = _unquoted(item.group(1))
        if value and not value.startswith(("[", "{", "|", ">")) and not _FRONT_MATTER_FIELD.match(value):
            items.append(value)
    return items


@READERS.register("markdown")
def read_markdown(text: str, *, source: str, stem: str) -> ReadResult:
    """Read one markdown article (``.md``, or ``.txt`` that uses markdown)."""
    found = front_matter(clean_characters(text))
    fields, text = found.fields, found.text
    segments = _segments(_parser().parse(text))
    title = collapse_spaces(fields.get("title", ""))
    if title and not any(s.kind == "heading" and join_lines(list(s.lines)) == title for s in segments):
        segments.insert(0, _Segment("heading", (title,)))
    has_heading = any(s.kind == "heading" for s in segments)
    pieces: list[Piece] = []
    source_field = fields.get("source")
    url = web_address(fields.get("url")) or web_address(source_field)
    outlet: str | None = fields.get("outlet") or (source_field if source_field and not url else None)
    published: dt.date | None = parse_date_value(fields["published"]) if "published" in fields else None
    headline_seen = False
    body_paragraphs = 0
    for segment in segments:
        lines = [line for line in segment.lines if line]
        if not lines:
            continue
        if segment.kind == "heading":
            pieces.append(Piece("subheading" if headline_seen else "headline", join_lines(lines)))
            headline_seen = True
            continue
        if segment.kind == "quote":
            speaker = dash_attribution(lines[-1]) if len(lines) > 1 else None
            pieces.append(quote_piece(join_lines(lines[:-1] if speaker else lines), speaker))
            continue
        single_line = len(lines) == 1
        if single_line and has_heading and not headline_seen and outlet is None and is_banner(lines[0]):
            outlet = title_case_banner(lines[0])
            continue
        # Sites print the section path above or right below the headline ("Home · Local · Traffic").
        if single_line and body_paragraphs == 0 and is_breadcrumb(lines[0]):
            continue
        if single_line and published is None and body_paragraphs < DATE_PARAGRAPH_WINDOW:
            published = parse_date_line(lines[0])
            if published is not None:
                continue
        if segment.kind == "code":
            pieces.append(Piece("paragraph", join_lines(lines)))
        elif segment.bold and single_line and len(lines[0]) <= BOLD_HEADING_MAX_CHARS:
            pieces.append(Piece("subheading", lines[0].rstrip(":").strip() or lines[0]))
        else:
            new = lines_to_pieces(lines, split_long_lines=False)
            if segment.kind == "item":
                for piece in new:
                    piece.single_line = False
            pieces.extend(new)
        if headline_seen:
            body_paragraphs += 1
    if not has_heading:
        _promote_first_line(pieces)
    pieces = attach_dash_lines(pieces)
    pieces = mark_boilerplate(pieces)
    mark_subheadings(pieces)
    mark_lead(pieces)
    author = fields.get("author") or None
    # With no outlet named, the host of the page's address names it, as for a page or a JSON record (a
    # clipped page with its "source:" address was an article of unknown outlet).
    article = build_article(
        pieces,
        id=stem,
        source=source,
        outlet=outlet or host_outlet(url),
        url=url,
        published=published,
        author=author,
    )
    notes = [f"{source}: {found.problem}"] if found.problem is not None else []
    unread = found.unread_date
    if unread is not None and "published" not in fields and published is None:
        # The one wording of a date field that is no date, as a JSON record's (naming file:line).
        notes.append(
            f"{source}:{unread.line}: {Errors.I066.format(key=unread.key, value=_shown(unread.value))}"
        )
    if notes:
        article = dataclasses.replace(article, notes=tuple(notes))
    return single(article)


def _promote_first_line(pieces: list[Piece]) -> None:
    """Without a ``#`` heading, a first short one-line paragraph is the headline, as in plain text:
    when text follows it (a text of one paragraph is the article, not a title over nothing)."""
    first = pieces[0] if len(pieces) > 1 else None
    if first and first.kind == "paragraph" and first.single_line and len(first.text) <= TITLE_MAX_CHARS:
        first.kind = "headline"


def _segments(tokens: list[Token]) -> list[_Segment]:
    """Flatten markdown-it's block tokens into headings, paragraphs, list items, quotes and code."""
    segments: list[_Segment] = []
    quote_depth = 0
    list_depth = 0
    quote_lines: list[str] = []
    heading = False
    table_depth = 0
    for token in tokens:
        kind = token.type
        if kind in ("table_open", "table_close"):
            table_depth += 1 if kind == "table_open" else -1
            continue
        if table_depth:
            continue
        if kind == "blockquote_open":
            quote_depth += 1
        elif kind == "blockquote_close":
            quote_depth -= 1
            if quote_depth == 0:
                segments.append(_Segment("quote", tuple(quote_lines)))
                quote_lines = []
        elif kind in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif kind in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif kind == "heading_open":
            heading = True
        elif kind == "heading_close":
            heading = False
        elif kind in ("inline", "fence", "code_block"):
            if kind == "inline":
                lines, bold = _inline_lines(token)
            else:
                lines, bold = _clean_lines(token.content.split("\n")), False
            if quote_depth:
                quote_lines.extend(lines)
            elif heading:
                segments.append(_Segment("heading", lines))
            elif kind != "inline":
                segments.append(_Segment("code", lines))
            else:
                segments.append(_Segment("item" if list_depth else "paragraph", lines, bold))
    return segments


def _inline_lines(token: Token) -> tuple[tuple[str, ...], bool]:
    """The plain text of an inline token, split at line breaks, and whether all of it is bold."""
    parts: list[str] = []
    strong = 0
    outside_bold = False
    inside_bold = False
    for child in token.children or ():
        if child.type == "strong_open":
            strong += 1
        elif child.type == "strong_close":
            strong = max(0, strong - 1)
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif child.type in ("text", "code_inline"):
            parts.append(child.content)
            if child.content.strip():
                inside_bold |= strong > 0
                outside_bold |= strong == 0
    return _clean_lines("".join(parts).split("\n")), inside_bold and not outside_bold


def _clean_lines(lines: list[str]) -> tuple[str, ...]:
    return tuple(collapse_spaces(_ESCAPED.sub(r"\1", _EMPTY_TARGET.sub("", line))) for line in lines)
