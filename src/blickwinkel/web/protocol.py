"""The HTTP/1.1 protocol ``blickwinkel serve`` runs uvicorn with: uvicorn's h11 protocol, except that a
request it cannot parse (a bad request line or header) gets the API's one error body instead of
uvicorn's plain-text 400, which never reaches the app."""

from __future__ import annotations

import json

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

from blickwinkel.web.errors import error_body


class JsonErrorH11Protocol(H11Protocol):
    def send_400_response(self, msg: str) -> None:
        body = json.dumps(
            error_body(
                400, "The request is not valid HTTP/1.1 (its request line or a header cannot be read)."
            )
        ).encode("utf-8")
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode("ascii")),
            (b"connection", b"close"),
        ]
        for event in (
            h11.Response(status_code=400, headers=headers, reason=b"Bad Request"),
            h11.Data(data=body),
        ):
            self.transport.write(self.conn.send(event))
        self.transport.write(self.conn.send(h11.EndOfMessage()))
        self.transport.close()
