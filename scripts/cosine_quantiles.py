"""Measure the cosine quantiles that map an embedder's similarities onto the USE scale.

Usage::

    python scripts/cosine_quantiles.py [--data-root ../shared/data]

Embeds every alignable statement of the licence-clean gold files the link model is fitted on (our
example stories and the SemEval files of examples/gold-train and of examples/gold-real's tuning half:
``gold_paths`` in scripts/fit_link_weights.py; no WikiNews or corpus-de text, the held-out half never
read) with each embedder and prints the median, 90th and 99th percentile of the cosines of all pairs
of statements of different articles of one event: the numbers of COSINE_QUANTILES in
src/blickwinkel/embed/backends.py.
"""

from __future__ import annotations

import argparse
from pathlib import Path

import numpy as np
from fit_link_weights import gold_paths

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare.align import is_alignable
from blickwinkel.compare.evaluate import RealGold
from blickwinkel.compare.similarity import embedding_text
from blickwinkel.embed import get_embedder
from blickwinkel.evaluation import read_gold, read_gold_articles
from blickwinkel.ingest import read_inputs


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    args = ap.parse_args()
    events = []
    for path in gold_paths()[0]:
        gold = read_gold(path)
        if isinstance(gold, RealGold):
            articles = list(read_gold_articles(gold, args.data_root)[0])
        else:
            articles = list(read_inputs([str(path.parent / given) for given in gold.inputs]).articles)
        statements = [s for a in analyse_articles(articles) for s in a.statements if is_alignable(s)]
        events.append(statements)
    for name in ("use", "e5"):
        embedder = get_embedder(name)
        cosines: list[float] = []
        for statements in events:
            m = embedder.encode([embedding_text(s.text) for s in statements])
            sims = m @ m.T
            arts = [s.article for s in statements]
            cosines.extend(
                float(sims[i, j])
                for i in range(len(statements))
                for j in range(i + 1, len(statements))
                if arts[i] != arts[j]
            )
        q = np.quantile(np.array(cosines), [0.5, 0.9, 0.99])
        print(
            f"{name}: {len(cosines)} pairs, quantiles (0.5, 0.9, 0.99) = ({q[0]:.3f}, {q[1]:.3f}, {q[2]:.3f})"
        )


if __name__ == "__main__":
    main()
