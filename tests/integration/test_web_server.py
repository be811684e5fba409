"""The app behind a real HTTP server (uvicorn with the options ``blickwinkel serve`` uses): a 1 MB
request path gets the one JSON error body, and an error answer keeps the keep-alive connection."""

from __future__ import annotations

import base64
import http.client
import json
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn

from blickwinkel.config import load_settings
from blickwinkel.store import open_store
from blickwinkel.web import ServiceOptions, create_app
from blickwinkel.web.protocol import JsonErrorProtocol
from blickwinkel.web.security import MAX_REQUEST_LINE_BYTES
from tests.integration.newsroom_fixtures import fill_store


def broken_comparison(articles: object) -> dict[str, object]:
    """A comparer with a bug: every story page is a 500."""
    raise RuntimeError("a bug")


@pytest.fixture(scope="module")
def port(tmp_path_factory: pytest.TempPathFactory) -> Iterator[int]:
    store = open_store(f"sqlite:///{tmp_path_factory.mktemp('server') / 'server.db'}")
    fill_store(store)
    app = create_app(store, load_settings({}), options=ServiceOptions(), comparer=broken_comparison)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        free = int(s.getsockname()[1])
    config = uvicorn.Config(
        app,
        host="127.0.0.1",
        port=free,
        log_level="warning",
        access_log=False,
        http=JsonErrorProtocol,
    )
    server = uvicorn.Server(config)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        thread = threading.Thread(target=server.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 60
        while not server.started:
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.05)
    yield free
    server.should_exit = True
    thread.join(30)
    store.close()


def _raw(port: int, request: bytes) -> tuple[int, dict[str, str], bytes]:
    with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
        sock.sendall(request)
        data = b""
        while b"\r\n\r\n" not in data:
            data += sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
        while len(body) < int(headers.get("content-length", "0")):
            body += sock.recv(65536)
    return int(lines[0].split()[1]), headers, body


def test_a_one_megabyte_path_gets_the_json_error_body(port: int) -> None:
    path = "/api/v1/articles/" + "9" * 1_000_000
    status, headers, body = _raw(port, f"GET {path} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
    assert status == 414
    assert headers["content-type"].startswith("application/json")
    assert set(json.loads(body)["error"]) == {"code", "message", "field"}


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /api/v1/stories HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n",
        b"GET /api/v1/stories HTTP/1.1\r\nHost: x\r\nX-A\x00: b\r\n\r\n",
        b"NOT HTTP AT ALL\r\n\r\n",
        b"GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
def test_a_request_the_server_cannot_parse_gets_the_json_error_body(port: int, request_bytes: bytes) -> None:
    status, headers, body = _raw(port, request_bytes)
    assert status == 400
    assert headers["content-type"] == "application/json"
    assert set(json.loads(body)["error"]) == {"code", "message", "field"}


@pytest.mark.parametrize(
    "request_bytes",
    [
        b"GET /api/v1/search?q=Br\xc3\xbccke HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET /a b c HTTP/1.1\r\nHost: x\r\n\r\n",
    ],
)
def test_an_address_that_is_not_percent_encoded_is_named_as_such(port: int, request_bytes: bytes) -> None:
    # `curl ".../search?q=Brücke"` got "not valid HTTP/1.1 (… a header cannot be read)".
    status, _, body = _raw(port, request_bytes)
    assert status == 400 and "percent-encoded" in json.loads(body)["error"]["message"]
    status, _, body = _raw(port, b"GET /api/v1/stories HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n")
    assert status == 400 and "cannot be read" in json.loads(body)["error"]["message"]


def test_the_server_s_own_400s_carry_ids_of_the_one_error_table(port: int) -> None:
    # Their texts were written in web/protocol.py, the only API messages outside errors.Errors.
    for request, code in [
        (b"GET /api/v1/search?q=Br\xc3\xbccke HTTP/1.1\r\nHost: x\r\n\r\n", "[W018]"),
        (b"GET /api/v1/stories HTTP/1.1\r\nHost: x\r\nbad header line\r\n\r\n", "[W017]"),
    ]:
        status, _, body = _raw(port, request)
        assert status == 400 and json.loads(body)["error"]["message"].startswith(code)


def test_an_error_keeps_the_keep_alive_connection(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    crafted = base64.urlsafe_b64encode(b"[1e999]").decode().rstrip("=")
    conn.request("GET", f"/api/v1/articles?cursor={crafted}")
    first = conn.getresponse()
    assert first.status == 400 and json.loads(first.read())["error"]["field"] == "cursor"
    sock = conn.sock
    conn.request("GET", "/api/v1/stories?limit=1")
    second = conn.getresponse()
    assert second.status == 200 and json.loads(second.read())["items"]
    assert conn.sock is sock  # the same connection served both
    conn.close()


def test_a_bug_is_a_500_with_the_one_body_and_the_connection_stays(port: int) -> None:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/api/v1/stories?limit=1")
    listing = conn.getresponse()
    story_id = json.loads(listing.read())["items"][0]["id"]
    sock = conn.sock
    conn.request("GET", f"/api/v1/stories/{story_id}")
    bug = conn.getresponse()
    assert bug.status == 500 and json.loads(bug.read())["error"]["code"] == "internal_error"
    conn.request("GET", "/api/v1/outlets")
    after = conn.getresponse()
    assert after.status == 200 and json.loads(after.read())["items"]
    assert conn.sock is sock
    conn.close()


def test_a_head_over_the_limit_ends_with_the_json_error_body(port: int) -> None:
    filler = b"X-Filler: " + b"a" * 60_000 + b"\r\n"
    head = b"GET /api/v1/stories HTTP/1.1\r\nHost: x\r\n" + filler * (
        MAX_REQUEST_LINE_BYTES // len(filler) + 2
    )
    status, headers, body = _raw(port, head + b"\r\n")
    assert status == 400 and headers["connection"] == "close"
    assert "longer than" in json.loads(body)["error"]["message"]


def test_the_serve_command_uses_the_same_protocol() -> None:
    source = (Path(__file__).resolve().parents[2] / "src/blickwinkel/web/serving.py").read_text()
    assert '"http": JsonErrorProtocol' in source


def test_serve_s_workers_have_time_to_start_on_a_busy_machine(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # uvicorn's health check gave a worker 5 s to answer: on 2 cores at load 17 a worker took longer
    # to start, was killed and replaced again and again without a word, and `serve --workers 2` never
    # served.
    import os

    from typer.testing import CliRunner

    from blickwinkel.cli.main import app
    from blickwinkel.web.app import PUBLIC_ENV, READY_ENV
    from blickwinkel.web.serving import WORKER_START_SECONDS

    given: dict[str, object] = {}
    monkeypatch.setattr(uvicorn, "run", lambda target, **options: given.update(options, target=target))
    # the command hands its settings to the workers in the environment: restored after the test
    for name in ("BLICKWINKEL_DB", "BLICKWINKEL_FETCH_ALLOW_NETWORKS", PUBLIC_ENV, READY_ENV):
        monkeypatch.setenv(name, "")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = f"sqlite:///{tmp_path / 'n.db'}"
    env = {"BLICKWINKEL_CONFIG": os.devnull}
    result = CliRunner().invoke(app, ["serve", "--workers", "2", "--port", str(port), "--db", db], env=env)
    assert result.exit_code == 0, result.stderr
    assert given["workers"] == 2 and given["timeout_worker_healthcheck"] == WORKER_START_SECONDS >= 60
