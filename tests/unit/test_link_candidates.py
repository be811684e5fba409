"""Which pairs of statements the alignment scores in full: candidates across languages that the cosine
floor would never propose (shared evidence that survives translation, mutual nearest neighbours)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from blickwinkel.compare import align
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.similarity import StatementFeatures, embedding_text
from blickwinkel.model import Quantity
from tests.unit.test_compare import EMBEDDER, make_article


def feats(
    language: str,
    keys: tuple[str, ...] = (),
    values: tuple[float, ...] = (),
    dates: tuple[str, ...] = (),
    counted: tuple[tuple[float, str], ...] = (),
) -> StatementFeatures:
    quantities = tuple(Quantity(text=f"{v:g} {u}", start=0, end=1, value=v, unit=u) for v, u in counted)
    return StatementFeatures(
        chars=frozenset(),
        lemmas=frozenset(),
        keys=frozenset(keys),
        quantities=quantities,
        language=language,
        values=frozenset(values) | {v for v, _ in counted},
        dates=frozenset(dates),
    )


def found(
    rows: list[StatementFeatures], articles: list[str], common: frozenset[str] = frozenset()
) -> dict[int, list[int]]:
    return align.evidence_candidates(rows, articles, np.ones(len(rows), dtype=bool), common)


def test_a_shared_rare_name_figure_or_date_proposes_a_pair_in_two_languages() -> None:
    rows = [
        feats("de", keys=("per:ilse-vornweg",)),
        feats("de", values=(4711.0,)),
        feats("de", dates=("2026-03-14",)),
        feats("en", keys=("per:ilse-vornweg",)),
        feats("en", values=(4711.0,)),
        feats("en", dates=("2026-03-14",)),
        *(feats("de") for _ in range(6)),
    ]
    out = found(rows, ["a"] * 3 + ["b"] * 3 + ["a"] * 6)
    assert out[0] == [3] and out[1] == [4] and out[2] == [5]
    assert out[3] == [0] and out[4] == [1] and out[5] == [2]


def test_a_counted_figure_proposes_with_its_unit_a_small_number_too() -> None:
    rows = [feats("de", counted=((3.0, "Verletzte"),)), feats("en", counted=((3.0, "injured"),))]
    rows += [feats("en") for _ in range(8)]
    assert found(rows, ["a", "b"] + ["b"] * 8) == {0: [1], 1: [0]}
    plain = [feats("de", values=(3.0,)), feats("en", values=(3.0,))]  # a small number alone: no evidence
    assert found(plain, ["a", "b"]) == {}


def test_a_measure_converted_to_another_unit_proposes_the_pair() -> None:
    """A length in kilometres in one language and in miles in the other (4,2 km is 2.6 miles): the
    writer converted it, so the two read alike as a measure, not as a figure."""
    rows = [feats("de", counted=((4.2, "Kilometer"),)), feats("en", counted=((2.6, "mile"),))]
    rows += [feats("en") for _ in range(8)]
    assert found(rows, ["a", "b"] + ["b"] * 8) == {0: [1], 1: [0]}
    other = [feats("de", counted=((4.2, "Kilometer"),)), feats("en", counted=((7.0, "mile"),))]
    assert found(other, ["a", "b"]) == {}
    # Two metric units stay apart, as the conflict rules keep them ("2 km" and "300 m").
    metric = [feats("de", counted=((2.0, "Kilometer"),)), feats("en", counted=((2000.0, "metres"),))]
    assert found(metric, ["a", "b"]) == {}


def test_evidence_proposes_only_across_languages_and_articles() -> None:
    rows = [feats("de", keys=("org:kleiner-verein",)), feats("de", keys=("org:kleiner-verein",))]
    assert found(rows, ["a", "b"]) == {}  # one language: the lemmas and the cosine propose these
    rows = [feats("de", keys=("org:kleiner-verein",)), feats("en", keys=("org:kleiner-verein",))]
    assert found(rows, ["a", "a"]) == {}


def test_common_names_and_frequent_evidence_propose_nothing() -> None:
    rows = [feats("de", keys=("loc:xx",)), feats("en", keys=("loc:xx",))]
    assert found(rows, ["a", "b"], common=frozenset({"loc:xx"})) == {}
    # The same date in more statements than EVIDENCE_MAX_DF of a small story is the story's day.
    many = [feats("de" if n % 2 else "en", dates=("2026-05-01",)) for n in range(align.EVIDENCE_MAX_DF + 1)]
    assert found(many, ["a" if n % 2 else "b" for n in range(len(many))]) == {}


def test_at_most_a_few_candidates_per_statement_and_other_article_rarest_first() -> None:
    rows = [feats("de", keys=("per:rare-one", "per:often")), feats("en", keys=("per:rare-one",))]
    rows += [feats("en", keys=("per:often",)) for _ in range(align.EVIDENCE_CANDIDATES + 1)]
    rows += [feats("de") for _ in range(40)]  # a story large enough for the frequent name to count
    out = found(rows, ["a", "b"] + ["b"] * (align.EVIDENCE_CANDIDATES + 1) + ["c"] * 40)
    assert len(out[0]) == align.EVIDENCE_CANDIDATES
    assert out[0][0] == 1


def test_mutual_nearest_statements_in_two_languages_are_candidates_under_the_floor() -> None:
    a = make_article(
        "a", ["Der Stadtrat beschließt am Abend einen neuen Haushalt.", "Morgen regnet es im Tal."]
    )
    b = make_article("b", ["Council members adopt a budget tonight.", "Tomorrow brings rain to the valley."])
    a = replace(a, statements=tuple(replace(s, language="de") for s in a.statements))
    b = replace(b, statements=tuple(replace(s, language="en") for s in b.statements))
    statements = [s for x in (a, b) for s in x.statements]
    parts = parts_of(statements)
    embeddings = EMBEDDER.encode([embedding_text(p.text) for ps in parts for p in ps])
    scorer = align.StoryScorer(statements, parts, embeddings, EMBEDDER.name)
    # Cosines far under the floor, each statement nearest its translation.
    sims = np.array(
        [[1.0, 0.0, 0.2, 0.05], [0.0, 1.0, 0.06, 0.15], [0.2, 0.06, 1.0, 0.0], [0.05, 0.15, 0.0, 1.0]]
    )
    scorer.sims = sims.astype(np.float32)
    assert float(scorer.sims.max(where=~np.eye(4, dtype=bool), initial=0.0)) < align.MIN_COSINE
    pairs = align.candidate_pairs(scorer)
    assert 2 in pairs[(0, "b")] and 3 in pairs[(1, "b")]
    assert 3 not in pairs[(0, "b")] and 2 not in pairs[(1, "b")]
