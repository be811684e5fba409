"""The user-cache tables: a mapped table answers like the dict it was built from, and a cache that
cannot be written costs only speed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel import datacache
from blickwinkel.analyse import lemmas


def _table(tmp: Path, items: dict[str, str]) -> datacache.MappedStringMap:
    path = tmp / "table.map"
    datacache.write_string_map(path, ((k.encode(), v.encode()) for k, v in items.items()))
    return datacache.MappedStringMap(path)


@given(
    st.dictionaries(st.text(min_size=1, max_size=12), st.text(max_size=12), max_size=40), st.text(max_size=12)
)
def test_mapped_table_answers_like_the_dict(items: dict[str, str], probe: str) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        table = _table(Path(tmp), items)
        assert len(table) == len(items)
        assert sorted(table) == sorted(items)
        for key, value in items.items():
            assert table[key] == value
            assert key in table
        assert table.get(probe) == items.get(probe)
        assert (probe in table) == (probe in items)


def test_damaged_table_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.map"
    path.write_bytes(b"not a table at all")
    with pytest.raises(ValueError, match=r"broken\.map"):
        datacache.MappedStringMap(path)


def test_cache_is_written_once_and_reused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    calls: list[Path] = []

    def write(path: Path) -> None:
        calls.append(path)
        path.write_text("built")

    first = datacache.cached_file("thing.bin", write)
    second = datacache.cached_file("thing.bin", write)
    assert first == second and first is not None and first.read_text() == "built"
    assert len(calls) == 1
    assert [p.name for p in first.parent.iterdir()] == ["thing.bin"]  # no temporary file left behind


def _writes(text: str) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        path.write_text(text)

    return write


def test_files_of_an_older_build_go_when_a_new_build_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An upgrade writes its files under a new key; the same stem's files nobody used for two weeks
    go then, a recently used one (another installation beside this one) and other stems stay."""
    import os
    import time

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = datacache.cache_dir()
    folder.mkdir(parents=True)
    old = time.time() - datacache.UNUSED_BUILD_SECONDS - 60
    unused = folder / "weights-00000000000000aa.npy"
    recent = folder / "weights-00000000000000bb.npy"
    other_suffix = folder / "weights-00000000000000cc.marshal"
    other_stem = folder / "weights-extra-00000000000000dd.npy"
    not_ours = folder / "notes.npy"
    for path in (unused, recent, other_suffix, other_stem, not_ours):
        path.write_text("x")
        if path != recent:
            os.utime(path, (old, old))
    new = datacache.cached_file("weights-00000000000000ee.npy", _writes("new"))
    assert new is not None and new.read_text() == "new"
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        p.name for p in (new, recent, other_suffix, other_stem, not_ours)
    )


def test_a_file_in_use_is_marked_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os
    import time

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = datacache.cached_file("weights-00000000000000aa.npy", _writes("x"))
    assert first is not None
    old = time.time() - datacache.UNUSED_BUILD_SECONDS - 60
    os.utime(first, (old, old))
    assert datacache.cached_file(first.name, _writes("y")) == first
    assert time.time() - first.stat().st_mtime < 60 and first.read_text() == "x"


def test_a_killed_writer_leaves_nothing_for_good(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A process killed while writing a cache file (the background child when analysis ends first)
    # left its temporary file for good; the next writer of that file removes one that old.
    import os
    import time

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = datacache.cache_dir()
    folder.mkdir(parents=True)
    stale, fresh, other = folder / ".thing.bin.abc123", folder / ".thing.bin.def456", folder / ".other.bin.x1"
    for left in (stale, fresh, other):
        left.write_text("half")
    old = time.time() - datacache.STALE_TEMPORARY_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert datacache.cached_file("thing.bin", lambda path: path.write_text("built")) is not None
    assert not stale.exists()
    assert fresh.exists() and other.exists()  # one being written now, one of another file


def test_a_damaged_file_is_written_anew_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    writes: list[str] = []

    def write(path: Path) -> None:
        writes.append(path.name)
        path.write_text("good")

    def read(path: Path) -> str:
        text = path.read_text()
        if text != "good":
            raise ValueError("damaged")
        return text

    assert datacache.cached_data("thing.txt", write, read) == "good"
    (tmp_path / "blickwinkel" / "thing.txt").write_text("garbage")
    assert datacache.cached_data("thing.txt", write, read) == "good"  # removed, written, read
    assert datacache.cached_data("thing.txt", write, read) == "good"
    assert len(writes) == 2
    # A file that even a fresh write cannot make readable gives None (the caller decodes instead).
    assert datacache.cached_data("other.txt", lambda p: p.write_text("bad"), read) is None


def test_marshal_files_are_named_after_the_python_build(monkeypatch: pytest.MonkeyPatch) -> None:
    # marshal's format changes between Python versions; HanTa's and e5's files were not keyed on it.
    import sys

    here = datacache.marshal_name("hanta", "model-file")
    monkeypatch.setattr(sys, "version", "3.99.0 (another build)")
    assert datacache.marshal_name("hanta", "model-file") != here
    assert here.startswith("hanta-") and here.endswith(".marshal")


def test_unwritable_cache_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))
    assert datacache.cached_file("thing.bin", lambda path: path.write_text("x")) is None


def test_lemmas_come_from_the_mapped_dictionary() -> None:
    assert lemmas.lemma("Häuser", "de") == "Haus"
    assert lemmas.lemma("houses", "en") == "house"
    assert lemmas.is_known("haus", "de")
    assert not lemmas.is_known("xqzzyv", "de")


def test_regex_codes_build_the_same_pattern_without_parsing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import regex

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    pattern = r"(?<![\w.])(?:Str\.|Nr\.|bzw\.|z\.\s?B\.)(?!\p{L})"
    text = "Die Haupt-Str. 4 bzw. Nr. 7, z. B. morgen"
    first = datacache.RegexCodes("test-patterns")
    built = first.compile(pattern, regex.IGNORECASE)
    first.save()

    def no_parsing(*args: object) -> None:
        raise AssertionError("the pattern was parsed again")

    monkeypatch.setattr(regex._main, "_compile", no_parsing)
    again = datacache.RegexCodes("test-patterns").compile(pattern, regex.IGNORECASE)
    assert (again.pattern, again.flags) == (built.pattern, built.flags)
    assert again.findall(text) == built.findall(text) == ["Str.", "bzw.", "Nr.", "z. B."]


def test_regex_code_table_is_written_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pattern whose text differs from process to process (joined from a set) must not make the
    table grow with every process."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = datacache.RegexCodes("test-once")
    first.compile(r"(?:ab|cd)")
    first.save()
    (table,) = tmp_path.joinpath("blickwinkel").glob("test-once-*.marshal")
    written = table.read_bytes()
    later = datacache.RegexCodes("test-once")
    assert later.compile(r"(?:cd|ab)").findall("ab cd") == ["ab", "cd"]
    later.save()
    assert table.read_bytes() == written


def test_somajo_from_cached_codes_tokenizes_like_somajo(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from somajo import SoMaJo

    from blickwinkel.text import _somajo

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    lines = [
        "Laut Dr. Müller (Abt. Verkehr) ist die Hauptstr. ab 1.4. bzw. bis zum 3. Mai gesperrt, u.a. für Lkw",
        "AT&T and C++ fans met at St. Paul's on Jan. 5; e.g. Mr. O'Neill said: 'It's 9 p.m.!' :-)",
    ]
    _somajo._build("de_CMC")  # writes the table
    cached = _somajo._build("de_CMC")  # reads it
    plain = SoMaJo("de_CMC", split_camel_case=False, character_offsets=False)
    assert list(tmp_path.joinpath("blickwinkel").glob("somajo-*-de_CMC-*.marshal"))

    def tokens(tokenizer: SoMaJo) -> list[list[str]]:
        return [[t.text for t in sentence] for sentence in tokenizer.tokenize_text(lines)]

    assert tokens(cached) == tokens(plain)


def test_place_table_from_the_cache_equals_the_parsed_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from importlib import resources

    from blickwinkel.analyse import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = Path(str(resources.files("blickwinkel.analyse").joinpath("data/places.tsv")))
    parsed = gazetteer._read_places(source)
    gazetteer.places.cache_clear()
    try:
        written = gazetteer.places()  # builds the cache file
        gazetteer.places.cache_clear()
        read = gazetteer.places()  # reads it
    finally:
        gazetteer.places.cache_clear()
    assert list(tmp_path.joinpath("blickwinkel").glob("places-*.marshal"))
    assert written == read == parsed
    assert all(type(place) is gazetteer.Place for place in read.values())


def test_damaged_cache_files_only_cost_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from blickwinkel.analyse import gazetteer

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    gazetteer.places.cache_clear()
    lemmas._taggers.clear()
    try:
        expected = gazetteer.places()
        tags = lemmas.word_tags("Häuser", "de")
        for path in tmp_path.joinpath("blickwinkel").iterdir():
            path.write_bytes(b"\x80\x04garbage" * 3)  # neither marshal nor pickle data
        gazetteer.places.cache_clear()
        lemmas._taggers.clear()
        lemmas.word_tags.cache_clear()
        assert gazetteer.places() == expected
        assert lemmas.word_tags("Häuser", "de") == tags
        # ... and written anew, so the next process maps them again (they stayed damaged before)
        import marshal

        for name in ("places-*.marshal", "hanta-*.marshal"):
            (path,) = tmp_path.joinpath("blickwinkel").glob(name)
            assert marshal.loads(path.read_bytes())
    finally:
        gazetteer.places.cache_clear()
        lemmas._taggers.clear()


def test_language_identifier_from_the_cache_ranks_like_the_shipped_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    from blickwinkel.analyse import language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    shipped = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    shipped.set_languages(list(language.SUPPORTED_LANGUAGES))
    written = language._build_langid()  # writes the cache files
    mapped = language._build_langid()  # maps them
    assert isinstance(mapped.tk_nextmove, memoryview)
    for text in ("Die Fähre lief am Sonntag auf Grund.", "The ferry ran aground on Sunday.", "Ja"):
        assert mapped.rank(text) == written.rank(text) == shipped.rank(text)


def test_cached_hanta_tagger_holds_the_shipped_state(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from HanTa import HanoverTagger

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    model = lemmas._HANTA_MODELS["de"]
    lemmas._load_hanta(model)  # writes the cache
    assert list(tmp_path.joinpath("blickwinkel").glob("hanta-*.marshal"))
    cached, shipped = lemmas._load_hanta(model), HanoverTagger.HanoverTagger(model)
    assert type(cached) is type(shipped)
    assert vars(cached) == vars(shipped)
    for word in ("Häuser", "Regierungssprecherin", "ging", "Xyzzyquatsch", "``"):
        assert cached.tag_word(word) == shipped.tag_word(word)


def test_patterns_built_from_cached_code_match_like_compiled_ones(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import re

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    texts = ["Sie sagte am 3. März: „Wir bleiben.“", "no match here", "ÄÖÜ äöü 12.5 %"]
    sources = [
        (r"(?P<quote>„[^“]+“)|(?P<day>\d+)\.\s+(März|April)", 0),
        (r"(?<![\w-])(?:sagte|meinte)(?![\w-])", re.IGNORECASE),
        (r"\d+(?:[.,]\d+)?\s*%", 0),
    ]
    re.purge()
    with datacache.compiled_patterns("patterns-test"):  # the first block writes the table
        [re.compile(p, f) for p, f in sources]
    names = [p.name for p in (tmp_path / "blickwinkel").iterdir()]
    assert len(names) == 1 and names[0].startswith("patterns-test-")
    re.purge()
    shipped_parse = re._parser.parse

    def no_parsing(*arguments: object) -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(re._parser, "parse", no_parsing)
    with datacache.compiled_patterns("patterns-test"):  # the second builds from it, parsing nothing
        compiled = [re.compile(p, f) for p, f in sources]
    monkeypatch.setattr(re._parser, "parse", shipped_parse)
    assert re._compiler.compile.__module__ == "re._compiler"  # put back
    for pattern, (source, flags) in zip(compiled, sources, strict=True):
        expected = re._compiler.compile(source, flags)
        assert (pattern.pattern, pattern.flags, pattern.groupindex) == (
            expected.pattern,
            expected.flags,
            expected.groupindex,
        )
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in expected.finditer(text)]
    path = next((tmp_path / "blickwinkel").iterdir())
    path.write_bytes(b"garbage")
    re.purge()
    with datacache.compiled_patterns("patterns-test"):
        assert re.compile(*sources[0]).groupindex == {"quote": 1, "day": 2}
    import marshal

    assert isinstance(marshal.loads(path.read_bytes()), dict)  # the damaged table was written anew


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_language_model_cache_only_costs_speed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, damage: str
) -> None:
    from blickwinkel.analyse import language

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "Die Brücke bleibt wegen Bauarbeiten bis zum Herbst für den Verkehr gesperrt."
    assert language._build_langid().classify(text)[0] == "de"  # writes the cache files
    files = sorted(tmp_path.joinpath("blickwinkel").glob("py3langid-*"))
    assert files
    for path in files:  # a new file in its place: the one mapped above stays as it was
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"\x93NUMPY garbage" * 100)
    assert language._build_langid().classify(text)[0] == "de"  # the damaged files written anew
    import numpy as np

    for path in files:
        with path.open("rb") as fh:
            np.load(fh, allow_pickle=False)  # readable again
