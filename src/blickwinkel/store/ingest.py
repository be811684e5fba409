"""Ingest into the store: files, directories, JSONL, article URLs and RSS/Atom feeds.

Every article is analysed, embedded, assigned to a story and stored in its own transaction, so an
interrupted run keeps everything it committed and a re-run skips what is stored (same URL or same
text). Every input that fails is recorded with its reason and, for a feed's page, its feed
(``blickwinkel ingest --failed``), and forgotten once it succeeds; `watch` fetches its feeds' failed
pages again at later polls (:class:`RetryPolicy`), `ingest --retry` the rest (:func:`failures_to_retry`).
An article that comes late in the clusterer's processing order (an older date, or an edited input that
keeps its early id) waits without a story until the end of the run, which re-clusters once from the
earliest of their days; a run stopped before that leaves them to the next run, which places stored
articles without a story first.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from blickwinkel.analyse.language import with_languages
from blickwinkel.config import DEFAULT_EMBEDDER, DEFAULT_MAX_FILE_BYTES, default_of
from blickwinkel.embed import Embedder, get_embedder
from blickwinkel.embed.kept import vector_model
from blickwinkel.errors import BlickwinkelError, Errors, IngestError, NoAnswerError
from blickwinkel.ingest import read_inputs
from blickwinkel.ingest._inputs import first_time, is_listed_file, is_other_media
from blickwinkel.ingest.feeds import entry_article, parse_feed
from blickwinkel.ingest.fetch import Fetched, Fetcher
from blickwinkel.ingest.page import article_from_page, looks_like_feed
from blickwinkel.ingest.urls import is_url, latest_of_each_url, without_tracking
from blickwinkel.model import AnalysedArticle, Article
from blickwinkel.store._base import utc_now
from blickwinkel.store._store import Store
from blickwinkel.store.records import Failure, Feed, StoryChoice
from blickwinkel.store.story_groups import (
    StoredStories,
    article_number,
    merge_stories,
    regroup,
    stored_features,
    story_count,
    story_features,
)
from blickwinkel.stories.cluster import WINDOW_DAYS, StoryClusterer
from blickwinkel.stories.features import StoryDoc
from blickwinkel.text import content_hash

log = logging.getLogger(__name__)

Outcome = Literal["stored", "updated", "duplicate", "failed"]
Progress = Callable[[Outcome, str], None]
Analyser = Callable[[Sequence[Article]], Sequence[AnalysedArticle]]
BATCH = 16


@dataclass
class IngestCounts:
    stored: int = 0
    # Articles stored before whose source (URL or file) now gives another text: replaced in place.
    updated: int = 0
    duplicates: int = 0
    failed: int = 0
    new_stories: int = 0
    unanalysed: int = 0
    # Feed entries whose page failed, stored from the text the feed gives for them (I078): the page
    # stays in the failures, so a later `watch` poll fetches it again and the page replaces the text.
    stood_in: int = 0
    # Pages that failed before and were fetched again by a `watch` poll (RetryPolicy); of those, the
    # ones that failed again, and the ones that failed their last retry; the failed pages still waiting.
    retried: int = 0
    retried_failed: int = 0
    retries_ended: int = 0
    retry_waiting: int = 0
    # The failures of this run, in order (the store keeps every run's for `ingest --failed`).
    errors: list[IngestError] = dataclasses.field(default_factory=list)
    # What the readers noticed in articles that were read (Article.notes), printed as warnings.
    notes: list[str] = dataclasses.field(default_factory=list)
    # The sources of the articles stored that name no outlet (one warning says how to give one).
    unnamed_outlets: list[str] = dataclasses.field(default_factory=list)

    def add(self, other: IngestCounts) -> None:
        for f in dataclasses.fields(self):
            setattr(self, f.name, getattr(self, f.name) + getattr(other, f.name))


@dataclass(frozen=True)
class RetryPolicy:
    """When a `watch` poll fetches again a page that failed (the settings ``watch_retries`` and
    ``watch_retry_wait``): ``wait`` seconds after its failure, twice as long after each further one,
    at most ``retries`` times; then only `ingest --retry` fetches it. A feed that answers 304 Not
    Modified left its failed entries alone until it changed."""

    retries: int = default_of("watch_retries")
    wait: float = default_of("watch_retry_wait")

    def state(self, failure: Failure, now: dt.datetime) -> Literal["due", "waiting", "ended"]:
        if failure.attempts > self.retries:
            return "ended"
        last = failure.last_failed
        last = last if last.tzinfo is not None else last.replace(tzinfo=dt.UTC)  # SQLite keeps no zone
        waited = dt.timedelta(seconds=self.wait * 2 ** (failure.attempts - 1))
        return "waiting" if now < last + waited else "due"


def default_analyser(articles: Sequence[Article]) -> Sequence[AnalysedArticle]:
    """The full analysis; an :class:`Ingestor` given this one keeps each article's analysis in its
    store (:class:`KeepingAnalyser`), so a comparison of the story later does not analyse it again."""
    from blickwinkel.analyse.pipeline import analyse_articles

    return analyse_articles(articles)


class KeepingAnalyser:
    """The full analysis, with the article stage (languages, statements, entities) kept in ``store``
    by content (:mod:`blickwinkel.analyse.cache`)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def __call__(self, articles: Sequence[Article]) -> Sequence[AnalysedArticle]:
        from blickwinkel.analyse.pipeline import analyse_articles

        return analyse_articles(articles, store=self.store)


_RECORD = re.compile(r"(.+)(?::|#)\d+")


def failed_file(source: str) -> str:
    """The input to read again for a failure's source: a JSONL line ("file.jsonl:3") or a JSON list's
    record ("file.json#2") is its file (`ingest --retry` tried to open "file.jsonl:3" and failed with
    "file not found"); a file or URL is itself."""
    record = _RECORD.fullmatch(source)
    if record is None or is_url(source) or os.path.exists(source) or not os.path.isfile(record.group(1)):
        return source
    return record.group(1)


@dataclass(frozen=True)
class RetrySources:
    """What `ingest --retry` reads again (:func:`failures_to_retry`): ``sources``, each input once;
    ``left_to_watch`` counts the failed pages of stored feeds that `watch` fetches again itself."""

    sources: list[str]
    left_to_watch: int


def failures_to_retry(store: Store, policy: RetryPolicy, now: dt.datetime | None = None) -> RetrySources:
    """The failed inputs `watch` does not fetch again: those given to `ingest` (or recorded before the
    store kept a failure's feed, or of a feed since removed) and the pages of a feed whose tries under
    ``policy`` have ended; a failed JSONL line or JSON record as its file. A stored feed's own address
    and its pages with tries left are `watch`'s: counted, not returned."""
    feeds = store.feeds()
    watched, addresses = {f.id for f in feeds}, {f.url for f in feeds}
    now = now or utc_now()
    sources: list[str] = []
    left = 0
    for failure in store.failures():
        if failure.source in addresses or (
            failure.feed_id in watched and policy.state(failure, now) != "ended"
        ):
            left += 1
        else:
            sources.append(failed_file(failure.source))
    return RetrySources(list(dict.fromkeys(sources)), left)


def expand_paths(sources: Iterable[str]) -> Iterator[str]:
    """Files and URLs stay; a directory becomes its non-hidden files, sorted, but not its subdirectories
    nor its photos, documents and tables (as in :func:`blickwinkel.ingest.read_inputs`: the command's
    note named a photo "not read" while ingest read it, failed it and kept it for ``--retry``). A file
    reached twice (named twice, named and in a named folder, or through a symbolic link) comes once, as
    ``read_inputs`` reads it once: the warning said "read once" while ingest read it again and counted
    it "already stored"."""
    seen: set[str] = set()
    for source in sources:
        path = Path(source)
        if is_url(source):
            yield source
            continue
        if not path.is_dir():
            if first_time(source, seen):
                yield source
            continue
        try:
            files = sorted(
                p
                for p in path.iterdir()
                if is_listed_file(p) and not is_other_media(p) and not p.name.startswith(".")
            )
        except OSError:
            files = []
        if not files:
            yield source  # read_inputs reports the unreadable or empty directory
        yield from (f for f in (os.path.join(source, f.name) for f in files) if first_time(f, seen))


@dataclass
class _LateArticles:
    """Stored articles that came late in processing order, left without a story until one
    re-clustering from the earliest of their days (None: an undated one, all are re-clustered)."""

    days: list[dt.date | None] = dataclasses.field(default_factory=list)
    ids: list[int] = dataclasses.field(default_factory=list)

    def first_day(self) -> dt.date | None:
        dated = [d for d in self.days if d is not None]
        return None if len(dated) < len(self.days) else min(dated)


class Ingestor:
    """Reads or fetches inputs and stores their articles; one instance per run."""

    def __init__(
        self,
        store: Store,
        *,
        embedder: Embedder | str = DEFAULT_EMBEDDER,
        fetcher: Fetcher | None = None,
        analyser: Analyser | None = default_analyser,
        max_bytes: int = DEFAULT_MAX_FILE_BYTES,
        progress: Progress | None = None,
        window_days: int = WINDOW_DAYS,
        fetch_feed_links: bool = False,
        warned_entries: set[str] | None = None,
        retry: RetryPolicy | None = None,
    ) -> None:
        self.store = store
        self.retry = retry or RetryPolicy()
        # Inside `poll_feeds`: the failed pages not yet tried again in this poll, by URL.
        self._failed: dict[str, Failure] = {}
        # The stored feed whose entries are being read: their pages' failures are recorded as its.
        self._feed_id: int | None = None
        self._now = utc_now()
        # The feed entries named in a warning (I073) so far: each once per run, or across the runs
        # that share the set (`watch` polls with a new Ingestor each time and named them at every poll).
        self.warned_entries: set[str] = set() if warned_entries is None else warned_entries
        # A saved feed file's entries that hold only a link are fetched (else a warning names them).
        self.fetch_feed_links = fetch_feed_links
        self.window_days = window_days
        self.embedder = get_embedder(embedder) if isinstance(embedder, str) else embedder
        self.fetcher = fetcher
        self.analyser = KeepingAnalyser(store) if analyser is default_analyser else analyser
        self.max_bytes = max_bytes
        self.progress = progress or (lambda outcome, source: None)
        self.clusterer = self._new_clusterer()
        self._loaded = False
        self._late: _LateArticles | None = None  # inside `_one_reclustering`

    def _new_clusterer(self) -> StoryClusterer:
        return StoryClusterer(
            window_days=self.window_days,
            source=StoredStories(self.store, self.embedder),
            embedder=self.embedder.name,
        )

    def _ensure_loaded(self) -> None:
        if not self._loaded:
            self._loaded = True
            self._place_stored(self.store.articles_without_story())

    # ---------------------------------------------------------------- inputs

    def ingest(self, sources: Sequence[str]) -> IngestCounts:
        """Ingest paths (files, directories) and URLs (articles or feeds), one article at a time."""
        counts = IngestCounts()
        with self._one_reclustering(counts):
            for source in expand_paths(sources):
                counts.add(self.ingest_url(source) if is_url(source) else self.ingest_path(source))
        return counts

    @contextmanager
    def _one_reclustering(self, counts: IngestCounts) -> Iterator[None]:
        """Within: a late article waits without a story, and one re-clustering from the earliest
        late day places them all at the end (re-ingesting many edited files re-clustered once per
        file). The stories are those a re-clustering per article would give: the span from the
        earliest day is clustered again in processing order either way."""
        if self._late is not None:  # nested: the outer one re-clusters
            yield
            return
        self._late = late = _LateArticles()
        try:
            yield
        except BaseException:
            # The late articles stay without a story: the next call places them first, as a new run
            # places the stored articles without one.
            self._loaded = False
            raise
        finally:
            self._late = None
        if late.ids:
            before = story_count(self.store)
            self.recluster_from(late.first_day())
            counts.new_stories += max(0, story_count(self.store) - before)
            if self.analyser is not None:
                self._keep_statement_vectors(late.ids)

    def ingest_path(self, path: str) -> IngestCounts:
        """A file (or its records, or a saved feed's entries: those with only a link are fetched
        when ``fetch_feed_links``, else named in a warning, I074; or a list of web addresses, each
        fetched as an address given to `ingest` is), read as every command reads it."""
        result = read_inputs(
            [path], max_bytes=self.max_bytes, fetch_links=self.fetch_feed_links, caller_fetches=True
        )
        counts = self._fail_all(result.failures)
        counts.notes.extend(result.notes)
        counts.add(self.ingest_articles(result.articles))
        for links in result.links:
            for link, published in links.links:
                counts.add(self.ingest_url(link, published=published, fetch_stored=links.listed))
        failing = {f.source for f in result.failures}
        # The file and its records ("file:3", "file#2") that read now: a mended record stayed listed
        # by `ingest --failed` (only the file's own name was cleared, and only with no record failing).
        for stored in self.store.failures(of_file=path):
            if stored.source not in failing and failed_file(stored.source) == path:
                self.store.clear_failure(stored.source)
        return counts

    def ingest_url(
        self,
        url: str,
        *,
        published: dt.date | None = None,
        fetch_stored: bool = True,
        instead: Article | None = None,
    ) -> IngestCounts:
        """An article page, or a feed whose entries are fetched one by one. A page stored before is
        fetched again (an edited page replaces its stored version), unless ``fetch_stored`` is False:
        a feed's entries already stored are not fetched at every poll. ``instead``: the article a
        feed's entry holds in its own text, stored (I078) where the page cannot be fetched or read."""
        url = without_tracking(url)
        stood_in: IngestError | None = None  # why the feed's text stands in for the page
        if not fetch_stored and self.store.find_article(url=url) is not None:
            self.progress("duplicate", url)
            self.store.clear_failure(url)
            return IngestCounts(duplicates=1)
        try:
            fetched = self._fetcher().get(url)
            if looks_like_feed(fetched):
                return self._ingest_feed_body(url, fetched, None)
            article = article_from_page(url, fetched, published=published)
        except BlickwinkelError as exc:
            error = exc if isinstance(exc, IngestError) else IngestError(url, str(exc))
            if instead is None:
                return self._fail_all((error,))
            words = len(instead.text.split())
            note = str(IngestError(url, Errors.I078.format(problem=error.problem, words=words)))
            article = dataclasses.replace(instead, url=url, notes=(*instead.notes, note))
            stood_in = error
        counts = self.ingest_articles([article])
        if counts.failed == 0 and stood_in is not None:
            # the feed's text stands in for the page: the page is still owed (fetched again when due)
            self.store.record_failure(url, stood_in.problem, feed_id=self._feed_id)
            counts.stood_in += 1
        elif counts.failed == 0:
            self.store.clear_failure(url)
        return counts

    def add_feed(self, url: str) -> Feed:
        """Remember a feed once its address answers with one (:func:`add_checked_feed`)."""
        return add_checked_feed(self.store, self._fetcher(), url)[0]

    def poll_feeds(self) -> IngestCounts:
        """Fetch every stored feed (conditionally, by ETag and Last-Modified) and ingest new entries;
        then fetch again the pages of these feeds that failed before and are due
        (:class:`RetryPolicy`), whether their feed changed or not (an entry of a feed that answered in
        full with the date and text the feed gives it). A failed address given to `ingest` is left to
        `ingest --retry` (:func:`failures_to_retry`), unless a feed lists it: then it waits for its
        turn as the feed's pages do, and is the feed's from its next failure."""
        counts = IngestCounts()
        feeds = self.store.feeds()
        addresses = {f.url for f in feeds}
        watched = {f.id for f in feeds}
        self._now = utc_now()
        self._failed = {
            f.source: f for f in self.store.failures() if is_url(f.source) and f.source not in addresses
        }
        try:
            with self._one_reclustering(counts):
                for feed in feeds:
                    counts.add(self.poll_feed(feed))
                for failure in list(self._failed.values()):
                    if failure.feed_id in watched:
                        counts.add(self._retry(failure.source))
        finally:
            self._failed = {}
        return counts

    def _retry(
        self, url: str, *, published: dt.date | None = None, instead: Article | None = None
    ) -> IngestCounts:
        """Fetch again a page that failed before, if its wait is over and it has tries left."""
        failure = self._failed.pop(url)
        state = self.retry.state(failure, self._now)
        if state != "due":
            return IngestCounts(retry_waiting=int(state == "waiting"))
        # fetched even where stored: the feed's text that stood in for the page is replaced by it
        counts = self.ingest_url(url, published=published, fetch_stored=True, instead=instead)
        counts.retried += 1
        if counts.failed or counts.stood_in:
            counts.retried_failed += 1
            counts.retries_ended += int(failure.attempts + 1 > self.retry.retries)
        return counts

    def poll_feed(self, feed: Feed) -> IngestCounts:
        headers = {}
        if feed.etag:
            headers["If-None-Match"] = feed.etag
        if feed.last_modified:
            headers["If-Modified-Since"] = feed.last_modified
        try:
            fetched = self._fetcher().get(feed.url, headers=headers)
        except IngestError as exc:
            self.store.update_feed(feed.id, status=None, error=exc.problem)
            with self._entries_of(feed):
                return self._fail_all((exc,))
        if fetched.status == 304:
            self.store.update_feed(feed.id, status=304, error=None)
            return IngestCounts()
        return self._ingest_feed_body(feed.url, fetched, feed)

    @contextmanager
    def _entries_of(self, feed: Feed | None) -> Iterator[None]:
        """Within: what fails is recorded as ``feed``'s (None: an input given to `ingest`)."""
        outer, self._feed_id = self._feed_id, None if feed is None else feed.id
        try:
            yield
        finally:
            self._feed_id = outer

    def _ingest_feed_body(self, url: str, fetched: Fetched, feed: Feed | None) -> IngestCounts:
        with self._entries_of(feed):
            return self._ingest_feed_entries(url, fetched, feed)

    def _ingest_feed_entries(self, url: str, fetched: Fetched, feed: Feed | None) -> IngestCounts:
        try:
            feed_read = parse_feed(url, fetched.body)
        except IngestError as exc:
            if feed is not None:
                self.store.update_feed(feed.id, status=fetched.status, error=exc.problem)
            return self._fail_all((exc,))
        if feed is not None:
            self.store.update_feed(
                feed.id,
                status=fetched.status,
                error=None,
                etag=fetched.headers.get("etag"),
                last_modified=fetched.headers.get("last-modified"),
                title=feed_read.title,
            )
        self.store.clear_failure(url)
        note = feed_read.unlinked_note(url, self.warned_entries)
        counts = IngestCounts(notes=[note] if note else [])
        for entry in feed_read.items:
            if entry.link is None:
                continue  # named in the note above
            own = entry_article(entry, source=url, stem="feed", outlet=feed_read.title)
            if without_tracking(entry.link) in self._failed:  # failed before: tried when it is due
                counts.add(self._retry(without_tracking(entry.link), published=entry.published, instead=own))
                continue
            counts.add(
                self.ingest_url(entry.link, published=entry.published, fetch_stored=False, instead=own)
            )
        return counts

    # ---------------------------------------------------------------- articles

    def ingest_articles(self, articles: Sequence[Article]) -> IngestCounts:
        """Store articles in small batches (analysis and embedding batched, one transaction each).

        They are taken in the clusterer's processing order (publication date, then content), so a
        file in any order is placed in one pass, without re-clustering.
        """
        self._ensure_loaded()
        counts = IngestCounts(
            notes=[note for a in articles for note in a.notes],
            unnamed_outlets=[a.source for a in articles if not a.outlet],
        )
        articles, superseded = latest_versions(articles)
        for article in superseded:
            counts.duplicates += 1
            self.progress("duplicate", article.source)
        articles = sorted(articles, key=lambda a: (a.published or dt.date.min, content_hash(a.text)))
        for start in range(0, len(articles), BATCH):
            counts.add(self._ingest_batch(articles[start : start + BATCH]))
        return counts

    def _ingest_batch(self, batch: Sequence[Article]) -> IngestCounts:
        counts = IngestCounts()
        fresh: list[Article] = []
        # The stored article each fresh one is an edited version of (same URL or file, other text).
        edits: list[int | None] = []
        for article in batch:
            if self.store.find_article(text=article.text) is not None:
                counts.duplicates += 1
                self.progress("duplicate", article.source)
            else:
                fresh.append(article)
                edits.append(self.store.find_edited(article))
        if not fresh:
            return counts
        analysed: list[AnalysedArticle | None] = [None] * len(fresh)
        if self.analyser is not None:
            try:
                analysed = list(self.analyser(fresh))
            except Exception as exc:  # the text is still worth storing; the comparison re-analyses
                log.warning("analysis failed for %d articles (%s: %s)", len(fresh), type(exc).__name__, exc)
                counts.unanalysed += len(fresh)
        # Unanalysed articles get their languages all the same (the guesser takes milliseconds): the
        # store lists them by language (API ?language=) and their stories name their languages.
        fresh = [
            a if found is not None else with_languages(a) for a, found in zip(fresh, analysed, strict=True)
        ]
        placed: list[StoryDoc] = []
        for article, edited, analysis, (doc, vectors) in zip(
            fresh, edits, analysed, story_features(fresh, self.embedder), strict=True
        ):
            try:
                if edited is not None:
                    result = self.store.replace_article(
                        edited, article, analysed=analysis, vectors=vectors, model=vector_model(self.embedder)
                    )
                else:
                    result = self.store.add_article(
                        article, analysed=analysis, vectors=vectors, model=vector_model(self.embedder)
                    )
            except BlickwinkelError as exc:
                counts.add(self._fail_all((IngestError(article.source, str(exc)),)))
                continue
            if not result.created:
                counts.duplicates += 1
                self.progress("duplicate", article.source)
                continue
            if edited is not None:
                counts.updated += 1
                # The clusterer may hold the old version of this article from earlier in the run.
                self.clusterer = self._new_clusterer()
                self.progress("updated", article.source)
            else:
                counts.stored += 1
                self.progress("stored", article.source)
            placed.append(dataclasses.replace(doc, id=f"a{result.article_id}"))
        counts.new_stories += self._place(placed)
        if self.analyser is not None:
            self._keep_statement_vectors([article_number(d.id) for d in placed])
        return counts

    def _keep_statement_vectors(self, article_ids: Sequence[int]) -> None:
        """Embed ahead the statements of every story of two or more articles that ``article_ids``
        are now in, as their comparison will ask for them, and keep the vectors in the store
        (:mod:`blickwinkel.embed.kept`; what is kept already is not embedded again): the story's
        first comparison in the service then embeds nothing. A story of one article has nothing to
        compare, so most articles of a large archive cost nothing here."""
        from blickwinkel.compare import MAX_PARTS, part_embedding_texts
        from blickwinkel.embed.kept import KeptEmbedder, embedder_key

        if not article_ids or embedder_key(self.embedder) is None:
            return
        try:
            stories = {s for s in (self.store.story_of(n) for n in article_ids) if s is not None}
            members = [self.store.story_article_ids(s) for s in sorted(stories)]
            compared = sorted({n for ids in members if len(ids) > 1 for n in ids})
            texts = part_embedding_texts(self.store.statement_texts(compared))
            if texts and len(texts) <= MAX_PARTS:  # (a larger story is refused by the comparison)
                KeptEmbedder(self.embedder, self.store).keep_ahead(texts)
        except Exception as exc:  # saved time only: the comparison embeds what is not kept
            log.warning("statement vectors not kept (%s: %s)", type(exc).__name__, exc)

    # ---------------------------------------------------------------- stories

    def _place(self, docs: Sequence[StoryDoc]) -> int:
        """Put stored articles into stories with the one clusterer, in its processing order; returns
        how many new stories they started.

        An article that arrives after articles that come later in processing order (an older
        publication date) re-clusters the span from its date, so the stories do not depend on the
        order of ingestion (see :func:`recluster_from`).
        """
        new = 0
        for doc in sorted(docs, key=lambda d: d.order_key):
            if self.store.story_of(article_number(doc.id)) is not None:
                continue  # placed by a re-clustering of this batch's span
            if self.clusterer.is_late(doc):
                if self._late is not None:  # placed by the run's one re-clustering at its end
                    self._late.days.append(doc.published)
                    self._late.ids.append(article_number(doc.id))
                    continue
                before = story_count(self.store)
                self.recluster_from(doc.published)
                new += max(0, story_count(self.store) - before)
                continue
            story = self.clusterer.add(doc)
            for kept, merged in self.clusterer.take_merges():
                kept_id = self.store.story_of(article_number(kept))
                merged_id = self.store.story_of(article_number(merged))
                if kept_id is not None and merged_id is not None:
                    merge_stories(self.store, kept_id, merged_id)
            number = article_number(doc.id)
            if story == doc.id:
                self.store.assign_story(number, StoryChoice(None))
                new += 1
            else:
                score = self.clusterer.join_scores.get(doc.id)
                target = self.store.story_of(article_number(story))
                self.store.assign_story(number, StoryChoice(target, round(score, 4) if score else None))
        return new

    def recluster_from(self, day: dt.date | None) -> None:
        """Cluster again every stored article published from ``day - window`` on (all when ``day`` is
        None) and write the stories back; articles of the first ``window`` days keep their stories
        and are the context the others may join."""
        window = self.clusterer.window_days
        source = StoredStories(self.store, self.embedder)
        start = day - dt.timedelta(days=window) if day is not None else None
        stored = source.docs_after(start, None)
        clusterer = StoryClusterer(
            window_days=window, join_probability=self.clusterer.join_probability, embedder=self.embedder.name
        )
        context = [
            (d, s)
            for d, s in stored
            if day is not None and d.published is not None and d.published < day and s is not None
        ]
        context_ids = {d.id for d, _ in context}
        for doc, story in sorted(context, key=lambda item: item[0].order_key):
            clusterer.seed(doc, f"s{story}")
        stories_of = {d.id: s for d, s in stored}
        for doc, _ in sorted(stored, key=lambda item: item[0].order_key):
            if doc.id not in context_ids:
                clusterer.add(doc)
        groups: list[tuple[int | None, list[int]]] = []
        claimed: set[int] = set()
        for found in sorted(clusterer.stories(), key=lambda st: st.id):
            members = [article_number(i) for i in found.articles if i not in context_ids]
            if not members:
                continue
            kept = [stories_of[i] for i in found.articles if i in context_ids]
            previous = [stories_of[i] for i in found.articles if stories_of[i] is not None]
            # The found story keeps the id of the stored story most of its articles were in (the oldest
            # among equals), so links to it stay; an id it does not keep leads to it (former stories).
            counts = Counter(s for s in kept or previous if s is not None and s not in claimed)
            target = min(counts, key=lambda s: (-counts[s], s)) if counts else None
            if target is not None:
                claimed.add(target)
                members += [
                    article_number(i) for i in found.articles if i in context_ids and stories_of[i] != target
                ]
            groups.append((target, members))
        regroup(self.store, groups)
        self.clusterer = self._new_clusterer()

    def _place_stored(self, article_ids: Sequence[int]) -> None:
        """Give stored articles without a story one (they were stored by a run without stories)."""
        stored = self.store.articles(list(article_ids))
        vectors = self.store.vectors(list(stored), vector_model(self.embedder))
        # Embeds only the parts without stored rows (an article stored by a run without embeddings).
        self._place([stored_features(a, vectors.get(n, {}), self.embedder) for n, a in stored.items()])

    def _fail_all(self, failures: Iterable[IngestError]) -> IngestCounts:
        counts = IngestCounts()
        for failure in failures:
            self.store.record_failure(failure.source, failure.problem, feed_id=self._feed_id)
            counts.failed += 1
            counts.errors.append(failure)
            self.progress("failed", failure.source)
        return counts

    def _fetcher(self) -> Fetcher:
        if self.fetcher is None:
            self.fetcher = Fetcher()
        return self.fetcher


def add_checked_feed(store: Store, fetcher: Fetcher, url: str) -> tuple[Feed, str | None]:
    """Store the feed at ``url`` once it answers with a readable RSS or Atom feed, with the problem
    (None when it was checked). An address that answers with anything else is refused (I075, or
    the fetch's own error, I044 for a missing page); one that cannot be reached now is stored with
    its error as the feed's last error (`feeds list` shows it) and the problem returned (I076).

    `feeds add` took an article page's address: every `watch` then failed with I055, and `feeds
    list` showed no status for it."""
    if not url.lower().startswith(("http://", "https://")):
        raise IngestError(url, Errors.I079)  # a saved feed's path said only "http(s) only" (I047)
    fetcher.check_url(url)
    try:
        fetched = fetcher.get(url)
    except NoAnswerError as exc:  # no answer now; any answer that is no feed is refused below
        feed = store.add_feed(url)
        store.update_feed(feed.id, status=None, error=exc.problem)
        return feed, Errors.I076.format(problem=exc.problem)
    if not looks_like_feed(fetched):
        kind = fetched.content_type.split(";")[0].strip() or "no content type"
        raise IngestError(url, Errors.I075.format(kind=f"a page ({kind})" if "html" in kind else kind))
    parsed = parse_feed(url, fetched.body)
    return store.add_feed(url, title=parsed.title), None


def latest_versions(articles: Sequence[Article]) -> tuple[list[Article], list[Article]]:
    """The articles with each URL's last version in input order, and the earlier versions left out.

    A crawl that captured an article twice (before and after an edit) holds two records with one URL:
    in the processing order (date, content hash) the older one could come last and replace the newer,
    and each run of the same file swapped the stored text ("1 updated" every time)."""
    stands = latest_of_each_url([a.url for a in articles])
    kept = [a for a, latest in zip(articles, stands, strict=True) if latest]
    superseded = [a for a, latest in zip(articles, stands, strict=True) if not latest]
    return kept, superseded
