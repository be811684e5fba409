"""From inputs to a comparison: read (the I/O edge), analyse, embed, compare.

This is the plain function the CLI, the web app and batch jobs call.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, BinaryIO

from blickwinkel import datacache

# The analysers compile long word-list patterns as they are imported: their compiled code comes from
# the user cache (about 0.05 s of a new process).
with datacache.compiled_patterns("patterns-pipeline"):
    from blickwinkel.analyse.pipeline import analyse_articles
    from blickwinkel.compare import DEFAULT_THRESHOLD, compare_articles, part_embedding_texts
    from blickwinkel.compare.link_weights import CROSS_EMBEDDER
    from blickwinkel.config import DEFAULT_EMBEDDER
    from blickwinkel.embed import get_embedder
    from blickwinkel.embed.kept import VectorStore, kept
    from blickwinkel.errors import BlickwinkelError, ComparisonError, EmbedderError, Errors, IngestError
    from blickwinkel.ingest import read_inputs
    from blickwinkel.model import Article, Comparison, Sentence


@dataclass(frozen=True)
class ComparisonRun:
    """The comparison (None when fewer than two articles could be read) and every input that failed."""

    comparison: Comparison | None
    failures: tuple[IngestError, ...]
    articles: tuple[Article, ...]


def compare_articles_text(
    articles: Sequence[Article],
    *,
    embedder: str = DEFAULT_EMBEDDER,
    threshold: float = DEFAULT_THRESHOLD,
    known: Mapping[str, str] | None = None,
    link_embedder: str = "",
    vectors: VectorStore | None = None,
) -> Comparison:
    """Analyse and compare articles that are already in memory; ``known`` holds kept analyses by
    content key (:mod:`blickwinkel.analyse.cache`, e.g. read from the store), which are not redone.
    ``link_embedder`` names a second embedder the link model reads for the pairs in one language whose
    probability is uncertain (none when empty). With ``vectors`` (a store) the statement vectors of
    every embedder are read from there before embedding and the new ones kept there
    (:mod:`blickwinkel.embed.kept`)."""
    chosen = kept(get_embedder(embedder), vectors)
    # (an unknown name fails before analysis)
    second = kept(get_embedder(link_embedder), vectors) if link_embedder else None

    def meanwhile(statements: Sequence[Sequence[Sentence]]) -> None:
        # While the analysis computes the tagger's vectors in the background: the embedder loads and
        # embeds every part of every statement as compare_articles will ask (its cache keeps them).
        chosen.encode(part_embedding_texts(s.text for ss in statements for s in ss))

    analysed = analyse_articles(articles, known=known, meanwhile=meanwhile)
    cross = kept(get_embedder(CROSS_EMBEDDER), vectors) if CROSS_EMBEDDER else None
    return compare_articles(
        analysed, chosen, threshold=threshold, cross_embedder=cross, second_embedder=second
    )


def watch_parent(interval: float = 1.0) -> None:
    """End this worker process when the process that started it is gone (checked every ``interval``
    seconds on a thread of its own): the web service's comparison processes must never outlive a
    server that was stopped or killed."""
    import os
    import threading
    import time

    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        os._exit(0)

    threading.Thread(target=watch, name="blickwinkel-watch-parent", daemon=True).start()


def comparison_json(
    articles: Sequence[Article],
    embedder: str = DEFAULT_EMBEDDER,
    threshold: float | None = None,
    known: Mapping[str, str] | None = None,
    vectors: VectorStore | None = None,
) -> dict[str, Any]:
    """The documented comparison JSON of articles in memory: what a worker process of the web service
    returns (plain data). Errors come back as :class:`ComparisonError` with their message, which
    crosses a process boundary whatever the original error's signature; an :class:`EmbedderError`
    stays one (the API answers it 400, not a comparison error's 422). ``known``: kept analyses by
    content key (the service reads them from its store: the ingest analysed the stored articles);
    ``vectors``: the store where statement vectors are kept (:mod:`blickwinkel.embed.kept`)."""
    try:
        comparison = compare_articles_text(
            articles,
            embedder=embedder,
            threshold=DEFAULT_THRESHOLD if threshold is None else threshold,
            known=known,
            vectors=vectors,
        )
    except EmbedderError as exc:  # its own kind (and status in the API), as when run in process
        raise EmbedderError(str(exc)) from None
    except BlickwinkelError as exc:
        raise ComparisonError(str(exc)) from None
    return comparison.to_json()


def compare_inputs(
    inputs: Sequence[str],
    *,
    embedder: str = DEFAULT_EMBEDDER,
    outlet: str | None = None,
    published: dt.date | None = None,
    max_bytes: int = 20_000_000,
    threshold: float = DEFAULT_THRESHOLD,
    stdin: BinaryIO | None = None,
    max_chars: int | None = None,
    link_embedder: str = "",
) -> ComparisonRun:
    """Read every input (a failed one is recorded and skipped), then compare what could be read.
    An article whose text is longer than ``max_chars`` is recorded as failed too: the analysis time
    grows with the text (a megabyte of one unpunctuated "sentence" takes minutes)."""
    result = read_inputs(inputs, outlet=outlet, published=published, max_bytes=max_bytes, stdin=stdin)
    articles = list(result.articles)
    failures = list(result.failures)
    if max_chars is not None:
        failures += [_too_long(a, max_chars) for a in articles if len(a.text) > max_chars]
        articles = [a for a in articles if len(a.text) <= max_chars]
    if len(articles) < 2:
        raise ComparisonError(
            Errors.K003.format(count=len(articles), failures="".join(f"\n  {f}" for f in failures))
        )
    comparison = compare_articles_text(
        articles, embedder=embedder, threshold=threshold, link_embedder=link_embedder
    )
    return ComparisonRun(comparison, tuple(failures), tuple(articles))


def _too_long(article: Article, max_chars: int) -> IngestError:
    return IngestError(
        article.source,
        Errors.K005.format(size=len(article.text), limit=max_chars),
    )
