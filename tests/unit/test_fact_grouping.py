"""Facts from links: an article's own restatements join one fact; every link says why it was made."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.compare.facts import MERGE_MAX_BEST_GAP, SAME_ARTICLE_MIN_SCORE, group_facts
from blickwinkel.model import Link, Statement
from blickwinkel.report.labels import strongest_links
from blickwinkel.report.reasons import link_reason

# Invented statements: a lead and its repetition in the body (a), a report of it elsewhere (b).
STATEMENTS = [
    Statement("a#1", "a", "The ferry ran aground on Sunday evening.", 0, 40),
    Statement("a#2", "a", "A crew member was treated for a cut hand.", 41, 82),
    Statement("a#3", "a", "On Sunday evening the ferry ran aground.", 83, 123),
    Statement("b#1", "b", "The ferry struck a sandbar on Sunday.", 0, 37),
]


def score(i: int, j: int) -> float:
    return 0.9 if {i, j} in ({0, 2}, {0, 3}, {2, 3}) else 0.1


def test_restatements_of_one_article_join_one_fact() -> None:
    links = [Link("a#1", "b#1", 0.7)]
    without = group_facts(STATEMENTS, links, score)
    assert [f.statements for f in without] == [("a#1", "b#1"), ("a#2",), ("a#3",)]
    joined = group_facts(STATEMENTS, links, score, restatements=[("a#1", "a#3")])
    assert [f.statements for f in joined] == [("a#1", "a#3", "b#1"), ("a#2",)]


def test_a_restatement_alone_makes_one_fact_not_two() -> None:
    facts = group_facts(STATEMENTS, [], score, restatements=[("a#1", "a#3")])
    assert ("a#1", "a#3") in [f.statements for f in facts]
    assert len(facts) == 3


def test_every_link_says_why() -> None:
    reasons = {"meaning": 0.71, "wording": 0.4, "lemmas": 0.3, "names": 1.0, "numbers": 1.0, "dates": 1.0}
    text = link_reason(Link("a#1", "b#1", 0.82, reasons))
    assert text.startswith("probability 0.82, meaning 0.71, wording 0.40")
    assert "same names" in text and "same numbers" in text and "same date" in text
    cross = link_reason(Link("a#1", "b#1", 0.6, {"meaning": 0.6, "cross_lingual": 1.0, "numbers": -1.0}))
    assert "across languages" in cross and "numbers differ" in cross and "wording" not in cross
    e5 = link_reason(
        Link("a#1", "b#1", 0.7, {"meaning": 0.4, "cross_lingual": 1.0, "cross_meaning": 0.83, "margin": 0.05})
    )
    assert "e5 meaning 0.83" in e5 and "stands out by 0.05" in e5
    second = link_reason(
        Link("a#1", "b#1", 0.7, {"meaning": 0.4, "second_meaning": 0.62, "second_margin": 0.12})
    )
    assert second.endswith("e5 meaning 0.62, by e5 stands out by 0.12")


def test_a_fact_holds_two_statements_of_one_article_only_when_they_restate_each_other() -> None:
    # b#1 links to the grounding (a#1) and, more weakly, to the injured crew member (a#2): a#2 is a
    # different fact of article a, so it stays out of the grounding's fact.
    links = [Link("a#1", "b#1", 0.9), Link("a#2", "b#1", 0.6)]
    facts = group_facts(STATEMENTS, links, score)
    assert [f.statements for f in facts] == [("a#1", "b#1"), ("a#2",), ("a#3",)]
    # a#3 restates a#1 (the pair scores 0.9), so it may join the same fact through its own link.
    facts = group_facts(STATEMENTS, [*links, Link("a#3", "b#1", 0.8)], score)
    assert [f.statements for f in facts] == [("a#1", "a#3", "b#1"), ("a#2",)]


def test_a_link_with_clashing_numbers_gives_way_to_one_whose_numbers_agree() -> None:
    # b#1 states one number; a#1 states it too, a#2 another number for another thing. The clash is
    # the weaker reason to join, though its score is higher.
    links = [Link("a#1", "b#1", 0.6, {"numbers": 1.0}), Link("a#2", "b#1", 0.8, {"numbers": -1.0})]
    facts = group_facts(STATEMENTS, links, score)
    assert [f.statements for f in facts] == [("a#1", "b#1"), ("a#2",), ("a#3",)]


def test_the_strongest_link_of_each_statement() -> None:
    weak, strong = Link("a#1", "b#1", 0.55), Link("a#3", "b#1", 0.8)
    assert strongest_links([weak, strong]) == {"a#1": weak, "a#3": strong, "b#1": strong}


def test_a_restatement_does_not_join_two_different_statements_of_another_article() -> None:
    # a#1 and a#3 restate each other, but b#1 (linked to a#1) and b#2 (linked to a#3) state different
    # things: joining the restatement would put both into one fact, so the two facts stay apart.
    statements = [*STATEMENTS, Statement("b#2", "b", "Tickets will be refunded.", 38, 63)]
    links = [Link("a#1", "b#1", 0.9), Link("a#3", "b#2", 0.6)]
    facts = group_facts(statements, links, score, restatements=[("a#1", "a#3")])
    assert ("a#1", "b#1") in [f.statements for f in facts]
    assert ("a#3", "b#2") in [f.statements for f in facts]


def test_a_restatement_joins_a_shared_fact_only_when_it_says_what_the_other_articles_say() -> None:
    # a#4 reads like the lead a#1 (the pair scores as a restatement) but tells an earlier grounding;
    # b#1 reports Sunday's. The restatement would carry a#4 into the shared fact, whose statement of
    # another article it does not state alike, so a#4 stays a fact of its own; a#3, a true
    # restatement that scores with b#1 too, joins.
    statements = [
        *STATEMENTS,
        Statement("a#4", "a", "Another ferry ran aground there last winter.", 124, 168),
    ]

    def alike(i: int, j: int) -> float:
        return {frozenset({0, 4}): 0.6, frozenset({3, 4}): 0.1}.get(frozenset({i, j}), score(i, j))

    links = [Link("a#1", "b#1", 0.8)]
    facts = group_facts(statements, links, alike, restatements=[("a#1", "a#3"), ("a#1", "a#4")])
    assert [f.statements for f in facts] == [("a#1", "a#3", "b#1"), ("a#2",), ("a#4",)]
    # Without the other article's statement nothing stands against it: the article's own restatement
    # is one fact.
    alone = group_facts(statements, [], alike, restatements=[("a#1", "a#4")])
    assert ("a#1", "a#4") in [f.statements for f in alone]


def test_a_chain_of_restatements_does_not_join_two_statements_that_say_different_things() -> None:
    # a#3 reads like both a#1 and a#2 (a clause that shares a number with each), but a#1 and a#2
    # state different things: a#3 joins one of them, never both.
    def bridge(i: int, j: int) -> float:
        return 0.6 if {i, j} in ({0, 2}, {1, 2}) else 0.1

    facts = group_facts(STATEMENTS, [], bridge, restatements=[("a#1", "a#3"), ("a#2", "a#3")])
    assert not any({"a#1", "a#2"} <= set(f.statements) for f in facts)
    assert ("a#1", "a#3") in [f.statements for f in facts]


def test_a_statement_stays_out_of_a_fact_whose_statements_in_an_article_are_not_its_match_there() -> None:
    # Invented: a museum theft. c#1 names the theft and the painting's value; a#1 reports the theft,
    # a#2 the value, b#1 the value. b#1 reaches a#1's fact only through c#1, and its best candidate in
    # article a is a#2, far above a#1: it states something else than the fact there.
    statements = [
        Statement("a#1", "a", "Thieves took a painting from the museum overnight.", 0, 50),
        Statement("a#2", "a", "The painting is valued at two million euros.", 51, 96),
        Statement("b#1", "b", "The stolen work is worth about two million euros.", 0, 49),
        Statement("c#1", "c", "The theft of the two-million-euro painting shocked dealers.", 0, 59),
    ]
    scores = {frozenset({0, 3}): 0.8, frozenset({2, 3}): 0.7, frozenset({0, 2}): 0.3, frozenset({1, 2}): 0.45}

    def pair(i: int, j: int) -> float:
        return scores.get(frozenset({i, j}), 0.05)

    links = [Link("a#1", "c#1", 0.8), Link("b#1", "c#1", 0.7)]
    joined = group_facts(statements, links, pair)
    assert ("a#1", "b#1", "c#1") in [f.statements for f in joined]
    best = {(2, "a"): 0.45 + MERGE_MAX_BEST_GAP + 0.05, (2, "c"): 0.7, (0, "c"): 0.8, (3, "a"): 0.8}
    apart = group_facts(statements, links, pair, best=best)
    assert ("a#1", "c#1") in [f.statements for f in apart]
    assert ("b#1",) in [f.statements for f in apart]
    # Its best there no better than the fact's statement: it joins.
    close = {**best, (2, "a"): 0.3 + MERGE_MAX_BEST_GAP - 0.05}
    assert ("a#1", "b#1", "c#1") in [f.statements for f in group_facts(statements, links, pair, best=close)]


@settings(max_examples=150)
@given(
    articles=st.lists(st.integers(min_value=0, max_value=2), min_size=2, max_size=9),
    scores=st.lists(st.floats(min_value=0.0, max_value=1.0), min_size=81, max_size=81),
    linked=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=12),
    restated=st.lists(st.tuples(st.integers(0, 8), st.integers(0, 8)), max_size=3),
)
def test_a_fact_never_holds_two_statements_of_one_article_that_do_not_restate_each_other(
    articles: list[int],
    scores: list[float],
    linked: list[tuple[int, int]],
    restated: list[tuple[int, int]],
) -> None:
    # Any statements, links and scores: two statements of one article share a fact only when the
    # link model scores them as one fact or they restate each other; a chain of restatements (a~b,
    # b~c) does not bring a and c together unless they say the same too.
    n = len(articles)
    statements = [
        Statement(f"{'abc'[a]}#{i}", "abc"[a], f"Statement number {i} of the story.", 0, 10)
        for i, a in enumerate(articles)
    ]

    def score(i: int, j: int) -> float:
        return scores[min(i, j) * 9 + max(i, j)]

    links = [
        Link(statements[i].id, statements[j].id, max(0.5, score(i, j)))
        for i, j in linked
        if i < n and j < n and articles[i] != articles[j]
    ]
    pairs = [
        (statements[i].id, statements[j].id)
        for i, j in restated
        if i < n and j < n and i != j and articles[i] == articles[j]
    ]
    restating = {frozenset((int(a.split("#")[1]), int(b.split("#")[1]))) for a, b in pairs}
    index = {s.id: i for i, s in enumerate(statements)}
    for fact in group_facts(statements, links, score, restatements=pairs):
        members = [index[sid] for sid in fact.statements]
        for i in members:
            for j in members:
                if i < j and articles[i] == articles[j]:
                    assert score(i, j) >= SAME_ARTICLE_MIN_SCORE or {i, j} in restating, (fact, i, j)
        assert set(fact.articles) == {statements[i].article for i in members}
