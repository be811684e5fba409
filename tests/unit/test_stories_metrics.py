"""Clustering metrics, Pearson, the evaluation file parsers and the story CLI's error paths."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from typer.testing import CliRunner

from blickwinkel.cli.main import app
from blickwinkel.errors import EvaluationError
from blickwinkel.stories import article_from_text, clustering_scores, pair_features, pearson
from blickwinkel.stories.evaluate import parse_event_clusters, parse_similarity_pairs


def test_perfect_clustering_scores_one() -> None:
    s = clustering_scores([["a", "b"], ["c"]], {"a": "x", "b": "x", "c": "y"})
    assert (s.bcubed_precision, s.bcubed_recall, s.bcubed_f1, s.pairwise_f1) == (1.0, 1.0, 1.0, 1.0)


def test_bcubed_of_one_merged_cluster() -> None:
    # a, b gold together, c alone; all three predicted together.
    s = clustering_scores([["a", "b", "c"]], {"a": "x", "b": "x", "c": "y"})
    assert s.bcubed_precision == pytest.approx((2 / 3 + 2 / 3 + 1 / 3) / 3)
    assert s.bcubed_recall == 1.0
    assert s.pairwise_precision == pytest.approx(1 / 3)


def test_missing_items_count_as_singletons() -> None:
    s = clustering_scores([], {"a": "x", "b": "x"})
    assert s.bcubed_precision == 1.0
    assert s.bcubed_recall == 0.5


def test_pearson() -> None:
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert pearson([1, 1, 1], [1, 2, 3]) == 0.0


def test_similarity_parser_names_the_line() -> None:
    good = json.dumps(
        {"pair_id": "p", "lang1": "de", "lang2": "en", "text1": "a", "text2": "b", "overall": 2}
    )
    assert parse_similarity_pairs(good, "f.jsonl")[0].languages == "de-en"
    with pytest.raises(EvaluationError, match=r"f\.jsonl:2: missing field\(s\) overall"):
        parse_similarity_pairs(good + "\n" + json.dumps({"text1": "a", "text2": "b"}), "f.jsonl")
    with pytest.raises(EvaluationError, match=r"f\.jsonl:1: \[I001\] not valid JSON \(column 2: "):
        parse_similarity_pairs("{oops", "f.jsonl")


def test_event_cluster_parser() -> None:
    data = [
        {
            "title": "E",
            "articles": [
                {"title": "T", "text": "Eins.\n\nZwei.", "created_at": {"$date": "2014-03-02T10:00:00"}}
            ],
        },
        {"title": "F", "articles": []},
    ]
    articles, gold = parse_event_clusters(json.dumps(data), "c.json")
    assert [a.title for a in articles] == ["T"]
    assert articles[0].published is not None and articles[0].published.isoformat() == "2014-03-02"
    assert gold == {articles[0].id: "e0"}
    with pytest.raises(EvaluationError, match=r"^\[V029\] c\.json: event 0 has no 'articles' list"):
        parse_event_clusters(json.dumps([{"title": "x"}]), "c.json")


@pytest.mark.parametrize(
    ("command", "content", "code", "expected"),
    [
        ("stories", "not json", "", "bad.json: [I001] not valid JSON (line 1, column 1: Expecting value)"),
        ("stories", '{"a": 1}', "[V028] ", "bad.json: expected a JSON list"),
        ("similarity", '{"text1": "x"}', "[V025] ", "bad.json:1: missing field(s) text2, overall"),
    ],
)
def test_eval_commands_reject_bad_files_with_exit_2(
    tmp_path: Path, command: str, content: str, code: str, expected: str
) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", command, str(path)])
    assert result.exit_code == 2
    assert expected in result.output
    assert f"error: {code}{tmp_path}" in result.output  # the id from the error table, then the file
    assert len(result.output.strip().splitlines()) == 1


def test_eval_missing_file_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "stories", str(tmp_path / "none.json")])
    assert result.exit_code == 2
    assert "none.json: file not found" in result.output


def test_stories_command_names_an_unreadable_input(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stories", str(tmp_path / "missing.txt")])
    assert result.exit_code == 2
    assert "missing.txt" in result.output


class _WordHashEmbedder:
    """A stand-in embedder: a bag of hashed words, so the CLI test needs no model."""

    name = "fake"
    dim = 64

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, sum(word.encode()) % self.dim] += 1.0
            out[i] /= max(float(np.linalg.norm(out[i])), 1.0)
        return out


def test_stories_command_groups_the_readable_inputs_and_exits_1(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import blickwinkel.embed

    monkeypatch.setattr(blickwinkel.embed, "get_embedder", lambda name="use": _WordHashEmbedder())
    body = "Die Fähre lief am Dienstag vor Nordby auf Grund. Alle 40 Fahrgäste kamen an Land."
    (tmp_path / "a.txt").write_text(f"Fähre läuft vor Nordby auf Grund\n\n{body}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Fähre vor Nordby gestrandet\n\n{body}", encoding="utf-8")
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    inputs = [str(tmp_path / "a.txt"), str(tmp_path / "broken.json"), str(tmp_path / "missing.txt")]
    inputs.append(str(tmp_path / "b.txt"))

    result = CliRunner().invoke(app, ["stories", *inputs, "--format", "json"])

    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 2
    assert any("broken.json: " in line for line in errors)
    assert any("missing.txt: " in line for line in errors)
    grouped = json.loads(result.stdout)
    assert grouped["articles"] == 2


def test_stories_command_exit_2_when_nothing_is_readable(tmp_path: Path) -> None:
    (tmp_path / "broken.json").write_text("{not json", encoding="utf-8")
    result = CliRunner().invoke(app, ["stories", str(tmp_path / "broken.json"), str(tmp_path / "gone.md")])
    assert result.exit_code == 2
    assert "broken.json: " in result.stderr and "gone.md: " in result.stderr


def test_each_embedder_is_scored_with_its_own_weights() -> None:
    from blickwinkel.errors import EmbedderError
    from blickwinkel.stories import same_story_score, story_docs
    from blickwinkel.stories.score import predicted_overall
    from blickwinkel.stories.weights import WEIGHTS, language_pair, weights_for

    class NamedEmbedder(_WordHashEmbedder):
        def __init__(self, name: str) -> None:
            self.name = name

    articles = [
        article_from_text("a", "Der Stadtrat von Kellingen tagte am Montag lange.", title="Stadtrat tagt"),
        article_from_text("b", "Am Montag tagte in Kellingen der Stadtrat.", title="Lange Sitzung"),
    ]
    assert {"use", "e5"} <= set(WEIGHTS)
    assert weights_for("some-plugin") is WEIGHTS["use"]
    for name in ("use", "e5", "some-plugin"):
        a, b = story_docs(articles, NamedEmbedder(name))
        assert a.embedder == name
        score = same_story_score(a, b)
        model = weights_for(name)
        expected = predicted_overall(
            pair_features(a, b),
            None,
            model.for_languages(a.language, b.language),
            model.calibration.get(language_pair(a.language, b.language)),
        )
        # The e5 model's scale map comes last (weights.StoryModel.mapped); 'use' has none.
        assert score.overall == pytest.approx(model.mapped(expected))
    with pytest.raises(EmbedderError, match="one embedder"):
        same_story_score(story_docs(articles[:1], NamedEmbedder("use"))[0], b)


def test_calibration_moves_the_scale_value_and_leaves_the_probability(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from dataclasses import replace

    from blickwinkel.stories import same_story_score, story_docs
    from blickwinkel.stories.score import predicted_overall, same_event_probability
    from blickwinkel.stories.weights import WEIGHTS, Calibration, language_pair

    class E5Named(_WordHashEmbedder):
        name = "e5"

    articles = [
        article_from_text("a", "Der Stadtrat von Kellingen tagte am Montag lange.", title="Stadtrat tagt"),
        article_from_text("b", "Am Montag tagte in Kellingen der Stadtrat.", title="Lange Sitzung"),
    ]
    a, b = story_docs(articles, E5Named())
    key = language_pair(a.language, b.language)
    # Everything mapped to 'unrelated': half of it goes into the scale value (without the scale map,
    # which would move it further: weights.StoryModel.mapped).
    flat = Calibration(inputs=(1.0, 4.0), outputs=(4.0, 4.0))
    monkeypatch.setitem(WEIGHTS, "e5", replace(WEIGHTS["e5"], calibration={key: flat}, scale_map=()))
    model = WEIGHTS["e5"].for_pair(key)
    linear = predicted_overall(pair_features(a, b), None, model)
    score = same_story_score(a, b)
    assert score.overall == pytest.approx(0.5 * 4.0 + 0.5 * linear)
    assert score.probability == pytest.approx(same_event_probability(linear, model))


def test_date_clash_needs_calendar_days_on_both_sides_and_none_shared() -> None:
    from blickwinkel.stories.score import date_clash

    assert date_clash(frozenset({"d5-17", "wd6"}), frozenset({"d4-18"})) == 1.0
    assert date_clash(frozenset({"d5-17", "d5-18"}), frozenset({"d5-18"})) == 0.0
    assert date_clash(frozenset({"d5-17"}), frozenset({"wd6", "m5"})) == 0.0  # no day on one side
    assert date_clash(frozenset(), frozenset({"d4-18"})) == 0.0


def test_eval_stories_choose_link_lets_each_fold_choose_the_link_shares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import blickwinkel.embed
    from blickwinkel.stories.evaluate import LINK_CHOICE_GRID

    monkeypatch.setattr(blickwinkel.embed, "get_embedder", lambda name="use": _WordHashEmbedder())
    places = ("Nordby", "Kellingen", "Ostrand", "Marwitz", "Brelau", "Tannfeld")
    events = [
        {
            "title": f"Fähre vor {place}",
            "articles": [
                {
                    "title": f"Fähre läuft vor {place} auf Grund",
                    "text": f"Die Fähre lief am Dienstag vor {place} auf Grund. {n + 10} Fahrgäste an Land.",
                    "created_at": "2026-03-03T10:00:00",
                },
                {
                    "title": f"Gestrandet bei {place}",
                    "text": f"Vor {place} ist eine Fähre gestrandet; {n + 10} Fahrgäste sind an Land.",
                    "created_at": "2026-03-03T12:00:00",
                },
            ],
        }
        for n, place in enumerate(places)
    ]
    path = tmp_path / "events.json"
    path.write_text(json.dumps(events), encoding="utf-8")

    shipped = CliRunner().invoke(app, ["eval", "stories", str(path), "--cross-validate", "--format", "json"])
    chosen = CliRunner().invoke(app, ["eval", "stories", str(path), "--choose-link", "--format", "json"])

    assert shipped.exit_code == 0 and chosen.exit_code == 0, shipped.output + chosen.output
    only_threshold = json.loads(shipped.stdout)["cross_validated"]["chosen"]
    with_link = json.loads(chosen.stdout)["cross_validated"]["chosen"]
    assert len(only_threshold) == len(with_link) == 5
    shipped_link = (LINK_CHOICE_GRID[0].keys, LINK_CHOICE_GRID[0].lexical)
    assert {(c["key_weight"], c["lexical_weight"]) for c in only_threshold} == {shipped_link}
    grid = {(w.keys, w.lexical) for w in LINK_CHOICE_GRID}
    assert {(c["key_weight"], c["lexical_weight"]) for c in with_link} <= grid


def test_eval_stories_reads_a_folder_of_event_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import blickwinkel.embed

    monkeypatch.setattr(blickwinkel.embed, "get_embedder", lambda name="use": _WordHashEmbedder())
    for n, place in enumerate(("Nordby", "Kellingen", "Ostrand")):
        folder = tmp_path / f"ferry-{place.lower()}"
        folder.mkdir()
        (folder / "one.md").write_text(
            f"# Fähre läuft vor {place} auf Grund\n\nDie Fähre lief vor {place} auf Grund. {n + 10} an Land.",
            encoding="utf-8",
        )
        (folder / "two.md").write_text(
            f"# Gestrandet bei {place}\n\nVor {place} ist eine Fähre gestrandet; {n + 10} sind an Land.",
            encoding="utf-8",
        )
    result = CliRunner().invoke(app, ["eval", "stories", str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 6
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "no-events").mkdir()
    refused = CliRunner().invoke(app, ["eval", "stories", str(empty)])
    assert refused.exit_code == 2 and "V031" in refused.output
