"""Voices: who is quoted by which articles, how often, in which facts, and whether the quoted words
are the same everywhere.

Only groups what the analysis found: a statement's ``kind`` (quote or reported speech) and its
``speaker``. One speaker however capitalised ("Police said …" opening a sentence, "…, police said"),
as the outlet profiles count them, with or without an article ("die Feuerwehr", "laut der
Feuerwehr"). Two articles quote one speaker in the same words when the words
inside their quotation marks, in one typographic form (:func:`typographic_form`) and without case or
punctuation, are the same or one is a run of the other (one article quotes more of the sentence).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from blickwinkel.analyse.quote_marks import find_quotations
from blickwinkel.analyse.speakers import speaker_identity
from blickwinkel.compare.clashes import typographic_form
from blickwinkel.groups import Groups
from blickwinkel.model import (
    AnalysedArticle,
    Fact,
    Statement,
    Voice,
    VoiceInArticle,
    VoiceInFact,
    VoiceWording,
)

_WORD = re.compile(r"\w+")


def quoted_words(statement: Statement) -> tuple[str, ...]:
    """The words a quote gives as the speaker's: those inside its quotation marks, or its whole text
    where it has none (a quote block), in one typographic form and lower case."""
    text = typographic_form(statement.text)
    spans = find_quotations(text)
    inside = " ".join(text[start:end] for start, end in spans) if spans else text
    return tuple(_WORD.findall(inside.casefold()))


def _contains(longer: tuple[str, ...], shorter: tuple[str, ...]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def same_words(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two quotations give the same words: equal, or one a run of the other."""
    if not a or not b:
        return False
    return _contains(a, b) if len(a) >= len(b) else _contains(b, a)


def _same_words_groups(quotes: dict[str, list[tuple[str, ...]]]) -> tuple[tuple[str, ...], ...]:
    """The articles in groups that quote in the same words (two articles are in one group when a
    quotation of one and one of the other give the same words, or through a third), in article order."""
    ids = list(quotes)
    order = {aid: n for n, aid in enumerate(ids)}
    alike: Groups[str] = Groups(ids, first=order.__getitem__)
    for i, mine in enumerate(ids):
        for theirs in ids[i + 1 :]:
            if any(same_words(x, y) for x in quotes[mine] for y in quotes[theirs]):
                alike.union(mine, theirs)
    return tuple(tuple(members) for _, members in sorted(alike.members.items(), key=lambda kv: order[kv[0]]))


def voices(articles: Sequence[AnalysedArticle], facts: Iterable[Fact]) -> tuple[Voice, ...]:
    """Every speaker of the articles' quotes and reported speech, most statements first (then most
    articles, then first quoted), with what each article gives of them and the facts they are in."""
    spoken: dict[str, list[Statement]] = {}  # speaker_identity -> statements in reading order
    for a in articles:
        for s in a.statements:
            if s.speaker and s.kind in ("quote", "reported_speech"):
                spoken.setdefault(speaker_identity(s.speaker), []).append(s)
    fact_of = {sid: f for f in facts for sid in f.statements}
    order = [a.article.id for a in articles]
    found: list[Voice] = []
    for statements in spoken.values():
        by_article: dict[str, list[Statement]] = {}
        for s in statements:
            by_article.setdefault(s.article, []).append(s)
        in_articles = tuple(
            VoiceInArticle(
                article=aid,
                statements=tuple(s.id for s in mine),
                quotes=sum(1 for s in mine if s.kind == "quote"),
                reported=sum(1 for s in mine if s.kind == "reported_speech"),
            )
            for aid in order
            if (mine := by_article.get(aid))
        )
        in_facts: dict[str, tuple[Fact, list[Statement]]] = {}
        for s in statements:
            if (fact := fact_of.get(s.id)) is not None:
                in_facts.setdefault(fact.id, (fact, []))[1].append(s)
        found.append(
            Voice(
                speaker=statements[0].speaker or "",
                kind=next((s.speaker_kind for s in statements if s.speaker_kind), None),
                articles=in_articles,
                facts=tuple(_in_fact(fact, mine, order) for fact, mine in in_facts.values()),
            )
        )
    first = {v.speaker: n for n, v in enumerate(found)}
    return tuple(sorted(found, key=lambda v: (-v.statements, -len(v.articles), first[v.speaker])))


def _in_fact(fact: Fact, statements: list[Statement], order: list[str]) -> VoiceInFact:
    """One fact's statements of one speaker: an article that quotes them there is among ``quoted``,
    one that gives them only in reported speech among ``reported``, one that reports the fact without
    them (as its own statement, or said by someone else) among ``without``."""
    quotes: dict[str, list[tuple[str, ...]]] = {}
    for s in statements:
        if s.kind == "quote":
            quotes.setdefault(s.article, []).append(quoted_words(s))
    reported = {s.article for s in statements if s.article not in quotes}
    quotes = {aid: quotes[aid] for aid in order if aid in quotes}
    groups = _same_words_groups(quotes) if len(quotes) > 1 else ()
    wording: VoiceWording | None = None if not groups else "same" if len(groups) == 1 else "different"
    theirs = set(quotes) | reported
    return VoiceInFact(
        fact=fact.id,
        quoted=tuple(quotes),
        reported=tuple(a for a in order if a in reported),
        wording=wording,
        same_words=tuple(g for g in groups if len(g) > 1),
        without=tuple(a for a in order if a in fact.articles and a not in theirs),
    )


def entity_names(statements: Iterable[Statement]) -> dict[str, str]:
    """Entity key → the name as most often written in the articles (ties: first written); a person
    by their fullest written name ("Karim Yunus al-Mansar", not the "al-Mansar" one article wrote
    first), then as most often written."""
    written: dict[str, Counter[str]] = {}
    for statement in statements:
        for mention in statement.entities:
            written.setdefault(mention.key, Counter())[mention.text] += 1
    names: dict[str, str] = {}
    for key, counts in written.items():
        ranked = counts.most_common()  # by count, ties in the order first written
        if key.startswith("per:"):
            fullest = max(len(text.split()) for text, _ in ranked)
            ranked = [(text, n) for text, n in ranked if len(text.split()) == fullest]
        names[key] = ranked[0][0]
    return names
