"""Measure the cosine quantiles that map an embedder's similarities onto the USE scale.

Usage::

    python scripts/cosine_quantiles.py [--data-root ../shared/data]

Embeds every alignable statement of the tuning half of the real-news gold (examples/gold-real,
split "tune"; the held-out half is never read) with each embedder and prints the median, 90th and
99th percentile of the cosines of all pairs of statements of different articles of one event: the
numbers of COSINE_QUANTILES in src/blickwinkel/embed/backends.py.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare.align import is_alignable
from blickwinkel.compare.evaluate import REAL_GOLD_SCHEMA, parse_real_gold
from blickwinkel.compare.similarity import embedding_text
from blickwinkel.embed import get_embedder
from blickwinkel.evaluation import read_gold_articles

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    args = ap.parse_args()
    events = []
    for path in sorted((ROOT / "examples" / "gold-real").glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") == REAL_GOLD_SCHEMA and data.get("split") == "tune":
            articles, _ = read_gold_articles(parse_real_gold(data, str(path)), args.data_root)
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
