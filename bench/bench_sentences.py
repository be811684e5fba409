"""Throughput of sentence splitting on the shared German corpus: prints sentences per second.

Usage: python bench/bench_sentences.py [path/to/articles.jsonl] [number of articles]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from blickwinkel.model import Article, Block, BlockKind
from blickwinkel.text import normalise, split_sentences, split_statements

try:
    from bench.shared_data import CORPUS_DE as DEFAULT_CORPUS
except ModuleNotFoundError:  # run as ``python bench/bench_sentences.py``: bench/ itself is on the path
    from shared_data import CORPUS_DE as DEFAULT_CORPUS  # type: ignore[no-redef]


def load_articles(path: Path, limit: int) -> list[Article]:
    articles = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if number >= limit:
                break
            record = json.loads(line)
            parts = [normalise(p).strip() for p in (record.get("title") or "", record.get("text") or "")]
            blocks = []
            text = ""
            kinds: tuple[BlockKind, BlockKind] = ("headline", "paragraph")
            for kind, part in zip(kinds, parts, strict=True):
                if not part:
                    continue
                if text:
                    text += "\n\n"
                blocks.append(Block(kind, len(text), len(text) + len(part)))
                text += part
            articles.append(Article(id=str(number), text=text, blocks=tuple(blocks), source=str(path)))
    return articles


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    articles = load_articles(path, limit)
    split_sentences(articles[0])  # load the model outside the timing
    characters = sum(len(a.text) for a in articles)
    print(f"articles: {len(articles)}  characters: {characters}")
    sentences = 0
    for name, split in (("split_sentences", split_sentences), ("split_statements", split_statements)):
        wall, cpu = time.perf_counter(), time.process_time()
        units = sum(len(split(a)) for a in articles)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        sentences = sentences or units
        # Rates are per sentence for both; CPU time is the fairer figure on a shared machine.
        print(
            f"{name}: {units} units in {wall:.2f} s wall ({sentences / wall:.0f} sentences/s),"
            f" {cpu:.2f} s CPU ({sentences / cpu:.0f} sentences per CPU second)"
        )


if __name__ == "__main__":
    main()
