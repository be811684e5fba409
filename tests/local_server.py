"""A local HTTP server for the tests that fetch: one quiet handler base and the ``local_server`` fixture
(tests/integration/conftest.py) that serves a handler on 127.0.0.1. Never reaches the internet."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

# Starts a server for a handler class and gives its base URL (``http://127.0.0.1:PORT``).
LocalServer = Callable[[type[http.server.BaseHTTPRequestHandler]], str]


class QuietHandler(http.server.BaseHTTPRequestHandler):
    """A request handler that logs nothing, answers GET with ``get`` and a page with ``reply``."""

    def do_GET(self) -> None:
        self.get()

    def get(self) -> None:
        raise NotImplementedError

    def reply(self, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        """Send ``200`` with ``body``, its type, its length and any further ``headers``."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def servers() -> Iterator[LocalServer]:
    """Start servers on free ports of 127.0.0.1 on demand; all stop when the block ends."""
    running: list[http.server.ThreadingHTTPServer] = []

    def start(handler: type[http.server.BaseHTTPRequestHandler]) -> str:
        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        httpd.daemon_threads = True
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        running.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    try:
        yield start
    finally:
        for httpd in running:
            httpd.shutdown()
            httpd.server_close()
