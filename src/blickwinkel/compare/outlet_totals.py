"""An outlet's figures across stories: the per-article figures of stored comparisons
(:func:`blickwinkel.compare.profile.outlet_profiles`, ``outlets`` in the comparison JSON) summed
per outlet. Pure: it reads comparisons that were made, and makes none."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from blickwinkel.compare.voices import entity_names
from blickwinkel.model import OutletProfile, Statement

# How many of an outlet's most quoted speakers are named.
SPEAKERS_NAMED = 5


@dataclass(frozen=True)
class OutletTotals:
    """One outlet's articles in compared stories: ``facts`` the facts they report, of which
    ``shared_facts`` another outlet's article reports too and ``unique_facts`` no other (the rest is
    "perhaps also" elsewhere); ``opinion_share`` the mean of the articles' opinion shares (None when
    no article has one); ``speakers`` the most quoted first, with how many of its articles quote them."""

    outlet: str
    stories: int
    articles: int
    facts: int
    shared_facts: int
    unique_facts: int
    conflicting_facts: int
    opinion_share: float | None
    quotes: int
    copies: int
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
    speakers: dict[str, Counter[str]] = {}
    # a speaker's name as the comparisons write it (an entity key's name, a source as written, one
    # speaker however capitalised): the commonest one
    spelled: dict[tuple[str, str], Counter[str]] = {}
    for story_id, body, outlet_of in comparisons:
        profiles = body.get("outlets")
        if not isinstance(profiles, Mapping):
            continue
        names = _speaker_names(body.get("statements"))
        for article_id, data in profiles.items():
            outlet = outlet_of.get(article_id)
            profile = _profile(data)
            if outlet is None or profile is None:
                continue
            s = sums.setdefault(outlet, _Sums(set()))
            s.stories.add(story_id)
            s.articles += 1
            s.facts += profile.facts
            s.shared += profile.shared_facts
            s.unique += profile.unique_facts
            s.conflicting += profile.conflicting_facts
            s.quotes += profile.quotes
            s.copies += profile.copy_of is not None
            if isinstance(profile.subjective_share, int | float):
                s.opinion_sum += float(profile.subjective_share)
                s.opinion_n += 1
            keys = {str(name).casefold(): names.get(str(name), str(name)) for name in profile.speakers}
            speakers.setdefault(outlet, Counter()).update(list(keys))
            for key, name in keys.items():
                spelled.setdefault((outlet, key), Counter())[name] += 1
    totals = []
    for outlet, s in sums.items():
        best = {
            k: min(spelled[outlet, k].items(), key=lambda fn: (-fn[1], fn[0]))[0] for k in speakers[outlet]
        }
        quoted = sorted(speakers[outlet].items(), key=lambda kn: (-kn[1], best[kn[0]]))[:SPEAKERS_NAMED]
        totals.append(
            OutletTotals(
                outlet=outlet,
                stories=len(s.stories),
                articles=s.articles,
                facts=s.facts,
                shared_facts=s.shared,
                unique_facts=s.unique,
                conflicting_facts=s.conflicting,
                opinion_share=s.opinion_sum / s.opinion_n if s.opinion_n else None,
                quotes=s.quotes,
                copies=s.copies,
                speakers=tuple((best[k], n) for k, n in quoted),
            )
        )
    return sorted(totals, key=lambda t: (-t.stories, -t.articles, t.outlet))


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
