"""Story features of many articles in several processes: the stories path on every core.

Embedding is nearly all of the stories path's time (USE's numpy encoder and tokenizer; the cheap
keys, dates and MinHash are the rest) and each article's features are its own, so chunks of
articles go to worker processes and come back in input order. The chunks are the same whatever the
number of processes, so the docs are bit for bit the same too (an embedding's floating-point sums
follow the shape of its batch). Each worker loads the embedder once (the embedder is pickled
unloaded; USE maps its table from the user cache, so the workers share it). A script that calls this
needs the ``if __name__ == "__main__":`` guard of every program that starts processes by spawning.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from blickwinkel.embed import Embedder
from blickwinkel.errors import EmbedderError, Errors
from blickwinkel.model import Article
from blickwinkel.stories.features import StoryDoc, story_docs

# Articles sent to a worker at once: enough for batched embedding, small enough for steady progress.
CHUNK = 32
# Fewer articles than this per process are done in this process: starting a worker (imports and
# the model load) costs about 1.5 s of CPU, what embedding some 40 articles costs.
MIN_ARTICLES_PER_PROCESS = 100

ProgressCallback = Callable[[str, int, int], None]

# The embedder of a worker process, set once when it starts.
_WORKER: dict[str, Embedder] = {}


def default_processes() -> int:
    """One process per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(embedder: Embedder) -> None:
    _WORKER["embedder"] = embedder


def _worker_docs(articles: Sequence[Article]) -> list[StoryDoc]:
    return story_docs(articles, _WORKER["embedder"])


def _no_progress(what: str, done: int, total: int) -> None:
    return None


def story_docs_in_processes(
    articles: Sequence[Article],
    embedder: Embedder,
    processes: int,
    progress: ProgressCallback = _no_progress,
) -> list[StoryDoc]:
    """The story features of ``articles`` (as :func:`story_docs` gives them) computed in up to
    ``processes`` processes; in this one when there are too few articles for more to pay off."""
    count = min(processes, len(articles) // MIN_ARTICLES_PER_PROCESS)
    chunks = [articles[i : i + CHUNK] for i in range(0, len(articles), CHUNK)]
    docs: list[StoryDoc] = []
    progress("features", 0, len(articles))
    if count <= 1:
        for chunk in chunks:
            docs.extend(story_docs(chunk, embedder))
            progress("features", len(docs), len(articles))
        return docs
    # spawn, not fork: the parent may hold threads (the progress bar, BLAS) that fork would copy mid-work.
    context = multiprocessing.get_context("spawn")
    try:
        with ProcessPoolExecutor(
            count, mp_context=context, initializer=_start_worker, initargs=(embedder,)
        ) as pool:
            for found in pool.map(_worker_docs, chunks):
                docs.extend(found)
                progress("features", len(docs), len(articles))
    except BrokenProcessPool as exc:
        raise EmbedderError(Errors.E103.format(exc=exc)) from None
    return docs
