"""Benchmark of the analysis: sentences/s per analyser and for the whole analysis (no embeddings).

Reads the first N articles of ../shared/data/corpus-de (default 1,000). The whole analysis
(`analyse_articles`, one article at a time, as a stream would) is timed first, after an untimed pass
over 50 other articles that loads the models; then each analyser on its own over the same articles
(by then the per-word caches are warm, so these figures are optimistic). Prints figures only, each
as wall time and as CPU time of the process.
Usage: python bench/analyse.py [--articles 1000]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable

from blickwinkel.analyse.dates import find_dates
from blickwinkel.analyse.entities import find_entities
from blickwinkel.analyse.language import article_language, detect_block_languages
from blickwinkel.analyse.lemmas import lemmatise
from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.analyse.quantities import find_quantities
from blickwinkel.analyse.quotes import classify_statements
from blickwinkel.analyse.sources import find_cited_sources
from blickwinkel.analyse.subjectivity import subjectivity_scores
from blickwinkel.ingest import read_text
from blickwinkel.model import Article, Sentence
from blickwinkel.text import split_statements

try:
    from bench.shared_data import CORPUS_DE as CORPUS
except ModuleNotFoundError:  # run as ``python bench/analyse.py``: bench/ itself is on the path
    from shared_data import CORPUS_DE as CORPUS  # type: ignore[no-redef]


def load(n: int) -> list[Article]:
    out: list[Article] = []
    with CORPUS.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            rec = json.loads(line)
            text = f"{rec.get('title') or 'Ohne Titel'}\n\n{rec.get('text') or ''}".strip()
            try:
                out.append(read_text(text, source=f"corpus-de:{line_no}", fmt="text"))
            except Exception:
                continue
            if len(out) == n:
                break
    return out


def timed(label: str, sentences: int, fn: Callable[[], object]) -> None:
    """Wall time and the process's CPU time (all its threads): on a shared machine only the second
    says what the code costs."""
    start, cpu_start = time.perf_counter(), time.process_time()
    fn()
    seconds = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    print(
        f"{label:<28} {seconds:7.2f}s  {sentences / seconds:9.0f} sentences/s"
        f"   cpu {cpu:7.2f}s  {sentences / cpu:9.0f} sentences/cpu-s"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args()
    if not CORPUS.is_file():
        print("skipped: ../shared/data/corpus-de is absent")
        return 0
    loaded = load(args.articles + 50)
    analyse_articles(loaded[:50])  # load the models on articles that are not timed
    articles = loaded[50:]
    n_whole = sum(len(split_statements(a)) for a in articles)
    timed("whole analysis (cold words)", n_whole, lambda: [analyse_articles([a]) for a in articles])
    t0 = time.perf_counter()
    split = [split_statements(a) for a in articles]
    split_seconds = time.perf_counter() - t0
    n = sum(len(s) for s in split)
    print(f"{len(articles)} articles, {n} statements")
    print(f"{'sentences + clauses':<28} {split_seconds:7.2f}s  {n / split_seconds:9.0f} sentences/s")
    pairs: list[tuple[Article, list[Sentence]]] = list(zip(articles, split, strict=True))
    timed(
        "language (article, blocks)",
        n,
        lambda: [(article_language(a), detect_block_languages(a)) for a in articles],
    )
    timed("lemmas", n, lambda: [lemmatise([t.text for t in s.tokens], "de") for _, ss in pairs for s in ss])
    timed("entities", n, lambda: [find_entities(a, ss) for a, ss in pairs])
    timed(
        "quantities",
        n,
        lambda: [find_quantities(s.text, "de", offset=s.start) for _, ss in pairs for s in ss],
    )
    timed(
        "dates",
        n,
        lambda: [find_dates(s.text, "de", anchor=None, offset=s.start) for _, ss in pairs for s in ss],
    )
    timed("quotes and speakers", n, lambda: [classify_statements(a, ss) for a, ss in pairs])
    timed("cited sources", n, lambda: [find_cited_sources(a) for a in articles])
    timed(
        "subjectivity (cues)", n, lambda: [subjectivity_scores([s.text for s in ss], "de") for _, ss in pairs]
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
