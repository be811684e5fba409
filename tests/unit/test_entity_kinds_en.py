"""English entity kinds the rules got wrong: a name cut short after "says", the organisation before a
role, a structure's name, a place in capitals, the Arabic article "Al". Invented sentences."""

from __future__ import annotations

import dataclasses

import pytest

from blickwinkel.analyse.entities import tag_tokens
from blickwinkel.analyse.ner_eval import entity_spans
from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.ingest import read_text


def _entities(sentence: str, language: str = "en") -> list[tuple[str, str]]:
    words = sentence.split()
    return [(" ".join(words[s:e]), t) for s, e, t in sorted(entity_spans(tag_tokens(words, language)))]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # "Kestrel" was a person beside the country the gazetteer took
        ("The fares are too high , says Kestrel Portugal .", [("Kestrel Portugal", "ORG")]),
        # the organisation before the role was a person, and the speaker's key
        (
            '" We are ready , " says Harbour Board spokesman Tom Reyes .',
            [("Harbour Board", "ORG"), ("Tom Reyes", "PER")],
        ),
        ('" No , " says Kestrel chief executive Ada Brenn .', [("Kestrel", "ORG"), ("Ada Brenn", "PER")]),
        ("Anglers fished from the Harbour Wall on Friday .", [("Harbour Wall", "LOC")]),
        ("The Town Hall was closed and the Old Gate too .", [("Town Hall", "LOC"), ("Old Gate", "LOC")]),
        ("Crowds gathered under the Harbour Tower .", [("Harbour Tower", "LOC")]),
        # a place in capitals inside a sentence was an acronym
        ("The ferry left for LISBON at dawn .", [("LISBON", "LOC")]),
        ("The talks moved to BRUSSELS and NATO agreed .", [("BRUSSELS", "LOC"), ("NATO", "ORG")]),
        # "Al" before a name is the article, not the given name: after "in" a place
        ("The ferry docked in Al Khor on Monday .", [("Al Khor", "LOC")]),
    ],
)
def test_english_entity_kinds(sentence: str, found: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Tom Hall said the road was closed .", [("Tom Hall", "PER")]),  # a surname that heads halls
        ("Ada Wall met the mayor .", [("Ada Wall", "PER")]),
        (
            '" No , " said Tom Lindqvist at Kestrel Bank .',
            [("Tom Lindqvist", "PER"), ("Kestrel Bank", "ORG")],
        ),
        ("Al said he would come .", [("Al", "PER")]),
        # a name before a title that no name follows, and an organisation before a title, stay
        ("Jane Doe MP said the vote was close .", [("Jane Doe", "PER")]),
        (
            "Harbour Board Chairman Tom Reyes said it .",
            [("Harbour Board", "ORG"), ("Chairman Tom Reyes", "PER")],
        ),
        ("He moved to BATH last year .", [("BATH", "ORG")]),  # "bath" is a common word: no place read
    ],
)
def test_names_that_stay_as_they_were(sentence: str, found: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == found


def test_the_speaker_is_the_whole_name() -> None:
    text = (
        "Airport closes runway\n\n"
        '"We are ready," says Harbour Board spokesman Tom Reyes.\n\n'
        "The fares are too high, says Kestrel Portugal."
    )
    article = dataclasses.replace(read_text(text, source="s.txt", fmt="text"), language="en")
    (analysed,) = analyse_articles([article])
    speakers = [s.speaker for s in analysed.statements if s.kind != "headline"]
    assert speakers == ["per:tom-reyes", "org:kestrel-portugal"]


@pytest.mark.parametrize(
    ("sentence", "language", "found"),
    [
        # BUILDING_NOUNS holds general words ("hotel", "barracks"): they only make a title-led
        # namesake's name a building where they stand right before it or head it
        ("The hotel King George reopened on Monday .", "en", [("King George", "LOC")]),
        ("Guests left the Queen Anne Hotel at noon .", "en", [("Queen Anne Hotel", "LOC")]),
        ("Soldiers left the Prince Albert Barracks .", "en", [("Prince Albert Barracks", "LOC")]),
        ("Queen Anne spoke at the barracks on Monday .", "en", [("Queen Anne", "PER")]),
        ("Die Soldaten zogen in die Kaserne Prinz Eugen .", "de", [("Prinz Eugen", "LOC")]),
    ],
)
def test_building_nouns_name_a_building_only_beside_a_namesake(
    sentence: str, language: str, found: list[tuple[str, str]]
) -> None:
    assert _entities(sentence, language) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # a rank stayed in the person's name, so the report named the speaker "Col Jane Doe"
        ('" We hold the line , " said Lt Col Jane Doe .', [("Jane Doe", "PER")]),
        ("Maj Gen Ann Lee told reporters the base was safe .", [("Ann Lee", "PER")]),
        # "Capt" without its dot was no title: "Capt Ivo" an organisation and "Ivo" a place
        ('" It was close , " Capt Ivo Marsh said .', [("Ivo Marsh", "PER")]),
        ("Det Supt Lisa Brandt said the inquiry would go on .", [("Lisa Brandt", "PER")]),
        ("Cllr Mark Olsen and Cpl Ana Ruiz were there .", [("Mark Olsen", "PER"), ("Ana Ruiz", "PER")]),
    ],
)
def test_ranks_are_no_part_of_a_name(sentence: str, found: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == found


def test_an_abbreviated_rank_ends_no_sentence() -> None:
    text = "Jet lands safely\n\nBrig. Gen. Tom Reyes said the runway was clear."
    (analysed,) = analyse_articles(
        [dataclasses.replace(read_text(text, source="s.txt", fmt="text"), language="en")]
    )
    _headline, said = analysed.statements
    assert said.speaker == "per:tom-reyes"
    assert [m.text for m in said.entities] == ["Tom Reyes"]


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # "General"/"Major" opening an organisation's name were read as a rank before a person
        ("General Motors said it would cut jobs .", [("General Motors", "ORG")]),
        ("The General Assembly voted on Friday .", [("General Assembly", "ORG")]),
        ("Major League Baseball postponed the game .", [("Major League Baseball", "ORG")]),
        ("General Ada Brenn said the army would help .", [("Ada Brenn", "PER")]),
    ],
)
def test_a_rank_word_that_opens_an_organisations_name(sentence: str, found: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == found


# A nationality or a portfolio before a title and the name after it qualifies the office: no person
# ("Hungarian Prime" and "German" were persons; fourteenth session, found by the new user in a
# German-English pair).
@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        ("Hungarian Prime Minister Tom Varga said he is ready .", [("Tom Varga", "PER")]),
        ("German Chancellor Anna Weber said the talks would go on .", [("Anna Weber", "PER")]),
        ("Dutch Foreign Minister Jan Smit met her on Monday .", [("Jan Smit", "PER")]),
        ("They met after Danish Prime Minister Ole Brandt spoke .", [("Ole Brandt", "PER")]),
    ],
)
def test_words_before_a_title_qualify_the_office(sentence: str, found: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == found


@pytest.mark.parametrize(
    ("sentence", "found"),
    [
        # the English tokens split a double surname at its hyphen: the name ended before it
        (
            '" We start in May , " said Nora Bristol - Vane , the harbour director .',
            [("Nora Bristol - Vane", "PER")],
        ),
        ("Deputy Mayor Tobin Ashgrove - Kell agreed .", [("Tobin Ashgrove - Kell", "PER")]),
        ("Anne - Lise Torvik signed the lease .", [("Anne - Lise Torvik", "PER")]),
    ],
)
def test_a_double_surname_is_one_name(sentence: str, found: list[tuple[str, str]]) -> None:
    assert _entities(sentence) == found


def test_a_double_surname_alone_is_the_person_named_in_full() -> None:
    text = (
        "Quay plan approved\n\n"
        '"We start in May," said Nora Bristol-Vane, the harbour director.\n\n'
        "Bristol-Vane added that the cost would stay below budget."
    )
    article = dataclasses.replace(read_text(text, source="s.txt", fmt="text"), language="en")
    (analysed,) = analyse_articles([article])
    mentions = [(m.text, m.type, m.key) for s in analysed.statements for m in s.entities]
    assert mentions == [
        ("Nora Bristol-Vane", "PER", "per:nora-bristol-vane"),
        ("Bristol-Vane", "PER", "per:nora-bristol-vane"),
    ]
    assert [s.speaker for s in analysed.statements if s.kind != "headline"] == ["per:nora-bristol-vane"] * 2


def test_a_hyphen_between_spaces_is_a_dash_not_a_double_name() -> None:
    text = "Quay plan approved\n\nThe new quay opened on Monday, said Nora Vale - Bristol."
    article = dataclasses.replace(read_text(text, source="s.txt", fmt="text"), language="en")
    (analysed,) = analyse_articles([article])
    mentions = [(m.text, m.type) for s in analysed.statements for m in s.entities]
    assert mentions == [("Nora Vale", "PER"), ("Bristol", "LOC")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Worshippers gathered at the Al - Noor mosque on Friday .",
        "The weekly Al - Wadi reported the fire on Monday .",
    ],
)
def test_the_arabic_article_opening_a_name_takes_no_second_half(sentence: str) -> None:
    # "Al-" opens the names of mosques and papers as often as a family's (aaeac95 counted it on
    # unlabelled coverage): the double-name rule leaves it, so no person "Al - <Name>" is made
    assert not [name for name, kind in _entities(sentence) if kind == "PER" and " - " in name]


def test_a_double_surname_after_a_given_name_with_the_arabic_article_is_joined() -> None:
    assert ("Tarek Al - Wadi", "PER") in _entities("said Tarek Al - Wadi , the harbour director .")


def test_a_surname_after_a_town_in_a_cued_name_makes_one_person() -> None:
    # "said <Given> <Town> <Family>": the town the gazetteer knows was merged with the given name into
    # an organisation and the family name lost
    assert _entities('" It works , " said Oswin Preston Kell , director of the group .') == [
        ("Oswin Preston Kell", "PER")
    ]
    assert _entities("The fares are too high , says Kestrel Portugal .") == [("Kestrel Portugal", "ORG")]
