"""A crawled record whose title and text share no word: the text is likely another page's (a crawl
that kept the wrong piece). The record is read and named in a warning, I080. Our own invented
records (eighteenth session)."""

from __future__ import annotations

import json

from blickwinkel.ingest import READERS

_TEXT = (
    "Die Gemeinde Kornau baut im Sommer eine neue Sporthalle am Schulzentrum. Der Gemeinderat hat die "
    "Pläne am Dienstag einstimmig gebilligt. Die Halle soll im nächsten Herbst fertig sein und bietet "
    "Platz für drei Schulklassen gleichzeitig. Auch die Vereine sollen sie abends nutzen dürfen, sagte "
    "die Bürgermeisterin. Die Kosten liegen bei rund vier Millionen Euro, das Land gibt einen Zuschuss. "
    "Die alte Halle wird danach abgerissen, an ihrer Stelle entsteht ein Parkplatz für die Lehrer. "
    "Die Bauarbeiten beginnen nach den Pfingstferien."
)


def _read(title: str, text: str = _TEXT) -> tuple[str, ...]:
    line = json.dumps({"title": title, "text": text, "url": "https://talblick.example/a"}, ensure_ascii=False)
    (article,) = READERS.get("jsonl")(line, source="x.jsonl", stem="x").articles
    return article.notes


def test_a_title_that_shares_no_word_with_its_text_is_named() -> None:
    notes = _read("Hafenbehörde verbietet Kreuzfahrtschiffe wegen Sturmwarnung")
    assert len(notes) == 1 and notes[0].startswith("x.jsonl:1: [I080] "), notes


def test_a_title_of_its_own_text_is_not_named() -> None:
    assert _read("Kornau bekommt neue Sporthalle am Schulzentrum") == ()
    # short titles and short texts say too little either way
    assert _read("Sturmwarnung") == ()
    assert _read("Hafenbehörde verbietet Kreuzfahrtschiffe wegen Sturmwarnung", _TEXT[:200]) == ()
