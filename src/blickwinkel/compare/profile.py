"""Per-outlet figures: how many facts an article reports, how many only it reports, quotes, speakers."""

from __future__ import annotations

from collections.abc import Sequence

from blickwinkel.model import AnalysedArticle, Conflict, Fact, OutletProfile


def outlet_profiles(
    articles: Sequence[AnalysedArticle], facts: Sequence[Fact], conflicts: Sequence[Conflict]
) -> dict[str, OutletProfile]:
    conflicting = {c.fact for c in conflicts}
    profiles: dict[str, OutletProfile] = {}
    for a in articles:
        aid = a.article.id
        mine = [f for f in facts if aid in f.articles]
        speakers = tuple(dict.fromkeys(s.speaker for s in a.statements if s.speaker))
        profiles[aid] = OutletProfile(
            facts=len(mine),
            unique_facts=sum(1 for f in mine if len(f.articles) == 1),
            conflicting_facts=sum(1 for f in mine if f.id in conflicting),
            subjective_share=a.subjective_share,
            quotes=sum(1 for s in a.statements if s.kind == "quote"),
            speakers=speakers,
        )
    return profiles
