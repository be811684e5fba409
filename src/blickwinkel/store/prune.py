"""``blickwinkel db prune``: delete what no stored article needs any more.

Analyses and statement vectors are kept by content (a text stored twice, deleted and stored again,
or compared ad hoc, shares one row), so deleting or replacing an article leaves them behind, and a
new analysis or model version leaves the old rows unread. Pruning keeps exactly the rows a stored
article would ask for now: the analysis of each stored article's content under the installed analysis
version, the statement vectors of every stored statement's parts under each installed embedder
version, and the article vectors of each embedder's installed version.
"""

from __future__ import annotations

from dataclasses import dataclass

from blickwinkel.store._store import Store

# Stored articles read at a time while collecting the keys they need.
_ARTICLES_PER_READ = 500


@dataclass(frozen=True)
class PruneCounts:
    """Rows deleted from each table (with ``dry_run``: that would be) and the rows left in it.

    The kept analyses that go are counted in two kinds: those of another analysis version, and those
    of a text no stored article holds now. An ingest keeps each article's analysis twice (under the
    text as read, before its languages were found, so a file compared again finds it, and under the
    stored article's text), so a store just filled loses one row per article: "deleted 40 kept
    analyses" of a store of 40 articles read as if every article had lost its analysis."""

    analyses_other_version: int
    analyses_not_needed: int
    statement_vectors: int
    article_vectors: int
    analyses_left: int = 0
    statement_vectors_left: int = 0
    article_vectors_left: int = 0
    articles: int = 0

    @property
    def analyses(self) -> int:
        return self.analyses_other_version + self.analyses_not_needed

    @property
    def total(self) -> int:
        return self.analyses + self.statement_vectors + self.article_vectors


def prune_store(store: Store, *, dry_run: bool = False) -> PruneCounts:
    """Delete the kept analyses, statement vectors and article vectors no stored article needs
    (``dry_run``: count them, delete nothing)."""
    from blickwinkel.analyse.cache import analysis_version, content_key
    from blickwinkel.compare import part_embedding_texts
    from blickwinkel.embed.backends import EMBEDDERS
    from blickwinkel.embed.kept import embedder_key, text_key

    analyses: set[str] = set()
    texts: set[str] = set()
    ids = store.all_article_ids()
    for start in range(0, len(ids), _ARTICLES_PER_READ):
        batch = ids[start : start + _ARTICLES_PER_READ]
        analyses.update(content_key(a) for a in store.articles(batch).values())
        texts.update(text_key(t) for t in part_embedding_texts(store.statement_texts(batch)))
    current = {name: embedder_key(EMBEDDERS.get(name)()) for name in EMBEDDERS.names()}
    versions = {name: key for name, key in current.items() if key is not None}
    other_version, not_needed, analyses_left = store.prune_analyses(
        analyses, analysis_version(), dry_run=dry_run
    )
    statement_vectors, statement_vectors_left = store.prune_vectors(
        texts, set(versions.values()), dry_run=dry_run
    )
    article_vectors, article_vectors_left = store.prune_article_vectors(versions, dry_run=dry_run)
    return PruneCounts(
        analyses_other_version=other_version,
        analyses_not_needed=not_needed,
        statement_vectors=statement_vectors,
        article_vectors=article_vectors,
        analyses_left=analyses_left,
        statement_vectors_left=statement_vectors_left,
        article_vectors_left=article_vectors_left,
        articles=len(ids),
    )
