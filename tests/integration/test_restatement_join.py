"""An article's own restatement joins its fact (issue 11, item 3): an invented article that tells its
lead again in other words at the end, run through the whole analysis and comparison with the shipped
embedder. The restatement joins the lead's fact shared with the other article (both spans in one
fact, not a second fact of that article); a sentence of another fact that shares the lead's names
stays a fact of its own. Every sentence is our own invention."""

from __future__ import annotations

import pytest

from blickwinkel.compare import compare_articles
from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.embed import get_embedder
from blickwinkel.ingest import read_text
from blickwinkel.model import Comparison
from blickwinkel.pipeline import analyse_articles

LEAD = "The town council of Harwick voted on Tuesday to close the old swimming pool at the end of the year."
BODY = [
    "The pool opened in 1968 and needs a new roof.",
    "Parents started a petition against the plan.",
    "The local swimming club trains there four evenings a week.",
    "The mayor said the town could not afford the repairs.",
]
RESTATED = "Harwick's councillors decided on Tuesday that the ageing pool will shut its doors in December."
OTHER_FACT = (
    "The council of Harwick will keep the old ice rink open until the end of the year, it decided on Tuesday."
)
SECOND = [
    "Harwick's old swimming pool is to shut at the end of the year, the council decided on Tuesday.",
    "A new pool in the neighbouring town of Ostley is planned for 2028.",
]


def compared(last: str) -> Comparison:
    texts = {"a": [LEAD, *BODY, last], "b": SECOND}
    read = [
        read_text("Title\n\n" + "\n\n".join(lines), source=f"{name}.txt", fmt="text")
        for name, lines in texts.items()
    ]
    return compare_articles(analyse_articles(read), get_embedder(DEFAULT_EMBEDDER))


def fact_with(comparison: Comparison, text: str) -> tuple[str, ...]:
    by_text = {s.text: s.id for s in comparison.statements}
    return next(f.statements for f in comparison.facts if by_text[text] in f.statements)


@pytest.mark.slow
def test_the_lead_told_again_joins_the_leads_fact() -> None:
    comparison = compared(RESTATED)
    by_text = {s.text: s.id for s in comparison.statements}
    fact = fact_with(comparison, LEAD)
    assert by_text[RESTATED] in fact
    assert by_text[SECOND[0]] in fact
    # one fact of article a, not two: the restatement is not listed as a's own
    own = [f for f in comparison.facts if f.articles == ("a",) and by_text[RESTATED] in f.statements]
    assert own == []


@pytest.mark.slow
def test_another_fact_with_the_leads_names_stays_apart() -> None:
    comparison = compared(OTHER_FACT)
    by_text = {s.text: s.id for s in comparison.statements}
    assert by_text[OTHER_FACT] not in fact_with(comparison, LEAD)
