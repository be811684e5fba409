"""The web UI: server-rendered pages (jinja2, autoescaped) over the same store and services as the API."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import urllib.parse
from typing import Annotated, Any

import jinja2
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape

from blickwinkel import __version__
from blickwinkel.errors import ApiError, BlickwinkelError, Errors, IngestError
from blickwinkel.ingest import is_feed_document
from blickwinkel.report.html import safe_url
from blickwinkel.report.labels import date_shown, idsafe
from blickwinkel.report.texts import counted_in
from blickwinkel.store import MARK_END, MARK_START, StoreError, has_words
from blickwinkel.store.outlet_profiles import outlet_profiles
from blickwinkel.web.api import PENDING_RETRY_SECONDS, Id, check_dates, moved_story, run_compare
from blickwinkel.web.cached_reads import keep_answer
from blickwinkel.web.i18n import TEXTS, choose_language
from blickwinkel.web.service import CompareInput, too_few_read
from blickwinkel.web.state import check_write_token, state
from blickwinkel.web.views import opening_words, story_view

router = APIRouter(include_in_schema=False)
COMPARE_SLOTS = 4
SEARCH_HITS = 50
"""Hits the search page shows."""
PAGE_WAIT_SECONDS = 2.0
"""How long a story page waits for a comparison not yet cached before it says it is being compared."""
PENDING_REFRESH_SECONDS = PENDING_RETRY_SECONDS
"""A story page whose comparison is being computed reloads after this many seconds."""


@functools.cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("blickwinkel.web", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marked"] = _marked
    env.filters["safe_url"] = safe_url
    env.filters["idsafe"] = idsafe
    return env


def _marked(snippet: str) -> Markup:
    """A search snippet, escaped, with the store's match markers turned into <mark>."""
    return Markup(str(escape(snippet)).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>"))


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    lang = choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))
    other = "de" if lang == "en" else "en"
    query = dict(request.query_params) | {"lang": other}
    texts = TEXTS[lang]
    html = (
        environment()
        .get_template(template)
        .render(
            t=texts,
            counted=functools.partial(counted_in, language=lang),
            day=functools.partial(date_shown, language=lang),
            number=functools.partial(_number, lang),
            lang=lang,
            lang_q=f"lang={lang}",
            switch_url=f"{request.url.path}?{urllib.parse.urlencode(query)}",
            version=__version__,
            path=request.url.path,
            **context,
        )
    )
    return HTMLResponse(
        html, status_code=status, headers={"content-language": lang, "vary": "Accept-Language"}
    )


def _number(lang: str, n: int) -> str:
    """``n`` with its thousands marked as the page's language writes them (200,000; 200.000)."""
    return f"{n:,}" if lang == "en" else f"{n:,}".replace(",", ".")


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status=status, status_code=status, message=message)


@router.get("/", response_class=HTMLResponse)
def stories_page(
    request: Request,
    *,
    cursor: Annotated[str | None, Query(max_length=200)] = None,
    language: Annotated[str | None, Query(max_length=16)] = None,
    outlet: Annotated[str | None, Query(max_length=300)] = None,
    entity: Annotated[str | None, Query(max_length=500)] = None,
    q: Annotated[str | None, Query(max_length=500)] = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    min_articles: Annotated[int | None, Query(ge=1, le=10_000)] = None,
) -> Response:
    check_dates(since, until)  # the list of none said "No stories match these filters"
    try:
        page = state(request).store.list_stories(
            cursor=cursor,
            limit=20,
            min_articles=min_articles,
            language=language or None,
            outlet=outlet or None,
            entity=entity or None,
            q=q or None,
            since=since,
            until=until,
        )
    except StoreError as exc:
        raise ApiError(400, str(exc), field="cursor") from None
    keep_answer(request)
    next_url = None
    if page.next_cursor:
        next_url = f"/?{urllib.parse.urlencode(dict(request.query_params) | {'cursor': page.next_cursor})}"
    # A later page leads back to the first (only the browser's back button did, one page at a time).
    first_url = None
    if cursor:
        first_url = (
            f"/?{urllib.parse.urlencode({k: v for k, v in request.query_params.items() if k != 'cursor'})}"
        )
    # The filters a link from another page set ("/?outlet=…"), shown with the way back to all stories:
    # a filtered list read "Stories" with nothing to say so, and an empty one "No stories yet. Store
    # articles with: blickwinkel ingest PATH" of a store full of them.
    given = {
        "outlet": outlet,
        "language": language,
        "entity": entity,
        "q": q,
        "since": since,
        "until": until,
        "min_articles": min_articles,
    }
    filters = [(name, str(value)) for name, value in given.items() if value]
    return render(
        request,
        "stories.html",
        stories=page.items,
        openings=_openings(request, [s.id for s in page.items if not s.title]),
        next_url=next_url,
        first_url=first_url,
        q=q or "",
        filters=filters,
    )


def _openings(request: Request, story_ids: list[int]) -> dict[int, str]:
    """The opening words of the first article of each untitled story (see :func:`opening_words`)."""
    store = state(request).store
    firsts = {story_id: ids[0] for story_id in story_ids if (ids := store.story_article_ids(story_id))}
    articles = store.articles(list(firsts.values()))
    openings = {sid: opening_words(articles[aid]) for sid, aid in firsts.items() if aid in articles}
    return {sid: text for sid, text in openings.items() if text}


@router.get("/stories/{story_id}", response_class=HTMLResponse)
async def story_page(request: Request, story_id: Id) -> Response:
    # A cached page is served on the event loop after one indexed read of the story's version (no
    # hop to the thread pool, which under many clients costs more than the read); rendering a page,
    # and computing a comparison for it, run on the pool.
    app_state = state(request)
    version = app_state.store.story_version(story_id)
    if version is None:
        return moved_story(request, story_id)  # one indexed read, like the version's
    lang = choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))
    cached = app_state.pages.get((story_id, version, lang, request.url.query))
    if cached is not None:
        keep_answer(request)
        return HTMLResponse(cached, headers={"content-language": lang, "vary": "Accept-Language"})
    return await run_in_threadpool(_story_page, request, story_id, lang)


def _story_page(request: Request, story_id: int, lang: str) -> Response:
    app_state = state(request)
    summary = app_state.store.story(story_id)
    if summary is None:  # removed since the version was read
        return moved_story(request, story_id)
    key = (story_id, summary.version, lang, request.url.query)
    # A comparison not yet cached is waited for a moment only: then the page says the story is being
    # compared and asks again (a 30-article story took minutes).
    result = app_state.comparisons.for_story(story_id, wait=PAGE_WAIT_SECONDS)
    if result is None:  # removed meanwhile
        return moved_story(request, story_id)
    view = story_view(result.articles, result.comparison, lang)
    if result.left_out:  # too long to compare, with fewer than two articles left: no comparison
        view = dataclasses.replace(view, notes=(*view.notes, *(u.message for u in result.left_out)))
    entities = app_state.store.top_entities(story_id)
    first = next(iter(result.articles.values()), None)
    response = render(
        request,
        "story.html",
        story=summary,
        opening=None if summary.title or first is None else opening_words(first),
        view=view,
        entities=entities,
        compared=result.comparison is not None,
        pending=result.pending,
        pending_refresh=PENDING_REFRESH_SECONDS,
    )
    if result.comparison is not None:
        app_state.pages.put(key, bytes(response.body).decode("utf-8"))
        keep_answer(request)
    return response


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: Id) -> Response:
    """An article's place on the web: its column on the page of the story it is in now (302, as the
    story it is in may change; ``/api/v1/articles/<id>`` gives the stored article itself)."""
    app_state = state(request)
    story_id = app_state.store.story_of(article_id)
    if story_id is None:
        if app_state.store.article(article_id) is None:
            raise ApiError(404, Errors.W002.format(article_id=article_id))
        return RedirectResponse(f"/api/v1/articles/{article_id}", status_code=302)  # in no story yet
    query = f"?{request.url.query}" if request.url.query else ""
    return RedirectResponse(f"/stories/{story_id}{query}#article-a{article_id}", status_code=302)


@router.get("/entities/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str) -> Response:
    app_state = state(request)
    entity = app_state.store.entity(key[:500])
    if entity is None:
        raise ApiError(404, Errors.W003.format(key=key[:80]))
    stories = [s for s in (app_state.store.story(i) for i in entity.stories[:50]) if s is not None]
    return render(request, "entity.html", entity=entity, stories=stories)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "") -> Response:
    # One more than shown: "50 results" of a search that matched 67 read as if there were 50.
    if q.strip() and not has_words(q):  # quotes, signs, operators only: the page says so (W032)
        return render(request, "search.html", q=q, hits=[], more=False, no_words=True)
    hits = state(request).store.search(q, limit=SEARCH_HITS + 1) if q.strip() else []
    more = len(hits) > SEARCH_HITS
    return render(request, "search.html", q=q, hits=hits[:SEARCH_HITS], more=more, no_words=False)


@router.get("/outlets", response_class=HTMLResponse)
def outlets_page(request: Request) -> Response:
    keep_answer(request)  # sums over every stored comparison: sent again until the db changes
    store = state(request).store
    return render(request, "outlets.html", outlets=store.outlets(), profiles=outlet_profiles(store))


@router.get("/compare", response_class=HTMLResponse)
def compare_form(request: Request) -> Response:
    return render(
        request,
        "compare.html",
        max_chars=state(request).options.compare_max_chars,
        slots=_empty_slots(),
        view=None,
        error=None,
        unread=[],
        needs_token=_needs_token(request),
    )


@router.post("/compare", response_class=HTMLResponse)
async def compare_submit(request: Request) -> Response:
    app_state = state(request)
    async with request.form(max_files=0) as form:
        fields = {k: str(v) for k, v in form.items() if isinstance(v, str)}
    slots = []
    inputs = []
    for n in range(1, COMPARE_SLOTS + 1):
        text = fields.get(f"text_{n}", "")
        url = fields.get(f"url_{n}", "").strip()
        outlet = fields.get(f"outlet_{n}", "").strip()
        slots.append({"n": n, "text": text, "url": url, "outlet": outlet, "error": None})
        if url:
            inputs.append(CompareInput(url=url, outlet=outlet or None, field=f"url_{n}"))
        elif len(text) > app_state.options.compare_max_chars:
            # Left out and named like a page that cannot be fetched, as `blickwinkel compare` leaves out
            # a file too long (the API's JSON answers 413: a client there sends what it means to).
            too_long = IngestError(
                f"text-{n}", Errors.K005.format(size=len(text), limit=app_state.options.compare_max_chars)
            )
            inputs.append(CompareInput(name=f"text-{n}", field=f"text_{n}", problem=too_long))
        elif text.strip():
            inputs.append(
                CompareInput(
                    text=text,
                    outlet=outlet or None,
                    name=f"text-{n}",
                    fmt="feed" if is_feed_document(text) else "text",  # a pasted RSS or Atom file
                    field=f"text_{n}",
                )
            )
    error = None
    view = None
    status, headers = 200, {}
    try:
        # Refused with the form and what was pasted into it, not on an error page that lost it all.
        token = fields.get("token")
        try:
            check_write_token(request, str(token) if token else None)
        except ApiError as exc:
            if exc.status == 401:  # W010 names a header, which a form cannot send
                raise ApiError(401, Errors.W030, field="token") from None
            raise
        result = await run_compare(app_state, inputs)
        # Each input that could not be read is named in its own slot; the others are compared.
        unread = {u.field: u.message for u in result.unread}
        for slot in slots:
            slot["error"] = unread.get(f"url_{slot['n']}") or unread.get(f"text_{slot['n']}")
        if result.body is None:
            failed = too_few_read(result)
            error, status = failed.message, failed.status
        else:
            lang = choose_language(request.query_params.get("lang"), request.headers.get("accept-language"))
            view = story_view(result.articles, result.comparison, lang)
    except ApiError as exc:  # 413 too long, 503 busy (with Retry-After), 422 …
        error, status, headers = exc.message, exc.status, exc.headers
    except BlickwinkelError as exc:
        error, status = str(exc), 422
    response = render(
        request,
        "compare.html",
        status=status,
        max_chars=app_state.options.compare_max_chars,
        slots=slots,
        view=view,
        error=error,
        unread=[s for s in slots if s["error"]] if view is not None else [],
        needs_token=_needs_token(request),
    )
    response.headers.update(headers)
    return response


def _needs_token(request: Request) -> bool:
    app_state = state(request)
    return bool(app_state.options.token) or app_state.public


def _empty_slots() -> list[dict[str, Any]]:
    return [{"n": n, "text": "", "url": "", "outlet": "", "error": None} for n in range(1, COMPARE_SLOTS + 1)]
