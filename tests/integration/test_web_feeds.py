"""A saved RSS or Atom feed given to ``POST /api/v1/compare`` (as a text, with or without ``"format":
"feed"``, or as an uploaded file) and pasted into the compare form is read as the commands read a saved
feed file (``ingest/feeds.py``): each entry with text an article, the same warnings (I073; an entry with
only a link is named, W031, not fetched), its errors named by the request field. Invented feeds."""

from __future__ import annotations

from typing import Any

import pytest

from blickwinkel.store import Store
from tests.integration.test_web_api import (  # noqa: F401 (store: the fixture)
    TEXT_A,
    TestClient,
    _client,
    assert_error,
    store,
)

# Two entries with text of their own, one with only a link, one with neither.
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title>
<item><title>Crane stops at the north quay</title><link>https://harbour.example/crane</link>
<pubDate>Mon, 03 Mar 2031 09:00:00 +0100</pubDate>
<description>The big crane at the north quay of Osterlin stopped on Monday after a cable snapped, the
harbour office said. Two ships wait to be unloaded.</description></item>
<item><title>Quay crane broken</title><link>https://harbour.example/crane-2</link>
<description>A snapped cable stopped the north quay crane of Osterlin on Monday; three ships are
waiting, the harbour office said.</description></item>
<item><title>Crane, the first report</title><link>https://harbour.example/crane-first</link></item>
<item><title>Tide tables</title></item>
</channel></rss>"""
ONLY_LINKS = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title>
<item><title>Crane</title><link>https://harbour.example/crane</link></item>
</channel></rss>"""
ONE_ENTRY = """<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title>
<item><title>Crane stops</title><link>https://harbour.example/crane</link>
<description>The north quay crane of Osterlin stopped on Monday, the harbour office said.</description></item>
</channel></rss>"""
NO_ENTRY = '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour desk</title></channel></rss>'


@pytest.fixture
def client(store: Store) -> TestClient:  # noqa: F811 (the fixture above)
    return _client(store, max_request_mb=1)


def _answered(response: Any) -> Any:
    assert response.status_code == 200, response.text
    return response.json()


@pytest.mark.parametrize("fmt", ["feed", None])
def test_a_feed_in_the_json_body_gives_its_entries_with_text(client: TestClient, fmt: str | None) -> None:
    feed = {"text": FEED} | ({"format": fmt} if fmt else {})
    body = _answered(client.post("/api/v1/compare", json={"articles": [feed, {"text": TEXT_A}]}))
    titles = [a["title"] for a in body["articles"]]
    assert titles[:2] == ["Crane stops at the north quay", "Quay crane broken"] and len(titles) == 3
    notes = " ".join(body["notes"])
    assert "[I073]" in notes and "'Tide tables'" in notes
    assert "[W031]" in notes and "https://harbour.example/crane-first" in notes
    assert body["unread"] == []


def test_an_uploaded_feed_file_is_read_as_a_feed(client: TestClient) -> None:
    files = [
        ("files", ("harbour.rss", FEED.encode(), "application/rss+xml")),
        ("files", ("a.txt", TEXT_A.encode(), "text/plain")),
    ]
    body = _answered(client.post("/api/v1/compare", files=files))
    assert len(body["articles"]) == 3


def test_the_compare_form_reads_a_pasted_feed(client: TestClient) -> None:
    page = client.post("/compare", data={"text_1": FEED, "text_2": TEXT_A}, headers={"accept": "text/html"})
    assert page.status_code == 200, page.text
    assert 'id="result"' in page.text and "Quay crane broken" in page.text
    # the form says it takes one
    assert "RSS or Atom feed pasted into one box" in client.get("/compare?lang=en").text


def test_a_feed_alone_is_compared_when_it_holds_two_articles(client: TestClient) -> None:
    # The form's help says a feed pasted into one box gives an article per entry, but a feed alone was
    # refused before it was read (W011: "needs at least two articles, got 1").
    page = client.post("/compare", data={"text_1": FEED}, headers={"accept": "text/html"})
    assert page.status_code == 200, page.text
    assert 'id="result"' in page.text and "Quay crane broken" in page.text and "[W011]" not in page.text
    upload = [("files", ("harbour.rss", FEED.encode(), "application/rss+xml"))]
    assert len(_answered(client.post("/api/v1/compare", files=upload))["articles"]) == 2
    # a feed of one entry with text is one article read, too few (W029), not an input too few (W011)
    one = [("files", ("one.rss", ONE_ENTRY.encode(), "application/rss+xml"))]
    error = assert_error(client.post("/api/v1/compare", files=one), 422)
    assert error["message"].startswith("[W029] Only 1 of the 1 articles could be read"), error


def test_a_feed_alone_in_the_json_body_is_compared_as_an_upload_is(client: TestClient) -> None:
    # The form and an upload compared a feed alone; the JSON body asked for two items before reading.
    body = _answered(client.post("/api/v1/compare", json={"articles": [{"text": FEED, "format": "feed"}]}))
    assert len(body["articles"]) == 2
    error = assert_error(client.post("/api/v1/compare", json={"articles": [{"text": TEXT_A}]}), 422)
    assert error["message"].startswith("[W011] A comparison needs at least two articles, got 1."), error
    empty = assert_error(client.post("/api/v1/compare", json={"articles": []}), 422, "invalid")
    assert empty["field"] == "articles", empty


def test_a_feed_that_cannot_be_compared_is_named_by_its_field(client: TestClient) -> None:
    for feed, problem in ((ONLY_LINKS, "[W031]"), (NO_ENTRY, "[I077]")):
        body = {"articles": [{"text": TEXT_A}, {"text": feed, "format": "feed"}, {"text": TEXT_A}]}
        [unread] = _answered(client.post("/api/v1/compare", json=body))["unread"]
        assert unread["field"] == "articles.1.text" and problem in unread["message"], unread
    refused = {"articles": [{"text": "no feed at all", "format": "feed"}, {"text": TEXT_A}]}
    error = assert_error(client.post("/api/v1/compare", json=refused), 422, "invalid")
    assert error["field"] == "articles.0.text" and error["message"].startswith("[W029]")


def test_a_feed_counts_its_entries_against_the_article_limit(store: Store) -> None:  # noqa: F811
    body = {"articles": [{"text": FEED, "format": "feed"}, {"text": TEXT_A}]}
    response = _client(store, max_request_mb=1, compare_max_articles=2).post("/api/v1/compare", json=body)
    error = assert_error(response, 422)
    assert error["field"] == "articles" and error["message"].startswith("[W004] At most 2 articles")


def test_the_openapi_description_lists_feed_among_the_formats(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    body = spec["paths"]["/api/v1/compare"]["post"]["requestBody"]["content"]["application/json"]
    item = body["schema"]["$defs"]["CompareItem"]
    formats = next(o for o in item["properties"]["format"]["anyOf"] if "enum" in o)["enum"]
    assert formats == ["text", "markdown", "html", "json", "jsonl", "feed"]
