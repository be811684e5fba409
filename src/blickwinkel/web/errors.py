"""The one error body of the API: ``{"error": {"code", "message", "field"}}`` for every status.

HTML pages show the same code and message in a page; everything under ``/api`` gets the JSON body,
including errors raised by routing (404, 405), validation (422), the size limit (413) and bugs (500).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from blickwinkel.errors import (
    HTTP_ERROR_CODES,
    ApiError,
    BlickwinkelError,
    ComparisonError,
    ConfigError,
    Errors,
    IngestError,
)
from blickwinkel.ingest.urls import redact

log = logging.getLogger(__name__)


def error_body(
    status: int, message: str, *, code: str | None = None, field: str | None = None
) -> dict[str, Any]:
    # A URL given with user:pass@ is repeated in messages; its credentials never are.
    return {
        "error": {
            "code": code or HTTP_ERROR_CODES.get(status, "error"),
            "message": redact(message),
            "field": redact(field) if field is not None else None,
        }
    }


def error_json(
    status: int, message: str, *, code: str | None = None, field: str | None = None
) -> JSONResponse:
    return JSONResponse(error_body(status, message, code=code, field=field), status_code=status)


_TABLE_ID = re.compile(r"\[[A-Z]\d{3}\] ")


def invalid_field(field: str, problem: str) -> str:
    """The message for a request field pydantic refused: W023 with the field and pydantic's words
    ("articles: Field required"). A validator's own message from the table keeps its id in front,
    then the field, instead of pydantic's "Value error, " and a second id in the middle."""
    problem = problem.removeprefix("Value error, ")
    own = _TABLE_ID.match(problem)
    if own:
        return f"{own.group(0)}{field}: {problem[own.end() :]}"
    return Errors.W023.format(field=field, problem=problem)


def first_invalid(errors: Sequence[Mapping[str, Any]]) -> tuple[str, str]:
    """The field (dotted, without pydantic's "body"/"query" … prefix) and problem of the first of
    pydantic's validation errors."""
    first = errors[0] if errors else {}
    loc = [str(p) for p in first.get("loc", ()) if p not in ("body", "query", "path", "header", "form")]
    return ".".join(loc), str(first.get("msg", "invalid request"))


# What an address names that does not exist, by the path parameter that names it.
_NOT_FOUND = {"story_id": Errors.W001, "article_id": Errors.W002, "key": Errors.W003}
_SHOWN_ID_CHARS = 80


def unknown_resource(errors: Sequence[Mapping[str, Any]]) -> tuple[str, str] | None:
    """The path parameter and 404 message when a path parameter is invalid (``/stories/abc``,
    ``/stories/0``, an id past the database's integers): such an address names no story, article or
    entity, as an unknown number does (they answered 422, as if the request could be mended);
    None when the error is in the query or body."""
    path = [e for e in errors if tuple(e.get("loc", ()))[:1] == ("path",)]
    if not path:
        return None
    name = str(path[0]["loc"][-1])
    value = str(path[0].get("input", ""))
    if len(value) > _SHOWN_ID_CHARS:
        value = value[:_SHOWN_ID_CHARS] + "…"
    template = _NOT_FOUND.get(name)
    return name, Errors.W025 if template is None else template.format(**{name: value})


HtmlErrorPage = Callable[[Request, int, str], Awaitable[Response] | Response]


def install_error_handlers(app: FastAPI, html_page: Callable[[Request, int, str], Response]) -> None:
    """Route every error through :func:`error_json` (API) or ``html_page`` (the web UI)."""

    def respond(
        request: Request, status: int, message: str, code: str | None = None, field: str | None = None
    ) -> Response:
        message = redact(message)
        if request.url.path.startswith("/api") or "text/html" not in request.headers.get("accept", ""):
            response: Response = error_json(status, message, code=code, field=field)
        else:
            response = html_page(request, status, message)
        return response

    app.add_middleware(_InternalErrors, respond=respond)

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> Response:
        response = respond(request, exc.status, exc.message, exc.code, exc.field)
        response.headers.update(exc.headers)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = {
            404: Errors.W025,
            405: Errors.W026.format(method=request.method),
        }.get(exc.status_code) or Errors.W028.format(detail=exc.detail)
        response = respond(request, exc.status_code, message)
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        unknown = unknown_resource(list(exc.errors()))
        if unknown is not None:
            name, message = unknown
            return respond(request, 404, message, field=name if request.url.path.startswith("/api") else None)
        field, problem = first_invalid(list(exc.errors()))
        message = invalid_field(field or "request", problem)
        return respond(request, 422, message, "invalid", field or None)

    @app.exception_handler(BlickwinkelError)
    async def _domain_error(request: Request, exc: BlickwinkelError) -> Response:
        status = (
            422
            if isinstance(exc, IngestError | ComparisonError)
            else 500
            if isinstance(exc, ConfigError)
            else 400
        )
        field = exc.source if isinstance(exc, IngestError) else None
        return respond(request, status, str(exc), field=field)

    @app.exception_handler(Exception)
    async def _bug(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return respond(request, 500, Errors.W027)


Responder = Callable[[Request, int, str], Response]


class _InternalErrors:
    """Answers a bug with the one error body (500) inside the app, so that the exception never reaches
    the HTTP server: uvicorn closes a keep-alive connection when an exception escapes the app, even
    after the 500 has been sent."""

    def __init__(self, app: Callable[..., Awaitable[None]], *, respond: Responder) -> None:
        self.app = app
        self.respond = respond

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: dict[str, Any]) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            if started:
                raise  # half an answer is out; only closing the connection can end it
            request = Request(scope)
            log.exception("unhandled error on %s %s", request.method, request.url.path)
            response = self.respond(request, 500, Errors.W027)
            await response(scope, receive, send)
