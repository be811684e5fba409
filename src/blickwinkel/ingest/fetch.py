"""The network layer: every URL blickwinkel fetches goes through :class:`Fetcher`.

It refuses addresses that lead into the machine or its network (loopback, private, link-local —
which holds the cloud metadata address 169.254.169.254 —, multicast, reserved) after resolving the
host name, on the first request and on every redirect; it caps timeouts and response sizes, keeps a
minimum interval between requests to one host and obeys robots.txt. Tests swap the transport
(``httpx.MockTransport``) and the resolver.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
import urllib.parse
import urllib.robotparser
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from blickwinkel.errors import IngestError

Resolver = Callable[[str, int], list[str]]
USER_AGENT = "blickwinkel/0.1 (news comparison; +https://example.invalid/blickwinkel)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    """Limits of the network layer; ``allow_private`` lets tests reach a server on 127.0.0.1."""

    timeout: float = 15.0
    max_bytes: int = 10_000_000
    host_interval: float = 1.0
    max_redirects: int = 5
    allow_private: bool = False
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
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip('"')
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


def system_resolver(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise IngestError(host, f"host name cannot be resolved ({exc})") from None
    return sorted({str(info[4][0]) for info in infos})


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped IPv6 judged as its IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
        or not ip.is_global
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
        self._resolver = resolver or system_resolver
        self._clock = clock
        self._sleep = sleep
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(self.policy.timeout, connect=min(10.0, self.policy.timeout)),
            follow_redirects=False,
            headers={"User-Agent": self.policy.user_agent},
        )
        self._lock = threading.Lock()
        self._next_slot: dict[str, float] = {}
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def get(self, url: str, *, headers: dict[str, str] | None = None) -> Fetched:
        """GET ``url`` following redirects, each hop checked; 304 is returned, other non-2xx raise."""
        current = url
        for _ in range(self.policy.max_redirects + 1):
            self.check_url(current)
            if self.policy.obey_robots and not self._robots_allow(current):
                raise IngestError(url, "robots.txt of the site disallows fetching this page")
            response = self._request(current, headers or {})
            if response.status in _REDIRECTS:
                location = response.headers.get("location")
                if not location:
                    raise IngestError(url, f"redirect {response.status} without a Location header")
                current = urllib.parse.urljoin(current, location)
                continue
            if response.status == 304 or 200 <= response.status < 300:
                return response
            raise IngestError(url, f"HTTP {response.status} from {current}")
        raise IngestError(url, f"more than {self.policy.max_redirects} redirects")

    def check_url(self, url: str) -> None:
        """Refuse URLs that are not http(s) or whose host resolves to a non-public address."""
        try:
            parts = urllib.parse.urlsplit(url)
            port = parts.port or (443 if parts.scheme == "https" else 80)
        except ValueError as exc:
            raise IngestError(url, f"not a valid URL ({exc})") from None
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise IngestError(url, "only http:// and https:// URLs with a host name can be fetched")
        if self.policy.allow_private:
            return
        addresses = self._resolver(parts.hostname, port)
        if not addresses:
            raise IngestError(url, "host name resolves to no address")
        refused = [a for a in addresses if not is_public_address(a)]
        if refused:
            raise IngestError(
                url,
                f"refused: {parts.hostname} resolves to a local, private or reserved address ({refused[0]}); "
                "set fetch_allow_private to fetch from such addresses",
            )

    def _wait_for_host(self, host: str) -> None:
        with self._lock:
            now = self._clock()
            slot = max(now, self._next_slot.get(host, now))
            self._next_slot[host] = slot + self.policy.host_interval
        if slot > now:
            self._sleep(slot - now)

    def _request(self, url: str, headers: dict[str, str]) -> Fetched:
        host = urllib.parse.urlsplit(url).hostname or ""
        self._wait_for_host(host)
        limit = self.policy.max_bytes
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit:
                    raise IngestError(
                        url, f"response is {int(declared) / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit"
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > limit:
                        raise IngestError(url, f"response is larger than the {limit / 1e6:g} MB limit")
                    chunks.append(chunk)
                return Fetched(
                    url=url,
                    status=response.status_code,
                    content_type=response.headers.get("content-type", ""),
                    body=b"".join(chunks),
                    headers={k.lower(): v for k, v in response.headers.items()},
                )
        except httpx.TimeoutException:
            raise IngestError(url, f"timed out after {self.policy.timeout:g} s") from None
        except httpx.HTTPError as exc:
            raise IngestError(url, f"cannot fetch ({type(exc).__name__}: {exc})") from None

    def _robots_allow(self, url: str) -> bool:
        parts = urllib.parse.urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
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
