"""A pointer to a picture inside a sentence is not shown in the statement (fourteenth session; found by
the new user: "(links im Bild)" stayed in a fact's text). Our own sentences."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.ingest import read_text
from blickwinkel.text.pointers import pointer_spans, without_pointers


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        (
            "Bürgermeisterin Jana Roth (links im Bild) eröffnete die Brücke.",
            "Bürgermeisterin Jana Roth eröffnete die Brücke.",
        ),
        ("Der neue Steg (Foto oben) ist 40 Meter lang.", "Der neue Steg ist 40 Meter lang."),
        (
            "Anna Beispiel (l.) und Tom Reed (r.) eröffneten den Steg.",
            "Anna Beispiel und Tom Reed eröffneten den Steg.",
        ),
        ("Mayor Jana Roth (pictured, left) opened the bridge.", "Mayor Jana Roth opened the bridge."),
        ("The new footbridge (Photo above) is 40 metres long.", "The new footbridge is 40 metres long."),
        ("Die Ruine (Archivbild) wurde 2019 abgerissen.", "Die Ruine wurde 2019 abgerissen."),
        # brackets that say something else stay
        ("Die Brücke (Baujahr 1902) wird gesperrt.", "Die Brücke (Baujahr 1902) wird gesperrt."),
        ("The council (left-leaning since 2019) voted.", "The council (left-leaning since 2019) voted."),
        ("Die Partei Die Linke (links) stimmte dagegen.", "Die Partei Die Linke (links) stimmte dagegen."),
        # a pointer alone is left as it is (the readers make it a credit, never a statement)
        ("(links im Bild)", "(links im Bild)"),
    ],
)
def test_a_pointer_inside_a_sentence_is_not_shown(text: str, shown: str) -> None:
    assert without_pointers(text) == shown


@given(st.text(alphabet=st.characters(blacklist_characters="()"), max_size=200))
def test_text_without_brackets_is_shown_as_it_is(text: str) -> None:
    assert without_pointers(text) == text and pointer_spans(text) == []


def test_the_statement_keeps_its_offsets_and_the_views_drop_the_pointer() -> None:
    from blickwinkel.report.terminal import _statement_text

    text = (
        "Neuer Steg eröffnet\n\nBürgermeisterin Jana Roth (links im Bild) eröffnete am Montag den neuen Steg."
    )
    (analysed,) = analyse_articles([replace(read_text(text, source="a.txt", fmt="text"), language="de")])
    statement = analysed.statements[-1]
    assert analysed.article.text[statement.start : statement.end] == statement.text  # the article's words
    assert "(links im Bild)" in statement.text
    assert _statement_text(statement.text) == "Bürgermeisterin Jana Roth eröffnete am Montag den neuen Steg."
