"""`compare --output` that cannot be written is refused before the comparison runs; CLI messages
follow one form."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from blickwinkel.cli.compare_cmd import Format, _format_of
from blickwinkel.cli.main import app

EXAMPLE = Path(__file__).parents[2] / "examples" / "ferry-grounding"


def test_output_in_a_missing_folder_is_refused_up_front(tmp_path: Path) -> None:
    # It used to run the whole comparison and end in a FileNotFoundError traceback.
    target = tmp_path / "no-such-folder" / "report.html"
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"{target}: --output: the folder {target.parent} does not exist" in result.stderr


def test_output_that_is_a_folder_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "-o", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "--output names a folder" in result.stderr


def test_output_with_an_unknown_suffix_is_refused(tmp_path: Path) -> None:
    # `-o report.pdf` used to write terminal text into a file named .pdf.
    target = tmp_path / "report.pdf"
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "-o", str(target)])
    assert result.exit_code == 2, result.output
    assert f"error: [K009] {target}: --output ends in '.pdf'" in result.stderr
    assert not target.exists()


@pytest.mark.parametrize(
    ("name", "expected"),
    [("r.txt", Format.terminal), ("r", Format.terminal), ("r.JSON", Format.json), ("r.htm", Format.html)],
)
def test_the_output_suffix_picks_the_format(name: str, expected: Format) -> None:
    assert _format_of(Path(name)) is expected
    assert _format_of(None) is Format.terminal


def test_output_messages_carry_their_error_ids(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "-o", str(tmp_path)])
    assert f"error: [K007] {tmp_path}: --output names a folder" in result.stderr


@pytest.mark.parametrize(
    "command",
    [["eval", "compare", "x.json", "--format", "xml"], ["eval", "ner", "x.tsv", "--format", "xml"]],
)
def test_eval_errors_use_the_one_prefix(command: list[str]) -> None:
    # eval compare and eval ner wrote "Error:", the other commands "error:".
    result = CliRunner().invoke(app, command)
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: [C003] --format 'xml': choose one of 'text', 'json'.")


def test_a_report_that_cannot_be_written_to_standard_output_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    # Standard output on a full disk said "[K006] None: cannot write the report".
    import types

    from blickwinkel import pipeline
    from blickwinkel.cli import compare_cmd

    run = types.SimpleNamespace(comparison=object(), failures=(), articles=(), notes=())
    monkeypatch.setattr(pipeline, "compare_inputs", lambda *args, **kwargs: run)

    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(compare_cmd, "_render", full)
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE), "--format", "json"])
    assert result.exit_code == 2, result.output
    assert "error: [K006] standard output: cannot write the report: No space left on device" in result.stderr


def test_articles_in_other_languages_are_named_with_what_is_not_read() -> None:
    from types import SimpleNamespace

    from blickwinkel.report.labels import thin_languages_note

    def article(id: str, language: str | None, outlet: str | None = None) -> SimpleNamespace:
        return SimpleNamespace(article=SimpleNamespace(id=id, language=language, outlet=outlet))

    known = SimpleNamespace(articles=[article("a", "de"), article("b", "en-GB"), article("c", None)])
    assert thin_languages_note(known) is None  # type: ignore[arg-type]
    mixed = SimpleNamespace(articles=[article("a", "cs", "Kurier"), article("b", "cs"), article("c", "tr")])
    note = thin_languages_note(mixed)  # type: ignore[arg-type]
    assert note is not None
    assert note.startswith(
        "Kurier, b (outlet unknown) (cs); c (outlet unknown) (tr): blickwinkel reads German and English"
    )
    assert "in cs it finds names by their capitals only" in note and "no opinion" in note
    # Turkish counts and amounts are read (seventeenth session); the rest is not
    assert "articles in tr get no speakers, dates and no opinion" in note
    # what it does not read is said as it is (found by the new user: an Italian pair's "40 famiglie" /
    # "45 famiglie" were no quantities, while the note said facts were linked by numbers)
    assert "no dates, no counts or amounts" in note and "numbers alone" not in note
    # two articles of one outlet are told apart, by the one label function (outlet_labels)
    twice = SimpleNamespace(articles=[article("a", "pl", "Kurier"), article("b", "pl", "Kurier")])
    assert (thin_languages_note(twice) or "").startswith("Kurier (a), Kurier (b) (pl): ")  # type: ignore[arg-type]


def test_articles_that_share_no_fact_are_named_as_perhaps_other_events() -> None:
    # Two reports of a ferry grounding and two of a school closure given to one `compare` gave shared
    # facts, omissions and "left out" lists of each group against the other without a word. The note
    # names the groups the comparison holds for different events (compare/events.py).
    from types import SimpleNamespace

    from blickwinkel.report.labels import separate_events_note

    def article(id: str, outlet: str | None = None) -> SimpleNamespace:
        return SimpleNamespace(article=SimpleNamespace(id=id, outlet=outlet))

    articles = [article("a", "Lake Post"), article("b"), article("c", "Valley News"), article("d")]
    one = SimpleNamespace(articles=articles, different_events=())
    assert separate_events_note(one) is None  # type: ignore[arg-type]
    two = SimpleNamespace(articles=articles, different_events=(("a", "b"), ("c", "d")))
    note = separate_events_note(two)  # type: ignore[arg-type]
    assert note == (
        "Lake Post, b (outlet unknown) | Valley News, d (outlet unknown): these groups of articles share "
        "no fact; they may report "
        "different events (`blickwinkel stories` groups articles by event)"
    )
    # two articles of one outlet in two groups read "Lake Post | Lake Post"; the one label tells them apart
    same = [article("a", "Lake Post"), article("b", "Lake Post")]
    note = separate_events_note(SimpleNamespace(articles=same, different_events=(("a",), ("b",))))  # type: ignore[arg-type]
    assert note is not None and note.startswith("Lake Post (a) | Lake Post (b): ")


def test_groups_of_articles_that_share_no_fact() -> None:
    from types import SimpleNamespace

    from blickwinkel.compare.events import fact_groups

    def fact(*ids: str) -> SimpleNamespace:
        return SimpleNamespace(articles=ids)

    ids = ["a", "b", "c", "d"]
    assert fact_groups(ids, [fact("a", "b"), fact("b", "c", "d"), fact("d")]) == [ids]  # type: ignore[list-item]
    assert fact_groups(ids, [fact("a", "b"), fact("c", "d"), fact("a")]) == [["a", "b"], ["c", "d"]]  # type: ignore[list-item]
    assert fact_groups(ids[:3], [fact("a", "b"), fact("c")]) == [["a", "b"], ["c"]]  # type: ignore[list-item]


def test_many_articles_are_named_before_they_are_compared(monkeypatch: pytest.MonkeyPatch) -> None:
    # An export of 300 records given to `compare` ran for many minutes without a word.
    from blickwinkel import pipeline
    from blickwinkel.cli import compare_cmd

    def compare_inputs(*args: object, on_read: object, **kwargs: object) -> object:
        assert callable(on_read)
        on_read([object()] * 51)
        raise compare_cmd.BlickwinkelError("stopped after reading")

    monkeypatch.setattr(pipeline, "compare_inputs", compare_inputs)
    result = CliRunner().invoke(app, ["compare", str(EXAMPLE)], env={"COLUMNS": "300"})
    assert "warning: comparing 51 articles as one event; this takes minutes" in result.stderr
    assert "`blickwinkel stories`" in result.stderr


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_script_without_capitals_is_not_said_to_have_names_found_by_them(
    language: str,
) -> None:
    from types import SimpleNamespace

    from blickwinkel.report.labels import thin_languages_note

    def article(id: str, code: str, text: str) -> SimpleNamespace:
        return SimpleNamespace(article=SimpleNamespace(id=id, language=code, outlet=id, text=text))

    # invented sentences: one in a script without capitals, one in a script with them
    arabic = "وصل القطار إلى المحطة متأخرا بساعتين. قال السائق إن الطريق كان مغلقا."
    czech = "Vlak přijel na Hlavní nádraží se zpožděním. Řidič Jan Novák mluví o zácpách."
    articles = [article("A", "ar", arabic), article("B", "ar", arabic), article("C", "cs", czech)]
    note = thin_languages_note(SimpleNamespace(articles=articles), language) or ""  # type: ignore[arg-type]
    if language == "en":
        assert "in ar, which is written without capitals, it can only guess names" in note
        assert "in cs it finds names by their capitals only" in note
    else:
        assert "in ar, das ohne Großbuchstaben geschrieben wird, kann es Namen nur raten" in note
        assert "in cs findet es Namen nur an ihren Großbuchstaben" in note
