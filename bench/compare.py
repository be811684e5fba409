"""Benchmark of `blickwinkel compare`: wall time cold and warm, sentences/s and peak memory.

Runs on the seed pair and on stories of 2, 10 and 50 articles from ../shared/data/corpus-de, and on our
own examples. Prints figures; asserts nothing. Usage: python bench/compare.py [--quick]
[--link-embedder auto|e5|none] (the link_embedder setting, default the one ``compare`` uses
(``config.DEFAULT_LINK_EMBEDDER``, ``auto+words`` since the seventeenth session): ``auto`` is e5 on
the uncertain English pairs; each line then ends with the number of texts e5 embedded in the last run:
0 for the German stories). Each line gives the warm wall time and the CPU seconds (user + sys, every
thread) of the warm run that took the least CPU: on a shared machine the CPU is the figure to compare.
Several settings, comma-separated (``--link-embedder none,e5``), run each story alternating between
them, a line for each, so that a busy machine's load falls on both alike. ``auto+words`` adds the soft
word alignment of the pairs still uncertain (``--link-embedder auto,auto+words``: before and after).

``python bench/compare.py --store`` takes corpus-de stories of 10 and 50 articles through a new SQLite
store, each step a process of its own: what ``ingest`` does for them (the analysis kept), then their
comparison twice as the service's comparison processes run it; once with statement vectors kept (ingest
keeps them too) and once without (the baseline: every comparison embeds every statement). It prints
side by side the CPU time (user + sys) of each step, the bytes the kept vectors take per statement, and
whether every comparison was the same. One step alone: ``python bench/compare.py --store-run DB N
[--no-vectors] [--ingest]`` (e.g. under ``/usr/bin/time -v``).

``python bench/compare.py --batch [--sizes 10,50]`` takes the corpus-de stories through a batch run's
compare stage (``batch.run.compare_chunk`` in this process, no Dask), which compares with the default
link_embedder setting: the least CPU of the warm runs and a digest of the tables it wrote.
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
from typing import Any, NamedTuple

from blickwinkel.analyse.pipeline import CACHE, analyse_articles
from blickwinkel.analyse.token_vectors import forget_states, keep_tagger_states
from blickwinkel.compare import compare_articles
from blickwinkel.compare.align import SECOND_LANGUAGES
from blickwinkel.config import DEFAULT_LINK_EMBEDDER, WITH_WORDS
from blickwinkel.embed import get_embedder
from blickwinkel.embed.backends import CachedEmbedder
from blickwinkel.ingest import read_inputs, read_text
from blickwinkel.model import Article
from blickwinkel.pipeline import word_encoder_of

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


def cpu_seconds() -> float:
    """User + system CPU seconds of this process (all its threads) and its waited-for children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class Timed(NamedTuple):
    seconds: float  # wall
    cpu: float
    sentences: int
    facts: int


def run(articles: list[Article], embedder_name: str, link_embedder: str = "") -> Timed:
    """Seconds for analyse + embed + compare with the model loaded but no cached embeddings; each run
    gets articles with new ids and an emptied analysis cache (it keys on content, not on ids), so no
    analysis of an earlier run is reused. The texts the link embedder embedded go to _SECOND_TEXTS."""
    CACHE.clear()
    forget_states()  # (the tagger's rows a run keeps for the soft word alignment: not the next run's)
    run_id = next(_RUNS)
    articles = [dataclasses.replace(a, id=f"{a.id}~{run_id}") for a in articles]
    fresh = _fresh(embedder_name)
    # The setting as the pipeline reads it: "auto" is e5 for the pairs in SECOND_LANGUAGES only; with
    # "+words" the soft word alignment of the pairs still uncertain.
    words = word_encoder_of(link_embedder)
    keep_tagger_states(words is not None)  # as compare_articles_text: the tagger's rows, when read
    link_embedder = link_embedder.removesuffix(WITH_WORDS)
    auto = link_embedder == "auto"
    counted = _Counted(_fresh("e5" if auto else link_embedder)) if link_embedder else None
    start, cpu = time.perf_counter(), cpu_seconds()
    analysed = analyse_articles(articles)
    cmp = compare_articles(
        analysed,
        fresh,
        second_embedder=counted,
        second_languages=SECOND_LANGUAGES if auto else None,
        word_encoder=words,
    )
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    if counted is not None:
        _SECOND_TEXTS.append(counted.texts)
    return Timed(seconds, cpu, sum(len(a.statements) for a in analysed), len(cmp.facts))


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


def report(
    name: str, articles: list[Article], embedder: str, repeats: int, link_embedders: list[str]
) -> None:
    """One line per link-embedder setting: a cold run, then ``repeats`` warm ones, the settings
    taking turns in each round."""
    cold = {le: run(articles, embedder, le) for le in link_embedders}
    warm: dict[str, list[Timed]] = {le: [] for le in link_embedders}
    second: dict[str, int] = {}
    for _ in range(repeats):
        for le in link_embedders:
            warm[le].append(run(articles, embedder, le))
            if le:
                second[le] = _SECOND_TEXTS[-1]
    for le in link_embedders:
        best, least = min(w.seconds for w in warm[le]), min(warm[le], key=lambda w: w.cpu)
        sentences = cold[le].sentences
        texts = f"  {le} texts {second[le]:>5}" if le else ""
        label = f"{name} [{le or 'none'}]" if len(link_embedders) > 1 else name
        print(
            f"{label:<28} {len(articles):>4} art {sentences:>5} sent  cold {cold[le].seconds:6.2f}s  "
            f"warm {best:6.2f}s  cpu {least.cpu:6.2f}s  {sentences / best:8.0f} sent/s  "
            f"facts {cold[le].facts:>4}  peak {peak_mb():7.0f} MB{texts}"
        )


def store_run(db: str, n: int, keep_vectors: bool, ingest: bool) -> dict[str, Any]:
    """The corpus-de story of ``n`` through the store ``db``. With ``ingest``: what ``ingest`` computes
    for it before storing (the analysis kept in the store, with ``keep_vectors`` the statement vectors
    too, and the story features). Else one comparison as a comparison process of the service runs it:
    analyses read from the store, statement vectors read from and kept in it when ``keep_vectors``."""
    import hashlib

    from blickwinkel.analyse.cache import ARTICLE_STAGE, analysis_version, content_key
    from blickwinkel.compare import part_embedding_texts
    from blickwinkel.embed.kept import KeptEmbedder
    from blickwinkel.pipeline import comparison_json
    from blickwinkel.store import open_store
    from blickwinkel.store.ingest import KeepingAnalyser
    from blickwinkel.store.story_groups import story_features

    articles = corpus_story(n)
    store = open_store(db)
    try:
        if ingest:  # what Ingestor._ingest_batch computes for one story of n articles
            embedder = get_embedder("use")
            analysed = KeepingAnalyser(store)(articles)
            story_features(articles, embedder)
            if keep_vectors:  # Ingestor._keep_statement_vectors, for a story of two or more articles
                texts = part_embedding_texts(s.text for a in analysed for s in a.statements)
                KeptEmbedder(embedder, store).keep_ahead(texts)
            return {}
        known = store.cached_analyses([content_key(a) for a in articles], analysis_version(), ARTICLE_STAGE)
        body = comparison_json(articles, "use", known=known, vectors=store if keep_vectors else None)
    finally:
        store.close()
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode()).hexdigest()[:16]
    return {"statements": len(body["statements"]), "digest": digest}


def _child_cpu(args: list[str]) -> tuple[float, dict[str, Any]]:
    """CPU seconds (user + sys) of this script run with ``args`` in a process of its own, and the
    JSON it prints."""
    child = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), *args], stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None
    out = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise SystemExit(f"{args}: exit {child.returncode}")
    return usage.ru_utime + usage.ru_stime, json.loads(out.strip().splitlines()[-1])


def _vector_bytes(db: Path) -> tuple[int, int]:
    """Bytes the statement_vectors table and its key index take in the SQLite file (dbstat), rows."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        size = conn.execute(
            "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name IN "
            "(SELECT name FROM sqlite_master WHERE tbl_name = 'statement_vectors')"
        ).fetchone()[0]
        rows = conn.execute("SELECT count(*) FROM statement_vectors").fetchone()[0]
    return int(size), int(rows)


def store_report(sizes: tuple[int, ...]) -> None:
    import tempfile

    print("corpus-de stories through a store, each step a process of its own; CPU user+sys:")
    print(
        f"{'':<10} {'':>10}  {'baseline (vectors not kept)':^27}  {'vectors kept':^27}"
        f"  {'kept vectors':^17}  same"
    )
    print(
        f"{'story':<10} {'statements':>10}  {'ingest':>7} {'compare':>9} {'again':>8}  "
        f"{'ingest':>7} {'compare':>9} {'again':>8}  {'bytes/stmt':>10} {'rows':>6}  output"
    )
    for n in sizes:
        cpu: dict[str, list[float]] = {}
        digests: set[str] = set()
        statements = 0
        with tempfile.TemporaryDirectory() as tmp:
            for mode in ("baseline", "kept"):
                db = Path(tmp) / f"{mode}.db"
                args = ["--store-run", str(db), str(n)] + (["--no-vectors"] if mode == "baseline" else [])
                for step in ("ingest", "compare", "again"):
                    seconds, out = _child_cpu([*args, "--ingest"] if step == "ingest" else args)
                    cpu.setdefault(mode, []).append(seconds)
                    if step != "ingest":
                        digests.add(out["digest"])
                        statements = out["statements"]
            size, rows = _vector_bytes(Path(tmp) / "kept.db")
        figures = "  ".join(f"{i:>6.2f}s {c:>8.2f}s {a:>7.2f}s" for i, c, a in (cpu["baseline"], cpu["kept"]))
        print(
            f"{n:>3} art    {statements:>10}  {figures}  {size / statements:>10.0f} {rows:>6}  "
            f"{'yes' if len(digests) == 1 else 'NO'}"
        )


def batch_report(sizes: tuple[int, ...], repeats: int) -> None:
    """The compare stage of a batch run (``batch.run.compare_chunk``, in this process) on the corpus-de
    story of each size as one story: a cold run, then ``repeats`` warm ones, each with an emptied
    analysis cache and nothing kept; the least CPU (user + sys) of the warm runs, and a digest of the
    facts, conflicts and statements it wrote (the same in every run)."""
    import hashlib
    import tempfile

    import pyarrow.parquet as pq

    from blickwinkel.analyse.token_vectors import forget_states
    from blickwinkel.batch import run as batch_run
    from blickwinkel.batch.output import Output

    for n in sizes:
        articles = corpus_story(n)
        timings: list[float] = []
        digests = set()
        for _ in range(repeats + 1):
            CACHE.clear()
            forget_states()
            out = tempfile.mkdtemp(prefix="bench-batch-")
            prepared = {"articles": {a.id: a for a in articles}, "docs": {}, "failures": []}
            Output(out).write_pickle([batch_run.WORK, "prepared", "p.pkl"], prepared)
            cpu = cpu_seconds()
            done = batch_run.compare_chunk("c", [("s", [("p", a.id) for a in articles])], out, "use", True)
            timings.append(cpu_seconds() - cpu)
            digest = hashlib.sha256()
            for table in ("facts", "conflicts", "statements"):
                for file in sorted(Path(out, table).glob("*.parquet")):
                    rows = pq.read_table(file).to_pylist()
                    digest.update(json.dumps(rows, default=str, sort_keys=True).encode())
            digests.add(digest.hexdigest()[:12])
        print(
            f"batch compare stage {n:>3} art  facts {done.facts:>5}  cold cpu {timings[0]:6.2f}s  "
            f"warm cpu {min(timings[1:]):6.2f}s  peak {peak_mb():7.0f} MB  digest {' '.join(sorted(digests))}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--store", action="store_true", help="corpus-de stories twice through a store, vectors kept or not"
    )
    parser.add_argument("--store-run", nargs=2, metavar=("DB", "N"), help="one run of --store")
    parser.add_argument("--no-vectors", action="store_true", help="with --store-run: keep no vectors")
    parser.add_argument(
        "--ingest", action="store_true", help="with --store-run: what ingest does, no comparison"
    )
    parser.add_argument(
        "--batch", action="store_true", help="corpus-de stories through a batch run's compare stage"
    )
    parser.add_argument("--quick", action="store_true", help="one warm repeat, no 50-article story")
    parser.add_argument("--embedder", default="use")
    parser.add_argument(
        "--sizes", help="corpus-de story sizes, comma-separated (default 2,10,50; with --quick 2,10)"
    )
    parser.add_argument(
        "--corpus-only", action="store_true", help="only the corpus-de stories (no examples, no seed pair)"
    )
    parser.add_argument(
        "--link-embedder",
        default=DEFAULT_LINK_EMBEDDER,
        help="second embedder of the link model (the link_embedder setting; default "
        f"{DEFAULT_LINK_EMBEDDER}, as compare); "
        "several, comma-separated, run alternating",
    )
    args = parser.parse_args()
    if args.store_run:
        db, n = args.store_run
        print(json.dumps(store_run(db, int(n), keep_vectors=not args.no_vectors, ingest=args.ingest)))
        return 0
    if args.store:
        store_report((2,) if args.quick else (10, 50))
        return 0
    link_embedders = ["" if le.strip() == "none" else le.strip() for le in args.link_embedder.split(",")]
    repeats = 1 if args.quick else 3
    if args.batch:
        get_embedder(args.embedder).encode(["Modell laden."])
        batch_report(tuple(int(n) for n in (args.sizes or "10,50").split(",")), repeats)
        return 0

    t0 = time.perf_counter()
    get_embedder(args.embedder).encode(["Modell laden."])
    for le in filter(None, link_embedders):  # (loaded as English stories will; German ones never ask)
        base = le.removesuffix(WITH_WORDS)
        get_embedder("e5" if base == "auto" else base).encode(["Modell laden."])
    print(f"model load ({args.embedder} {args.link_embedder}): {time.perf_counter() - t0:.2f}s")

    examples = (
        []
        if args.corpus_only
        else sorted(  # the example stories; gold folders and the training stories are not timed
            p
            for p in (ROOT / "examples").iterdir()
            if p.is_dir() and not p.name.startswith("gold") and p.name != "train-stories"
        )
    )
    for story in examples:
        result = read_inputs([str(story)])
        report(f"example {story.name}", list(result.articles), args.embedder, repeats, link_embedders)

    seeds = SHARED / "seeds"
    if not args.corpus_only and seeds.is_dir():
        files = [str(p) for p in sorted(seeds.glob("*.txt"))]
        report("seed pair", list(read_inputs(files).articles), args.embedder, repeats, link_embedders)
        cli = Path(sys.executable).with_name("blickwinkel")
        t0 = time.perf_counter()
        extra = ["--link-embedder", link_embedders[0] or "none"]
        subprocess.run(
            [str(cli), "compare", *files, "--format", "json", *extra], capture_output=True, check=False
        )
        print(
            f"seed pair, fresh process (blickwinkel compare … --format json): {time.perf_counter() - t0:.2f}s"
        )
    elif not args.corpus_only:
        print("seed pair: skipped (../shared/seeds absent)")

    if (SHARED / "data" / "corpus-de" / "articles.jsonl").is_file():
        sizes = (
            [int(n) for n in args.sizes.split(",")] if args.sizes else [2, 10] if args.quick else [2, 10, 50]
        )
        for n in sizes:
            report(f"corpus-de story of {n}", corpus_story(n), args.embedder, repeats, link_embedders)
    else:
        print("corpus-de: skipped (../shared/data/corpus-de absent)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
