"""A fetched web page turned into an :class:`~blickwinkel.model.Article`."""

from __future__ import annotations

import dataclasses
import datetime as dt

from blickwinkel.ingest._inputs import read_text
from blickwinkel.ingest.fetch import Fetched, without_credentials
from blickwinkel.ingest.html import host_outlet
from blickwinkel.model import Article


def article_from_page(url: str, fetched: Fetched, *, published: dt.date | None = None) -> Article:
    """The article of a fetched HTML page; the requested URL (without credentials, which are never
    stored) is its identity, the host its outlet when the page names none."""
    url = without_credentials(url)
    article = read_text(fetched.text(), source=url, fmt="html")
    return dataclasses.replace(
        article,
        url=url,
        outlet=article.outlet or host_outlet(url),
        published=article.published or published,
    )
