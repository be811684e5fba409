"""The network layer with httpx.MockTransport: address checks on every hop, size cap, robots.txt,
per-host interval. Nothing here reaches the network."""

from __future__ import annotations

import httpx
import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest.fetch import Fetcher, FetchPolicy, is_public_address

PUBLIC = "93.184.216.34"
ADDRESSES = {"news.example": [PUBLIC], "evil.example": [PUBLIC], "inside.example": ["10.0.0.5"]}


def resolver(host: str, port: int) -> list[str]:
    return ADDRESSES.get(host, [host])


def fetcher(handler: httpx.MockTransport | None = None, **policy: object) -> Fetcher:
    def ok(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(
            200, text="<html><body>hello</body></html>", headers={"content-type": "text/html"}
        )

    settings = FetchPolicy(**({"host_interval": 0.0} | policy))  # type: ignore[arg-type]
    return Fetcher(settings, transport=handler or httpx.MockTransport(ok), resolver=resolver)


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "192.168.0.1",
        "172.16.5.5",
        "169.254.169.254",
        "::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "0.0.0.0",
        "224.0.0.1",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


def test_public_address_is_fetched() -> None:
    assert is_public_address(PUBLIC)
    assert fetcher().get("https://news.example/a").body.startswith(b"<html>")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://inside.example/",
        "http://[::1]:8080/",
    ],
)
def test_urls_resolving_inward_are_refused(url: str) -> None:
    with pytest.raises(IngestError, match="refused"):
        fetcher().get(url)


def test_a_redirect_into_the_network_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"location": "http://169.254.169.254/latest/"})

    with pytest.raises(IngestError, match="refused"):
        fetcher(httpx.MockTransport(handler)).get("https://evil.example/go")


def test_allow_private_lets_tests_reach_loopback() -> None:
    assert fetcher(allow_private=True).get("http://127.0.0.1:9/x").status == 200


def test_other_schemes_are_refused() -> None:
    for url in ("file:///etc/passwd", "ftp://news.example/x", "javascript:alert(1)"):
        with pytest.raises(IngestError, match="only http"):
            fetcher().get(url)


def test_responses_over_the_size_cap_are_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"x" * 5000)

    with pytest.raises(IngestError, match="limit"):
        fetcher(httpx.MockTransport(handler), max_bytes=1000, obey_robots=False).get(
            "https://news.example/big"
        )


def test_robots_txt_is_obeyed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nDisallow: /private/\n")
        return httpx.Response(200, text="fine")

    f = fetcher(httpx.MockTransport(handler))
    assert f.get("https://news.example/public/a").status == 200
    with pytest.raises(IngestError, match=r"robots\.txt"):
        f.get("https://news.example/private/a")


def test_requests_to_one_host_keep_the_interval() -> None:
    now = [0.0]
    slept: list[float] = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        now[0] += seconds

    f = Fetcher(
        FetchPolicy(host_interval=2.0, obey_robots=False),
        transport=httpx.MockTransport(lambda r: httpx.Response(200)),
        resolver=resolver,
        clock=lambda: now[0],
        sleep=sleep,
    )
    for _ in range(3):
        f.get("https://news.example/x")
    f.get("https://evil.example/x")  # another host does not wait
    assert slept == [2.0, 2.0]


def test_http_errors_name_the_url() -> None:
    f = fetcher(httpx.MockTransport(lambda r: httpx.Response(503)), obey_robots=False)
    with pytest.raises(IngestError, match=r"HTTP 503") as info:
        f.get("https://news.example/down")
    assert info.value.source == "https://news.example/down"
