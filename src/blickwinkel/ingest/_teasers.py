"""A saved front or section page: a list of teasers (a linked headline and a line or two each) with no
article of its own. trafilatura reads such a page as one "article" made of the teasers, whose
statements are facts of a dozen stories; the readers refuse it instead (Errors.I058).

A teaser is the largest element around a linked headline (``<h2><a href>…</a></h2>`` or
``<a href><h3>…</h3></a>``) that holds no other linked headline and few words. A page with
:data:`MIN_TEASERS` teasers or more and fewer than :data:`MIN_BODY_PARAGRAPHS` paragraphs of its
own (outside the teasers, of :data:`BODY_PARAGRAPH_WORDS` words or more) is a page of teasers; an
article with a box of related links keeps its paragraphs and is read as before.
"""

from __future__ import annotations

import re
from typing import Any

# Set by hand from what a front page and an article page look like (our own test pages), not
# measured on any data set.
MIN_TEASERS = 5
MAX_TEASER_WORDS = 80
BODY_PARAGRAPH_WORDS = 25
MIN_BODY_PARAGRAPHS = 2
MIN_HEADLINE_WORDS = 2

_HEADING_TAGS = ("h1", "h2", "h3", "h4")
# A cheap look first: a page with fewer headings than teasers needs no parse.
_HEADING = re.compile(r"<h[1-4][\s>]", re.IGNORECASE)


def front_page_teasers(page: str) -> int:
    """How many teasers ``page`` lists when it is a page of teasers with no article of its own, else 0."""
    if len(_HEADING.findall(page)) < MIN_TEASERS:
        return 0
    from lxml import html as lxml_html

    try:
        root = lxml_html.document_fromstring(page)
    except Exception:  # lxml raises many kinds of errors on broken markup; the reader reports it
        return 0
    headlines = [h for h in root.iter(*_HEADING_TAGS) if _linked(h) and _words(h) >= MIN_HEADLINE_WORDS]
    if len(headlines) < MIN_TEASERS:
        return 0
    marked = set(map(id, headlines))
    teasers = []
    for headline in headlines:
        box = headline
        parent = box.getparent()
        while parent is not None and _headlines_in(parent, marked) == 1:
            box, parent = parent, parent.getparent()
        if _words(box) <= MAX_TEASER_WORDS:
            teasers.append(box)
    if len(teasers) < MIN_TEASERS:
        return 0
    inside = {id(e) for teaser in teasers for e in teaser.iter()}
    body = [p for p in root.iter("p") if id(p) not in inside and _words(p) >= BODY_PARAGRAPH_WORDS]
    return len(teasers) if len(body) < MIN_BODY_PARAGRAPHS else 0


def _linked(heading: Any) -> bool:
    """A headline that is a link or sits in one."""
    if any(a.get("href") for a in heading.iter("a")):
        return True
    return any(a.tag == "a" and a.get("href") for a in heading.iterancestors())


def _headlines_in(element: Any, marked: set[int]) -> int:
    return sum(1 for e in element.iter(*_HEADING_TAGS) if id(e) in marked)


def _words(element: Any) -> int:
    return len(element.text_content().split())
