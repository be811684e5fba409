"""The lines `db prune` prints, from counts alone."""

from __future__ import annotations

from blickwinkel.report.prune_summary import prune_summary
from blickwinkel.store.prune import PruneCounts


def test_after_an_analysis_version_change_no_article_is_said_to_keep_its_analysis() -> None:
    counts = PruneCounts(
        analyses_other_version=50,
        analyses_not_needed=0,
        statement_vectors=0,
        article_vectors=0,
        analyses_left=0,
        statement_vectors_left=700,
        article_vectors_left=25,
        articles=25,
    )
    lines = prune_summary(counts, dry_run=True)
    assert lines[0].startswith("25 stored articles: each stays and is analysed again when next compared")
    assert "each keeps its analysis" not in " ".join(lines)
    assert lines[1] == "would delete 50 kept analyses: 50 of an older analysis version"


def test_a_store_whose_articles_keep_their_analyses_says_so() -> None:
    counts = PruneCounts(0, 0, 0, 0, analyses_left=4, articles=2)
    assert prune_summary(counts)[0].startswith("2 stored articles: each keeps its analysis and vectors")
    assert prune_summary(counts)[-1] == "nothing to delete"
