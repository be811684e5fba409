"""What analysis finds in one article alone is kept by the article's content: analysing a story again
with one more article analyses only the new one, and gives the same statements as from scratch."""

from __future__ import annotations

from blickwinkel.analyse import pipeline
from blickwinkel.ingest import read_text

TEXTS = (
    "Bridge closed in Lindholm\n\nThe old bridge in Lindholm was closed on Tuesday after cracks were found.",
    "Lindholm bridge shut\n\nEngineers shut the bridge on Tuesday; the ferry will run every hour instead.",
    "Cracks close bridge\n\nThe council said repairs to the Lindholm bridge will take at least six weeks.",
)


def test_second_analysis_reuses_the_articles_it_has_seen() -> None:
    a, b, c = (read_text(t, source=f"cache-{n}.txt", fmt="text") for n, t in enumerate(TEXTS))
    pipeline._prepared.cache_clear()
    first = pipeline.analyse_articles([a, b])
    pipeline.analyse_articles([a, b, c])
    info = pipeline._prepared.cache_info()
    assert (info.hits, info.misses) == (2, 3)
    again = pipeline.analyse_articles([a, b])
    assert [x.statements for x in again] == [x.statements for x in first]
