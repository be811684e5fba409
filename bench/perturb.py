"""Perturbation benchmark: a second "outlet" made from a real article, with the answers known.

From an article of ../shared/data/corpus-de it builds a variant: some sentences dropped (omissions),
the rest reordered within paragraphs and paraphrased by template, and — in most pairs — one number or
one weekday changed (a conflict). Comparing the original with the variant must find exactly the
changed statement as a conflict and exactly the dropped statements as facts only the original has.

Usage: python bench/perturb.py [--pairs 200] [--seed 7] [--format json]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from blickwinkel.analyse.entities import find_entities
from blickwinkel.analyse.quantities import find_quantities
from blickwinkel.ingest import read_text
from blickwinkel.model import Article, Comparison, Sentence
from blickwinkel.pipeline import compare_articles_text
from blickwinkel.text import split_sentences

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus-de" / "articles.jsonl"

WEEKDAYS = ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"]
_WEEKDAY = re.compile(r"\b(am|seit|vom|bis) (" + "|".join(WEEKDAYS) + r")\b")
# Paraphrase templates: swaps of reporting verbs and connectives that keep the meaning.
PARAPHRASES = [
    (r"\bsagte\b", "erklärte"),
    (r"\berklärte\b", "sagte"),
    (r"\bbetonte\b", "unterstrich"),
    (r"\bjedoch\b", "allerdings"),
    (r"\bzudem\b", "außerdem"),
    (r"\bbisher\b", "bislang"),
    (r"\bmehr als\b", "über"),
    (r"\brund\b", "etwa"),
    (r"\bbeispielsweise\b", "zum Beispiel"),
]
DROP_SHARE = 0.2


@dataclass
class Answer:
    """What the comparison of original and variant must find (offsets into the original's text)."""

    dropped: list[tuple[int, int]] = field(default_factory=list)
    conflict: tuple[int, int] | None = None
    change: str = "none"


def corpus_articles(limit: int) -> Iterator[Article]:
    with CORPUS.open(encoding="utf-8") as fh:
        for line_no, line in enumerate(fh, start=1):
            rec = json.loads(line)
            text = (rec.get("text") or "").strip()
            if not (1500 <= len(text) <= 6000):
                continue
            published = None
            raw = str(rec.get("date") or "")[:10]
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", raw):
                published = raw
            article = read_text(
                f"{rec.get('title') or 'Ohne Titel'}\n\n{text}",
                source=f"corpus-de:{line_no}",
                fmt="text",
                outlet=str(rec.get("outlet") or "original"),
            )
            if published:
                from datetime import date

                article = _with_date(article, date.fromisoformat(published))
            yield article
            limit -= 1
            if limit <= 0:
                return


def _with_date(article: Article, published: object) -> Article:
    from dataclasses import replace

    return replace(article, published=published)  # type: ignore[arg-type]


def _change_number(sentence: str, rng: random.Random) -> str | None:
    # Ranges are left alone: changing one end ("20 bis 14 Tage") makes a sentence no outlet writes.
    quantities = [q for q in find_quantities(sentence, "de") if q.unit and q.value >= 2 and q.upper is None]
    if not quantities:
        return None
    q = rng.choice(quantities)
    digits = re.search(r"\d[\d.,]*", q.text)
    if digits is None:
        return None
    factor = rng.choice([1.5, 2, 3, 0.5])
    new = max(1, round(q.value * factor))
    if new == q.value:
        new = int(q.value) + 7
    new_text = f"{new:,}".replace(",", ".")
    start = q.start + digits.start()
    return sentence[:start] + new_text + sentence[start + len(digits.group()) :]


def _change_weekday(sentence: str, rng: random.Random) -> str | None:
    m = _WEEKDAY.search(sentence)
    if m is None:
        return None
    other = rng.choice([d for d in WEEKDAYS if d != m.group(2)])
    return sentence[: m.start(2)] + other + sentence[m.end(2) :]


# Invented people: a changed name in the variant puts a different person into the same statement.
INVENTED_NAMES = ["Jana Ostermann", "Milan Brodtke", "Sevda Karaoglan", "Tomasz Wielgosz", "Ilka Rennefeld"]


def _change_name(article: Article, sentence: Sentence, rng: random.Random) -> str | None:
    people = [
        m
        for m in find_entities(article, [sentence])[0]
        if m.type == "PER" and sentence.text.count(m.text) == 1 and m.text.lower() != "ich"
    ]
    if not people:
        return None
    m = rng.choice(people)
    start = m.start - sentence.start
    return sentence.text[:start] + rng.choice(INVENTED_NAMES) + sentence.text[start + len(m.text) :]


def _paraphrase(sentence: str, rng: random.Random) -> str:
    for pattern, replacement in rng.sample(PARAPHRASES, k=3):
        sentence = re.sub(pattern, replacement, sentence, count=1)
    return sentence


def make_variant(article: Article, rng: random.Random) -> tuple[Article, Answer]:
    """The variant article and the answers, from one original."""
    sentences = [s for s in split_sentences(article) if article.blocks[s.block].kind in ("paragraph", "lead")]
    answer = Answer()
    body = list(range(len(sentences)))
    n_drop = max(1, round(DROP_SHARE * len(body)))
    dropped = set(rng.sample(body, k=min(n_drop, max(0, len(body) - 3))))
    answer.dropped = [(sentences[i].start, sentences[i].end) for i in sorted(dropped)]
    kept = [i for i in body if i not in dropped]
    texts = {i: _paraphrase(sentences[i].text, rng) for i in kept}
    mode = rng.choice(["number", "number", "weekday", "name", "none"])
    for i in rng.sample(kept, k=len(kept)):
        changed = None
        if mode == "number":
            changed = _change_number(sentences[i].text, rng)
        elif mode == "weekday" and article.published is not None:
            changed = _change_weekday(sentences[i].text, rng)
        elif mode == "name":
            changed = _change_name(article, sentences[i], rng)
        if changed is not None:
            texts[i] = changed
            answer.conflict = (sentences[i].start, sentences[i].end)
            answer.change = mode
            break
    paragraphs: dict[int, list[int]] = {}
    for i in kept:
        paragraphs.setdefault(sentences[i].block, []).append(i)
    out = []
    for members in paragraphs.values():
        order = members
        if len(members) > 2:
            head, tail = members[:1], members[1:]
            rng.shuffle(tail)
            order = head + tail
        out.append(" ".join(texts[i] for i in order))
    title = f"{article.title or 'Meldung'} (Variante)"
    variant = read_text(
        title + "\n\n" + "\n\n".join(out), source=f"{article.source}:variant", fmt="text", outlet="variant"
    )
    variant = _with_date(variant, article.published)
    return variant, answer


@dataclass
class Tally:
    conflict_tp: int = 0
    conflict_fp: int = 0
    conflict_fn: int = 0
    omission_tp: int = 0
    omission_fp: int = 0
    omission_fn: int = 0
    pairs: int = 0
    missed: list[str] = field(default_factory=list)
    recall_by_change: dict[str, list[int]] = field(default_factory=dict)

    def figures(self) -> dict[str, object]:
        def ratio(a: int, b: int) -> float:
            """a/b, and 1.0 when there was nothing to find."""
            return round(a / b, 4) if b else 1.0

        cp = ratio(self.conflict_tp, self.conflict_tp + self.conflict_fp)
        cr = ratio(self.conflict_tp, self.conflict_tp + self.conflict_fn)
        op = ratio(self.omission_tp, self.omission_tp + self.omission_fp)
        orr = ratio(self.omission_tp, self.omission_tp + self.omission_fn)
        of1 = round(2 * op * orr / (op + orr), 4) if op + orr else 0.0
        return {
            "pairs": self.pairs,
            "conflict_precision": cp,
            "conflict_recall": cr,
            "omission_precision": op,
            "omission_recall": orr,
            "omission_f1": of1,
            "conflict_recall_by_change": {
                k: round(v[0] / (v[0] + v[1]), 4) for k, v in sorted(self.recall_by_change.items())
            },
        }


def _inside(span: tuple[int, int], start: int, end: int) -> bool:
    return start < span[1] and end > span[0]


def score_pair(original: Article, cmp: Comparison, answer: Answer, tally: Tally) -> None:
    tally.pairs += 1
    statements = {s.id: s for s in cmp.statements}
    fact_articles = {sid: f.articles for f in cmp.facts for sid in f.statements}
    for s in cmp.articles[0].statements:
        if s.id not in fact_articles:
            continue
        dropped = any(_inside(span, s.start, s.end) for span in answer.dropped)
        unique = fact_articles[s.id] == (original.id,)
        if dropped and unique:
            tally.omission_tp += 1
        elif unique:
            tally.omission_fp += 1
        elif dropped:
            tally.omission_fn += 1
    found = False
    for c in cmp.conflicts:
        mine = [statements[sid] for sid in c.statements if statements[sid].article == original.id]
        hit = answer.conflict is not None and any(_inside(answer.conflict, s.start, s.end) for s in mine)
        if hit and not found:
            tally.conflict_tp += 1
            found = True
        elif not hit:
            tally.conflict_fp += 1
            texts = " | ".join(statements[sid].text[:90] for sid in c.statements)
            tally.missed.append(f"FALSE {c.kind}: {c.reason} :: {texts}")
    if answer.conflict is not None:
        tally.recall_by_change.setdefault(answer.change, [0, 0])[0 if found else 1] += 1
    if answer.conflict is not None and not found:
        tally.conflict_fn += 1
        tally.missed.append(f"{answer.change}: {original.text[answer.conflict[0] : answer.conflict[1]]}")


def run(pairs: int, seed: int, embedder: str = "use") -> Tally:
    rng = random.Random(seed)
    tally = Tally()
    for original in corpus_articles(pairs):
        variant, answer = make_variant(original, rng)
        cmp = compare_articles_text([original, variant], embedder=embedder)
        score_pair(original, cmp, answer, tally)
    return tally


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--show-misses", action="store_true", help="print the conflicts that were missed")
    args = parser.parse_args()
    if not CORPUS.is_file():
        print("skipped: ../shared/data/corpus-de is absent")
        return 0
    t0 = time.perf_counter()
    tally = run(args.pairs, args.seed)
    figures = tally.figures()
    if args.format == "json":
        print(json.dumps(figures))
    else:
        for key, value in figures.items():
            print(f"{key:<20} {value}")
        print(f"{'seconds':<20} {time.perf_counter() - t0:.1f}")
    if args.show_misses:
        for line in tally.missed:
            print("missed", line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
