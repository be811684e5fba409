"""Per-outlet figures: how many facts an article reports, how many only it reports, quotes, speakers."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from blickwinkel.analyse.speakers import speaker_identity
from blickwinkel.compare.coverage import word_choice
from blickwinkel.model import AnalysedArticle, Conflict, Fact, OutletProfile

# How many closing statements are looked at, and how many of them must be opinion.
CLOSING_STATEMENTS = 3
CLOSING_SUBJECTIVE = 2


def ends_in_commentary(article: AnalysedArticle) -> bool:
    """Whether the article's closing statements are mostly opinion: reporting that turns into
    commentary at the end, a pattern readers often miss."""
    body = [s for s in article.statements if s.block_kind not in ("caption", "headline", "subheading")]
    closing = body[-CLOSING_STATEMENTS:]
    return (
        len(closing) == CLOSING_STATEMENTS and sum(1 for s in closing if s.subjective) >= CLOSING_SUBJECTIVE
    )


def _written_in(article: AnalysedArticle, forms: Mapping[str, set[str]]) -> set[str]:
    """The keys of ``forms`` whose name, as another article wrote it, stands in this article's
    statements although its own reading gave the name no key or another one ("Lindau" read as a place
    in one sentence and as part of a role in another): such an article was said not to name it."""
    if not forms:
        return set()
    text = "\n".join(s.text for s in article.statements)
    return {
        key
        for key, written in forms.items()
        if any(re.search(rf"(?<!\w){re.escape(form)}(?!\w)", text) for form in written if len(form) > 1)
    }


def outlet_profiles(
    articles: Sequence[AnalysedArticle],
    facts: Sequence[Fact],
    conflicts: Sequence[Conflict],
    *,
    core: frozenset[str] = frozenset(),
    copies: Mapping[str, str] | None = None,
) -> dict[str, OutletProfile]:
    """Per article: facts, unique and conflicting facts, opinion, quotes, speakers, sources, the
    story's core entities it names or leaves out, its own words for shared facts, and whether it is
    a copy of another article."""
    statements = {s.id: s for a in articles for s in a.statements}
    conflicting = {(c.fact, statements[sid].article) for c in conflicts for sid in c.statements}
    core_entities = sorted(k for k in core if not k.startswith("unit:"))
    forms: dict[str, set[str]] = {}
    for a in articles:
        for s in a.statements:
            for m in s.entities:
                forms.setdefault(m.key, set()).add(m.text)
    profiles: dict[str, OutletProfile] = {}
    for a in articles:
        aid = a.article.id
        mine = [f for f in facts if aid in f.articles]
        # one speaker once, however capitalised ("Police said …" opening a sentence, "…, police said")
        # and with or without an article ("die Feuerwehr", "laut der Feuerwehr": `speaker_identity`)
        spoken = {speaker_identity(s.speaker): s.speaker for s in reversed(a.statements) if s.speaker}
        speakers = tuple(
            dict.fromkeys(spoken[speaker_identity(s.speaker)] for s in a.statements if s.speaker)
        )
        # whom it quotes it names, even where the name stands only in an attribution line
        named = {m.key for s in a.statements for m in s.entities} | set(speakers)
        named |= _written_in(a, {k: forms[k] for k in core_entities if k not in named and k in forms})
        profiles[aid] = OutletProfile(
            facts=len(mine),
            unique_facts=sum(1 for f in mine if f.only_one),
            # reported by another article too; a fact "perhaps also" elsewhere is neither unique nor
            # shared (facts - unique_facts counted it as shared)
            shared_facts=sum(1 for f in mine if len(f.articles) >= 2),
            conflicting_facts=sum(1 for f in mine if (f.id, aid) in conflicting),
            subjective_share=a.subjective_share,
            quotes=sum(1 for s in a.statements if s.kind == "quote"),
            speakers=speakers,
            ends_in_commentary=ends_in_commentary(a),
            cited_sources=a.cited_sources,
            entities_named=tuple(k for k in core_entities if k in named),
            entities_omitted=tuple(k for k in core_entities if k not in named),
            word_choice=word_choice(facts, statements, aid),
            copy_of=(copies or {}).get(aid),
        )
    return profiles
