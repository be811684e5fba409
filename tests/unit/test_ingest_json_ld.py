"""A page whose text is only in its JSON-LD article (``articleBody``) is read from there. Invented pages."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest import read_text
from blickwinkel.ingest._json_ld import json_ld_article

BODY = (
    "The ferry between Kalmstedt and Oberhaven will not run on Saturday, the operator said on Friday.\n\n"
    "A storm is expected over the bay, and the harbour office has asked all boats to stay in port.\n\n"
    '"We will not take any risks with passengers on board," said Tove Brandt, who runs the line.'
)
SHELL = (
    '<!doctype html><html lang="en"><head><title>Ferry stops for the storm | Harbour Post</title>'
    "{scripts}</head>"
    '<body><nav><a href="/">Home</a> <a href="/news">News</a></nav><div id="app">Loading</div>'
    "<noscript>Please enable JavaScript.</noscript></body></html>"
)


def page(*objects: object, raw: str = "") -> str:
    scripts = "".join(f'<script type="application/ld+json">{json.dumps(o)}</script>' for o in objects)
    return SHELL.format(scripts=scripts + raw)


NEWS = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    "headline": "Ferry stops for the storm",
    "datePublished": "2026-03-02T08:15:00+01:00",
    "author": [{"@type": "Person", "name": "Mara Lind"}, {"@type": "Person", "name": "Jonas Ek"}],
    "publisher": {"@type": "Organization", "name": "Harbour Post"},
    "mainEntityOfPage": {"@type": "WebPage", "@id": "https://harbour-post.example/ferry?utm_source=x"},
    "articleBody": BODY,
}


def test_a_page_that_renders_its_text_with_scripts_is_read_from_its_json_ld_article() -> None:
    # It failed with I031 "no article text found" although the whole article was in the page.
    article = read_text(page({"@type": "WebSite", "name": "Harbour Post"}, NEWS), source="ferry.html")
    assert article.title == "Ferry stops for the storm"
    assert article.published == dt.date(2026, 3, 2)
    assert article.author == "Mara Lind, Jonas Ek"
    assert article.outlet == "Harbour Post"
    assert article.url == "https://harbour-post.example/ferry"
    assert [b.kind for b in article.blocks] == ["headline", "lead", "paragraph", "paragraph"]
    assert article.text.endswith("said Tove Brandt, who runs the line.")


def test_the_article_may_sit_in_a_graph_with_markup_in_its_body() -> None:
    news = dict(NEWS, **{"@type": ["ReportageNewsArticle"], "author": "Mara Lind"})
    news["articleBody"] = "<p>" + BODY.replace("\n\n", "</p><p>").replace('"', "&quot;") + "</p>"
    del news["publisher"]
    article = read_text(page({"@context": "https://schema.org", "@graph": [news]}), source="ferry.html")
    assert article.author == "Mara Lind" and article.outlet == "Harbour Post"  # from the <title>
    assert "<p>" not in article.text and '"We will not take' in article.text


@pytest.mark.parametrize(
    ("address", "url"),
    [
        (
            {"url": "/ferry", "mainEntityOfPage": "https://harbour-post.example/ferry"},
            "https://harbour-post.example/ferry",
        ),
        ({"url": "javascript:void(0)", "mainEntityOfPage": {"@id": "#main"}}, None),
        ({"url": "http://[bad"}, None),
    ],
)
def test_only_an_absolute_web_address_is_the_articles_url(
    address: dict[str, object], url: str | None
) -> None:
    # A path alone or another scheme was kept as the article's address.
    news = {k: v for k, v in NEWS.items() if k != "mainEntityOfPage"} | address
    assert read_text(page(news), source="ferry.html").url == url


@pytest.mark.parametrize(
    "scripts",
    [
        [],
        [dict(NEWS, articleBody="Ferry stops on Saturday.")],  # a teaser is no article
        [{"@type": "WebPage", "name": "Ferry stops", "description": BODY}],  # no article type
    ],
)
def test_a_page_without_an_article_body_still_fails_with_i031(scripts: list[object]) -> None:
    with pytest.raises(IngestError, match=r"\[I031\]"):
        read_text(page(*scripts), source="ferry.html")


def test_broken_or_endless_scripts_are_no_article() -> None:
    assert json_ld_article(page(raw='<script type="application/ld+json">{"@type": "NewsArt')) is None
    assert json_ld_article('<script type="application/ld+json">' * 5000) is None
    broken_then_good = page(NEWS, raw='<script type="application/ld+json">{oops</script>')
    found = json_ld_article(broken_then_good)
    assert found is not None and found.body == BODY


def test_accessibility_for_free_is_read_as_written() -> None:
    assert json_ld_article(page(dict(NEWS, isAccessibleForFree="False"))).free is False  # type: ignore[union-attr]
    assert json_ld_article(page(dict(NEWS, isAccessibleForFree=True))).free is True  # type: ignore[union-attr]
    assert json_ld_article(page(NEWS)).free is None  # type: ignore[union-attr]
