"""The fetcher against real sockets on 127.0.0.1: the connection goes to the address that was
checked (a rebinding resolver cannot redirect it), the Host header keeps the name, and a server that
drips bytes is cut off at the whole-fetch deadline. Never reaches the internet."""

from __future__ import annotations

import time
from typing import ClassVar
from urllib.parse import urlsplit

import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest.fetch import Fetcher, FetchPolicy
from tests.local_server import LocalServer, QuietHandler

PUBLIC = "93.184.216.34"


class _Handler(QuietHandler):
    seen: ClassVar[list[tuple[str, str]]] = []

    def get(self) -> None:
        _Handler.seen.append((self.path, self.headers.get("host", "")))
        if self.path.startswith("/drip"):
            self.send_response(200)
            self.send_header("content-type", "text/plain")
            self.end_headers()
            try:
                for _ in range(400):  # 8 bytes a second for 50 s unless the client hangs up
                    self.wfile.write(b"x")
                    self.wfile.flush()
                    time.sleep(0.125)
            except OSError:
                pass
            return
        self.reply(b"<html><body><p>hello</p></body></html>", "text/html")


@pytest.fixture
def port(local_server: LocalServer) -> int:
    _Handler.seen = []
    port = urlsplit(local_server(_Handler)).port
    assert port is not None
    return port


def _fetcher(resolver: object, **policy: object) -> Fetcher:
    settings = FetchPolicy(**({"host_interval": 0.0, "obey_robots": False} | policy))  # type: ignore[arg-type]
    return Fetcher(settings, resolver=resolver)  # type: ignore[arg-type]


def test_the_checked_address_is_the_one_connected_and_the_host_keeps_its_name(port: int) -> None:
    calls: list[str] = []

    def resolver(host: str, p: int) -> list[str]:
        calls.append(host)
        return ["127.0.0.1"]

    f = _fetcher(resolver, allow_networks=("127.0.0.0/8",))
    assert f.get(f"http://news.test:{port}/a").body.startswith(b"<html>")
    assert _Handler.seen == [("/a", f"news.test:{port}")]
    assert set(calls) == {"news.test"}


def test_a_rebinding_answer_never_reaches_the_server(port: int) -> None:
    answers = iter([[PUBLIC]])

    def rebinding(host: str, p: int) -> list[str]:
        return next(answers, ["127.0.0.1"])  # public for the check, loopback afterwards

    with pytest.raises(IngestError, match="refused"):
        _fetcher(rebinding).get(f"http://news.test:{port}/secret")
    assert _Handler.seen == []


def test_the_metadata_address_stays_closed_when_loopback_is_allowed(port: int) -> None:
    f = _fetcher(lambda host, p: ["169.254.169.254"], allow_networks=("127.0.0.0/8",))
    with pytest.raises(IngestError, match="refused"):
        f.get(f"http://metadata.test:{port}/latest")


def test_a_dripping_server_is_cut_off_at_the_deadline(port: int) -> None:
    f = _fetcher(lambda host, p: ["127.0.0.1"], allow_networks=("127.0.0.0/8",), timeout=1.0)
    # The server drips for 50 s; the fetch ends at its deadline (near 1 s: bench/slow_fetch.py).
    with pytest.raises(IngestError, match="deadline") as info:
        f.get(f"http://drip.test:{port}/drip")
    assert "drip.test" in str(info.value)
