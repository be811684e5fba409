"""Groups of items joined pair by pair: the one union-find of facts, stories and comparisons."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.groups import Groups

PAIRS = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=20)


def components(pairs: list[tuple[int, int]]) -> set[frozenset[int]]:
    """The connected components of the graph over 0..11, by repeated spreading (no union-find)."""
    reach = {i: {i} for i in range(12)}
    changed = True
    while changed:
        changed = False
        for a, b in pairs:
            joined = reach[a] | reach[b]
            for i in joined:
                if reach[i] != joined:
                    reach[i] = set(joined)
                    changed = True
    return {frozenset(found) for found in reach.values()}


@given(PAIRS)
def test_the_groups_are_the_connected_components_in_any_order(pairs: list[tuple[int, int]]) -> None:
    for ordered in (pairs, pairs[::-1]):
        groups: Groups[int] = Groups(range(12))
        for a, b in ordered:
            groups.union(a, b)
        assert {frozenset(m) for m in groups.members.values()} == components(pairs)
        assert all(groups.find(i) in groups.members[groups.find(i)] for i in range(12))


@given(PAIRS)
def test_with_first_the_root_is_the_first_member_and_members_stay_in_order(
    pairs: list[tuple[int, int]],
) -> None:
    groups: Groups[int] = Groups(range(12), first=lambda i: -i)  # the largest item comes first
    for a, b in pairs:
        root = groups.union(a, b)
        assert root == max(groups.members[root])
    for root, members in groups.members.items():
        assert root == members[0] and members == sorted(members, reverse=True)


def test_items_join_by_name_and_unknown_items_are_not_in_a_group() -> None:
    groups: Groups[str] = Groups(["lake", "valley", "hill"])
    assert "ridge" not in groups and "hill" in groups
    groups.union("lake", "hill")
    assert groups.find("hill") == groups.find("lake") != groups.find("valley")
    groups.add("hill")  # already in a group: nothing changes
    assert sorted(groups.members[groups.find("lake")]) == ["hill", "lake"]
