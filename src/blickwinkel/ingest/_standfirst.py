"""The standfirst of an article page: the short paragraph under the headline that sums the story up
(``<p class="teaser">``, ``<p class="lead">``, ``<div class="intro">``, ``<p class="standfirst">``,
``<p class="article__lead">``, …). trafilatura drops several of these shapes — any element whose
class names a teaser, text set directly in a ``<div>``, and whatever stands in the article's
``<header>`` — so a fact an outlet gave only there (the example Tageblatt's repair cost) was lost.
The HTML reader puts the standfirst back before the body when the extraction lost it.

A standfirst is the first ``<p>`` or ``<div>`` after the page's ``<h1>`` whose class or id names one
(one of :data:`STANDFIRST_WORDS` as a whole part of the name: "article__lead", "c-intro",
"IntroText"; not "leading" or "introduction-box"), outside navigation, asides, footers, lists and
links, holding no link, heading, list or table (a teaser of another article is a link) and
:data:`MIN_WORDS` to :data:`MAX_WORDS` words. The words were chosen from general knowledge of how
news sites mark their standfirsts, tried on our own invented pages only.
"""

from __future__ import annotations

import re
from typing import Any

STANDFIRST_WORDS = frozenset(
    "teaser teasertext intro introtext lead leadtext standfirst summary dek deck excerpt abstract".split()
)
MIN_WORDS = 5
MAX_WORDS = 90
# A cheap look first: a page that names none of the words in a class or id needs no parse.
_NAMED = re.compile(
    r"""(?:class|id)\s*=\s*["'][^"']*(?:teaser|intro|lead|standfirst|summary|dek|deck|excerpt|abstract)""",
    re.IGNORECASE,
)
_NAME_PART = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_OUTSIDE = frozenset({"nav", "aside", "footer", "a", "li", "ul", "ol", "table", "figure", "form", "button"})
_NOT_INSIDE = ("a", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "figure", "img", "form")


def standfirst(page: str) -> str | None:
    """The standfirst paragraph of ``page``, its words joined by single spaces; None when it has none."""
    if not _NAMED.search(page):
        return None
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(page)
    except Exception:  # lxml raises many kinds of errors on broken markup; the reader reports it
        return None
    headline = next(root.iter("h1"), None)
    after = headline is None
    for element in root.iter():
        if element is headline:
            after = True
            continue
        if not after or element.tag not in ("p", "div") or not _named_standfirst(element):
            continue
        if any(a.tag in _OUTSIDE for a in element.iterancestors()):
            continue
        if any(inner is not element for inner in element.iter(*_NOT_INSIDE)):
            continue
        words = element.text_content().split()
        if MIN_WORDS <= len(words) <= MAX_WORDS:
            return " ".join(words)
    return None


def _named_standfirst(element: Any) -> bool:
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return any(part.lower() in STANDFIRST_WORDS for part in _NAME_PART.findall(names))
