"""How much text the readers set aside as page furniture (polls, promotions, prompts, credits).

Reads the first N articles of ../shared/data/corpus-de (default 500) through the JSON reader and
counts the sentences that fall in ``boilerplate`` and ``credit`` blocks, against all sentences.
With ``--sample K`` it prints K of the removed blocks (seeded) for a person to check by eye; they
are printed to the terminal only, never written into the repository.
Usage: python bench/boilerplate.py [--articles 500] [--sample 30] [--seed 1]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from pathlib import Path

from blickwinkel.errors import BlickwinkelError
from blickwinkel.ingest import read_text
from blickwinkel.text import split_sentences

try:
    from bench.shared_data import CORPUS_DE as CORPUS
except ModuleNotFoundError:  # run as ``python bench/boilerplate.py``: bench/ itself is on the path
    from shared_data import CORPUS_DE as CORPUS  # type: ignore[no-redef]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--sample", type=int, default=30)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    if not args.corpus.exists():
        sys.exit(f"{args.corpus} is not there (needs ../shared)")
    total = 0
    removed: Counter[str] = Counter()
    articles_with = 0
    blocks: list[tuple[str, str, str]] = []
    read = 0
    with args.corpus.open(encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            if read >= args.articles:
                break
            try:
                article = read_text(line, source=f"corpus-de:{n + 1}", fmt="json")
            except BlickwinkelError as exc:
                print(f"skipped: {exc}", file=sys.stderr)
                continue
            read += 1
            sentences = split_sentences(article)
            total += len(sentences)
            found = False
            for sentence in sentences:
                kind = article.blocks[sentence.block].kind
                if kind in ("boilerplate", "credit"):
                    removed[kind] += 1
                    found = True
            if found:
                articles_with += 1
            for block in article.blocks:
                if block.kind in ("boilerplate", "credit"):
                    blocks.append((article.id, block.kind, article.block_text(block)))
    share = sum(removed.values()) / max(1, total)
    print(f"{read} articles, {total} sentences")
    print(
        f"set aside: {sum(removed.values())} sentences ({share:.2%}) in {len(blocks)} blocks of "
        f"{articles_with} articles; boilerplate {removed['boilerplate']}, credit {removed['credit']}"
    )
    if args.sample and blocks:
        print(f"\n{min(args.sample, len(blocks))} removed blocks (seed {args.seed}):")
        for aid, block_kind, text in random.Random(args.seed).sample(blocks, min(args.sample, len(blocks))):
            print(f"  [{block_kind}] {aid}: {text[:160]}")


if __name__ == "__main__":
    main()
