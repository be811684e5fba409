"""Why same-fact links of the tuning half are missed: each missed gold link by cause and by kind.

Usage (from the repository root; reads only the tuning half)::

    python scripts/missed_links.py [--data-root ../shared/data]

Every pair of articles that a gold fact names is looked at once, under the default comparison
(``link_embedder = "auto"``). A pair is found when the comparison puts statements of both into one
fact. For a missed pair the best-scoring pair of its annotated statements by the USE model
(``same_language`` / ``cross_language``) gives the cause (not among the candidates, the USE model's
probability band, a link the fact grouping refused) and the kinds (a missed pair may have several:
clashing name keys, different numbers, a quote against a reported form, one statement less than half
as long as the other, a USE cosine below 0.45, a margin below 0.05, a headline or subheading against a
body sentence, a number in one statement only, none of these). The false links
(a link between statements of two gold facts that the gold does not mark as overlapping) are counted
by their kinds as well, from the parts the comparison gave the link (with e5's cosine where it scored
the pair). Prints three markdown tables; the figures are in docs/data-sources.md.
"""

from __future__ import annotations

import argparse
import collections
import json
from itertools import combinations
from pathlib import Path

from blickwinkel.compare.align import StoryScorer, candidate_pairs
from blickwinkel.compare.evaluate import RealGold, key_of_real_gold
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.similarity import ScoreParts, embedding_text
from blickwinkel.embed import get_embedder
from blickwinkel.evaluation import read_gold, read_gold_articles
from blickwinkel.model import Statement
from blickwinkel.pipeline import compare_articles_text

ROOT = Path(__file__).resolve().parents[1]
# Blocks that state a fact in a headline's short form rather than in a sentence of the body.
HEADLINE_BLOCKS = frozenset({"headline", "subheading"})


def cause_of(p: ScoreParts, candidate: bool, linked: bool) -> str:
    if linked:
        return "linked, grouping refused"
    if not candidate:
        return "not a candidate"
    if p.score >= 0.5:
        return "scored >= 0.5, not among top 3"
    if p.score >= 0.3:
        return "candidate 0.3-0.5"
    return "candidate 0.1-0.3" if p.score >= 0.1 else "candidate < 0.1"


def kinds_of(p: ScoreParts, a: Statement, b: Statement) -> list[str]:
    found = []
    quote_a, quote_b = a.kind == "quote", b.kind == "quote"
    if p.names < 0:
        found.append("names clash")
    if p.numbers == -1:
        found.append("numbers differ")
    if quote_a != quote_b:
        found.append("quote vs reported")
    if p.length_ratio < 0.5:
        found.append("one much longer (specific vs general / two facts in one)")
    if p.embedding < 0.45:
        found.append("loose paraphrase (cosine < 0.45)")
    if p.margin < 0.05:
        found.append("topical neighbours as close (margin < 0.05)")
    if (a.block_kind in HEADLINE_BLOCKS) != (b.block_kind in HEADLINE_BLOCKS):
        found.append("headline or subheading against a body sentence")
    if bool(a.quantities) != bool(b.quantities):
        found.append("a number in one only")
    return found or ["close wording, scored low"]


def false_kinds(reasons: dict[str, float]) -> list[str]:
    """The kinds of a false link, from the parts of its score (``Link.reasons``)."""
    found = []
    if reasons.get("names", 0.0) > 0:
        found.append("shares a name")
    if reasons.get("names", 0.0) < 0:
        found.append("names clash")
    if reasons.get("numbers", 0.0) > 0:
        found.append("shares a number")
    if reasons.get("length_ratio", 1.0) < 0.5:
        found.append("one much longer (specific vs general / two facts in one)")
    if reasons.get("mutual", 0.0) and reasons.get("margin", 0.0) >= 0.15:
        found.append("each other's best match, standing out (margin >= 0.15)")
    if reasons.get("score", 1.0) < 0.6:
        found.append("probability 0.5-0.6")
    return found or ["none of these"]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    args = ap.parse_args()
    paths = [
        p
        for p in sorted((ROOT / "examples" / "gold-real").glob("*.json"))
        if json.loads(p.read_text(encoding="utf-8")).get("split") == "tune"
    ]
    use = get_embedder("use")
    found: collections.Counter[str] = collections.Counter()
    causes: collections.Counter[tuple[str, str]] = collections.Counter()
    kinds: collections.Counter[tuple[str, str]] = collections.Counter()
    false: collections.Counter[tuple[str, str]] = collections.Counter()
    for path in paths:
        gold = read_gold(path)
        if not isinstance(gold, RealGold):
            continue
        articles, raw = read_gold_articles(gold, args.data_root)
        comparison = compare_articles_text(articles)
        key = key_of_real_gold(gold, comparison, raw)
        statements = list(comparison.statements)
        index = {s.id: i for i, s in enumerate(statements)}
        parts = parts_of(statements)
        rows = use.encode([embedding_text(p.text) for ps in parts for p in ps])
        scorer = StoryScorer(statements, parts, rows, "use", None)
        candidates = {(min(i, j), max(i, j)) for (i, _a), js in candidate_pairs(scorer).items() for j in js}
        linked = {(min(index[k.a], index[k.b]), max(index[k.a], index[k.b])) for k in comparison.links}
        fact_of = {sid: f.id for f in comparison.facts for sid in f.statements}
        name_of = {sid: name for (name, _a), sids in key.located.items() for sid in sids}
        for link in comparison.links:
            na, nb = name_of.get(link.a), name_of.get(link.b)
            if na is None or nb is None or na == nb or frozenset((na, nb)) in key.overlaps:
                continue
            pair = sorted({str(statements[index[link.a]].language), str(statements[index[link.b]].language)})
            false[("-".join(pair), "all false links")] += 1
            for kind in false_kinds({**link.reasons, "score": link.score}):
                false[("-".join(pair), kind)] += 1
        by_fact: dict[str, list[str]] = collections.defaultdict(list)
        for name, article in key.located:
            by_fact[name].append(article)
        for name, arts in by_fact.items():
            for a, b in combinations(sorted(arts), 2):
                ids_a, ids_b = key.located[(name, a)], key.located[(name, b)]
                pairs = [
                    (min(index[x], index[y]), max(index[x], index[y]))
                    for x in ids_a
                    for y in ids_b
                    if x in index and y in index
                ]
                if not pairs:
                    continue
                first, second = statements[pairs[0][0]], statements[pairs[0][1]]
                langs = sorted({str(first.language), str(second.language)})
                lang = "-".join(langs)
                if ({fact_of.get(x) for x in ids_a} & {fact_of.get(y) for y in ids_b}) - {None}:
                    found[lang] += 1
                    continue
                i, j = max(pairs, key=lambda q: scorer(*q).score)
                p = scorer(i, j)
                cause = cause_of(p, any(q in candidates for q in pairs), any(q in linked for q in pairs))
                causes[(lang, cause)] += 1
                for kind in kinds_of(p, statements[i], statements[j]):
                    kinds[(lang, kind)] += 1
    print("found:", dict(found))
    print("\n| language | cause | missed |\n|---|---|---|")
    for (lang, cause), n in sorted(causes.items()):
        print(f"| {lang} | {cause} | {n} |")
    print("\n| language | kind (a missed link may have several) | missed |\n|---|---|---|")
    for (lang, kind), n in sorted(kinds.items()):
        print(f"| {lang} | {kind} | {n} |")
    print("\n| language | kind of false link (a link may have several) | links |\n|---|---|---|")
    for (lang, kind), n in sorted(false.items()):
        print(f"| {lang} | {kind} | {n} |")


if __name__ == "__main__":
    main()
