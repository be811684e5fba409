"""Properties of the HTML reader's two new page rewrites on any markup, broken or hostile: the block
quote rewrite (speakers of <blockquote>s) and the front-page check never raise, and a page without
what they look for comes back as it was."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.ingest._teasers import front_page_teasers
from blickwinkel.ingest.html import attributed_quotes

# Pieces of markup that meet, nest and break in every order: open and close tags of what the two
# rewrites look for, a link, words, entities and stray brackets.
PIECES = (
    "<blockquote>", "</blockquote>", "<figure>", "</figure>", "<figcaption>", "</figcaption>",
    "<cite>", "</cite>", "<footer>", "</footer>", "<p>", "</p>", "<h2>", "</h2>", "<h3>", "</h3>",
    "<a href='/x'>", "</a>", "Ein Satz mit Worten. ", "word ", "— ", "&amp;", "&#x0;", "<", ">", "</",
    "<blockquote", "<cite/>", "<!--", "-->", "<script>", "</script>", "<![CDATA[", "\x00", "ü",
)  # fmt: skip
pages = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


@settings(max_examples=150)
@given(pages)
def test_the_rewrites_never_raise_on_any_markup(page: str) -> None:
    rewritten = attributed_quotes(page)
    assert isinstance(rewritten, str)
    assert front_page_teasers(page) >= 0


@settings(max_examples=60)
@given(st.lists(st.sampled_from([p for p in PIECES if "blockquote" not in p]), max_size=60).map("".join))
def test_a_page_without_a_block_quote_comes_back_unchanged(page: str) -> None:
    assert attributed_quotes(page) == page
