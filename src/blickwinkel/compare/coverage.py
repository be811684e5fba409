"""Coverage of a story: which outlet reports which fact, what each one leaves out, how central a fact
is, which outlets copy another (wire copies), and the words each outlet chooses for shared facts."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from blickwinkel.analyse.gazetteer import ROMANCE_FUNCTION_WORDS
from blickwinkel.analyse.lemmas import lemma as lemma_of
from blickwinkel.analyse.numbers import is_number_word
from blickwinkel.analyse.units import unit_key
from blickwinkel.compare.similarity import STOPWORDS, fold
from blickwinkel.model import AnalysedArticle, Conflict, Fact, Omission, Statement
from blickwinkel.stories.duplicates import CopyCandidate, near_copies
from blickwinkel.stories.features import minhash_signature
from blickwinkel.text import content_hash
from blickwinkel.text.function_words import function_words

REPORTED = "reported"
CONFLICT = "conflict"
ABSENT = "absent"
PERHAPS = "perhaps"  # a fact of another article that this one may state too ("perhaps also in …")


def coverage_matrix(
    facts: Sequence[Fact],
    articles: Sequence[str],
    conflicts: Sequence[Conflict],
    statements: Mapping[str, Statement],
) -> dict[str, dict[str, str]]:
    """facts × articles: reported, reported differently (conflict), perhaps reported (a fact of
    another article with a similar statement here that was not linked) or not reported."""
    in_conflict = {(c.fact, statements[s].article) for c in conflicts for s in c.statements}

    def state(f: Fact, a: str) -> str:
        if a in f.articles:
            return CONFLICT if (f.id, a) in in_conflict else REPORTED
        return PERHAPS if a in f.perhaps_in else ABSENT

    return {f.id: {a: state(f, a) for a in articles} for f in facts}


def story_core(facts: Sequence[Fact], statements: Mapping[str, Statement]) -> frozenset[str]:
    """Entity keys and counted units that appear in facts of two or more articles: the story's core."""
    counts: Counter[str] = Counter()
    for f in facts:
        if len(f.articles) < 2:
            continue
        counts.update(_fact_terms(f, statements))
    return frozenset(counts)


def _fact_terms(fact: Fact, statements: Mapping[str, Statement]) -> set[str]:
    terms: set[str] = set()
    for sid in fact.statements:
        s = statements[sid]
        terms.update(m.key for m in s.entities)
        terms.update(f"unit:{unit_key(q.unit)}" for q in s.quantities if q.unit)
    return terms


def centrality(
    fact: Fact, n_articles: int, core: frozenset[str], statements: Mapping[str, Statement]
) -> float:
    """How central a fact is to the story (0–1): the share of outlets that report it, and how much of
    the story's core (shared entities and counted things) it is about; opinion counts half."""
    spread = len(fact.articles) / max(1, n_articles)
    terms = _fact_terms(fact, statements)
    about_core = len(terms & core) / len(terms) if terms else 0.0
    # An opinion nobody else voices is less of an omission than a fact: it counts half.
    opinion = all(statements[sid].subjective for sid in fact.statements)
    return round((0.6 * spread + 0.4 * about_core) * (0.5 if opinion else 1.0), 4)


def omissions(
    facts: Sequence[Fact], articles: Sequence[str], central: Mapping[str, float]
) -> dict[str, tuple[Omission, ...]]:
    """Per article, the facts others report and it does not, most widely reported and central first.
    A fact "perhaps also in" the article (a similar statement there was not linked) is not called
    left out there: the report hedges it, it does not claim the article lacks it."""
    out: dict[str, tuple[Omission, ...]] = {}
    for a in articles:
        missing = [
            Omission(f.id, len(f.articles), central[f.id])
            for f in facts
            if a not in f.articles and a not in f.perhaps_in
        ]
        missing.sort(key=lambda o: (-o.reported_by, -o.centrality, o.fact))
        out[a] = tuple(missing)
    return out


def earliest_report(fact: Fact, articles: Mapping[str, AnalysedArticle]) -> str | None:
    """The article that published the fact first, when the dates tell: the one whose date is earlier
    than that of every other article of the fact. Two articles of the earliest day, or an undated one
    (which may have been first), leave it open: a day is all a date says, and the input order says
    nothing of who was first."""
    dates = [articles[a].article.published for a in fact.articles]
    if any(d is None for d in dates):
        return None
    first = min(d for d in dates if d is not None)
    at = [a for a, d in zip(fact.articles, dates, strict=True) if d == first]
    return at[0] if len(at) == 1 else None


def wire_copies(articles: Sequence[AnalysedArticle]) -> dict[str, str]:
    """Map each article that is a near copy of an earlier one (by date, then input order) to it
    (the copy finder and threshold of the story stage)."""
    order = sorted(
        range(len(articles)),
        key=lambda i: (articles[i].article.published is None, articles[i].article.published or 0, i),
    )
    return near_copies(
        [
            CopyCandidate(
                articles[i].article.id,
                minhash_signature(articles[i].article.text),
                content_hash(articles[i].article.text),
            )
            for i in order
        ]
    )


def word_choice(
    fact_list: Sequence[Fact], statements: Mapping[str, Statement], article: str
) -> tuple[str, ...]:
    """Content words an article uses in shared facts where the other outlets use none of them: the
    words it chooses for the same things ("Vergeltungsschläge" where others write "Angriffe")."""
    counts: Counter[str] = Counter()
    written: list[Statement] = []
    for f in fact_list:
        if article not in f.articles or len(f.articles) < 2:
            continue
        own = [statements[sid] for sid in f.statements if statements[sid].article == article]
        written.extend(own)
        languages = {s.language for s in own}
        rest = [statements[sid] for sid in f.statements if statements[sid].article != article]
        mine = _content_words(own)
        others = _content_words([s for s in rest if s.language in languages])
        if not others:
            continue
        counts.update(w for w in mine - others if len(w) > 3)
    # Sorted by count, then alphabetically: sets have no stable order from one run to the next.
    chosen = [w for w, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:8]]
    return tuple(as_written(chosen, written))


def as_written(lemmas: Sequence[str], items: Sequence[Statement]) -> list[str]:
    """Each lemma as a reader knows it: itself where the statements write it (in any case), else the
    form they write most often whose lemma it is (the lemmatiser's stem of an English "-ing" form is no
    word: the profile showed such stems); the lemma itself when they write no form of it."""
    if not lemmas:
        return []
    forms: dict[str, Counter[str]] = {w: Counter() for w in lemmas}
    # a form shares its lemma's first letters: only those tokens are lemmatised again
    by_start: dict[str, list[str]] = {}
    for w in lemmas:
        by_start.setdefault(w[:3].casefold(), []).append(w)
    for s in {s.id: s for s in items}.values():  # a statement in several facts counts once
        language = s.language or "de"
        for token in _WORD.findall(s.text):
            for w in by_start.get(token[:3].casefold(), ()):
                if lemma_of(token, language) == w:
                    forms[w][token] += 1
    shown = []
    for w in lemmas:
        written = forms[w]
        if not written or any(form.casefold() == w.casefold() for form in written):
            shown.append(w)
        else:
            # the form written most often, its cases counted together ("Travelling" opening a
            # sentence is "travelling"); of its cases, the one written most, lower case on a tie
            totals: Counter[str] = Counter()
            for form, n in written.items():
                totals[form.casefold()] += n
            best = min(totals.items(), key=lambda item: (-item[1], item[0]))[0]
            cases = [(form, n) for form, n in written.items() if form.casefold() == best]
            shown.append(min(cases, key=lambda item: (-item[1], item[0][:1].isupper(), item[0]))[0])
    return shown


# Words that say nothing about an outlet's choice of words: every function word of German and
# English (the link model's STOPWORDS keep some it was fitted with: "which", "into", "during" were an
# English outlet's "own words") and the commonest English adverbs and quantifiers.
_NO_CHOICE = STOPWORDS | frozenset(
    fold(w)
    for w in function_words("de", "en")
    | set(
        """
        also just only even still very then now however such other another some any all each both
        most many much well yet already again
        """.split()
    )
)
_WORD = re.compile(r"\w+")


# The function words of the other languages read (French and Spanish share one list, as their
# capitalisation rules read them).
_OWN_FUNCTION_WORDS = {
    "fr": ROMANCE_FUNCTION_WORDS,
    "es": ROMANCE_FUNCTION_WORDS,
    "it": function_words("it"),
    "pt": function_words("pt"),
    "nl": function_words("nl"),
}


def _content_words(items: Sequence[Statement]) -> set[str]:
    """Nouns in German (capitalised lemmas), content words in other languages (French, Spanish and
    Italian without their function words and number words: "dans", "quarante" were a French outlet's
    "own words", "essere", "Quaranta" an Italian one's); never a word of a name (names are what "does
    not name" lists)."""
    words: set[str] = set()
    for s in items:
        german = (s.language or "de").startswith("de")
        own_function_words = _OWN_FUNCTION_WORDS.get((s.language or "")[:2].lower())
        names = {fold(w) for m in s.entities for w in _WORD.findall(m.text)}
        for lemma in s.lemmas or tuple(s.text.split()):
            folded = fold(lemma)
            if not folded or folded in _NO_CHOICE or folded in names or folded[0].isdigit():
                continue
            if own_function_words is not None and (
                lemma.lower() in own_function_words or is_number_word(lemma, s.language or "")
            ):
                continue
            if german and not lemma[:1].isupper():
                continue
            words.add(lemma)
    return words
