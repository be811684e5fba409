"""An article's address is kept in one form whatever read it (invented addresses and articles)."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.ingest.urls import article_url, latest_of_each_url
from blickwinkel.store.ingest import latest_versions

BODY = (
    "The ferry between Kalmstedt and Oberhaven will not run on Saturday, the operator said. "
    "A storm is expected over the bay, and the harbour office has asked boats to stay in port."
)


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://news.example/ferry?utm_source=rss&utm_medium=feed", "https://news.example/ferry"),
        ("https://news.example/ferry?id=7&fbclid=Ab1&UTM_Campaign=x", "https://news.example/ferry?id=7"),
        ("https://anna:s3cret@news.example/ferry?gclid=9", "https://news.example/ferry"),
        ("https://news.example/ferry?page=2#top", "https://news.example/ferry?page=2#top"),
        ("  https://news.example/ferry  ", "https://news.example/ferry"),
        ("https://[news.example/ferry?utm_source=x", "https://[news.example/ferry?utm_source=x"),
    ],
)
def test_an_article_url_loses_credentials_and_tracking_parameters(url: str, kept: str) -> None:
    assert article_url(url) == kept


def test_a_jsonl_record_keeps_its_address_without_tracking_parameters(tmp_path: Path) -> None:
    # Fetched pages lost "?utm_source=…" while JSON records kept it: one article, two addresses.
    records = [
        {"title": "Ferry stops", "text": BODY, "url": "https://news.example/ferry?utm_source=rss&id=7"},
        {"title": "Ferry stops", "text": BODY, "link": "https://other.example/f?fbclid=Zz9&mc_cid=4"},
    ]
    path = tmp_path / "crawl.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    result = read_inputs([str(path)])
    assert result.failures == ()
    assert [a.url for a in result.articles] == ["https://news.example/ferry?id=7", "https://other.example/f"]


def test_a_page_canonical_address_is_kept_without_tracking_parameters() -> None:
    page = (
        '<html><head><title>Ferry stops</title><link rel="canonical" '
        'href="https://www.harbour-post.example/ferry?utm_source=newsletter&amp;utm_medium=email">'
        "</head><body><article><h1>Ferry stops</h1><p>"
        + BODY
        + "</p><p>The next crossing is planned for Sunday morning if the wind has eased, she added.</p>"
        "</article></body></html>"
    )
    article = read_text(page, source="ferry.html")
    assert article.url == "https://www.harbour-post.example/ferry"


@given(st.lists(st.sampled_from(["https://a.example/1", "https://a.example/2", "https://b.example/1", None])))
def test_each_url_stands_once_by_its_last_record(urls: list[str | None]) -> None:
    stands = latest_of_each_url(urls)
    kept = [u for u, s in zip(urls, stands, strict=True) if s]
    assert [u for u in kept if u] == sorted(
        {u for u in urls if u}, key=lambda u: max(n for n, v in enumerate(urls) if v == u)
    )
    assert kept.count(None) == urls.count(None)


def test_ingest_keeps_the_last_version_of_a_url_by_the_one_rule() -> None:
    # `ingest` and `batch` had the rule twice; both now ask latest_of_each_url.
    older = dataclasses.replace(read_text(BODY, source="a.txt"), url="https://news.example/ferry")
    other = dataclasses.replace(read_text(BODY + " More.", source="b.txt"), url=None)
    newer = dataclasses.replace(
        read_text(BODY + " Update.", source="c.txt"), url="https://news.example/ferry"
    )
    kept, superseded = latest_versions([older, other, newer])
    assert kept == [other, newer] and superseded == [older]
