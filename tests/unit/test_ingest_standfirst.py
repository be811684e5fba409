"""The standfirst under an article page's headline is article text before the body (ingest/_standfirst.py),
whatever shape the site gives it; teasers of other articles stay out. Invented pages."""

from __future__ import annotations

import pytest

from blickwinkel.ingest import read_text
from blickwinkel.ingest._standfirst import standfirst

HEADLINE = "<h1>Ferry back in Nordholm harbour</h1>"
SUMMARY = "After two days of storm the ferry Gull is back in Nordholm; the repairs will cost 40,000 euros."
BODY = "".join(
    f"<p>Paragraph {n}: the ferry docked in the morning and the passengers went ashore calmly, the harbour "
    "master said later that day.</p>"
    for n in range(4)
)


def _page(article: str, before: str = "", after: str = "") -> str:
    return (
        "<html><head><title>Ferry back in Nordholm harbour</title></head><body>"
        f"{before}<article>{article}</article>{after}</body></html>"
    )


@pytest.mark.parametrize(
    "shape",
    [
        '<p class="teaser">{}</p>',
        '<p class="teasertext">{}</p>',
        '<p class="c-teaser__text">{}</p>',
        '<div class="teaser"><p>{}</p></div>',
        '<div class="intro">{}</div>',
        '<div class="lead">{}</div>',
        '<div class="standfirst">{}</div>',
        '<p class="article__lead">{}</p>',
        '<p class="atc-IntroText">{}</p>',
        '<p class="lead">{}</p>',  # kept by the extraction: not given twice
        '<p class="intro"><strong>{}</strong></p>',
    ],
)
def test_a_standfirst_is_article_text_before_the_body(shape: str) -> None:
    article = read_text(_page(HEADLINE + shape.format(SUMMARY) + BODY), source="ferry.html")
    assert article.lead == SUMMARY
    assert article.text.count("40,000 euros") == 1
    assert article.text.index("40,000 euros") < article.text.index("Paragraph 0")


def test_a_standfirst_in_the_article_header_is_kept() -> None:
    # trafilatura drops the <header> of an article with everything in it
    page = _page(f'<header>{HEADLINE}<p class="lead">{SUMMARY}</p></header>{BODY}')
    assert read_text(page, source="ferry.html").lead == SUMMARY


@pytest.mark.parametrize(
    ("article", "before", "after"),
    [
        # a teaser of another article is a link, in a list or an aside
        (HEADLINE + f'<p class="teaser"><a href="/other">{SUMMARY}</a></p>' + BODY, "", ""),
        (HEADLINE + BODY, "", f'<aside><p class="teaser">{SUMMARY}</p></aside>'),
        (HEADLINE + BODY + f'<ul><li class="teaser">{SUMMARY}</li></ul>', "", ""),
        # before the headline: the site's own banner, not this article's standfirst
        (HEADLINE + BODY, f'<div class="intro">{SUMMARY}</div>', ""),
        # a class that only begins with one of the words
        (HEADLINE + f'<div class="leading-loose">{SUMMARY}</div>' + BODY, "", ""),
    ],
)
def test_teasers_of_other_articles_and_other_classes_are_no_standfirst(
    article: str, before: str, after: str
) -> None:
    page = _page(article, before, after)
    assert standfirst(page) is None


def test_a_page_without_the_words_is_not_parsed_and_broken_markup_gives_none() -> None:
    assert standfirst(_page(HEADLINE + BODY)) is None
    assert standfirst('<p class="lead">' + "\x00" * 10) is None
    assert standfirst(_page(HEADLINE + '<p class="lead">Too short.</p>' + BODY)) is None
