"""Normalisation, date lines, banners, ids, and the properties every reader keeps on any text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from blickwinkel.errors import IngestError
from blickwinkel.ingest import read_text
from blickwinkel.ingest._dates import parse_date_line, parse_date_value
from blickwinkel.ingest._text import normalise, slugify, title_case_banner
from blickwinkel.model import Article


def test_normalise() -> None:
    raw = "Stra\u0073\u0065 A\u0308rger\r\nzwei  \t Leer\u00a0zeichen\u200b, Fuß\u00adgänger „so“ »so« “so”\r"
    assert normalise(raw) == "Strase Ärger\nzwei Leer zeichen, Fußgänger „so“ »so« “so”\n"


def test_normalise_is_idempotent_on_examples() -> None:
    for text in ("a\r\n\r\nb", " x  y ", "e\u0301", "\u2028z"):
        assert normalise(normalise(text)) == normalise(text)


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("25.01.2024", dt.date(2024, 1, 25)),
        ("2024-01-25", dt.date(2024, 1, 25)),
        ("25. Januar 2024", dt.date(2024, 1, 25)),
        ("25. Jänner 2024", dt.date(2024, 1, 25)),
        ("January 25, 2024", dt.date(2024, 1, 25)),
        ("25 March 2024", dt.date(2024, 3, 25)),
        ("Mittwoch, 25.01.2024, 14:30 Uhr", dt.date(2024, 1, 25)),
        ("Stand: 3. März 2024", dt.date(2024, 3, 3)),
        ("Published on Sep 9, 2023 at 10:15 am", dt.date(2023, 9, 9)),
        # markdown emphasis, French and Spanish date lines were no dates
        ("*3 March 2025*", dt.date(2025, 3, 3)),
        ("**Published:** 3 March 2025", dt.date(2025, 3, 3)),
        ("samedi 14 juin 2025 à 09h30", dt.date(2025, 6, 14)),
        ("1er juin 2025", dt.date(2025, 6, 1)),
        ("sábado, 14 de junio de 2025", dt.date(2025, 6, 14)),
        ("Le 14 juin 2025, le maire a inauguré le pont.", None),
        ("Am 25.01.2024 beschloss der Rat den Haushalt.", None),
        ("31.02.2024", None),
        ("Kein Datum", None),
    ],
)
def test_parse_date_line(line: str, date: dt.date | None) -> None:
    assert parse_date_line(line) == date


def test_parse_date_value() -> None:
    assert parse_date_value("2024-04-20T10:15:00Z") == dt.date(2024, 4, 20)
    assert parse_date_value("2024-04-20") == dt.date(2024, 4, 20)
    assert parse_date_value("yesterday") is None


@pytest.mark.parametrize(
    "value",
    [
        "2024/04/20",
        "2024/4/20 10:15",
        "2024-04-20T10:15:00Z[UTC]",
        "2024-04-20T10:15:00+02:00[Europe/Berlin]",
    ],
)
def test_parse_date_value_with_slashes_year_first_and_a_java_zone_name(value: str) -> None:
    # An export's "2024/04/20" or a Java timestamp with its zone name left the record undated.
    assert parse_date_value(value) == dt.date(2024, 4, 20)


@pytest.mark.parametrize("value", ["04/20/2024", "20/04/2024", "2024-04/20", "2024/04-20"])
def test_day_and_month_that_can_be_swapped_or_mixed_separators_are_no_date(value: str) -> None:
    assert parse_date_value(value) is None


@pytest.mark.parametrize(
    ("banner", "outlet"),
    [
        ("DIE POSAUNE", "Die Posaune"),
        ("THE NEW YORK TIMES", "The New York Times"),
        ("BBC NEWS", "BBC News"),
        ("STADTBLATT NORD-OST", "Stadtblatt Nord-Ost"),
        # function words inside the banner in lower case, short ordinary words not kept as capitals
        # (the outlet read "El Diario Del SUR")
        ("EL DIARIO DEL SUR", "El Diario del Sur"),
        ("THE TIMES OF INDIA", "The Times of India"),
        ("KURIER OST", "Kurier Ost"),
        ("STIMME DER HEIMAT", "Stimme der Heimat"),
        ("ZDF HEUTE", "ZDF Heute"),
    ],
)
def test_title_case_banner(banner: str, outlet: str) -> None:
    assert title_case_banner(banner) == outlet


def test_slugify() -> None:
    assert slugify("000_1e5c758727753cda") == "000_1e5c758727753cda"
    assert slugify("Größe & Maß (2)") == "groesse-mass-2"
    assert slugify("???") == "article"


# --- properties -------------------------------------------------------------------------------

_ARTICLE_ALPHABET = st.sampled_from(
    [*"abcXYZ äöüß.,:!?-–—„“\"'#>*[]()_\\@\n\n\n\t\r ", "Foto: ", "— ", "\u200b", "\u00ad", "25.01.2024"]
)
article_like = st.lists(_ARTICLE_ALPHABET, max_size=120).map("".join)
any_text = st.one_of(st.text(max_size=300), article_like)


def read_or_error(text: str, fmt: str | None) -> Article | str:
    try:
        return read_text(text, source="prop.txt", fmt=fmt)
    except IngestError as exc:
        assert "unexpected error" not in str(exc)
        return str(exc)


@settings(max_examples=150)
@given(text=any_text, fmt=st.sampled_from([None, "text", "markdown"]))
def test_blocks_slice_back_and_reading_is_deterministic(text: str, fmt: str | None) -> None:
    first = read_or_error(text, fmt)
    assert read_or_error(text, fmt) == first
    if isinstance(first, str):
        return
    parts = [first.text[b.start : b.end] for b in first.blocks]
    assert first.text == "\n\n".join(parts)
    assert all(part and part == part.strip() for part in parts)
    assert first.title is None or first.title in parts
    assert normalise(first.text) == first.text


@settings(max_examples=60)
@given(body=any_text, title=st.text(max_size=40))
def test_json_records_slice_back(body: str, title: str) -> None:
    import json

    result = read_or_error(json.dumps({"title": title, "text": body}), "json")
    if isinstance(result, str):
        assert result.startswith("prop.txt: [I027] field 'text' is empty") or "no article text" in result
        return
    assert result.text == "\n\n".join(result.block_text(b) for b in result.blocks)


def test_markdown_date_line_in_emphasis_is_the_publication_date() -> None:
    # A capture that prints its date line in emphasis ("*14. März 2025*") kept it as a statement and
    # left the article undated.
    text = (
        "# Brücke gesperrt\n\n*14. März 2025*\n\n"
        "Die Brücke ist seit Montag gesperrt. Der Verkehr wird umgeleitet.\n"
    )
    article = read_text(text, source="b.md", fmt="markdown")
    assert article.published == dt.date(2025, 3, 14)
    assert "2025" not in " ".join(article.block_text(b) for b in article.blocks)


ONE_LINE_ARTICLE = (
    "Die Fähre zwischen Nordhafen und Südinsel fährt ab Montag wieder, teilte der Betreiber am Sonntag mit. "
    "Die Reparatur am Anleger sei abgeschlossen. Fahrgäste sollen früher kommen, weil die Kontrollen "
    "länger dauern. Der Fahrplan bleibt wie im Winter. Die Stadt zahlt die Hälfte der Kosten."
)


@pytest.mark.parametrize(
    "text", [ONE_LINE_ARTICLE, "Die Fähre fährt ab Montag wieder.", "Fähre fährt wieder"]
)
def test_a_text_of_one_line_is_the_article_not_a_title(text: str) -> None:
    # A one-sentence item was all title and no text; a whole article on one line (a scraper's file)
    # had no title either way. Neither is a title over nothing: the line is the text, untitled.
    article = read_text(text, source="x.txt")
    assert article.title is None
    assert [b.kind for b in article.blocks] in (["paragraph"], ["lead"])
    assert article.text == text


@pytest.mark.parametrize(
    "text",
    [
        # lower case goes on in the next line
        "Die Fähre zwischen Nordhafen und Südinsel fährt ab Montag\nwieder, teilte der Betreiber mit.",
        # as long as the wrapped lines after it
        "Die Fähre zwischen Nordhafen und Südinsel fährt ab\nMontag wieder, teilte der Betreiber am Sonntag\n"
        "mit. Die Reparatur am Anleger sei abgeschlossen.\nDas sagte er.",
        # a comma at the end of the line
        "Nach der Reparatur am Anleger,\nsagte der Betreiber, fährt die Fähre wieder.",
    ],
)
def test_the_first_line_of_a_wrapped_text_without_a_title_is_no_title(text: str) -> None:
    # Half a sentence was the headline and the other half the lead.
    article = read_text(text + "\n\nDer Fahrplan bleibt wie im Winter.", source="x.txt")
    assert article.title is None
    assert article.text.startswith(" ".join(text.split("\n")))


@pytest.mark.parametrize(
    "text",
    [
        "Fähre fährt wieder\nDie Fähre fährt ab Montag wieder.",  # a title line without a blank line after
        "Fähre fährt wieder\nDie Fähre zwischen Nordhafen und Südinsel fährt ab Montag\nwieder, teilte der "
        "Betreiber am Sonntag mit. Die Reparatur am\nAnleger sei abgeschlossen.",  # over wrapped text
        "Fähre fährt wieder\n" + ONE_LINE_ARTICLE,  # over a paragraph a line
        "Fähre fährt wieder\n\n" + ONE_LINE_ARTICLE,
    ],
)
def test_a_title_line_over_the_text_is_the_title(text: str) -> None:
    article = read_text(text, source="x.txt")
    assert article.title == "Fähre fährt wieder"
    assert article.blocks[0].kind == "headline" and len(article.blocks) > 1


def test_a_markdown_text_of_one_line_is_the_article_too() -> None:
    # As in plain text: a one-line markdown item (emphasis makes it markdown) was all title, no text.
    text = "Die Fähre fährt ab *Montag* wieder."
    article = read_text(text, source="x.md")
    assert article.title is None and article.text == "Die Fähre fährt ab Montag wieder."
    titled = read_text("Fähre fährt wieder\n\n" + text, source="x.md")
    assert titled.title == "Fähre fährt wieder"
