"""Every setting is declared once: one default, and everything else derived from the table."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

import blickwinkel
from blickwinkel.cli.main import app
from blickwinkel.config import DEFAULT_EMBEDDER, SETTINGS, Settings, default_of, load_settings
from blickwinkel.embed import EMBEDDERS
from blickwinkel.errors import ConfigError
from blickwinkel.web.options import ServiceOptions, service_options

SRC = Path(blickwinkel.__file__).parent
EXAMPLE = Path(__file__).parents[2] / "examples" / "ferry-grounding"


def test_every_setting_has_exactly_one_default() -> None:
    names = [s.name for s in SETTINGS]
    assert len(names) == len(set(names))
    assert names == list(Settings.model_fields)
    fresh = Settings()
    for s in SETTINGS:
        assert s.help, s.name
        assert getattr(fresh, s.name) == s.default == default_of(s.name)
    assert default_of("embedder") == DEFAULT_EMBEDDER


def test_service_options_are_a_part_of_the_settings_with_their_defaults() -> None:
    defaults = ServiceOptions()
    for field in dataclasses.fields(ServiceOptions):
        assert field.name in Settings.model_fields
        assert getattr(defaults, field.name) == default_of(field.name)
        assert field.type == Settings.model_fields[field.name].annotation.__name__  # type: ignore[union-attr]
    opts = service_options(load_settings({}, path=Path("/nonexistent")), compare_max_articles=3)
    assert opts.compare_max_articles == 3


def _literal_embedder_defaults(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        args = node.args.posonlyargs + node.args.args
        pairs = list(zip(args[len(args) - len(node.args.defaults) :], node.args.defaults, strict=True))
        pairs += [(a, d) for a, d in zip(node.args.kwonlyargs, node.args.kw_defaults, strict=True) if d]
        for arg, default in pairs:
            if "embedder" in arg.arg and isinstance(default, ast.Constant) and default.value in EMBEDDERS:
                found.append(
                    f"{path.relative_to(SRC)}:{node.lineno} {node.name}({arg.arg}={default.value!r})"
                )
    return found


def test_no_function_writes_the_default_embedder_again() -> None:
    found = [hit for path in sorted(SRC.rglob("*.py")) for hit in _literal_embedder_defaults(path)]
    assert found == []


@pytest.mark.parametrize(
    ("command", "variable"),
    [
        (["stories", str(EXAMPLE)], "BLICKWINKEL_EMBEDDER"),
        (
            ["similarity", str(EXAMPLE / "coastal-times.txt"), str(EXAMPLE / "harbour-herald.md")],
            "BLICKWINKEL_PAIR_EMBEDDER",
        ),
    ],
)
def test_story_commands_read_the_embedder_from_the_settings(command: list[str], variable: str) -> None:
    result = CliRunner().invoke(app, command, env={variable: "no-such-embedder"})
    assert result.exit_code == 2
    assert "no-such-embedder" in result.output


@pytest.mark.parametrize(
    ("overrides", "name"),
    [
        ({"align_threshold": 5}, "align_threshold"),
        ({"align_threshold": -0.1}, "align_threshold"),
        ({"max_file_mb": -1}, "max_file_mb"),
        ({"max_file_mb": 0}, "max_file_mb"),
        ({"link_embedder": "use"}, "link_embedder"),  # the link model has an e5 second model only
        ({"story_window_days": -1}, "story_window_days"),
    ],
)
def test_out_of_range_settings_are_refused_by_name(
    overrides: dict[str, object], name: str, tmp_path: Path
) -> None:
    # `compare --threshold 5` linked nothing and `--max-file-mb -1` refused every file "over the -1 MB
    # limit", both without a word about the option.
    with pytest.raises(ConfigError, match=rf"^\[C002\] Setting '{name}' \(from command line\): "):
        load_settings(overrides, path=tmp_path / "none.toml")


def test_a_negative_story_window_is_refused() -> None:
    result = CliRunner().invoke(app, ["stories", str(EXAMPLE), "--window", "-2"])
    assert result.exit_code == 2 and "--window" in result.stderr


def test_the_story_window_is_one_setting_for_stories_ingest_and_the_clusterer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blickwinkel.store.ingest import Ingestor
    from blickwinkel.stories.cluster import WINDOW_DAYS, StoryClusterer

    assert StoryClusterer().window_days == WINDOW_DAYS == default_of("story_window_days")
    assert Ingestor.__init__.__kwdefaults__["window_days"] == WINDOW_DAYS
    seen: list[int] = []

    def record(*args: object, window_days: int, **kwargs: object) -> object:
        seen.append(window_days)
        raise ConfigError("stop here")

    monkeypatch.setattr("blickwinkel.stories.parallel.cluster_as_embedded", record)
    runner = CliRunner()
    runner.invoke(app, ["stories", str(EXAMPLE)], env={"BLICKWINKEL_STORY_WINDOW_DAYS": "9"})
    runner.invoke(app, ["stories", str(EXAMPLE), "--window", "2"], env={"BLICKWINKEL_STORY_WINDOW_DAYS": "9"})
    assert seen == [9, 2]


def test_only_a_misspelt_setting_lists_the_known_ones(tmp_path: Path) -> None:
    # A bad value of a known setting ("--threshold 7") ended in the list of all 19 settings.
    with pytest.raises(ConfigError) as bad_value:
        load_settings({"align_threshold": 7}, path=tmp_path / "none.toml")
    assert "Known settings" not in str(bad_value.value)
    settings_file = tmp_path / "blickwinkel.toml"
    settings_file.write_text('embeder = "e5"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as misspelt:
        load_settings({}, path=settings_file)
    message = str(misspelt.value)
    assert "'embeder'" in message and "no such setting" in message and "Known settings: embedder," in message


def test_a_settings_file_named_by_the_environment_must_exist(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A misspelt BLICKWINKEL_CONFIG was skipped without a word, so every setting in the file meant
    # fell back to its default.
    missing = tmp_path / "blickwinkel-typo.toml"
    monkeypatch.setenv("BLICKWINKEL_CONFIG", str(missing))
    with pytest.raises(
        ConfigError, match=r"^\[C004\] Settings file .*blickwinkel-typo\.toml named by BLICKWINKEL_CONFIG"
    ):
        load_settings({})
    monkeypatch.setenv("BLICKWINKEL_CONFIG", str(tmp_path))
    with pytest.raises(ConfigError, match=r"^\[C001\] Settings file .* cannot be read"):
        load_settings({})
    named = tmp_path / "blickwinkel.toml"
    named.write_text("align_threshold = 0.7\n", encoding="utf-8")
    monkeypatch.setenv("BLICKWINKEL_CONFIG", str(named))
    assert load_settings({}).align_threshold == 0.7


def test_the_cli_names_a_missing_settings_file(tmp_path: Path) -> None:
    missing = tmp_path / "blickwinkel-typo.toml"
    result = CliRunner().invoke(
        app, ["stories", str(EXAMPLE)], env={"BLICKWINKEL_CONFIG": str(missing), "COLUMNS": "300"}
    )
    assert result.exit_code != 0
    assert "[C004]" in result.stderr and "blickwinkel-typo.toml" in result.stderr
    assert "Traceback" not in result.output


def test_link_embedder_none_means_no_second_embedder(tmp_path: Path) -> None:
    # "auto" (the default: e5 for English pairs) and "e5" (every language) pass as given; "none" is
    # the empty setting, which a command line can give more plainly than an empty string.
    assert load_settings({}, path=tmp_path / "none.toml").link_embedder == "auto+words"
    assert load_settings({"link_embedder": "none"}, path=tmp_path / "none.toml").link_embedder == ""
    assert load_settings({"link_embedder": "e5"}, path=tmp_path / "none.toml").link_embedder == "e5"
