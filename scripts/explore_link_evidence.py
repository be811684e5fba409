"""Measure evidence beside the embedding for links, restatements and unique facts (tuning half only).

Usage::

    python scripts/explore_link_evidence.py [--data-root ../shared/data] [--e5] [--restatements] [--unique]
        [--no-parts]

Reads the tuning half of the real-news gold (examples/gold-real, split ``tune``) and our example
stories (examples/gold); the held-out half is never read. Three reports:

- **parts** (always): the same-language candidate pairs scripts/fit_link_weights.py trained on before
  the eighth session's licence ruling (measuring only; nothing fitted here ships);
  the shipped parts are fitted alone and with one extra part each, leaving one event out at a time,
  and precision/recall of same-fact pairs at probability 0.5 and 0.3 are printed for English, German
  and our examples, with the extra part's coefficient (fitted on all pairs). The extra parts are the
  evidence issue 11 names beside the embedding: the same speaker, a speaker clash, a quote against
  its reported form, numbers in any written form (in compounds: "47-jährige"/"47-year-old"), close
  numbers ($4,500/$4,650), the rarest shared lemma, the number of shared rare lemmas and names,
  mutual-best and top-k ranks (with and without the margin), the neighbouring statements' link,
  a statement of a third article both link to, and both among the first four of their articles.
  ``--e5`` takes the ``same_language_e5`` parts (the ``link_embedder`` setting) as the base instead
  (embeds every statement with e5: minutes of CPU).
- **restatements** (``--restatements``): pairs of annotated statements of one article; how well
  simple rules find the pairs that state one fact (the link model's probability, the cosine, the
  statements' similarity to the other articles, a partner in another article both link to).
- **unique** (``--unique``): facts of one article as the comparison groups them, before the
  "perhaps also in" rule; unique-fact precision/recall for candidate rules (the best link
  probability of a candidate elsewhere, the best cosine elsewhere, both).

Nothing here ships; docs/data-sources.md (link model) quotes its figures.
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from fit_link_weights import FEATURES, Fitted, compared_gold

import blickwinkel.compare.facts as facts_module
from blickwinkel.compare import compare_articles
from blickwinkel.compare.align import StoryScorer, candidate_pairs, is_alignable
from blickwinkel.compare.evaluate import GoldKey, RealGold
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.similarity import ScoreParts, embedding_text, fold, link_features
from blickwinkel.embed import get_embedder
from blickwinkel.model import AnalysedArticle, Comparison, Statement

ROOT = Path(__file__).resolve().parents[1]
THRESHOLDS = (0.5, 0.3)
Array = np.ndarray[Any, Any]


@dataclass
class Event:
    name: str
    group: str  # en, de, de-en or examples
    analysed: list[AnalysedArticle]
    comparison: Comparison
    key: GoldKey
    scorer: StoryScorer
    candidates: dict[tuple[int, str], set[int]] = field(default_factory=dict)

    @property
    def statements(self) -> list[Statement]:
        return list(self.comparison.statements)


def load_events(data_root: Path, e5: bool) -> list[Event]:
    paths = [
        p
        for p in sorted((ROOT / "examples" / "gold-real").glob("*.json"))
        if json.loads(p.read_text(encoding="utf-8")).get("split") == "tune"
    ]
    paths += sorted((ROOT / "examples" / "gold").glob("*.json"))
    use = get_embedder("use")
    second = get_embedder("e5") if e5 else None
    out = []
    for path in paths:
        gold, analysed, comparison, key = compared_gold(path, data_root, use)
        if isinstance(gold, RealGold):
            languages = {a.language for a in gold.articles}
            group = "en" if languages == {"en"} else "de" if languages == {"de"} else "de-en"
        else:
            group = "examples"
        statements = list(comparison.statements)
        parts = parts_of(statements)
        texts = [embedding_text(p.text) for ps in parts for p in ps]
        scorer = StoryScorer(statements, parts, use.encode(texts), "use")
        if second is not None:  # e5 for every pair in one language (set_second; the CLI: a band)
            scorer.set_second(second.encode(texts))
        event = Event(path.stem, group, analysed, comparison, key, scorer)
        event.candidates = candidate_pairs(scorer)
        out.append(event)
        print(f"{path.stem}: {len(statements)} statements", file=sys.stderr)
    return out


def fact_of(key: GoldKey) -> dict[str, str]:
    return {sid: fact for (fact, _article), ids in key.located.items() for sid in ids}


# --- extra parts of a pair (event, i, j, the pair's evidence) -----------------------------------

Part = Callable[[Event, int, int, ScoreParts], float]


def _speakers(ev: Event, i: int, j: int) -> tuple[set[str], set[str]]:
    a, b = ev.statements[i].speaker, ev.statements[j].speaker
    return (set(fold(a).split()) if a else set()), (set(fold(b).split()) if b else set())


def same_speaker(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    a, b = _speakers(ev, i, j)
    return 1.0 if a & b else 0.0


def speaker_clash(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    a, b = _speakers(ev, i, j)
    return 1.0 if a and b and not a & b else 0.0


def quote_vs_reported(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    kinds = {ev.statements[i].kind, ev.statements[j].kind}
    return 1.0 if kinds == {"quote", "reported_speech"} else 0.0


_COMPOUND = re.compile(r"(?<![\w.,'’-])(\d{1,7})-(?=[^\W\d_])")


def compound_number(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    def numbers(k: int) -> set[float]:
        found = {float(m.group(1)) for m in _COMPOUND.finditer(ev.statements[k].text)}
        return found | set(ev.scorer.feats[k].values)

    return 1.0 if any(v > 12 for v in numbers(i) & numbers(j)) else 0.0


def close_number(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    for x in ev.scorer.feats[i].values:
        for y in ev.scorer.feats[j].values:
            if x > 12 and y > 12 and x != y and abs(x - y) / max(x, y) <= 0.05:
                return 1.0
    return 0.0


def rarest_shared(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    sc = ev.scorer
    shared = sc.feats[i].lemmas & sc.feats[j].lemmas
    return max((sc.idf.get(w, 0.0) for w in shared), default=0.0) / math.log(len(sc.feats) + 1)


def shared_rare(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    sc = ev.scorer
    shared = sc.feats[i].lemmas & sc.feats[j].lemmas
    return float(min(3, sum(1 for w in shared if sc.idf.get(w, 0.0) > math.log(len(sc.feats) / 4))))


def shared_names(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    return float(min(2, len(ev.scorer.feats[i].keys & ev.scorer.feats[j].keys)))


def _ranks(ev: Event, i: int, j: int) -> tuple[int, int]:
    sc = ev.scorer
    out = []
    for a, b in ((i, j), (j, i)):
        peers = sc.peers[(sc.articles[b], sc.feats[b].language)]
        out.append(int((sc.sims[a, peers] > sc.sims[a, b]).sum()))
    return out[0], out[1]


def top2(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    return 1.0 if max(_ranks(ev, i, j)) <= 1 else 0.0


def top3(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    return 1.0 if max(_ranks(ev, i, j)) <= 2 else 0.0


def inverse_rank(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    r = _ranks(ev, i, j)
    return (1 / (1 + r[0]) + 1 / (1 + r[1])) / 2


def neighbours(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    st = ev.statements
    best = 0.0
    for d in (-1, 1):
        a, b = i + d, j + d
        inside = 0 <= a < len(st) and 0 <= b < len(st)
        if inside and st[a].article == st[i].article and st[b].article == st[j].article:
            best = max(best, ev.scorer(a, b).score)
    return best


def third_article(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    sc = ev.scorer
    best = 0.0
    for c in set(sc.articles) - {sc.articles[i], sc.articles[j]}:
        for k in ev.candidates.get((i, c), set()) | ev.candidates.get((j, c), set()):
            best = max(best, min(sc(i, k).score, sc(j, k).score))
    return best


def both_early(ev: Event, i: int, j: int, p: ScoreParts) -> float:
    sc = ev.scorer

    def position(k: int) -> int:
        return int((sc.by_article[sc.articles[k]] < k).sum())

    return 1.0 if max(position(i), position(j)) <= 3 else 0.0


PARTS: dict[str, Part] = {
    "same_speaker": same_speaker,
    "speaker_clash": speaker_clash,
    "quote_vs_reported": quote_vs_reported,
    "compound_number": compound_number,
    "close_number": close_number,
    "rarest_shared": rarest_shared,
    "shared_rare": shared_rare,
    "shared_names": shared_names,
    "top2": top2,
    "top3": top3,
    "inverse_rank": inverse_rank,
    "neighbours": neighbours,
    "third_article": third_article,
    "both_early": both_early,
}
# Parts that may only lower the probability (the sign bound of "name_clash"); the others may only raise it.
LOWERING = {"speaker_clash"}


def parts_report(events: list[Event], e5: bool) -> None:
    model = "same_language_e5" if e5 else "same_language"
    base = FEATURES[model]
    rows: list[tuple[str, str, list[float], int]] = []
    for ev in events:
        located = fact_of(ev.key)
        pairs = {(min(i, j), max(i, j)) for (i, _art), js in ev.candidates.items() for j in js}
        for i, j in sorted(pairs):
            fa, fb = located.get(ev.statements[i].id), located.get(ev.statements[j].id)
            if fa is None or fb is None or (fa != fb and frozenset((fa, fb)) in ev.key.overlaps):
                continue
            p = ev.scorer(i, j)
            name, values = link_features(p)
            if name != model:
                continue
            extra = [f(ev, i, j, p) for f in PARTS.values()]
            rows.append((ev.name, ev.group, [values[f] for f in base] + extra, int(fa == fb)))
    events_of = np.array([r[0] for r in rows])
    groups = np.array([r[1] for r in rows])
    x = np.array([r[2] for r in rows], dtype=float)
    y = np.array([r[3] for r in rows], dtype=int)
    n = len(base)
    variants: dict[str, tuple[list[int], list[str]]] = {model: (list(range(n)), list(base))}
    for k, name in enumerate(PARTS):
        sign = "name_clash" if name in LOWERING else "meaning"
        variants[f"+{name}"] = ([*range(n), n + k], [*base, sign])
    without = [c for c in range(n) if base[c] != "margin"]
    for name in ("inverse_rank", "top2"):
        k = list(PARTS).index(name)
        variants[f"{name} for margin"] = (
            [*without, n + k],
            [*(base[c] for c in without), "meaning"],
        )
    for label, (cols, signs) in variants.items():
        predicted = np.zeros(len(y))
        for event in sorted(set(events_of)):
            test = events_of == event
            predicted[test] = Fitted(x[~test][:, cols], y[~test], 1.0, signs).predict(x[test][:, cols])
        coefficient = Fitted(x[:, cols], y, 1.0, signs).coef[-1] if len(cols) > n else float("nan")
        cells = []
        for group in ("en", "de", "examples"):
            here = groups == group
            for t in THRESHOLDS:
                chosen = (predicted >= t) & here
                tp = int((chosen & (y == 1)).sum())
                cells.append(
                    f"{group}@{t} {tp / max(1, int(chosen.sum())):.2f}/{tp / max(1, int(y[here].sum())):.2f}"
                )
        print(f"{label:<28} " + "  ".join(cells) + f"  coef {coefficient:.2f}")
    print(f"{len(y)} same-language candidate pairs, {int(y.sum())} of one fact (leave one event out, P/R)")


def restatement_report(events: list[Event]) -> None:
    rows = []
    for ev in events:
        if ev.group == "examples":
            continue
        sc, st, located = ev.scorer, ev.statements, fact_of(ev.key)
        partner: dict[int, dict[int, float]] = {}
        for (i, _art), js in ev.candidates.items():
            for j in js:
                partner.setdefault(i, {})[j] = sc(i, j).score
        for art, idx in sc.by_article.items():
            mine = [int(i) for i in idx if st[i].id in located]
            others = np.array([k for k in range(len(st)) if st[k].article != art and is_alignable(st[k])])
            for a in range(len(mine)):
                for b in range(a + 1, len(mine)):
                    i, j = mine[a], mine[b]
                    fa, fb = located[st[i].id], located[st[j].id]
                    if fa != fb and frozenset((fa, fb)) in ev.key.overlaps:
                        continue
                    profile = (
                        float(np.corrcoef(sc.sims[i, others], sc.sims[j, others])[0, 1])
                        if others.size > 2
                        else 0.0
                    )
                    common = set(partner.get(i, {})) & set(partner.get(j, {}))
                    shared = max((min(partner[i][k], partner[j][k]) for k in common), default=0.0)
                    rows.append((int(fa == fb), sc(i, j).score, float(sc.sims[i, j]), profile, shared))
    r = np.array(rows)
    y = r[:, 0] == 1
    print(f"restatements: {int(y.sum())} pairs of one article state one fact, {int((~y).sum())} do not")
    print(f"  one statement linked to two of one other article: {two_partners(events)}")
    rules = {
        "probability >= 0.5": r[:, 1] >= 0.5,
        "probability >= 0.3": r[:, 1] >= 0.3,
        "cosine >= 0.6": r[:, 2] >= 0.6,
        "profile >= 0.7": r[:, 3] >= 0.7,
        "profile >= 0.8": r[:, 3] >= 0.8,
        "shared partner >= 0.5": r[:, 4] >= 0.5,
        "shared partner >= 0.5, profile >= 0.6": (r[:, 4] >= 0.5) & (r[:, 3] >= 0.6),
    }
    for label, chosen in rules.items():
        tp = int((chosen & y).sum())
        print(f"  {label:<40} P {tp / max(1, int(chosen.sum())):.2f} R {tp / max(1, int(y.sum())):.2f}")


def two_partners(events: list[Event]) -> dict[str, int]:
    """Where one statement links (as the comparison links) to two statements of one other article:
    whether those two restate each other, state different or overlapping facts, or are not annotated."""
    counts = {"restate": 0, "different": 0, "overlapping": 0, "not annotated": 0}
    for ev in events:
        located = fact_of(ev.key)
        partners: dict[str, list[str]] = {}
        for link in ev.comparison.links:
            partners.setdefault(link.a, []).append(link.b)
            partners.setdefault(link.b, []).append(link.a)
        seen = set()
        for linked in partners.values():
            for c in linked:
                for d in linked:
                    if c >= d or c.rsplit("#", 1)[0] != d.rsplit("#", 1)[0] or (c, d) in seen:
                        continue
                    seen.add((c, d))
                    fc, fd = located.get(c), located.get(d)
                    kind = (
                        "not annotated"
                        if fc is None or fd is None
                        else "restate"
                        if fc == fd
                        else "overlapping"
                        if frozenset((fc, fd)) in ev.key.overlaps
                        else "different"
                    )
                    counts[kind] += 1
    return counts


def unique_report(events: list[Event]) -> None:
    use = get_embedder("use")
    keep = facts_module.PERHAPS_MIN_SCORE
    facts_module.PERHAPS_MIN_SCORE = math.inf  # every fact of one article before the rule
    rows = []
    try:
        for ev in events:
            if ev.group == "examples":
                continue
            comparison = compare_articles(ev.analysed, use)
            st = list(comparison.statements)
            parts = parts_of(st)
            sc = StoryScorer(
                st, parts, use.encode([embedding_text(p.text) for ps in parts for p in ps]), "use"
            )
            index = {s.id: i for i, s in enumerate(st)}
            fact_of_statement = {sid: f for f in comparison.facts for sid in f.statements}
            best: dict[tuple[int, str], float] = {}
            for (i, art), js in candidate_pairs(sc).items():
                best[(i, art)] = max(sc(i, j).score for j in js)
            articles_of: dict[str, list[str]] = {}
            for fact, article in ev.key.located:
                articles_of.setdefault(fact, []).append(article)
            overlapping = {n for pair in ev.key.overlaps for n in pair}
            for (fact, article), sids in ev.key.located.items():
                gold_unique = len(articles_of[fact]) == 1
                if gold_unique and fact in overlapping:
                    continue
                found = [fact_of_statement[s] for s in sids if s in fact_of_statement]
                if not found or any(len(f.articles) > 1 for f in found):
                    continue
                members = [index[m] for f in found for m in f.statements]
                others = [a for a in sc.by_article if a != article and sc.by_article[a].size]
                probability = max((best.get((i, a), 0.0) for i in members for a in others), default=0.0)
                cosine = max(
                    (float(sc.sims[i, sc.by_article[a]].max()) for i in members for a in others), default=0.0
                )
                elsewhere = set().union(
                    *(sc.feats[k].lemmas for k in range(len(st)) if st[k].article != article)
                )
                novelty = 0.0
                for i in members:
                    weights = {w: sc.idf.get(w, 1.0) for w in sc.feats[i].lemmas}
                    total = sum(weights.values()) or 1.0
                    novelty = max(novelty, sum(v for w, v in weights.items() if w not in elsewhere) / total)
                partner = 0.0
                for (other_fact, other_article), others_ids in ev.key.located.items():
                    if other_fact == fact and other_article != article:
                        scores = [sc(i, index[o]).score for i in members for o in others_ids if o in index]
                        partner = max([partner, *scores])
                rows.append((ev.group, gold_unique, probability, cosine, novelty, partner))
    finally:
        facts_module.PERHAPS_MIN_SCORE = keep
    rules: dict[str, Callable[[float, float, float], bool]] = {}
    # Each rule reads (probability, cosine, new wording); a def with the threshold as a default keeps
    # mypy's types (a lambda with a default argument cannot be inferred).
    for t in (0.05, 0.1, 0.15, 0.2, 0.3):

        def above(p: float, c: float, n: float, t: float = t) -> bool:
            return p >= t

        rules[f"probability >= {t}"] = above
    for c0 in (0.45, 0.5, 0.55):

        def close(p: float, c: float, n: float, c0: float = c0) -> bool:
            return c >= c0

        def above_or_close(p: float, c: float, n: float, c0: float = c0) -> bool:
            return p >= 0.15 or c >= c0

        rules[f"cosine >= {c0}"] = close
        rules[f"probability >= 0.15 or cosine >= {c0}"] = above_or_close
    # How much of the fact's wording (rarity-weighted lemmas) no other article has.
    for n0 in (0.3, 0.5):

        def above_or_worded_alike(p: float, c: float, n: float, n0: float = n0) -> bool:
            return p >= 0.15 or n < n0

        rules[f"probability >= 0.15 or new wording < {n0}"] = above_or_worded_alike
    wrong = [r for r in rows if not r[1] and not r[2] >= facts_module.PERHAPS_MIN_SCORE]
    bands = {
        "below 0.05": sum(1 for r in wrong if r[5] < 0.05),
        "0.05-0.15": sum(1 for r in wrong if 0.05 <= r[5] < 0.15),
        "0.15 or more": sum(1 for r in wrong if r[5] >= 0.15),
    }
    print(f"unique facts flagged wrongly with the shipped rule: {len(wrong)}; best pair with the editor's")
    print(f"  statements of the fact in the other article scores {bands}")
    print("unique facts: a fact of one article is 'perhaps also' elsewhere when (P/R of the rest as unique)")
    for label, rule in rules.items():
        cells = []
        for group in ("en", "de", "de-en"):
            here = [r for r in rows if r[0] == group]
            kept = [r for r in here if not rule(r[2], r[3], r[4])]
            tp = sum(1 for r in kept if r[1])
            cells.append(
                f"{group} {tp / max(1, len(kept)):.3f}/{tp / max(1, sum(1 for r in here if r[1])):.3f}"
            )
        print(f"  {label:<40} " + "  ".join(cells))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    ap.add_argument("--e5", action="store_true", help="the same_language_e5 parts as the base (slow)")
    ap.add_argument("--restatements", action="store_true")
    ap.add_argument("--unique", action="store_true")
    ap.add_argument("--no-parts", action="store_true", help="leave the parts report out")
    args = ap.parse_args()
    events = load_events(args.data_root, args.e5)
    if not args.no_parts:
        parts_report(events, args.e5)
    if args.restatements:
        restatement_report(events)
    if args.unique:
        unique_report(events)


if __name__ == "__main__":
    main()
