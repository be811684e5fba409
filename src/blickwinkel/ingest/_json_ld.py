"""The schema.org article a page declares in JSON-LD (``<script type="application/ld+json">``).

Pages that render their text with scripts often carry the whole article in ``articleBody`` of a
``NewsArticle`` (for search engines); with no paragraphs in the markup, the HTML reader reads it from
there. ``isAccessibleForFree`` tells a paywalled article (Google's structured data for subscription
content). Only the first scripts of a page are read, each bounded, so a hostile page stays linear.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from blickwinkel.ingest.urls import web_address

MAX_SCRIPTS = 20
MAX_SCRIPT_CHARS = 2_000_000
# A bounded search (a page of endless "<script" without ">" stays linear).
_SCRIPT_OPEN = re.compile(r"<script\b([^<>]{0,500})>", re.IGNORECASE)
_JSON_LD = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.IGNORECASE)
# The article types of schema.org: Article and its kinds (NewsArticle, ReportageNewsArticle,
# OpinionNewsArticle, …), and the blog posts news sites use for the same.
_ARTICLE_TYPE = re.compile(r"(?:\w*Article|BlogPosting)")


@dataclass(frozen=True)
class JsonLdArticle:
    """What the page's article object says; ``free`` is ``isAccessibleForFree`` (None when unsaid)."""

    headline: str | None = None
    published: str | None = None
    authors: tuple[str, ...] = ()
    body: str | None = None
    publisher: str | None = None
    url: str | None = None
    free: bool | None = None


def json_ld_article(page: str) -> JsonLdArticle | None:
    """The first article object of the page's JSON-LD scripts (also inside ``@graph`` or a list), the
    one with a body first; None when the page declares none."""
    found: list[JsonLdArticle] = []
    lowered = page.lower()
    scripts = 0
    for opening in _SCRIPT_OPEN.finditer(page):
        if not _JSON_LD.search(opening.group(1)):
            continue
        scripts += 1
        if scripts > MAX_SCRIPTS:
            break
        end = lowered.find("</script", opening.end(), opening.end() + MAX_SCRIPT_CHARS)
        if end < 0:
            continue
        try:
            data = json.loads(page[opening.end() : end])
        except (ValueError, RecursionError):
            continue  # a broken script is no article; the page's markup is still read
        found += [_article(item) for item in _objects(data) if _is_article(item)]
    with_body = [a for a in found if a.body]
    return next(iter(with_body or found), None)


def _objects(data: Any, depth: int = 0) -> list[dict[str, Any]]:
    """The objects of a JSON-LD value: itself, the items of a list and of ``@graph``."""
    if depth > 3:
        return []
    if isinstance(data, list):
        return [o for item in data[:200] for o in _objects(item, depth + 1)]
    if not isinstance(data, dict):
        return []
    return [data, *_objects(data.get("@graph"), depth + 1)]


def _is_article(item: dict[str, Any]) -> bool:
    kinds = item.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and _ARTICLE_TYPE.fullmatch(k.rsplit("/", 1)[-1]) for k in kinds)


def _article(item: dict[str, Any]) -> JsonLdArticle:
    free = item.get("isAccessibleForFree")
    if isinstance(free, str):  # often written as a string: "False", "false"
        free = {"true": True, "false": False}.get(free.strip().lower())
    return JsonLdArticle(
        headline=_text(item.get("headline")) or _text(item.get("name")),
        published=_text(item.get("datePublished")) or _text(item.get("dateCreated")),
        authors=_names(item.get("author")),
        body=_text(item.get("articleBody")),
        publisher=next(iter(_names(item.get("publisher"))), None),
        url=web_address(_text(item.get("url"))) or web_address(_address(item.get("mainEntityOfPage"))),
        free=free if isinstance(free, bool) else None,
    )


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _names(value: object) -> tuple[str, ...]:
    """Names of a person or organisation value: a string, an object with "name", or a list of them."""
    items = value if isinstance(value, list) else [value]
    names = [_text(i.get("name")) if isinstance(i, dict) else _text(i) for i in items[:20]]
    return tuple(n for n in names if n)


def _address(value: object) -> str | None:
    """``mainEntityOfPage`` as a URL string or an object with "@id" (or "url")."""
    if isinstance(value, dict):
        return _text(value.get("@id")) or _text(value.get("url"))
    return _text(value)
