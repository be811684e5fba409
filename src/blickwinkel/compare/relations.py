"""One person given two family relations by two outlets: "his brother Neil" against "his cousin Neil".

A family relation ties two named people, so two articles that name the same two people with two
relations contradict each other wherever they say it (a man cannot be another's brother in one report
and his nephew in the other); the check reads every statement of two articles, not only linked ones.
A relation is read where news writing states it:

- after the person, with whom it ties him to: "Neil Ashby, a nephew of Tom Ashby", "Paul Verdier, le
  frère de Luc Verdier", "Tomás y Rubén Vela, sobrinos de Andrés", "Lukas Krumm, der Bruder von …";
- after a possessive: "Tom Ashby's son, Neil";
- after a possessive pronoun, tied to the person named right before "and" or to the only person
  named before it in the statement: "Jonas Krumm und sein Bruder Lukas", "Andrés Vela y su hermano
  Tomás". A pronoun with no name, or with two names and no "and", before it ties to nobody known (it
  may be either's), and such a relation is compared with none: "his daughter Anna" and "her mother Anna"
  may both be true (the daughter of one person, the mother of another);
- a group before its names: "the brothers Tom and Neil Ashby", "los hermanos Andrés, Tomás y Rubén".

A relation and its inverse say one thing ("a nephew of Tom" / "Tom, an uncle of Neil"); a brother
against a sister is one relation (the words of a relation here do not tell the sex apart). Two
relatives named apart ("his brother Neil" / "his son Sam") are two people, no clash. Persons are the
recogniser's names; a capitalised word joined to one by "and" or a comma in a list counts too
("Tomás y Rubén Vela"). Two names are one person when the words of one are all in the other ("Andrés"
/ "Andrés Vela"). The word table is our own knowledge of the languages (seventeenth session; a gap the
sixteenth named, tests/unit/test_third_conflict_set.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from blickwinkel.compare.clashes import Found, typographic_form
from blickwinkel.model import Statement

__all__ = ["Relation", "relation_conflict", "relations"]

# word -> relation, from the person named with it to the person it ties him to ("nephew": the nephew
# of the other). Singular and plural; words that name two relations in a language (Dutch "neef" for
# nephew and cousin, Italian "nipote" for nephew and grandchild) are left out.
_WORDS: dict[str, list[str]] = {
    "sibling": (
        "brother brothers sister sisters bruder brüder schwester schwestern hermano hermanos hermana "
        "hermanas frère frères sœur sœurs soeur soeurs fratello fratelli sorella sorelle irmão irmãos irmã "
        "irmãs broer broers zus zussen"
    ).split(),
    "cousin": (
        "cousin cousins cousine cousinen vetter primo primos prima primas cugino cugini cugina cugine"
    ).split(),
    "nephew": (
        "nephew nephews niece nieces neffe neffen nichte nichten sobrino sobrinos sobrina sobrinas neveu "
        "neveux nièce nièces sobrinho sobrinhos sobrinha sobrinhas"
    ).split(),
    "uncle": (
        "uncle uncles aunt aunts onkel tante tío tíos tía tías oncle oncles zio zii zia tio tios tia"
    ).split(),
    "child": (
        "son sons daughter daughters sohn söhne tochter töchter hijo hijos hija hijas fils fille filles "
        "figlio figli figlia figlie filho filhos filha filhas zoon zonen dochter"
    ).split(),
    "parent": ("father mother vater mutter padre madre père mère pai mãe vader moeder").split(),
    "grandchild": "grandson granddaughter grandchild enkel enkelin nieto nieta nietos neto neta".split(),
    "grandparent": (
        "grandfather grandmother großvater großmutter opa oma abuelo abuela avô avó nonno nonna"
    ).split(),
    "spouse": "husband wife ehemann ehefrau esposo esposa marido mari épouse marito moglie".split(),
}
_RELATION_OF = {word: relation for relation, words in _WORDS.items() for word in words}
_INVERSE = {
    "sibling": "sibling",
    "cousin": "cousin",
    "spouse": "spouse",
    "nephew": "uncle",
    "uncle": "nephew",
    "child": "parent",
    "parent": "child",
    "grandchild": "grandparent",
    "grandparent": "grandchild",
}
_SYMMETRIC = frozenset({"sibling", "cousin"})
_OF = frozenset("of von des der di du da do dos das della dello degli dei del de".split())
_ARTICLES = frozenset(
    "a an the der die das den dem ein eine einer eines el la las los lo un una unos unas le les l il gli "
    "i o os as um uma".split()
)
_POSSESSIVE = frozenset(
    "his her their sein seine seinen seinem seiner ihr ihre ihren ihrem ihrer su sus son sa ses suo sua "
    "suoi sue seu seus zijn haar".split()
)
_AND = frozenset("and und y e et i ve en".split())
_APPOSITION = frozenset(", ( - – —".split())
_TOKEN = re.compile(r"\w[\w'’]*|[^\w\s]")


@dataclass(frozen=True)
class Relation:
    """A family relation a statement states: ``subject`` is ``relation`` of ``anchor`` (``None``: a
    possessive pronoun with no name before it), with the word that says it."""

    subject: frozenset[str]
    relation: str
    anchor: frozenset[str] | None
    word: Found


@dataclass(frozen=True)
class _Token:
    text: str
    start: int  # offsets into the article
    end: int
    person: int | None  # index of the person the token belongs to


def _words(text: str) -> frozenset[str]:
    return frozenset(w.lower() for w in re.findall(r"\w+", typographic_form(text)) if not w.isdigit())


def _tokens(s: Statement) -> tuple[list[_Token], list[frozenset[str]]]:
    names = sorted((m for m in s.entities if m.type == "PER"), key=lambda m: m.start)
    persons = [_words(m.text) for m in names]
    tokens = []
    for m in _TOKEN.finditer(s.text):
        start, end = s.start + m.start(), s.start + m.end()
        person = next((n for n, x in enumerate(names) if x.start <= start < x.end), None)
        tokens.append(_Token(m.group(), start, end, person))
    # a capitalised word joined to a name by "and" or a list comma is a name too ("Tomás y Rubén Vela")
    for i, t in enumerate(tokens):
        if t.person is not None or not _capitalised(t.text):
            continue
        for step in (1, -1):
            j = i + step
            if 0 <= j < len(tokens) and (tokens[j].text == "," or tokens[j].text.lower() in _AND):
                k = j + step
                if 0 <= k < len(tokens) and tokens[k].person is not None:
                    persons.append(_words(t.text))
                    tokens[i] = _Token(t.text, t.start, t.end, len(persons) - 1)
                    break
    return tokens, persons


def _capitalised(word: str) -> bool:
    lower = word.lower()
    return (
        word[:1].isupper()
        and lower not in _RELATION_OF
        and lower not in _ARTICLES
        and lower not in _POSSESSIVE
        and lower not in _OF
    )


def _person_at(tokens: Sequence[_Token], i: int) -> tuple[int, int] | None:
    """The person whose name starts at token ``i`` and the index after it."""
    person = tokens[i].person if 0 <= i < len(tokens) else None
    if person is None:
        return None
    j = i
    while j < len(tokens) and tokens[j].person == person:
        j += 1
    return person, j


def _list_before(tokens: Sequence[_Token], i: int) -> list[int]:
    """The persons of a list of names that ends at token ``i`` ("Tomás y Rubén Vela")."""
    found: list[int] = []
    j = i
    while j >= 0 and tokens[j].person is not None:
        person = tokens[j].person
        assert person is not None
        while j >= 0 and tokens[j].person == person:
            j -= 1
        found.append(person)
        if j >= 0 and (tokens[j].text == "," or tokens[j].text.lower() in _AND):
            j -= 1
            if j >= 0 and tokens[j].text.lower() in _AND:
                j -= 1  # ", and"
            continue
        break
    return found


def _list_after(tokens: Sequence[_Token], i: int) -> list[int]:
    found: list[int] = []
    j = i
    while (at := _person_at(tokens, j)) is not None:
        found.append(at[0])
        j = at[1]
        if j < len(tokens) and (tokens[j].text == "," or tokens[j].text.lower() in _AND):
            j += 1
            if j < len(tokens) and tokens[j].text.lower() in _AND:
                j += 1
            continue
        break
    return found


def relations(s: Statement) -> list[Relation]:
    """The family relations ``s`` states between named people."""
    if not any(w.lower() in _RELATION_OF for w in re.findall(r"\w+", s.text)):
        return []
    tokens, persons = _tokens(s)
    found: list[Relation] = []
    for i, t in enumerate(tokens):
        relation = _RELATION_OF.get(t.text.lower())
        if relation is None:
            continue
        word = Found(t.text, t.start, t.end)
        ties = _ties(tokens, i)
        if ties is None:
            continue
        subjects, anchor = ties
        for subject in subjects:
            tied = persons[anchor] if anchor is not None else None
            if anchor == subject or (tied is not None and _one_person(persons[subject], tied)):
                continue
            found.append(Relation(persons[subject], relation, tied, word))
        if anchor is None and not subjects:
            group = _list_after(tokens, i + 1)
            if relation in _SYMMETRIC and len(group) > 1 and t.text.lower().endswith(("s", "n", "i")):
                found.extend(
                    Relation(persons[x], relation, persons[y], word) for x in group for y in group if x != y
                )
    return found


def _ties(tokens: Sequence[_Token], i: int) -> tuple[list[int], int | None] | None:
    """Whom the relation word at ``i`` names and to whom it ties them: (subjects, anchor); None when
    the relation is tied to something that is no named person ("padre de una víctima")."""
    before = tokens[i - 1].text.lower() if i > 0 else ""
    # "… of <Name>": the subjects stand before the word ("Neil, a nephew of Tom"), or after the name
    # ("the son of Tom, Neil")
    j = i + 1
    if j < len(tokens) and tokens[j].text.lower() in _OF:
        j += 1
        while j < len(tokens) and tokens[j].text.lower() in _ARTICLES:
            j += 1
        at = _person_at(tokens, j)
        if at is None:
            return None
        anchor, after = at
        k = i - 1
        while k >= 0 and tokens[k].text.lower() in _ARTICLES:
            k -= 1
        if k >= 0 and tokens[k].text in _APPOSITION:
            k -= 1
        subjects = _list_before(tokens, k)
        if not subjects and after < len(tokens) and tokens[after].text == ",":
            subjects = _list_after(tokens, after + 1)[:1]
        return subjects, anchor
    # "<Name>'s son, Neil"
    if before.endswith(("'s", "’s")) and tokens[i - 1].person is not None:
        return _named_after(tokens, i), tokens[i - 1].person
    # "<Name> and his brother Neil": the pronoun ties to the person named right before "and", or to
    # the only person named before it; with two or more named before it and none joined so, the
    # pronoun may be either's ("Anna Berg said Tom Ashby had struck her husband Neil": hers, not his),
    # and the relation is compared with none
    if before in _POSSESSIVE:
        return _named_after(tokens, i), _possessor(tokens, i - 1)
    return [], None


def _possessor(tokens: Sequence[_Token], pronoun: int) -> int | None:
    """The person a possessive pronoun at ``pronoun`` surely points at, or None."""
    if pronoun >= 2 and tokens[pronoun - 1].text.lower() in _AND and tokens[pronoun - 2].person is not None:
        return tokens[pronoun - 2].person
    named = {t.person for t in tokens[:pronoun] if t.person is not None}
    return named.pop() if len(named) == 1 else None


def _named_after(tokens: Sequence[_Token], i: int) -> list[int]:
    j = i + 1
    if j < len(tokens) and tokens[j].text == ",":
        j += 1
    at = _person_at(tokens, j)
    return [at[0]] if at is not None else []


def _one_person(x: frozenset[str], y: frozenset[str]) -> bool:
    return bool(x) and bool(y) and (x <= y or y <= x)


def relation_conflict(a: Statement, b: Statement) -> tuple[Found, Found] | None:
    """The two relation words when ``a`` and ``b`` tie the same two named people by two relations that
    are not each other's inverse."""
    for x in relations(a):
        for y in relations(b):
            if not _one_person(x.subject, y.subject) and not (
                x.anchor is not None and y.anchor is not None and _one_person(x.subject, y.anchor)
            ):
                continue
            if x.anchor is None or y.anchor is None:
                continue  # "his daughter" and "her mother" may tie one person to two others
            same_way = _one_person(x.subject, y.subject) and _one_person(x.anchor, y.anchor)
            if same_way and x.relation != y.relation:
                return x.word, y.word
            turned = _one_person(x.subject, y.anchor) and _one_person(x.anchor, y.subject)
            if not same_way and turned and x.relation != _INVERSE[y.relation]:
                return x.word, y.word
    return None
