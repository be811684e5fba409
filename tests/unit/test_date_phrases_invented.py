"""Every language's date reader on many invented date phrases, against the answers it gave when they
were recorded (tests/fixtures/dates-invented.json).

The phrases are made here from the month and weekday tables (text/months.py, text/weekdays.py) and
from qualifiers written for this test: every month and weekday word, lower and capitalised, in the
shapes each language writes dates in, against two anchors and none. It was recorded before the
reader's patterns were built from one table per language and holds them to the same matches.

After a deliberate change of what the date reader finds, write the file anew and review its diff:
``PYTHONPATH=src python tests/unit/test_date_phrases_invented.py --write``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sys
from pathlib import Path
from typing import Any

from blickwinkel.analyse.dates import READ_LANGUAGES, find_dates
from blickwinkel.text.months import month_numbers
from blickwinkel.text.weekdays import weekday_numbers

RECORDED = Path(__file__).resolve().parents[1] / "fixtures" / "dates-invented.json"
ANCHORS = (dt.date(2031, 3, 12), dt.date(2029, 12, 30), None)

# Words written before or after a date in each language, and filler that carries a tense; our own.
_BEFORE = {
    "de": ["am", "seit", "bis", "ab", "vom", "im", "Anfang", "Mitte", "Ende", "im vergangenen", "kommenden",
           ""],
    "en": ["on", "since", "until", "by", "in", "early", "mid", "late", "last", "this", "next", "of", ""],
    "fr": ["le", "en", "depuis", "début", "fin", "ce", "dès", ""],
    "es": ["el", "en", "desde", "el próximo", "el pasado", "este", "desde el", ""],
    "it": ["il", "l'", "a", "in", "da", "dal", "nel", "fino a", "lo scorso", "la prossima", "questo", ""],
    "pt": ["no", "na", "o", "a", "em", "desde", "na última", "no próximo", "nesta", "neste", "desde o", ""],
    "nl": ["op", "in", "sinds", "begin", "eind", "half", "afgelopen", "vorige", "komende", "deze", ""],
}  # fmt: skip
_AFTER = {
    "de": ["", "abend", "morgen", "früh"],
    "en": ["", " morning", " night"],
    "fr": ["", " dernier", " prochain", " matin", " soir"],
    "es": ["", " pasado", " próximo", " que viene"],
    "it": ["", " scorso", " prossima"],
    "pt": ["", " passada", " passado", " que vem"],
    "nl": ["", "avond", "ochtend", "middag"],
}  # fmt: skip
_DAY_MONTH = {
    "de": ["{d}. {m}", "{d}. {m} {y}", "{w}, {d}. {m} {y}", "{w}, den {d}. {m}", "{m} {y}", "{d}.{n}.{y}",
           "{d}.{n}."],
    "en": ["{d} {m}", "{d}th of {m} {y}", "{m} {d}, {y}", "{w}, {m} {d}", "{m} {y}", "{w}, {d} {m}"],
    "fr": ["{d} {m}", "{d}er {m} {y}", "{w} {d} {m} {y}", "{m} {y}", "{d}/{n}/{y}"],
    "es": ["{d} de {m}", "{d} de {m} de {y}", "{w}, {d} de {m} del {y}", "{m} de {y}", "{d}/{n}/{y}"],
    "it": ["{d} {m}", "{d}º {m} {y}", "{w} {d} {m}", "{m} del {y}", "{m} {y}", "{d}/{n}/{y}"],
    "pt": ["{d} de {m}", "{d}º de {m} de {y}", "{w}, {d} de {m}", "{m} de {y}", "{d}/{n}/{y}"],
    "nl": ["{d} {m}", "{d} {m} {y}", "{w} {d} {m} {y}", "{m} {y}", "{d}-{n}-{y}", "{d}/{n}/{y}"],
}  # fmt: skip
_RELATIVE = {
    "de": [
        "heute", "gestern Abend", "vorgestern", "übermorgen", "morgen früh", "vor {k} Tagen",
        "vor zwei Wochen", "vor einem Monat", "letzte Woche", "am vergangenen Wochenende",
        "im kommenden Monat", "im Vorjahr",
        "Ende des Jahres", "im Jahr {y}", "zwischen {y} und 2033", "seit {y}", "bis {y} Euro",
    ],
    "en": [
        "today", "tonight", "yesterday evening", "the day before yesterday", "tomorrow", "this morning",
        "last night", "{k} days ago", "two weeks ago", "a month ago", "last week", "next year",
        "earlier this month", "in the year {y}", "from {y} to 2033", "since {y}", "by {y} percent",
    ],
    "fr": ["aujourd'hui", "aujourd’hui", "hier", "avant-hier", "demain", "après-demain"],
    "es": ["hoy", "ayer", "anteayer", "antes de ayer", "mañana", "pasado mañana", "la mañana"],
    "it": ["oggi", "ieri", "l'altro ieri", "altroieri", "domani", "dopodomani", "stamattina", "stasera"],
    "pt": ["hoje", "ontem", "anteontem", "antes de ontem", "amanhã", "depois de amanhã"],
    "nl": [
        "vandaag", "gisteren", "gisteravond", "eergisteren", "morgen", "'s morgen", "overmorgen", "vanavond",
        "vorige week", "deze maand", "het volgende jaar", "komend weekend",
    ],
}  # fmt: skip
# A sentence around the phrase: a past, a future and a neutral one, so that tense decides too.
_FRAME = {
    "de": ["Das Amt teilte {p} mit.", "{P} soll die Brücke wieder öffnen.", "Stand: {p}"],
    "en": ["The office said so {p}.", "The bridge will reopen {p}.", "As of {p}"],
    "fr": ["Le bureau l'a dit {p}.", "Le pont va rouvrir {p}.", "{P} :"],
    "es": ["La oficina lo dijo {p}.", "El puente va a reabrir {p}.", "{P}:"],
    "it": ["L'ufficio lo ha detto {p}.", "Il ponte riaprirà {p}.", "{P}:"],
    "pt": ["O escritório disse {p}.", "A ponte vai reabrir {p}.", "{P}:"],
    "nl": ["Het bureau zei dat {p}.", "De brug gaat {p} weer open.", "{P}:"],
}


def _cases(words: list[str]) -> list[str]:
    return sorted({form for w in words for form in (w, w[:1].upper() + w[1:])})


def phrases(code: str) -> list[str]:
    """The invented phrases of language ``code``: every month and weekday word in every shape, with
    days, years and qualifiers drawn from a seeded generator."""
    rng = random.Random(f"dates-{code}")
    months = _cases([*month_numbers(code, "full"), *month_numbers(code, "short")])
    months += [m + "." for m in _cases(list(month_numbers(code, "short")))]
    weekdays = _cases(list(weekday_numbers(code, "full")))
    out: list[str] = []
    for month in months:
        for shape in _DAY_MONTH[code]:
            fill = {
                "d": str(rng.choice([1, 3, 12, 28, 31, 40])),
                "n": str(rng.choice([1, 2, 11, 12, 13])),
                "y": str(rng.choice([1899, 1987, 2024, 2031, 2100])),
                "m": month,
                "w": rng.choice(weekdays),
            }
            out.append(f"{rng.choice(_BEFORE[code])} {shape.format(**fill)}".strip())
    for weekday in weekdays:
        for before in _BEFORE[code]:
            out.append(f"{before} {weekday}{rng.choice(_AFTER[code])}".strip())
    for phrase in _RELATIVE[code]:
        fill = {"k": str(rng.choice([2, 3, 14, 400])), "y": str(rng.choice([1987, 2024, 2031]))}
        out.append(phrase.format(**fill))
    return out


def sentences(code: str) -> list[str]:
    rng = random.Random(f"frames-{code}")
    out = []
    for phrase in phrases(code):
        frame = rng.choice(_FRAME[code])
        out.append(frame.format(p=phrase, P=phrase[:1].upper() + phrase[1:]))
    return out


def answers() -> dict[str, Any]:
    """Per language, each sentence with what ``find_dates`` finds in it against each anchor."""
    result: dict[str, Any] = {}
    for code in READ_LANGUAGES:
        rows = []
        for text in sentences(code):
            found = [
                [[d.text, d.start, d.value, d.inferred] for d in find_dates(text, code, anchor=anchor)]
                for anchor in ANCHORS
            ]
            rows.append([text, found])
        result[code] = rows
    return result


def test_every_language_reads_the_invented_dates_as_recorded() -> None:
    recorded = json.loads(RECORDED.read_text(encoding="utf-8"))
    now = answers()
    assert sorted(now) == sorted(recorded)
    for code in now:
        assert len(now[code]) == len(recorded[code]), code
        for row, old in zip(now[code], recorded[code], strict=True):
            assert row == old, code


def test_the_invented_dates_are_many_and_half_found() -> None:
    # many shapes are meant to miss: abbreviations the Romance and Dutch readers leave alone, day 40
    now = answers()
    for code, rows in now.items():
        assert len(rows) >= 100, code
        found = sum(1 for _, per_anchor in rows if per_anchor[-1])
        assert found >= 0.5 * len(rows), (code, found, len(rows))


def _write() -> None:
    """The answers as JSON, a sentence a line, so that a diff shows the sentences that changed."""
    lines = []
    for code, rows in answers().items():
        body = ",\n".join(json.dumps(row, ensure_ascii=False, separators=(",", ":")) for row in rows)
        lines.append(f"{json.dumps(code)}:[\n{body}\n]")
    RECORDED.write_text("{\n" + ",\n".join(lines) + "\n}\n", encoding="utf-8")


if __name__ == "__main__" and sys.argv[1:] == ["--write"]:
    _write()
