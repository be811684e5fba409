"""read_inputs on files, directories and stdin: every bad input gives one clear error, never a crash."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest

from blickwinkel.errors import IngestError
from blickwinkel.ingest import (
    read_inputs,
    read_text,
    repeated_files,
    skipped_folders,
    skipped_folders_note,
    sniff,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"
ARTICLE = "Neue Buslinie für Mühlbach\n\nAb Montag fährt eine neue Buslinie durch die Altstadt.\n"


def only_failure(inputs: list[str], **options: object) -> str:
    result = read_inputs(inputs, **options)  # type: ignore[arg-type]
    assert result.articles == ()
    assert len(result.failures) == 1
    assert isinstance(result.failures[0], IngestError)
    return str(result.failures[0])


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nowhere.txt"
    assert only_failure([str(path)]) == f"{path}: [I008] file not found"


def test_empty_directory(tmp_path: Path) -> None:
    (tmp_path / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    assert only_failure([str(tmp_path)]) == (
        f"{tmp_path}: [I019] directory has no readable files (hidden files and subdirectories are skipped)"
    )


def test_subfolders_that_are_not_read_are_named(tmp_path: Path) -> None:
    # `compare dir/` passed over dir/sub/ without a word.
    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("b-sub", "a-sub", ".hidden-sub"):
        (tmp_path / name).mkdir()
    assert len(read_inputs([str(tmp_path)]).articles) == 1
    assert skipped_folders([str(tmp_path), str(tmp_path / "one.txt"), "-"]) == [
        (str(tmp_path), ["a-sub", "b-sub"])
    ]
    assert skipped_folders([str(tmp_path / "a-sub")]) == []
    note = skipped_folders_note(str(tmp_path), ["a-sub", "b-sub"])
    assert note == (
        f"{tmp_path}: 2 subfolders not read (a-sub, b-sub); name a subfolder to read its files, "
        f"e.g. {tmp_path / 'a-sub'}"
    )


def test_compare_warns_about_subfolders(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    (tmp_path / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "two.txt").write_text(ARTICLE.replace("Montag", "Dienstag"), encoding="utf-8")
    result = CliRunner().invoke(app, ["compare", str(tmp_path)])
    assert result.exit_code == 2  # one article only: nothing to compare
    assert f"warning: {tmp_path}: subfolder not read (more)" in result.stderr


def test_a_file_named_twice_is_read_once_with_a_warning(tmp_path: Path) -> None:
    # `compare a.txt a.txt` compared a file with itself (two articles, every fact "shared"), and
    # `compare dir/ dir/a.txt` read a.txt twice, without a word.
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app

    one, two = tmp_path / "one.txt", tmp_path / "two.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    two.write_text(ARTICLE.replace("Montag", "Dienstag"), encoding="utf-8")
    assert len(read_inputs([str(one), str(one)]).articles) == 1
    assert [a.id for a in read_inputs([str(tmp_path), str(two)]).articles] == ["one", "two"]
    in_folder = (os.path.join(str(tmp_path), "one.txt"), os.path.join(str(tmp_path), "two.txt"))
    assert repeated_files([str(tmp_path), str(two), str(one)]) == [
        (str(two), in_folder[1]),
        (str(one), in_folder[0]),
    ]
    assert repeated_files([str(one), str(two)]) == []
    result = CliRunner().invoke(app, ["compare", str(one), str(one)])
    assert result.exit_code == 2  # one article only: nothing to compare
    assert f"warning: {one}: named more than once; read once" in result.stderr


@pytest.mark.parametrize("content", [b"", b"   \n\n\t  \r\n", "\u200b\u00ad\n".encode()])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert only_failure([str(path)]) == f"{path}: [I002] file is empty"


def test_png_is_named(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert only_failure([str(path)]) == f"{path}: [I016] binary file, not text (looks like PNG image)"


def test_pdf_is_named(tmp_path: Path) -> None:
    path = tmp_path / "paper.md"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert only_failure([str(path)]) == f"{path}: [I016] binary file, not text (looks like PDF document)"


def test_unknown_binary_with_nul_bytes(tmp_path: Path) -> None:
    path = tmp_path / "blob.dat"
    path.write_bytes(b"abc\x00\x01\x02def" * 50)
    assert only_failure([str(path)]) == f"{path}: [I016] binary file, not text (it holds NUL bytes)"


@pytest.mark.parametrize("where", ["end", "middle"])
def test_a_text_with_a_few_nul_bytes_is_read_without_them(tmp_path: Path, where: str) -> None:
    # One NUL byte (a copy padded or cut by a download) refused the whole article as binary (I016).
    text = "Die Fähre fährt wieder\n\nDie Fähre zwischen den Inseln fährt ab Montag. Alles ist frei."
    data = text.encode() + b"\x00\x00" if where == "end" else text.encode().replace(b"Montag", b"Mon\x00tag")
    path = tmp_path / "faehre.txt"
    path.write_bytes(data)
    result = read_inputs([str(path)])
    assert result.failures == ()
    (article,) = result.articles
    assert (
        article.title == "Die Fähre fährt wieder" and "\x00" not in article.text and "Montag" in article.text
    )
    count = 2 if where == "end" else 1
    assert article.notes == (
        f"{path}: [I072] the text holds {count} NUL byte(s) (a padded or cut copy?); it is read without them",
    )
    # UTF-16 text holds NUL bytes in its characters: no note, with a byte-order mark or without one
    # (some Windows tools save it so; it was refused as binary)
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        path.write_bytes(text.encode(encoding))
        (article,) = read_inputs([str(path)]).articles
        assert article.notes == () and article.title == "Die Fähre fährt wieder", encoding


def test_control_characters_are_binary(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(1, 32)) * 20)
    assert only_failure([str(path)]) == f"{path}: [I016] binary file, not text (mostly control characters)"


def test_undecodable_bytes(tmp_path: Path) -> None:
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes(range(128, 256)) * 3)
    message = only_failure([str(path)])
    assert message.startswith(f"{path}: ")
    assert "binary file" in message or "no character encoding fits" in message


def test_cp1252_german_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "alt.txt"
    text = "Sperrung der Straße\n\nDie Straße am Markt bleibt bis Freitag gesperrt, sagte der Bürgermeister."
    path.write_bytes(text.encode("cp1252"))
    result = read_inputs([str(path)])
    assert result.failures == ()
    assert result.articles[0].title == "Sperrung der Straße"
    assert "Bürgermeister" in result.articles[0].text


def test_utf8_with_a_few_broken_bytes_stays_utf8(tmp_path: Path) -> None:
    # Read as Windows-1250 by the guesser, every "ü" came out as "ĂĽ".
    path = tmp_path / "kaputt.txt"
    good = "Brücke gesperrt\n\nDie Brücke über die Lenne bleibt für Fußgänger gesperrt, "
    path.write_bytes(good.encode("utf-8") + b"\xff\xfe" + " sagte die Bürgermeisterin.".encode())
    (article,) = read_inputs([str(path)]).articles
    assert article.title == "Brücke gesperrt"
    assert "für Fußgänger gesperrt, \ufffd\ufffd sagte die Bürgermeisterin." in article.text


def test_cp1252_typographic_quotes_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "zitat.txt"
    text = "Titel\n\nEr sagte: „Das ist gut.“ – und ging."
    path.write_bytes(text.encode("cp1252"))
    assert read_inputs([str(path)]).articles[0].text == text


def test_utf16_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    assert read_inputs([str(path)]).articles[0].title == "Neue Buslinie für Mühlbach"


def test_file_over_the_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as f:
        f.truncate(50_000_000)  # sparse: costs no disk and no time
    assert only_failure([str(path)]) == (
        f"{path}: [I006] file is 50.0 MB, over the 20 MB limit; raise --max-file-mb"
    )


def test_stdin_over_the_limit(tmp_path: Path) -> None:
    stdin = io.BytesIO(b"x" * 101)
    message = only_failure(["-"], stdin=stdin, max_bytes=100)
    assert message == "-: [I007] input is larger than the 0.0001 MB limit; raise --max-file-mb"


def test_invalid_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('{\n  "title": "T",\n    x\n}', encoding="utf-8")
    assert only_failure([str(path)]) == (
        f"{path}: [I001] not valid JSON (line 3, column 5: Expecting property name enclosed in double quotes)"
    )


def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        assert only_failure([str(path)]) == f"{path}: [I010] permission denied; check the file's permissions"
    finally:
        path.chmod(0o600)


def test_batch_with_bad_files_keeps_the_good_articles(tmp_path: Path) -> None:
    good = tmp_path / "gut.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "leer.txt"
    empty.write_text("", encoding="utf-8")
    image = tmp_path / "bild.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 20)
    result = read_inputs(
        [str(tmp_path / "fehlt.txt"), str(good), str(empty), str(image), str(FIXTURES / "ferry_en.md")]
    )
    assert [a.id for a in result.articles] == ["gut", "ferry_en"]
    assert [e.source for e in result.failures] == [
        str(tmp_path / "fehlt.txt"),
        str(empty),
        str(image),
    ]


def test_directory_reads_sorted_visible_files_and_sniffs_unknown_endings(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "a.dat").write_text('{"title": "Aus JSON", "text": "Ein Satz aus JSON."}', encoding="utf-8")
    (tmp_path / "c").write_text("# Aus Markdown\n\nEin [Satz](#) aus Markdown.", encoding="utf-8")
    (tmp_path / "d.page").write_text(
        (FIXTURES / "bruecke_de.html").read_text(encoding="utf-8"), encoding="utf-8"
    )
    (tmp_path / ".versteckt.txt").write_text(ARTICLE, encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert result.failures == ()
    assert [a.id for a in result.articles] == ["a", "b", "c", "d"]
    assert [a.title for a in result.articles] == [
        "Aus JSON",
        "Neue Buslinie für Mühlbach",
        "Aus Markdown",
        "Mühlbach baut neue Brücke",
    ]
    assert result.articles[1].source == os.path.join(str(tmp_path), "b.txt")


@pytest.mark.parametrize("data", [b"", b" \n\t\n"])
def test_empty_stdin_is_named_as_standard_input(data: bytes) -> None:
    # "-: [I002] file is empty" named no file.
    message = only_failure(["-"], stdin=io.BytesIO(data))
    assert message.startswith("-: [I057] standard input is empty; pipe an article into the command")


def test_stdin_is_sniffed() -> None:
    stdin = io.BytesIO(b"# Aus der Pipe\n\nEin [Satz](#) von der Standardeingabe.")
    result = read_inputs(["-"], stdin=stdin)
    (article,) = result.articles
    assert (article.id, article.source, article.title) == ("stdin", "-", "Aus der Pipe")


def test_ids_are_made_unique(tmp_path: Path) -> None:
    # the same file name in three folders (one file named three times is read once)
    paths = []
    for folder in ("a", "b", "c"):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "rathaus_de.txt")
        paths[-1].write_text((FIXTURES / "rathaus_de.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = read_inputs([str(p) for p in paths])
    assert [a.id for a in result.articles] == ["rathaus_de", "rathaus_de-2", "rathaus_de-3"]


def test_outlet_and_date_override_what_the_file_says() -> None:
    result = read_inputs(
        [str(FIXTURES / "stadtblatt_de.md")], outlet="Eigene Angabe", published=dt.date(2020, 1, 1)
    )
    article = result.articles[0]
    assert (article.outlet, article.published) == ("Eigene Angabe", dt.date(2020, 1, 1))


def test_read_text_errors() -> None:
    with pytest.raises(IngestError, match=r"^api: \[I003\] text is empty$"):
        read_text(" \n ", source="api")
    with pytest.raises(
        IngestError, match=r"^api: \[I004\] unknown format 'docx'; known formats: feed, html, json"
    ):
        read_text("Titel\n\nText.", source="api", fmt="docx")
    with pytest.raises(IngestError, match=r"^api#2: \[I024\] field 'text' is missing$"):
        read_text('[{"text": "a"}, {"title": "b"}]', source="api", fmt="json")
    # "read_text reads one (use read_inputs)" reached users of the compare API and of `ingest URL`
    with pytest.raises(IngestError, match=r"holds 2 articles where one is read .*blickwinkel ingest FILE"):
        read_text('[{"text": "a"}, {"text": "b"}]', source="api", fmt="json")


def test_read_text_id_and_overrides() -> None:
    article = read_text(ARTICLE, source="uploads/Über uns.txt", outlet="X", published=dt.date(2024, 1, 2))
    assert (article.id, article.outlet, article.published) == ("ueber-uns", "X", dt.date(2024, 1, 2))
    assert read_text(ARTICLE, source="-").id == "stdin"


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
        ("  <div>Hallo</div>", "html"),
        ('{"text": "x"}', "json"),
        ('[{"text": "x"}]', "json"),
        ('{"text": "x"}\n{"text": "y"}\n', "jsonl"),
        ("{kaputt", "json"),
        ("## Titel\n\nText", "markdown"),
        ("Titel\n\nText mit [Link](https://example.org).", "markdown"),
        ("Titel\n\n> Zitat", "markdown"),
        ("Titel\n\nText ohne Auszeichnung. [Anzeige] 3 < 4.", "text"),
    ],
)
def test_sniff(text: str, fmt: str) -> None:
    assert sniff(text) == fmt


def test_a_folder_passes_over_its_photos_documents_and_tables_with_a_note(tmp_path: Path) -> None:
    # A story folder with a photo failed the whole command (exit 1, "binary file"), and a .csv beside
    # the articles was compared as an article; named on its own a photo is still read and refused.
    from blickwinkel.ingest import skipped_files, skipped_files_note

    (tmp_path / "a.txt").write_text(
        "Brücke gesperrt\n\nDie Stadt hat die Brücke gesperrt.\n", encoding="utf-8"
    )
    (tmp_path / "photo.JPG").write_bytes(b"\xff\xd8\xff\xe0" + b"0" * 20)
    (tmp_path / "data.csv").write_text("tag,pendler\nmontag,40\n", encoding="utf-8")
    result = read_inputs([str(tmp_path)])
    assert [a.source for a in result.articles] == [str(tmp_path / "a.txt")] and result.failures == ()
    assert skipped_files([str(tmp_path)]) == [(str(tmp_path), ["data.csv", "photo.JPG"])]
    assert skipped_files_note("story", ["data.csv", "photo.JPG"]).startswith(
        "story: 2 files not read (data.csv"
    )
    assert "binary file" in str(read_inputs([str(tmp_path / "photo.JPG")]).failures[0])


def test_a_symbolic_link_beside_its_target_is_read_once_and_said_so(tmp_path: Path) -> None:
    # The folder's link and its target gave "page.txt: named more than once" though named once, and
    # `ingest` read the file twice ("1 stored, 1 already stored") while the warning said "read once".
    from typer.testing import CliRunner

    from blickwinkel.cli.main import app
    from blickwinkel.store.ingest import expand_paths

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "link.txt").symlink_to(folder / "page.txt")
    assert [a.id for a in read_inputs([str(folder)]).articles] == ["link"]
    assert list(expand_paths([str(folder), str(folder / "page.txt")])) == [str(folder / "link.txt")]
    result = CliRunner().invoke(app, ["compare", str(folder)])
    assert (
        f"warning: {folder / 'page.txt'}: the same file as {folder / 'link.txt'}; read once" in result.stderr
    )
