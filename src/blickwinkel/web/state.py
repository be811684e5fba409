"""What every request can reach: the store, comparisons, the fetcher and the options."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from fastapi import Request

from blickwinkel.config import Settings
from blickwinkel.errors import ApiError, Errors
from blickwinkel.ingest.fetch import Fetcher
from blickwinkel.store import Store
from blickwinkel.web.options import ServiceOptions
from blickwinkel.web.security import token_matches
from blickwinkel.web.service import Comparer, Comparisons, Reader, read_submitted
from blickwinkel.web.workers import CompareWorkers


class RenderedPages:
    """Rendered pages and JSON bodies by a key that names what they show, e.g. (story, story version,
    language, query): a stored story page changes only when the story does, and rendering it is most
    of a request's time under load."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._pages: OrderedDict[tuple[object, ...], str] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: tuple[object, ...]) -> str | None:
        with self._lock:
            page = self._pages.get(key)
            if page is not None:
                self._pages.move_to_end(key)
            return page

    def put(self, key: tuple[object, ...], page: str) -> None:
        with self._lock:
            self._pages[key] = page
            self._pages.move_to_end(key)
            while len(self._pages) > self._size:
                self._pages.popitem(last=False)


@dataclass
class AppState:
    store: Store
    settings: Settings
    options: ServiceOptions
    comparer: Comparer
    comparisons: Comparisons
    fetcher: Fetcher
    # True when the server listens on a non-loopback address: writes then always need the token.
    public: bool = False
    pages: RenderedPages = field(default_factory=RenderedPages)
    # JSON of story listings by (stories marker, query): the listing is the busiest API read
    listings: RenderedPages = field(default_factory=RenderedPages)
    workers: CompareWorkers = field(default_factory=lambda: CompareWorkers(2, 8))
    # reads compare requests' texts and fetched pages (in the comparison processes for the real pipeline)
    reader: Reader = read_submitted


def state(request: Request) -> AppState:
    app_state: AppState = request.app.state.blickwinkel
    return app_state


def presented_token(request: Request, form_token: str | None = None) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return request.headers.get("x-blickwinkel-token") or form_token


def check_write_token(request: Request, form_token: str | None = None) -> None:
    """Writes need the token when one is set, and always when the server is public."""
    app_state = state(request)
    expected = app_state.options.token
    if not expected:
        if app_state.public:
            raise ApiError(
                403,
                Errors.W009,
                code="forbidden",
            )
        return
    if not token_matches(expected, presented_token(request, form_token)):
        raise ApiError(401, Errors.W010, field="authorization")


def require_write_token(request: Request) -> None:
    check_write_token(request)
