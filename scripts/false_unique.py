"""Why facts are wrongly listed as one article's own: each false "Only in" entry by cause.

Usage (from the repository root; reads only the tuning half, and with ``--own`` our own stories)::

    python scripts/false_unique.py [--data-root ../shared/data] [--own] [--list]

A gold fact that two or more articles state is wrongly listed as one article's own when every
statement the gold names for it in that article stands in a fact of that article alone, with no
"perhaps also in" mark (``Fact.only_one``: the ``unique_facts`` figure of ``blickwinkel eval
compare``). Each such entry is sorted by what the comparison did with the fact's statements in the
other articles:

- *linked, grouping refused*: the link model linked one of its statements to one of theirs, and the
  fact grouping (``compare/facts.py``) kept the two apart;
- *own restatement not joined*: their statement stands in a fact with another statement of this article
  that the gold names for no fact (the article says it twice and the comparison joined the other one);
- *one statement holds two facts*: their statement stands in a fact with a statement of this article
  that the gold gives to another fact (their sentence states both, and was joined to the other);
- *missed link*: none of these; the link model found no partner that reaches the "perhaps also in"
  threshold (the links' work; ``scripts/missed_links.py`` sorts those further).

It also counts the "Only in" entries the gold names no fact for at all (a fact of one article none of
whose statements the gold names: the annotators leave out an outlet's own commentary, captions,
advertising and link lines), by the kind of their first statement. Prints counts only, no text
(``--list`` adds statement ids and fact names); the figures are in docs/data-sources.md.
"""

from __future__ import annotations

import argparse
import collections
import json
from pathlib import Path

from blickwinkel.compare.evaluate import GoldKey, key_of_gold, key_of_real_gold, pair_label
from blickwinkel.compare.gold_real import RealGold
from blickwinkel.evaluation import read_gold, read_gold_articles
from blickwinkel.ingest import read_inputs
from blickwinkel.model import Comparison
from blickwinkel.pipeline import compare_articles_text

ROOT = Path(__file__).resolve().parents[1]
CAUSES = (
    "linked, grouping refused",
    "own restatement not joined",
    "one statement holds two facts",
    "missed link",
)


def paths(own: bool) -> list[Path]:
    """The tuning half's gold files that score unique facts, and with ``own`` our own stories."""
    out = []
    for p in sorted((ROOT / "examples" / "gold-real").glob("*.json")):
        data = json.loads(p.read_text(encoding="utf-8"))
        if data.get("split") == "tune" and "unique_facts" in data.get("tasks", ["unique_facts"]):
            out.append(p)
    if own:
        out += sorted((ROOT / "examples" / "gold").glob("*.json"))
        out += sorted((ROOT / "examples" / "gold-train").glob("own-*.json"))
    return out


def compared(path: Path, data_root: Path) -> tuple[Comparison, GoldKey]:
    """The default comparison of a gold file's articles and its gold key."""
    gold = read_gold(path)
    if isinstance(gold, RealGold):
        articles, raw = read_gold_articles(gold, data_root)
        comparison = compare_articles_text(articles)
        return comparison, key_of_real_gold(gold, comparison, raw)
    read = read_inputs([str(path.parent / given) for given in gold.inputs])
    comparison = compare_articles_text(list(read.articles))
    return comparison, key_of_gold(gold, comparison)


def causes(comparison: Comparison, key: GoldKey) -> list[tuple[str, str, str]]:
    """(cause, fact name, article) of each false "Only in" entry, as ``eval compare`` counts them."""
    fact_of = {sid: f.id for f in comparison.facts for sid in f.statements}
    facts = {f.id: f for f in comparison.facts}
    name_of = {sid: name for (name, _), sids in key.located.items() for sid in sids}
    linked = {frozenset((link.a, link.b)) for link in comparison.links}
    article_of = {s.id: s.article for s in comparison.statements}
    articles_of: dict[str, list[str]] = {}
    for name, article in key.located:
        articles_of.setdefault(name, []).append(article)
    out = []
    for (name, article), sids in sorted(key.located.items()):
        mine = sorted(s for s in sids if s in fact_of)
        if len(articles_of[name]) < 2 or not mine or not all(facts[fact_of[s]].only_one for s in mine):
            continue
        theirs = [t for (n, a), ts in key.located.items() if n == name and a != article for t in ts]
        beside = {
            x
            for t in theirs
            if t in fact_of
            for x in facts[fact_of[t]].statements
            if x not in mine and article_of[x] == article
        }
        if any(frozenset((s, t)) in linked for s in mine for t in theirs):
            cause = CAUSES[0]
        elif any(x not in name_of for x in beside):
            cause = CAUSES[1]
        elif beside:
            cause = CAUSES[2]
        else:
            cause = CAUSES[3]
        out.append((cause, name, article))
    return out


def unnamed_only(comparison: Comparison, key: GoldKey) -> list[str]:
    """The kind of the first statement of each one-article fact none of whose statements the gold
    names (block kind, and statement kind where the block is a paragraph)."""
    named = {sid for sids in key.located.values() for sid in sids}
    by_id = {s.id: s for s in comparison.statements}
    out = []
    for fact in comparison.facts:
        if fact.only_one and not any(s in named for s in fact.statements):
            first = by_id[fact.statements[0]]
            out.append(f"{first.block_kind or 'paragraph'}/{first.kind or 'reporting'}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    ap.add_argument("--own", action="store_true", help="also our own invented stories")
    ap.add_argument("--list", action="store_true", help="list each entry by fact name and article id")
    args = ap.parse_args()
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    unnamed: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    listed = []
    for path in paths(args.own):
        comparison, key = compared(path, args.data_root)
        group = "own" if "gold-real" not in path.parts else pair_label(list(key.languages.values()))
        only = sum(1 for f in comparison.facts if f.only_one)
        table[group]["only-one facts"] += only
        for cause, name, article in causes(comparison, key):
            table[group][cause] += 1
            listed.append(f"{path.stem} {name} {article}: {cause}")
        for kind in unnamed_only(comparison, key):
            unnamed[group][kind] += 1
    groups = sorted(table)
    print("| cause of a false unique fact | " + " | ".join(groups) + " |")
    print("|---|" + "---|" * len(groups))
    for cause in CAUSES:
        print(f"| {cause} | " + " | ".join(str(table[g][cause]) for g in groups) + " |")
    total = [sum(table[g][c] for c in CAUSES) for g in groups]
    print("| **false unique facts** | " + " | ".join(f"**{n}**" for n in total) + " |")
    print()
    kinds = sorted({k for c in unnamed.values() for k in c})
    print(
        "| one-article fact the gold names no fact for, first statement's kind | " + " | ".join(groups) + " |"
    )
    print("|---|" + "---|" * len(groups))
    for kind in kinds:
        print(f"| {kind} | " + " | ".join(str(unnamed[g][kind]) for g in groups) + " |")
    print(
        "| **of all one-article facts** | "
        + " | ".join(f"**{sum(unnamed[g].values())} of {table[g]['only-one facts']}**" for g in groups)
        + " |"
    )
    if args.list:
        print("\n".join(["", *listed]))


if __name__ == "__main__":
    main()
