"""The comparison JSON reads back into the model: from_json(to_json(x)) gives the same JSON."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.model import (
    AnalysedArticle,
    Article,
    Comparison,
    Conflict,
    DateMention,
    Fact,
    Link,
    Mention,
    Omission,
    OutletProfile,
    Quantity,
    Statement,
)

NAMES = st.text(alphabet="abcdefgh-_ äöüß", min_size=1, max_size=8)
TEXT = st.text(max_size=30)
FLOAT = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
MAYBE = st.none() | NAMES
JSON_VALUE = st.none() | st.booleans() | st.integers(-1000, 1000) | TEXT
KINDS = st.sampled_from(
    [None, "reporting", "quote", "reported_speech", "background", "caption", "headline", "commentary"]
)

MENTIONS = st.builds(
    Mention,
    text=TEXT,
    start=st.just(0),
    end=st.just(0),
    type=st.sampled_from(["PER", "ORG", "LOC", "OTH"]),
    key=NAMES,
)
QUANTITIES = st.builds(
    Quantity, text=TEXT, start=st.just(0), end=st.just(0), value=FLOAT, unit=MAYBE, approximate=st.booleans()
)
DATES = st.builds(
    DateMention, text=TEXT, start=st.just(0), end=st.just(0), value=MAYBE, inferred=st.booleans()
)


@st.composite
def comparisons(draw: st.DrawFn) -> Comparison:
    ids = draw(st.lists(NAMES, min_size=1, max_size=4, unique=True))
    analysed = []
    statement_ids: list[str] = []
    for aid in ids:
        statements = []
        for n in range(draw(st.integers(0, 3))):
            sid = f"{aid}{n}"
            statement_ids.append(sid)
            statements.append(
                Statement(
                    id=sid,
                    article=aid,
                    text=draw(TEXT),
                    start=draw(st.integers(0, 500)),
                    end=draw(st.integers(0, 500)),
                    kind=draw(KINDS),
                    subjective=draw(st.none() | st.booleans()),
                    speaker=draw(MAYBE),
                    entities=tuple(draw(st.lists(MENTIONS, max_size=2))),
                    quantities=tuple(draw(st.lists(QUANTITIES, max_size=2))),
                    dates=tuple(draw(st.lists(DATES, max_size=2))),
                )
            )
        article = Article(
            id=aid,
            text="",
            blocks=(),
            source=draw(TEXT),
            outlet=draw(MAYBE),
            url=draw(MAYBE),
            title=draw(MAYBE),
            published=draw(st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 1, 1))),
            language=draw(st.none() | st.sampled_from(["de", "en"])),
            paywalled=draw(st.booleans()),
        )
        analysed.append(
            AnalysedArticle(
                article,
                tuple(statements),
                cited_sources=tuple(draw(st.lists(NAMES, max_size=2))),
                genre=draw(st.none() | st.sampled_from(["report", "commentary"])),
            )
        )
    some = st.lists(st.sampled_from(statement_ids), max_size=3) if statement_ids else st.just([])
    facts = tuple(
        Fact(
            f"f{n}",
            tuple(draw(some)),
            tuple(draw(st.lists(st.sampled_from(ids), max_size=3))),
            draw(NAMES),
            draw(MAYBE),
            draw(FLOAT),
        )
        for n in range(draw(st.integers(0, 3)))
    )
    conflicts = tuple(
        Conflict(
            f"c{n}",
            draw(NAMES),
            draw(NAMES),
            tuple(draw(some)),
            tuple(draw(st.lists(JSON_VALUE, max_size=3))),
            draw(TEXT),
            tuple(draw(st.lists(st.tuples(st.integers(0, 500), st.integers(0, 500)), max_size=2))),
        )
        for n in range(draw(st.integers(0, 2)))
    )
    links = tuple(Link(draw(NAMES), draw(NAMES), draw(FLOAT)) for _ in range(draw(st.integers(0, 2))))
    outlets = {
        aid: OutletProfile(
            facts=draw(st.integers(0, 9)),
            unique_facts=draw(st.integers(0, 9)),
            shared_facts=draw(st.integers(0, 9)),
            conflicting_facts=draw(st.integers(0, 9)),
            subjective_share=draw(st.none() | FLOAT),
            quotes=draw(st.integers(0, 9)),
            speakers=tuple(draw(st.lists(NAMES, max_size=2))),
            ends_in_commentary=draw(st.booleans()),
            word_choice=tuple(draw(st.lists(NAMES, max_size=2))),
            copy_of=draw(st.none() | st.sampled_from(ids)),
        )
        for aid in ids
        if draw(st.booleans())
    }
    coverage = {
        f.id: {aid: draw(st.sampled_from(["reported", "conflict", "absent"])) for aid in ids} for f in facts
    }
    omissions = {
        aid: tuple(
            Omission(draw(NAMES), draw(st.integers(1, 5)), draw(FLOAT))
            for _ in range(draw(st.integers(0, 2)))
        )
        for aid in ids
    }
    return Comparison(tuple(analysed), facts, conflicts, links, outlets, draw(NAMES), coverage, omissions)


@settings(max_examples=150)
@given(comparisons())
def test_comparison_json_reads_back_to_the_same_json(comparison: Comparison) -> None:
    data = comparison.to_json()
    again: dict[str, Any] = json.loads(json.dumps(data))  # as the store's cache keeps it
    assert Comparison.from_json(again).to_json() == data


@settings(max_examples=100)
@given(comparisons())
def test_fact_and_conflict_read_back_unchanged(comparison: Comparison) -> None:
    for fact in comparison.facts:
        assert Fact.from_json(fact.to_json()) == fact
    for conflict in comparison.conflicts:
        assert Conflict.from_json(conflict.to_json()) == conflict


def test_given_articles_supply_the_texts() -> None:
    article = Article(id="a1", text="Body.", blocks=(), source="a1.txt", outlet="Herald")
    data = {"articles": [{"id": "a1", "outlet": "Herald"}], "statements": [], "facts": [], "conflicts": []}
    comparison = Comparison.from_json(data, {"a1": article})
    assert comparison.articles[0].article is article
