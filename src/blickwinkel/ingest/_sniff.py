"""Which reader takes an input: by file-name ending, else by what the text looks like."""

from __future__ import annotations

import json
import re
from pathlib import PurePath

from blickwinkel.ingest._base import EXTENSIONS
from blickwinkel.ingest.url_list import listed_addresses

_MARKUP = re.compile(r"<(?:!doctype|!--|\?xml|[a-z][a-z0-9-]*[\s/>])", re.IGNORECASE)
_MARKDOWN_HEADING = re.compile(r"^#{1,6}[ \t]+\S", re.MULTILINE)
# Bounded repeats that stop at the next bracket: unbounded ones rescanned to the end of the line from
# every "[" or "**" (a line of 20,000 "[" took 5 s); link texts and targets are far shorter.
_MARKDOWN_LINK = re.compile(r"\[[^\[\]\n]{1,500}\]\([^()\[\]\s]{0,2000}\)")
_MARKDOWN_QUOTE = re.compile(r"^>[ \t]?\S", re.MULTILINE)
_MARKDOWN_BOLD = re.compile(r"\*\*[^*\n]{1,500}\*\*")
# A front matter block's start: a "---" line, then a "key:" line (markdown exports of sites and notes),
# or Hugo's "+++" line, then a "key =" line.
_FRONT_MATTER_START = re.compile(
    r"\A\ufeff?(?:---[ \t]*\r?\n[A-Za-z_][\w-]*[ \t]*:|\+\+\+[ \t]*\r?\n[A-Za-z_][\w-]*[ \t]*=)"
)
# An RSS, RDF or Atom document: its root element after the XML declaration, comments and processing
# instructions. Read as a page it gave "no article text found", which sent users looking for a broken
# page instead of at `feeds add`.
_FEED_ROOT = re.compile(r"(?:<\?[^>]*\?>|<!--.*?-->|\s)*<(?:rss|feed|rdf:RDF)[\s>]", re.DOTALL)


def is_feed_document(text: str) -> bool:
    """Whether ``text`` (its first characters suffice) is an RSS, RDF or Atom document."""
    return _FEED_ROOT.match(text[:2000].lstrip("\ufeff")) is not None


def format_for(name: str, text: str) -> str:
    """The reader name for a file called ``name`` holding ``text``. A saved RSS or Atom file is a
    feed whatever its ending (.xml, .rss, or .html from a browser's "save as"): only `ingest` read
    one, `compare` and `stories` refused it as a page (I032)."""
    if is_feed_document(text):
        return "feed"
    fmt = EXTENSIONS.get(PurePath(name).suffix.lower())
    if fmt == "text" and listed_addresses(text) is not None:
        return "urls"  # stored as an article whose text was its addresses
    if fmt == "text" and looks_like_markdown(text):
        return "markdown"
    return fmt or sniff(text)


def sniff(text: str) -> str:
    """Guess the format of text without a telling file name: feed, html, json, jsonl, markdown, urls
    (a list of web addresses, one a line) or text."""
    if is_feed_document(text):
        return "feed"
    head = text.lstrip("\ufeff \t\r\n")
    if _MARKUP.match(head[:200]):
        return "html"
    if head[:1] in "{[" and head:
        try:
            json.loads(text)
        except (ValueError, RecursionError):
            if _is_json_lines(head):
                return "jsonl"
            if head.startswith("{"):
                return "json"  # so the reader can say where the JSON is broken
        else:
            return "json"
    if listed_addresses(text) is not None:
        return "urls"  # before markdown: a "# comment" line is a heading's shape
    if looks_like_markdown(text):
        return "markdown"
    return "text"


def looks_like_markdown(text: str) -> bool:
    """``#`` headings, ``[text](target)`` links, ``>`` quotes, ``**bold**`` or front matter: markdown,
    not plain text."""
    return any(
        pattern.search(text)
        for pattern in (
            _FRONT_MATTER_START,
            _MARKDOWN_HEADING,
            _MARKDOWN_LINK,
            _MARKDOWN_QUOTE,
            _MARKDOWN_BOLD,
        )
    )


def _is_json_lines(text: str) -> bool:
    lines = [line for line in text.split("\n")[:5] if line.strip()]
    try:
        return bool(lines) and all(isinstance(json.loads(line), dict) for line in lines)
    except (ValueError, RecursionError):
        return False
