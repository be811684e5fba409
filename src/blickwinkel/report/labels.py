"""How every view names an article's outlet and links to a statement: terminal, HTML report and web."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

from blickwinkel.model import Article


def _article_id(article: Article) -> str:
    return article.id


def outlet_labels(
    articles: Iterable[Article], *, untitled: Callable[[Article], str] = _article_id
) -> dict[str, str]:
    """A label per article id: its outlet, with the article id added when two articles share the
    outlet; ``untitled(article)`` (the article id unless given) when it names no outlet."""
    items = list(articles)
    counts = Counter(a.outlet for a in items if a.outlet)
    return {
        a.id: (a.outlet if counts[a.outlet] == 1 else f"{a.outlet} ({a.id})") if a.outlet else untitled(a)
        for a in items
    }


def idsafe(value: str) -> str:
    """An id attribute value: HTML ids may hold anything but whitespace."""
    return re.sub(r"\s", "_", value)


def statement_anchor(statement_id: str) -> str:
    """The HTML id of a statement's span (``#st-…`` links to it)."""
    return "st-" + idsafe(statement_id)
