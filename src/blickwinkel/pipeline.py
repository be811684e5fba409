"""From inputs to a comparison: read (the I/O edge), analyse, embed, compare.

This is the plain function the CLI, the web app and batch jobs call.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any, BinaryIO

from blickwinkel import datacache

# The analysers compile long word-list patterns as they are imported: their compiled code comes from
# the user cache (about 0.05 s of a new process).
with datacache.compiled_patterns("patterns-pipeline"):
    from blickwinkel.analyse.pipeline import analyse_articles
    from blickwinkel.compare import DEFAULT_THRESHOLD, compare_articles, part_embedding_texts
    from blickwinkel.compare.align import SECOND_LANGUAGES
    from blickwinkel.compare.events import different_events
    from blickwinkel.compare.link_weights import CROSS_EMBEDDER, LINK_MODELS
    from blickwinkel.compare.soft_alignment import WordEncoders
    from blickwinkel.config import DEFAULT_EMBEDDER, DEFAULT_LINK_EMBEDDER, DEFAULT_MAX_FILE_BYTES, WITH_WORDS
    from blickwinkel.embed import Embedder, get_embedder
    from blickwinkel.embed.kept import VectorStore, kept
    from blickwinkel.errors import BlickwinkelError, ComparisonError, EmbedderError, Errors, IngestError
    from blickwinkel.ingest import read_inputs, unread_input
    from blickwinkel.model import Article, Comparison, Sentence


@dataclass(frozen=True)
class ComparisonRun:
    """The comparison (None when fewer than two articles could be read) and every input that failed."""

    comparison: Comparison | None
    failures: tuple[IngestError, ...]
    articles: tuple[Article, ...]
    # What the readers noticed that belongs to no one article (a saved feed's entries left out).
    notes: tuple[str, ...] = ()


def compare_articles_text(
    articles: Sequence[Article],
    *,
    embedder: str = DEFAULT_EMBEDDER,
    threshold: float = DEFAULT_THRESHOLD,
    known: Mapping[str, str] | None = None,
    link_embedder: str = DEFAULT_LINK_EMBEDDER,
    vectors: VectorStore | None = None,
) -> Comparison:
    """Analyse and compare articles that are already in memory; ``known`` holds kept analyses by
    content key (:mod:`blickwinkel.analyse.cache`, e.g. read from the store), which are not redone.
    ``link_embedder`` names a second embedder the link model reads for the pairs in one language whose
    probability is uncertain (``auto``: e5 for the languages of ``SECOND_LANGUAGES``; none when
    empty). With ``vectors`` (a store) the statement vectors of every embedder are read from there
    before embedding and the new ones kept there (:mod:`blickwinkel.embed.kept`)."""
    chosen = kept(get_embedder(embedder), vectors)
    # (an unknown name fails before analysis)
    link_model, languages = second_embedder_of(link_embedder)
    second = kept(link_model, vectors) if link_model is not None else None
    loading: list[threading.Thread] = []

    def meanwhile(statements: Sequence[Sequence[Sentence]]) -> None:
        # While the analysis computes the tagger's vectors in the background: the embedder loads and
        # embeds every part of every statement as compare_articles will ask (its cache keeps them).
        # The link embedder loads on a thread (started after the tagger's child process was forked).
        if link_model is not None:
            loading.extend(load_meanwhile(link_model, articles, languages))
        chosen.encode(part_embedding_texts(s.text for ss in statements for s in ss))

    from blickwinkel.analyse.token_vectors import keep_tagger_states

    words = word_encoder_of(link_embedder)
    # The German tagger keeps its rows for the soft word alignment only when it is read.
    keep_tagger_states(words is not None)
    analysed = analyse_articles(articles, known=known, meanwhile=meanwhile, one_story=True)
    cross = kept(get_embedder(CROSS_EMBEDDER), vectors) if CROSS_EMBEDDER else None
    try:
        comparison = compare_articles(
            analysed,
            chosen,
            threshold=threshold,
            cross_embedder=cross,
            second_embedder=second,
            second_languages=languages,
            word_encoder=words,
        )
    finally:
        for thread in loading:  # never left running into the next comparison (which may fork)
            thread.join()
    # Groups of articles that share no fact, asked of the story model (its features are computed only
    # when there are such groups; by the process-wide embedder, so no story text is kept as a vector)
    events = different_events(comparison.articles, comparison.facts, get_embedder(embedder))
    return replace(comparison, different_events=events)


def load_meanwhile(
    second: Embedder, articles: Sequence[Article], languages: frozenset[str] | None
) -> list[threading.Thread]:
    """Start loading the second embedder on a thread of its own while the analysis runs, when two
    or more articles are in its languages (then some pair of theirs is almost always uncertain, and
    it is asked for after the analysis: loading it then took about 0.3 s of an English event's wall
    time). Other stories never load it: a German one's process would grow by its weights for
    nothing. The started thread (none or one) is given back to be joined."""
    from blickwinkel.analyse.language import detect_language

    found = [a.language or detect_language(a.text) for a in articles]
    if sum(lang is not None and (languages is None or lang in languages) for lang in found) < 2:
        return []
    thread = threading.Thread(target=second.encode, args=(["."],), name="load-link-embedder", daemon=True)
    thread.start()
    return [thread]


def second_embedder_of(link_embedder: str) -> tuple[Embedder | None, frozenset[str] | None]:
    """The second embedder of the ``link_embedder`` setting and the languages whose pairs it scores
    (None: every language): ``auto`` is e5 for :data:`SECOND_LANGUAGES`. Created, not loaded: e5
    loads only when a pair of those languages is uncertain."""
    link_embedder = link_embedder.removesuffix(WITH_WORDS)
    if not link_embedder:
        return None, None
    if link_embedder == "auto":
        return get_embedder("e5"), SECOND_LANGUAGES
    return get_embedder(link_embedder), None


def word_encoder_of(link_embedder: str) -> WordEncoders | None:
    """The contextual word vectors of the soft word alignment (:mod:`blickwinkel.compare.soft_alignment`)
    of each layer when the ``link_embedder`` setting asks for it (``auto+words``, ``e5+words``) and a
    shipped link model reads it; None otherwise. Created, not loaded: the encoder loads only when a
    candidate pair is uncertain and its statements' vectors are not kept (the German tagger's are:
    :mod:`blickwinkel.embed.word_vectors`). The default (``auto+words``) since the seventeenth
    session (docs/data-sources.md, "Link model")."""
    if not link_embedder.endswith(WITH_WORDS) or all(m.soft_step == (0.0, 0.0) for m in LINK_MODELS.values()):
        return None
    from blickwinkel.embed.word_vectors import E5WordLayers

    return E5WordLayers()


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
    max_bytes: int = DEFAULT_MAX_FILE_BYTES,
    threshold: float = DEFAULT_THRESHOLD,
    stdin: BinaryIO | None = None,
    max_chars: int | None = None,
    link_embedder: str = DEFAULT_LINK_EMBEDDER,
    fetch: Callable[[str], Article] | None = None,
    on_read: Callable[[Sequence[Article]], None] | None = None,
    fetch_links: bool = False,
) -> ComparisonRun:
    """Read every input (a failed one is recorded and skipped; a web address with ``fetch``, and a
    saved feed's entries with only a link with ``fetch_links``), then compare what could be read
    (``on_read`` is shown the articles first).
    An article whose text is longer than ``max_chars`` is recorded as failed too: the analysis time
    grows with the text (a megabyte of one unpunctuated "sentence" takes minutes)."""
    result = read_inputs(
        inputs,
        outlet=outlet,
        published=published,
        max_bytes=max_bytes,
        stdin=stdin,
        fetch=fetch,
        fetch_links=fetch_links,
    )
    articles = list(result.articles)
    failures = list(result.failures)
    if max_chars is not None:
        failures += [_too_long(a, max_chars) for a in articles if len(a.text) > max_chars]
        articles = [a for a in articles if len(a.text) <= max_chars]
    if len(articles) < 2:
        # the warnings too: a saved feed whose entries hold only links reads as no article (I074)
        said = [str(f) for f in failures] + [f"warning: {note}" for note in result.notes]
        raise ComparisonError(
            Errors.K003.format(count=len(articles), failures="".join(f"\n  {s}" for s in said))
        )
    if on_read is not None:  # the command tells the user what it is about to compare
        on_read(articles)
    comparison = compare_articles_text(
        articles, embedder=embedder, threshold=threshold, link_embedder=link_embedder
    )
    # the inputs left out go with the comparison: a saved JSON or HTML report names them too
    comparison = replace(comparison, unread=tuple(unread_input(f) for f in failures))
    return ComparisonRun(comparison, tuple(failures), tuple(articles), result.notes)


def _too_long(article: Article, max_chars: int) -> IngestError:
    return IngestError(
        article.source,
        Errors.K005.format(size=len(article.text), limit=max_chars),
    )
