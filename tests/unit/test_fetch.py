"""The network layer with httpx.MockTransport: address checks on every hop, size cap, robots.txt,
per-host interval. Nothing here reaches the network."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest.fetch import Fetcher, FetchPolicy, is_public_address, parse_networks
from blickwinkel.ingest.urls import redact

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
        "2002:7f00:1::",  # 6to4 form of 127.0.0.1
        "2002:a9fe:a9fe::1",  # 6to4 form of 169.254.169.254
        "2002:5db8:d822::1",  # 6to4 of a public address: the 6to4 range is refused as such
        "64:ff9b::a9fe:a9fe",  # NAT64 form of 169.254.169.254
        "64:ff9b::5db8:d822",  # NAT64 of a public address: the translator is refused as such
        "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
        "fec0::1",  # site-local
        "2001:10::1",  # ORCHID
        "2001:20::1",  # ORCHIDv2
        "2001:2::1",  # benchmarking
        "2001:db8::1",  # documentation
        "3fff::1",  # documentation
        "198.18.0.1",  # benchmarking
        "198.19.255.255",
        "100.64.0.1",  # shared address space (CGNAT)
        "192.0.2.1",  # documentation
        "198.51.100.7",
        "203.0.113.9",
        "192.0.0.170",  # NAT64 discovery
        "192.88.99.1",  # 6to4 relay
        "239.255.255.250",  # multicast
        "ff02::1",
        "255.255.255.255",
        "240.0.0.1",
        "::",
        "::127.0.0.1",  # IPv4-compatible
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "fe80::1%eth0",
        "100::1",  # discard-only
        "not an address",
    ],
)
def test_non_public_addresses_are_refused(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize(
    "address", [PUBLIC, "1.1.1.1", "2606:2800:220:1:248:1893:25c8:1946", "::ffff:93.184.216.34"]
)
def test_public_addresses_pass(address: str) -> None:
    assert is_public_address(address)


def test_an_allow_list_opens_exactly_its_networks() -> None:
    loopback = parse_networks("127.0.0.0/8, ::1")
    assert is_public_address("127.0.0.1", loopback) and is_public_address("::1", loopback)
    assert is_public_address("::ffff:127.0.0.1", loopback)
    for address in ("169.254.169.254", "10.0.0.1", "2002:a9fe:a9fe::", "fd00::1"):
        assert not is_public_address(address, loopback), address
    with pytest.raises(ValueError, match="not an IP network"):
        parse_networks("127.0.0.0/8, localhost")


def test_credentials_never_appear_in_messages() -> None:
    assert redact("see https://anna:s3cret@news.example/a and http://tok@x.example/") == (
        "see https://***@news.example/a and http://***@x.example/"
    )
    for url in ("http://anna:s3cret@127.0.0.1/admin", "ftp://anna:s3cret@news.example/"):
        with pytest.raises(IngestError) as info:
            fetcher().get(url)
        assert "s3cret" not in str(info.value) and "anna" not in str(info.value)
    down = fetcher(httpx.MockTransport(lambda r: httpx.Response(500)), obey_robots=False)
    with pytest.raises(IngestError) as failed:
        down.get("https://anna:s3cret@news.example/a")
    assert "s3cret" not in str(failed.value)


def test_a_dripping_response_ends_at_the_whole_fetch_deadline() -> None:
    class Drip(httpx.SyncByteStream):
        def __iter__(self) -> Iterator[bytes]:
            while True:  # a byte every 50 ms, forever: no single read ever times out
                time.sleep(0.05)
                yield b"x"

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, stream=Drip())

    f = fetcher(httpx.MockTransport(handler), timeout=0.5)  # robots.txt drips too: one deadline for both
    # The response never ends; the fetch does, at its deadline (near 0.5 s: bench/slow_fetch.py).
    with pytest.raises(IngestError, match="deadline"):
        f.get("https://news.example/slow")


def test_fetches_over_the_concurrency_cap_are_refused_at_once() -> None:
    entered, release = threading.Event(), threading.Event()

    def handler(request: httpx.Request) -> httpx.Response:
        entered.set()
        release.wait(10)
        return httpx.Response(200, text="ok")

    f = fetcher(httpx.MockTransport(handler), obey_robots=False, max_concurrent=1)
    worker = threading.Thread(target=f.get, args=("https://news.example/a",))
    worker.start()
    assert entered.wait(10)
    try:
        with pytest.raises(IngestError, match="already running"):
            f.get("https://evil.example/b")
    finally:
        release.set()
        worker.join(10)
    assert f.get("https://evil.example/b").status == 200  # the slot is free again


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


def test_allowed_networks_open_loopback_but_not_the_metadata_address() -> None:
    allowed = fetcher(allow_networks=("127.0.0.0/8",))
    assert allowed.get("http://127.0.0.1:9/x").status == 200
    with pytest.raises(IngestError, match="refused"):
        allowed.get("http://169.254.169.254/latest/meta-data/")


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


# Every form of an inward address a redirect can name: the target is checked like the first URL.
INWARD_TARGETS = [
    "http://127.0.0.1/",
    "http://169.254.169.254/latest/meta-data/",
    "http://[::1]/",
    "http://[::ffff:169.254.169.254]/",  # IPv4-mapped
    "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
    "http://[2002:a9fe:a9fe::]/",  # 6to4 of the metadata address
    "http://[64:ff9b::a9fe:a9fe]/",  # NAT64 of the metadata address
    "http://[fec0::1]/",  # site-local
    "http://[fd00:ec2::254]/",  # unique local (a cloud's IPv6 metadata address)
    "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",  # Teredo
    "http://inside.example/",  # a name resolving to a private address
]


@pytest.mark.parametrize("target", INWARD_TARGETS)
def test_a_redirect_to_any_inward_form_is_refused(target: str) -> None:
    reached: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        reached.append(str(request.url))
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        return httpx.Response(302, headers={"location": target})

    with pytest.raises(IngestError, match="refused"):
        fetcher(httpx.MockTransport(handler)).get("https://news.example/go")
    assert all(url.startswith("https://news.example/") for url in reached), reached


@pytest.mark.parametrize(
    "url",
    [
        "http://2130706433/",  # 127.0.0.1 as one decimal number
        "http://0x7f000001/",  # ... in hexadecimal
        "http://0177.0.0.1/",  # ... with an octal part
        "http://127.1/",  # ... shortened
        "http://0/",  # 0.0.0.0
        "http://[::ffff:7f00:1]/",  # IPv4-mapped in hexadecimal
        "http://[0:0:0:0:0:ffff:a9fe:a9fe]/",
    ],
)
def test_numeric_spellings_of_inward_addresses_are_refused_by_the_system_resolver(url: str) -> None:
    # The system resolver turns these spellings into the address they mean (no network is asked).
    f = Fetcher(
        FetchPolicy(host_interval=0.0, obey_robots=False),
        transport=httpx.MockTransport(lambda r: httpx.Response(200)),
    )
    with pytest.raises(IngestError, match="refused"):
        f.get(url)


def test_a_name_with_one_inward_address_among_public_ones_is_refused() -> None:
    f = Fetcher(
        FetchPolicy(host_interval=0.0, obey_robots=False),
        transport=httpx.MockTransport(lambda r: httpx.Response(200)),
        resolver=lambda host, port: [PUBLIC, "169.254.169.254"],
    )
    with pytest.raises(IngestError, match=r"refused.*169\.254\.169\.254"):
        f.get("https://mixed.example/")


def test_allowing_loopback_opens_no_translated_form_of_it() -> None:
    # 127.0.0.0/8 allowed: its 6to4, NAT64 and Teredo forms stay refused (the ranges are refused as such).
    loopback = parse_networks("127.0.0.0/8")
    for address in ("2002:7f00:1::", "64:ff9b::7f00:1", "2001:0:4136:e378:8000:63bf:80ff:fffe"):
        assert not is_public_address(address, loopback), address


def test_an_article_from_a_url_with_credentials_keeps_them_nowhere() -> None:
    from blickwinkel.ingest.fetch import Fetched
    from blickwinkel.ingest.page import article_from_page
    from blickwinkel.ingest.urls import without_credentials

    assert without_credentials("https://anna:s3cret@news.example/a?x=1") == "https://news.example/a?x=1"
    assert without_credentials("https://news.example/a") == "https://news.example/a"
    page = (
        "<html><body><article><h1>Brücke gesperrt</h1><p>"
        + "Die Stadt sperrt die alte Brücke über den Fluss wegen Rost an den Trägern ab Montag. " * 4
        + "</p></article></body></html>"
    )
    fetched = Fetched("https://anna:s3cret@news.example/a", 200, "text/html", page.encode())
    article = article_from_page("https://anna:s3cret@news.example/a", fetched)
    assert article.url == "https://news.example/a" and "s3cret" not in repr(article)


@pytest.mark.parametrize(
    ("content_type", "head", "encoding"),
    [
        ("text/html", '<meta charset="windows-1252">', "cp1252"),
        ("text/html", '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=iso-8859-1">', "cp1252"),
        ("text/html", "", "cp1252"),  # no charset anywhere: Western European text is recognised
        ("text/html; charset=ISO-8859-15", "", "iso8859_15"),
        ("text/html; charset=utf-8", '<meta charset="windows-1252">', "utf-8"),  # the header wins
        ("text/html", '<meta charset="no-such-charset">', "utf-8"),
        # labels of codecs that are no text encoding raised LookupError or UnicodeError from text()
        ("text/html; charset=base64", "", "utf-8"),
        ("text/html; charset=idna", "", "utf-8"),
        ("text/html", '<meta charset="zlib">', "utf-8"),
        ("text/html; charset=rot13", '<meta charset="windows-1252">', "cp1252"),
    ],
)
def test_a_page_is_read_in_the_encoding_it_declares(content_type: str, head: str, encoding: str) -> None:
    # A windows-1252 page with <meta charset> and no charset in the header was read as UTF-8:
    # "Straße" became "Stra\ufffde" in the stored article.
    from blickwinkel.ingest.fetch import Fetched

    text = f"<html><head>{head}</head><body><p>Die Marktstraße ist geöffnet: 5 €.</p></body></html>"
    fetched = Fetched("https://news.example/a", 200, content_type, text.encode(encoding))
    assert "Die Marktstraße ist geöffnet: 5 €." in fetched.text()


def test_a_utf8_page_with_a_byte_order_mark_loses_the_mark() -> None:
    from blickwinkel.ingest.fetch import Fetched

    body = b"\xef\xbb\xbf<p>Gr\xc3\xbc\xc3\x9fe</p>"
    assert Fetched("https://news.example/a", 200, "text/html; charset=utf-8", body).text() == "<p>Grüße</p>"


def test_a_host_that_cannot_be_resolved_is_named_by_the_whole_address() -> None:
    # `ingest --failed` listed a feed entry whose host did not resolve as "example.org", not its URL.
    from blickwinkel.errors import Errors

    def unknown(host: str, port: int) -> list[str]:
        raise IngestError(host, Errors.I040.format(exc="[Errno -2] Name or service not known"))

    f = Fetcher(
        FetchPolicy(host_interval=0.0, obey_robots=False),
        transport=httpx.MockTransport(lambda r: httpx.Response(200)),
        resolver=unknown,
    )
    with pytest.raises(IngestError) as raised:
        f.get("https://news.example/2025/bridge")
    assert raised.value.source == "https://news.example/2025/bridge"
    assert "[I040] host name cannot be resolved" in raised.value.problem
    # offline, every address says this: the message says the network may be why (and a way out)
    assert "no network here" in raised.value.problem and "save the page" in raised.value.problem


@pytest.mark.parametrize(
    ("content_type", "body", "title"),
    [
        (
            "text/plain; charset=utf-8",
            "Brücke gesperrt\n\nDie Stadt hat die Brücke am Montag gesperrt.\n",
            "Brücke gesperrt",
        ),
        (
            "text/markdown",
            "# Brücke gesperrt\n\nDie Stadt hat die Brücke am Montag gesperrt.\n",
            "Brücke gesperrt",
        ),
        (
            "application/json",
            '{"title": "Brücke gesperrt", "text": "Die Stadt hat die Brücke gesperrt."}',
            "Brücke gesperrt",
        ),
        (
            "application/octet-stream",
            '{"title": "Brücke gesperrt", "text": "Die Stadt hat die Brücke gesperrt."}',
            "Brücke gesperrt",
        ),
    ],
)
def test_a_fetched_text_markdown_or_json_body_is_read_as_what_it_is(
    content_type: str, body: str, title: str
) -> None:
    # Every fetched body was read as HTML: a .txt or JSON address failed with "no article text found
    # (the page has no main text trafilatura could extract)".
    from blickwinkel.ingest.fetch import Fetched
    from blickwinkel.ingest.page import article_from_page

    fetched = Fetched("https://news.example/a", 200, content_type, body.encode())
    article = article_from_page("https://news.example/a", fetched)
    assert article.title == title and "Die Stadt hat die Brücke" in article.text
    assert article.url == "https://news.example/a" and article.outlet == "news.example"


def test_a_fetched_pdf_is_named_for_what_it_is() -> None:
    from blickwinkel.ingest.fetch import Fetched
    from blickwinkel.ingest.page import article_from_page

    fetched = Fetched("https://news.example/a.pdf", 200, "application/pdf", b"%PDF-1.4 ...")
    with pytest.raises(IngestError, match=r"\[I056\] not a web page or text but application/pdf"):
        article_from_page("https://news.example/a.pdf", fetched)
