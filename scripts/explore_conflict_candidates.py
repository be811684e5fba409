"""Which pairs of statements are worth comparing for a conflict, apart from the fact links (issue 11,
item 4).

For every pair of statements of two articles of an event (those the comparison placed in a fact),
each general means of pairing is asked whether it pairs them:

- ``linked``: a link of the comparison joins them;
- ``indexed``: an index of ``compare.slots`` pairs them (one slot, a figure after the same words, two
  counts tied to one report, a share);
- ``odd``: ``slots.odd_figure_pairs`` (the one figure of a counted thing each article gives apart from
  those both give alike);
- ``count``: both count one thing (a counted noun's unit key in common);
- ``figure_words``: a content word within three words of a figure in both (parallel wording around
  the number);
- ``slot``: one weekday, place or person/organisation in both and two content words besides;
- ``e5>=F``: e5 cosine of the two statements' content parts (the statement without its attribution
  frame, ``compare.frames``) at least F, for a few loose floors.

It prints, per means, how many gold conflicts (any pair of their two articles' gold statements), how
many of the conflicts the comparison misses, how many near-misses and how many other pairs it pairs;
no article text. Run from the repository root:

    PYTHONPATH=src python scripts/explore_conflict_candidates.py examples/gold-real/*.json \\
        examples/gold-real/tune-conflicts/*.json --split tune --data-root ../shared/data
"""

from __future__ import annotations

import argparse
import collections
import itertools
import re
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

import blickwinkel.compare as compare_module
from blickwinkel.compare import conflicts as conflict_search
from blickwinkel.compare.clashes import weekdays
from blickwinkel.compare.counted_values import whole_counts
from blickwinkel.compare.evaluate import RealGold, key_of_real_gold, real_comparison_errors
from blickwinkel.compare.frames import content_of
from blickwinkel.compare.similarity import STOPWORDS, fold
from blickwinkel.compare.slots import (
    count_pairs,
    counts,
    figure_pairs,
    odd_figure_pairs,
    share_pairs,
    slot_pairs,
)
from blickwinkel.embed import get_embedder
from blickwinkel.evaluation import gold_files_of_split, read_gold, read_gold_articles
from blickwinkel.model import Statement
from blickwinkel.pipeline import compare_articles_text

_CAUGHT: dict[str, Any] = {}
_FIND = conflict_search.find_conflicts
E5_FLOORS = (0.80, 0.84, 0.88, 0.92)
_WORD = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")


def _spy(facts: Any, statements: Any, links: Any, parts: Any) -> Any:
    _CAUGHT.update(facts=facts, statements=statements, links=links, parts=parts)
    return _FIND(facts, statements, links, parts)


def _figure_words(s: Statement) -> set[str]:
    """Content words within three words of a figure."""
    words = _WORD.findall(s.text)
    near: set[str] = set()
    for i, w in enumerate(words):
        if _DIGIT.search(w):
            for x in words[max(0, i - 3) : i + 4]:
                folded = fold(x)
                if not _DIGIT.search(x) and len(folded) > 2 and folded not in STOPWORDS:
                    near.add(folded)
    return near


def _content_words(s: Statement) -> set[str]:
    words = s.lemmas or tuple(_WORD.findall(s.text))
    names = {fold(w) for m in s.entities for w in _WORD.findall(m.text)}
    return {f for w in words if len(f := fold(w)) > 2 and f not in STOPWORDS and f not in names}


def _anchors(s: Statement) -> set[tuple[str, object]]:
    return {("day", d) for d, _ in weekdays(s)} | {
        (m.type, m.key) for m in s.entities if m.type in ("PER", "ORG", "LOC")
    }


def _e5(statements: Sequence[Statement]) -> dict[str, np.ndarray]:
    texts = []
    for s in statements:
        content = content_of(s.text)
        texts.append(content[1] if content else s.text)
    rows = np.asarray(get_embedder("e5").encode(texts), dtype=np.float32)
    rows /= np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
    return {s.id: r for s, r in zip(statements, rows, strict=True)}


def _index(
    pairs: Callable[[Sequence[Statement]], Sequence[tuple[Statement, Statement]]], placed: Any
) -> set[Any]:
    return {frozenset((a.id, b.id)) for a, b in pairs(placed)}


def measure(path: Path, data_root: Path, tally: dict[str, collections.Counter[str]]) -> None:
    gold = read_gold(path)
    if not isinstance(gold, RealGold) or not (gold.conflicts or gold.near_misses):
        return
    articles, raw = read_gold_articles(gold, data_root)
    comparison = compare_articles_text(articles)
    facts, statements, links = (_CAUGHT[k] for k in ("facts", "statements", "links"))
    key = key_of_real_gold(gold, comparison, raw)
    missed = set(real_comparison_errors(gold, comparison, raw).get("missed_conflicts", []))
    placed = [statements[sid] for sid in sorted(statements) if any(sid in f.statements for f in facts)]
    linked = {frozenset((k.a, k.b)) for k in links}
    with whole_counts(list(statements.values())):
        indexed = set().union(
            *(_index(p, placed) for p in (slot_pairs, figure_pairs, count_pairs, share_pairs))
        )
        odd = _index(odd_figure_pairs, placed)
        counted = {s.id: {k for k, _ in counts(s)} for s in placed}
    near_number = {s.id: _figure_words(s) for s in placed}
    words = {s.id: _content_words(s) for s in placed}
    anchors = {s.id: _anchors(s) for s in placed}
    e5 = _e5(placed)

    def means(a: Statement, b: Statement) -> set[str]:
        pair = frozenset((a.id, b.id))
        found = {n for n, index in (("linked", linked), ("indexed", indexed), ("odd", odd)) if pair in index}
        if counted[a.id] & counted[b.id]:
            found.add("count")
        if near_number[a.id] & near_number[b.id]:
            found.add("figure_words")
        if anchors[a.id] & anchors[b.id] and len(words[a.id] & words[b.id]) >= 2:
            found.add("slot")
        cosine = float(e5[a.id] @ e5[b.id])
        found.update(f"e5>={floor:.2f}" for floor in E5_FLOORS if cosine >= floor)
        return found

    gold_pairs: dict[tuple[str, str, str], set[frozenset[str]]] = {}
    for label, listed in (("conflict", key.conflicts), ("near_miss", key.near_misses)):
        for name, arts in listed:
            x, y = sorted(arts)
            gold_pairs[(label, name, f"{x} vs {y}")] = {
                frozenset(p) for p in itertools.product(key.located[(name, x)], key.located[(name, y)])
            }
    in_gold = set().union(*gold_pairs.values()) if gold_pairs else set()
    by_id = {s.id: s for s in placed}
    for (label, name, between), pairs in gold_pairs.items():
        reached: set[str] = set()
        for pair in pairs:
            a, b = (by_id.get(sid) for sid in sorted(pair))
            if a is not None and b is not None:
                reached |= means(a, b)
        groups = [label] + (["missed"] if label == "conflict" and f"{name}: {between}" in missed else [])
        for group in groups:
            tally[group]["(all)"] += 1
            for m in reached:
                tally[group][m] += 1
    for a, b in itertools.combinations(placed, 2):
        if a.article != b.article and frozenset((a.id, b.id)) not in in_gold:
            tally["other pairs"]["(all)"] += 1
            for m in means(a, b):
                tally["other pairs"][m] += 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("gold_files", nargs="+", type=Path)
    parser.add_argument("--split", default=None)
    parser.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    args = parser.parse_args(argv)
    # replaced for this run (compare/__init__.py imports it without exporting it)
    compare_module.find_conflicts = _spy  # type: ignore[attr-defined]
    tally: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for path in gold_files_of_split(args.gold_files, args.split):
        measure(path, args.data_root, tally)
    _print(tally)
    return 0


def _print(tally: Mapping[str, collections.Counter[str]]) -> None:
    groups = ("conflict", "missed", "near_miss", "other pairs")
    names = sorted({m for g in groups for m in tally[g] if m != "(all)"})
    print("means".ljust(16) + "".join(f"{g} ({tally[g]['(all)']})".rjust(20) for g in groups))
    for m in names:
        print(m.ljust(16) + "".join(str(tally[g][m]).rjust(20) for g in groups))


if __name__ == "__main__":
    raise SystemExit(main())
