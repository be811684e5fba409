"""Benchmark: each analysis stage on pathological 1 MB texts, with its time beside a budget.

The texts are one huge token, one sentence without punctuation, one line of short tokens with
dots (every position a word boundary), a wall of capitalised names (apart and hyphenated), of
numbers, of quotation marks and of dates. Each stage runs in its own process and is stopped at
twice its budget, so a stage that turns quadratic shows as "stopped" instead of hanging the
benchmark. The last stage compares two copies of the text (analysis, embedding, alignment,
conflicts). Prints figures only.
Usage: python bench/pathological.py [--mb 1.0] [--budget 5] [--case NAME]
"""

from __future__ import annotations

import argparse
import contextlib
import multiprocessing
import sys
import time
from collections.abc import Callable

CASES: dict[str, Callable[[int], str]] = {
    "one token": lambda n: "a" * n,
    "one url-like token": lambda n: ("www." + "a." * n)[:n],
    "dotted tokens": lambda n: ("a.b " * n)[:n],
    "one sentence": lambda n: ("wort " * n)[:n],
    "names": lambda n: ("Anna Berg Müller " * n)[:n],
    "hyphenated names": lambda n: ("Anna-Berg-" * n)[:n],
    "numbers": lambda n: ("12,5 Millionen 3.000 Euro " * n)[:n],
    "quotes": lambda n: ('"„ « sagte " ' * n)[:n],
    "dates": lambda n: ("am 3. März 2024 um 14 Uhr " * n)[:n],
    "brackets": lambda n: ("(" * (n // 2)) + (")" * (n // 2)),
    "one line of sentences": lambda n: ("Der Rat tagte. " * n)[:n],
}


def _stages() -> dict[str, Callable[[str], object]]:
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

    def article(text: str) -> Article:
        return read_text(text, source="bench.txt", fmt="text")

    def language(text: str) -> object:
        a = read_text(text, source="bench.txt", fmt="text")
        return article_language(a), detect_block_languages(a)

    def split(text: str) -> tuple[Article, list[Sentence]]:
        a = read_text(text, source="bench.txt", fmt="text")
        return a, split_statements(a)

    def comparison(text: str) -> object:
        from blickwinkel.errors import BlickwinkelError
        from blickwinkel.pipeline import compare_articles_text

        pair = [read_text(text, source=f"{n}.txt", fmt="text") for n in ("left", "right")]
        try:
            return compare_articles_text(pair)
        except BlickwinkelError as exc:  # refused with a clear error (too many statements): a clean end
            return exc

    def each_sentence(fn: Callable[[Sentence], object]) -> Callable[[str], object]:
        def run(text: str) -> object:
            _, sentences = split(text)
            return [fn(s) for s in sentences]

        return run

    return {
        "read": article,
        "language": language,
        "sentences": split,
        "lemmas": each_sentence(lambda s: lemmatise([k.text for k in s.tokens], "de")),
        "entities": lambda t: find_entities(*split(t)),
        "quantities": each_sentence(lambda s: find_quantities(s.text, "de", offset=s.start)),
        "dates": each_sentence(lambda s: find_dates(s.text, "de", anchor=None, offset=s.start)),
        "quotes": lambda t: classify_statements(*split(t)),
        "sources": lambda t: find_cited_sources(article(t)),
        "subjectivity": each_sentence(lambda s: subjectivity_scores([s.text], "de")),
        "whole analysis": lambda t: analyse_articles([article(t)]),
        "comparison": comparison,
    }


def _run(case: str, stage: str, size: int, out: multiprocessing.Queue[float]) -> None:
    """Warm up (load models), say so with -1, then time the stage on the case's text."""
    text = CASES[case](size)
    fn = _stages()[stage]
    fn("Der Rat der Stadt tagte am 3. März in Berlin. „Wir bauen“, sagte Anna Berg.")
    out.put(-1.0)
    start = time.perf_counter()
    fn(text)
    out.put(time.perf_counter() - start)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--mb", type=float, default=1.0)
    parser.add_argument("--budget", type=float, default=5.0, help="seconds per stage and case")
    parser.add_argument("--case", action="append", help="only these cases (repeatable)")
    parser.add_argument("--stage", action="append", help="only these stages (repeatable)")
    args = parser.parse_args()
    size = int(args.mb * 1_000_000)
    ctx = multiprocessing.get_context("fork")
    stages = args.stage or list(_stages())
    worst = 0.0
    print(f"{'case':<24}{'stage':<16}{'seconds':>9}  budget {args.budget:g} s, {args.mb:g} MB")
    for case in args.case or list(CASES):
        for stage in stages:
            queue: multiprocessing.Queue[float] = ctx.Queue()
            proc = ctx.Process(target=_run, args=(case, stage, size, queue))
            proc.start()
            with contextlib.suppress(Exception):
                queue.get(timeout=300)  # models loaded; the timed part starts now
            proc.join(2 * args.budget)
            if proc.is_alive():
                proc.kill()
                proc.join()
                print(f"{case:<24}{stage:<16}{'stopped':>9}  over {2 * args.budget:g} s")
                worst = float("inf")
                continue
            if proc.exitcode != 0:
                print(f"{case:<24}{stage:<16}{'failed':>9}  exit code {proc.exitcode}")
                continue
            seconds = queue.get()
            worst = max(worst, seconds)
            flag = "" if seconds <= args.budget else "  over budget"
            print(f"{case:<24}{stage:<16}{seconds:9.2f}{flag}", flush=True)
    print(f"slowest stage: {worst:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
