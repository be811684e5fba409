"""What the routes call: story comparisons (cached in the store) and ad-hoc comparisons of inputs."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import logging
import multiprocessing
import threading
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from blickwinkel.errors import ApiError, BlickwinkelError, ComparisonError, Errors, IngestError
from blickwinkel.ingest.fetch import Fetched, Fetcher
from blickwinkel.ingest.urls import redact
from blickwinkel.model import Article, Comparison, UnreadInput
from blickwinkel.store import Store
from blickwinkel.web.workers import BUSY_RETRY_SECONDS

T = TypeVar("T")
log = logging.getLogger(__name__)


class Comparer(Protocol):
    """Articles in, the documented comparison JSON out (blickwinkel.comparison/1). ``known`` holds
    kept analyses by content key (:mod:`blickwinkel.analyse.cache`); it is passed only when the store
    has some, so a comparer that analyses nothing (a test's stand-in) may take the articles alone."""

    def __call__(
        self, articles: Sequence[Article], known: Mapping[str, str] | None = None
    ) -> dict[str, Any]: ...


class ComparisonProcesses:
    """The real pipeline in ``processes`` worker processes of the server's own: a :data:`Comparer`.

    Analysis and embedding are CPU work that mostly holds the interpreter lock; on the server's
    threads they slowed every read answered meanwhile (each switch back to the event loop waits for
    the lock). In processes of their own they take none of that time. The processes are spawned (the
    server's threads are never forked) on the first comparison, and each loads the models once. A
    process that dies (e.g. out of memory) fails only its comparisons, with 503; the next comparison
    starts fresh processes.
    """

    def __init__(self, embedder: str, threshold: float | None, processes: int) -> None:
        self.embedder = embedder
        self.threshold = threshold
        self.processes = max(1, processes)
        self._executor: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    def _pool(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._executor is None:
                from blickwinkel.pipeline import watch_parent

                self._executor = ProcessPoolExecutor(
                    self.processes, mp_context=multiprocessing.get_context("spawn"), initializer=watch_parent
                )
            return self._executor

    def __call__(self, articles: Sequence[Article], known: Mapping[str, str] | None = None) -> dict[str, Any]:
        from blickwinkel.pipeline import comparison_json

        return self._run(comparison_json, list(articles), self.embedder, self.threshold, known)

    def keeping_vectors(self, store: Store) -> Comparer:
        """A :data:`Comparer` for the stories of ``store``: its processes read the statement vectors
        from the store before embedding and keep the new ones there (:mod:`blickwinkel.embed.kept`),
        so a story is embedded once, not again by every process that compares a new version of it.
        (Ad-hoc comparisons keep nothing: what a request submits is not stored.)"""
        url = store.engine.url.render_as_string(hide_password=False)

        def compare(articles: Sequence[Article], known: Mapping[str, str] | None = None) -> dict[str, Any]:
            return self._run(story_comparison_json, list(articles), self.embedder, self.threshold, known, url)

        return compare

    def read(
        self, items: Sequence[tuple[CompareInput, Fetched | None]], max_chars: int | None = None
    ) -> Submitted:
        """:func:`read_submitted` in a worker process (a :data:`Reader`): extracting a page is CPU
        work too, and the first page with a date in its text loads every dateparser locale (seconds)."""
        return self._run(read_submitted, list(items), max_chars)

    def _run(self, fn: Callable[..., T], *args: object) -> T:
        pool = self._pool()
        try:
            return pool.submit(fn, *args).result()
        except BrokenProcessPool:
            with self._lock:
                if self._executor is pool:
                    self._executor = None
            pool.shutdown(wait=False, cancel_futures=True)
            raise ApiError(
                503,
                Errors.W007,
                headers={"Retry-After": str(BUSY_RETRY_SECONDS)},
            ) from None

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None


# The stores the comparison processes opened, by URL: one engine per process.
_STORES: dict[str, Store] = {}
_STORES_LOCK = threading.Lock()


def story_comparison_json(
    articles: Sequence[Article],
    embedder: str,
    threshold: float | None,
    known: Mapping[str, str] | None,
    store_url: str,
) -> dict[str, Any]:
    """:func:`~blickwinkel.pipeline.comparison_json` of a stored story in a comparison process, with
    the statement vectors kept in the store at ``store_url`` (opened once per process; a store that
    cannot be opened leaves the comparison to embed everything, as without one)."""
    from blickwinkel.pipeline import comparison_json

    return comparison_json(articles, embedder, threshold, known, vectors=_process_store(store_url))


def _process_store(url: str) -> Store | None:
    from blickwinkel.store import open_store

    with _STORES_LOCK:
        if url not in _STORES:
            try:
                _STORES[url] = open_store(url)
            except BlickwinkelError as exc:
                log.warning("statement vectors are not kept: %s", exc)
                return None
        return _STORES[url]


@dataclass(frozen=True)
class Unread:
    """An input of a compare request that could not be fetched or read: the request field it came
    from ("articles.2.url", "urls", the form's "url_3") and what is wrong, with its error id; ``input``
    and ``error`` as a comparison's ``unread`` names an input (:func:`blickwinkel.ingest.unread_input`)."""

    field: str | None
    message: str
    input: str = ""
    error: str | None = None


@dataclass(frozen=True)
class StoryComparison:
    """A story's articles (by comparison id ``a<n>``) and their comparison: ``body`` is the documented
    JSON the API returns, ``comparison`` the model the pages render (both None for one article)."""

    articles: dict[str, Article]
    body: dict[str, Any] | None
    # The comparison is being computed in the background (:meth:`Comparisons.for_story` not waiting).
    pending: bool = False
    # The inputs of an ad-hoc comparison left out because they could not be read, in input order.
    unread: tuple[Unread, ...] = ()
    # A stored story's article ids in the store (``/api/v1/articles/<id>``) by comparison id.
    stored_ids: Mapping[str, int] = dataclasses.field(default_factory=dict)
    # A stored story's articles too long to compare (K005) when fewer than two others are left, so
    # the story has no comparison (with one, they are in its ``unread``).
    left_out: tuple[UnreadInput, ...] = ()

    @functools.cached_property
    def comparison(self) -> Comparison | None:
        return None if self.body is None else Comparison.from_json(self.body, self.articles)


# Stories computed at once are serialised by a fixed set of locks (a story's lock is its id modulo
# the count): a lock per story would grow with every story ever shown; two stories that share a lock
# only wait for each other.
STORY_LOCKS = 64


class Comparisons:
    """Story comparisons, computed once per story version and embedder and cached in the store.

    A story page waits for its comparison only so long (``for_story(..., wait=seconds)``): the
    comparison of a large story took minutes on a loaded machine, and the page's first view waited
    that long. The comparison goes on, on one of ``background`` threads of its own, while the page
    shows the articles and says they are being compared, and asks again until it is cached. A
    comparison that failed in the background is raised to the next view (which then starts it again).
    """

    def __init__(
        self,
        store: Store,
        comparer: Comparer,
        embedder: str,
        background: int = 1,
        max_chars: int | None = None,
    ) -> None:
        self.store = store
        self.comparer = comparer
        self.embedder = embedder
        self.background = max(1, background)
        # A stored article longer than this is left out of its story's comparison and named in its
        # ``unread`` (K005), as `compare` and the compare form leave out such a text: `ingest` stores
        # it, and a story holding a 5 MB text was compared with it (K004 for the whole story).
        self.max_chars = max_chars
        self._locks = tuple(threading.Lock() for _ in range(STORY_LOCKS))
        self._executor: ThreadPoolExecutor | None = None
        self._running: dict[int, Future[StoryComparison | None]] = {}  # compared in the background
        self._failed: dict[int, Exception] = {}  # what a background comparison raised, by story
        self._state_lock = threading.Lock()

    def for_story(self, story_id: int, *, wait: float | None = None) -> StoryComparison | None:
        """The story's articles and comparison; None when there is no such story. A comparison not
        yet cached is computed, and waited for at most ``wait`` seconds (None: to its end); after
        that the answer has no body and ``pending`` set, and the comparison goes on."""
        members = self._members(story_id)
        if members is None:
            return None
        version, ordered, stored = members
        if len(ordered) < 2:
            return StoryComparison(ordered, None, stored_ids=stored)
        comparable, too_long = _within_limit(list(ordered.values()), self.max_chars)
        if len(comparable) < 2:
            return StoryComparison(ordered, None, stored_ids=stored, left_out=tuple(too_long))
        cached = self.store.cached_comparison(story_id, embedder=self.embedder)
        if cached is not None:
            return StoryComparison(ordered, json.loads(cached.body), stored_ids=stored)
        if wait is not None:
            return self._waited(story_id, ordered, stored, wait)
        # One computation per story at a time; the others wait for its cached result.
        with self._locks[story_id % STORY_LOCKS]:
            cached = self.store.cached_comparison(story_id, embedder=self.embedder)
            if cached is not None:
                return StoryComparison(ordered, json.loads(cached.body), stored_ids=stored)
            body, _ = self._compare_and_keep(story_id, version, ordered)
        return StoryComparison(ordered, body, stored_ids=stored)

    def compare_anew(self, story_id: int) -> bool | None:
        """Compare the story and keep its comparison, whatever is kept for it (``blickwinkel outlets
        --compare-missing`` asks for the stories without a usable one). True when it is kept; False
        for a story of fewer than two articles or one that changed while it was compared (nothing is
        kept); None when there is no such story. Errors of the comparison are raised."""
        members = self._members(story_id)
        if members is None:
            return None
        version, ordered, _ = members
        if len(ordered) < 2:
            return False
        with self._locks[story_id % STORY_LOCKS]:
            _, kept = self._compare_and_keep(story_id, version, ordered)
        return kept

    def _members(self, story_id: int) -> tuple[int, dict[str, Article], dict[str, int]] | None:
        """The story's version, its articles by comparison id (in the story's order) and their ids in
        the store; None when there is no such story."""
        summary = self.store.story(story_id)
        if summary is None:
            return None
        ids = self.store.story_article_ids(story_id)
        articles = self.store.articles(ids)
        ordered = {articles[i].id: articles[i] for i in ids if i in articles}
        stored = {articles[i].id: i for i in ids if i in articles}
        return summary.version, ordered, stored

    def _compare_and_keep(
        self, story_id: int, version: int, ordered: dict[str, Article]
    ) -> tuple[dict[str, Any], bool]:
        """The comparison of the story's articles (with the analyses the store keeps for them) and
        whether it was kept for ``version`` (not when the story changed meanwhile). An article longer
        than ``max_chars`` is left out and named in the comparison's ``unread``."""
        articles, too_long = _within_limit(list(ordered.values()), self.max_chars)
        if len(articles) < 2:
            said = "".join(f"\n  {u.message}" for u in too_long)
            raise ComparisonError(Errors.K003.format(count=len(articles), failures=said))
        known = kept_analyses(self.store, articles)
        body = self.comparer(articles, known) if known else self.comparer(articles)
        if too_long:
            body = body | {"unread": [*body.get("unread", ()), *(u.to_json() for u in too_long)]}
        kept = self.store.save_comparison(
            story_id,
            version,
            self.embedder,
            json.dumps(body, ensure_ascii=False),
            len(body.get("conflicts", [])),
        )
        return body, kept

    def _waited(
        self, story_id: int, ordered: dict[str, Article], stored: dict[str, int], wait: float
    ) -> StoryComparison | None:
        with self._state_lock:
            failure = self._failed.pop(story_id, None)
            if failure is not None:
                raise failure  # once: the next view starts the comparison again
            future = self._running.get(story_id)
            if future is None:
                if self._executor is None:
                    self._executor = ThreadPoolExecutor(
                        self.background, thread_name_prefix="blickwinkel-story"
                    )
                future = self._executor.submit(self._compare_in_background, story_id)
                self._running[story_id] = future
        try:
            return future.result(timeout=wait)
        except TimeoutError:
            return StoryComparison(ordered, None, pending=True, stored_ids=stored)
        except Exception:
            with self._state_lock:
                self._failed.pop(story_id, None)  # raised here, to this view
            raise

    def _compare_in_background(self, story_id: int) -> StoryComparison | None:
        try:
            return self.for_story(story_id)
        except Exception as exc:
            log.warning("story %d not compared (%s: %s)", story_id, type(exc).__name__, exc)
            with self._state_lock:
                self._failed[story_id] = exc
            raise
        finally:
            with self._state_lock:
                self._running.pop(story_id, None)

    def close(self) -> None:
        """Start no more background comparisons (one running ends on its own)."""
        with self._state_lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None


def _within_limit(
    articles: Sequence[Article], max_chars: int | None
) -> tuple[list[Article], list[UnreadInput]]:
    """The articles of at most ``max_chars`` characters, and each longer one as an unread input (K005)."""
    from blickwinkel.ingest import unread_input

    if max_chars is None:
        return list(articles), []
    kept = [a for a in articles if len(a.text) <= max_chars]
    too_long = [
        unread_input(IngestError(a.source, Errors.K005.format(size=len(a.text), limit=max_chars)))
        for a in articles
        if len(a.text) > max_chars
    ]
    return kept, too_long


def kept_analyses(store: Store, articles: Sequence[Article]) -> dict[str, str]:
    """The analyses the store keeps for ``articles`` (by content key): the ingest analysed them, so
    the comparison of a stored story only unifies, classifies and aligns."""
    from blickwinkel.analyse.cache import ARTICLE_STAGE, analysis_version, content_key

    return store.cached_analyses([content_key(a) for a in articles], analysis_version(), ARTICLE_STAGE)


@dataclass(frozen=True)
class CompareInput:
    """One input of an ad-hoc comparison: a text (with an optional format) or a URL."""

    text: str | None = None
    url: str | None = None
    fmt: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: dt.date | None = None  # overrides the date the text gives, as ``compare --date`` does
    name: str | None = None
    field: str | None = None  # the request field it came from ("articles.0", "urls"), named in errors
    problem: IngestError | None = None  # why it could not be read as a request part (an upload's bytes)

    def is_feed(self) -> bool:
        """Whether it is a saved RSS or Atom feed given as a text (``"format": "feed"``, or recognised
        without a format): each of its entries with text is an article."""
        from blickwinkel.ingest import is_feed_document

        if self.url or self.text is None:
            return False
        return self.fmt == "feed" or (self.fmt is None and is_feed_document(self.text))


@dataclass(frozen=True)
class Submitted:
    """What :func:`read_submitted` made of a compare request's inputs: the articles of those it could
    read, and the error of each it could not, by the input's position (from 0)."""

    articles: list[Article]
    failures: list[tuple[int, IngestError]]


Reader = Callable[[Sequence[tuple[CompareInput, Fetched | None]], int | None], Submitted]
"""Turns the inputs of a compare request (with the page fetched for each URL) into articles."""


def read_submitted(
    items: Sequence[tuple[CompareInput, Fetched | None]], max_chars: int | None = None
) -> Submitted:
    """The articles of a compare request's inputs: texts read, fetched pages extracted (CPU work: the
    service runs it in its comparison processes). A page whose text is longer than ``max_chars`` is
    refused (the analysis time grows with the text). An input that cannot be read is recorded and
    the others are read, as ``blickwinkel compare`` does."""
    from blickwinkel.ingest import read_text, unique_ids
    from blickwinkel.ingest.page import article_from_page

    articles: list[Article] = []
    failures: list[tuple[int, IngestError]] = []
    for n, (item, fetched) in enumerate(items):
        try:
            if item.url and fetched is not None:
                read = [article_from_page(item.url, fetched)]
                if max_chars is not None and len(read[0].text) > max_chars:
                    raise IngestError(
                        redact(item.url), Errors.K005.format(size=len(read[0].text), limit=max_chars)
                    )
            elif item.is_feed():
                read = _feed_articles(item.text or "", item.name or f"input-{n + 1}")
            else:
                text = item.text or ""
                if item.title and item.fmt in (None, "text"):
                    text = f"{item.title}\n\n{text}"
                read = [read_text(text, source=item.name or f"input-{n + 1}", fmt=item.fmt)]
        except IngestError as exc:
            failures.append((n, exc))
            continue
        if item.outlet:
            read = [dataclasses.replace(article, outlet=item.outlet) for article in read]
        if item.published:
            read = [dataclasses.replace(article, published=item.published) for article in read]
        articles.extend(read)
    return Submitted(unique_ids(articles), failures)


def _feed_articles(text: str, source: str) -> list[Article]:
    """The entries with text of a saved RSS or Atom feed given as a text, read by the reader the
    commands read a saved feed with (``ingest/feeds.py``). Its warnings go with its first entry's
    notes (shown as the comparison's notes); an entry with only a link is named (W031), not fetched.
    A feed of which no entry has text cannot be compared (W031 as its error)."""
    from blickwinkel.ingest import read_text_articles

    result = read_text_articles(text, source=source, fmt="feed")
    notes = [*result.notes, *(links.note(Errors.W031) for links in result.links)]
    if not result.articles:
        raise IngestError(source, "; ".join(n.removeprefix(f"{source}: ") for n in notes) or Errors.I077)
    first, *rest = result.articles
    return [dataclasses.replace(first, notes=(*notes, *first.notes)), *rest]


def compare_submitted(
    inputs: Sequence[CompareInput],
    comparer: Comparer,
    fetcher: Fetcher,
    max_chars: int | None = None,
    reader: Reader = read_submitted,
    max_articles: int | None = None,
) -> StoryComparison:
    """Fetch every URL of a compare request, read the inputs and compare those that could be read
    (each other one is named in ``unread``, as ``blickwinkel compare`` names it and compares the
    rest); nothing is stored (the service's counterpart of
    :func:`blickwinkel.pipeline.compare_inputs`, which reads files). Fewer than two readable
    inputs: no comparison (no ``body``; :func:`too_few_read` is the error to answer); one input is
    enough when it is a saved feed (:meth:`CompareInput.is_feed`). More articles
    read than ``max_articles`` (a saved feed gives one an entry): 422 (W004)."""
    if len(inputs) < 2 and not any(item.is_feed() for item in inputs):
        # K001's way out names directories, which a web form or request cannot send. A feed alone
        # may hold two articles or more (the form's help says a feed pasted into one box gives an
        # article per entry): it is read, and fewer than two articles read are named as below.
        raise ComparisonError(Errors.W011.format(count=len(inputs)))
    failed: dict[int, Unread] = {}
    fetched: list[tuple[CompareInput, Fetched | None]] = []
    positions: list[int] = []  # the input each fetched item is
    for n, item in enumerate(inputs):
        if item.problem is not None:
            failed[n] = _unread(item.problem, item)
            continue
        try:
            page = fetcher.get(item.url) if item.url else None
        except IngestError as exc:
            failed[n] = _unread(exc, item)
            continue
        # named by its place in the request, which a left-out input before it does not shift
        fetched.append(
            (item if item.name or item.url else dataclasses.replace(item, name=f"input-{n + 1}"), page)
        )
        positions.append(n)
    read = reader(fetched, max_chars)
    if max_articles is not None and len(read.articles) > max_articles:  # a feed gives several
        raise ApiError(422, Errors.W004.format(limit=max_articles), field="articles")
    for k, failure in read.failures:
        failed[positions[k]] = _unread(failure, inputs[positions[k]])
    unread = tuple(failed[n] for n in sorted(failed))
    articles = {a.id: a for a in read.articles}
    if len(articles) < 2:
        return StoryComparison(articles, None, unread=unread)
    return StoryComparison(articles, comparer(read.articles), unread=unread)


def too_few_read(result: StoryComparison) -> ApiError:
    """The 422 of a compare request of which fewer than two inputs could be read (``result`` has
    no body), naming every input that could not be read."""
    named = " | ".join(f"{u.field}: {u.message}" if u.field else u.message for u in result.unread)
    given = len(result.articles) + len(result.unread)
    message = Errors.W029.format(count=len(result.articles), given=given, failures=named)
    return ApiError(422, message, code="invalid", field=result.unread[0].field if result.unread else None)


def _unread(exc: IngestError, item: CompareInput) -> Unread:
    """An input that cannot be fetched or read, with the request field it came from (the error
    body's ``field`` named the URL or "input-2", which is no field of the request)."""
    from blickwinkel.ingest import unread_input

    named = unread_input(exc)
    return Unread(request_field(item), named.message, named.input, named.error)


def request_field(item: CompareInput) -> str | None:
    """The request field an input's text or URL came from, as errors name it: ``articles.2.url`` of
    a JSON body, ``urls``, ``texts`` or ``files`` of a form upload, ``text_2`` of the compare page."""
    if item.field is None or not item.field.startswith("articles."):
        return item.field
    return f"{item.field}.{'url' if item.url else 'text'}"
