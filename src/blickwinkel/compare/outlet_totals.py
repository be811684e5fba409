"""An outlet's figures across stories: the per-article figures of stored comparisons
(:func:`blickwinkel.compare.profile.outlet_profiles`, ``outlets`` in the comparison JSON) summed
per outlet. Pure: it reads comparisons that were made, and makes none.

Two steps, so that the store can keep the first and sum in the database: :func:`article_figures` reads
one comparison's figures per article (the store keeps them beside the comparison), and
:func:`totals_of` turns an outlet's sums and its speakers' counts into :class:`OutletTotals`.
:func:`outlet_totals` does both over comparisons in memory (the store's sums are tested against it)."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from blickwinkel.compare.voices import entity_names
from blickwinkel.model import OutletProfile, Statement

# How many of an outlet's most quoted speakers are named.
SPEAKERS_NAMED = 5


@dataclass(frozen=True)
class OutletSums:
    """One outlet's article figures summed over the compared stories (``opinion_share`` their mean
    where an article has one, else None)."""

    outlet: str
    stories: int
    articles: int
    facts: int
    shared_facts: int
    unique_facts: int
    conflicting_facts: int
    quotes: int
    copies: int
    opinion_share: float | None


@dataclass(frozen=True)
class OutletTotals(OutletSums):
    """One outlet's articles in compared stories: ``facts`` the facts they report, of which
    ``shared_facts`` another outlet's article reports too and ``unique_facts`` no other (the rest is
    "perhaps also" elsewhere); ``opinion_share`` the mean of the articles' opinion shares (None when
    no article has one); ``speakers`` the most quoted first, with how many of its articles quote them."""

    speakers: tuple[tuple[str, int], ...]

    @property
    def shared_share(self) -> float | None:
        return self.shared_facts / self.facts if self.facts else None

    @property
    def unique_share(self) -> float | None:
        return self.unique_facts / self.facts if self.facts else None

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "stories": self.stories,
            "articles": self.articles,
            "facts": self.facts,
            "shared_facts": self.shared_facts,
            "unique_facts": self.unique_facts,
            "shared_share": _rounded(self.shared_share),
            "unique_share": _rounded(self.unique_share),
            "conflicting_facts": self.conflicting_facts,
            "opinion_share": _rounded(self.opinion_share),
            "quotes": self.quotes,
            "copies": self.copies,
            "speakers": [{"name": name, "articles": n} for name, n in self.speakers],
        }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


@dataclass(frozen=True)
class ArticleFigures:
    """One article's figures in one comparison: what an outlet's totals add up. ``article`` is the
    comparison's id of it (``a<number>``); ``opinion`` its opinion share (None when it has none);
    ``speakers`` each speaker it quotes once, as (the name folded for counting, the name as the
    comparison's reports write it)."""

    article: str
    facts: int
    shared_facts: int
    unique_facts: int
    conflicting_facts: int
    quotes: int
    copy: bool
    opinion: float | None
    speakers: tuple[tuple[str, str], ...]


def article_figures(body: Mapping[str, Any]) -> tuple[ArticleFigures, ...]:
    """The figures of each article of a comparison (its JSON); an article whose part of the JSON is no
    figures is left out, and a comparison without ``outlets`` has none."""
    profiles = body.get("outlets")
    if not isinstance(profiles, Mapping):
        return ()
    names = _speaker_names(body.get("statements"))
    figures = []
    for article_id, data in profiles.items():
        profile = _profile(data)
        if profile is None:
            continue
        speakers = {str(name).casefold(): names.get(str(name), str(name)) for name in profile.speakers}
        opinion = profile.subjective_share
        figures.append(
            ArticleFigures(
                article=str(article_id),
                facts=profile.facts,
                shared_facts=profile.shared_facts,
                unique_facts=profile.unique_facts,
                conflicting_facts=profile.conflicting_facts,
                quotes=profile.quotes,
                copy=profile.copy_of is not None,
                opinion=float(opinion) if isinstance(opinion, int | float) else None,
                speakers=tuple(speakers.items()),
            )
        )
    return tuple(figures)


@dataclass(frozen=True)
class SpeakerCount:
    """How many of an outlet's articles quote a speaker (``key`` the folded name) under one spelling."""

    outlet: str
    key: str
    name: str
    articles: int


def totals_of(sums: Iterable[OutletSums], speakers: Iterable[SpeakerCount]) -> list[OutletTotals]:
    """Each outlet's totals, the outlet of most stories first; its most quoted speakers by their
    commonest spelling (ties: the first in order of characters)."""
    counts: dict[str, Counter[str]] = {}
    spelled: dict[tuple[str, str], Counter[str]] = {}
    for speaker in speakers:
        counts.setdefault(speaker.outlet, Counter())[speaker.key] += speaker.articles
        spelled.setdefault((speaker.outlet, speaker.key), Counter())[speaker.name] += speaker.articles
    totals = []
    for s in sums:
        quoted = counts.get(s.outlet, Counter())
        best = {k: min(spelled[s.outlet, k].items(), key=lambda fn: (-fn[1], fn[0]))[0] for k in quoted}
        named = sorted(quoted.items(), key=lambda kn: (-kn[1], best[kn[0]]))[:SPEAKERS_NAMED]
        sums_of = {f.name: getattr(s, f.name) for f in dataclasses.fields(OutletSums)}
        totals.append(OutletTotals(**sums_of, speakers=tuple((best[k], n) for k, n in named)))
    return sorted(totals, key=lambda t: (-t.stories, -t.articles, t.outlet))


@dataclass
class _Sums:
    stories: set[int]
    articles: int = 0
    facts: int = 0
    shared: int = 0
    unique: int = 0
    conflicting: int = 0
    quotes: int = 0
    copies: int = 0
    opinion_sum: float = 0.0
    opinion_n: int = 0


def outlet_totals(
    comparisons: Iterable[tuple[int, Mapping[str, Any], Mapping[str, str]]],
) -> list[OutletTotals]:
    """Per outlet, over ``(story id, comparison JSON, outlet name by article id)``: the figures of its
    articles summed, the outlet of most stories first. An article without an outlet, or without
    figures in its comparison, is left out."""
    sums: dict[str, _Sums] = {}
    speakers: Counter[tuple[str, str, str]] = Counter()
    for story_id, body, outlet_of in comparisons:
        for f in article_figures(body):
            outlet = outlet_of.get(f.article)
            if outlet is None:
                continue
            s = sums.setdefault(outlet, _Sums(set()))
            s.stories.add(story_id)
            s.articles += 1
            s.facts += f.facts
            s.shared += f.shared_facts
            s.unique += f.unique_facts
            s.conflicting += f.conflicting_facts
            s.quotes += f.quotes
            s.copies += f.copy
            if f.opinion is not None:
                s.opinion_sum += f.opinion
                s.opinion_n += 1
            speakers.update((outlet, key, name) for key, name in f.speakers)
    return totals_of(
        (
            OutletSums(
                outlet=outlet,
                stories=len(s.stories),
                articles=s.articles,
                facts=s.facts,
                shared_facts=s.shared,
                unique_facts=s.unique,
                conflicting_facts=s.conflicting,
                quotes=s.quotes,
                copies=s.copies,
                opinion_share=s.opinion_sum / s.opinion_n if s.opinion_n else None,
            )
            for outlet, s in sums.items()
        ),
        (SpeakerCount(outlet, key, name, n) for (outlet, key, name), n in speakers.items()),
    )


def _profile(data: Any) -> OutletProfile | None:
    """The article's figures; None for a part of the JSON that is not one (a stored comparison is
    read as it is, never trusted to have every field)."""
    if not isinstance(data, Mapping):
        return None
    try:
        return OutletProfile.from_json(data)
    except (KeyError, TypeError, ValueError):
        return None


def _speaker_names(statements: Any) -> dict[str, str]:
    """Entity key → name, as the comparison's reports write it (``{}`` for statements that cannot be
    read)."""
    if not isinstance(statements, list):
        return {}
    try:
        return entity_names(Statement.from_json(s) for s in statements if isinstance(s, Mapping))
    except (KeyError, TypeError, ValueError):
        return {}
