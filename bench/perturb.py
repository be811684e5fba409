"""Perturbation benchmark for conflicts, with cases made independently of what it measures.

A case is a real article and a copy of it with one thing changed in one sentence, the rest kept word
for word. The changes are found and made with plain regular expressions over the raw text, never with
blickwinkel's analysers (nothing from blickwinkel is imported to make a case):

- ``number_plain``  an amount not followed by a unit word ("47 MPs", "200 Menschen", "um 3 gestiegen")
- ``number_unit``   an amount followed by a unit word from ``UNIT_WORDS`` or after a currency sign
- ``number_quote``  an amount inside quotation marks
- ``weekday``       a weekday word replaced by another
- ``month``         a month word in a date replaced by another
- ``name``          a run of capitalised name tokens mid-sentence replaced by an invented name
- ``control_copy``  no change at all (precision)
- ``control_typography``  quotes, apostrophes and dashes of one sentence swapped for their other
                    typographic forms (’ for ', “…” for "…", – for -): the same words, so no conflict

An amount is any digit group except years (1800-2099 on their own), dates and clock times, codes
("COVID-19", "A320"), phone-like numbers (leading 0, seven or more digits) and German ordinals
("3. Platz"); it becomes a clearly different amount (times 2 or 3, or plus 2-5 for small numbers).

The comparison (blickwinkel's public ``compare_articles`` on articles read with ``read_text``) then
must report a conflict on the changed sentence: a conflict counts as found when one of its statements
in the original and one in the copy contain the changed characters. Every other conflict is false.
Recall is given per change type; precision over all conflicts of all cases, controls included.

Source text, read at run time and never stored: German articles from ``../shared/data/corpus-de``
and English articles from ``../shared/data/story-clusters/wikinews-en-dev.json``, alternating. Each
article is cut after about 2,500 characters at a sentence end.

Split: every source article belongs to part A or part B by a CRC32 of its URL (even: A, odd: B), so
the two parts never share an article. Anything chosen while looking at results is chosen on part A;
reported and pinned figures come from part B (``--split B``, the default).

Usage: python bench/perturb.py [--pairs 200] [--seed 7] [--split B] [--format json] [--show-misses]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BLICKWINKEL_SHARED", ROOT.parent / "shared"))
CORPUS_DE = SHARED / "data" / "corpus-de" / "articles.jsonl"
WIKINEWS_EN = SHARED / "data" / "story-clusters" / "wikinews-en-dev.json"

CHANGE_TYPES = (
    "number_plain",
    "number_unit",
    "number_quote",
    "weekday",
    "month",
    "name",
    "control_copy",
    "control_typography",
)
CONTROLS = frozenset({"control_copy", "control_typography"})
MAX_CHARS = 2500

# --- Case generation: plain regular expressions only ---------------------------------------------

WEEKDAYS = {
    "de": ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"],
    "en": ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
}
MONTHS = {
    "de": [
        "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
        "November", "Dezember",
    ],
    "en": [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December",
    ],
}  # fmt: skip
ALL_MONTHS = "|".join(MONTHS["de"] + MONTHS["en"] + ["Jänner", "Sept"])
# Words after an amount that make it a measured amount ("number with unit"); our own list.
UNIT_WORDS = (
    "%|Prozent|Prozentpunkte|percent|per cent|percentage points|Euro|€|EUR|Dollar|US-Dollar|dollars|"
    "USD|Franken|CHF|Pfund|pounds|£|Kilometer|Kilometern|km|kilometres|kilometers|miles|Meter|Metern|"
    "metres|meters|m|Zentimeter|cm|Tonnen|tonnes|tons|kg|Kilogramm|Kilo|Grad|degrees|Millionen|"
    "Milliarden|Mio\\.|Mrd\\.|million|billion|Stunden|hours|Minuten|minutes|Tage|Tagen|days|Wochen|"
    "weeks|Monate|Monaten|months|Jahre|Jahren|years|Liter|litres|liters|Hektar|hectares"
)
_AMOUNT = re.compile(
    # not glued to a letter, hyphen, slash or another number ("COVID-19", "A320", "1/2", "2.3.4")
    r"(?<![\w\-/.,:'’])(?P<num>\d{1,3}(?:[.,'’ ]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?)(?![\w\-/]|[.,:]\d)"
)
_UNIT_AFTER = re.compile(rf"\s?(?:{UNIT_WORDS})(?![\w])")
_CURRENCY_BEFORE = re.compile(r"(?:\$|€|£|US\$|CHF|EUR)\s?$")
_DATE_OR_TIME_AFTER = re.compile(
    rf"\.\s?(?:{ALL_MONTHS})\b|\s?(?:{ALL_MONTHS})\b|\s?Uhr\b|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|GMT|BST)|\.\d"
)
_RANGE_AFTER = re.compile(r"\s?(?:-|–|bis|to|und|and|oder|or)\s?\d")
_MONTH_BEFORE = re.compile(rf"(?:{ALL_MONTHS})\.?\s$")
_NEW_SENTENCE = re.compile(
    r"\.(?:\s|$)(?:$|Die|Der|Das|Ein|Eine|Er|Sie|Es|Dann|Doch|Aber|Auch|The|He|She|It|They|But|In|Im|Am)\b"
)
_QUOTE = re.compile(r"[„“\"«»]([^„“\"«»\n]{3,600})[“”\"«»]")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS["de"] + WEEKDAYS["en"]) + r")\b")
_MONTH_IN_DATE = re.compile(
    rf"(?:\d{{1,2}}\.?\s)(?P<a>{ALL_MONTHS})\b|\b(?P<b>{ALL_MONTHS})\s\d"
    rf"|\b(?:im|in|seit|since|until|bis|Anfang|Ende|Mitte|early|late)\s(?P<c>{ALL_MONTHS})\b"
)
# Common given names, our own list: in German text a name change needs one of them to start the name.
GIVEN_NAMES = (
    "Alexander Andrea Andreas Angela Anna Annalena Armin Barbara Bernd Birgit Christian Christine "
    "Christof Christoph Claudia Daniel David Dieter Elisabeth Emmanuel Frank Franz Friedrich Gabriele "
    "Georg Gerhard Hans Heiko Heinz Helmut Horst Jan Jens Joachim Johannes Jörg Josef Julia Jürgen Karl "
    "Karin Karl Katarina Katrin Klaus Kurt Lars Manuela Maria Markus Martin Matthias Michael Monika "
    "Nicole Olaf Peter Petra Philipp Ralf Robert Sabine Sahra Sandra Sebastian Stefan Stephan Susanne "
    "Thomas Thorsten Ulrich Ursula Uwe Volker Werner Wolfgang"
).split()
_NAME = {
    # one to three capitalised tokens after a lower-case word, i.e. not at a sentence start
    "en": re.compile(r"(?<=[a-z,;] )(?P<name>[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?![\w-])"),
    # German capitalises every noun: a common given name and a capitalised word mid-sentence
    "de": re.compile(
        r"(?<=[a-zäöüß,;] )(?P<name>(?:GIVEN) [A-ZÄÖÜ][a-zäöüß]+)(?= [a-zäöüß]|[,;.:]\s)".replace(
            "GIVEN", "|".join(GIVEN_NAMES)
        )
    ),
}
# "a Russian team", "die Deutsche Bahn": adjectives of peoples and places are no names.
_DEMONYM = re.compile(r"(?:ian|ean|ican|ish|ese|sche[nmrs]?|ische[nmrs]?)$")
_NOT_NAMES = frozenset(WEEKDAYS["de"] + WEEKDAYS["en"] + MONTHS["de"] + MONTHS["en"] + ["I"])
# Invented for this benchmark: people who appear in no source article.
INVENTED_NAMES = ["Jana Ostermann", "Milan Brodtke", "Sevda Karaoglan", "Tomasz Wielgosz", "Ilka Rennefeld"]
INVENTED_SURNAMES = ["Ostermann", "Brodtke", "Karaoglan", "Wielgosz", "Rennefeld"]
_TYPOGRAPHY = {"'": "’", "’": "'", "-": "–", "–": "-", "“": '"', "”": '"', "„": '"'}
_TYPOGRAPHIC = re.compile(r"[\"'’“”„]|(?<= )[-–](?= )")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+[\"“”»«']?|$)")


@dataclass(frozen=True)
class Source:
    """One source article: where it comes from, its language, title and (cut) text."""

    key: str
    language: str
    title: str
    text: str


@dataclass(frozen=True)
class Case:
    """An original text and its changed copy; ``start``/``end`` index the change in each text."""

    source: Source
    change: str
    changed_text: str
    start: int
    end: int
    new_end: int
    before: str
    after: str


def _cut(text: str) -> str:
    text = re.sub(r"[^\S\n]+", " ", text).strip()
    text = re.sub(r" ?\n ?", "\n", text)
    text = re.sub(r"\n{2,}", "\n\n", text)
    if len(text) <= MAX_CHARS:
        return text
    end = max(text.rfind(". ", 0, MAX_CHARS), text.rfind(".\n", 0, MAX_CHARS))
    return text[: end + 1] if end > 500 else text[:MAX_CHARS]


def split_of(key: str) -> str:
    """Part A or B of a source article, fixed by its URL."""
    return "A" if zlib.crc32(key.encode("utf-8")) % 2 == 0 else "B"


def load_sources(split: str) -> dict[str, list[Source]]:
    """The source articles of one part, by language, in file order."""
    found: dict[str, list[Source]] = {"de": [], "en": []}
    if CORPUS_DE.is_file():
        with CORPUS_DE.open(encoding="utf-8") as fh:
            for line_no, line in enumerate(fh, start=1):
                rec = json.loads(line)
                text = str(rec.get("text") or "")
                key = str(rec.get("url") or f"corpus-de:{line_no}")
                if len(text) >= 800 and split_of(key) == split:
                    found["de"].append(Source(key, "de", str(rec.get("title") or "Meldung"), _cut(text)))
    if WIKINEWS_EN.is_file():
        events = json.loads(WIKINEWS_EN.read_text(encoding="utf-8"))
        for e_no, event in enumerate(events):
            for a_no, art in enumerate(event.get("articles", [])):
                text = str(art.get("text") or "")
                key = str(art.get("ext_url") or f"wikinews:{e_no}:{a_no}")
                if len(text) >= 800 and split_of(key) == split:
                    found["en"].append(Source(key, "en", str(art.get("title") or "Report"), _cut(text)))
    return found


def _inside_quote(text: str, start: int) -> bool:
    return any(m.start(1) <= start < m.end(1) for m in _QUOTE.finditer(text))


def _amounts(text: str) -> Iterator[tuple[re.Match[str], bool]]:
    """Every amount in ``text`` and whether a unit word follows it (or a currency sign precedes)."""
    for m in _AMOUNT.finditer(text):
        num = m.group("num")
        plain = re.sub(r"\D", "", num)
        start, end = m.span("num")
        if re.fullmatch(r"\d{4}", num) and 1800 <= int(num) <= 2099:
            continue  # a year
        if (plain.startswith("0") and len(plain) > 1) or (num.isdigit() and len(num) >= 7):
            continue  # a phone number or an identifier
        if _RANGE_AFTER.match(text, end):
            continue  # the first end of a range: changed alone it makes "165 bis 65"
        if _DATE_OR_TIME_AFTER.match(text, end) or _MONTH_BEFORE.search(text, max(0, start - 12), start):
            continue  # a date or a clock time
        ordinal = num.isdigit() and len(num) <= 3 and text[end : end + 1] == "."
        if ordinal and not _sentence_ends_at(text, end):
            continue  # an ordinal: "3. Platz", "am 3. des Monats"
        unit = bool(_UNIT_AFTER.match(text, end)) or bool(
            _CURRENCY_BEFORE.search(text, max(0, start - 4), start)
        )
        yield m, unit


def _sentence_ends_at(text: str, end: int) -> bool:
    """ "Es waren 30. Dann …": a number before a full stop and a new sentence is no ordinal."""
    return bool(_NEW_SENTENCE.match(text, end))


def _new_amount(num: str, rng: random.Random) -> str:
    """A clearly different amount written the way the original was."""
    decimal = None
    if re.search(r",\d{1,2}$", num) and not re.search(r",\d{3}$", num):
        decimal = ","
    elif re.search(r"\.\d{1,2}$", num) and not re.search(r"\.\d{3}$", num):
        decimal = "."
    if decimal is not None:
        whole, frac = num.rsplit(decimal, 1)
        value = float(re.sub(r"\D", "", whole) + "." + frac)
        new = value * rng.choice([2, 3])
        return f"{new:.{len(frac)}f}".replace(".", decimal)
    value_int = int(re.sub(r"\D", "", num))
    new_int = value_int + rng.randint(2, 5) if value_int < 10 else value_int * rng.choice([2, 3])
    sep = re.search(r"\d([.,'’ ])\d{3}", num)
    if sep is not None:
        return f"{new_int:,}".replace(",", sep.group(1))
    return str(new_int)


def _candidates(source: Source, change: str) -> list[tuple[int, int]]:
    text = source.text
    if change in ("number_plain", "number_unit", "number_quote"):
        spans = []
        for m, unit in _amounts(text):
            quoted = _inside_quote(text, m.start("num"))
            kind = "number_quote" if quoted else ("number_unit" if unit else "number_plain")
            if kind == change:
                spans.append(m.span("num"))
        return spans
    if change == "weekday":
        return [m.span(1) for m in _WEEKDAY.finditer(text)]
    if change == "month":
        spans = []
        for m in _MONTH_IN_DATE.finditer(text):
            group = next(g for g in ("a", "b", "c") if m.group(g) is not None)
            spans.append(m.span(group))
        return spans
    if change == "name":
        spans = []
        for m in _NAME[source.language].finditer(text):
            tokens = m.group("name").split()
            if any(t in _NOT_NAMES or _DEMONYM.search(t) for t in tokens) or text.count(m.group("name")) > 3:
                continue
            spans.append(m.span("name"))
        return spans
    if change == "control_typography":
        spans = []
        for m in _SENTENCE.finditer(text):
            if _TYPOGRAPHIC.search(m.group()):
                spans.append(m.span())
        return spans
    if change == "control_copy":
        sentences = [m.span() for m in _SENTENCE.finditer(text) if len(m.group().strip()) > 40]
        return sentences
    raise ValueError(f"unknown change type {change!r}")


def _replacement(source: Source, change: str, old: str, rng: random.Random) -> str:
    if change.startswith("number"):
        return _new_amount(old, rng)
    if change == "weekday":
        days = WEEKDAYS[source.language]
        return rng.choice([d for d in days if d != old])
    if change == "month":
        months = MONTHS[source.language]
        return rng.choice([m for m in months if m != old])
    if change == "name":
        pool = INVENTED_NAMES if " " in old else INVENTED_SURNAMES
        return rng.choice([n for n in pool if n not in source.text])
    if change == "control_typography":
        return _TYPOGRAPHIC.sub(lambda m: _TYPOGRAPHY.get(m.group(), m.group()), old)
    return old


def make_case(source: Source, change: str, rng: random.Random) -> Case | None:
    """The case of one change type on one source article, or None when the article offers none."""
    spans = _candidates(source, change)
    if not spans:
        return None
    start, end = rng.choice(spans)
    old = source.text[start:end]
    new = _replacement(source, change, old, rng)
    if change not in CONTROLS and new == old:
        return None
    changed = source.text[:start] + new + source.text[end:]
    before = source.text[max(0, start - 40) : start]
    return Case(source, change, changed, start, end, start + len(new), before, new)


def make_cases(pairs: int, seed: int, split: str) -> list[Case]:
    """``pairs`` cases, the change types in turn, German and English in turn, each article used once."""
    rng = random.Random(seed)
    sources = load_sources(split)
    for items in sources.values():
        rng.shuffle(items)
    cases: list[Case] = []
    position = dict.fromkeys(sources, 0)
    for n in range(pairs):
        change = CHANGE_TYPES[n % len(CHANGE_TYPES)]
        languages = ["de", "en"] if (n // len(CHANGE_TYPES)) % 2 == 0 else ["en", "de"]
        made = None
        for language in languages:
            pool = sources[language]
            while made is None and position[language] < len(pool):
                made = make_case(pool[position[language]], change, rng)
                position[language] += 1
            if made is not None:
                break
        if made is not None:
            cases.append(made)
    return cases


# --- Running the comparison and scoring ----------------------------------------------------------


@dataclass
class Tally:
    found: dict[str, int] = field(default_factory=dict)
    cases: dict[str, int] = field(default_factory=dict)
    true_positives: int = 0
    false_positives: int = 0
    unplaced: int = 0
    notes: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, object]:
        changed = [c for c in self.cases if c not in CONTROLS]
        n_changed = sum(self.cases[c] for c in changed)
        n_found = sum(self.found.get(c, 0) for c in changed)
        reported = self.true_positives + self.false_positives
        return {
            "pairs": sum(self.cases.values()),
            "conflict_recall": round(n_found / n_changed, 4) if n_changed else 1.0,
            "conflict_precision": round(self.true_positives / reported, 4) if reported else 1.0,
            "false_conflicts": self.false_positives,
            "unplaced": self.unplaced,
            "recall_by_change": {
                c: round(self.found.get(c, 0) / self.cases[c], 4) for c in CHANGE_TYPES if c in changed
            },
            "cases_by_change": {c: self.cases[c] for c in CHANGE_TYPES if c in self.cases},
        }


def run(pairs: int, seed: int, split: str = "B", embedder: str | None = None) -> Tally:
    """Make the cases, compare each pair with blickwinkel and tally what it reports."""
    from blickwinkel.analyse.pipeline import analyse_articles
    from blickwinkel.compare import compare_articles
    from blickwinkel.config import DEFAULT_EMBEDDER
    from blickwinkel.embed import get_embedder
    from blickwinkel.ingest import read_text

    model = get_embedder(embedder or DEFAULT_EMBEDDER)
    tally = Tally()
    for n, case in enumerate(make_cases(pairs, seed, split)):
        title = case.source.title
        original = read_text(f"{title}\n\n{case.source.text}", source=f"original-{n}", fmt="text", outlet="a")
        copy = read_text(f"{title}\n\n{case.changed_text}", source=f"copy-{n}", fmt="text", outlet="b")
        spans = _locate(original.text, case.before, case.source.text[case.start : case.end])
        spans_copy = _locate(copy.text, case.before, case.after)
        if spans is None or spans_copy is None:
            tally.unplaced += 1
            continue
        comparison = compare_articles(analyse_articles([original, copy]), model)
        by_id = {s.id: s for s in comparison.statements}
        tally.cases[case.change] = tally.cases.get(case.change, 0) + 1
        hit = False
        for conflict in comparison.conflicts:
            mine = [by_id[sid] for sid in conflict.statements]
            on_change = (
                case.change not in CONTROLS
                and any(s.article == original.id and s.start < spans[1] and s.end > spans[0] for s in mine)
                and any(
                    s.article == copy.id and s.start < spans_copy[1] and s.end > spans_copy[0] for s in mine
                )
            )
            if on_change:
                if not hit:
                    tally.true_positives += 1
                hit = True
            else:
                tally.false_positives += 1
                tally.notes.append(f"FALSE {case.change} {conflict.kind}: {conflict.reason}")
        if hit:
            tally.found[case.change] = tally.found.get(case.change, 0) + 1
        elif case.change not in CONTROLS:
            around = case.changed_text[max(0, case.start - 120) : case.new_end + 80].replace("\n", " ")
            tally.notes.append(f"MISSED {case.change} {case.after!r}: …{around}…")
    return tally


def _locate(text: str, before: str, token: str) -> tuple[int, int] | None:
    """Where ``before + token`` stands in ``text`` (the article text after reading), once."""
    needle = before + token
    at = text.find(needle)
    if at < 0 or text.find(needle, at + 1) >= 0:
        return None
    return at + len(before), at + len(needle)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--pairs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--split", choices=["A", "B"], default="B", help="A to tune on, B to report")
    parser.add_argument("--embedder", default=None, help="an embedder name; default: the settings' default")
    parser.add_argument("--format", choices=["text", "json"], default="text")
    parser.add_argument("--show-misses", action="store_true", help="print missed and false conflicts")
    args = parser.parse_args()
    if not (CORPUS_DE.is_file() or WIKINEWS_EN.is_file()):
        print("skipped: ../shared/data is absent (set BLICKWINKEL_SHARED to its folder)")
        return 0
    t0 = time.perf_counter()
    tally = run(args.pairs, args.seed, args.split, args.embedder)
    figures = tally.figures()
    if args.format == "json":
        print(json.dumps(figures))
    else:
        print(f"split {args.split}, seed {args.seed}, embedder {args.embedder or 'default'}")
        for key, value in figures.items():
            print(f"{key:<20} {value}")
        print(f"{'seconds':<20} {time.perf_counter() - t0:.1f}")
    if args.show_misses:
        for line in tally.notes:
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
