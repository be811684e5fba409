"""An outlet's figures across stories (compare/outlet_totals.py) from comparison JSON written here:
sums, shares, the opinion mean, the most quoted speakers by name, and parts that are no figures."""

from __future__ import annotations

from typing import Any

from blickwinkel.compare.outlet_totals import SPEAKERS_NAMED, outlet_totals


def _profile(facts: int, shared: int, unique: int, **more: Any) -> dict[str, Any]:
    return {
        "facts": facts,
        "shared_facts": shared,
        "unique_facts": unique,
        "conflicting_facts": more.get("conflicts", 0),
        "subjective_share": more.get("opinion"),
        "quotes": more.get("quotes", 0),
        "speakers": more.get("speakers", []),
        "copy_of": more.get("copy_of"),
    }


def _statement(sid: str, article: str, names: list[tuple[str, str]]) -> dict[str, Any]:
    return {
        "id": sid,
        "article": article,
        "text": "An invented sentence.",
        "start": 0,
        "end": 21,
        "kind": "quote",
        "entities": [{"text": text, "type": "PER", "key": key} for text, key in names],
    }


STORY_1 = {
    "statements": [_statement("a1#1", "a1", [("Vera Stolmann", "per:vera-stolmann")])],
    "outlets": {
        "a1": _profile(
            10, 6, 3, conflicts=1, opinion=0.2, quotes=2, speakers=["per:vera-stolmann", "Police"]
        ),
        "a2": _profile(8, 6, 2, opinion=0.0, quotes=1, speakers=["police"]),
    },
}
STORY_2 = {
    "statements": [
        _statement("a3#1", "a3", [("Stolmann", "per:vera-stolmann"), ("Vera Stolmann", "per:vera-stolmann")])
    ],
    "outlets": {
        "a3": _profile(5, 1, 4, conflicts=2, opinion=0.4, quotes=3, speakers=["per:vera-stolmann"]),
        "a4": _profile(5, 1, 4, opinion=None, copy_of="a3"),
    },
}
OUTLETS_1 = {"a1": "Glenmoor Gazette", "a2": "Tidewater Post"}
OUTLETS_2 = {"a3": "Glenmoor Gazette", "a4": "Tidewater Post"}


def test_figures_are_summed_per_outlet_over_its_stories() -> None:
    totals = {t.outlet: t for t in outlet_totals([(1, STORY_1, OUTLETS_1), (2, STORY_2, OUTLETS_2)])}
    gazette = totals["Glenmoor Gazette"]
    assert (gazette.stories, gazette.articles, gazette.facts) == (2, 2, 15)
    assert (gazette.shared_facts, gazette.unique_facts, gazette.conflicting_facts) == (7, 7, 3)
    assert gazette.shared_share == 7 / 15 and gazette.unique_share == 7 / 15
    assert gazette.opinion_share is not None and abs(gazette.opinion_share - 0.3) < 1e-9
    assert (gazette.quotes, gazette.copies) == (5, 0)
    # the entity key is named as the reports write it (the fullest name of a person), and "Police" is
    # one speaker however capitalised
    assert gazette.speakers == (("Vera Stolmann", 2), ("Police", 1))
    post = totals["Tidewater Post"]
    assert post.opinion_share == 0.0  # the article without an opinion share is not counted as 0
    assert (post.copies, post.speakers) == (1, (("police", 1),))
    assert gazette.to_json()["shared_share"] == 0.467


def test_outlet_of_most_stories_first_and_the_speakers_cut() -> None:
    many = {
        "outlets": {"a9": _profile(1, 0, 1, speakers=[f"Speaker {n}" for n in range(SPEAKERS_NAMED + 3)])}
    }
    totals = outlet_totals(
        [(1, STORY_1, OUTLETS_1), (2, STORY_2, {"a3": "Tidewater Post"}), (3, many, {"a9": "Aldbury Echo"})]
    )
    # two stories first; one story each: by name
    assert [t.outlet for t in totals] == ["Tidewater Post", "Aldbury Echo", "Glenmoor Gazette"]
    assert len(totals[1].speakers) == SPEAKERS_NAMED


def test_parts_that_are_no_figures_are_left_out() -> None:
    broken: list[tuple[int, dict[str, Any], dict[str, str]]] = [
        (1, {"outlets": "none"}, {"a1": "Glenmoor Gazette"}),
        (
            2,
            {"outlets": {"a1": {"facts": "many"}, "a2": [], "a5": _profile(2, 1, 1)}},
            {"a1": "X", "a2": "Y"},
        ),
        (
            3,
            {"statements": "none", "outlets": {"a1": _profile(3, 2, 1, speakers=["per:nobody"])}},
            {"a1": "Z"},
        ),
    ]
    totals = outlet_totals(broken)
    # a5 has no outlet, a1 of story 2 no figures: only story 3 counts
    assert [(t.outlet, t.facts, t.speakers) for t in totals] == [("Z", 3, (("per:nobody", 1),))]


def test_a_comparison_stored_before_shared_facts_counts_the_rest_as_shared() -> None:
    old = {"outlets": {"a1": {k: v for k, v in _profile(6, 0, 2).items() if k != "shared_facts"}}}
    (only,) = outlet_totals([(1, old, {"a1": "Glenmoor Gazette"})])
    assert (only.facts, only.shared_facts, only.unique_facts) == (6, 4, 2)
    assert outlet_totals([]) == []
