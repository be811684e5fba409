"""Repeated reads answered from memory: a GET whose 200 answer a route marked with :func:`keep_answer`
(a story page, a story's JSON, a listing of stories) is sent again as the bytes and headers it had,
until anything is committed to the database.

Under many clients the work of a request is mostly FastAPI's routing, validation and the store query
that checks the page is still current, not the page itself (rendered once per story version). Here a
hit costs one dictionary look-up and the store's change counter (:meth:`Store.data_version`: SQLite's
``PRAGMA data_version``, a few microseconds; PostgreSQL's current snapshot, one round trip). A commit
anywhere (an ingest, a comparison stored, by this process or another) empties nothing but makes every
kept answer go through the app once more, where the route checks the story's version and answers from
its own cache of rendered pages: a story that changed is never served stale. Kept answers carry an
``ETag``; ``If-None-Match`` gets 304.

When the store cannot give the counter, every request goes through the app as before.
"""

from __future__ import annotations

import functools
import hashlib
import threading
from collections import OrderedDict
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass
from typing import Any

from fastapi import Request

from blickwinkel.web.i18n import choose_language
from blickwinkel.web.security import MAX_HEADER_BYTES, ASGIApp, Message, Receive, Scope, Send

KEEP = "blickwinkel.keep_answer"
"""The key in the request's ASGI ``state`` a route sets when its 200 answer may be kept."""
MAX_BYTES = 64_000_000
"""Kept answers in all, in bytes of body (least recently used go first)."""


def keep_answer(request: Request) -> None:
    """Mark this request's answer as depending only on the stored data, the path, the query and the
    language: it may be kept and sent again until the database changes."""
    request.scope.setdefault("state", {})[KEEP] = True


@dataclass(frozen=True)
class KeptAnswer:
    version: int
    etag: bytes
    start: Message
    body: Message
    not_modified: Message


@functools.lru_cache(maxsize=256)
def _language(accept_language: bytes) -> str:
    return choose_language(None, accept_language.decode("latin-1"))


def etag_matches(if_none_match: bytes | None, etag: bytes) -> bool:
    """Whether an ``If-None-Match`` header names ``etag``: one tag, a list of them, a weak ``W/`` one
    (a proxy that compressed the body marks it weak) or ``*`` (RFC 9110 13.1.2; only the exact
    single tag got 304)."""
    if not if_none_match:
        return False
    tags = [tag.strip().removeprefix(b"W/") for tag in if_none_match.split(b",")]
    return b"*" in tags or etag in tags


class CachedReads:
    """The ASGI middleware in front of the app (see the module's docstring)."""

    def __init__(
        self, app: ASGIApp, *, data_version: Callable[[], int | None], max_bytes: int = MAX_BYTES
    ) -> None:
        self.app = app
        self.data_version = data_version
        self.max_bytes = max_bytes
        self._kept: OrderedDict[tuple[str, bytes, str], KeptAnswer] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET":
            await self.app(scope, receive, send)
            return
        version = self.data_version()  # read before the app reads: a commit meanwhile is seen next time
        if version is None:
            await self.app(scope, receive, send)
            return
        headers: dict[bytes, bytes] = {}
        size = 0
        for name, value in scope["headers"]:
            headers[name] = value
            size += len(name) + len(value)
        if size > MAX_HEADER_BYTES:  # the app refuses these (431)
            await self.app(scope, receive, send)
            return
        key = (scope["path"], scope.get("query_string", b""), _language(headers.get(b"accept-language", b"")))
        kept = self._kept.get(key)
        if kept is not None and kept.version == version:
            if etag_matches(headers.get(b"if-none-match"), kept.etag):
                await send(kept.not_modified)
                await send({"type": "http.response.body", "body": b""})
                return
            await send(kept.start)
            await send(kept.body)
            return
        await self.app(
            scope, receive, _Keeper(self, scope, key, version, send, headers.get(b"if-none-match"))
        )

    def keep(self, key: tuple[str, bytes, str], answer: KeptAnswer) -> None:
        size = len(answer.body["body"])
        if size > self.max_bytes // 8:
            return
        with self._lock:
            old = self._kept.pop(key, None)
            if old is not None:
                self._bytes -= len(old.body["body"])
            self._kept[key] = answer
            self._bytes += size
            while self._bytes > self.max_bytes:
                _, dropped = self._kept.popitem(last=False)
                self._bytes -= len(dropped.body["body"])


class _Keeper:
    """The ``send`` of a request that missed: a 200 the route marked is held until its body is
    complete, kept with an ETag added, and sent; any other answer passes straight on."""

    def __init__(
        self,
        reads: CachedReads,
        scope: Scope,
        key: tuple[str, bytes, str],
        version: int,
        send: Send,
        if_none_match: bytes | None = None,
    ) -> None:
        self.if_none_match = if_none_match
        self.reads = reads
        self.scope = scope
        self.key = key
        self.version = version
        self.send = send
        self.start: Message | None = None
        self.chunks: list[bytes] = []

    async def __call__(self, message: Message) -> None:
        if self.start is None:
            state: MutableMapping[str, Any] = self.scope.get("state") or {}
            # The route has run by the time its answer starts: its mark is there or never will be.
            if message["type"] != "http.response.start" or message["status"] != 200 or not state.get(KEEP):
                await self.send(message)
                return
            self.start = message
            return
        self.chunks.append(message.get("body", b""))
        if message.get("more_body", False):
            return
        body = b"".join(self.chunks)
        etag = b'"' + hashlib.blake2b(body, digest_size=12).hexdigest().encode() + b'"'
        headers = [*self.start.get("headers", []), (b"etag", etag)]
        start = {"type": "http.response.start", "status": 200, "headers": headers}
        body_message = {"type": "http.response.body", "body": body}
        not_modified = {
            "type": "http.response.start",
            "status": 304,
            "headers": [(k, v) for k, v in headers if k.lower() not in (b"content-length", b"content-type")],
        }
        self.reads.keep(self.key, KeptAnswer(self.version, etag, start, body_message, not_modified))
        if etag_matches(self.if_none_match, etag):  # rebuilt after a commit, but what the client has
            await self.send(not_modified)
            await self.send({"type": "http.response.body", "body": b""})
            return
        await self.send(start)
        await self.send(body_message)
