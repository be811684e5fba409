"""The network layer: every URL blickwinkel fetches goes through :class:`Fetcher`.

The fetch filter refuses addresses that lead into the machine or its network: every special-purpose
range of the IANA IPv4 and IPv6 registries (loopback, private, shared/CGNAT, link-local — which holds
the cloud metadata address 169.254.169.254 —, documentation, benchmarking, multicast, reserved,
site-local, ORCHID, NAT64, Teredo, and 6to4 or IPv4-mapped forms of a refused IPv4 address) unless the
``allow_networks`` of the policy name the range. The address is checked where the connection is
made, and the connection goes to exactly the address that was checked (the name is resolved once
per connection, so a rebinding DNS answer cannot slip in), while the Host header and the TLS name
(SNI and certificate check) stay the host name. Every redirect is checked the same way.

One deadline covers a whole fetch: waiting for the host's turn, robots.txt, connecting, every
redirect and every read; a server that drips bytes is cut off at the deadline. At most
``max_concurrent`` fetches run at once. Credentials in a URL (``user:pass@``) never appear in a
message. Tests swap the transport (``httpx.MockTransport``) and the resolver.
"""

from __future__ import annotations

import codecs
import ipaddress
import re
import socket
import ssl
import threading
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import httpcore
import httpx

from blickwinkel.config import Network, default_of, parse_networks
from blickwinkel.errors import Errors, IngestError, NoAnswerError
from blickwinkel.ingest._decode import western_text
from blickwinkel.ingest.urls import redact

Resolver = Callable[[str, int], list[str]]
USER_AGENT = "blickwinkel/0.1 (news comparison; +https://example.invalid/blickwinkel)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})

# The IANA special-purpose address registries (iana.org/assignments/iana-ipv4-special-registry and
# iana-ipv6-special-registry), plus multicast, the old site-local range and 6to4, none of which is a
# news site. Python's ``is_global`` is checked as well; this table does not depend on its version.
REFUSED_NETWORKS: tuple[Network, ...] = tuple(
    ipaddress.ip_network(n)
    for n in (
        "0.0.0.0/8",  # this network
        "10.0.0.0/8",  # private
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",  # loopback
        "169.254.0.0/16",  # link-local, cloud metadata
        "172.16.0.0/12",  # private
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation TEST-NET-1
        "192.31.196.0/24",  # AS112-v4
        "192.52.193.0/24",  # AMT
        "192.88.99.0/24",  # 6to4 relay anycast
        "192.168.0.0/16",  # private
        "192.175.48.0/24",  # direct delegation AS112
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation TEST-NET-2
        "203.0.113.0/24",  # documentation TEST-NET-3
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and 255.255.255.255 broadcast
        "::/96",  # unspecified, loopback, IPv4-compatible (deprecated)
        "64:ff9b::/96",  # NAT64: reaches any IPv4 address through a translator
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard-only
        "100:0:0:1::/64",  # dummy prefix
        "2001::/23",  # IETF protocol assignments: Teredo, benchmarking, ORCHID(v2), …
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4: may carry any IPv4 address
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing SIDs
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated)
        "ff00::/8",  # multicast
    )
)


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of the network layer.

    ``timeout`` is the deadline of one whole fetch. ``allow_networks`` opens refused ranges on
    purpose, e.g. ``("127.0.0.0/8",)`` for a test server — which leaves 169.254.169.254 refused.
    """

    timeout: float = default_of("fetch_timeout")
    max_bytes: int = int(default_of("fetch_max_mb") * 1_000_000)
    host_interval: float = default_of("fetch_host_interval")
    max_redirects: int = 5
    allow_networks: tuple[str, ...] = ()
    max_concurrent: int = default_of("fetch_max_concurrent")
    obey_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(frozen=True)
class Fetched:
    """A successful response: the final URL after redirects, its status, headers and body."""

    url: str
    status: int
    content_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)

    def text(self) -> str:
        """The body as text, in the encoding a browser would read it in: a byte-order mark, else the
        Content-Type header's charset, else the page's own ``<meta charset>`` (older German sites send
        windows-1252 with no header charset: their "Straße" came out as "Stra\ufffde"), else UTF-8,
        else Western European text; Latin-1 and ASCII labels mean windows-1252, as in browsers."""
        if self.body.startswith(codecs.BOM_UTF8):
            return self.body[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace")
        for charset in (self._header_charset(), _meta_charset(self.body)):
            codec = _codec(charset)
            if codec is not None:
                try:
                    return self.body.decode(codec, errors="replace")
                except (LookupError, UnicodeError):
                    continue  # a label of no text encoding ("base64", "zlib", "idna"): read on
        try:
            return self.body.decode("utf-8")
        except UnicodeDecodeError:
            pass
        western = western_text(self.body)
        return western if western is not None else self.body.decode("utf-8", errors="replace")

    def _header_charset(self) -> str | None:
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                return value.strip().strip('"').strip("'")
        return None


# <meta charset="…"> or <meta http-equiv="Content-Type" content="text/html; charset=…"> near the top.
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_META_WINDOW = 4096
_WINDOWS_1252_LABELS = frozenset({"latin_1", "iso8859_1", "ascii"})


def _meta_charset(body: bytes) -> str | None:
    found = _META_CHARSET.search(body[:_META_WINDOW])
    return found.group(1).decode("ascii") if found else None


def _codec(label: str | None) -> str | None:
    """Python's codec for a charset label, or None for no label or one Python does not know."""
    if not label:
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return "cp1252" if name.replace("-", "_") in _WINDOWS_1252_LABELS else name


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise NoAnswerError(host, Errors.I040.format(exc=exc)) from None
    return sorted({str(info[4][0]) for info in infos})


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv4-mapped, 6to4, NAT64 or Teredo address leads to."""
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public_address(address: str, allow: Sequence[Network] = ()) -> bool:
    """True for a globally routable unicast address, or one inside ``allow``.

    An IPv6 address that carries an IPv4 address (mapped, 6to4, NAT64, Teredo) is refused when that
    IPv4 address is; the translation ranges themselves are refused unless allowed.
    """
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if any(ip.version == net.version and ip in net for net in allow):
        return True
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            if not is_public_address(str(inner), allow):
                return False
            if ip.ipv4_mapped is not None:
                return True  # ::ffff:a.b.c.d is a.b.c.d
    if any(ip.version == net.version and ip in net for net in REFUSED_NETWORKS):
        return False
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


class _Deadline(threading.local):
    """The deadline of the fetch running on this thread (a clock value), read by the connections,
    and the filter's refusal of an address met while connecting (reported in place of the
    transport's connection error)."""

    at: float | None = None
    refused: IngestError | None = None


def _bounded(timeout: float | None, left: float | None) -> float | None:
    """``timeout`` cut to the time left before the deadline (a past deadline times out at once)."""
    if left is None:
        return timeout
    left = max(left, 0.001)
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, remaining: Callable[[], float | None]) -> None:
        self._inner = inner
        self._remaining = remaining

    def _bound(self, timeout: float | None) -> float | None:
        return _bounded(timeout, self._remaining())

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._bound(timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._bound(timeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        inner = self._inner.start_tls(ssl_context, server_hostname, self._bound(timeout))
        return _DeadlineStream(inner, self._remaining)

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Opens TCP connections only to an address the fetch filter approved for the host name.

    The name is resolved once per connection and the socket goes to the address that was checked;
    httpcore keeps the name for the Host header and for TLS (SNI and certificate verification).
    """

    def __init__(self, approve: Callable[[str, int], str], remaining: Callable[[], float | None]) -> None:
        self._approve = approve
        self._remaining = remaining
        self._inner = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        address = self._approve(host, port)
        inner = self._inner.connect_tcp(
            address, port, _bounded(timeout, self._remaining()), local_address, socket_options
        )
        return _DeadlineStream(inner, self._remaining)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("unix sockets are never fetched")

    def sleep(self, seconds: float) -> None:
        self._inner.sleep(seconds)


class _PinnedTransport(httpx.HTTPTransport):
    """httpx's transport over :class:`_PinnedBackend`; proxies from the environment are ignored, as a
    proxy would connect wherever it likes."""

    def __init__(self, backend: _PinnedBackend) -> None:
        super().__init__(trust_env=False)
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=100,
            max_keepalive_connections=20,
            keepalive_expiry=5.0,
            network_backend=backend,
        )


class Fetcher:
    """Fetches URLs under a :class:`FetchPolicy`; raises :class:`IngestError` naming the URL."""

    def __init__(
        self,
        policy: FetchPolicy | None = None,
        *,
        transport: httpx.BaseTransport | None = None,
        resolver: Resolver | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self._allow = parse_networks(self.policy.allow_networks)
        self._resolver = resolver or system_resolver
        self._clock = clock
        self._sleep = sleep
        self._deadline = _Deadline()
        self._client = httpx.Client(
            transport=transport or _PinnedTransport(_PinnedBackend(self._approve, self._remaining)),
            timeout=httpx.Timeout(self.policy.timeout, connect=min(10.0, self.policy.timeout)),
            follow_redirects=False,
            trust_env=False,
            headers={"User-Agent": self.policy.user_agent},
        )
        self._lock = threading.Lock()
        self._slots = threading.BoundedSemaphore(max(1, self.policy.max_concurrent))
        self._next_slot: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Fetched:
        """GET ``url`` following redirects, each hop checked; 304 is returned, other non-2xx raise.

        The whole fetch ends by the policy's deadline; more than ``max_concurrent`` fetches at once
        are refused at once rather than queued.
        """
        shown = redact(url)
        if not self._slots.acquire(blocking=False):
            raise NoAnswerError(shown, Errors.I041.format(limit=self.policy.max_concurrent))
        outer = self._deadline.at
        self._deadline.at = self._clock() + self.policy.timeout
        try:
            return self._follow(url, headers or {})
        finally:
            self._deadline.at = outer
            self._slots.release()

    def _follow(self, url: str, headers: dict[str, str]) -> Fetched:
        shown = redact(url)
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self.check_url(current)
            if self.policy.obey_robots and not self._robots_allow(current):
                raise IngestError(shown, Errors.I042)
            response = self._request(current, headers)
            if response.status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise IngestError(shown, Errors.I043.format(status=response.status))
                current = urllib.parse.urljoin(current, location)
                continue
            if response.status == 304 or 200 <= response.status < 300:
                return response
            raise IngestError(shown, Errors.I044.format(status=response.status, url=redact(current)))
        raise IngestError(shown, Errors.I045.format(limit=self.policy.max_redirects))

    def check_url(self, url: str) -> None:
        """Refuse URLs that are not http(s) or whose host resolves to a refused address."""
        parts, port = self._split(url)
        self._approved_address(redact(url), parts.hostname or "", port)

    def _split(self, url: str) -> tuple[urllib.parse.SplitResult, int]:
        try:
            parts = urllib.parse.urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise IngestError(redact(url), Errors.I046.format(problem=redact(str(exc)))) from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IngestError(redact(url), Errors.I047)
        return parts, port

    def _approved_address(self, shown: str, host: str, port: int) -> str:
        """The address to connect to: the first the name resolves to, when every one is allowed."""
        try:
            addresses = self._resolver(host, port)
        except IngestError as exc:
            # The resolver names the host alone: the failure listed "example.org" as the input, not
            # the feed entry's address the user could look up.
            raise exc.named(shown) from None
        if not addresses:
            raise NoAnswerError(shown, Errors.I048)
        refused = [a for a in addresses if not is_public_address(a, self._allow)]
        if refused:
            raise IngestError(shown, Errors.I049.format(host=host, address=refused[0]))
        return addresses[0]

    def _approve(self, host: str, port: int) -> str:
        try:
            return self._approved_address(host, host.strip("[]"), port)
        except IngestError as exc:
            self._deadline.refused = exc
            raise httpcore.ConnectError(exc.problem) from None

    def _remaining(self) -> float | None:
        at = self._deadline.at
        return None if at is None else at - self._clock()

    def _wait_for_host(self, shown: str, host: str) -> None:
        left = self._remaining()
        if left is not None and left <= 0:
            raise self._timed_out(shown)
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            if left is not None and slot - now > left:
                raise NoAnswerError(shown, Errors.I050.format(host=host, interval=self.policy.host_interval))
            self._next_slot[host] = slot + self.policy.host_interval
        if slot > now:
            self._sleep(slot - now)

    def _timed_out(self, shown: str) -> NoAnswerError:
        return NoAnswerError(shown, Errors.I051.format(timeout=self.policy.timeout))

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        shown = redact(url)
        host = urllib.parse.urlsplit(url).hostname or ""
        self._wait_for_host(shown, host)
        limit = self.policy.max_bytes
        left = self._remaining()
        if left is not None and left <= 0:
            raise self._timed_out(shown)
        timeout = httpx.Timeout(left) if left is not None else httpx.USE_CLIENT_DEFAULT
        self._deadline.refused = None
        try:
            with self._client.stream("GET", url, headers=headers, timeout=timeout) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and len(declared) < 20 and int(declared) > limit:
                    raise IngestError(
                        shown, Errors.I052.format(size_mb=int(declared) / 1e6, limit_mb=limit / 1e6)
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise IngestError(shown, Errors.I053.format(limit_mb=limit / 1e6))
                    left = self._remaining()
                    if left is not None and left <= 0:
                        raise self._timed_out(shown)
                    chunks.append(chunk)
                return Fetched(
                    url=url,
                    status=response.status_code,
                    content_type=response.headers.get("content-type", ""),
                    body=b"".join(chunks),
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except httpx.TimeoutException:
            raise self._timed_out(shown) from None
        except httpx.HTTPError as exc:
            refused, self._deadline.refused = self._deadline.refused, None
            if refused is not None:
                raise refused.named(shown) from None
            raise NoAnswerError(
                shown, Errors.I054.format(kind=type(exc).__name__, problem=redact(str(exc)))
            ) from None

    def _robots_allow(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            parser = self._load_robots(origin)
            with self._lock:
                self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.policy.user_agent, url)

    def _load_robots(self, origin: str) -> urllib.robotparser.RobotFileParser | None:
        """The site's rules; None (allow all) when it has none. 401/403 mean everything is disallowed."""
        robots_url = origin + "/robots.txt"
        parser = urllib.robotparser.RobotFileParser(robots_url)
        try:
            response = self._request(robots_url, {})
        except IngestError:
            return None
        if response.status in (401, 403):
            parser.parse(["User-agent: *", "Disallow: /"])
            return parser
        if not 200 <= response.status < 300:
            return None
        parser.parse(response.text().splitlines())
        return parser
