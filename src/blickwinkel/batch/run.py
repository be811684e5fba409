"""A batch run on Dask: the stage functions of the CLI (read, analyse, embed, cluster, compare) as tasks.

Three rounds of tasks, each resumable through files under ``OUT/_work``:

1. **prepare** one task per input partition: read its records, compute the story features (embeddings,
   entity and number keys) and keep them in a work file;
2. **cluster** one task: the one :class:`~blickwinkel.stories.StoryClusterer` takes every article in its
   processing order, loading one time window (:data:`~blickwinkel.batch.stages.WINDOW_DAYS` days) of
   features at a time, so the stories are those of ``blickwinkel stories``;
3. **compare** one task per chunk of final stories: analyse their articles, compare each story of two or
   more articles, and write articles, statements, facts and conflicts as Parquet.

A task that dies with its worker is run again by Dask on another worker; every write is atomic and
named by its content, so a re-run into the same ``--out`` skips finished work and writes each article
once. An article that fails is recorded in ``failures.jsonl`` and the rest of its partition goes on;
what a reader noticed in an article it read (a date that is no date, read undated) in ``warnings.jsonl``.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

from blickwinkel.batch.output import TABLES, Output, article_row, comparison_rows, statement_row
from blickwinkel.batch.partitions import Partition, list_partitions, read_partition
from blickwinkel.batch.stages import WINDOW_DAYS, ArticleMeta, cluster_in_order, window_of
from blickwinkel.compare.link_weights import CROSS_EMBEDDER
from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.errors import BatchError, Errors, IngestError
from blickwinkel.ingest.urls import latest_of_each_url
from blickwinkel.model import AnalysedArticle, Article
from blickwinkel.stories import Story, StoryDoc
from blickwinkel.stories.progress import ProgressCallback
from blickwinkel.text.titles import title_from_text

if TYPE_CHECKING:
    from distributed import Client, Nanny

# Articles embedded in one call inside a prepare task (the encoders are fastest on batches).
EMBED_BATCH = 64
# Prepare work files a worker keeps in memory while clustering and comparing (each holds one partition).
CACHED_PARTITIONS = 4
WORK = "_work"


@dataclass(frozen=True)
class Failure:
    source: str
    reason: str

    @classmethod
    def of(cls, exc: BaseException, source: str) -> Failure:
        if isinstance(exc, IngestError):
            return cls(exc.source, exc.problem)
        return cls(source, f"{type(exc).__name__}: {exc}")


@dataclass(frozen=True)
class PreparedPartition:
    """What the client needs of a prepared partition: its articles' ids, dates and labels."""

    key: str
    articles: tuple[tuple[str, dt.date | None, ArticleMeta], ...]
    failures: tuple[Failure, ...]
    urls: tuple[str | None, ...] = ()  # each article's URL, in the order of ``articles``
    # What the readers noticed in the articles they read (``Article.notes``): a record whose date is
    # no date is read undated with a warning, which the run wrote nowhere.
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ChunkResult:
    key: str
    articles: int
    statements: int
    compared: int
    facts: int
    conflicts: int
    failures: tuple[Failure, ...]
    skipped: bool = False


@dataclass
class BatchResult:
    """Counts of a batch run (also written to ``OUT/manifest.json``)."""

    out: str
    partitions: int = 0
    articles: int = 0
    duplicates: int = 0
    repeated_urls: int = 0  # records left out for a later record of the same URL
    stories: int = 0
    compared: int = 0
    statements: int = 0
    facts: int = 0
    conflicts: int = 0
    failures: int = 0
    warnings: int = 0
    chunks: int = 0
    resumed_chunks: int = 0
    windows: int = 0
    # Files in the named folders that are no partition (an HTML page, a .json export): passed over
    # without a word, they were articles lost from the run.
    passed_over: list[str] = field(default_factory=list)
    dashboard: str | None = None
    story_of: dict[str, str] = field(default_factory=dict, repr=False)

    def to_json(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "story_of"}


# ----------------------------------------------------------------------------- worker side


_PARTITIONS: OrderedDict[tuple[str, str], dict[str, Any]] = OrderedDict()


def _load_prepared(out: str, key: str) -> dict[str, Any]:
    """The work file of a prepared partition, from a small per-process cache."""
    cache_key = (out, key)
    if cache_key in _PARTITIONS:
        _PARTITIONS.move_to_end(cache_key)
        return _PARTITIONS[cache_key]
    value: dict[str, Any] = Output(out).read_pickle(WORK, "prepared", f"{key}.pkl")
    _PARTITIONS[cache_key] = value
    while len(_PARTITIONS) > CACHED_PARTITIONS:
        _PARTITIONS.popitem(last=False)
    return value


def _features(articles: Sequence[Article], embedder: str) -> tuple[list[StoryDoc], list[Failure]]:
    """Story features in batches; a batch that fails is redone article by article to find the culprit."""
    from blickwinkel.embed import get_embedder
    from blickwinkel.stories import story_docs

    model = get_embedder(embedder)
    docs: list[StoryDoc] = []
    failures: list[Failure] = []
    for start in range(0, len(articles), EMBED_BATCH):
        batch = articles[start : start + EMBED_BATCH]
        try:
            docs.extend(story_docs(batch, model))
        except Exception:
            for article in batch:
                try:
                    docs.extend(story_docs([article], model))
                except Exception as exc:
                    failures.append(Failure.of(exc, article.source))
    return docs, failures


def prepare_partition(partition: Partition, out: str, embedder: str) -> PreparedPartition:
    """Round 1: read one partition and compute its story features (skipped when already done)."""
    output = Output(out)
    name = f"{partition.key}.pkl"
    if output.exists(WORK, "prepared", name):
        done = _load_prepared(out, partition.key)
        return _summary(partition.key, done)
    try:
        result = read_partition(partition)
        articles, failures = list(result.articles), [Failure.of(f, partition.url) for f in result.failures]
    except IngestError as exc:
        articles, failures = [], [Failure.of(exc, partition.url)]
    docs, failed = _features(articles, embedder)
    kept = {d.id for d in docs}
    done = {
        "articles": {a.id: a for a in articles if a.id in kept},
        "docs": {d.id: d for d in docs},
        "failures": failures + failed,
    }
    output.write_pickle([WORK, "prepared", name], done)
    return _summary(partition.key, done)


def _summary(key: str, done: dict[str, Any]) -> PreparedPartition:
    articles: dict[str, Article] = done["articles"]
    # A record seldom declares its language: the story features detected it.
    languages = {a: done["docs"][a].language if a in done["docs"] else None for a in articles}
    return PreparedPartition(
        key=key,
        articles=tuple(
            (
                a.id,
                a.published,
                (
                    a.title or title_from_text(a.lead or a.text, language=a.language or languages[a.id]),
                    a.outlet,
                    a.language or languages[a.id],
                ),
            )
            for a in articles.values()
        ),
        failures=tuple(done["failures"]),
        urls=tuple(a.url for a in articles.values()),
        notes=tuple(note for a in articles.values() for note in a.notes),
    )


def cluster_all_windows(members_of: dict[str, list[tuple[str, str]]], out: str) -> list[Story]:
    """Round 2: the stories of all articles, one time window's features loaded at a time (``members_of``:
    each window's (partition key, article id) pairs), by the one clusterer in its processing order."""

    def docs_of(window: str) -> list[StoryDoc]:
        return [_load_prepared(out, key)["docs"][article] for key, article in members_of[window]]

    return cluster_in_order(list(members_of), docs_of)


def _analyse(
    articles: Sequence[Article], *, one_story: bool = False
) -> tuple[list[AnalysedArticle], list[Failure]]:
    from blickwinkel.analyse.pipeline import analyse_articles

    try:
        return analyse_articles(articles, one_story=one_story), []
    except Exception:
        analysed: list[AnalysedArticle] = []
        failures: list[Failure] = []
        for article in articles:
            try:
                analysed.extend(analyse_articles([article]))
            except Exception as exc:
                failures.append(Failure.of(exc, article.source))
        return analysed, failures


def compare_chunk(
    key: str,
    stories: Sequence[tuple[str, Sequence[tuple[str, str]]]],
    out: str,
    embedder: str,
    compare: bool,
) -> ChunkResult:
    """Round 3: analyse and compare the stories of one chunk and write their tables."""
    from blickwinkel.analyse.token_vectors import forget_states, keep_tagger_states
    from blickwinkel.compare import compare_articles
    from blickwinkel.config import DEFAULT_LINK_EMBEDDER
    from blickwinkel.embed import get_embedder
    from blickwinkel.pipeline import second_embedder_of, word_encoder_of

    # The link embedder of the default setting, as `compare` reads it (e5 on uncertain English pairs),
    # so that a story's facts are the same from the archive as from the command.
    second, languages = second_embedder_of(DEFAULT_LINK_EMBEDDER)
    words = word_encoder_of(DEFAULT_LINK_EMBEDDER)
    output = Output(out)
    if output.exists(WORK, "done", key):
        counts = json.loads(output.fs.cat_file(output.path(WORK, "done", key)))
        return ChunkResult(key=key, failures=(), skipped=True, **counts)
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    failures: list[Failure] = []
    compared = 0
    for story, members in stories:
        articles = [_load_prepared(out, part)["articles"][article] for part, article in members]
        # As in `compare`: the German tagger keeps its rows of the story's sentences while the
        # comparison reads the soft word alignment, so its German statements need no second pass.
        keep_tagger_states(words is not None and compare and len(articles) >= 2)
        analysed, failed = _analyse(articles, one_story=True)
        failures.extend(failed)
        for a in analysed:
            rows["articles"].append(article_row(a.article, story))
            rows["statements"].extend(statement_row(s, story) for s in a.statements)
        if compare and len(analysed) >= 2:
            try:
                cross = get_embedder(CROSS_EMBEDDER) if CROSS_EMBEDDER else None
                comparison = compare_articles(
                    analysed,
                    get_embedder(embedder),
                    cross_embedder=cross,
                    second_embedder=second,
                    second_languages=languages,
                    word_encoder=words,
                )
            except Exception as exc:
                failures.append(Failure(f"story {story}", f"comparison failed: {type(exc).__name__}: {exc}"))
            else:
                facts, conflicts = comparison_rows(comparison, story)
                rows["facts"].extend(facts)
                rows["conflicts"].extend(conflicts)
                compared += 1
        forget_states()  # (its rows serve no other story: the next starts as the command's process does)
    keep_tagger_states(False)
    for name in TABLES:
        output.write_table([name, f"{key}.parquet"], name, rows[name])
    counts = {
        "articles": len(rows["articles"]),
        "statements": len(rows["statements"]),
        "compared": compared,
        "facts": len(rows["facts"]),
        "conflicts": len(rows["conflicts"]),
    }
    output.write_pickle([WORK, "failures", f"{key}.pkl"], failures)
    output.write_bytes([WORK, "done", key], json.dumps(counts).encode())
    return ChunkResult(key=key, failures=tuple(failures), **counts)


# ----------------------------------------------------------------------------- client side


@contextlib.contextmanager
def dask_client(scheduler: str | None, workers: int | None) -> Iterator[Client]:
    """A client of the cluster at ``scheduler``, or of a LocalCluster sized to this machine."""
    from distributed import Client, LocalCluster

    if scheduler:
        try:
            client = Client(scheduler, timeout=10)
        except OSError as exc:
            raise BatchError(Errors.B001.format(address=scheduler, exc=exc)) from exc
        with client:
            yield client
        return
    count = workers or max(1, min(os.cpu_count() or 1, 8))
    # A free port: the scheduler serves its HTTP routes there even without bokeh, and the usual 8787
    # may belong to another cluster on this machine.
    with (
        LocalCluster(
            n_workers=count,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",
            worker_class=patient_nanny(),
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


WORKER_EXIT_SECONDS = 30.0
"""How long a local worker process may take to end when the cluster closes before its nanny kills it."""


@functools.cache
def patient_nanny() -> type[Nanny]:
    """Dask's ``Nanny`` giving its worker process :data:`WORKER_EXIT_SECONDS` to end when the cluster
    closes at the end of a run. Dask's own gives 4 seconds (0.8 × 5), then kills the process and logs
    "Worker process still alive after 4.0 seconds, killing": a worker that has compared a partition
    took 3 to 3.5 seconds to end on a loaded machine of two cores (12 articles), more with more of
    them, so runs ended with that warning though nothing was wrong. A worker that hangs is still
    killed, later."""
    from distributed import Nanny

    class PatientNanny(Nanny):
        async def close(  # type: ignore[override]  # as Nanny.close: distributed overrides Server.close so
            self, timeout: float = WORKER_EXIT_SECONDS, reason: str = "nanny-close"
        ) -> Literal["OK"]:
            return await super().close(timeout=timeout, reason=reason)

    return PatientNanny


def _run_all(
    client: Client,
    function: Callable[..., Any],
    args: Sequence[tuple[Any, ...]],
    stage: str,
    progress: ProgressCallback | None,
) -> list[Any]:
    return _gather([client.submit(function, *a, pure=False) for a in args], stage, progress)


def _gather(futures: Sequence[Any], stage: str, progress: ProgressCallback | None) -> list[Any]:
    """Results of ``futures`` in their order, reporting progress as they finish."""
    from distributed import as_completed

    index = {f.key: n for n, f in enumerate(futures)}
    results: list[Any] = [None] * len(futures)
    if progress:
        progress(stage, 0, len(futures))
    for done, future in enumerate(as_completed(futures), start=1):
        results[index[future.key]] = future.result()
        if progress:
            progress(stage, done, len(futures))
    return results


def run_batch(
    inputs: Sequence[str],
    out: str,
    *,
    embedder: str = DEFAULT_EMBEDDER,
    scheduler: str | None = None,
    workers: int | None = None,
    compare: bool = True,
    days: int = WINDOW_DAYS,
    progress: ProgressCallback | None = None,
    client: Client | None = None,
) -> BatchResult:
    """Read, embed, cluster and compare ``inputs`` on Dask and write the tables to ``out``.

    ``client`` is an existing :class:`distributed.Client`; without one, a client is made from
    ``scheduler`` (an address) or a LocalCluster of ``workers`` processes.
    """
    if client is None:
        with dask_client(scheduler, workers) as own:
            return run_batch(
                inputs, out, embedder=embedder, compare=compare, days=days, progress=progress, client=own
            )
    output = Output(out)
    result = BatchResult(out=out, dashboard=_dashboard(client))
    partitions, listing = list_partitions(inputs, result.passed_over)
    failures: list[Failure] = [Failure.of(f, f.source) for f in listing]
    result.partitions = len(partitions)

    prepared: list[PreparedPartition] = _run_all(
        client, prepare_partition, [(p, output.url, embedder) for p in partitions], "prepare", progress
    )
    members_of = _windows_of_articles(prepared, days, result, failures)
    notes = [note for part in prepared for note in part.notes]
    stories = _run_all(client, cluster_all_windows, [(members_of, output.url)], "cluster", progress)[0]
    result.stories = len(stories)
    result.story_of = {a: s.id for s in stories for a in s.articles}

    where = {article: key for members in members_of.values() for key, article in members}
    chunks = _chunks(stories, where, embedder, compare, days)
    result.chunks = len(chunks)
    results: list[ChunkResult] = _run_all(
        client,
        compare_chunk,
        [(key, members, output.url, embedder, compare) for key, members in chunks.items()],
        "compare",
        progress,
    )
    for chunk in results:
        result.articles += chunk.articles
        result.statements += chunk.statements
        result.compared += chunk.compared
        result.facts += chunk.facts
        result.conflicts += chunk.conflicts
        result.resumed_chunks += int(chunk.skipped)
        if chunk.skipped:
            failures.extend(output.read_pickle(WORK, "failures", f"{chunk.key}.pkl"))
        else:
            failures.extend(chunk.failures)
    _remove_stale(output, set(chunks))
    _write_run_tables(output, result, stories, failures, notes)
    return result


def _windows_of_articles(
    prepared: Sequence[PreparedPartition], days: int, result: BatchResult, failures: list[Failure]
) -> dict[str, list[tuple[str, str]]]:
    """The (partition, article) pairs of each time window; repeated URLs and ids are counted in
    ``result`` and the repeated ids added to ``failures``."""
    members_of: dict[str, list[tuple[str, str]]] = {}
    kept: set[str] = set()
    # A URL twice (a crawl that captured an article twice, or before and after an edit): its last
    # record in input order stands for it, as in `ingest` (every copy was an article of its own).
    urls = [
        part.urls[k] if k < len(part.urls) else None for part in prepared for k in range(len(part.articles))
    ]
    stands = iter(latest_of_each_url(urls))
    for part in prepared:
        failures.extend(part.failures)
        for article, published, _labels in part.articles:
            if not next(stands):
                result.repeated_urls += 1
                continue
            if article in kept:
                result.duplicates += 1
                failures.append(Failure(article, f"id repeated in partition {part.key}; the first is kept"))
                continue
            kept.add(article)
            members_of.setdefault(window_of(published, days), []).append((part.key, article))
    result.windows = len(members_of)
    return members_of


def _write_run_tables(
    output: Output,
    result: BatchResult,
    stories: Sequence[Story],
    failures: Sequence[Failure],
    notes: Sequence[str],
) -> None:
    """The stories table, the failures and warnings (JSON lines) and the manifest of the run."""
    output.write_table(["stories.parquet"], "stories", [_story_row(s) for s in stories])
    output.write_bytes(
        ["failures.jsonl"],
        "".join(
            json.dumps({"source": f.source, "reason": f.reason}, ensure_ascii=False) + "\n" for f in failures
        ).encode(),
    )
    result.failures = len(failures)
    output.write_bytes(
        ["warnings.jsonl"],
        "".join(json.dumps({"warning": note}, ensure_ascii=False) + "\n" for note in notes).encode(),
    )
    result.warnings = len(notes)
    output.write_bytes(["manifest.json"], json.dumps(result.to_json(), indent=2).encode())


def _dashboard(client: Client) -> str | None:
    import importlib.util

    if not importlib.util.find_spec("bokeh"):
        return None
    link = getattr(client, "dashboard_link", None)
    return str(link) if link else None


def _chunks(
    stories: Sequence[Story],
    where: dict[str, str],
    embedder: str,
    compare: bool,
    days: int,
) -> dict[str, list[tuple[str, list[tuple[str, str]]]]]:
    """Stories grouped by the window of their first day; each chunk named by its content."""
    grouped: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for story in sorted(stories, key=lambda s: s.id):
        members = [(where[a], a) for a in story.articles]
        grouped.setdefault(window_of(story.first, days), []).append((story.id, members))
    named: dict[str, list[tuple[str, list[tuple[str, str]]]]] = {}
    for window, group in sorted(grouped.items()):
        digest = hashlib.sha1(json.dumps([embedder, compare, group]).encode()).hexdigest()[:16]
        named[f"{window}-{digest}"] = group
    return named


def _remove_stale(output: Output, keys: set[str]) -> None:
    """Tables of chunks an earlier run wrote for other inputs, so no article is written twice."""
    for name in TABLES:
        for file in output.list(name):
            if file.endswith(".parquet") and file.removesuffix(".parquet") not in keys:
                output.remove(name, file)
    for marker in output.list(f"{WORK}/done"):
        if marker not in keys:
            output.remove(WORK, "done", marker)


def _story_row(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "title": story.title,
        "articles": list(story.articles),
        "outlets": list(story.outlets),
        "languages": list(story.languages),
        "first": story.first,
        "last": story.last,
    }
