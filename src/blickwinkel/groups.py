"""Groups of items joined pair by pair (union-find): the statements of one fact, the articles of one
story, the story parts merged across window borders, the articles linked by shared facts, the articles
that quote a speaker in the same words.

One implementation for all of them. A group is named by its root, one of its members: with ``first``,
the member that sorts first by it (a story keeps the id of its first article), and the members are
kept in that order; without it, the root of the larger group of two joined stays (fewer steps to it).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from typing import Any, Generic, TypeVar

K = TypeVar("K", bound=Hashable)

__all__ = ["Groups"]


class Groups(Generic[K]):
    """Disjoint groups of items; ``members`` maps each group's root to its members."""

    def __init__(self, items: Iterable[K] = (), first: Callable[[K], Any] | None = None) -> None:
        self._parent: dict[K, K] = {}
        self._first = first
        self.members: dict[K, list[K]] = {}
        for item in items:
            self.add(item)

    def add(self, item: K) -> None:
        """``item`` as a group of its own (nothing when it is in a group already)."""
        if item not in self._parent:
            self._parent[item] = item
            self.members[item] = [item]

    def __contains__(self, item: object) -> bool:
        return item in self._parent

    def find(self, item: K) -> K:
        """The root of ``item``'s group (path halving: each step skips a parent)."""
        parent = self._parent
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    def union(self, a: K, b: K) -> K:
        """Join the groups of ``a`` and ``b``; the root of the joined group."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return ra
        if self._first is not None:
            keep, gone = (ra, rb) if self._first(ra) <= self._first(rb) else (rb, ra)
            self._parent[gone] = keep
            self.members[keep] = sorted(self.members[keep] + self.members.pop(gone), key=self._first)
            return keep
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self._parent[rb] = ra
        self.members[ra].extend(self.members.pop(rb))
        return ra
