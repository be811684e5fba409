"""Benchmark of `blickwinkel compare`: wall time cold and warm, sentences/s and peak memory.

Runs on the seed pair and on stories of 2, 10 and 50 articles from ../shared/data/corpus-de, and on our
own examples. Prints figures; asserts nothing. Usage: python bench/compare.py [--quick]
[--link-embedder e5] (the cost of the link_embedder setting; each line then ends with the number of
texts e5 embedded in the last run).
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from blickwinkel.analyse.pipeline import CACHE, analyse_articles
from blickwinkel.compare import compare_articles
from blickwinkel.embed import get_embedder
from blickwinkel.embed.backends import CachedEmbedder
from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.model import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BLICKWINKEL_SHARED", ROOT.parent / "shared"))


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


_RUNS = itertools.count()


class _Counted:
    """An embedder counting the texts it embeds (the link embedder's share of the work)."""

    def __init__(self, inner: Any) -> None:
        self.inner, self.name, self.dim = inner, inner.name, inner.dim
        self.texts = 0

    def encode(self, texts: Any) -> Any:
        self.texts += len(texts)
        return self.inner.encode(texts)


_SECOND_TEXTS: list[int] = []


def _fresh(name: str) -> CachedEmbedder:
    """The loaded model behind an empty text cache."""
    inner = get_embedder(name)
    return CachedEmbedder(inner.inner if isinstance(inner, CachedEmbedder) else inner)


def run(articles: list[Article], embedder_name: str, link_embedder: str = "") -> tuple[float, int, int]:
    """Seconds for analyse + embed + compare with the model loaded but no cached embeddings; each run
    gets articles with new ids and an emptied analysis cache (it keys on content, not on ids), so no
    analysis of an earlier run is reused. The texts the link embedder embedded go to _SECOND_TEXTS."""
    CACHE.clear()
    run_id = next(_RUNS)
    articles = [dataclasses.replace(a, id=f"{a.id}~{run_id}") for a in articles]
    fresh = _fresh(embedder_name)
    counted = _Counted(_fresh(link_embedder)) if link_embedder else None
    start = time.perf_counter()
    analysed = analyse_articles(articles)
    cmp = compare_articles(analysed, fresh, second_embedder=counted)
    seconds = time.perf_counter() - start
    if counted is not None:
        _SECOND_TEXTS.append(counted.texts)
    return seconds, sum(len(a.statements) for a in analysed), len(cmp.facts)


def corpus_story(n: int) -> list[Article]:
    """n German articles from the shared corpus, as if they were one story (for timing only)."""
    path = SHARED / "data" / "corpus-de" / "articles.jsonl"
    out: list[Article] = []
    with path.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            rec = json.loads(line)
            text = f"{rec.get('title') or ''}\n\n{rec.get('text') or ''}".strip()
            if len(text) < 800:
                continue
            out.append(read_text(text, source=f"corpus-de:{line_no}", fmt="text", outlet=rec.get("outlet")))
            if len(out) == n:
                break
    return out


def report(name: str, articles: list[Article], embedder: str, repeats: int, link_embedder: str = "") -> None:
    cold, sentences, facts = run(articles, embedder, link_embedder)
    warm = min(run(articles, embedder, link_embedder)[0] for _ in range(repeats))
    second = f"  {link_embedder} texts {_SECOND_TEXTS[-1]:>5}" if link_embedder else ""
    print(
        f"{name:<28} {len(articles):>4} art {sentences:>5} sent  cold {cold:6.2f}s  warm {warm:6.2f}s  "
        f"{sentences / warm:8.0f} sent/s  facts {facts:>4}  peak {peak_mb():7.0f} MB{second}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true", help="one warm repeat, no 50-article story")
    parser.add_argument("--embedder", default="use")
    parser.add_argument(
        "--link-embedder",
        default="",
        help="second embedder of the link model (the link_embedder setting, e.g. e5); off by default",
    )
    args = parser.parse_args()
    repeats = 1 if args.quick else 3

    t0 = time.perf_counter()
    get_embedder(args.embedder).encode(["Modell laden."])
    if args.link_embedder:
        get_embedder(args.link_embedder).encode(["Modell laden."])
    print(f"model load ({args.embedder} {args.link_embedder}): {time.perf_counter() - t0:.2f}s")

    examples = sorted(
        p for p in (ROOT / "examples").iterdir() if p.is_dir() and not p.name.startswith("gold")
    )
    for story in examples:
        result = read_inputs([str(story)])
        report(f"example {story.name}", list(result.articles), args.embedder, repeats, args.link_embedder)

    seeds = SHARED / "seeds"
    if seeds.is_dir():
        files = [str(p) for p in sorted(seeds.glob("*.txt"))]
        report("seed pair", list(read_inputs(files).articles), args.embedder, repeats, args.link_embedder)
        cli = Path(sys.executable).with_name("blickwinkel")
        t0 = time.perf_counter()
        extra = ["--link-embedder", args.link_embedder] if args.link_embedder else []
        subprocess.run(
            [str(cli), "compare", *files, "--format", "json", *extra], capture_output=True, check=False
        )
        print(
            f"seed pair, fresh process (blickwinkel compare … --format json): {time.perf_counter() - t0:.2f}s"
        )
    else:
        print("seed pair: skipped (../shared/seeds absent)")

    if (SHARED / "data" / "corpus-de" / "articles.jsonl").is_file():
        sizes = (2, 10) if args.quick else (2, 10, 50)
        for n in sizes:
            report(f"corpus-de story of {n}", corpus_story(n), args.embedder, repeats, args.link_embedder)
    else:
        print("corpus-de: skipped (../shared/data/corpus-de absent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
