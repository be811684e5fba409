"""Measure a candidate part of the link model before adding it: leave-one-event-out on the tuning half.

Usage::

    python scripts/explore_link_parts.py [--data-root ../shared/data]

Takes the same-language candidate pairs that scripts/fit_link_weights.py trained on before the eighth
session's licence ruling (the tuning half of the real-news gold, examples/gold-real split ``tune``,
and our example stories; the held-out half is never read; measuring only, nothing it fits ships),
fits the shipped parts alone and with one extra part each, leaving one event out at a time, and
prints precision/recall of same-fact pairs at probability 0.7, 0.5 and 0.3 for English, German and our
examples. The extra parts are those tried and left out (docs/data-sources.md, link
model): e5's cosine, whether both statements are each other's nearest by e5, a rarity-weighted soft
alignment of their lemmas over USE word vectors (BERTScore's form), e5's cosine with its margin over
the neighbours (what the ``link_embedder`` setting adds), and gradient-boosted trees over the shipped
parts. Embeds every statement with e5 as well: minutes of CPU.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np
from fit_link_weights import FEATURES, Fitted
from sklearn.ensemble import HistGradientBoostingClassifier

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare import compare_articles
from blickwinkel.compare.align import StoryScorer, best_part, candidate_pairs
from blickwinkel.compare.evaluate import RealGold, key_of_gold, key_of_real_gold
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.similarity import embedding_text, link_features
from blickwinkel.embed import get_embedder
from blickwinkel.evaluation import read_gold, read_gold_articles
from blickwinkel.ingest import read_inputs

ROOT = Path(__file__).resolve().parents[1]
SHIPPED = FEATURES["same_language"]
EXTRA = ("e5_cosine", "e5_nearest", "soft_alignment", "e5_cosine,e5_margin")
THRESHOLDS = (0.7, 0.5, 0.3)


def soft_alignment(a: frozenset[str], b: frozenset[str], vec: dict[str, Any], idf: dict[str, float]) -> float:
    """The F-measure of each lemma's best cosine with the other statement's lemmas, weighted by rarity."""
    if not a or not b:
        return 0.0
    la, lb = sorted(a), sorted(b)
    m = np.array([vec[w] for w in la]) @ np.array([vec[w] for w in lb]).T
    wa = np.array([idf.get(w, 1.0) for w in la])
    wb = np.array([idf.get(w, 1.0) for w in lb])
    r = float((m.max(axis=1) * wa).sum() / wa.sum())
    p = float((m.max(axis=0) * wb).sum() / wb.sum())
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


def pairs(data_root: Path) -> list[tuple[str, str, list[float], int]]:
    """(event, group, shipped parts + extra parts, label) of every same-language candidate pair."""
    paths = [
        p
        for p in sorted((ROOT / "examples" / "gold-real").glob("*.json"))
        if json.loads(p.read_text(encoding="utf-8")).get("split") == "tune"
    ]
    paths += sorted((ROOT / "examples" / "gold").glob("*.json"))
    use, e5 = get_embedder("use"), get_embedder("e5")
    out = []
    for path in paths:
        gold = read_gold(path)
        if isinstance(gold, RealGold):
            articles, raw = read_gold_articles(gold, data_root)
            comparison = compare_articles(analyse_articles(articles), use)
            key = key_of_real_gold(gold, comparison, raw)
            languages = {a.language for a in gold.articles}
            group = "en" if languages == {"en"} else "de" if languages == {"de"} else "de-en"
        else:
            read = read_inputs([str(path.parent / given) for given in gold.inputs])
            comparison = compare_articles(analyse_articles(list(read.articles)), use)
            key = key_of_gold(gold, comparison)
            group = "examples"
        statements = list(comparison.statements)
        parts = parts_of(statements)
        texts = [embedding_text(p.text) for ps in parts for p in ps]
        scorer = StoryScorer(statements, parts, use.encode(texts), "use", None)
        by_e5 = StoryScorer(statements, parts, e5.encode(texts), "e5", None)
        words = sorted(set().union(*(f.lemmas for f in scorer.feats)))
        vec = dict(zip(words, use.encode(words), strict=True)) if words else {}
        fact_of = {sid: fact for (fact, _article), ids in key.located.items() for sid in ids}
        found = set()
        for (i, _art), js in candidate_pairs(scorer).items():
            found |= {(min(i, j), max(i, j)) for j in js}
        for i, j in sorted(found):
            fa, fb = fact_of.get(statements[i].id), fact_of.get(statements[j].id)
            if fa is None or fb is None or (fa != fb and frozenset((fa, fb)) in key.overlaps):
                continue
            name, values = link_features(best_part(scorer.part_evidence(i, j)))
            if name != "same_language":
                continue
            extra = [
                float(by_e5.sims[i, j]),
                1.0 if by_e5.nearest_each_other(i, j, False) else 0.0,
                soft_alignment(scorer.feats[i].lemmas, scorer.feats[j].lemmas, vec, scorer.idf),
                best_part(by_e5.part_evidence(i, j)).margin,
            ]
            out.append((path.stem, group, [values[f] for f in SHIPPED] + extra, int(fa == fb)))
    return out


Array = np.ndarray[Any, Any]


def report(name: str, predicted: Array, y: Array, groups: Array) -> str:
    cells = []
    for group in ("en", "de", "examples"):
        here = groups == group
        for t in THRESHOLDS:
            chosen = (predicted >= t) & here
            tp = int((chosen & (y == 1)).sum())
            p, r = tp / max(1, int(chosen.sum())), tp / max(1, int(y[here].sum()))
            cells.append(f"{group} {t}: {p:.2f}/{r:.2f}")
    return f"{name:<16} " + "  ".join(cells)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    args = ap.parse_args()
    rows = pairs(args.data_root)
    events = np.array([r[0] for r in rows])
    groups = np.array([r[1] for r in rows])
    x = np.array([r[2] for r in rows], dtype=float)
    y = np.array([r[3] for r in rows], dtype=int)
    n = len(SHIPPED)
    variants: dict[str, list[int]] = {"shipped": list(range(n))}
    columns = {"e5_cosine": n, "e5_nearest": n + 1, "soft_alignment": n + 2, "e5_margin": n + 3}
    variants.update({extra: [*range(n), *(columns[c] for c in extra.split(","))] for extra in EXTRA})
    for name, cols in variants.items():
        # An extra part may only raise the probability (the sign bound of "meaning").
        signs = [*SHIPPED, *["meaning"] * (len(cols) - n)]
        predicted = np.zeros(len(y))
        for event in sorted(set(events)):
            test = events == event
            model = Fitted(x[~test][:, cols], y[~test], 1.0, signs)
            predicted[test] = model.predict(x[test][:, cols])
        print(report(name, predicted, y, groups))
    predicted = np.zeros(len(y))
    for event in sorted(set(events)):
        test = events == event
        trees = HistGradientBoostingClassifier(max_depth=3, max_iter=150, learning_rate=0.05, random_state=0)
        predicted[test] = trees.fit(x[~test][:, :n], y[~test]).predict_proba(x[test][:, :n])[:, 1]
    print(report("boosted trees", predicted, y, groups))
    print(f"{len(y)} same-language candidate pairs, {int(y.sum())} of one fact")


if __name__ == "__main__":
    main()
