"""How well the soft word alignment (compare/soft_alignment.py) separates same-fact pairs: ROC AUC
of the part alone, per layer of e5, against the pooled cosines and the link model's probability.

Usage (from the repository root; reads only licence-clean gold and the tuning half)::

    python scripts/explore_soft_alignment.py [--data-root ../shared/data] [--layers 4,6,8,10,12]

The pairs are those the link model is fitted on (scripts/fit_link_weights.py: the candidate pairs of
our own stories, our examples and the SemEval files, labelled by the gold) and those that choose its
shift (the tuning half's WikiNews and corpus-de files; measured here, nothing is chosen on them: the
layer is chosen on our own stories and SemEval). Each pair is scored as whole statements. Printed per
group: the number of pairs (same-fact ones), AUC of USE's cosine ("meaning"), of e5's pooled cosine
("e5"), of the link model's probability ("model"), and of the soft alignment's F, the smaller and
the larger of its two directions per layer; then the same inside the band where the model is unsure
(probability 0.05-0.95), where a new part can change decisions.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from fit_link_weights import StoredWords, events, gold_paths, source

from blickwinkel.compare.align import lemma_idf
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.soft_alignment import soft_alignment, statement_word_vectors


def auc(scores: Sequence[float], labels: Sequence[int]) -> float:
    """ROC AUC (ties count half); nan without both classes."""
    s, y = np.asarray(scores, dtype=float), np.asarray(labels, dtype=int)
    pos, neg = s[y == 1], s[y == 0]
    if not len(pos) or not len(neg):
        return float("nan")
    greater = (pos[:, None] > neg[None, :]).sum() + 0.5 * (pos[:, None] == neg[None, :]).sum()
    return float(greater / (len(pos) * len(neg)))


def group_of(name: str, choosing: bool) -> str:
    if choosing:
        return "tune " + ("corpus-de" if name.startswith("corpus-de") else "wikinews")
    found = source(name)
    return "own stories" if found.startswith("own") else found


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-link-fit"))
    ap.add_argument("--layers", default="4,6,8,10,12")
    args = ap.parse_args()
    layers = [int(x) for x in args.layers.split(",")]
    train, choose = gold_paths()
    encoders = {layer: StoredWords(args.cache, layer) for layer in layers}
    table: dict[str, dict[str, list[float]]] = {}
    for evs, choosing in (
        (events(args.data_root, args.cache, train), False),
        (events(args.data_root, args.cache, choose), True),
    ):
        for ev in evs:
            idf = lemma_idf([p[0].features for p in parts_of(ev.statements)])
            vectors = {layer: statement_word_vectors(ev.statements, enc) for layer, enc in encoders.items()}
            for (evidence, _without, label), (i, j) in zip(ev.pairs, ev.index, strict=True):
                whole = evidence[0]
                lang = "x" if whole.cross_lingual else (whole.language or "?")
                row: dict[str, float] = {
                    "label": label,
                    "meaning": whole.embedding,
                    "e5": whole.second_meaning
                    if whole.second_meaning is not None
                    else (whole.cross_meaning or 0.0),
                    "model": whole.score,
                }
                for layer in layers:
                    found = soft_alignment(vectors[layer][i], vectors[layer][j], idf)
                    r, p, f = (found.recall, found.precision, found.f) if found else (0.0, 0.0, 0.0)
                    row[f"F{layer}"], row[f"min{layer}"], row[f"max{layer}"] = f, min(r, p), max(r, p)
                for group in (group_of(ev.name, choosing) + f" [{lang}]", group_of(ev.name, choosing)):
                    bucket = table.setdefault(group, {})
                    for k, v in row.items():
                        bucket.setdefault(k, []).append(v)
                    if 0.05 <= whole.score < 0.95:
                        band = table.setdefault(group + " band", {})
                        for k, v in row.items():
                            band.setdefault(k, []).append(v)
        for enc in encoders.values():
            enc.save()
    columns = ["meaning", "e5", "model"] + [f"{k}{layer}" for layer in layers for k in ("F", "min", "max")]
    print("| group | pairs (same fact) | " + " | ".join(columns) + " |")
    print("|---|---|" + "---|" * len(columns))
    for group in sorted(table):
        bucket = table[group]
        labels = [int(v) for v in bucket["label"]]
        cells = [f"{auc(bucket[c], labels):.3f}" for c in columns]
        print(f"| {group} | {len(labels)} ({sum(labels)}) | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
