"""HEAD answered as the GET of the same URL without its body (RFC 9110 §9.3.2: a server that
answers GET answers HEAD too). FastAPI's ``@router.get`` routes answered HEAD with 405, so link
checkers, ``curl -I`` and uptime monitors saw every page as missing. The headers are the GET's
(``Content-Length``, ``ETag``, the security headers); an ``Allow`` header of a 405 names HEAD beside GET.
"""

from __future__ import annotations

from blickwinkel.web.security import ASGIApp, Message, Receive, Scope, Send


class HeadAsGet:
    """The ASGI middleware in front of the app (see the module's docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if scope["method"] != "HEAD":
            await self.app(scope, receive, _with_head_allowed(send))
            return

        async def send_headers_only(message: Message) -> None:
            if message["type"] == "http.response.body":
                if message.get("more_body", False):
                    return
                message = {"type": "http.response.body", "body": b"", "more_body": False}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, _with_head_allowed(send_headers_only))


def _with_head_allowed(send: Send) -> Send:
    async def send_allowing_head(message: Message) -> None:
        if message["type"] == "http.response.start" and message["status"] == 405:
            message = {**message, "headers": [_allow_head(k, v) for k, v in message.get("headers", [])]}
        await send(message)

    return send_allowing_head


def _allow_head(key: bytes, value: bytes) -> tuple[bytes, bytes]:
    if key.lower() != b"allow":
        return key, value
    methods = [m.strip() for m in value.split(b",") if m.strip()]
    if b"GET" in methods and b"HEAD" not in methods:
        methods.insert(methods.index(b"GET") + 1, b"HEAD")
    return key, b", ".join(methods)
