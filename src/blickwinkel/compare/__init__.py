"""Compare analysed articles: align statements, group them into facts, find conflicts, profile outlets."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from blickwinkel.compare.align import align_statements
from blickwinkel.compare.conflicts import find_conflicts
from blickwinkel.compare.coverage import (
    centrality,
    coverage_matrix,
    earliest_report,
    omissions,
    story_core,
    wire_copies,
)
from blickwinkel.compare.facts import group_facts, perhaps_elsewhere
from blickwinkel.compare.parts import Part, part_texts, parts_of
from blickwinkel.compare.profile import outlet_profiles
from blickwinkel.compare.similarity import embedding_text
from blickwinkel.compare.soft_alignment import WordEncoders, words_of
from blickwinkel.compare.voices import voices
from blickwinkel.embed import Embedder
from blickwinkel.errors import ComparisonError, Errors
from blickwinkel.model import AnalysedArticle, Comparison, Statement

DEFAULT_THRESHOLD = 0.5
MAX_PARTS = 8_000
"""Most statements and clauses one comparison aligns: their similarity matrix takes 4 bytes per pair
(256 MB here). A story's articles hold a few hundred; 200,000 characters of two-word sentences, which
the service accepts, held 50,000 and asked for 10 GB."""


def compare_articles(
    articles: Sequence[AnalysedArticle],
    embedder: Embedder,
    *,
    threshold: float = DEFAULT_THRESHOLD,
    cross_embedder: Embedder | None = None,
    second_embedder: Embedder | None = None,
    second_languages: frozenset[str] | None = None,
    word_encoder: WordEncoders | None = None,
) -> Comparison:
    """The fact-by-fact comparison of two or more analysed articles.

    ``cross_embedder`` (the pipeline's ``CROSS_EMBEDDER``, none by default) embeds the statements
    that have statements in another language in other articles, and the link model reads its cosine
    across languages; it is not called when every article is in one language. ``second_embedder``
    (setting ``link_embedder``) embeds the statements of the candidate pairs in one language whose
    link probability by the main embedder is uncertain, and their nearest neighbours; the link model
    reads its cosines for those pairs (:data:`blickwinkel.compare.align.SECOND_BAND`); with
    ``second_languages``, only for pairs in those languages (the default setting ``auto``:
    :data:`blickwinkel.compare.align.SECOND_LANGUAGES`). ``word_encoder`` (the pipeline's
    :func:`blickwinkel.pipeline.word_encoder_of`: the encoder of each layer) gives the contextual
    word vectors of the statements of the pairs still uncertain after that, whose soft word alignment
    the link model then reads (:data:`blickwinkel.compare.align.SOFT_BAND`)."""
    if len(articles) < 2:
        raise ComparisonError(Errors.K001.format(count=len(articles)))
    ids = [a.article.id for a in articles]
    if len(set(ids)) != len(ids):
        raise ComparisonError(Errors.K002.format(ids=ids))
    statements = [s for a in articles for s in a.statements]
    parts = parts_of(statements)
    count = sum(len(p) for p in parts)
    if count > MAX_PARTS:
        sizes = ", ".join(f"{a.article.id}: {len(a.statements):,} statements" for a in articles)
        raise ComparisonError(Errors.K004.format(count=count, sizes=sizes, limit=MAX_PARTS))
    part_embeddings = embedder.encode([embedding_text(p.text) for ps in parts for p in ps])
    cross_embeddings = None
    if cross_embedder is not None:
        cross_embeddings = cross_lingual_embeddings(statements, parts, cross_embedder)
    second = None
    if second_embedder is not None:
        second = second_rows(parts, second_embedder)
    alignment = align_statements(
        statements,
        parts,
        part_embeddings,
        threshold=threshold,
        embedder=embedder.name,
        cross_embeddings=cross_embeddings,
        second=second,
        second_languages=second_languages,
        words=None if word_encoder is None else words_of(statements, word_encoder),
    )
    facts = group_facts(
        statements, alignment.links, alignment.pair_score, alignment.restatements, alignment.best
    )
    facts = perhaps_elsewhere(facts, statements, alignment.best_plain, [a.article.id for a in articles])
    by_id = {s.id: s for s in statements}
    conflicts = find_conflicts(facts, by_id, alignment.links, alignment.parts)
    ids_in_order = [a.article.id for a in articles]
    core = story_core(facts, by_id)
    by_article = {a.article.id: a for a in articles}
    facts = tuple(
        replace(
            f, earliest=earliest_report(f, by_article), centrality=centrality(f, len(articles), core, by_id)
        )
        for f in facts
    )
    central = {f.id: f.centrality for f in facts}
    return Comparison(
        articles=tuple(articles),
        facts=facts,
        conflicts=conflicts,
        links=alignment.links,
        outlets=outlet_profiles(articles, facts, conflicts, core=core, copies=wire_copies(articles)),
        embedder=embedder.name,
        coverage=coverage_matrix(facts, ids_in_order, conflicts, by_id),
        omissions=dict(omissions(facts, ids_in_order, central)),
        voices=voices(articles, facts),
    )


def part_embedding_texts(statement_texts: Iterable[str]) -> list[str]:
    """What :func:`compare_articles` gives the embedder for statements that say ``statement_texts``
    (each statement's parts, :func:`~blickwinkel.compare.parts.part_texts`), known as soon as the
    statements are split: embedded ahead while the analysis ends, and by ``ingest`` to keep them."""
    return [embedding_text(t) for text in statement_texts for t in part_texts(text)]


def second_rows(
    parts: Sequence[Sequence[Part]], embedder: Embedder
) -> Callable[[npt.NDArray[np.bool_]], npt.NDArray[np.float32] | None]:
    """The alignment's source of second-embedder rows: :func:`statement_rows` of the statements it
    asks for."""

    def rows(wanted: npt.NDArray[np.bool_]) -> npt.NDArray[np.float32] | None:
        return statement_rows(parts, list(wanted), embedder)

    return rows


def statement_rows(
    parts: Sequence[Sequence[Part]], wanted: Sequence[bool], embedder: Embedder
) -> npt.NDArray[np.float32] | None:
    """Rows of ``embedder`` following the parts: each wanted statement's whole text embedded once and
    given to every part of it (the second embedder compares statements, not clauses: half the
    text to embed), zero rows for the rest; None when none is wanted."""
    if not any(wanted):
        return None
    texts = [embedding_text(ps[0].text) for ps, w in zip(parts, wanted, strict=True) if w]
    vectors = iter(embedder.encode(texts))
    out = np.zeros((sum(len(ps) for ps in parts), embedder.dim), dtype=np.float32)
    at = 0
    for ps, w in zip(parts, wanted, strict=True):
        if w:
            out[at : at + len(ps)] = next(vectors)
        at += len(ps)
    return out


def cross_lingual_embeddings(
    statements: Sequence[Statement], parts: Sequence[Sequence[Part]], embedder: Embedder
) -> npt.NDArray[np.float32] | None:
    """Rows of ``embedder`` for the parts of statements that another article may state in another
    language (zero rows for the rest); None when there are none."""
    languages: dict[str, set[str | None]] = {}
    for s in statements:
        languages.setdefault(s.article, set()).add(s.language)
    wanted = [
        any(
            lang != s.language and None not in (lang, s.language)
            for article, langs in languages.items()
            if article != s.article
            for lang in langs
        )
        for s in statements
    ]
    return _embedded_rows(parts, wanted, embedder)


def _embedded_rows(
    parts: Sequence[Sequence[Part]], wanted: Sequence[bool], embedder: Embedder
) -> npt.NDArray[np.float32] | None:
    """Rows of ``embedder`` for the parts of the wanted statements, zero rows for the rest."""
    if not any(wanted):
        return None
    texts = [embedding_text(p.text) for ps, w in zip(parts, wanted, strict=True) for p in ps if w]
    flat = [w for ps, w in zip(parts, wanted, strict=True) for _ in ps]
    out = np.zeros((len(flat), embedder.dim), dtype=np.float32)
    out[np.array(flat, dtype=bool)] = embedder.encode(texts)
    return out


__all__ = [
    "DEFAULT_THRESHOLD",
    "MAX_PARTS",
    "compare_articles",
    "cross_lingual_embeddings",
    "part_embedding_texts",
    "second_rows",
    "statement_rows",
]
