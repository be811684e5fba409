"""The REST API and the web pages in-process (real SQLite store, stand-in comparer), and the one error
body for every route (in the manner of datasette's tests/test_error_shape.py)."""

from __future__ import annotations

import dataclasses
import json
import re
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

with warnings.catch_warnings():
    # starlette 1.x warns that its TestClient will move from httpx to httpx2; httpx works today.
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from blickwinkel.config import load_settings
from blickwinkel.ingest import read_text
from blickwinkel.ingest.fetch import Fetcher, FetchPolicy
from blickwinkel.store import Store, StoryChoice, open_store
from blickwinkel.web import ServiceOptions, create_app
from tests.integration.newsroom_fixtures import fake_comparison, fill_store, invented_article

TEXT_A = "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n\nTen people were evacuated."
TEXT_B = "Osterlin mill burns\n\nThe old mill burned on Monday.\n\nTwelve people had to leave."


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(f"sqlite:///{tmp_path / 'web.db'}")
    yield s
    s.close()


def _client(store: Store, **options: Any) -> TestClient:
    opts = ServiceOptions(**({"max_request_mb": 0.05} | options))
    fetcher = Fetcher(
        FetchPolicy(host_interval=0, obey_robots=False), resolver=lambda host, port: ["127.0.0.1"]
    )
    app = create_app(store, load_settings({}), options=opts, comparer=fake_comparison, fetcher=fetcher)
    return TestClient(app, raise_server_exceptions=False)


@pytest.fixture
def client(store: Store) -> TestClient:
    fill_store(store)
    return _client(store)


def assert_error(response: Any, status: int, code: str | None = None) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "field"}
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    # every message comes from the one error table with its id (422s from validation had none)
    assert re.search(r"\[[A-Z]\d{3}\] ", body["error"]["message"]), body["error"]["message"]
    if code is not None:
        assert body["error"]["code"] == code
    return dict(body["error"])


def test_story_listing_detail_and_cursor(client: TestClient) -> None:
    first = client.get("/api/v1/stories", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_cursor"]
    second = client.get("/api/v1/stories", params={"limit": 1, "cursor": first["next_cursor"]}).json()
    assert second["items"][0]["id"] != first["items"][0]["id"] and second["next_cursor"] is None
    detail = client.get(f"/api/v1/stories/{first['items'][0]['id']}").json()
    assert detail["comparison"]["schema"] == "blickwinkel.comparison/1"
    # the answer that computed the comparison counts its conflicts too (it said null)
    assert detail["story"]["conflicts"] == len(detail["comparison"]["conflicts"]) == 1
    assert len(detail["articles"]) == 3
    # each article names the id the article route takes (its "id" is the comparison's, "a12")
    for item in detail["articles"]:
        article = client.get(f"/api/v1/articles/{item['article_id']}")
        assert article.status_code == 200 and article.json()["title"] == item["title"]
        assert item["id"] == f"a{item['article_id']}" and "paywalled" not in item
    # The second request is served from the cache; the listing now shows the conflict count.
    again = client.get(f"/api/v1/stories/{first['items'][0]['id']}").json()
    assert again["comparison"] == detail["comparison"]
    listed = client.get("/api/v1/stories", params={"limit": 1}).json()["items"][0]
    assert listed["conflicts"] == 1


def test_filters_articles_outlets_and_search(client: TestClient) -> None:
    assert len(client.get("/api/v1/stories", params={"outlet": "Outlet 1"}).json()["items"]) == 2
    assert client.get("/api/v1/stories", params={"language": "de"}).json()["items"] == []
    assert len(client.get("/api/v1/stories", params={"since": "2031-05-02"}).json()["items"]) == 1
    assert len(client.get("/api/v1/articles", params={"q": "kiln brackwell"}).json()["items"]) == 1
    outlets = client.get("/api/v1/outlets").json()["items"]
    assert {o["name"] for o in outlets} == {"Outlet 0", "Outlet 1", "Outlet 2"}
    hits = client.get("/api/v1/search", params={"q": "pottery works"}).json()["items"]
    assert hits and "[" in hits[0]["snippet"]
    article = client.get(f"/api/v1/articles/{hits[0]['article_id']}").json()
    assert article["text"].startswith("Kiln fire")


def test_compare_json_and_multipart(client: TestClient) -> None:
    body = {"articles": [{"text": TEXT_A, "outlet": "A"}, {"text": TEXT_B, "outlet": "B"}]}
    result = client.post("/api/v1/compare", json=body).json()
    assert result["schema"] == "blickwinkel.comparison/1" and len(result["conflicts"]) == 1
    files = [
        ("files", ("a.txt", TEXT_A.encode(), "text/plain")),
        ("files", ("b.md", TEXT_B.encode(), "text/markdown")),
    ]
    result = client.post("/api/v1/compare", files=files).json()
    assert len(result["articles"]) == 2


def _dated_comparison(articles: Any) -> dict[str, Any]:
    """The stand-in comparison with each article's publication date, as the real one gives it."""
    result = fake_comparison(articles)
    dates = {a.id: a.published.isoformat() if a.published else None for a in articles}
    result["articles"] = [item | {"published": dates[item["id"]]} for item in result["articles"]]
    return result


def test_compare_takes_each_articles_publication_date(store: Store) -> None:
    # A program that holds its articles' dates apart from their texts could not give them: the body
    # refused "published" (extra input), so weekdays were never resolved and no fact was "first".
    fill_store(store)
    opts = ServiceOptions(max_request_mb=0.05)
    app = create_app(store, load_settings({}), options=opts, comparer=_dated_comparison)
    client = TestClient(app, raise_server_exceptions=False)
    body = {
        "articles": [
            {"text": TEXT_A, "outlet": "A", "published": "2031-05-04"},
            {"text": TEXT_B, "outlet": "B", "published": "2031-05-05T08:30:00+02:00"},
        ]
    }
    result = client.post("/api/v1/compare", json=body)
    assert result.status_code == 200, result.text
    assert [a["published"] for a in result.json()["articles"]] == ["2031-05-04", "2031-05-05"]
    undated = client.post("/api/v1/compare", json={"articles": [{"text": TEXT_A}, {"text": TEXT_B}]})
    assert [a["published"] for a in undated.json()["articles"]] == [None, None]
    # a date given in the text's own front matter stands unless the request names another
    dated_text = "---\ntitle: Mill fire\ndate: 2031-05-01\n---\n\nA fire broke out at the mill."
    kept = client.post(
        "/api/v1/compare", json={"articles": [{"text": dated_text, "format": "markdown"}, {"text": TEXT_B}]}
    )
    assert kept.json()["articles"][0]["published"] == "2031-05-01"
    weekday = {"articles": [{"text": TEXT_A, "published": "Monday"}, {"text": TEXT_B}]}
    error = assert_error(client.post("/api/v1/compare", json=weekday), 422, "invalid")
    assert error["field"] == "articles.0.published"


@pytest.mark.parametrize("body", [b"{bad", b"[]", b'"two texts"'])
def test_compare_names_the_body_when_it_is_no_json_object(client: TestClient, body: bytes) -> None:
    # Broken JSON used to be blamed on the field "articles", which the client had not got wrong.
    response = client.post("/api/v1/compare", content=body, headers={"content-type": "application/json"})
    error = assert_error(response, 422, "invalid")
    assert error["field"] == "body"
    assert error["message"].startswith("[W024] The body must be a JSON object with 'articles': ")


def test_compare_of_one_text_names_what_a_request_can_send(client: TestClient) -> None:
    # The way out said "…, or a directory that holds them", which a form or request cannot send.
    error = assert_error(client.post("/api/v1/compare", data={"texts": [TEXT_A]}), 422)
    assert error["message"].startswith("[W011] A comparison needs at least two articles, got 1.")
    assert "directory" not in error["message"]


def test_compare_names_a_field_inside_the_body(client: TestClient) -> None:
    # (an empty list: one item is read, as it may be a saved feed of several articles)
    error = assert_error(client.post("/api/v1/compare", json={"articles": []}), 422)
    assert error["field"] == "articles" and error["message"].startswith("[W023] articles: ")


def test_a_validator_message_keeps_its_own_id_in_front() -> None:
    # pydantic wraps a validator's message as "Value error, [W012] …"; the id goes first, once
    from blickwinkel.web.errors import invalid_field

    message = invalid_field("articles.0", "Value error, [W012] Give either text or url, not both.")
    assert message == "[W012] articles.0: Give either text or url, not both."
    assert invalid_field("limit", "Input should be a valid integer") == (
        "[W023] limit: Input should be a valid integer"
    )


def test_compare_refuses_urls_to_private_addresses(store: Store) -> None:
    fill_store(store)
    client = _client(store)
    body = {"articles": [{"url": "http://metadata.internal/latest"}, {"text": TEXT_B}]}
    error = assert_error(client.post("/api/v1/compare", json=body), 422)
    assert "refused" in error["message"]
    # the field is the request's field, not the URL (it read "http://metadata.internal/latest")
    assert error["field"] == "articles.0.url"
    form = client.post(
        "/api/v1/compare", data={"urls": ["http://metadata.internal/latest"], "texts": [TEXT_B]}
    )
    assert assert_error(form, 422)["field"] == "urls"


def test_dates_the_wrong_way_round_are_named(client: TestClient) -> None:
    # since after until answered an empty list, as if nothing had been published then
    page = client.get(
        "/", params={"since": "2031-05-02", "until": "2031-05-01"}, headers={"accept": "text/html"}
    )
    assert page.status_code == 422 and "[W016] since: 2031-05-02 is after until" in page.text
    for path in ("/api/v1/articles", "/api/v1/stories"):
        error = assert_error(client.get(path, params={"since": "2031-05-02", "until": "2031-05-01"}), 422)
        assert error["field"] == "since"
        assert error["message"] == "[W016] since: 2031-05-02 is after until (2031-05-01); swap them"
    assert (
        client.get("/api/v1/stories", params={"since": "2031-05-01", "until": "2031-05-01"}).status_code
        == 200
    )


def test_compare_names_the_input_that_cannot_be_read_and_why(client: TestClient) -> None:
    body = {"articles": [{"text": TEXT_A}, {"text": "{not json", "format": "json"}]}
    error = assert_error(client.post("/api/v1/compare", json=body), 422)
    assert error["field"] == "articles.1.text" and "not valid JSON" in error["message"]
    # an empty text was answered "give either text or url", which the request had done
    empty = assert_error(
        client.post("/api/v1/compare", json={"articles": [{"text": " "}, {"text": TEXT_B}]}), 422
    )
    assert empty["field"] == "articles.0" and "text is empty" in empty["message"]
    both = {"articles": [{"text": TEXT_A, "url": "https://news.example/a"}, {"text": TEXT_B}]}
    assert "not both" in assert_error(client.post("/api/v1/compare", json=both), 422)["message"]


def test_compare_leaves_out_an_input_it_cannot_read_and_names_it(client: TestClient) -> None:
    # One bad URL among several failed the whole request, while `blickwinkel compare` compares the rest.
    body = {"articles": [{"text": TEXT_A}, {"url": "gopher://mill.example/a"}, {"text": TEXT_B}]}
    response = client.post("/api/v1/compare", json=body)
    assert response.status_code == 200, response.text
    result = response.json()
    assert result["schema"] == "blickwinkel.comparison/1" and len(result["articles"]) == 2
    # the texts keep the names of their places in the request, the left-out URL between them
    assert [a["id"] for a in result["articles"]] == ["input-1", "input-3"]
    [unread] = result["unread"]
    assert set(unread) == {"code", "message", "field", "input", "error"}
    assert unread["field"] == "articles.1.url" and re.search(r"\[I\d{3}\] ", unread["message"])
    # the input and its error id, as the comparison JSON of `blickwinkel compare` names them
    assert unread["input"] == "gopher://mill.example/a" and unread["message"].startswith(
        f"{unread['input']}: [{unread['error']}] "
    )
    both = {"articles": [{"text": TEXT_A}, {"text": TEXT_B}]}
    assert client.post("/api/v1/compare", json=both).json()["unread"] == []
    form = client.post(
        "/api/v1/compare", data={"texts": [TEXT_A, TEXT_B], "urls": ["gopher://mill.example/a"]}
    )
    assert form.status_code == 200 and form.json()["unread"][0]["field"] == "urls"
    files = [
        ("files", ("a.txt", TEXT_A.encode(), "text/plain")),
        ("files", ("scan.pdf", b"%PDF-1.7\x00\x01\x02 binary", "application/pdf")),
        ("files", ("b.txt", TEXT_B.encode(), "text/plain")),
    ]
    upload = client.post("/api/v1/compare", files=files)
    assert upload.status_code == 200, upload.text
    [unread] = upload.json()["unread"]
    assert unread["field"] == "files" and unread["message"].startswith("scan.pdf: [I0")


def test_compare_of_fewer_than_two_readable_inputs_names_each_bad_one(client: TestClient) -> None:
    body = {
        "articles": [{"url": "gopher://mill.example/a"}, {"text": TEXT_A}, {"text": "{no", "format": "json"}]
    }
    error = assert_error(client.post("/api/v1/compare", json=body), 422, "invalid")
    assert error["message"].startswith("[W029] Only 1 of the 3 articles could be read")
    assert "articles.0.url: " in error["message"] and " | articles.2.text: " in error["message"]
    assert error["field"] == "articles.0.url"


def test_the_compare_form_compares_what_it_can_read_and_names_each_bad_input(client: TestClient) -> None:
    html = {"accept": "text/html"}
    form = {"text_1": TEXT_A, "url_2": "gopher://mill.example/a", "text_3": TEXT_B}
    page = client.post("/compare", data=form | {"lang": "en"}, headers=html)
    assert page.status_code == 200, page.text
    assert 'id="result"' in page.text  # the two texts are compared
    assert "Left out, could not be read" in page.text
    assert re.search(r'<p class="error" id="error_2">[^<]*\[I\d{3}\] ', page.text)
    assert 'id="url_2" name="url_2" type="url" value="gopher://mill.example/a"' in page.text
    # fewer than two readable: the form says so, with every bad input in its own slot
    form = {"text_1": TEXT_A, "url_2": "gopher://mill.example/a", "url_3": "gopher://mill.example/b"}
    page = client.post("/compare", data=form, headers=html)
    assert page.status_code == 422 and "[W029] Only 1 of the 3 articles" in page.text
    assert 'id="error_2"' in page.text and 'id="error_3"' in page.text and 'id="result"' not in page.text


def test_the_story_page_marks_a_paywalled_article_and_shows_the_notes(store: Store) -> None:
    import dataclasses

    story = None
    for n, text in enumerate((TEXT_A, TEXT_B)):
        article = dataclasses.replace(
            read_text(text, source=f"mill-{n}.txt", fmt="text"), outlet=f"Mill {n}", paywalled=n == 1
        )
        story = store.add_article(article, story=StoryChoice(story)).story_id
    client = _client(store)
    page = client.get(f"/stories/{story}", params={"lang": "en"}).text
    assert page.count("teaser only — paywalled") == 2  # over the column and beside "does not report"
    german = client.get(f"/stories/{story}", params={"lang": "de"}).text
    assert german.count("nur der Anriss — hinter einer Bezahlschranke") == 2
    assert '<aside class="notes"' not in page  # the two share a fact: nothing to note


def test_the_pages_show_the_notes_of_a_comparison(store: Store) -> None:
    def apart(articles: Any) -> dict[str, Any]:
        """The stand-in comparison with every fact in one article: groups that share no fact."""
        body = fake_comparison(articles)
        body["facts"] = [
            f
            | {
                "statements": f["statements"][:1],
                "articles": f["articles"][:1],
                "canonical": f["statements"][0],
            }
            for f in body["facts"]
        ]
        body["conflicts"] = []
        # the groups the story model scores as different events (compare/events.py)
        body["different_events"] = [[a["id"]] for a in body["articles"]]
        return body

    (story,) = fill_store(store, stories=1, per_story=2)
    app = create_app(store, load_settings({}), options=ServiceOptions(), comparer=apart)
    client = TestClient(app, raise_server_exceptions=False)
    for page in (
        client.get(f"/stories/{story}", params={"lang": "en"}).text,
        client.post("/compare", data={"text_1": TEXT_A, "text_2": TEXT_B}).text,
    ):
        notes = page[page.index('<aside class="notes"') :]
        assert "these groups of articles share no fact" in notes[: notes.index("</aside>")]
    # ... in the page's language (a German page showed them in English; thirteenth session)
    for page in (
        client.get(f"/stories/{story}", params={"lang": "de"}).text,
        client.post("/compare", data={"text_1": TEXT_A, "text_2": TEXT_B}, params={"lang": "de"}).text,
    ):
        notes = page[page.index('<aside class="notes"') :]
        assert "diese Gruppen von Artikeln teilen keinen Fakt" in notes[: notes.index("</aside>")]
    # the API's answers carry them too
    for body in (
        client.get(f"/api/v1/stories/{story}").json(),
        client.post("/api/v1/compare", json={"articles": [{"text": TEXT_A}, {"text": TEXT_B}]}).json(),
    ):
        assert any("these groups of articles share no fact" in note for note in body["notes"])


def test_write_token_is_required_when_set_or_public(store: Store) -> None:
    body = {"articles": [{"text": TEXT_A}, {"text": TEXT_B}]}
    with_token = _client(store, token="s3cret")
    assert_error(with_token.post("/api/v1/compare", json=body), 401, "unauthorized")
    assert_error(
        with_token.post("/api/v1/compare", json=body, headers={"Authorization": "Bearer wrong"}), 401
    )
    assert (
        with_token.post("/api/v1/compare", json=body, headers={"Authorization": "Bearer s3cret"}).status_code
        == 200
    )
    app = create_app(
        store, load_settings({}), options=ServiceOptions(), comparer=fake_comparison, public=True
    )
    assert_error(TestClient(app).post("/api/v1/compare", json=body), 403, "forbidden")
    assert TestClient(app).get("/api/v1/stories").status_code == 200  # reads stay open


def test_the_compare_form_without_the_token_keeps_what_was_pasted(store: Store) -> None:
    # It answered an error page saying to send an Authorization header, and the pasted texts were gone.
    with_token = _client(store, token="s3cret")
    form = {"text_1": TEXT_A, "text_2": TEXT_B, "outlet_1": "Mill Post"}
    for given in ({}, {"token": "wrong"}):
        page = with_token.post("/compare", data=form | given, headers={"accept": "text/html"})
        assert page.status_code == 401
        assert "[W030] The token is missing or wrong" in page.text and "Authorization" not in page.text
        assert "Ten people were evacuated." in page.text and 'value="Mill Post"' in page.text
        assert 'name="token"' in page.text
    page = with_token.post("/compare", data=form | {"token": "s3cret"}, headers={"accept": "text/html"})
    assert page.status_code == 200 and 'id="result"' in page.text


def test_security_headers_on_every_response(client: TestClient) -> None:
    for path in ("/", "/api/v1/stories", "/nope", "/static/app.js"):
        response = client.get(path)
        csp = response.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert response.headers["x-content-type-options"] == "nosniff"


def test_pages_render_in_both_languages(client: TestClient) -> None:
    story_id = client.get("/api/v1/stories").json()["items"][0]["id"]
    english = client.get(f"/stories/{story_id}", params={"lang": "en"})
    german = client.get(f"/stories/{story_id}", headers={"Accept-Language": "de-DE,de;q=0.9,en;q=0.5"})
    assert "Articles side by side" in english.text and "Artikel nebeneinander" in german.text
    assert "Mayor Tilda Brack" in english.text  # quotes by speaker
    assert "10 vs 12 people" in english.text  # the contradiction with both sides
    for path in ("/", "/outlets", "/compare", "/search?q=kiln", "/api/docs"):
        response = client.get(path, headers={"accept": "text/html"})
        assert response.status_code == 200, path
        assert "<script>" not in response.text and " on" not in response.text.split("<body>")[0]
    assert client.get("/stories/999", headers={"accept": "text/html"}).status_code == 404


def test_pages_count_one_thing_in_the_singular(store: Store) -> None:
    # A story of one article read "1 articles · 1 independent outlets" ("1 unabhängige Medien").
    fill_store(store, stories=1, per_story=1)
    client = _client(store)
    story_id = client.get("/api/v1/stories").json()["items"][0]["id"]
    for path in ("/", f"/stories/{story_id}"):
        english = " ".join(client.get(path, params={"lang": "en"}).text.split())
        german = " ".join(client.get(path, params={"lang": "de"}).text.split())
        assert "1 article · 1 outlet" in english, path
        assert "1 Artikel · 1 Medium" in german, path
    fill_store(store, stories=1, per_story=2)
    listing = " ".join(client.get("/", params={"lang": "en"}).text.split())
    # "independent outlets" counted the outlet names, not the comparison's independent sources
    assert "2 articles · 2 outlets" in listing and "independent" not in listing


def test_articles_that_name_no_outlet_are_not_counted_as_0_outlets(store: Store) -> None:
    # A story of five .txt files ingested without an outlet read "5 articles · 0 outlets".
    story: int | None = None
    for n in range(2):
        article = read_text(
            f"Kiln fire {n}\n\nA kiln caught fire in Osterlin on Monday.\n", source=f"k{n}.txt"
        )
        story = store.add_article(article, story=StoryChoice(story)).story_id
    client = _client(store)
    story_id = client.get("/api/v1/stories").json()["items"][0]["id"]
    for path in ("/", f"/stories/{story_id}"):
        page = " ".join(client.get(path, params={"lang": "en"}).text.split())
        assert "2 articles" in page and "0 outlets" not in page, path


# ------------------------------------------------------------- the one error body, every route


def _bad_requests(client: TestClient) -> dict[tuple[str, str], list[tuple[str, str, dict[str, Any], int]]]:
    """For every API route: requests with bad input and the status each must get."""
    big = "x" * 60_000
    json_headers = {"content-type": "application/json"}
    return {
        ("GET", "/api/v1/articles"): [
            ("GET", "/api/v1/articles?limit=abc", {}, 422),
            ("GET", "/api/v1/articles?since=yesterday", {}, 422),
            ("GET", "/api/v1/articles?cursor=%%%", {}, 400),
            ("DELETE", "/api/v1/articles", {}, 405),
        ],
        ("GET", "/api/v1/articles/{article_id}"): [
            ("GET", "/api/v1/articles/999999", {}, 404),
            ("GET", "/api/v1/articles/abc", {}, 404),
            ("GET", "/api/v1/articles/0", {}, 404),
        ],
        ("GET", "/api/v1/stories"): [
            ("GET", "/api/v1/stories?limit=1000", {}, 422),
            ("GET", "/api/v1/stories?language=german!", {}, 422),
            ("GET", "/api/v1/stories?cursor=bm90LWEtY3Vyc29y", {}, 400),
            ("PUT", "/api/v1/stories", {}, 405),
        ],
        ("GET", "/api/v1/stories/{story_id}"): [
            ("GET", "/api/v1/stories/424242", {}, 404),
            ("GET", "/api/v1/stories/1?wait=soon", {}, 422),
            ("GET", "/api/v1/stories/1.5", {}, 404),
        ],
        ("GET", "/api/v1/outlets"): [("POST", "/api/v1/outlets", {}, 405)],
        ("GET", "/api/v1/entities/{key}"): [
            ("GET", "/api/v1/entities/nobody-at-all", {}, 404),
            ("GET", "/api/v1/entities/" + "k" * 600, {}, 404),
        ],
        ("GET", "/api/v1/search"): [
            ("GET", "/api/v1/search", {}, 422),
            ("GET", "/api/v1/search?limit=-1&q=a", {}, 422),
        ],
        ("POST", "/api/v1/compare"): [
            ("POST", "/api/v1/compare", {"content": "{not json", "headers": json_headers}, 422),
            ("POST", "/api/v1/compare", {"json": {"articles": [{"text": "only one"}]}}, 422),
            (
                "POST",
                "/api/v1/compare",
                {"json": {"articles": [{"text": "a", "url": "https://x.example"}] * 2}},
                422,
            ),
            ("POST", "/api/v1/compare", {"json": {"articles": [{"text": "   "}, {"text": "b"}]}}, 422),
            ("POST", "/api/v1/compare", {"json": {"articles": [{"text": big}, {"text": big}]}}, 413),
            ("POST", "/api/v1/compare", {"content": "plain", "headers": {"content-type": "text/plain"}}, 415),
            ("GET", "/api/v1/compare", {}, 405),
        ],
    }


def test_every_api_route_answers_bad_input_with_the_one_error_body(client: TestClient) -> None:
    cases = _bad_requests(client)
    spec = client.get("/api/openapi.json").json()
    routes = {(method.upper(), path) for path, ops in spec["paths"].items() for method in ops}
    assert routes == set(cases), f"routes without error cases: {routes - set(cases)}"
    for requests in cases.values():
        for method, path, kwargs, status in requests:
            assert_error(client.request(method, path, **kwargs), status)
    assert_error(client.get("/api/v2/nothing"), 404, "not_found")


@pytest.mark.parametrize("given", ["abc", "-1", "0", "1.5", "99999999999999999999", "424242"])
@pytest.mark.parametrize(
    ("route", "code"), [("/api/v1/stories/", "W001"), ("/api/v1/articles/", "W002"), ("/stories/", "W001")]
)
def test_an_id_that_names_nothing_is_404(client: TestClient, route: str, given: str, code: str) -> None:
    # /stories/abc answered 422, as if the request could be mended; it names no story, as 424242 does.
    for method in ("GET", "HEAD"):
        api = client.request(method, route + given)
        assert api.status_code == 404, (method, route, given, api.text)
        if method == "GET":
            assert assert_error(api, 404, "not_found")["message"].startswith(f"[{code}] ")
        page = client.request(method, route + given, headers={"accept": "text/html"})
        assert page.status_code == 404
        if route.startswith("/api"):
            assert page.headers["content-type"].startswith("application/json")
        else:
            assert page.headers["content-type"].startswith("text/html")
            assert method == "HEAD" or f"[{code}] No story" in page.text


def test_the_openapi_description_says_an_invalid_id_is_404(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in ("/api/v1/stories/{story_id}", "/api/v1/articles/{article_id}", "/api/v1/entities/{key}"):
        responses = spec["paths"][path]["get"]["responses"]
        error = responses["404"]["content"]["application/json"]["schema"]
        assert error == {"$ref": "#/components/schemas/Error"}
        # 422 only where a query parameter can be invalid (a story's ?wait=)
        assert ("422" in responses) == (path == "/api/v1/stories/{story_id}"), path


def test_the_api_page_says_what_each_route_answers(client: TestClient) -> None:
    # /api/docs listed parameters only: not the statuses (202, 404, 413, 503 …) nor the introduction.
    spec = client.get("/api/openapi.json").json()
    errors = [
        answer
        for ops in spec["paths"].values()
        for op in ops.values()
        for status, answer in op["responses"].items()
        if int(status) >= 400
    ]
    assert all(
        a["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"} for a in errors
    )
    page = " ".join(client.get("/api/docs").text.split())
    assert "<code>202</code> The comparison is being computed" in page
    assert "<code>503</code> All comparison workers" in page and "`unread`" in page


def test_the_openapi_description_gives_errors_the_body_they_are_sent_with(client: TestClient) -> None:
    # Every 422 was described as FastAPI's {"detail": [{"loc", "msg", "type"}]}, which no route sends.
    spec = client.get("/api/openapi.json").json()
    error = spec["components"]["schemas"]["Error"]
    assert error["required"] == ["error"]
    assert "HTTPValidationError" not in json.dumps(spec)
    invalid = [
        ops["responses"]["422"]
        for ops in (o for p in spec["paths"].values() for o in p.values())
        if "422" in ops["responses"]
    ]
    assert invalid and all(
        r["content"]["application/json"]["schema"] == {"$ref": "#/components/schemas/Error"} for r in invalid
    )
    body = client.get("/api/v1/articles?limit=0").json()
    assert set(body) == set(error["properties"]) and set(body["error"]) == set(
        error["properties"]["error"]["required"]
    )


def test_the_outlets_page_has_an_empty_state_and_capitalised_headings(store: Store) -> None:
    # An empty store showed the table's head over no rows, and the head read "Outlet | articles | Stories".
    empty = _client(store).get("/outlets?lang=en").text
    assert "No outlets yet. Store articles with: blickwinkel ingest PATH" in empty and "<table" not in empty
    fill_store(store)
    for lang, heads in (
        ("en", 'Outlet</th><th scope="col">Articles</th>'),
        ("de", 'Medium</th><th scope="col">Artikel</th>'),
    ):
        page = _client(store).get(f"/outlets?lang={lang}").text
        assert heads in page and "<tbody>\n<tr>" in page


def test_a_filtered_story_list_says_so_and_an_empty_one_is_not_an_empty_store(client: TestClient) -> None:
    # "/?outlet=…" (the outlets page links there) read "Stories" alone, and a filter that matched nothing
    # said "No stories yet. Store articles with: blickwinkel ingest PATH" of a full store.
    empty = client.get("/?outlet=No%20such%20outlet&lang=en").text
    assert "No stories match these filters." in empty and "No stories yet" not in empty
    assert (
        "Only stories with: outlet “No such outlet”" in empty and 'href="/?lang=en">all stories</a>' in empty
    )
    unfiltered = client.get("/?lang=en").text
    assert "Only stories with" not in unfiltered and "No stories" not in unfiltered
    hostile = client.get("/?q=%3Cscript%3E&lang=de").text
    assert "Nur Geschichten mit: Wörtern „&lt;script&gt;“" in hostile


def test_chunked_body_over_the_limit_gets_413(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        payload = json.dumps({"articles": [{"text": "y" * 40_000}, {"text": "z" * 40_000}]}).encode()
        for i in range(0, len(payload), 8192):
            yield payload[i : i + 8192]

    response = client.post("/api/v1/compare", content=chunks(), headers={"content-type": "application/json"})
    assert_error(response, 413, "too_large")


def test_a_bug_is_a_500_with_the_one_error_body(store: Store) -> None:
    fill_store(store)

    def broken(articles: Any) -> dict[str, Any]:
        raise RuntimeError("boom")

    app = create_app(store, load_settings({}), options=ServiceOptions(), comparer=broken)
    client = TestClient(app, raise_server_exceptions=False)
    story_id = client.get("/api/v1/stories").json()["items"][0]["id"]
    error = assert_error(client.get(f"/api/v1/stories/{story_id}"), 500, "internal_error")
    assert "boom" not in error["message"]  # internals are logged, not shown


def test_restart_with_another_embedder_does_not_serve_the_old_comparison(store: Store) -> None:
    from blickwinkel.web.service import STORY_LOCKS, Comparisons

    story_id = fill_store(store)[0]
    calls: list[str] = []

    def comparer_of(embedder: str) -> Any:
        def compare(articles: Any) -> dict[str, Any]:
            calls.append(embedder)
            return fake_comparison(articles) | {"embedder": embedder}

        return compare

    first = Comparisons(store, comparer_of("use"), "use").for_story(story_id)
    assert first is not None and first.body is not None and first.body["embedder"] == "use"
    again = Comparisons(store, comparer_of("use"), "use").for_story(story_id)
    assert again is not None and again.body == first.body and calls == ["use"]  # served from the cache
    restarted = Comparisons(store, comparer_of("e5"), "e5").for_story(story_id)
    assert restarted is not None and restarted.body is not None and restarted.body["embedder"] == "e5"
    assert calls == ["use", "e5"]
    assert len(Comparisons(store, comparer_of("e5"), "e5")._locks) == STORY_LOCKS


def test_cached_listing_and_page_follow_the_store(store: Store) -> None:
    """The stories listing and a story page are served from their caches until the story changes."""
    import dataclasses
    import datetime as dt

    from blickwinkel.ingest import read_text
    from blickwinkel.store import StoryChoice
    from tests.integration.newsroom_fixtures import invented_article

    story_ids = fill_store(store, stories=1, per_story=2)
    client = _client(store)
    first = client.get("/api/v1/stories")
    assert client.get("/api/v1/stories").content == first.content
    page = client.get(f"/stories/{story_ids[0]}", headers={"accept": "text/html"})
    assert page.status_code == 200
    article = dataclasses.replace(
        read_text(invented_article(7), source="invented-7.txt", fmt="text"),
        outlet="Outlet 9",
        published=dt.date(2031, 6, 1),
        language="en",
    )
    store.add_article(article, story=StoryChoice(story_ids[0]))
    after = client.get("/api/v1/stories").json()
    assert after["items"][0]["size"] == first.json()["items"][0]["size"] + 1
    assert "Outlet 9" in after["items"][0]["outlets"]
    assert "Outlet 9" in client.get(f"/stories/{story_ids[0]}", headers={"accept": "text/html"}).text
    assert client.get("/api/v1/stories/999999").status_code == 404
    assert client.get("/stories/999999", headers={"accept": "text/html"}).status_code == 404


def test_head_is_answered_as_get_without_a_body(client: TestClient) -> None:
    # Every page and listing answered HEAD with 405, so link checkers and `curl -I` saw them missing.
    story = client.get("/api/v1/stories", params={"limit": 1}).json()["items"][0]["id"]
    for path in ("/", f"/stories/{story}", "/api/v1/stories", f"/api/v1/stories/{story}", "/api/health"):
        got = client.get(path)
        head = client.head(path)
        assert head.status_code == 200, path
        assert head.content == b""
        assert head.headers["content-type"] == got.headers["content-type"]
        assert head.headers["content-length"] == str(len(got.content))
        assert "content-security-policy" in head.headers
    assert client.head("/api/v1/stories/999999").status_code == 404
    refused = client.put("/api/v1/stories")
    assert_error(refused, 405)
    assert refused.headers["allow"] == "GET, HEAD"


def test_an_untitled_story_is_named_by_its_opening_words(store: Store) -> None:
    # Records with text and outlet only (no title) made stories listed and headed "Story 25".
    from blickwinkel.ingest import read_text
    from blickwinkel.store import StoryChoice

    text = (
        "Die Gemeinde Talfeld baut eine neue Brücke über den Mühlbach und sperrt dafür die alte ab. "
        "Talfeld – Die Arbeiten beginnen im Mai und dauern ein Jahr."
    )
    record = json.dumps({"text": text, "outlet": "Talblatt", "language": "de"})
    article = read_text(record, source="untitled.json", fmt="json")
    assert article.title is None
    story_id = store.add_article(article, story=StoryChoice(None)).story_id
    client = _client(store)
    # The store names the story by the first sentence of its lead (tenth session), the API says so.
    first = "Die Gemeinde Talfeld baut eine neue Brücke über den Mühlbach und sperrt dafür die alte ab."
    assert client.get("/api/v1/stories").json()["items"][0]["title"] == first
    assert first in " ".join(client.get("/", params={"lang": "de"}).text.split())
    # A story stored untitled before that is headed by its opening words.
    import sqlalchemy as sa

    from blickwinkel.store import schema

    with store._write() as conn:
        conn.execute(sa.update(schema.stories).values(title=None, version=schema.stories.c.version + 1))
    listing = " ".join(client.get("/", params={"lang": "de"}).text.split())
    assert f"Geschichte {story_id}: „Die Gemeinde Talfeld baut eine neue Brücke" in listing
    page = " ".join(client.get(f"/stories/{story_id}", params={"lang": "de"}).text.split())
    assert "<h1>Geschichte" in page and "„Die Gemeinde Talfeld baut" in page
    assert "<title>Die Gemeinde Talfeld baut" in page
    # an English page sets the opening words in English quotation marks (they were German ones)
    english = " ".join(client.get("/", params={"lang": "en"}).text.split())
    assert f"Story {story_id}: “The" in english or f"Story {story_id}: “Die Gemeinde" in english
    assert client.get("/api/v1/stories").json()["items"][0]["title"] is None


def test_the_search_page_says_when_more_articles_match_than_it_shows(store: Store) -> None:
    # A search that matched 67 articles read "50 results".
    fill_store(store, stories=18, per_story=3)  # 54 invented articles, each naming its council
    client = _client(store)
    page = " ".join(client.get("/search", params={"q": "council", "lang": "en"}).text.split())
    assert "the first 50; more articles match" in page and "50 results" not in page
    assert page.count('<p class="snippet">') == 50
    few = " ".join(client.get("/search", params={"q": "report 7", "lang": "en"}).text.split())
    assert "more articles match" not in few


def test_stories_of_at_least_n_articles(store: Store) -> None:
    # A store of many single-article stories listed them first: nothing to compare on page one.
    from blickwinkel.ingest import read_text
    from blickwinkel.store import StoryChoice
    from tests.integration.newsroom_fixtures import invented_article

    fill_store(store, stories=2, per_story=3)
    for n in range(100, 103):  # three single-article stories
        store.add_article(
            read_text(invented_article(n), source=f"s{n}.txt", fmt="text"), story=StoryChoice(None)
        )
    client = _client(store)
    everything = client.get("/api/v1/stories").json()["items"]
    assert len(everything) == 5
    compared = client.get("/api/v1/stories", params={"min_articles": 2}).json()
    assert [s["size"] for s in compared["items"]] == [3, 3] and compared["next_cursor"] is None
    first = client.get("/api/v1/stories", params={"min_articles": 2, "limit": 1}).json()
    second = client.get(
        "/api/v1/stories", params={"min_articles": 2, "limit": 1, "cursor": first["next_cursor"]}
    ).json()
    assert {first["items"][0]["id"], second["items"][0]["id"]} == {s["id"] for s in compared["items"]}
    assert_error(client.get("/api/v1/stories", params={"min_articles": 0}), 422)
    home = " ".join(client.get("/", params={"lang": "en"}).text.split())
    assert 'href="/?min_articles=2&amp;lang=en"' in home
    page = " ".join(client.get("/", params={"lang": "en", "min_articles": 2}).text.split())
    assert page.count('class="story-card"') == 2 and "at least this many articles “2”" in page


def test_a_browser_gets_an_error_page_for_an_upload_over_the_limit(client: TestClient) -> None:
    # A 6 MB upload to the compare form showed the API's JSON body in the browser.
    browser = {"accept": "text/html,application/xhtml+xml,*/*;q=0.8"}
    big = {"file_1": ("big.txt", b"a" * 60_000, "text/plain")}  # the test app's limit is 0.05 MB
    page = client.post("/compare", files=big, data={"text_2": "Ein Satz."}, headers=browser)
    assert page.status_code == 413 and page.headers["content-type"].startswith("text/html")
    assert "[W022]" in page.text and "content-security-policy" in page.headers
    long_query = client.get("/search", params={"q": "x" * 9000}, headers=browser)
    assert long_query.status_code == 414 and long_query.headers["content-type"].startswith("text/html")
    # The API and clients that ask for no page keep the one error body.
    assert_error(client.post("/compare", files=big, data={"text_2": "Ein Satz."}), 413, "too_large")
    assert_error(client.post("/api/v1/compare", files=big, headers=browser), 413, "too_large")


def test_an_article_has_a_web_address_that_opens_its_column(client: TestClient) -> None:
    item = client.get("/api/v1/articles", params={"limit": 1}).json()["items"][0]
    moved = client.get(f"/articles/{item['id']}?lang=de", follow_redirects=False)
    assert moved.status_code == 302
    assert moved.headers["location"] == f"/stories/{item['story_id']}?lang=de#article-a{item['id']}"
    page = client.get(moved.headers["location"]).text
    assert f'id="article-a{item["id"]}"' in page
    for unknown in ("999999", "abc", "0"):
        missing = client.get(f"/articles/{unknown}", headers={"accept": "text/html"})
        assert missing.status_code == 404 and f"[W002] No article {unknown}." in missing.text


def test_a_search_hit_links_to_its_article_on_the_story_page(client: TestClient) -> None:
    # A hit opened the story at its top; in a story of many articles the one found was to be sought.
    page = client.get("/search", params={"q": "council", "lang": "en"}).text
    links = re.findall(r'href="(/stories/\d+)\?lang=en#(article-a\d+)"', page)
    assert links
    for path, anchor in links:
        assert f'id="{anchor}"' in client.get(path, params={"lang": "en"}).text


def test_the_story_page_counts_in_the_singular_for_one(client: TestClient) -> None:
    # A column read "1 subjective passages" ("1 wertende Passagen").
    story = client.get("/api/v1/stories").json()["items"][0]["id"]
    english = " ".join(client.get(f"/stories/{story}", params={"lang": "en"}).text.split())
    assert "1 subjective passage<" in english and "1 subjective passages" not in english
    german = " ".join(client.get(f"/stories/{story}", params={"lang": "de"}).text.split())
    assert "1 wertende Passage<" in german


def test_a_later_page_of_stories_leads_back_to_the_first(store: Store) -> None:
    import dataclasses

    for n in range(22):
        article = read_text(
            f"Kiln report {n}\n\nThe kiln number {n} cooled on day {n}.", source=f"k{n}.txt", fmt="text"
        )
        store.add_article(dataclasses.replace(article, outlet="Kiln Post"), story=StoryChoice(None))
    client = _client(store)
    first = client.get("/", params={"lang": "en", "outlet": "Kiln Post"}).text
    assert 'rel="first"' not in first
    [later] = re.findall(r'class="next" href="([^"]+)"', first)
    second = client.get(later.replace("&amp;", "&")).text
    [back] = re.findall(r'class="first" href="([^"]+)"', second)
    assert "cursor" not in back and "outlet=Kiln+Post" in back and "lang=en" in back


def test_an_entity_page_links_to_its_stories_in_the_list(store: Store) -> None:
    import dataclasses

    from blickwinkel.model import AnalysedArticle, Mention, Statement

    article = dataclasses.replace(read_text(TEXT_A, source="mill.txt", fmt="text"), outlet="Mill Post")
    start = article.text.index("A fire")
    said = Statement(
        f"{article.id}#1",
        article.id,
        article.text[start : start + 32],
        start,
        start + 32,
        entities=(Mention("old mill", 24, 32, "LOC", "loc:old-mill"),),
    )
    store.add_article(article, analysed=AnalysedArticle(article, (said,)), story=StoryChoice(None))
    assert said.text[24:32] == "old mill"
    page = _client(store).get("/entities/loc:old-mill", params={"lang": "en"})
    assert page.status_code == 200
    assert 'href="/?entity=loc%3Aold-mill&amp;lang=en">all in the story list</a>' in page.text


def test_a_wait_that_is_no_number_is_said_to_be_no_number(client: TestClient) -> None:
    # "?wait=nan" was refused as if it were over the limit ("must be ≤ 3600")
    for value in ("nan", "inf"):
        error = assert_error(client.get("/api/v1/stories/1", params={"wait": value}), 422, "invalid")
        assert error["field"] == "wait" and "finite number" in error["message"]
        assert "3600" not in error["message"]


@pytest.mark.parametrize("query", ['AND OR NOT "', '"', " ", "-- * ()", "NOT NEAR"])
def test_a_search_of_no_word_is_named_as_such(client: TestClient, query: str) -> None:
    # an operator-only query listed articles (its words were searched as plain words)
    for path in ("/api/v1/articles", "/api/v1/stories", "/api/v1/search"):
        error = assert_error(client.get(path, params={"q": query}), 422, "invalid")
        assert error["field"] == "q" and "[W032]" in error["message"] and "no word" in error["message"]
    # words are searched as before, an operator word among them too
    assert client.get("/api/v1/articles", params={"q": "kiln AND brackwell"}).status_code == 200
    assert client.get("/api/v1/articles", params={"q": ""}).status_code == 200  # no filter


def test_the_search_page_says_a_search_of_no_word_has_none(client: TestClient) -> None:
    # the page listed the articles holding the operator words
    page = " ".join(client.get("/search", params={"q": "AND OR NOT", "lang": "en"}).text.split())
    assert "Give words to search for" in page and 'class="hits"><li>' not in page.replace("\n", "")
    german = client.get("/search", params={"q": '"', "lang": "de"}).text
    assert "Geben Sie Wörter ein" in german


def test_a_stored_article_too_long_to_compare_is_left_out_of_its_story_and_named(store: Store) -> None:
    # `ingest` stores a text of any length; its story's comparison took it in (a 5 MB text: minutes,
    # then K004 for the whole story). It is left out and named, as `compare` leaves such a file out.
    (story_id, _) = fill_store(store)
    long_text = invented_article(90) + "\n\n" + " ".join(["The council met again on day 3."] * 200)
    article = dataclasses.replace(
        read_text(long_text, source="long-report.txt", fmt="text"), url="https://news.example/long"
    )
    store.add_article(article, story=StoryChoice(story_id))
    client = _client(store, compare_max_chars=5_000)
    body = client.get(f"/api/v1/stories/{story_id}").json()
    assert len(body["articles"]) == 4
    compared = {a["id"] for a in body["comparison"]["articles"]}
    assert len(compared) == 3
    (unread,) = body["comparison"]["unread"]
    assert unread["input"] == "long-report.txt" and unread["error"] == "K005"
    assert any("[K005]" in note and "long-report.txt" in note for note in body["notes"])
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200 and "[K005]" in page.text


def test_a_story_left_with_one_article_short_enough_shows_its_articles_and_names_the_long_one(
    store: Store,
) -> None:
    (story_id,) = fill_store(store, stories=1, per_story=1)
    long_text = invented_article(91) + "\n\n" + " ".join(["The council met again on day 4."] * 200)
    article = dataclasses.replace(read_text(long_text, source="long-report.txt", fmt="text"), url=None)
    store.add_article(article, story=StoryChoice(story_id))
    client = _client(store, compare_max_chars=5_000)
    answer = client.get(f"/api/v1/stories/{story_id}")
    assert answer.status_code == 200, answer.text  # it was 422 (K003) for a story that is there
    body = answer.json()
    assert len(body["articles"]) == 2 and body["comparison"] is None and not body["comparison_pending"]
    assert any("[K005]" in note and "long-report.txt" in note for note in body["notes"])
    page = client.get(f"/stories/{story_id}")
    assert page.status_code == 200 and "[K005]" in page.text
