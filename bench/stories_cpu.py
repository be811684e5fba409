"""CPU of the stories path in one process on the first N corpus-de records, and a digest of its output.

    python bench/stories_cpu.py            # the first 600 records
    python bench/stories_cpu.py --limit 300

What ``blickwinkel stories`` does, here in this process with one process for the features (read the
records, story features with 'use' vectors in the command's chunks, clustering as they come): CPU
seconds (user + system of this process; the model load is left out), per article. On a machine that
others share, wall time says little and CPU time is the figure to compare (issue 12: the whole path,
end to end, is timed by ``python bench/stories.py --end-to-end`` on an idle machine). The digests of
the story docs (every field, every vector's bytes) and of the stories' JSON say whether a change that
should only save time left the output alone: run it before and after, compare both lines. Asserts
nothing.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import resource
import sys
import tempfile
from itertools import islice
from pathlib import Path

try:
    from bench.shared_data import CORPUS_DE as CORPUS
except ModuleNotFoundError:  # run as ``python bench/stories_cpu.py``: bench/ itself is on the path
    from shared_data import CORPUS_DE as CORPUS  # type: ignore[no-redef]


def cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def doc_digest(docs: list[object]) -> str:
    """SHA-256 over every field of every doc: arrays by their bytes, sets sorted, the rest by repr."""
    digest = hashlib.sha256()
    for doc in docs:
        for name, value in sorted(vars(doc).items()):
            digest.update(name.encode())
            if hasattr(value, "tobytes"):
                digest.update(value.tobytes())
            elif isinstance(value, (set, frozenset)):
                digest.update(repr(sorted(value)).encode())
            elif isinstance(value, dict):
                digest.update(repr(sorted(value.items())).encode())
            else:
                digest.update(repr(value).encode())
    return digest.hexdigest()[:16]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--limit", type=int, default=600, help="records of corpus-de (default 600)")
    args = parser.parse_args(argv)

    from blickwinkel.embed import get_embedder
    from blickwinkel.ingest import read_inputs
    from blickwinkel.stories.parallel import cluster_as_embedded

    with CORPUS.open(encoding="utf-8") as corpus, tempfile.TemporaryDirectory() as tmp:
        subset = Path(tmp) / "subset.jsonl"
        subset.write_text("".join(islice(corpus, args.limit)), encoding="utf-8")
        embedder = get_embedder("use")
        embedder.encode(["warm-up"])  # the model load is not the path's cost
        start = cpu_seconds()
        articles = list(read_inputs([str(subset)], max_bytes=200_000_000).articles)
        read = cpu_seconds() - start
        clusterer, docs = cluster_as_embedded(articles, embedder, 1)
        stories = clusterer.stories()
        total = cpu_seconds() - start
    output = json.dumps(
        {"stories": [s.to_json() for s in stories], "articles": len(docs)}, ensure_ascii=False
    )
    print(
        f"stories path, one process, first {len(articles)} corpus-de records: CPU {total:.2f} s = "
        f"{total / len(articles) * 1000:.2f} ms/article (reading {read:.2f} s) · {len(stories)} stories"
    )
    print(f"  docs {doc_digest(list(docs))} · stories {hashlib.sha256(output.encode()).hexdigest()[:16]}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
