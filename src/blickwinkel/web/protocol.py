"""The HTTP/1.1 protocol ``blickwinkel serve`` runs uvicorn with: uvicorn's httptools protocol (the C
parser llhttp: a fraction of the pure-Python h11 parser's CPU time per request), except that

- a request it cannot parse (a bad request line or header) gets the API's one error body instead of
  uvicorn's plain-text 400, which never reaches the app;
- a request line and headers longer than :data:`~blickwinkel.web.security.MAX_REQUEST_LINE_BYTES`
  end the connection with that 400 (llhttp itself sets no limit, h11 did);
- a path and query over 64 KB (which httptools' URL parser refuses) get the 414 the app gives any
  target over ``MAX_TARGET_BYTES``.
"""

from __future__ import annotations

import json
from typing import Any

from uvicorn.protocols.http.httptools_impl import STATUS_LINE, HttpToolsProtocol

from blickwinkel.errors import Errors
from blickwinkel.web.errors import error_body
from blickwinkel.web.security import (
    MAX_REQUEST_LINE_BYTES,
    target_too_long,
    with_security_headers,
)

MAX_PARSED_URL_BYTES = 65535
"""What ``httptools.parse_url`` takes; longer targets are answered here (414), before it is called."""


class JsonErrorProtocol(HttpToolsProtocol):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._head_bytes = 0  # bytes received since the last request's headers were complete
        self._reading_head = True
        self._refused = False
        self._request_line = b""  # the start of the request line, for the message of a 400

    def data_received(self, data: bytes) -> None:
        if self._refused:
            return
        if self._reading_head:
            if not self._head_bytes:
                self._request_line = data[:8192].split(b"\r\n", 1)[0]
            self._head_bytes += len(data)
            if self._head_bytes > MAX_REQUEST_LINE_BYTES:
                self._refuse(400, Errors.W019.format(limit=MAX_REQUEST_LINE_BYTES))
                return
        super().data_received(data)

    def on_headers_complete(self) -> None:
        self._reading_head = False
        if len(self.url) > MAX_PARSED_URL_BYTES:
            self._refuse(414, target_too_long())
            return
        super().on_headers_complete()

    def on_body(self, body: bytes) -> None:
        if not self._refused:
            super().on_body(body)

    def on_message_complete(self) -> None:
        if self._refused:
            return
        super().on_message_complete()
        self._reading_head = True
        self._head_bytes = 0

    def send_400_response(self, msg: str) -> None:
        line = self._request_line
        unencoded = line.count(b" ") > 2 or any(byte >= 0x80 for byte in line)
        self._refuse(400, Errors.W018 if unencoded else Errors.W017)

    def _refuse(self, status: int, message: str) -> None:
        """Answer with the one error body and close the connection."""
        self._refused = True
        if self.transport.is_closing():
            return
        body = json.dumps(error_body(status, message)).encode("utf-8")
        headers = [
            *self.server_state.default_headers,
            *with_security_headers(
                [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            ),
            (b"connection", b"close"),
        ]
        content = [STATUS_LINE[status]]
        for name, value in headers:
            content += [name, b": ", value, b"\r\n"]
        content += [b"\r\n", body]
        self.transport.write(b"".join(content))
        self.transport.close()
