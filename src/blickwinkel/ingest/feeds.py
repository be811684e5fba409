"""RSS and Atom feeds: the one feed parser (feedparser), for feeds fetched from the web and saved
feed files alike.

A fetched feed's entries are fetched by their links; a saved feed file's entries are read as articles
from their own text (content, else summary), with their link, title, date and author.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import email.utils
import urllib.parse
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from blickwinkel.errors import Errors, IngestError
from blickwinkel.ingest._base import READERS, EntryLinks, ReadResult
from blickwinkel.ingest._blocks import Piece, build_article, plain_pieces
from blickwinkel.ingest._dates import parse_date_value
from blickwinkel.ingest.html import host_outlet
from blickwinkel.ingest.json_records import plain_text
from blickwinkel.ingest.urls import is_url
from blickwinkel.model import Article


def _entry_date(entry: Any, rss: bool) -> tuple[dt.date | None, tuple[str, str] | None]:
    """The date a feed entry gives, as written, and the field and value of a date it gives that is
    none blickwinkel reads (None when it reads one or none is given). feedparser's parsed times are
    in UTC ("Sat, 14 Jun 2025 01:30 +0200" gave 13 June), miss German forms ("So, 15 Jun 2025 10:00
    MESZ") and roll impossible dates over ("2025-13-45" gave 1 January 2026); its parse stands only
    where ours finds no date in a string that holds its year. ``rss``: the entry's ``published`` is
    written ``pubDate`` in the file (the warning names the field the user can find)."""
    unread: tuple[str, str] | None = None
    for raw_key, parsed_key in (("published", "published_parsed"), ("updated", "updated_parsed")):
        raw = str(entry.get(raw_key) or "")
        written = (parse_date_value(raw) or _rfc2822_date(raw)) if raw else None
        if written is not None:
            return written, None
        stamp = entry.get(parsed_key)
        if stamp and (not raw or str(stamp.tm_year) in raw):
            return dt.date(stamp.tm_year, stamp.tm_mon, stamp.tm_mday), None
        if raw.strip() and unread is None:
            unread = ("pubDate" if rss and raw_key == "published" else raw_key, raw.strip())
    return None, unread


def _rfc2822_date(text: str) -> dt.date | None:
    """The date of an RSS ``pubDate`` in its own time zone ("Sat, 14 Jun 2025 01:30:00 +0200")."""
    try:
        return email.utils.parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


@dataclass(frozen=True)
class FeedEntry:
    """One entry of a feed as written: its link (absolute, http(s) only, else None), date, title,
    author and its own text (content, else summary, as plain text; "" when it gives none)."""

    number: int
    link: str | None
    published: dt.date | None
    title: str | None
    author: str | None
    text: str
    # The field and value of a date the entry gives that blickwinkel does not read (I066).
    unread_date: tuple[str, str] | None = None
    # The link as written when it is no web address ("file:///…", "a1.html" in a saved file).
    other_link: str | None = None

    @property
    def name(self) -> str:
        """The entry as a warning names it: its title, else its link, else its number."""
        return (self.title or self.link or f"entry {self.number}")[:60]

    def date_note(self, source: str) -> str | None:
        """The warning for a date the entry gives that is no date blickwinkel reads (I066, as a JSON
        record's), naming the file, the entry (number and title) and the value; None without one."""
        if self.unread_date is None:
            return None
        key, value = self.unread_date
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        entry = f"{source}#{self.number}" + (f" ({self.title[:60]!r})" if self.title else "")
        return str(IngestError(entry, Errors.I066.format(key=key, value=shown)))


@dataclass(frozen=True)
class ParsedFeed:
    """A feed's entry links (made absolute, http(s) only) with their dates, its title, the entries
    that name no article's web address (no link, or another scheme), by title or number, and every
    entry as written (a saved feed file's articles are made of them)."""

    entries: list[tuple[str, dt.date | None]]
    title: str | None
    unlinked: tuple[str, ...] = ()
    items: tuple[FeedEntry, ...] = ()

    def unlinked_note(self, url: str, warned: set[str] | None = None) -> str | None:
        """The warning for the entries left out (they were left out without a word), or None.
        ``warned`` holds the entries named before (by feed address and entry) and takes the new
        ones: `watch` named the same entry again at every poll."""
        unlinked = list(self.unlinked)
        if warned is not None:
            unlinked = [t for t in unlinked if f"{url}\n{t}" not in warned]
            warned.update(f"{url}\n{t}" for t in unlinked)
        if not unlinked:
            return None
        return _linkless_note(url, unlinked, len(self.unlinked) + len(self.entries))


def _linkless_note(source: str, names: Sequence[str], total: int) -> str:
    """The warning I073 for the feed entries ``names`` (of ``total``) that give no article's address;
    the first three are named."""
    shown = ", ".join(repr(n) for n in names[:3]) + (" …" if len(names) > 3 else "")
    return f"{source}: {Errors.I073.format(count=len(names), total=total, shown=shown)}"


def parse_feed(url: str, body: bytes, *, charset: str | None = None) -> ParsedFeed:
    """The entry links (made absolute against the feed's address, else the address the feed gives
    for itself; http(s) only) with their dates, the feed's title, the entries left out for want of
    an article's address, and every entry as written. ``charset``: the encoding of ``body`` when it
    is known (a saved file's text, decoded by the file reader), over what the XML declaration says."""
    import feedparser

    headers = {"content-type": f"application/xml; charset={charset}"} if charset else None
    parsed: Any = feedparser.parse(body, response_headers=headers)
    if parsed.get("bozo") and not parsed.get("entries"):
        raise IngestError(url, Errors.I055.format(exc=parsed.get("bozo_exception")))
    base = url if is_url(url) else str(parsed.get("feed", {}).get("link") or "")
    rss = str(parsed.get("version") or "").startswith("rss") and parsed.get("version") != "rss10"
    entries: list[tuple[str, dt.date | None]] = []
    unlinked: list[str] = []
    items: list[FeedEntry] = []
    for number, entry in enumerate(parsed.get("entries", []), start=1):
        written = str(entry.get("link") or "")
        link = urllib.parse.urljoin(base, written) if written else ""
        published, unread = _entry_date(entry, rss)
        items.append(
            FeedEntry(
                number,
                link if is_url(link) else None,
                published,
                _text_field(entry.get("title")) or None,
                _text_field(entry.get("author")) or None,
                _entry_text(entry),
                unread,
                None if not link or is_url(link) else written,
            )
        )
        if not is_url(link):
            unlinked.append(str(entry.get("title") or f"entry {number}")[:60])
            continue
        entries.append((link, published))
    title = parsed.get("feed", {}).get("title")
    return ParsedFeed(entries, str(title) if title else None, tuple(unlinked), tuple(items))


def _text_field(value: object) -> str:
    return " ".join(plain_text(str(value)).split()) if value else ""


def _entry_text(entry: Any) -> str:
    """An entry's own text: its full content, else its summary (HTML made plain text)."""
    for content in entry.get("content") or ():
        text = plain_text(str(content.get("value") or "")).strip()
        if text:
            return text
    return plain_text(str(entry.get("summary") or "")).strip()


def entry_article(entry: FeedEntry, *, source: str, stem: str, outlet: str | None) -> Article | None:
    """The article a saved feed's entry holds (its title the headline), or None when it holds no
    text of its own. ``source`` is the file; the article's is "file#number", as a JSON list's
    record's."""
    if not entry.text:
        return None
    pieces = [Piece("headline", entry.title)] if entry.title else []
    pieces.extend(plain_pieces(entry.text, title_line=False).pieces)
    try:
        article = build_article(
            pieces,
            id=f"{stem}-{entry.number}",
            source=f"{source}#{entry.number}",
            outlet=host_outlet(entry.link) or outlet,
            url=entry.link,
            published=entry.published,
            author=entry.author,
        )
    except IngestError:  # nothing but markup
        return None
    note = entry.date_note(source)
    return article if note is None else dataclasses.replace(article, notes=(*article.notes, note))


@READERS.register("feed")
def read_feed(text: str, *, source: str, stem: str) -> ReadResult:
    """A saved RSS or Atom file, read as a JSON list is: each entry with text of its own (content,
    else summary) an article, with the entry's link, title, date and author ("file#2" its source).
    The entries with only a link come back in ``links`` (fetched with ``--fetch-links``, else named,
    I074); those with neither are named in a warning (I073); a file with no entry fails (I077).
    Every command that reads files reads it (only `ingest` did; `compare` and `stories` refused it
    as a page, I032)."""
    feed = parse_feed(source, text.encode("utf-8"), charset="utf-8")
    if not feed.items:  # it said nothing: "0 stored, 0 failed"
        raise IngestError(source, Errors.I077)
    articles: list[Article] = []
    links: list[tuple[str, dt.date | None]] = []
    notes: list[str] = []
    for entry in feed.items:
        article = entry_article(entry, source=source, stem=stem, outlet=feed.title)
        if article is not None:
            articles.append(article)
            continue
        if entry.link is None:
            continue  # named below, not read at all
        links.append((entry.link, entry.published))
        note = entry.date_note(source)  # an entry to fetch still says its date was not read
        if note is not None:
            notes.append(note)
    linkless = [e for e in feed.items if not e.text and e.link is None]
    to_files = [e.other_link or "" for e in linkless if e.other_link]
    if to_files:
        # an entry pointing at a file was told "no link, or not http/https" only
        shown = ", ".join(to_files[:3]) + (" …" if len(to_files) > 3 else "")
        notes.insert(
            0, f"{source}: {Errors.I083.format(count=len(to_files), total=len(feed.items), shown=shown)}"
        )
    unnamed = [e.name for e in linkless if not e.other_link]
    if unnamed:
        notes.insert(0, _linkless_note(source, unnamed, len(feed.items)))
    pending = (EntryLinks(source, tuple(links), len(feed.items)),) if links else ()
    return ReadResult(tuple(articles), (), notes=tuple(notes), links=pending)
