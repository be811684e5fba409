"""A person's age given differently by two outlets: "Anna Berg, 34," against "Anna Berg, 35,".

An age is a property of a person, not of one sentence: two outlets that give one person two ages
contradict each other wherever in their reports they say it, so the ages of a story are compared by
name, not only between statements the aligner linked. An age counts only when it is bound to a
name in the way news writing binds it: "Name, 34,", "Name (34)", "34-year-old Name", "the 34-year-old
engineer, Name,", "Name, aged 34" or "at the age of 34", "Name was 34.". "The 34-year-old" without a
name is left out: the reader cannot tell whom it means.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from blickwinkel.analyse.numbers import DE_MONTHS, EN_MONTHS, WEEKDAYS
from blickwinkel.compare.clashes import Found, typographic_form
from blickwinkel.model import Statement

__all__ = ["Age", "Before", "age_conflict", "age_pairs", "ages", "statements_before"]

# A name: one to four capitalised words ("Anna", "Anna Berg", "Jan van Dijk" is read as "Jan").
_NAME = r"(?P<name>[A-ZÄÖÜ][\w'’-]+(?:\s+[A-ZÄÖÜ][\w'’-]+){0,3})"
_AGE = r"(?P<age>\d{1,3})"
_AGE_PATTERNS = (
    # "Anna Berg, 34, …", "Anna Berg, aged 34, …", "Anna Berg, 34 of Lindenau"
    re.compile(_NAME + r",\s+(?:aged\s+)?" + _AGE + r"(?=\s*(?:,|;|\)|\.$|\s+of\b|\s+aus\b|$))"),
    # "Anna Berg (34)"
    re.compile(_NAME + r"\s+\(" + _AGE + r"\)"),
    # "34-year-old Anna Berg", "34-jährige Anna Berg"
    re.compile(_AGE + r"[- ](?:year[- ]old|jährige[rn]?)\s+" + _NAME),
    # "the 34-year-old engineer, Anna Berg,"
    re.compile(_AGE + r"[- ]year[- ]old\s+[^,.;\d]{1,60}?,\s+" + _NAME + r"(?=\s*,)"),
    # "Anna Berg, aged 34" / "Anna Berg died at the age of 34" / "Anna Berg im Alter von 34 Jahren"
    re.compile(
        _NAME
        + r",?\s+(?:(?:who\s+)?died\s+)?(?:aged\s+|at\s+(?:the\s+)?age\s+(?:of\s+)?|im\s+Alter\s+von\s+)"
        + _AGE
    ),
    # "Anna Berg was 34." / "Anna Berg is 34 years old"
    re.compile(_NAME + r"\s+(?:was|is|war|ist)\s+" + _AGE + r"(?:\s+(?:years\s+old|Jahre\s+alt))?(?=[.,;])"),
)
# Capitalised words that open a sentence or name a day or month, never a person.
_NOT_NAMES = frozenset(
    {
        *WEEKDAYS,
        *(m.rstrip(".") for m in DE_MONTHS | EN_MONTHS),
        *"the a an he she it they his her its this that there then mr mrs ms dr der die das ein eine er "
        "sie es dem den des herr frau in on at am im".split(),
    }
)
# Older than this is no person's age (a year, a count).
_MAX_AGE = 120


@dataclass(frozen=True)
class Age:
    """A person's age as a statement gives it: the name as written, its key and the age."""

    name: str
    key: str  # the last word of the name, lowercased: "Berg" and "Anna Berg" are one person
    age: int
    found: Found


def _name_words(name: str) -> list[str]:
    return [w for w in name.split() if re.sub(r"'s?$", "", w).lower() not in _NOT_NAMES]


def _person(s: Statement, name: str, start: int, end: int) -> list[str]:
    """The words of the name at ``start:end`` of the text if it may be a person's: in English any
    capitalised words; in German, which capitalises every noun, only a person the recogniser found
    there ("Fahrer Jonas Weber" is "Jonas Weber")."""
    if s.language == "en":
        return _name_words(name)
    for m in s.entities:
        if m.type == "PER" and m.start < s.start + end and m.end > s.start + start:
            return _name_words(m.text)
    return []


# "trained with Jonas Weber at the age of 15": a name after a preposition is the object of the clause, and an
# age told after it ("at the age of", "aged") is the subject's, not the name's.
_OBJECT_BEFORE = re.compile(
    r"\b(?:with|for|to|from|by|alongside|against|about|mit|für|von|bei|gegen|über)\s+$", re.IGNORECASE
)
_AGE_AFTER = (_AGE_PATTERNS[4],)


def ages(s: Statement) -> list[Age]:
    """The ages bound to a name in the statement."""
    text = typographic_form(s.text)
    out = []
    seen: set[tuple[int, int]] = set()
    for pattern in _AGE_PATTERNS:
        for m in pattern.finditer(text):
            age = int(m.group("age"))
            words = _person(s, m.group("name"), m.start("name"), m.end("name"))
            if not words or age > _MAX_AGE or (m.start(), m.end()) in seen:
                continue
            if pattern in _AGE_AFTER and _OBJECT_BEFORE.search(text[max(0, m.start() - 12) : m.start()]):
                continue
            seen.add((m.start(), m.end()))
            name = " ".join(words)
            key = re.sub(r"'s?$", "", words[-1]).lower()
            found = Found(m.group(), s.start + m.start(), s.start + m.end())
            out.append(Age(name, key, age, found))
    return out


# "The 34-year-old kept to the timetable", "Der 34-Jährige wurde festgenommen": an age opening a statement
# without a name, which news writing gives to the person the sentence before named.
_ANAPHOR = re.compile(r"^(?:The|Der|Die)\s+" + _AGE + r"(?:-year-old|-[Jj]ährige)\b")


def _anaphoric_age(s: Statement, before: Statement | None) -> list[Age]:
    """The age of "The 34-year-old …", given to the one person the statement before names."""
    m = _ANAPHOR.match(typographic_form(s.text))
    if m is None or before is None or before.article != s.article:
        return []
    people = {x.key: x for x in before.entities if x.type == "PER"}
    words = _name_words(next(iter(people.values())).text) if len(people) == 1 else []
    if not words or int(m.group("age")) > _MAX_AGE:
        return []
    key = re.sub(r"'s?$", "", words[-1]).lower()
    return [Age(" ".join(words), key, int(m.group("age")), Found(m.group(), s.start, s.start + m.end()))]


def _same_person(x: Age, y: Age) -> bool:
    """One key; where both give two or more words of the name, the same words ("Anna Berg" and
    "Jonas Berg" are two people, "Berg" and "Anna Berg" may be one)."""
    if x.key != y.key:
        return False
    wx, wy = x.name.lower().split(), y.name.lower().split()
    return len(wx) < 2 or len(wy) < 2 or wx[-2:] == wy[-2:]


Before = Mapping[str, Statement]
"""The statement before each statement of its article, by id."""


def _ages(s: Statement, before: Before) -> list[Age]:
    return ages(s) + _anaphoric_age(s, before.get(s.id))


def age_conflict(a: Statement, b: Statement, before: Before | None = None) -> tuple[Found, Found] | None:
    """One person given two different ages by two statements."""
    for x in _ages(a, before or {}):
        for y in _ages(b, before or {}):
            if _same_person(x, y) and x.age != y.age:
                return x.found, y.found
    return None


def age_pairs(
    statements: Sequence[Statement], before: Before | None = None
) -> list[tuple[Statement, Statement]]:
    """Pairs of statements of two articles that give an age to one name. A name one article gives two
    ages (a father and a son of one surname) pairs nothing: the reader cannot tell who is who."""
    by_key: dict[str, list[tuple[Statement, Age]]] = {}
    for s in statements:
        for age in _ages(s, before or {}):
            by_key.setdefault(age.key, []).append((s, age))
    pairs: dict[tuple[str, str], tuple[Statement, Statement]] = {}
    for found in by_key.values():
        per_article: Mapping[str, set[int]] = _ages_per_article(found)
        if any(len(v) > 1 for v in per_article.values()):
            continue
        for (s, x), (t, y) in itertools.combinations(found, 2):
            if s.article != t.article and x.age != y.age and _same_person(x, y):
                first, second = (s, t) if s.id < t.id else (t, s)
                pairs.setdefault((first.id, second.id), (first, second))
    return [pairs[k] for k in sorted(pairs)]


def _ages_per_article(found: Sequence[tuple[Statement, Age]]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for s, age in found:
        out.setdefault(s.article, set()).add(age.age)
    return out


def statements_before(statements: Sequence[Statement]) -> dict[str, Statement]:
    """The statement before each, in its article's order."""
    ordered = sorted(statements, key=lambda s: (s.article, s.start))
    return {s.id: prev for prev, s in itertools.pairwise(ordered) if prev.article == s.article}
