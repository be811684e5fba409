"""A saved front page (a list of teasers) is refused with I058 naming the file; an article page with a
box of related links is read as before. Invented pages."""

from __future__ import annotations

from pathlib import Path

import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.ingest._teasers import front_page_teasers

TOPICS = (
    ("Ferry runs aground off Lindholm", "All passengers of the Nordlicht were brought ashore."),
    ("Council approves new cycle lanes", "Four kilometres of lanes are to be built in Brackwell."),
    ("Kiln fire closes pottery works", "Nobody was hurt when a kiln caught fire on Marrow Lane."),
    ("Tram derailment blocks ring road", "Transit staff expect the line to reopen on Friday."),
    ("Library reopens after two years", "Volunteers moved forty thousand books back to the shelves."),
    ("Water main bursts in Osterlin", "The market square was flooded for most of the morning."),
)


def _teaser(title: str, summary: str, n: int) -> str:
    return (
        f'<article class="teaser"><h3><a href="/news/{n}">{title}</a></h3>'
        f"<p>{summary}</p><span>2 hours ago</span></article>"
    )


FRONT_PAGE = (
    "<html><head><title>Harbour Times - News</title></head><body><nav><a href='/'>Home</a></nav>"
    '<main><h1>Latest news</h1><section class="top">'
    + "".join(_teaser(t, s, n) for n, (t, s) in enumerate(TOPICS))
    + "</section></main><footer><p>© Harbour Times</p></footer></body></html>"
)

BODY = " ".join(
    f"<p>Paragraph {n} of the report: the ferry Nordlicht ran aground off Lindholm on Saturday evening, "
    "and rescuers brought every one of its passengers ashore before midnight, the operator said in a "
    "statement that also thanked the crews of the lifeboats.</p>"
    for n in range(4)
)
ARTICLE_WITH_RELATED = (
    "<html><head><title>Ferry runs aground - Harbour Times</title></head><body><main><article>"
    f"<h1>Ferry runs aground off Lindholm</h1>{BODY}</article>"
    '<aside><h2>Read more</h2><ul class="related">'
    + "".join(f'<li><h3><a href="/news/{n}">{t}</a></h3></li>' for n, (t, _) in enumerate(TOPICS))
    + "</ul></aside></main></body></html>"
)


def test_a_front_page_is_refused_naming_the_file(tmp_path: Path) -> None:
    # It was read as one article made of six stories' teasers.
    assert front_page_teasers(FRONT_PAGE) == len(TOPICS)
    with pytest.raises(IngestError) as raised:
        read_text(FRONT_PAGE, source="front.html", fmt="html")
    assert raised.value.source == "front.html"
    assert "[I058]" in str(raised.value) and "6 teasers" in str(raised.value)
    # among other inputs: the page fails with its name, the article is read
    (tmp_path / "front.html").write_text(FRONT_PAGE, encoding="utf-8")
    (tmp_path / "article.html").write_text(ARTICLE_WITH_RELATED, encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert [a.title for a in result.articles] == ["Ferry runs aground off Lindholm"]
    assert [(Path(f.source).name, "[I058]" in str(f)) for f in result.failures] == [("front.html", True)]


def test_an_article_with_a_box_of_related_links_is_read() -> None:
    assert front_page_teasers(ARTICLE_WITH_RELATED) == 0
    article = read_text(ARTICLE_WITH_RELATED, source="article.html", fmt="html")
    assert "ran aground off Lindholm on Saturday evening" in article.text


def test_a_page_with_few_headings_is_not_parsed_twice() -> None:
    assert front_page_teasers("<html><body><h2><a href='/a'>One headline here</a></h2></body></html>") == 0
