"""Compare analysed articles: align statements, group them into facts, find conflicts, profile outlets."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

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
from blickwinkel.compare.facts import group_facts
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.profile import outlet_profiles
from blickwinkel.compare.similarity import embedding_text
from blickwinkel.embed import Embedder
from blickwinkel.errors import ComparisonError, Errors
from blickwinkel.model import AnalysedArticle, Comparison

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
) -> Comparison:
    """The fact-by-fact comparison of two or more analysed articles."""
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
    alignment = align_statements(
        statements, parts, part_embeddings, threshold=threshold, embedder=embedder.name
    )
    facts = group_facts(statements, alignment.links, alignment.pair_score, alignment.restatements)
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
    )


__all__ = ["DEFAULT_THRESHOLD", "MAX_PARTS", "compare_articles"]
