"""Page furniture a capture glued into running text: a prompt in round brackets between sentences, an
advert label at a sentence's start. Invented sentences in the shapes real captures take."""

from __future__ import annotations

import json

import pytest

from blickwinkel.ingest import read_text
from blickwinkel.ingest._boilerplate import reader_inserts
from blickwinkel.text import split_statements


def spans_of(text: str) -> list[str]:
    return [text[a:b] for a, b in reader_inserts(text)]


def test_a_reading_prompt_in_round_brackets_between_sentences_is_cut_out() -> None:
    text = (
        "Die Brücke über die Kell bleibt bis Juni gesperrt. (Lesen Sie auch: Neue Umleitung für Pendler)"
        "Die Stadt will die Arbeiten im Herbst ausschreiben."
    )
    assert spans_of(text) == ["(Lesen Sie auch: Neue Umleitung für Pendler)"]
    text = "Der Markt zieht um. (Weiterlesen unter dem Bild) Die Händler sind dagegen."
    assert spans_of(text) == ["(Weiterlesen unter dem Bild)"]


@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke bleibt gesperrt (wir berichteten). Die Stadt plant eine Umleitung.",
        "Der Rat lehnte den Antrag ab. (Siehe Grafik) Die Stadt plant eine Umleitung.",
        "Die Händler (lesen Sie auch die Liste unten) sind gegen den Umzug des Marktes.",
        "The mayor (read more about her below) said the bridge would reopen in June.",
    ],
)
def test_an_aside_in_round_brackets_stays(text: str) -> None:
    assert reader_inserts(text) == []


def test_an_advert_label_glued_to_a_sentence_inside_running_text_is_cut_out() -> None:
    text = (
        "The ferry ran aground off Kestrel Point on Monday. Advertisement The harbour master said the "
        "hull would be checked in June. Anzeige Der Fährbetrieb nach Tannried ruht bis dahin."
    )
    assert spans_of(text) == ["Advertisement", "Anzeige"]


@pytest.mark.parametrize(
    "text",
    [
        "The ferry ran aground. Advert campaigns for the new route were banned on Monday.",
        "Der Händler klagt. Anzeige gegen Unbekannt wurde am Abend erstattet.",
        "Der Händler klagt. Werbung für Tabak ist seit Montag verboten.",
    ],
)
def test_a_sentence_that_begins_with_an_advert_word_inside_running_text_keeps_it(text: str) -> None:
    assert reader_inserts(text) == []


def test_glued_furniture_is_no_statement_of_a_json_record() -> None:
    text = (
        "Der Kreistag hat am Dienstag den Neubau der Kreisklinik beschlossen. "
        "(Weiterlesen nach der Bildergalerie)Die Bauzeit wird auf vier Jahre geschätzt. "
        "Anzeige Der Landrat sagte, er habe mit breiter Zustimmung gerechnet."
    )
    record = {"title": "Kreisklinik wird neu gebaut", "text": text}
    article = read_text(json.dumps(record, ensure_ascii=False), source="k.json", fmt="json")
    said = [s.text for s in split_statements(article)]
    assert "Die Bauzeit wird auf vier Jahre geschätzt." in said
    assert "Der Landrat sagte, er habe mit breiter Zustimmung gerechnet." in said
    assert not any("Weiterlesen" in s or "Anzeige" in s for s in said)
