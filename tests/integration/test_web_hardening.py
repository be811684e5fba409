"""Hostile requests get the one error body and never a 500: crafted cursors, fuzzed query parameters
of every route (hypothesis), long paths, texts over the size limit, a full compare queue (503 with
Retry-After), credentials in URLs. In-process app over a real SQLite store, stand-in comparer."""

from __future__ import annotations

import base64
import json
import os
import threading
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

from blickwinkel.config import load_settings
from blickwinkel.embed import Embedder
from blickwinkel.errors import ApiError, ComparisonError, StoreError
from blickwinkel.ingest import read_inputs
from blickwinkel.ingest.fetch import Fetched, Fetcher, FetchPolicy
from blickwinkel.pipeline import comparison_json
from blickwinkel.store import Store, open_store
from blickwinkel.store.cursor import decode_article_cursor, decode_story_cursor, encode_cursor
from blickwinkel.web import ServiceOptions, create_app
from blickwinkel.web.service import CompareInput, ComparisonProcesses, read_submitted
from tests.integration.newsroom_fixtures import fake_comparison, fill_store

TEXT_A = "Mill fire in Osterlin\n\nA fire broke out at the old mill on Monday.\n\nTen people were evacuated."
TEXT_B = "Osterlin mill burns\n\nThe old mill burned on Monday.\n\nTwelve people had to leave."


def b64(raw: str) -> str:
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


CRAFTED = [
    b64('["x"]'),
    b64("[null]"),
    b64("[[1]]"),
    b64("[1e999]"),
    b64("[" + "9" * 23 + "]"),
    b64("[-1]"),
    b64("[true]"),
    b64("[1.5]"),
    b64('{"a": 1}'),
    b64('["2024-13-40", 1, 1]'),
    b64('["2024-01-01", "1", 1]'),
    b64('["2024-01-01", 1, ' + "9" * 23 + "]"),
    b64("[NaN]"),
    b64("[Infinity, 1, 1]"),
    b64("[" * 150),
    "%%%",
    "é",
    "\x00",
    "",
]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('web') / 'web.db'}")
    fill_store(store)
    yield _client(store)
    store.close()


def _client(store: Store, **options: Any) -> TestClient:
    opts = ServiceOptions(**({"max_request_mb": 0.5, "compare_max_chars": 20_000} | options))
    fetcher = Fetcher(FetchPolicy(host_interval=0, obey_robots=False), resolver=lambda h, p: ["127.0.0.1"])
    app = create_app(store, load_settings({}), options=opts, comparer=fake_comparison, fetcher=fetcher)
    return TestClient(app, raise_server_exceptions=False)


def assert_error(response: Any, status: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "field"}
    return dict(body["error"])


def test_cursors_are_decoded_by_one_typed_decoder() -> None:
    assert decode_article_cursor(encode_cursor([41])).last_id == 41
    story = decode_story_cursor(encode_cursor(["2024-03-01", 3, 7]))
    assert (story.day.isoformat(), story.size, story.last_id) == ("2024-03-01", 3, 7)
    for cursor in CRAFTED:
        with pytest.raises(StoreError, match="S010"):
            decode_article_cursor(cursor)
        with pytest.raises(StoreError, match="S010"):
            decode_story_cursor(cursor)


@pytest.mark.parametrize("cursor", CRAFTED[:-1])
@pytest.mark.parametrize("path", ["/api/v1/articles", "/api/v1/stories", "/"])
def test_crafted_cursors_get_400_in_the_one_error_body(client: TestClient, path: str, cursor: str) -> None:
    response = client.get(path, params={"cursor": cursor})
    if path == "/":
        assert response.status_code in (400, 422), response.text
    else:
        assert response.status_code in (400, 422)
        assert_error(response, response.status_code)


def _routes(client: TestClient) -> list[tuple[str, list[str]]]:
    """Every GET route of the app (API and pages) with the names of its query parameters."""
    from fastapi.routing import APIRoute

    from blickwinkel.web import api, pages

    routes = []
    for route in [*api.router.routes, *pages.router.routes]:
        if isinstance(route, APIRoute) and "GET" in route.methods:
            names = [p.alias for p in route.dependant.query_params]
            for dependency in route.dependant.dependencies:
                names += [p.alias for p in dependency.query_params]
            routes.append((route.path, sorted(set(names) | {"lang"})))
    assert len(routes) >= 13, routes
    return routes


VALUES = st.one_of(
    st.text(max_size=300),
    st.sampled_from(CRAFTED),
    st.integers().map(str),
    st.sampled_from(["-1", "0", "1e999", "NaN", "9" * 5000, "2024-02-30", "[/]", "[bold]x", "%00"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzzed_query_parameters_never_give_a_500(client: TestClient, data: st.DataObject) -> None:
    path, names = data.draw(st.sampled_from(_routes(client)))
    path = path.replace("{article_id}", data.draw(st.sampled_from(["1", "9" * 5000, "-3", "x"])))
    path = path.replace("{story_id}", data.draw(st.sampled_from(["1", "9" * 30, "0"])))
    path = path.replace("{key}", data.draw(st.sampled_from(["a", "[/]", "%2F", "x" * 600])))
    chosen = data.draw(st.lists(st.sampled_from(names), unique=True)) if names else []
    params = {name: data.draw(VALUES) for name in chosen}
    headers = {"accept": data.draw(st.sampled_from(["application/json", "text/html"]))}
    response = client.get(path, params=params, headers=headers)
    assert response.status_code < 500, (path, params, response.text)
    if response.status_code >= 400 and path.startswith("/api"):
        assert_error(response, response.status_code)


def test_a_very_long_path_gets_the_json_error_body(client: TestClient) -> None:
    assert_error(client.get("/api/v1/articles/" + "9" * 60_000), 414)  # 1 MB: test_web_server.py
    assert_error(client.get("/api/v1/stories", params={"q": "x" * 20_000}), 414)


def test_a_text_over_the_documented_size_gets_413(client: TestClient) -> None:
    body = {"articles": [{"text": TEXT_A}, {"text": "Long\n\n" + "word " * 5000}]}
    error = assert_error(client.post("/api/v1/compare", json=body), 413)
    assert error["field"] == "articles.1.text" and "compare_max_chars" in error["message"]
    assert error["message"] == (
        "articles.1.text: [K005] the text has 25,006 characters; at most 20,000 are compared (setting "
        "compare_max_chars)."
    )
    files = [("files", ("a.txt", TEXT_A.encode())), ("files", ("b.txt", ("y " * 15_000).encode()))]
    # the field the request sent it in (it said "articles.1.text" of a form upload), and which file
    upload = assert_error(client.post("/api/v1/compare", files=files), 413)
    assert upload["field"] == "files" and upload["message"].startswith(
        "files (b.txt): [K005] the text has 30,000"
    )
    # The compare form leaves such a text out, names it in its box with the same words, compares the
    # others, and says the limit before anything is sent.
    form = client.get("/compare", params={"lang": "en"}).text
    assert "At most 20,000 characters a text" in form
    assert "Höchstens 20.000 Zeichen je Text" in client.get("/compare", params={"lang": "de"}).text
    long = "Long\n\n" + "word " * 5000
    page = client.post("/compare?lang=en", data={"text_1": TEXT_A, "text_2": long, "text_3": TEXT_B})
    assert page.status_code == 200
    assert "text-2: [K005] the text has 25,006 characters; at most 20,000 are compared" in page.text
    # A body over max_request_mb: its size and the limit (it said only the limit).
    body = {"articles": [{"text": TEXT_A}, {"text": "x " * 400_000}]}
    over = assert_error(client.post("/api/v1/compare", json=body), 413)
    assert over["message"].startswith("[W022] Request body is 0.8 MB, over the 0.5 MB limit")


def test_credentials_in_a_url_never_come_back(client: TestClient) -> None:
    body = {"articles": [{"url": "http://anna:s3cret@inside.test/x"}, {"text": TEXT_B}]}
    response = client.post("/api/v1/compare", json=body)
    assert response.status_code == 422
    assert "s3cret" not in response.text and "anna" not in response.text


def test_a_full_compare_queue_answers_503_with_retry_after_and_reads_go_on(tmp_path: Path) -> None:
    store = open_store(f"sqlite:///{tmp_path / 'busy.db'}")
    fill_store(store)
    release = threading.Event()
    started = threading.Semaphore(0)

    def slow(articles: Any) -> dict[str, Any]:
        started.release()
        release.wait(30)
        return fake_comparison(articles)

    opts = ServiceOptions(compare_workers=1, compare_queue=1)
    app = create_app(store, load_settings({}), options=opts, comparer=slow)
    client = TestClient(app, raise_server_exceptions=False)
    body = {"articles": [{"text": TEXT_A}, {"text": TEXT_B}]}
    results: list[int] = []
    busy = [
        threading.Thread(target=lambda: results.append(client.post("/api/v1/compare", json=body).status_code))
        for _ in range(2)
    ]
    try:
        for thread in busy:
            thread.start()
        assert started.acquire(timeout=30)  # one runs, one waits in the queue
        for _ in range(50):
            if app.state.blickwinkel.workers._places._value == 0:
                break
            threading.Event().wait(0.05)
        refused = client.post("/api/v1/compare", json=body)
        error = assert_error(refused, 503)
        assert refused.headers["retry-after"].isdigit() and "busy" in error["message"]
        assert client.get("/api/v1/stories", params={"limit": 1}).status_code == 200
    finally:
        release.set()
        for thread in busy:
            thread.join(30)
        store.close()
    assert results == [200, 200]
    assert json.loads(client.get("/api/health").text)["status"] == "ok"


def test_the_compare_page_shows_the_size_limit_with_its_status(client: TestClient) -> None:
    # A text too long is left out and named in its box, as `blickwinkel compare` leaves out such a file
    # (it answered 413 for the whole form); with fewer than two left, the form says so (422).
    form = {"text_1": TEXT_A, "text_2": "y " * 15_000}
    response = client.post("/compare", data=form, headers={"accept": "text/html"})
    assert response.status_code == 422 and "compare_max_chars" in response.text
    assert "text_2: text-2: " in response.text  # the box it is in (it said "articles.1.text")
    form = {"text_1": TEXT_A, "text_2": "y " * 15_000, "text_3": TEXT_A.replace("Ten", "Nine")}
    response = client.post("/compare", data=form, headers={"accept": "text/html"})
    assert response.status_code == 200 and 'id="result"' in response.text
    assert 'id="error_2"' in response.text and "compare_max_chars" in response.text


@pytest.mark.slow
def test_the_service_compares_in_processes_of_its_own_with_the_same_result(use_embedder: Embedder) -> None:
    # Analysis holds the interpreter lock; in worker processes it takes no time from the reads the
    # server answers (bench/slow_fetch.py --analyses has the figures). The result is the pipeline's.
    examples = Path(__file__).resolve().parents[2] / "examples" / "ferry-grounding"
    articles = read_inputs([str(p) for p in sorted(examples.iterdir())[:2]]).articles
    processes = ComparisonProcesses("use", None, 1)
    page = Fetched(
        "https://news.example/a",
        200,
        "text/html",
        (examples.parent / "brueckensperrung" / "tageblatt.html").read_bytes(),
    )
    items = [(CompareInput(text=TEXT_A, outlet="Mill News"), None), (CompareInput(url=page.url), page)]
    try:
        body = processes(articles)
        assert body == comparison_json(articles, "use")
        with pytest.raises(ComparisonError, match="two or more"):
            processes(articles[:1])  # the pipeline's own error crosses the process boundary
        assert processes.read(items, 20_000) == read_submitted(items, 20_000)  # pages read there too
        # an input that cannot be read is recorded (with its position), the others are read
        short = processes.read(items, 100)
        [(position, failure)] = short.failures
        assert position == 1 and failure.source == page.url and "at most 100 are compared" in str(failure)
        assert len(short.articles) == 1
    finally:
        processes.close()


def test_oversized_headers_and_bodies_and_wrong_methods_get_the_one_error_body(client: TestClient) -> None:
    assert_error(client.get("/api/v1/stories", headers={"x-padding": "p" * 40_000}), 431)
    assert_error(
        client.post(
            "/api/v1/compare",
            content=b"{" + b" " * 600_000 + b"}",
            headers={"content-type": "application/json"},
        ),
        413,
    )  # over max_request_mb 0.5
    assert_error(client.delete("/api/v1/stories"), 405)
    assert_error(client.get("/api/v1/no-such-route"), 404)
    assert_error(client.post("/api/v1/compare", content=b"x", headers={"content-type": "text/plain"}), 415)


JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()
    | st.text(max_size=50)
    | st.sampled_from(["[/]", "9" * 500]),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(["articles", "text", "url", "format", "outlet", "title", "x"]), inner, max_size=4
        )
    ),
    max_leaves=12,
)
ITEM = st.fixed_dictionaries(
    {},
    optional={
        "text": st.one_of(st.text(max_size=80), JSON_VALUES),
        "url": st.one_of(
            st.sampled_from(
                ["http://127.0.0.1/", "ftp://x/", "http://[::1", "http://anna:pw@inside.test/", ""]
            ),
            JSON_VALUES,
        ),
        "format": st.one_of(
            st.sampled_from(["text", "markdown", "html", "json", "jsonl", "pdf"]), JSON_VALUES
        ),
        "outlet": JSON_VALUES,
        "title": JSON_VALUES,
    },
)
BODIES = st.one_of(
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.lists(ITEM, max_size=4).map(lambda items: json.dumps({"articles": items}).encode()),
    st.binary(max_size=200),
    st.sampled_from([b"", b"{", b'{"articles": [1e999, NaN]}', b'{"articles": ' * 2000, b"\xff\xfe"]),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    body=BODIES,
    kind=st.sampled_from(["application/json", "multipart/form-data; boundary=x", "text/plain", ""]),
)
def test_fuzzed_compare_bodies_never_give_a_500(client: TestClient, body: bytes, kind: str) -> None:
    # The stand-in fetcher resolves every name to 127.0.0.1, which the filter refuses: no request leaves.
    response = client.post("/api/v1/compare", content=body, headers={"content-type": kind})
    assert response.status_code < 500, (body[:200], response.text)
    if response.status_code >= 400:
        assert_error(response, response.status_code)
    page = client.post("/compare", content=body, headers={"content-type": kind})
    assert page.status_code < 500, (body[:200], page.text[:300])


@pytest.mark.slow
def test_a_comparison_process_that_dies_fails_only_its_request() -> None:
    processes = ComparisonProcesses("use", None, 1)
    try:
        with pytest.raises(ApiError) as info:
            processes._run(os._exit, 1)  # the worker dies as if killed for memory
        assert info.value.status == 503 and "try again" in info.value.message
        assert processes._run(abs, -3) == 3  # fresh processes serve the next one
    finally:
        processes.close()
