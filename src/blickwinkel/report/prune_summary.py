"""The lines ``blickwinkel db prune`` prints: what went (or would go) and what stays."""

from __future__ import annotations

from typing import Protocol

from blickwinkel.report.texts import counted


class PruneCounts(Protocol):
    """What ``db prune`` counted (``store.prune.PruneCounts``; report/ comes before store/ in the
    pipeline, so it names the fields it reads rather than importing the store's class)."""

    @property
    def articles(self) -> int: ...
    @property
    def analyses(self) -> int: ...
    @property
    def analyses_not_needed(self) -> int: ...
    @property
    def analyses_other_version(self) -> int: ...
    @property
    def analyses_left(self) -> int: ...
    @property
    def statement_vectors(self) -> int: ...
    @property
    def statement_vectors_left(self) -> int: ...
    @property
    def article_vectors(self) -> int: ...
    @property
    def article_vectors_left(self) -> int: ...
    @property
    def total(self) -> int: ...


def prune_summary(counts: PruneCounts, *, dry_run: bool = False) -> list[str]:
    """What ``db prune`` deleted (with ``dry_run``: would delete) and what stays, in lines a user
    reads."""
    went = "would delete" if dry_run else "deleted"
    # after an analysis version change no stored article keeps an analysis: it is analysed again when
    # next compared (saying "each keeps its analysis" beside "0 kept analyses" read as a contradiction)
    keeps = (
        "each keeps its analysis and vectors"
        if counts.analyses_left or not counts.articles
        else "each stays and is analysed again when next compared; its vectors stay"
    )
    lines = [
        f"{counted(counts.articles, 'stored article')}: {keeps} "
        f"({counted(counts.analyses_left, 'kept analysis', 'kept analyses')}, "
        f"{counted(counts.statement_vectors_left, 'statement vector')}, "
        f"{counted(counts.article_vectors_left, 'article vector')} "
        + ("would stay)" if dry_run else "stay)"),
    ]
    if counts.analyses:
        kinds = []
        if counts.analyses_not_needed:
            kinds.append(
                f"{counts.analyses_not_needed} of texts no stored article holds now (the copy an ingest "
                "keeps of each text as read, before its languages were found; replaced or removed "
                "articles; texts compared but not stored)"
            )
        if counts.analyses_other_version:
            kinds.append(f"{counts.analyses_other_version} of an older analysis version")
        lines.append(
            f"{went} {counted(counts.analyses, 'kept analysis', 'kept analyses')}: " + "; ".join(kinds)
        )
    if counts.statement_vectors:
        lines.append(
            f"{went} {counted(counts.statement_vectors, 'statement vector')} of texts no stored article "
            "holds now or of an older embedder version"
        )
    if counts.article_vectors:
        lines.append(
            f"{went} {counted(counts.article_vectors, 'article vector')} of an older embedder version"
        )
    if not counts.total:
        lines.append("nothing to delete")
    return lines
