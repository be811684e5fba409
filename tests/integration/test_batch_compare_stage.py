"""The batch run's compare stage (``batch.run.compare_chunk``, here in this process, without Dask) against
the comparison `compare` makes of the same German story (our own example): the same comparison JSON and
the same table rows, with each German sentence through the e5 encoder once (the tagger's rows are what
the soft word alignment reads, as in `compare`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from blickwinkel.analyse import token_vectors
from blickwinkel.analyse.pipeline import CACHE
from blickwinkel.batch import run as batch_run
from blickwinkel.batch.output import SCHEMAS, Output, comparison_rows, statement_row
from blickwinkel.ingest import read_inputs
from blickwinkel.model import Comparison

pytestmark = pytest.mark.slow  # the tagger's e5 encoder and a comparison, twice
pq = pytest.importorskip("pyarrow.parquet")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
STORY = "s-bridge"


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False, default=str))


def _rows(out: Path, name: str) -> list[dict[str, Any]]:
    return [row for file in sorted((out / name).glob("*.parquet")) for row in pq.read_table(file).to_pylist()]


def _fresh() -> None:
    """Nothing analysed or kept in this process: as a new process starts."""
    CACHE.clear()
    token_vectors.forget_states()
    token_vectors.keep_tagger_states(False)


def test_the_batch_compares_a_german_story_as_compare_does_encoding_each_sentence_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blickwinkel.pipeline import compare_articles_text

    articles = sorted(read_inputs([str(EXAMPLES / "brueckensperrung")]).articles, key=lambda a: a.id)
    assert len(articles) >= 3 and all(a.language in (None, "de") for a in articles)
    out = tmp_path / "out"
    Output(str(out)).write_pickle(
        [batch_run.WORK, "prepared", "p.pkl"],
        {"articles": {a.id: a for a in articles}, "docs": {}, "failures": []},
    )

    encoded: Counter[tuple[str, ...]] = Counter()
    encode = token_vectors.E5Encoder._word_vectors

    def counting(self: token_vectors.E5Encoder, sentences: Sequence[Sequence[str]], *a: Any) -> Any:
        encoded.update(tuple(words) for words in sentences)
        return encode(self, sentences, *a)

    seen: list[Comparison] = []

    def rows_of(comparison: Comparison, story: str) -> Any:
        seen.append(comparison)
        return comparison_rows(comparison, story)

    monkeypatch.setattr(token_vectors.E5Encoder, "_word_vectors", counting)
    monkeypatch.setattr(batch_run, "comparison_rows", rows_of)
    _fresh()
    result = batch_run.compare_chunk("c", [(STORY, [("p", a.id) for a in articles])], str(out), "use", True)
    assert result.compared == 1 and not result.failures
    assert encoded and max(encoded.values()) == 1  # no German sentence through the encoder twice
    assert not token_vectors.tagger_keeps() and not token_vectors._kept  # nothing left for the next story
    monkeypatch.setattr(token_vectors.E5Encoder, "_word_vectors", encode)

    _fresh()
    expected = compare_articles_text(articles)
    _fresh()
    (got,) = seen
    # The command's JSON (its groups of different events aside: the batch does not ask the story model,
    # and this story reports one event)
    assert not expected.different_events
    assert json.dumps(got.to_json(), ensure_ascii=False) == json.dumps(expected.to_json(), ensure_ascii=False)
    facts, conflicts = comparison_rows(expected, STORY)
    assert facts
    for name, rows in (("facts", facts), ("conflicts", conflicts)):
        columns = [column for column, _ in SCHEMAS[name]]
        assert _rows(out, name) == [_plain({c: row[c] for c in columns}) for row in rows]
    statements = [statement_row(s, STORY) for s in expected.statements]
    assert _rows(out, "statements") == _plain(statements)
