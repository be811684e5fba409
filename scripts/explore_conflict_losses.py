"""Where each gold conflict of the real-news gold is lost (issue 11, item 4).

For every conflict a gold file lists, the comparison is run as ``eval compare`` runs it and the pair
of gold statements is followed through the conflict search:

- ``found``: the comparison reports it;
- ``not linked``: no link joins a statement of the one article's gold span to one of the other's,
  and no slot, figure, count or share index of ``compare.slots`` pairs them, so no check is asked;
- ``linked, not asked``: a link or an index pairs them, but not as each other's strong best match,
  so only the narrow checks were asked;
- ``no rule``: asked (or asked now, as if strongly linked), no check of ``compare.conflicts`` reads
  a difference;
- ``vetoed``: a check reads a difference when asked of the pair now, so what kept it out is a gate
  or a veto of the search (``either_stated_elsewhere``, ``_given_by_the_other``, a running count).

It prints one line per conflict (file, fact, articles, where it was lost, the link's score) and the
counts; no article text. Run from the repository root:

    PYTHONPATH=src python scripts/explore_conflict_losses.py examples/gold-real/*.json \\
        examples/gold-real/tune-conflicts/*.json --split tune --data-root ../shared/data
"""

from __future__ import annotations

import argparse
import collections
import itertools
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

import blickwinkel.compare as compare_module
from blickwinkel.compare import conflicts as conflict_search
from blickwinkel.compare.counted_values import whole_counts
from blickwinkel.compare.evaluate import RealGold, key_of_real_gold, real_comparison_errors
from blickwinkel.compare.parallel_wording import parallel
from blickwinkel.compare.slots import count_pairs, figure_pairs, share_pairs, slot_pairs
from blickwinkel.evaluation import gold_files_of_split, read_gold, read_gold_articles
from blickwinkel.pipeline import compare_articles_text

_CAUGHT: dict[str, Any] = {}
_FIND = conflict_search.find_conflicts


def _spy(facts: Any, statements: Any, links: Any, parts: Any) -> Any:
    _CAUGHT.update(facts=facts, statements=statements, links=links, parts=parts)
    return _FIND(facts, statements, links, parts)


def _asked_now(a: Any, b: Any, facts: Any, statements: Any) -> str | None:
    """The first check that reads a difference when the pair is asked as each other's strong best
    match, in one fact of both articles' statements."""
    fact_of = {sid: f for f in facts for sid in f.statements}
    both = tuple(sid for sid in statements if statements[sid].article in (a.article, b.article))
    fact = replace(fact_of.get(a.id) or facts[0], statements=both)
    hunks = parallel(a, b, None, None)
    if hunks == []:
        return None
    pair = conflict_search._Pair(a, b, None, None, None, fact, statements, hunks, True)
    detectors = [
        row.detect for row in conflict_search._DETECTORS if row.detect is not conflict_search._speaker_clash
    ]
    for detect in detectors:
        clash = detect(pair)
        if clash is not None:
            return f"{detect.__name__ if hasattr(detect, '__name__') else 'check'}: {clash.what}"
    return None


def diagnose(path: Path, data_root: Path) -> list[dict[str, Any]]:
    gold = read_gold(path)
    if not isinstance(gold, RealGold) or not gold.conflicts:
        return []
    articles, raw = read_gold_articles(gold, data_root)
    comparison = compare_articles_text(articles)
    facts, statements, links, parts = (_CAUGHT[k] for k in ("facts", "statements", "links", "parts"))
    key = key_of_real_gold(gold, comparison, raw)
    # found as ``eval compare`` credits it (a restatement no gold fact names may stand in)
    missed = set(real_comparison_errors(gold, comparison, raw).get("missed_conflicts", []))
    index = {
        "slot": slot_pairs,
        "figure": figure_pairs,
        "count": count_pairs,
        "share": share_pairs,
    }
    placed = [statements[sid] for sid in sorted(statements) if any(sid in f.statements for f in facts)]
    with whole_counts(list(statements.values())):
        indexed = {name: {frozenset((a.id, b.id)) for a, b in pairs(placed)} for name, pairs in index.items()}
        rows = []
        for name, arts in sorted(key.conflicts, key=lambda c: (c[0], sorted(c[1]))):
            x, y = sorted(arts)
            pairs = list(itertools.product(sorted(key.located[(name, x)]), sorted(key.located[(name, y)])))
            row: dict[str, Any] = {"file": path.name, "fact": name, "articles": f"{x}-{y}"}
            if f"{name}: {x} vs {y}" not in missed:
                row["where"] = "found"
                rows.append(row)
                continue
            best = None
            for sa, sb in pairs:
                part = parts.get((sa, sb)) or parts.get((sb, sa))
                if part is not None and (best is None or part.score > best.score):
                    best = part
            linked = any({k.a, k.b} == {sa, sb} for k in links for sa, sb in pairs)
            in_index = sorted({n for n, found in indexed.items() for p in pairs if frozenset(p) in found})
            strong = (
                best is not None
                and linked
                and best.mutual
                and best.names >= 0
                and best.score >= conflict_search.CONFLICT_MIN_SCORE
            )
            now = next(
                (
                    r
                    for sa, sb in pairs
                    if (r := _asked_now(statements[sa], statements[sb], facts, statements))
                ),
                None,
            )
            if not linked and not in_index:
                where = "not linked"
            elif not strong and now is not None:
                where = "linked, not asked"
            elif now is None:
                where = "no rule"
            else:
                where = "vetoed"
            row.update(
                where=where,
                linked=linked,
                mutual=bool(best and best.mutual),
                score=round(best.score, 3) if best else None,
                names=best.names if best else None,
                index=in_index,
                check_now=now,
            )
            rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_files", nargs="+", type=Path)
    parser.add_argument("--split", default=None)
    parser.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    parser.add_argument("--json", action="store_true", help="one JSON object per conflict")
    args = parser.parse_args(argv)
    # replaced for this run (compare/__init__.py imports it without exporting it)
    compare_module.find_conflicts = _spy  # type: ignore[attr-defined]
    tally: collections.Counter[str] = collections.Counter()
    for path in gold_files_of_split(args.gold_files, args.split):
        for row in diagnose(path, args.data_root):
            tally[row["where"]] += 1
            print(
                json.dumps(row, ensure_ascii=False) if args.json else "  ".join(f"{v}" for v in row.values())
            )
            sys.stdout.flush()
    print(dict(tally))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
