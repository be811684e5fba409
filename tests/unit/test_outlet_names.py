"""Newspapers and broadcasters named by a newspaper's or broadcaster's word are organisations, not
persons, and not the speakers' persons (thirteenth session; found by the new user). Invented
sentences, outlets and names."""

from __future__ import annotations

import pytest

from blickwinkel.analyse.entities import tag_tokens
from blickwinkel.analyse.ner_eval import entity_spans
from blickwinkel.analyse.outlet_names import is_outlet_word
from blickwinkel.analyse.speaker_kinds import speaker_kind


def _entities(sentence: str, language: str) -> list[tuple[str, str]]:
    words = sentence.split()
    return [(" ".join(words[s:e]), t) for s, e, t in sorted(entity_spans(tag_tokens(words, language)))]


@pytest.mark.parametrize(
    ("sentence", "language", "outlet"),
    [
        ("The ferry had been cancelled , the Harbour Gazette reported .", "en", "Harbour Gazette"),
        ("According to the Valley Courier , the pier will reopen in May .", "en", "Valley Courier"),
        ("The Lakeside Herald said the council would vote on Monday .", "en", "Lakeside Herald"),
        ("The Marston Tribune first reported the closure .", "en", "Marston Tribune"),
        ("The Glenmore Journal ran the story on Friday .", "en", "Glenmore Journal"),
        ("Radio Ostsee said the road was closed .", "en", "Radio Ostsee"),
        ("Kestrel TV showed pictures of the flooded square .", "en", "Kestrel TV"),
        ("Das Holmer Tageblatt zitierte einen Sprecher der Polizei .", "de", "Holmer Tageblatt"),
        ("Laut Radio Ostsee ist die Straße gesperrt .", "de", "Radio Ostsee"),
        ("Kestrel TV zeigte Bilder vom überfluteten Marktplatz .", "de", "Kestrel TV"),
        ("Die Fähre falle aus , berichtete das Abendblatt Nord .", "de", "Abendblatt Nord"),
    ],
)
def test_an_outlet_is_an_organisation(sentence: str, language: str, outlet: str) -> None:
    assert (outlet, "ORG") in _entities(sentence, language)
    assert not any(t == "PER" for _, t in _entities(sentence, language))


@pytest.mark.parametrize(
    ("sentence", "language", "person"),
    [
        # a surname that is a newspaper's word stays a person's after a given name or a title
        ('" We are ready , " said Emily Herald , the harbour master .', "en", "Emily Herald"),
        ("Mayor Tom Courier opened the new pier on Monday .", "en", "Tom Courier"),
        ("Anna Post sagte , die Fähre fahre am Freitag wieder .", "de", "Anna Post"),
        ("Bürgermeister Tom Blatt eröffnete den neuen Steg .", "de", "Tom Blatt"),
        # the listener before a person: "der Zeitung" is no part of the name after it
        ("„ Wir sind bereit “ , sagte der Zeitung Anna Berg .", "de", "Anna Berg"),
    ],
)
def test_a_persons_name_stays_a_persons(sentence: str, language: str, person: str) -> None:
    assert (person, "PER") in _entities(sentence, language)


def test_common_words_are_no_outlet() -> None:
    assert _entities("Er hörte im Radio Musik .", "de") == []
    assert _entities("Das Merkblatt der Stadt liegt im Rathaus aus .", "de") == []
    assert is_outlet_word("Hafenrundschau") and is_outlet_word("Gazette")
    assert not is_outlet_word("Standard") and not is_outlet_word("zeitung") and not is_outlet_word("")


@pytest.mark.parametrize(
    ("speaker", "kind"),
    [
        ("the Lakeside Herald", "organisation"),
        ("der Marstaler Anzeiger", "organisation"),
        ("die Hafenrundschau", "organisation"),
        ("Emily Herald", None),  # a bare name the tagger did not type stays unknown
    ],
)
def test_an_outlet_speaks_as_an_organisation(speaker: str, kind: str | None) -> None:
    assert speaker_kind(speaker) == kind
