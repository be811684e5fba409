"""Story features of many articles in several processes: the stories path on every core.

Embedding is nearly all of the stories path's time (USE's numpy encoder and tokenizer; the cheap
keys, dates and MinHash are the rest) and each article's features are its own, so chunks of
articles go to worker processes and come back in order. The chunks are the same whatever the number
of processes, so the docs are bit for bit the same too (an embedding's floating-point sums follow
the shape of its batch). :func:`cluster_as_embedded` puts the articles in the clusterer's
processing order first, so this process clusters each chunk while the workers embed the next ones,
and the input order changes neither the chunks nor the stories. Each worker loads the embedder once
(the embedder is pickled unloaded; USE maps its table from the user cache, so the workers share it).
A script that calls this needs the ``if __name__ == "__main__":`` guard of every program that starts
processes by spawning.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from blickwinkel.embed import Embedder
from blickwinkel.errors import EmbedderError, Errors
from blickwinkel.model import Article
from blickwinkel.stories.cluster import WINDOW_DAYS, StoryClusterer
from blickwinkel.stories.features import StoryDoc, story_docs
from blickwinkel.stories.progress import ProgressCallback, no_progress
from blickwinkel.text import content_hash

# Articles sent to a worker at once: enough for batched embedding, small enough for steady progress.
CHUNK = 32
# Fewer articles than this per process are done in this process: starting a worker (imports and
# the model load) costs about 1.5 s of CPU, what embedding some 40 articles costs.
MIN_ARTICLES_PER_PROCESS = 100

# The embedder of a worker process, set once when it starts.
_WORKER: dict[str, Embedder] = {}


def default_processes() -> int:
    """One process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(embedder: Embedder) -> None:
    # One worker per core: an embedder that would spread a batch over every core itself (e5's
    # ``threads``) keeps to one thread here, so two workers do not run four threads on two cores.
    inner = getattr(embedder, "inner", embedder)
    if getattr(inner, "threads", None) is None and hasattr(inner, "threads"):
        inner.threads = 1
    _WORKER["embedder"] = embedder


def _worker_docs(articles: Sequence[Article]) -> list[StoryDoc]:
    return story_docs(articles, _WORKER["embedder"])


def story_docs_in_processes(
    articles: Sequence[Article],
    embedder: Embedder,
    processes: int,
    progress: ProgressCallback = no_progress,
) -> list[StoryDoc]:
    """The story features of ``articles`` (as :func:`story_docs` gives them, chunk by chunk) computed
    in up to ``processes`` processes; in this one when there are too few articles for more to pay off."""
    return [doc for chunk in story_doc_chunks(articles, embedder, processes, progress) for doc in chunk]


def story_doc_chunks(
    articles: Sequence[Article],
    embedder: Embedder,
    processes: int,
    progress: ProgressCallback = no_progress,
) -> Iterator[list[StoryDoc]]:
    """:func:`story_docs_in_processes` chunk by chunk, in input order, each as soon as it is done (so
    a caller can cluster while the workers embed)."""
    count = min(processes, len(articles) // MIN_ARTICLES_PER_PROCESS)
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    done = 0
    progress("features", 0, len(articles))
    if count <= 1:
        for chunk in chunks:
            found = story_docs(chunk, embedder)
            done += len(found)
            progress("features", done, len(articles))
            yield found
        return
    # spawn, not fork: the parent may hold threads (the progress bar, BLAS) that fork would copy mid-work.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(
            count, mp_context=context, initializer=_start_worker, initargs=(embedder,)
        ) as pool:
            for found in pool.map(_worker_docs, chunks):
                done += len(found)
                progress("features", done, len(articles))
                yield found
    except BrokenProcessPool as exc:
        raise EmbedderError(Errors.E103.format(exc=exc)) from None


def processing_order(articles: Sequence[Article]) -> list[Article]:
    """``articles`` in the clusterer's processing order (:attr:`StoryDoc.order_key`: publication date,
    content hash, id), each id once: their docs can then be clustered as they come, and the chunks,
    hence the floats of the embeddings, do not depend on the order of the input."""
    keyed = sorted(
        ((a.published or dt.date.min, content_hash(a.text), a.id), n) for n, a in enumerate(articles)
    )
    seen: set[str] = set()
    out: list[Article] = []
    for (_, _, article_id), n in keyed:
        if article_id not in seen:
            seen.add(article_id)
            out.append(articles[n])
    return out


def cluster_as_embedded(
    articles: Sequence[Article],
    embedder: Embedder,
    processes: int,
    progress: ProgressCallback = no_progress,
    *,
    window_days: int = WINDOW_DAYS,
) -> tuple[StoryClusterer, list[StoryDoc]]:
    """The stories path: features of ``articles`` in worker processes while this one clusters the
    chunks already done (the stories of :func:`~blickwinkel.stories.cluster.cluster_stories` over
    the same docs), and the docs."""
    ordered = processing_order(articles)
    clusterer = StoryClusterer(window_days=window_days, embedder=embedder.name)
    docs: list[StoryDoc] = []
    for chunk in story_doc_chunks(ordered, embedder, processes, progress):
        for doc in chunk:
            clusterer.add(doc)
        docs.extend(chunk)
        progress("stories", len(docs), len(ordered))
    return clusterer, docs
