"""A fetched web page turned into an :class:`~blickwinkel.model.Article`."""

from __future__ import annotations

import dataclasses
import datetime as dt

from blickwinkel.errors import Errors, IngestError
from blickwinkel.ingest._inputs import read_text
from blickwinkel.ingest._sniff import is_feed_document
from blickwinkel.ingest.fetch import Fetched, Fetcher
from blickwinkel.ingest.html import host_outlet
from blickwinkel.ingest.urls import article_url, without_tracking
from blickwinkel.model import Article

# What a server's Content-Type says the body is, where it is no HTML page: a plain text or markdown
# file, one JSON record. Read as HTML, they failed with "no article text found (the page has no main
# text trafilatura could extract)", which sent the user looking for a broken page.
_FORMATS = {"text/markdown": "markdown", "text/x-markdown": "markdown", "application/json": "json"}
# Bodies whose format is told by the address's ending and the content, as a file's is (a server may
# send an HTML page as text/plain: its markup still makes it a page).
_SNIFFED = {"", "text/plain", "application/octet-stream", "binary/octet-stream"}


def article_from_page(url: str, fetched: Fetched, *, published: dt.date | None = None) -> Article:
    """The article of a fetched HTML page (or plain text, markdown or JSON record, as its Content-Type
    says); the requested URL (in its kept form, :func:`article_url`) is its identity, the host its
    outlet when the page names none."""
    url = article_url(url)
    kind = fetched.content_type.split(";")[0].strip().lower()
    if kind in _FORMATS or kind in _SNIFFED:
        fmt = _FORMATS.get(kind)
    elif "html" in kind or "xml" in kind or kind.startswith("text/"):
        fmt = "html"
    else:  # a PDF, an image, a video: "no article text found" said nothing of what came back
        raise IngestError(url, Errors.I056.format(kind=kind))
    text = fetched.text()
    if fmt is None and is_feed_document(text):
        fmt = "html"  # a feed at an article's address: refused with a pointer to `feeds add` (I032)
    article = read_text(text, source=url, fmt=fmt)
    return dataclasses.replace(
        article,
        url=url,
        outlet=article.outlet or host_outlet(url),
        published=article.published or published,
    )


_FEED_TYPES = ("rss", "atom", "xml")


def looks_like_feed(fetched: Fetched) -> bool:
    """Whether a fetched body is an RSS or Atom feed (by its Content-Type, else its first bytes)."""
    kind = fetched.content_type.split(";")[0].strip().lower()
    if any(k in kind for k in _FEED_TYPES) and "html" not in kind:
        return True
    head = fetched.body[:500].lstrip().lower()
    return head.startswith(b"<?xml") and (b"<rss" in head or b"<feed" in head or b"<rdf" in head)


def fetch_article(fetcher: Fetcher, url: str) -> Article:
    """The article at ``url``, fetched under ``fetcher``'s policy (an input of ``compare``); a feed is
    refused as the HTML reader refuses one (I032, a pointer to ``feeds add`` and ``ingest``)."""
    url = without_tracking(url)
    return article_from_page(url, fetcher.get(url))
