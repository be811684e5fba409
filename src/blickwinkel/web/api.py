"""The JSON API under ``/api/v1``: articles, stories with their comparison, outlets, entities, compare."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from blickwinkel.errors import ApiError, Errors, IngestError
from blickwinkel.report.labels import comparison_notes
from blickwinkel.store import Page, Store, StoreError, StorySummary, has_words
from blickwinkel.store.outlet_profiles import outlet_profiles
from blickwinkel.web import answers
from blickwinkel.web.cached_reads import keep_answer
from blickwinkel.web.errors import error_body, first_invalid, invalid_field
from blickwinkel.web.service import (
    CompareInput,
    StoryComparison,
    compare_submitted,
    request_field,
    too_few_read,
)
from blickwinkel.web.state import AppState, require_write_token, state

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

router = APIRouter(prefix="/api/v1")

Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (1–200).")]
Cursor = Annotated[str | None, Query(max_length=200, description="The next_cursor of the previous page.")]
Since = Annotated[dt.date | None, Query(description="Only from this date on (YYYY-MM-DD).")]
Until = Annotated[dt.date | None, Query(description="Only up to this date (YYYY-MM-DD).")]
Language = Annotated[str | None, Query(max_length=16, pattern=r"^[a-z]{2,3}$", description="ISO 639-1 code.")]
Outlet = Annotated[str | None, Query(max_length=300, description="Outlet name.")]
Entity = Annotated[str | None, Query(max_length=500, description="Entity key.")]
Text = Annotated[str | None, Query(max_length=500, description="Full-text search; every word must match.")]
Id = Annotated[
    int, Path(ge=1, le=2**31 - 1, description="The id a listing gives (an id that is none answers 404).")
]
Format = Literal["text", "markdown", "html", "json", "jsonl", "feed"]


def _jsonable(record: DataclassInstance) -> dict[str, Any]:
    """A stored record (a summary, an entity, a search hit) as the JSON object the API answers with."""
    return dataclasses.asdict(record)


def _store(request: Request) -> Store:
    return state(request).store


def _page(page: Page[Any]) -> dict[str, Any]:
    return {"items": [_jsonable(i) for i in page.items], "next_cursor": page.next_cursor}


def _listing_error(exc: StoreError) -> ApiError:
    return ApiError(400, str(exc), code="bad_cursor", field="cursor")


@dataclasses.dataclass(frozen=True)
class ListingFilters:
    """The filters articles and stories are listed by; they combine with AND."""

    since: dt.date | None
    until: dt.date | None
    language: str | None
    outlet: str | None
    entity: str | None
    q: str | None


async def listing_filters(  # async: no trip to the thread pool for building a small record
    since: Since = None,
    until: Until = None,
    language: Language = None,
    outlet: Outlet = None,
    entity: Entity = None,
    q: Text = None,
) -> ListingFilters:
    check_dates(since, until)
    if q:
        check_search(q)
    return ListingFilters(since, until, language, outlet, entity, q)


def check_search(q: str) -> None:
    """422 for a search of no word (quotes, signs, operators only): it found nothing, or every article
    with the operators' words, and said nothing of why."""
    if not has_words(q):
        raise ApiError(422, Errors.W032.format(query=q), code="invalid", field="q")


def check_dates(since: dt.date | None, until: dt.date | None) -> None:
    """422 for ``since`` after ``until``: an empty list said nothing of the swapped dates."""
    if since is not None and until is not None and since > until:
        raise ApiError(422, Errors.W016.format(since=since, until=until), code="invalid", field="since")


Filters = Annotated[ListingFilters, Depends(listing_filters)]


@router.get(
    "/articles", summary="Stored articles, newest first", responses={200: {"model": answers.ArticleList}}
)
def list_articles(
    request: Request, filters: Filters, cursor: Cursor = None, limit: Limit = 50
) -> dict[str, Any]:
    try:
        page = _store(request).list_articles(cursor=cursor, limit=limit, **dataclasses.asdict(filters))
    except StoreError as exc:
        raise _listing_error(exc) from None
    return _page(page)


@router.get(
    "/articles/{article_id}",
    summary="One stored article with its text and blocks",
    responses={200: {"model": answers.StoredArticle}},
)
def get_article(request: Request, article_id: Id) -> dict[str, Any]:
    store = _store(request)
    article = store.article(article_id)
    if article is None:
        raise ApiError(404, Errors.W002.format(article_id=article_id), field="article_id")
    return {
        "id": article_id,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published,
        "language": article.language,
        "author": article.author,
        "source": article.source,
        "paywalled": article.paywalled,
        "text": article.text,
        "blocks": [dataclasses.asdict(b) for b in article.blocks],
        "story_id": store.story_of(article_id),
    }


MinArticles = Annotated[
    int | None,
    Query(
        ge=1,
        le=10_000,
        description="Only stories of at least this many articles (2: those with something to compare).",
    ),
]


@router.get(
    "/stories", summary="Stories, newest and biggest first", responses={200: {"model": answers.StoryList}}
)
async def list_stories(
    request: Request,
    filters: Filters,
    cursor: Cursor = None,
    limit: Limit = 20,
    min_articles: MinArticles = None,
) -> Response:
    # Answered on the event loop from its cached JSON until the store's stories change (one cheap
    # read); a fresh listing is built on the thread pool.
    app_state = state(request)
    keep_answer(request)
    key = (app_state.store.stories_marker(), request.url.query)
    cached = app_state.listings.get(key)
    if cached is not None:
        return Response(cached, media_type="application/json")
    response = await run_in_threadpool(_story_listing, app_state, filters, cursor, limit, min_articles)
    app_state.listings.put(key, bytes(response.body).decode("utf-8"))
    return response


def _story_listing(
    app_state: AppState, filters: ListingFilters, cursor: str | None, limit: int, min_articles: int | None
) -> Response:
    try:
        page = app_state.store.list_stories(
            cursor=cursor, limit=limit, min_articles=min_articles, **dataclasses.asdict(filters)
        )
    except StoreError as exc:
        raise _listing_error(exc) from None
    return JSONResponse(jsonable_encoder(_page(page)))


def moved_story(request: Request, story_id: int, field: str | None = None) -> Response:
    """A 301 from the URL of a removed story to the story its articles went into (a merge or a
    re-clustering gives stories new ids; a kept link gave 404); 404 when there is none."""
    now = state(request).store.story_now(story_id)
    if now is None:
        raise ApiError(404, Errors.W001.format(story_id=story_id), field=field)
    path = request.url.path
    target = f"{path[: path.rstrip('/').rfind('/') + 1]}{now}"
    if request.url.query:
        target += f"?{request.url.query}"
    return RedirectResponse(target, status_code=301)


PENDING_RETRY_SECONDS = 5
"""When to ask again for a story whose comparison is being computed (the API's ``Retry-After``; the
story page reloads after as long)."""

Wait = Annotated[
    float | None,
    Query(
        ge=0,
        le=3600,
        allow_inf_nan=False,
        description=(
            "Seconds to wait at most for a comparison not yet computed (0: answer at once). Then the "
            "answer is 202 with the story and its articles, `comparison` null, `comparison_pending` "
            "true and `Retry-After`; the comparison goes on and a later request gets it. Without "
            "`wait` the answer waits for the comparison (minutes for a large story on a busy server)."
        ),
    ),
]


@router.get(
    "/stories/{story_id}",
    summary="One story: its articles and its comparison (documented JSON)",
    responses={
        200: {"model": answers.Story},
        202: {
            "model": answers.Story,
            "description": "The comparison is being computed (with `wait`): ask again after Retry-After",
        },
        301: {"description": "The story was merged into another one: Location names it"},
    },
)
def get_story(request: Request, story_id: Id, wait: Wait = None) -> Response:
    app_state = state(request)
    summary = app_state.store.story(story_id)
    if summary is None:
        return moved_story(request, story_id, field="story_id")
    result = app_state.comparisons.for_story(story_id, wait=wait)
    if result is None:  # removed meanwhile
        return moved_story(request, story_id, field="story_id")
    if summary.conflicts is None and result.comparison is not None:
        # computed by this request: the story read before it counted no conflicts yet (null beside
        # the comparison that holds them)
        summary = app_state.store.story(story_id) or summary
    body = jsonable_encoder(_story_body(summary, result))
    if result.pending:
        return JSONResponse(body, status_code=202, headers={"Retry-After": str(PENDING_RETRY_SECONDS)})
    if result.comparison is not None:
        keep_answer(request)
    return JSONResponse(body)


def _story_body(summary: StorySummary, result: StoryComparison) -> dict[str, Any]:
    return {
        "story": _jsonable(summary),
        "articles": [
            {
                "id": aid,
                # the id /api/v1/articles/<id> takes ("id" is the comparison's: "a12")
                "article_id": result.stored_ids.get(aid),
                "title": a.title,
                "outlet": a.outlet,
                "url": a.url,
                "published": a.published,
                "language": a.language,
            }
            | ({"paywalled": True} if a.paywalled else {})
            for aid, a in result.articles.items()
        ],
        "comparison": result.body,
        "comparison_pending": result.pending,
        "notes": _notes(result),
    }


@router.get(
    "/outlets",
    summary="Outlets with their numbers of articles and stories and their figures across compared stories",
    responses={200: {"model": answers.OutletList}},
)
def list_outlets(request: Request, since: Since = None, until: Until = None) -> dict[str, Any]:
    check_dates(since, until)
    keep_answer(request)
    store = _store(request)
    profiles = outlet_profiles(store, since=since, until=until)
    return {
        "items": [_jsonable(o) | {"profile": profiles.by_outlet.get(o.name)} for o in store.outlets()],
        "stories_compared": profiles.compared,
        "stories_not_compared": profiles.not_compared,
    }


@router.get(
    "/entities/{key}",
    summary="One entity: names, articles, stories and mentions",
    responses={200: {"model": answers.Entity}},
)
def get_entity(
    request: Request,
    key: Annotated[str, Path(min_length=1, max_length=500, description="Entity key, e.g. per:mara-olsen.")],
) -> dict[str, Any]:
    entity = _store(request).entity(key)
    if entity is None:
        raise ApiError(404, Errors.W003.format(key=key), field="key")
    return _jsonable(entity)


@router.get(
    "/search", summary="Full-text search over stored articles", responses={200: {"model": answers.SearchHits}}
)
def search(
    request: Request,
    q: Annotated[
        str, Query(min_length=1, max_length=500, description="Words to find (every word must match).")
    ],
    limit: Annotated[int, Query(ge=1, le=200, description="Most hits (1–200), best first.")] = 20,
) -> dict[str, Any]:
    check_search(q)
    hits = _store(request).search(q, limit=limit)
    return {
        "items": [
            _jsonable(h) | {"snippet": h.snippet.replace("\ue000", "[").replace("\ue001", "]")} for h in hits
        ]
    }


class CompareItem(BaseModel):
    """One article: its ``text`` (with an optional ``format``) or a ``url`` to fetch."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = None  # its length is checked against compare_max_chars (413)
    url: str | None = Field(default=None, max_length=2000)
    format: Format | None = None
    outlet: str | None = Field(default=None, max_length=300)
    title: str | None = Field(default=None, max_length=1000)
    published: dt.date | None = Field(
        default=None,
        description="The day the article was published (YYYY-MM-DD, or an ISO date and time: its day as "
        "written); weekdays and relative dates in the text are read against it. It overrides a date the "
        "text gives, as `blickwinkel compare --date` does.",
    )

    @field_validator("published", mode="before")
    @classmethod
    def _day_of(cls, value: object) -> object:
        # a program's dates are often times: "2031-05-05T08:30:00+02:00" is the 5th where it was written
        if isinstance(value, str) and len(value) > 10:
            try:
                return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
            except ValueError:
                return value  # named by the date check
        return value

    @model_validator(mode="after")
    def _one_source(self) -> CompareItem:
        if self.text and self.text.strip() and self.url:
            raise ValueError(Errors.W012)
        if self.text is not None and not self.text.strip() and not self.url:
            raise ValueError(Errors.W013)
        if not self.url and not (self.text and self.text.strip()):
            raise ValueError(Errors.W014)
        return self


class CompareRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # one item is enough when it is a saved feed of two articles or more (the service names one
    # input that is no feed, W011, as the form and an upload are named)
    articles: list[CompareItem] = Field(min_length=1)


_COMPARE_DOC: dict[str, Any] = {
    "requestBody": {
        "content": {
            "application/json": {"schema": CompareRequest.model_json_schema()},
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
                        "texts": {"type": "array", "items": {"type": "string"}},
                        "urls": {"type": "array", "items": {"type": "string"}},
                    },
                }
            },
        }
    }
}


@router.post(
    "/compare",
    summary="Compare two or more articles given as texts, URLs or uploaded files; nothing is stored",
    openapi_extra=_COMPARE_DOC,
    responses={
        200: {
            "model": answers.ComparedInputs,
            "description": "The comparison (docs/comparison-json.md) with `unread`: the inputs left out",
        },
        401: {"description": "The token is set and the request has none or another"},
        403: {"description": "A public address with no token set: write endpoints are off"},
        413: {
            "description": "A text is longer than `compare_max_chars` (K005: the field, an upload's file "
            "name, the size and the limit), or the body than `max_request_mb` (W022: its size and the limit)"
        },
        415: {"description": "The body is neither JSON nor a form"},
        422: {"description": "The body is invalid, or fewer than two inputs could be read"},
        503: {"description": "All comparison workers and their queue are busy: ask again after Retry-After"},
    },
    dependencies=[Depends(require_write_token)],
)
async def compare(request: Request) -> dict[str, Any]:
    app_state = state(request)
    inputs = await read_compare_request(request, app_state)
    result = await run_compare(app_state, inputs)
    if result.body is None:
        raise too_few_read(result)
    # The inputs left out, each in the one error body's shape (the form of the CLI's failures) with
    # the input and its error id, as the comparison JSON of `blickwinkel compare` names them.
    unread = [
        error_body(422, u.message, code="invalid", field=u.field)["error"]
        | {"input": u.input, "error": u.error}
        for u in result.unread
    ]
    return result.body | {"unread": unread, "notes": _notes(result)}


def _notes(result: StoryComparison) -> list[str]:
    """The comparison's notes, as the pages and the terminal show them (:func:`comparison_notes`)."""
    comparison = result.comparison
    unread = comparison.unread if comparison is not None else result.left_out
    return [*comparison_notes(result.articles.values(), comparison), *(u.message for u in unread)]


async def run_compare(app_state: AppState, inputs: list[CompareInput]) -> StoryComparison:
    """Fetch and compare the inputs on a compare worker, off the request threads (503 when all are
    busy): fetches and analysis take a while, and reads of stored data must not wait for them."""
    options = app_state.options
    if len(inputs) > options.compare_max_articles:
        raise ApiError(
            422,
            Errors.W004.format(limit=options.compare_max_articles),
            field="articles",
        )
    for n, item in enumerate(inputs):
        if item.text is not None and len(item.text) > options.compare_max_chars:
            field = request_field(item) or f"articles.{n}.text"
            # an upload by its file name too: "files" alone did not say which of them
            shown = f"{field} ({item.name})" if item.field == "files" and item.name else field
            raise _too_long(options.compare_max_chars, field, len(item.text), shown)
    return await app_state.workers.run(
        compare_submitted,
        inputs,
        app_state.comparer,
        app_state.fetcher,
        options.compare_max_chars,
        app_state.reader,
        options.compare_max_articles,
    )


def _too_long(limit: int, field: str, size: int, shown: str) -> ApiError:
    """413 naming the field (and an upload's file name), the text's size and the limit (K005)."""
    return ApiError(413, f"{shown}: {Errors.K005.format(size=size, limit=limit)}.", field=field)


async def read_compare_request(request: Request, app_state: AppState) -> list[CompareInput]:
    """The inputs of a JSON or multipart compare request (422 with the field on bad input)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind == "application/json":
        try:
            payload = CompareRequest.model_validate_json(await request.body())
        except ValueError as exc:
            field, problem = first_invalid(list(getattr(exc, "errors", list)()))
            if not field:  # broken JSON or no object: the body as a whole, not its "articles"
                message = Errors.W024.format(problem=problem)
                raise ApiError(422, message, code="invalid", field="body") from None
            raise ApiError(422, invalid_field(field, problem), code="invalid", field=field) from None
        return [
            CompareInput(
                text=i.text,
                url=i.url,
                fmt=i.format,
                outlet=i.outlet,
                title=i.title,
                published=i.published,
                field=f"articles.{n}",
            )
            for n, i in enumerate(payload.articles)
        ]
    if kind in ("multipart/form-data", "application/x-www-form-urlencoded"):
        from starlette.datastructures import UploadFile

        from blickwinkel.ingest import decode

        limit = int(app_state.options.max_request_mb * 1_000_000)
        try:
            form = await request.form(
                max_files=app_state.options.compare_max_articles + 1, max_part_size=limit
            )
        except Exception as exc:
            raise ApiError(422, Errors.W005.format(exc=exc), field="files") from None
        inputs: list[CompareInput] = []
        try:
            for upload in form.getlist("files"):
                if isinstance(upload, UploadFile):
                    name = upload.filename or "upload"
                    try:
                        text = decode(await upload.read(), name)
                    except IngestError as exc:  # left out and named, as a URL that cannot be fetched
                        inputs.append(CompareInput(name=name, field="files", problem=exc))
                        continue
                    inputs.append(CompareInput(text=text, name=name, field="files"))
            texts = [str(t) for t in form.getlist("texts") if str(t).strip()]
            inputs += [CompareInput(text=t, field="texts") for t in texts]
            urls = [str(u).strip() for u in form.getlist("urls") if str(u).strip()]
            inputs += [CompareInput(url=u, field="urls") for u in urls]
        finally:
            await form.close()
        return inputs
    raise ApiError(415, Errors.W006, field="content-type")
