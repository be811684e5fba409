"""Response headers (CSP without inline scripts), request size limits and the write token."""

from __future__ import annotations

import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from blickwinkel.errors import Errors
from blickwinkel.web.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Scripts and styles only from our own static files: an injected <script> or on* handler never runs.
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
MAX_TARGET_BYTES = 8192
"""Longer paths and queries get 414: no route needs more (the longest parameter takes 500 characters)."""
MAX_HEADER_BYTES = 32768
"""Larger request headers get 431."""
MAX_REQUEST_LINE_BYTES = 2_000_000
"""What the HTTP server reads of a request line and headers before giving up with its own plain-text
400; it is larger than the limits above so that the app answers with the one error body instead."""
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})


def target_too_long() -> str:
    return Errors.W020.format(limit=MAX_TARGET_BYTES)


def is_loopback_host(host: str) -> bool:
    return host in LOOPBACK_HOSTS or host.startswith("127.")


class SecurityMiddleware:
    """Adds the security headers and answers 413 (the one error body) for bodies over the limit.

    The limit holds for a declared Content-Length and for chunked bodies as they arrive.
    """

    def __init__(
        self, app: ASGIApp, *, max_body_bytes: int, html_page: Callable[[Any, int, str], Any] | None = None
    ) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        # The web UI's error page for a browser (a 6 MB upload to the compare form showed the JSON body).
        self.html_page = html_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = False

        async def send_with_headers(message: Message) -> None:
            if too_large:
                return  # the 413 has been sent in place of the app's answer
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(message.get("headers", []))
            await send(message)

        target = len(scope.get("raw_path") or scope.get("path", "").encode()) + len(
            scope.get("query_string", b"")
        )
        if target > MAX_TARGET_BYTES:
            await self._refuse(scope, send, 414, target_too_long())
            return
        if sum(len(k) + len(v) for k, v in scope.get("headers", [])) > MAX_HEADER_BYTES:
            await self._refuse(scope, send, 431, Errors.W021.format(limit=MAX_HEADER_BYTES))
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(scope, send, int(declared))
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received, too_large
            if too_large:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.max_body_bytes:
                    # Answer 413 now and hand the app an end of body; whatever it answers is dropped.
                    await self._too_large(scope, send, received, more=True)
                    too_large = True
                    return {"type": "http.request", "body": b"", "more_body": False}
            return message

        await self.app(scope, limited_receive, send_with_headers)

    async def _too_large(self, scope: Scope, send: Send, size: int, *, more: bool = False) -> None:
        """413 naming the body's size (its Content-Length, else what arrived before the limit:
        "more than") and the limit."""
        limit = self.max_body_bytes / 1_000_000
        shown = f"{'more than ' if more else ''}{size / 1_000_000:.3g}"
        await self._refuse(scope, send, 413, Errors.W022.format(size=shown, limit=limit))

    async def _refuse(self, scope: Scope, send: Send, status: int, message: str) -> None:
        """The web UI's error page for a browser's page request, else the one error body."""
        headers = dict(scope.get("headers", []))
        wants_page = b"text/html" in headers.get(b"accept", b"") and not scope.get("path", "").startswith(
            "/api"
        )
        if self.html_page is None or not wants_page:
            await _refuse(send, status, message)
            return
        from starlette.requests import Request

        response = self.html_page(Request(scope), status, message)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = with_security_headers(message.get("headers", []))
            await send(message)

        async def no_body() -> Message:
            return {"type": "http.request", "body": b"", "more_body": False}

        await response(scope, no_body, send_with_headers)


async def _refuse(send: Send, status: int, message: str) -> None:
    """Answer ``status`` with the one error body, before the app sees the request."""
    body = json.dumps(error_body(status, message)).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": with_security_headers(
                [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            ),
        }
    )
    await send({"type": "http.response.body", "body": body})


def with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The headers plus ours; a Content-Security-Policy the route set (a nonce page) is kept."""
    names = {k.decode("latin-1").lower() for k, _ in headers}
    out = list(headers)
    for name, value in SECURITY_HEADERS.items():
        if name not in names:
            out.append((name.encode(), value.encode()))
    return out


def token_matches(expected: str, given: str | None) -> bool:
    return given is not None and hmac.compare_digest(expected.encode(), given.encode())
