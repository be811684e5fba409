"""Whether the compared articles report one event: the groups of articles that share no fact, and
of those the ones the story model scores as different events.

Articles of two events given to one comparison share no fact across the two groups; but two reports
of one event worded apart share no *linked* fact either (the link model misses loose paraphrases),
and the comparison said they might be two events. So the groups the facts leave are asked of the story
model too (:func:`blickwinkel.stories.cluster.one_story_groups`, the same-story score ``stories``
joins articles by), and only groups it keeps apart are different events. The articles' story
features are computed only when the facts leave two groups or more.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from blickwinkel.embed import Embedder
from blickwinkel.groups import Groups
from blickwinkel.model import AnalysedArticle, Fact

__all__ = ["different_events", "fact_groups"]


def fact_groups(article_ids: Sequence[str], facts: Iterable[Fact]) -> list[list[str]]:
    """``article_ids`` in groups that share no fact with each other (one group when every article is
    linked to every other through shared facts), each in the given order."""
    linked: Groups[str] = Groups(article_ids)
    for fact in facts:
        members = [article_id for article_id in fact.articles if article_id in linked]
        for other in members[1:]:
            linked.union(members[0], other)
    groups: dict[str, list[str]] = {}
    for article_id in article_ids:
        groups.setdefault(linked.find(article_id), []).append(article_id)
    return list(groups.values())


def different_events(
    articles: Sequence[AnalysedArticle], facts: Iterable[Fact], embedder: Embedder
) -> tuple[tuple[str, ...], ...]:
    """The article ids in groups that share no fact and that the story model, reading the articles'
    story features by ``embedder``, scores as different events; empty when they report one event."""
    groups = fact_groups([a.article.id for a in articles], facts)
    if len(groups) < 2:
        return ()
    from blickwinkel.stories.cluster import LINKAGE_MEMBERS, one_story_groups
    from blickwinkel.stories.features import story_docs

    # At most as many articles of a group as the clusterer compares of a story (the first ones here):
    # the story features are the cost of this question (CPU 0.4 s for 10 articles, 1.4 s for 50).
    asked = [group[:LINKAGE_MEMBERS] for group in groups]
    by_id = {a.article.id: a.article for a in articles}
    wanted = [by_id[article_id] for group in asked for article_id in group]
    docs = {doc.id: doc for doc in story_docs(wanted, embedder)}
    events = one_story_groups([[docs[article_id] for article_id in group] for group in asked])
    if len(events) < 2:
        return ()
    return tuple(tuple(article_id for n in joined for article_id in groups[n]) for joined in events)
