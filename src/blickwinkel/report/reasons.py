"""The reasons a reader is shown, in the report's language: why two statements were linked
(:func:`link_reason`) and why two statements conflict (:func:`conflict_reason`).

A conflict's reason is written by the compare stage in English (``Conflict.reason``, kept as it is in
the JSON): "date: 'on Monday' (…) in a vs 'on Tuesday' (…) in b". A German report reads it back by
the shapes the compare stage writes, with the two articles' ids known from the conflict's statements,
and says it in German, the values in „…“ and the days as German writes them (10.03.2025); a reason of
another shape is shown as it stands.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

from blickwinkel.model import Conflict, Link, Statement
from blickwinkel.report.labels import QUOTED_VALUE, german_days, labelled_reason
from blickwinkel.report.texts import texts


def _decimal(value: float, language: str) -> str:
    """A score with two decimals, a decimal comma in German (0,87)."""
    shown = f"{value:.2f}"
    return shown.replace(".", ",") if language == "de" else shown


def link_reason(link: Link, language: str = "en") -> str:
    """Why a link was made, in words: its score and the parts the pair scorer read; in ``language``
    ("de" or English)."""
    r = link.reasons
    words = texts(language)

    def said(key: str, value: float | None = None) -> str:
        return words[key].format(value=_decimal(value, language)) if value is not None else words[key]

    parts = [said("link_probability", link.score), said("link_meaning", r.get("meaning", 0.0))]
    if r.get("cross_lingual"):
        parts.append(said("link_across"))
        if "cross_meaning" in r:
            parts.append(said("link_e5_meaning", r["cross_meaning"]))
    else:
        parts.append(said("link_wording", r.get("wording", 0.0)))
        parts.append(said("link_shared_words", r.get("lemmas", 0.0)))
    names, numbers = r.get("names", 0.0), r.get("numbers", 0.0)
    if names > 0:
        parts.append(said("link_same_names"))
    elif names < 0:
        parts.append(said("link_different_names"))
    if numbers > 0:
        parts.append(said("link_same_numbers"))
    elif numbers < 0:
        parts.append(said("link_numbers_differ" if numbers == -1.0 else "link_number_one_side"))
    if r.get("dates"):
        parts.append(said("link_same_date"))
    if r.get("margin", 0.0) > 0:
        parts.append(said("link_stands_out", r["margin"]))
    if r.get("nearest") or r.get("mutual"):
        parts.append(said("link_best_match"))
    if "second_meaning" in r:  # the link_embedder setting: e5's view of a pair in one language
        parts.append(said("link_e5_meaning", r["second_meaning"]))
        if r.get("second_margin", 0.0) > 0:
            parts.append(said("link_e5_stands_out", r["second_margin"]))
    if "soft_alignment" in r:  # the words of one found among the other's by e5's word vectors
        parts.append(said("link_words_aligned", r["soft_alignment"]))
    return ", ".join(parts)


# What a conflict's reason names before its values (compare/conflicts.py, compare/carry_over.py,
# compare/opposites.py), in German. A counted noun ("passenger: '230 passengers' …") is its key in
# English, so a German reason says "Zahl": the values give the article's own words; money ("sum") and
# what befell people are named, since the values may not say it.
_WHAT_DE = {
    "number": "Zahl",
    "sum": "Betrag",
    # what befell people, which the values may not name ("40" / "52 people" counted as the injured)
    "dead": "Tote",
    "injured": "Verletzte",
    "displaced": "Vertriebene",
    "missing": "Vermisste",
    "person": "Personen",
    "range": "Spanne",
    "date": "Datum",
    "day of the month": "Tag des Monats",
    "weekday": "Wochentag",
    "tally": "Stimmenverhältnis",
    "time of day": "Tageszeit",
    "clock time": "Uhrzeit",
    "side": "Seite",
    "family relation": "Verwandtschaft",
    "figure after the same words": "Zahl nach denselben Worten",
    "age": "Alter",
    "actor": "Person oder Organisation",
    "place": "Ort",
    "confirmed/denied": "bestätigt/dementiert",
    "approved/rejected": "angenommen/abgelehnt",
    "convicted/acquitted": "verurteilt/freigesprochen",
}
_SAME_WORDING = " in the same wording"
_SHARE_OF = re.compile(r"^share of the same (?P<value>.+)$")
_COUNT_FOR = re.compile(r"^count for the same share (?P<value>.+)$")


def _what_de(what: str, kind: str) -> str | None:
    if what in _WHAT_DE:
        return _WHAT_DE[what]
    if what.endswith(_SAME_WORDING):
        head = _what_de(what.removesuffix(_SAME_WORDING), kind)
        return f"{head} bei gleichem Wortlaut" if head is not None else None
    if share := _SHARE_OF.match(what):
        return f"Anteil an derselben Zahl {share['value']}"
    if count := _COUNT_FOR.match(what):
        return f"Anzahl beim selben Anteil {count['value']}"
    return "Zahl" if kind == "quantity" else None


def _german(reason: str, kind: str, a: str, b: str) -> str | None:
    """The reason in German, or None for a shape it does not know."""
    if kind == "negation" and reason == f"negation: {a} says it did not happen, {b} that it did":
        return f"Verneinung: laut {a} ist es nicht geschehen, laut {b} doch"
    if kind == "negation" and reason == f"negation: {a} says it did happen, {b} that it did not":
        return f"Verneinung: laut {a} ist es geschehen, laut {b} nicht"
    speaker = re.fullmatch(
        rf"speaker: the same quote is (?P<x>.+)'s in {re.escape(a)} and (?P<y>.+)'s in {re.escape(b)}", reason
    )
    if speaker:
        return f"Sprecher: dasselbe Zitat stammt in {a} von {speaker['x']}, in {b} von {speaker['y']}"
    tail = f" in {b}"
    middle = f" in {a} vs "
    head, colon, rest = reason.partition(": ")
    if not colon or not reason.endswith(tail) or middle not in rest:
        return None
    x, _, y = rest.removesuffix(tail).rpartition(middle)
    what = _what_de(head, kind)
    if what is None or not x or not y:
        return None
    return f"{what}: {x} in {a} gegenüber {y} in {b}"


def _german_quotes(text: str) -> str:
    """The values a reason quotes (Python's repr of a string) in German marks: „…“."""

    def mark(m: re.Match[str]) -> str:
        try:
            value = ast.literal_eval(m.group())
        except (ValueError, SyntaxError):
            return m.group()
        return f"„{value}“" if isinstance(value, str) else m.group()

    return QUOTED_VALUE.sub(mark, text)


def conflict_reason(
    conflict: Conflict, statements: Mapping[str, Statement], labels: Mapping[str, str], language: str = "en"
) -> str:
    """A conflict's reason as a reader of ``language`` ("de" or English) is shown it, each article id
    shown by its label ("in a0" becomes "in A")."""
    if language != "de":
        return labelled_reason(conflict.reason, labels)
    sides = [statements[sid].article for sid in conflict.statements[:2] if sid in statements]
    german = _german(conflict.reason, conflict.kind, *sides) if len(sides) == 2 else None
    return german_days(_german_quotes(labelled_reason(german or conflict.reason, labels)))


def headed_reason(
    conflict: Conflict, statements: Mapping[str, Statement], labels: Mapping[str, str], language: str = "en"
) -> tuple[str, str]:
    """A conflict's line as a list shows it: its head and the rest, "date" and "'on Monday' …", the
    kind said once. A reason that opens with the kind ("date: …") or whose head opens with the kind's
    word ("Zahl bei gleichem Wortlaut: …") is its own head; any other is headed by its kind."""
    kind = texts(language).get(f"kind_{conflict.kind}", conflict.kind)
    reason = conflict_reason(conflict, statements, labels, language)
    head, colon, rest = reason.partition(": ")
    if colon and head.split(" ", 1)[0] == kind:
        return head, rest
    return kind, reason
