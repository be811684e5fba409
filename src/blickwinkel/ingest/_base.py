"""What every reader returns and the registry readers add themselves to.

A reader turns decoded text into articles: ``reader(text, source=..., stem=...)`` returns a
:class:`ReadResult`. ``source`` names the input in messages; ``stem`` is the slug ids are made from.
Readers of one-article formats raise :class:`~blickwinkel.errors.IngestError`; readers of record
formats (JSON lists, JSONL) return the good records and one error per bad record.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from blickwinkel.errors import IngestError
from blickwinkel.model import Article
from blickwinkel.registry import Registry


@dataclass(frozen=True)
class ReadResult:
    """The articles read from some inputs and one error for each input (or record) that failed."""

    articles: tuple[Article, ...]
    failures: tuple[IngestError, ...]


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
}


def single(article: Article) -> ReadResult:
    return ReadResult(articles=(article,), failures=())
