"""Where an article's own restatements lie: the scores of each gold pair of one article's statements.

Usage::

    python scripts/explore_restatements.py [--data-root ../shared/data] [--own] [--dump FILE] [--pairs]

Reads the tuning half of the real-news gold (examples/gold-real, split ``tune``; the held-out half is
never read) and, with ``--own``, our own invented stories (examples/gold, examples/gold-train/own-*.json).
For every pair of annotated statements of one article it prints whether the gold puts them in one fact
(a restatement: the fact's mention in that article has several statements) or in two facts that do
not overlap, with the evidence a rule could read: the link model's probability, the USE cosine, how far
apart they stand (statements between them), the first one's position, shared names and numbers, their
kinds, and the best statement of another article that both match (its lower probability, and
how much better the two read together match it than the better of them alone). ``--pairs`` lists the
restatement pairs one by one (ids and numbers only, no text); ``--dump`` writes every row as JSON.

Nothing here ships; docs/data-sources.md quotes its figures where a choice rests on them.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
from fit_link_weights import compared_gold

from blickwinkel.compare.align import StoryScorer, is_alignable
from blickwinkel.compare.evaluate import GoldKey
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.restatements import stand_out_together
from blickwinkel.compare.similarity import embedding_text
from blickwinkel.embed import get_embedder
from blickwinkel.embed.backends import Embedder
from blickwinkel.model import Comparison, Statement

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Row:
    event: str
    group: str
    a: str
    b: str
    same: bool
    probability: float
    cosine: float
    gap: int  # alignable statements between them
    first_position: int  # the first one's place among its article's alignable statements
    names: int  # shared name keys
    numbers: int  # shared numbers
    other_numbers: int  # numbers of one that the other does not state, when both state some
    kinds: str
    partner: float  # lower probability of the two with their best shared statement of another article
    together: float  # cosine of the two read together with that statement minus the better one alone
    rank: int  # the larger of the two ranks of each among the other's article peers by cosine (0: nearest)
    margin: float  # the cosine minus the mean of each one's four nearest other peers in the article
    one_quote: bool  # the first opens a quotation that the second closes (one quote over sentences)
    contained: float  # rarity-weighted share of the shorter one's lemmas that the other states too
    stands_out: bool  # the shipped rule besides the link model's (compare/restatements.py)
    joined: bool  # the comparison puts them in one fact


def fact_of(key: GoldKey) -> dict[str, str]:
    return {sid: fact for (fact, _article), ids in key.located.items() for sid in ids}


def paths(own: bool) -> list[tuple[Path, str]]:
    out = []
    for p in sorted((ROOT / "examples" / "gold-real").glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if data.get("split") != "tune":
            continue
        languages = {a.get("language") for a in data.get("articles", [])}
        out.append((p, "en" if languages == {"en"} else "de" if languages == {"de"} else "de-en"))
    if own:
        out += [(p, "own") for p in sorted((ROOT / "examples" / "gold").glob("*.json"))]
        out += [(p, "own") for p in sorted((ROOT / "examples" / "gold-train").glob("own-*.json"))]
    return out


_QUOTES = str.maketrans({c: '"' for c in "\u201c\u201d\u201e\u00ab\u00bb"})


def quote_marks(text: str) -> int:
    """Double quotation marks in ``text``, typographic ones counted alike."""
    return text.translate(_QUOTES).count('"')


def one_quote(statements: list[Statement], order: list[int], x: int, y: int) -> bool:
    """Statement ``order[x]`` leaves a quotation open that ``order[y]`` closes, and none between
    them closes it."""
    if quote_marks(statements[order[x]].text) % 2 == 0:
        return False
    for k in range(x + 1, y + 1):
        if quote_marks(statements[order[k]].text) % 2 == 1:
            return k == y
    return False


def contained(scorer: StoryScorer, i: int, j: int) -> float:
    """The rarity-weighted share of the shorter statement's lemmas that the other one has too."""
    a, b = scorer.feats[i].lemmas, scorer.feats[j].lemmas
    short, other = (a, b) if len(a) <= len(b) else (b, a)
    total = sum(scorer.idf.get(w, 0.0) for w in short)
    return sum(scorer.idf.get(w, 0.0) for w in short & other) / total if total else 0.0


def nearest_ranks(sims: np.ndarray, order: list[int], i: int, j: int) -> tuple[int, float]:
    """The larger rank of the pair in each one's row of its article (0: nearest) and the cosine's
    margin over the mean of each one's four nearest other peers."""
    ranks, arounds = [], []
    for a, b in ((i, j), (j, i)):
        peers = np.array([k for k in order if k not in (a, b)], dtype=np.int64)
        row = sims[a, peers] if peers.size else np.zeros(0)
        ranks.append(int((row > sims[a, b]).sum()))
        arounds.append(float(np.sort(row)[-4:].mean()) if row.size else 0.0)
    return max(ranks), float(sims[i, j]) - max(arounds)


def event_rows(name: str, group: str, comparison: Comparison, key: GoldKey, use: Embedder) -> list[Row]:
    statements: list[Statement] = list(comparison.statements)
    parts = parts_of(statements)
    texts = [embedding_text(p.text) for ps in parts for p in ps]
    scorer = StoryScorer(statements, parts, use.encode(texts), "use")
    located = fact_of(key)
    fact_id = {sid: f.id for f in comparison.facts for sid in f.statements}
    # the two read together: one embedding per pair is too many; the pair's mean vector stands in
    unit = scorer.sims  # statement cosines (whole statements)
    whole = np.asarray(use.encode([embedding_text(s.text) for s in statements]))
    whole = whole / np.maximum(np.linalg.norm(whole, axis=1, keepdims=True), 1e-9)
    rows = []
    for art, idx in scorer.by_article.items():
        order = [int(i) for i in idx]
        place = {i: n for n, i in enumerate(order)}
        mine = [i for i in order if statements[i].id in located]
        others = [
            k for k in range(len(statements)) if statements[k].article != art and is_alignable(statements[k])
        ]
        for x in range(len(mine)):
            for y in range(x + 1, len(mine)):
                i, j = mine[x], mine[y]
                fa, fb = located[statements[i].id], located[statements[j].id]
                if fa != fb and frozenset((fa, fb)) in key.overlaps:
                    continue
                fi, fj = scorer.feats[i], scorer.feats[j]
                partner, together = 0.0, 0.0
                if others:
                    both = np.minimum(unit[i, others], unit[j, others])
                    k = others[int(np.argmax(both))]
                    partner = min(scorer(i, k).score, scorer(j, k).score)
                    mean = whole[i] + whole[j]
                    mean = mean / max(float(np.linalg.norm(mean)), 1e-9)
                    together = float(mean @ whole[k]) - max(
                        float(whole[i] @ whole[k]), float(whole[j] @ whole[k])
                    )
                shared_values = fi.values & fj.values
                rank, margin = nearest_ranks(unit, order, i, j)
                rows.append(
                    Row(
                        name,
                        group,
                        statements[i].id,
                        statements[j].id,
                        fa == fb,
                        round(scorer(i, j).score, 4),
                        round(float(unit[i, j]), 4),
                        place[j] - place[i] - 1,
                        place[i],
                        len(fi.keys & fj.keys),
                        len(shared_values),
                        len(fi.values ^ fj.values) if fi.values and fj.values else 0,
                        f"{statements[i].kind}/{statements[j].kind}",
                        round(partner, 4),
                        round(together, 4),
                        rank,
                        round(margin, 4),
                        one_quote(statements, order, place[i], place[j]),
                        round(contained(scorer, i, j), 4),
                        stand_out_together(scorer.sims, order, i, j, (fi.values, fj.values)),
                        fact_id.get(statements[i].id) == fact_id.get(statements[j].id),
                    )
                )
    return rows


def summary(rows: list[Row]) -> None:
    for group in sorted({r.group for r in rows}):
        here = [r for r in rows if r.group == group]
        same = [r for r in here if r.same]
        print(f"{group}: {len(same)} restatement pairs, {len(here) - len(same)} pairs of two facts")
        rules: tuple[tuple[str, Callable[[Row], bool]], ...] = (
            ("joined now", lambda r: r.joined),
            ("stand out together (shipped)", lambda r: r.stands_out),
            ("probability >= 0.5", lambda r: r.probability >= 0.5),
            ("probability >= 0.3", lambda r: r.probability >= 0.3),
            ("cosine >= 0.6", lambda r: r.cosine >= 0.6),
            ("adjacent (gap 0)", lambda r: r.gap == 0),
            ("adjacent, cosine >= 0.4", lambda r: r.gap == 0 and r.cosine >= 0.4),
            ("shared name and number", lambda r: r.names > 0 and r.numbers > 0),
            ("partner >= 0.5", lambda r: r.partner >= 0.5),
            ("partner >= 0.3, together > 0", lambda r: r.partner >= 0.3 and r.together > 0),
            ("first in lead (position 0)", lambda r: r.first_position == 0),
            ("nearest of each other (rank 0)", lambda r: r.rank == 0),
            ("rank 0, cosine >= 0.5", lambda r: r.rank == 0 and r.cosine >= 0.5),
            ("margin >= 0.15", lambda r: r.margin >= 0.15),
            ("margin >= 0.25", lambda r: r.margin >= 0.25),
            ("one quotation over sentences", lambda r: r.one_quote),
            ("contained >= 0.5", lambda r: r.contained >= 0.5),
            ("contained >= 0.5, cosine >= 0.5", lambda r: r.contained >= 0.5 and r.cosine >= 0.5),
        )
        for label, test in rules:
            chosen = [r for r in here if test(r)]
            tp = sum(1 for r in chosen if r.same)
            precision, recall = tp / max(1, len(chosen)), tp / max(1, len(same))
            print(f"  {label:<34} P {precision:.2f} R {recall:.2f} ({tp}/{len(chosen)})")
        if same:
            for field in (
                "probability",
                "cosine",
                "gap",
                "first_position",
                "partner",
                "together",
                "rank",
                "margin",
            ):
                a = np.array([getattr(r, field) for r in same], dtype=float)
                b = np.array([getattr(r, field) for r in here if not r.same], dtype=float)
                qa = np.quantile(a, [0.25, 0.5, 0.75]).round(2).tolist()
                qb = np.quantile(b, [0.25, 0.5, 0.75]).round(2).tolist() if b.size else []
                print(f"  {field:<14} restatements {qa}  two facts {qb}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    ap.add_argument("--own", action="store_true", help="also our own invented stories")
    ap.add_argument("--dump", type=Path, help="write every row as JSON")
    ap.add_argument("--pairs", action="store_true", help="list the restatement pairs")
    args = ap.parse_args()
    use = get_embedder("use")
    rows: list[Row] = []
    for path, group in paths(args.own):
        _gold, _analysed, comparison, key = compared_gold(path, args.data_root, use)
        rows += event_rows(path.stem, group, comparison, key, use)
        print(f"{path.stem}: {len(comparison.statements)} statements", file=sys.stderr)
    if args.dump:
        args.dump.write_text(json.dumps([asdict(r) for r in rows]), encoding="utf-8")
    summary(rows)
    if args.pairs:
        for r in rows:
            if r.same:
                print(
                    f"{r.event} {r.a} ~ {r.b} p {r.probability:.2f} cos {r.cosine:.2f} gap {r.gap} pos "
                    f"{r.first_position} names {r.names} numbers {r.numbers}/{r.other_numbers} {r.kinds} "
                    f"partner {r.partner:.2f} together {r.together:+.2f} rank {r.rank} "
                    f"margin {r.margin:+.2f} quote {r.one_quote} contained {r.contained:.2f} "
                    f"stands out {r.stands_out} joined {r.joined}"
                )


if __name__ == "__main__":
    main()
