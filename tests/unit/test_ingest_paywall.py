"""A page behind a paywall is read as its free part and marked, with a warning. Invented pages."""

from __future__ import annotations

import json

import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest import read_text
from blickwinkel.ingest._paywall import is_paywall_prompt

TEASER = (
    "<p>The harbour office of Oberhaven wants to build a new pier for the ferries by the end of next "
    "year, its head said on Tuesday at a meeting with the town council.</p>"
    "<p>The old pier has been closed twice this winter after storms damaged its wooden deck.</p>"
)
MORE = (
    "<p>Work is to start in the spring, when the ferries run less often, and the council has set aside "
    "money for it in next year's budget, a spokesman said after the meeting.</p>"
)


def page(article: str, head: str = "") -> str:
    return (
        "<!doctype html><html><head><title>New pier planned | Harbour Post</title>"
        f"{head}</head><body><article><h1>New pier planned</h1>{article}</article></body></html>"
    )


def json_ld(**fields: object) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": "New pier planned",
        **fields,
    }
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(
    "html",
    [
        page(TEASER, json_ld(isAccessibleForFree="False")),
        page(TEASER, json_ld(isAccessibleForFree=False)),
        page(TEASER + '<div class="c-article__paywall">Locked</div>'),
        page(TEASER + '<section id="regwall-box"></section>'),
        page(TEASER + "<p>Subscribe to continue reading.</p><p>Already a subscriber? <a>Log in</a></p>"),
        page(TEASER + "<div><b>This article is only available to subscribers.</b></div>"),
        page(TEASER + "<p>Jetzt abonnieren und weiterlesen</p>"),
        page(TEASER + "<p>Weiterlesen mit Hafenpost Plus</p>"),
        page(TEASER + "<p>Dieser Artikel ist exklusiv für Abonnenten.</p>"),
        # "weiter"/"vollständig" before "zu lesen" and "weiterzulesen" were missed
        page(TEASER + "<p>Um den Artikel weiter zu lesen, schließen Sie ein Abo ab.</p>"),
        page(TEASER + "<p>Um diesen Beitrag vollständig zu lesen, registrieren Sie sich.</p>"),
        page(TEASER + "<p>Um den Text weiterzulesen, brauchen Sie ein Plus-Abo.</p>"),
    ],
)
def test_a_paywalled_page_is_read_as_its_free_part_and_marked(html: str) -> None:
    # It was stored short without a word.
    article = read_text(html, source="pier.html")
    assert article.paywalled
    assert article.text.startswith("New pier planned\n\nThe harbour office of Oberhaven")
    assert len(article.notes) == 1
    assert article.notes[0].startswith(
        "pier.html: [I062] a page behind a paywall: only the free part was read ("
    )
    # the paywall's own words are furniture
    for block in article.blocks:
        if is_paywall_prompt(article.block_text(block)):
            assert block.kind == "boilerplate"


@pytest.mark.parametrize(
    "html",
    [
        page(TEASER + MORE),
        page(TEASER + MORE, json_ld(isAccessibleForFree=True)),
        page(TEASER + MORE + '<div class="paywall" hidden></div>', json_ld(isAccessibleForFree="True")),
        # a metered site's script holds its paywall's words on free pages too
        page(TEASER + MORE, "<script>var wall = {text: 'Subscribe to continue reading'};</script>"),
        # the word in the text, or inside another class name, is no paywall
        page(
            TEASER.replace("wooden deck.", "wooden deck. The paper dropped its paywall for the story.") + MORE
        ),
        page(TEASER + MORE + '<div class="nopaywallhint"></div>'),
        page(TEASER + MORE + '<div class="article no-paywall"></div><p id="paywall-free">Free to read</p>'),
        page(TEASER + MORE + "<p>Subscribe to our newsletter.</p>"),
        # a paywall box the page keeps hidden (its script shows it when the meter runs out)
        page(TEASER + MORE + '<div class="paywall-box" hidden></div>'),
        page(TEASER + MORE + '<div id="regwall" style="display: none"></div>'),
        page(TEASER + MORE + '<section class="c-paywall" aria-hidden="true"></section>'),
    ],
)
def test_a_free_page_is_not_marked(html: str) -> None:
    article = read_text(html, source="pier.html")
    assert not article.paywalled and article.notes == ()


def test_a_paywalled_page_without_free_text_says_so() -> None:
    html = page("<p>New pier planned.</p><p>Subscribe to continue reading.</p>")
    with pytest.raises(IngestError, match=r"pier\.html: \[I063\] a page behind a paywall"):
        read_text(html, source="pier.html")


def test_endless_script_tags_stay_quick() -> None:
    article = read_text(page(TEASER + MORE + "<script>" * 20_000), source="pier.html")
    assert not article.paywalled
