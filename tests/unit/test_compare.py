"""The comparison core on hand-made statements and a deterministic bag-of-words embedder."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.compare import compare_articles
from blickwinkel.compare.similarity import fold
from blickwinkel.errors import ComparisonError
from blickwinkel.model import AnalysedArticle, Article, Block, Mention, Quantity, Statement


class BagOfWordsEmbedder:
    """Hashes folded words into 256 dimensions: same words, same direction. No model needed."""

    name = "bow"
    dim = 256

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in fold(text).split():
                h = int(hashlib.md5(word.encode()).hexdigest()[:8], 16)
                out[i, h % self.dim] += 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out


def make_article(
    aid: str, sentences: Sequence[str], extras: dict[int, dict[str, object]] | None = None
) -> AnalysedArticle:
    text = " ".join(sentences)
    statements = []
    pos = 0
    for n, sentence in enumerate(sentences):
        start = text.index(sentence, pos)
        pos = start + len(sentence)
        fields = {
            key: tuple(_placed(x, sentence, start) for x in value)  # type: ignore[attr-defined]
            for key, value in (extras or {}).get(n, {}).items()
        }
        statements.append(
            Statement(
                id=f"{aid}#{n + 1}",
                article=aid,
                text=sentence,
                start=start,
                end=pos,
                kind="reporting",
                subjective=False,
                **fields,  # type: ignore[arg-type]
            )
        )
    article = Article(id=aid, text=text, blocks=(Block("paragraph", 0, len(text)),), source=f"{aid}.txt")
    return AnalysedArticle(
        article=article, statements=tuple(statements), subjective_share=0.0, genre="report"
    )


def _placed(item: object, sentence: str, offset: int) -> object:
    """The mention moved to where its text stands in the sentence (offsets into the article)."""
    from dataclasses import replace

    text = item.text  # type: ignore[attr-defined]
    at = sentence.find(text)
    start = offset + (at if at >= 0 else 0)
    return replace(item, start=start, end=start + len(text))  # type: ignore[type-var]


def qty(text: str, value: float, unit: str, approximate: bool = False) -> Quantity:
    return Quantity(text=text, start=0, end=len(text), value=value, unit=unit, approximate=approximate)


def ent(text: str, key: str, type_: str = "LOC") -> Mention:
    return Mention(text=text, start=0, end=len(text), type=type_, key=key)  # type: ignore[arg-type]


EMBEDDER = BagOfWordsEmbedder()

BRIDGE = "Die Stadt Lindenau sperrt die alte Brücke über den Fluss wegen Rost an den Trägern."
COMMUTERS_A = "Nach Angaben der Stadt überqueren täglich 3.000 Pendler die Brücke auf dem Weg zur Arbeit."
COMMUTERS_B = "Nach Angaben der Stadt überqueren täglich 5.000 Pendler die Brücke auf dem Weg zur Arbeit."
COMMUTERS_HEDGED = (
    "Nach Angaben der Stadt überqueren täglich etwa 3000 Pendler die Brücke auf dem Weg zur Arbeit."
)
FERRY = "Ab Montag soll eine Fähre die Pendler zwischen den beiden Ufern transportieren."
PROTEST = "Am Abend protestierten Anwohner vor dem Rathaus gegen die Sperrung."


def test_identical_sentences_form_one_shared_fact() -> None:
    a = make_article("a", [BRIDGE, FERRY])
    b = make_article("b", [BRIDGE, PROTEST])
    cmp = compare_articles([a, b], EMBEDDER)
    shared = [f for f in cmp.facts if len(f.articles) == 2]
    assert [f.statements for f in shared] == [("a#1", "b#1")]
    unique = {f.statements for f in cmp.facts if len(f.articles) == 1}
    assert unique == {("a#2",), ("b#2",)}
    assert cmp.outlets["a"].unique_facts == 1
    assert cmp.outlets["b"].facts == 2


def test_different_numbers_for_the_same_counted_thing_are_a_conflict() -> None:
    a = make_article(
        "a", [BRIDGE, COMMUTERS_A], {1: {"quantities": (qty("3.000 Pendler", 3000, "Pendler"),)}}
    )
    b = make_article(
        "b", [BRIDGE, COMMUTERS_B], {1: {"quantities": (qty("5.000 Pendler", 5000, "Pendler"),)}}
    )
    cmp = compare_articles([a, b], EMBEDDER)
    assert len(cmp.conflicts) == 1
    conflict = cmp.conflicts[0]
    assert conflict.kind == "quantity"
    assert set(conflict.statements) == {"a#2", "b#2"}
    assert "3.000" in conflict.reason and "5.000" in conflict.reason


def test_a_hedged_number_is_not_a_conflict() -> None:
    a = make_article("a", [COMMUTERS_A], {0: {"quantities": (qty("3.000 Pendler", 3000, "Pendler"),)}})
    b = make_article(
        "b", [COMMUTERS_HEDGED], {0: {"quantities": (qty("etwa 3000 Pendler", 3000, "Pendler", True),)}}
    )
    cmp = compare_articles([a, b], EMBEDDER)
    assert cmp.conflicts == ()
    assert any(len(f.articles) == 2 for f in cmp.facts)


def test_numbers_of_different_actors_are_two_facts_not_a_conflict() -> None:
    us = "Die USA haben 2.500 Soldaten in dem Land stationiert."
    eu = "Europäische Staaten haben einige hundert Soldaten in dem Land stationiert."
    a = make_article(
        "a",
        [us],
        {0: {"quantities": (qty("2.500 Soldaten", 2500, "Soldat"),), "entities": (ent("USA", "US"),)}},
    )
    b = make_article(
        "b",
        [eu],
        {
            0: {
                "quantities": (qty("einige hundert Soldaten", 200, "Soldat", True),),
                "entities": (ent("Europa", "EU"),),
            }
        },
    )
    cmp = compare_articles([a, b], EMBEDDER)
    assert cmp.conflicts == ()


def test_dates_that_differ_for_one_fact_are_a_conflict() -> None:
    from blickwinkel.model import DateMention

    text_a = "Der Stadtrat beschloss am Montag die Sperrung der Brücke über den Fluss."
    text_b = "Der Stadtrat beschloss am Dienstag die Sperrung der Brücke über den Fluss."
    a = make_article("a", [text_a], {0: {"dates": (DateMention("am Montag", 0, 9, "2025-03-10"),)}})
    b = make_article("b", [text_b], {0: {"dates": (DateMention("am Dienstag", 0, 11, "2025-03-11"),)}})
    cmp = compare_articles([a, b], EMBEDDER)
    assert [c.kind for c in cmp.conflicts] == ["date"]


def test_fewer_than_two_articles_is_a_clear_error() -> None:
    with pytest.raises(ComparisonError, match="at least two articles"):
        compare_articles([make_article("a", [BRIDGE])], EMBEDDER)


def test_json_contract_has_the_documented_keys() -> None:
    cmp = compare_articles([make_article("a", [BRIDGE]), make_article("b", [BRIDGE])], EMBEDDER)
    data = cmp.to_json()
    assert data["schema"] == "blickwinkel.comparison/1"
    assert {"articles", "statements", "facts", "conflicts", "outlets"} <= set(data)
    assert set(data["statements"][0]) >= {
        "id",
        "article",
        "text",
        "start",
        "end",
        "kind",
        "subjective",
        "speaker",
        "entities",
        "quantities",
        "dates",
    }
    assert set(data["outlets"]["a"]) >= {"facts", "unique_facts", "subjective_share", "quotes", "speakers"}


POOL = [
    BRIDGE,
    COMMUTERS_A,
    FERRY,
    PROTEST,
    "Die Reparatur soll zwölf Millionen Euro kosten.",
    "Ein Gutachten hatte bereits 2019 Schäden festgestellt.",
    "Der Bürgermeister bat um Geduld.",
]


@settings(max_examples=40)
@given(
    st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True),
    st.lists(st.sampled_from(POOL), min_size=1, max_size=5, unique=True),
)
def test_comparing_a_with_b_mirrors_b_with_a(left: list[str], right: list[str]) -> None:
    ab = compare_articles([make_article("a", left), make_article("b", right)], EMBEDDER)
    ba = compare_articles([make_article("b", right), make_article("a", left)], EMBEDDER)
    assert {frozenset(f.statements) for f in ab.facts} == {frozenset(f.statements) for f in ba.facts}
    assert {frozenset(c.statements) for c in ab.conflicts} == {frozenset(c.statements) for c in ba.conflicts}
    every = {s for f in ab.facts for s in f.statements}
    assert every == {s.id for art in ab.articles for s in art.statements}


def test_more_parts_than_the_alignment_takes_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel import compare

    monkeypatch.setattr(compare, "MAX_PARTS", 3)
    many = [make_article("a", [BRIDGE, FERRY, PROTEST]), make_article("b", [BRIDGE, FERRY])]
    with pytest.raises(ComparisonError, match=r"\(a: 3 statements, b: 2 statements\); at most 3 are"):
        compare_articles(many, EMBEDDER)
