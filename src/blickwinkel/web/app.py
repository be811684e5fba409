"""``create_app(store, settings)``: the FastAPI app serving the API, the web UI and its static files."""

from __future__ import annotations

import contextlib
import functools
import gc
import importlib.resources
from collections.abc import AsyncIterator, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from blickwinkel import __version__
from blickwinkel.config import Settings
from blickwinkel.ingest.fetch import Fetcher
from blickwinkel.store import Store
from blickwinkel.web import api, pages
from blickwinkel.web.cached_reads import CachedReads
from blickwinkel.web.errors import install_error_handlers
from blickwinkel.web.head_requests import HeadAsGet
from blickwinkel.web.options import ServiceOptions, fetch_policy, service_options
from blickwinkel.web.security import SecurityMiddleware
from blickwinkel.web.service import Comparer, ComparisonProcesses, Comparisons, read_submitted
from blickwinkel.web.state import AppState
from blickwinkel.web.workers import CompareWorkers

DESCRIPTION = """Stories (articles about one event from several outlets) with their comparison:
shared facts, facts only one outlet reports, contradictions, quotes and opinion.

Every error has one body: `{"error": {"code": "...", "message": "...", "field": null}}`.
`GET /api/v1/stories/{id}` computes a story's comparison once and keeps it; `?wait=0` answers at once
(202 with `comparison_pending` and `Retry-After` while it is computed) instead of waiting for it.
Write endpoints need `Authorization: Bearer <token>` when a token is set (always on a public address).
`POST /api/v1/compare` takes texts of at most `compare_max_chars` characters (default 200,000; longer
ones get 413) and answers 503 with `Retry-After` when its workers and queue are full; a URL is
fetched within one deadline (`fetch_timeout`) and only from public addresses. An input that cannot be
fetched or read is left out and named in the answer's `unread` (each in the error body's shape); the
others are compared (fewer than two: 422).
"""


def create_app(
    store: Store,
    settings: Settings,
    *,
    options: ServiceOptions | None = None,
    comparer: Comparer | None = None,
    fetcher: Fetcher | None = None,
    public: bool = False,
    on_ready: Callable[[], None] | None = None,
) -> FastAPI:
    """The app over ``store``; ``comparer`` and ``fetcher`` default to the real pipeline (in
    ``compare_processes`` processes of its own) and network. ``on_ready`` is called when the app has
    started up, just before the server accepts requests (``blickwinkel serve`` announces itself then)."""
    options = options or service_options(settings)
    processes = None
    if comparer is None:
        processes = ComparisonProcesses(
            settings.embedder, settings.align_threshold, options.compare_processes
        )
        comparer = processes

    @contextlib.asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # What is loaded by now (some 120,000 objects of the imported modules) lives as long as the
        # server: frozen out of the collector's way, a full collection no longer walks it (tens of
        # milliseconds on a request's path).
        gc.freeze()
        if on_ready is not None:
            on_ready()
        yield
        app.state.blickwinkel.workers.close()
        app.state.blickwinkel.comparisons.close()
        if processes is not None:
            processes.close()

    fetcher = fetcher or Fetcher(fetch_policy(options))
    app = FastAPI(
        title="blickwinkel",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/openapi.json",
        lifespan=lifespan,
        # No OpenTelemetry: FastAPI would look up the global providers on every request (a fifth of
        # a kept page's CPU time) for traces nobody collects here.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    app.state.blickwinkel = _app_state(store, settings, options, comparer, processes, fetcher, public)
    _install_layers(app, options, store)
    _add_docs_and_health(app)
    return app


def _app_state(
    store: Store,
    settings: Settings,
    options: ServiceOptions,
    comparer: Comparer,
    processes: ComparisonProcesses | None,
    fetcher: Fetcher,
    public: bool,
) -> AppState:
    """What the routes share: the store, the options, the comparer (in ``processes`` when the real
    pipeline compares), its queue and workers, the fetcher."""
    return AppState(
        store=store,
        settings=settings,
        options=options,
        comparer=comparer,
        comparisons=Comparisons(
            store,
            comparer if processes is None else processes.keeping_vectors(store),
            settings.embedder,
            background=options.compare_processes,
            max_chars=options.compare_max_chars,
        ),
        fetcher=fetcher,
        public=public,
        reader=read_submitted if processes is None else processes.read,
        workers=CompareWorkers(
            options.compare_workers, options.compare_queue, retry_after=max(1, round(options.fetch_timeout))
        ),
    )


def _install_layers(app: FastAPI, options: ServiceOptions, store: Store) -> None:
    """The error handlers, the middleware (HEAD as GET, kept answers, security limits), the static
    files and the routers."""
    install_error_handlers(app, pages.error_page)
    app.add_middleware(
        SecurityMiddleware,
        max_body_bytes=int(options.max_request_mb * 1_000_000),
        html_page=pages.error_page,
    )
    # Outermost: a kept answer is sent as it was, security headers included.
    app.add_middleware(CachedReads, data_version=store.data_version)
    # In front of all: HEAD goes through as a GET (a kept answer too) and leaves without its body.
    app.add_middleware(HeadAsGet)
    static = importlib.resources.files("blickwinkel.web").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)


def _add_docs_and_health(app: FastAPI) -> None:
    """The OpenAPI schema with the one error body, its page at /api/docs and /api/health."""
    # FastAPI's documented way to change the schema is to replace app.openapi, a method to mypy
    app.openapi = functools.partial(_openapi_with_error_body, app)  # type: ignore[method-assign]

    @app.get("/api/docs", include_in_schema=False, response_class=HTMLResponse)
    def api_docs(request: Request) -> Response:
        """The OpenAPI description as a page of our own (no CDN scripts, no inline code)."""
        spec = app.openapi()
        return pages.render(
            request,
            "docs.html",
            operations=_operations(spec),
            description=spec.get("info", {}).get("description", "").split("\n\n"),
        )

    @app.get("/api/health", include_in_schema=False)
    def health() -> JSONResponse:
        return JSONResponse({"status": "ok", "version": __version__})


ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "description": "The one error body of every route and status.",
    "type": "object",
    "required": ["error"],
    "properties": {
        "error": {
            "type": "object",
            "required": ["code", "message", "field"],
            "properties": {
                "code": {"type": "string"},
                "message": {"type": "string"},
                "field": {"anyOf": [{"type": "string"}, {"type": "null"}]},
            },
        }
    },
}


NOT_FOUND_DESCRIPTION = (
    "No such resource: an unknown id or key, or one that cannot be one (not a number, 0, negative, too large)"
)


def _openapi_with_error_body(app: FastAPI) -> dict[str, Any]:
    """FastAPI's description with the 422 answers given the body they are sent with: it described
    them as FastAPI's own ``{"detail": [{"loc", "msg", "type"}]}``, which no route sends, so a client
    generated from the description could not read an error. Routes with a path parameter answer 404
    for an invalid one (:func:`~blickwinkel.web.errors.unknown_resource`), which it did not list."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    schema = FastAPI.openapi(app)
    error = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.setdefault("responses", {})
            parameters = operation.get("parameters", [])
            if any(p.get("in") == "path" for p in parameters):
                # An invalid path parameter (/stories/abc) answers 404 like an unknown id, never 422.
                responses["404"] = {"description": NOT_FOUND_DESCRIPTION, "content": error}
                if "requestBody" not in operation and all(p.get("in") == "path" for p in parameters):
                    responses.pop("422", None)
            invalid = responses.get("422")
            if invalid is not None and invalid.get("description") in (None, "Validation Error"):
                invalid["description"] = "A parameter or the body is invalid"
            for status, answer in responses.items():
                if status.isdigit() and int(status) >= 400:
                    answer["content"] = error
    schemas = schema.setdefault("components", {}).setdefault("schemas", {})
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    schemas["Error"] = ERROR_SCHEMA
    app.openapi_schema = schema
    return schema


PUBLIC_ENV = "_BLICKWINKEL_SERVE_PUBLIC"
"""Set by ``blickwinkel serve --workers`` for its worker processes: the app listens on a public address."""


READY_ENV = "_BLICKWINKEL_SERVE_READY"
"""Set by ``blickwinkel serve --workers`` for its worker processes: a folder where each worker leaves
a file ``ready-<pid>`` once it has started up, so the command announces the server when all are."""


def app_from_environment() -> FastAPI:
    """The app each worker process of ``blickwinkel serve --workers N`` builds for itself: the settings
    come from the environment and the settings file, the database URL from ``BLICKWINKEL_DB``."""
    import os

    from blickwinkel.config import load_settings
    from blickwinkel.store import open_store

    settings = load_settings({})
    folder = os.environ.get(READY_ENV)
    return create_app(
        open_store(settings.db),
        settings,
        public=os.environ.get(PUBLIC_ENV) == "1",
        on_ready=functools.partial(mark_ready, folder) if folder else None,
    )


def mark_ready(folder: str) -> None:
    """Leave this process's ``ready-<pid>`` file in ``folder`` (see :data:`READY_ENV`)."""
    import os
    from pathlib import Path

    with contextlib.suppress(OSError):  # the command only announces later; the server still serves
        (Path(folder) / f"ready-{os.getpid()}").touch()


def _operations(spec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for path, methods in spec.get("paths", {}).items():
        for method, op in methods.items():
            out.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "parameters": [
                        (p["name"], p["in"], p.get("required", False), p.get("description") or "")
                        for p in op.get("parameters", [])
                    ],
                    "body": sorted(op.get("requestBody", {}).get("content", {})),
                    "answers": [
                        (status, answer.get("description", ""))
                        for status, answer in sorted(op.get("responses", {}).items())
                    ],
                }
            )
    return out
