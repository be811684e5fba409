"""What every reader returns and the registry readers add themselves to.

A reader turns decoded text into articles: ``reader(text, source=..., stem=...)`` returns a
:class:`ReadResult`. ``source`` names the input in messages; ``stem`` is the slug ids are made from.
Readers of one-article formats raise :class:`~blickwinkel.errors.IngestError`; readers of record
formats (JSON lists, JSONL) return the good records and one error per bad record.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Protocol

from blickwinkel.errors import Errors, IngestError
from blickwinkel.model import Article
from blickwinkel.registry import Registry


@dataclass(frozen=True)
class EntryLinks:
    """A saved feed's entries that give a link but no text of their own (with each entry's date):
    fetched when asked for (``--fetch-links``), else named in a warning (I074). ``listed``: the
    addresses of a list of web addresses (``ingest/url_list.py``), read as addresses given on the
    command line are (fetched by the commands that fetch, else refused one by one, I065)."""

    source: str
    links: tuple[tuple[str, dt.date | None], ...]
    entries: int  # all the feed's entries
    listed: bool = False

    def note(self, message: str = Errors.I074) -> str:
        """The warning when they are not fetched: ``message`` (I074, the commands'; W031, the web
        service's) with their count and the first three."""
        shown = ", ".join(link for link, _ in self.links[:3]) + (" …" if len(self.links) > 3 else "")
        return f"{self.source}: {message.format(count=len(self.links), total=self.entries, shown=shown)}"


@dataclass(frozen=True)
class ReadResult:
    """The articles read from some inputs and one error for each input (or record) that failed;
    ``notes`` are warnings that belong to no one article (a saved feed's entries left out), ``links``
    a saved feed's entries to fetch (:func:`~blickwinkel.ingest.read_inputs` fetches them or names
    them in ``notes``)."""

    articles: tuple[Article, ...]
    failures: tuple[IngestError, ...]
    notes: tuple[str, ...] = ()
    links: tuple[EntryLinks, ...] = ()


class Reader(Protocol):
    def __call__(self, text: str, *, source: str, stem: str) -> ReadResult: ...


READERS: Registry[Reader] = Registry("reader")

# File-name endings and the reader that takes them; other endings are sniffed from the content.
# A plugin adds a reader with ``READERS.add(name, reader)`` and its endings here.
EXTENSIONS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
}


def single(article: Article) -> ReadResult:
    return ReadResult(articles=(article,), failures=())
