"""Subjectivity scores, genre, models and the ``train``/``eval subjectivity`` commands."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt
import pytest
from typer.testing import CliRunner

from blickwinkel.analyse.subjectivity import (
    FEATURES,
    SUBJECTIVE_THRESHOLD,
    SubjectivityModel,
    article_genre,
    cue_features,
    is_subjective,
    shipped_model,
    subjectivity_scores,
)
from blickwinkel.analyse.subjectivity_eval import (
    choose_language,
    classification_scores,
    fit_model,
    language_from_name,
    read_labelled_sentences,
)
from blickwinkel.cli.main import app
from blickwinkel.errors import BlickwinkelError, EvaluationError

OWN_SENTENCES = Path(__file__).resolve().parents[2] / "data" / "subjectivity"

NEUTRAL_DE = [
    "Bei einem Angriff auf den Stützpunkt wurden am Dienstag vier Soldaten verletzt.",
    "Die Polizei nahm nach der Schießerei in der Innenstadt zwei Männer fest.",
    "Der Bundestag beschloss das Gesetz am Donnerstag mit 380 Stimmen.",
]
SUBJECTIVE_DE = [
    # a prophecy with an evaluation
    "Diese Politik wird zweifellos in einer Katastrophe enden.",
    "Das wird ein völlig verheerender Winter für die Familien werden.",
    # rhetorical questions
    "Wie lange wollen wir uns diesen Unsinn eigentlich noch gefallen lassen?",
    "Warum schweigt die Regierung zu diesem Skandal?",
]
NEUTRAL_EN = [
    "Four soldiers were wounded on Tuesday when militants fired two drones at the base.",
    "Police arrested two men after the shooting downtown on Friday.",
    "Parliament passed the bill on Thursday with 380 votes.",
]
SUBJECTIVE_EN = [
    "This policy will undoubtedly end in disaster.",
    "How much longer are we supposed to put up with this nonsense?",
    "It is a disgrace, and frankly I am tired of it!",
]


@pytest.mark.parametrize("text", NEUTRAL_DE)
def test_neutral_german_reports_are_objective(text: str) -> None:
    assert not is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize("text", SUBJECTIVE_DE)
def test_german_prophecy_and_rhetorical_question_are_subjective(text: str) -> None:
    assert is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize("text", NEUTRAL_EN)
def test_neutral_english_reports_are_objective(text: str) -> None:
    assert not is_subjective(subjectivity_scores([text], "en")[0])


@pytest.mark.parametrize("text", SUBJECTIVE_EN)
def test_english_opinion_is_subjective(text: str) -> None:
    assert is_subjective(subjectivity_scores([text], "en")[0])


def test_scores_are_probabilities_in_order() -> None:
    texts = NEUTRAL_DE + SUBJECTIVE_DE
    scores = subjectivity_scores(texts, "de")
    assert len(scores) == len(texts)
    assert all(0.0 <= s <= 1.0 for s in scores)
    assert subjectivity_scores([], "de") == []


def test_a_quoted_opinion_is_not_the_outlets_opinion() -> None:
    text = "„Das ist eine völlige Katastrophe!“, sagte der Bürgermeister."
    reporting, quote = subjectivity_scores([text, text], "de", roles=["reporting", "quote"])
    assert quote < reporting
    assert not is_subjective(quote)


def test_cues_are_counted() -> None:
    features = cue_features("Wir müssen leider feststellen: Das ist absolut skandalös!", "de")
    assert features["first_person"] >= 1
    assert features["obligation"] >= 1
    assert features["intensifier"] >= 1
    assert features["evaluative"] >= 1
    assert features["exclamation"] == 1
    # "US" is the country, not the pronoun "us"
    assert cue_features("The US said on Monday it would send aid.", "en")["first_person"] == 0


class _LetterEmbedder:
    """A stand-in embedder: each text is the unit vector of its letter counts a-z."""

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        rows = np.zeros((len(texts), 26), dtype=np.float32)
        for i, text in enumerate(texts):
            for c in text.lower():
                if "a" <= c <= "z":
                    rows[i, ord(c) - 97] += 1
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        result: npt.NDArray[np.float32] = rows / np.maximum(norms, 1e-9)
        return result


def _prototype_model() -> SubjectivityModel:
    weights = {name: 0.0 for name in FEATURES} | {"prototype": 1.0}
    return SubjectivityModel("de", 0.0, weights, embedder="letters")


def test_embeddings_must_match_texts() -> None:
    with pytest.raises(BlickwinkelError):
        subjectivity_scores(
            ["a", "b"],
            "de",
            model=_prototype_model(),
            embedder=_LetterEmbedder(),
            embeddings=np.zeros((1, 26), dtype=np.float32),
        )


def test_a_prototype_model_needs_its_embedder() -> None:
    with pytest.raises(BlickwinkelError, match="letters"):
        subjectivity_scores(["Ein Satz."], "de", model=_prototype_model())
    scores = subjectivity_scores(NEUTRAL_DE, "de", model=_prototype_model(), embedder=_LetterEmbedder())
    assert len(scores) == len(NEUTRAL_DE)
    assert all(0.0 < s < 1.0 for s in scores)


def test_shipped_models_are_fitted_on_our_own_sentences() -> None:
    for language in ("de", "en"):
        model = shipped_model(language)
        assert model.embedder is None
        assert model.source == f"own-sentences-{language}.tsv"
        refit = fit_model(
            read_labelled_sentences(OWN_SENTENCES / model.source), language, source=model.source
        )
        # rounded to 3 decimals; allow a last-digit difference from another BLAS or platform
        assert refit.features == model.features
        assert refit.intercept == pytest.approx(model.intercept, abs=2e-3)
        assert [refit.weights[f] for f in refit.features] == pytest.approx(
            [model.weights[f] for f in model.features], abs=2e-3
        ), "regenerate with: blickwinkel train subjectivity (see docs/data-sources.md)"


def test_model_json_round_trip_and_errors() -> None:
    model = shipped_model("en")
    assert SubjectivityModel.from_json(model.to_json(), "x.json") == model
    with pytest.raises(BlickwinkelError, match=r"x\.json"):
        SubjectivityModel.from_json({"format": "something else"}, "x.json")
    broken = model.to_json()
    del broken["weights"]["facts"]
    with pytest.raises(BlickwinkelError, match="facts"):
        SubjectivityModel.from_json(broken, "x.json")


def test_roles_must_match_texts() -> None:
    with pytest.raises(BlickwinkelError):
        subjectivity_scores(["a", "b"], "de", roles=["quote"])


def test_article_genre() -> None:
    low, high = 0.1, 0.9
    assert article_genre([low] * 9 + [high], ["reporting"] * 10) == (0.1, "report")
    share, genre = article_genre([high] * 4 + [low] * 6, ["reporting"] * 10)
    assert genre == "opinion"
    assert share == pytest.approx(0.4)
    assert article_genre([high] * 7 + [low] * 3, ["commentary"] * 10)[1] == "commentary"
    # quotes are not the outlet's voice
    assert article_genre([high] * 5 + [low] * 5, ["quote"] * 5 + ["reporting"] * 5) == (0.0, "report")
    assert article_genre([], []) == (0.0, "report")
    assert SUBJECTIVE_THRESHOLD == 0.675


def test_classification_scores() -> None:
    result = classification_scores(["OBJ", "OBJ", "SUBJ", "SUBJ"], ["OBJ", "SUBJ", "SUBJ", "SUBJ"])
    assert result["accuracy"] == 0.75
    assert result["per_label"]["OBJ"]["precision"] == 1.0
    assert result["per_label"]["OBJ"]["recall"] == 0.5
    assert result["per_label"]["SUBJ"]["f1"] == pytest.approx(0.8)
    assert result["macro_f1"] == pytest.approx((2 / 3 + 0.8) / 2, abs=1e-4)
    assert result["sentences"] == 4
    assert result["plain_marked"] == 0.5  # one of the two OBJ sentences predicted SUBJ


def test_language_from_name() -> None:
    assert language_from_name(Path("checkthat2025-de-dev.tsv")) == "de"
    assert language_from_name(Path("sample_en.tsv")) == "en"
    with pytest.raises(EvaluationError):
        language_from_name(Path("sentences.tsv"))


def _write(tmp_path: Path, name: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    return path


def test_eval_command_json(tmp_path: Path) -> None:
    # the third sentence is CSV-quoted, with doubled quotation marks inside, as CheckThat writes them
    body = (
        "sentence_id\tsentence\tlabel\n"
        f"1\t{NEUTRAL_DE[0]}\tOBJ\n"
        f"2\t{SUBJECTIVE_DE[0]}\tSUBJ\n"
        '3\t"Er nannte es ""gut"", sagte sie."\tOBJ\n'
    )
    path = _write(tmp_path, "mini-de-dev.tsv", body)
    result = CliRunner().invoke(app, ["eval", "subjectivity", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {"macro_f1", "accuracy", "per_label", "sentences", "plain_marked"}
    assert set(data["per_label"]) == {"OBJ", "SUBJ"}
    assert data["sentences"] == 3


def test_eval_command_text(tmp_path: Path) -> None:
    body = f"sentence_id\tsentence\tlabel\n1\t{NEUTRAL_EN[0]}\tOBJ\n2\t{SUBJECTIVE_EN[0]}\tSUBJ\n"
    path = _write(tmp_path, "mini.tsv", body)
    result = CliRunner().invoke(app, ["eval", "subjectivity", str(path), "--language", "en"])
    assert result.exit_code == 0, result.output
    assert "macro-F1" in result.stdout


@pytest.mark.parametrize(
    ("body", "code", "where"),
    [
        ("", "V041", ":1:"),
        ("a\tb\n1\t2\n", "V042", ":1:"),
        ("sentence_id\tsentence\tlabel\n1\tEin Satz.\tOBJ\n2\tNur zwei Felder\n", "V043", ":3:"),
        ("sentence_id\tsentence\tlabel\n1\tEin Satz.\tMAYBE\n", "V044", ":2:"),
        ("sentence_id\tsentence\tlabel\n", "V046", "no labelled sentences"),
    ],
)
def test_eval_command_malformed_file(tmp_path: Path, body: str, code: str, where: str) -> None:
    path = _write(tmp_path, "bad-de-x.tsv", body)
    result = CliRunner().invoke(app, ["eval", "subjectivity", str(path)])
    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1
    assert "bad-de-x.tsv" in lines[0]
    assert where in lines[0]
    assert f"[{code}] " in lines[0]  # the message's id in the error table


def test_eval_command_missing_file(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["eval", "subjectivity", str(tmp_path / "none-de.tsv")])
    assert result.exit_code == 2
    assert "none-de.tsv" in result.stderr


def test_train_then_eval_with_the_user_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "data"))
    rows = [f"{i}\t{t}\tOBJ" for i, t in enumerate(NEUTRAL_EN)]
    rows += [f"{i + 10}\t{t}\tSUBJ" for i, t in enumerate(SUBJECTIVE_EN)]
    path = _write(tmp_path, "mine-en.tsv", "sentence_id\tsentence\tlabel\n" + "\n".join(rows) + "\n")
    result = CliRunner().invoke(app, ["train", "subjectivity", str(path)])
    assert result.exit_code == 0, result.output
    saved = tmp_path / "data" / "models" / "subjectivity-en.json"
    assert saved.exists()
    assert json.loads(saved.read_text(encoding="utf-8"))["sentences"] == 6
    result = CliRunner().invoke(
        app, ["eval", "subjectivity", str(path), "--model", "user", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["sentences"] == 6


def test_eval_with_a_missing_user_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("platformdirs.user_data_dir", lambda *a, **k: str(tmp_path / "empty"))
    path = _write(tmp_path, "mini-de.tsv", f"sentence\tlabel\n{NEUTRAL_DE[0]}\tOBJ\n")
    result = CliRunner().invoke(app, ["eval", "subjectivity", str(path), "--model", "user"])
    assert result.exit_code == 2
    assert "train subjectivity" in result.stderr


def test_training_needs_both_labels(tmp_path: Path) -> None:
    path = _write(tmp_path, "only-de.tsv", f"sentence\tlabel\n{NEUTRAL_DE[0]}\tOBJ\n")
    result = CliRunner().invoke(
        app, ["train", "subjectivity", str(path), "--output", str(tmp_path / "m.json")]
    )
    assert result.exit_code == 2
    assert "only-de.tsv" in result.stderr
    assert not (tmp_path / "m.json").exists()


def test_a_model_fitted_with_an_embedder_weighs_the_prototypes() -> None:
    pairs = [(t, "OBJ") for t in NEUTRAL_DE] + [(t, "SUBJ") for t in SUBJECTIVE_DE]
    model = fit_model(pairs, "de", embedder=_LetterEmbedder(), embedder_name="letters", source="mini")
    assert model.embedder == "letters"
    assert "prototype" in model.weights
    assert SubjectivityModel.from_json(model.to_json(), "m.json") == model
    scores = subjectivity_scores(SUBJECTIVE_DE, "de", model=model, embedder=_LetterEmbedder())
    assert len(scores) == len(SUBJECTIVE_DE)
    with pytest.raises(BlickwinkelError):
        fit_model(pairs, "de", embedder=_LetterEmbedder())  # a model must name its embedder


@pytest.mark.parametrize("command", ["eval", "train"])
def test_language_other_than_de_or_en_is_refused(tmp_path: Path, command: str) -> None:
    # `--lang fr` used to be taken: eval scored German sentences with no warning (macro-F1 0.000)
    # and train saved a "fr" model nothing reads.
    body = f"sentence_id\tsentence\tlabel\n1\t{NEUTRAL_DE[0]}\tOBJ\n2\t{SUBJECTIVE_DE[0]}\tSUBJ\n"
    path = _write(tmp_path, "mini-de.tsv", body)
    args = [command, "subjectivity", str(path), "--lang", "fr"]
    if command == "train":
        args += ["--output", str(tmp_path / "model.json")]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 2
    assert "[C003] --language 'fr': choose one of 'de', 'en'." in result.stderr
    assert not (tmp_path / "model.json").exists()


def test_language_option_in_capitals() -> None:
    assert choose_language("DE", Path("sentences.tsv")) == "de"
    assert choose_language(None, Path("x-en.tsv")) == "en"


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("No one was injured when the scaffolding fell.", "en"),
        ("Nobody was hurt in the collision.", "en"),
        ("Nothing was taken from the kiosk.", "en"),
        ("Verletzt wurde niemand.", "de"),
        ("Bei dem Zusammenstoß kam niemand zu Schaden.", "de"),
        ("Aus dem Kiosk wurde nichts gestohlen.", "de"),
    ],
)
def test_plain_negated_facts_are_not_opinion(text: str, language: str) -> None:
    # "niemand" / "nobody" counted as a generalisation and a negation: every "no one was injured"
    # scored as an opinion (0.61 en, 0.73 de).
    features = cue_features(text, language)
    assert features["generic"] == 0 and features["negation"] == 0
    assert not is_subjective(subjectivity_scores([text], language)[0])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Nobody cares about the pier any more.", "en"),
        ("Nobody should have to wait that long for a ferry.", "en"),
        ("Niemand interessiert sich noch für den Steg.", "de"),
        ("Niemand sollte so lange auf eine Fähre warten müssen.", "de"),
    ],
)
def test_generalisations_with_nobody_still_count(text: str, language: str) -> None:
    features = cue_features(text, language)
    assert features["generic"] >= 1 and features["negation"] >= 1


def test_no_opinion_is_read_in_a_language_without_cues() -> None:
    # The English cues matched at random in Polish and Arabic reports ("opinion 8%", [opinion] tags).
    from blickwinkel.analyse.pipeline import analyse_articles
    from blickwinkel.analyse.subjectivity import reads_opinion
    from blickwinkel.ingest import read_text

    assert (
        reads_opinion("de") and reads_opinion("es-ES") and not reads_opinion("pl") and not reads_opinion(None)
    )
    record = (
        '{"title": "Nowy most w Halbergu", "language": "pl", "text": "Radni miasta Halberg zgodzili się '
        "w poniedziałek na budowę nowego mostu. To absolutnie najgorszy i najbardziej skandaliczny pomysł "
        'w historii miasta! Budowa ma kosztować 40 milionów złotych."}'
    )
    (analysed,) = analyse_articles([read_text(record, source="most.json", fmt="json")])
    assert analysed.subjective_share is None
    assert not any(s.subjective for s in analysed.statements)


# Plain reports of what the police, an agency or a ministry did or said (twelfth session; found by the
# new user, who saw such statements tagged opinion). Our own sentences.
PLAIN_REPORTS = {
    "en": [
        "Police said two men were arrested and are being questioned.",
        "Police are searching for the driver.",
        "A man is being questioned by police.",
        "Officers are appealing for witnesses.",
        "According to the ministry, all schools are closed.",
        "Police have not yet identified the victim.",
        "Two people are still missing, according to the coastguard.",
        "The cause of the fire has not yet been established.",
        "Prosecutors are seeking a five-year sentence.",
        "The ferry is set to resume service next week.",
        "The road is expected to reopen on Friday, the council said.",
    ],
    "de": [
        "Die Polizei teilte mit, dass zwei Männer festgenommen wurden.",
        "Laut Ministerium sind alle Schulen geschlossen.",
        "Die Zahl der Anträge ist deutlich gestiegen, teilte das Amt mit.",
        "Es besteht keine Gefahr für die Bevölkerung, sagte ein Sprecher der Stadt.",
        "Die Bestellungen beim Versandhändler sind im Mai gestiegen.",
        "Mehrfach musste die Polizei in der Nacht ausrücken.",
        "Die Brücke bleibt bis Freitag gesperrt, teilte die Stadt mit.",
        # "man" in indirect speech is the speaker's side, no generalisation
        "Die Polizei sagte, man könne Brandstiftung nicht ausschließen.",
        "Die Stadt teilte mit, man prüfe den Antrag.",
    ],
}
COMMENTS = {
    "en": [
        "This decision is a disgrace and the minister should resign.",
        "We must not let fear win.",
        "The police response was shameful and utterly inadequate.",
        "The government is simply wrong about this.",
        "Surely the city can do better than this.",
    ],
    "de": [
        "Diese Entscheidung ist ein Skandal, der Minister sollte zurücktreten.",
        "Der Plan ist schlicht absurd.",
        "Das Vorgehen der Polizei war beschämend und völlig unangemessen.",
        "Die Regierung liegt hier einfach falsch.",
        "Man kann nur hoffen, dass die Stadt endlich handelt.",
    ],
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in PLAIN_REPORTS.items() for t in texts]
)
def test_plain_reports_of_the_police_and_agencies_are_no_opinion(language: str, text: str) -> None:
    # "Police are searching …" counted "are" as a copula of judgement (0.54 with no other cue), "not yet"
    # as a stance and an argument word (0.69); "beste*" matched "besteht" and "Bestellungen",
    # "deutlich" the degree of a rise, "musste" a past necessity as a judgement.
    assert not is_subjective(subjectivity_scores([text], language)[0])


@pytest.mark.parametrize(("language", "text"), [(lang, t) for lang, texts in COMMENTS.items() for t in texts])
def test_comments_stay_opinion(language: str, text: str) -> None:
    assert is_subjective(subjectivity_scores([text], language)[0])


@pytest.mark.parametrize(
    ("text", "copulas"),
    [
        ("The plan is absurd and the costs are too high.", 2),
        ("Police are searching for the driver, who is being sought.", 0),
        ("The schools are closed and the ferry is set to resume on Monday.", 0),
        ("The result is not yet known.", 0),
        ("The result is disappointing and the plan is misguided.", 2),
    ],
)
def test_english_copulas_without_the_auxiliaries(text: str, copulas: int) -> None:
    assert cue_features(text, "en")["present_copula"] == copulas


# Negation alone is no opinion (thirteenth session; found by the new user: a German report that a
# bridge could not be crossed was tagged opinion). Our own sentences: before, 16 of 20 German plain
# negated reports scored as opinion; the English ones that still do carry another cue (a modal, "because").
PLAIN_NEGATED_REPORTS = {
    "de": [
        "Die Brücke war nicht befahrbar.",
        "Der Zug fuhr am Abend nicht.",
        "Die Polizei fand keine Spuren.",
        "Der Bürgermeister war für eine Stellungnahme nicht erreichbar.",
        "Die Fähre legte wegen des Sturms nicht ab.",
        "Der Angeklagte erschien nicht vor Gericht.",
        "Die Schule blieb am Dienstag geschlossen, Unterricht fand nicht statt.",
        "Der Verein nannte keine Gründe für die Trennung.",
        "Die Feuerwehr musste nicht ausrücken.",
        "Das Museum öffnet in diesem Winter nicht.",
        "Die Ursache des Brandes steht noch nicht fest.",
        "Verletzte gab es keine.",
        "Die Wahlbeteiligung wurde nicht veröffentlicht.",
        "Der Flughafen nahm keine Flüge mehr an.",
        "Die Gewerkschaft unterschrieb den Vertrag nicht.",
        "Die Mannschaft verlor kein Spiel der Hinrunde.",
        "Die Straße wird im Sommer nicht saniert.",
        "Die Ärztin wollte ihren Namen nicht nennen.",
    ],
    "en": [
        "The bridge was not passable.",
        "The train did not run in the evening.",
        "Police found no traces.",
        "The defendant did not appear in court.",
        "A motive is not yet known.",
        "The club gave no reason for the split.",
        "The museum will not open this winter.",
        "The company did not publish its figures.",
        "The union did not sign the contract.",
        "The road will not be resurfaced in the summer.",
        "The vote was not held on Thursday.",
        "No decision was taken at the meeting.",
        "The river did not burst its banks.",
    ],
}
NEGATED_JUDGEMENTS = {
    "de": [
        "Das ist nicht gut.",
        "Mutig war dieser Plan nicht.",
        "Es gibt keinen vernünftigen Grund für diese Sperrung.",
        "Diese Politik ist nicht hinnehmbar.",
        "Mich überzeugt dieser Vorschlag nicht.",
        "So darf man mit Steuergeld nicht umgehen.",
    ],
    "en": [
        "This is not good enough.",
        "There is no excuse for this failure.",
        "The plan is not acceptable.",
        "We should not accept this.",
        "I am not convinced by this proposal.",
        "Frankly, the council has learnt nothing.",
    ],
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in PLAIN_NEGATED_REPORTS.items() for t in texts]
)
def test_negation_alone_is_no_opinion(language: str, text: str) -> None:
    assert cue_features(text, language)["negation"] == 0
    assert not is_subjective(subjectivity_scores([text], language)[0])


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in NEGATED_JUDGEMENTS.items() for t in texts]
)
def test_a_negated_judgement_stays_opinion(language: str, text: str) -> None:
    assert cue_features(text, language)["negation"] >= 1
    # above the balance point of our own sentences (0.5); whether it is marked is the threshold's choice
    # (SUBJECTIVE_THRESHOLD, chosen on real news): test_most_invented_opinion_is_marked counts them
    assert subjectivity_scores([text], language)[0] > 0.5


# Plain reports with a modal, a cause or what is not yet known (fourteenth session; found by the new user:
# "could", "need to", "because" made English reports opinion, German reports of what is still unknown
# tipped over 0.5 on "ist" beside "nicht"). Our own sentences: before, 18 of 22 English and 9 of 24
# German ones were opinion, now none. The opinion sentences with the same words stay opinion (21 of 22
# English and 20 of 22 German, before and after; the three left out carry no cue word of ours).
PLAIN_REPORTS_WITH_MODALS = {
    "en": [
        "The ferry could not leave the harbour because of the storm.",
        "Firefighters could not reach the house because the road was blocked.",
        "The airport had to close because of heavy snow.",
        "The match was called off because the pitch was frozen.",
        "Residents need to leave their homes by noon, the council said.",
        "Drivers need to use the northern bypass until Friday.",
        "The school stayed closed because the heating had failed.",
        "Rescuers could not find the missing hiker before dark.",
        "The train could not continue because a tree lay on the track.",
        "Police could not say how many people were inside.",
        "The bank could not be reached for comment.",
        "The vote was postponed because two members were ill.",
        "Patients need to bring their insurance card.",
        "The bridge could reopen next week.",
        "The plant could shut down later this year.",
        "The ship could not dock because of high winds.",
        "The flight was diverted because a passenger fell ill.",
        "Passengers need to show a ticket at the gate.",
        "The shop could not open on Monday because staff were off sick.",
        "The minister could not attend because of a prior engagement.",
        "Visitors need to register at the front desk.",
        "The company said it could cut up to 200 jobs.",
    ],
    "de": [
        "Zum Hintergrund der Tat ist bislang nichts bekannt.",
        "Warum der Wagen von der Straße abkam, ist noch unklar.",
        "Die Brandursache ist noch nicht geklärt.",
        "Wie hoch der Schaden ist, steht noch nicht fest.",
        "Die Identität des Toten ist bisher nicht bekannt.",
        "Ob es Verletzte gibt, ist derzeit unklar.",
        "Der genaue Ablauf ist noch Gegenstand der Ermittlungen.",
        "Die Strecke ist weiterhin gesperrt.",
        "Der Verdächtige ist auf freiem Fuß.",
        "Der Täter ist noch flüchtig.",
        "Die Höhe des Schadens ist unbekannt.",
        "Die Polizei konnte den Fahrer nicht finden.",
        "Der Zug konnte wegen eines umgestürzten Baumes nicht weiterfahren.",
        "Das Spiel wurde abgesagt, weil der Platz gefroren war.",
        "Die Fähre lief nicht aus, weil der Wind drehte.",
        "Anwohner müssen ihre Häuser bis zum Mittag verlassen.",
        "Die Schule blieb geschlossen, weil die Heizung ausgefallen war.",
        "Ein Sprecher war nicht zu erreichen.",
        "Der Flug musste umgeleitet werden, weil ein Fahrgast erkrankte.",
        "Wer das Feuer gelegt hat, ist noch offen.",
        "Die Zahl der Opfer ist noch nicht bekannt.",
        "Die Brücke könnte nächste Woche wieder öffnen.",
        "Ab Montag müssen Pendler umsteigen.",
        "Auf der Strecke muss man mit Staus rechnen.",
    ],
}
OPINION_WITH_MODALS = {
    "en": [
        "The council could have prevented this mess years ago.",
        "The government needs to stop pretending that everything is fine.",
        "We need to talk honestly about what went wrong.",
        "The minister has to go, because nobody trusts him any more.",
        "This plan will fail because it ignores the people it is meant to help.",
        "The city could easily afford a better solution if it wanted one.",
        "Voters deserve better than these empty promises.",
        "The league needs to take racism far more seriously.",
        "It is not clear why anyone still defends this policy.",
        "Nobody could seriously believe this excuse.",
        "The company should apologise because its silence is insulting.",
        "Politicians need to listen instead of lecturing.",
        "The police simply could not be bothered to investigate properly.",
        "Ministers have to admit that the reform is a failure.",
        "This is wrong because it punishes the poorest families.",
        "The club needs to learn from this humiliating defeat.",
        "The decision makes no sense because the money is already there.",
        "The mayor could not have picked a worse moment for a pay rise.",
        "Schools need to be funded properly, not patched up.",
        "The bill is a mistake because it rewards bad behaviour.",
        "Someone needs to take responsibility for this shambles.",
    ],
    "de": [
        "Die Regierung muss endlich handeln.",
        "Wir müssen ehrlich darüber reden, was schiefgelaufen ist.",
        "Der Minister muss gehen, weil ihm niemand mehr vertraut.",
        "Die Stadt könnte sich eine bessere Lösung leisten, wenn sie nur wollte.",
        "Es ist nicht nachvollziehbar, warum jemand diese Politik noch verteidigt.",
        "Das Ergebnis ist nicht hinnehmbar.",
        "Die Politik muss den Menschen endlich zuhören.",
        "Die Reform ist ein Fehler, weil sie die Falschen belohnt.",
        "Der Verein muss aus dieser blamablen Niederlage lernen.",
        "Es ist unklar, wie man so eine Entscheidung ernsthaft treffen kann.",
        "Die Schulen müssen anständig ausgestattet werden, statt immer nur geflickt zu werden.",
        "Der Bürgermeister hätte sich keinen schlechteren Zeitpunkt aussuchen können.",
        "Die Entscheidung ist falsch, weil sie die ärmsten Familien trifft.",
        "Das Gesetz ist ein Irrweg, weil es schlechtes Verhalten belohnt.",
        "Jemand muss die Verantwortung für dieses Chaos übernehmen.",
        "Die Wähler haben Besseres verdient als leere Versprechen.",
        "Die Liga muss Rassismus viel ernster nehmen.",
        "Der Konzern sollte sich entschuldigen, weil sein Schweigen beleidigend ist.",
        "Politiker müssen zuhören, statt zu belehren.",
        "Diese Ausrede kann niemand ernsthaft glauben.",
    ],
}


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in PLAIN_REPORTS_WITH_MODALS.items() for t in texts]
)
def test_a_modal_a_cause_or_an_open_question_in_a_report_is_no_opinion(language: str, text: str) -> None:
    assert not is_subjective(subjectivity_scores([text], language)[0])


@pytest.mark.parametrize(
    ("language", "text"), [(lang, t) for lang, texts in OPINION_WITH_MODALS.items() for t in texts]
)
def test_opinion_with_a_modal_or_a_reason_stays_opinion(language: str, text: str) -> None:
    assert subjectivity_scores([text], language)[0] > 0.5


# How many of the invented opinion sentences above the mark keeps (seventeenth session): at the threshold
# chosen on real news (0.675, where a fifth of plain news sentences had been marked at 0.5) an opinion
# whose only cue is a modal of obligation, or a negation beside a copula or "I", is no longer marked:
# negated judgements de 6 of 6, en 4 of 6; opinion with a modal or a reason de 15 of 20, en 19 of 21.
# (CheckThat dev, measured only, rose at the same time: de 0.650 -> 0.662, en 0.659 -> 0.668.)
MARKED_AT_LEAST = {("negated", "de"): 6, ("negated", "en"): 4, ("modal", "de"): 15, ("modal", "en"): 19}


@pytest.mark.parametrize(("kind", "language"), sorted(MARKED_AT_LEAST))
def test_most_invented_opinion_is_marked(kind: str, language: str) -> None:
    texts = (NEGATED_JUDGEMENTS if kind == "negated" else OPINION_WITH_MODALS)[language]
    marked = sum(1 for score in subjectivity_scores(texts, language) if is_subjective(score))
    assert marked >= MARKED_AT_LEAST[(kind, language)], f"{marked} of {len(texts)}"


# Plain news shapes (seventeenth session; found on the tuning half of examples/gold-real/opinion, where a
# fifth of plain German and a quarter of plain English news sentences were marked opinion). Our own
# sentences; each names the cue the shape used to set off.
PLAIN_NEWS_SHAPES = [
    ("de", "Der Zug hielt nicht nur in Kassel, sondern auch in Fulda.", "negation"),
    ("de", "Die Umleitung ist seit Dienstag nicht mehr nötig.", "negation"),
    ("de", "Die Stadt hat das Geld, das den Schulen helfen sollte, noch nicht ausgezahlt.", "obligation"),
    ("de", "Der Landrat sagte, ein Neubau würde rund vier Millionen Euro kosten.", "obligation"),
    ("de", "Viele Zuschauer verließen das Stadion schon zur Pause.", "generic"),
    ("de", "Alle Fähren zur Insel fallen am Freitag aus.", "generic"),
    ("de", "Die Mieten stiegen im vergangenen Jahr stark an.", "evaluative"),
    ("de", "Die Nutzer können ihr Passwort selbst zurücksetzen.", "intensifier"),
    ("de", "Das Konzert findet im Schlosspark Schönhausen statt.", "evaluative"),
    ("en", "The ferry stopped not only in Dover but also in Folkestone.", "negation"),
    ("en", "The detour is no longer needed.", "negation"),
    ("en", "The board approved a plan that would close two depots.", "obligation"),
    ("en", "The mayor said a new hall would cost about four million pounds.", "obligation"),
    ("en", "The Great Western line reopened on Monday.", "evaluative"),
    ("en", "The Great Western line didn't reopen on Monday.", "evaluative"),
    ("en", "Two cars collided, leaving one on its roof.", "generic"),
    ("en", "The bus caught fire just after leaving the depot.", "weak_evaluative"),
]


@pytest.mark.parametrize(("language", "text", "cue"), PLAIN_NEWS_SHAPES)
def test_plain_news_shapes_are_no_opinion(language: str, text: str, cue: str) -> None:
    assert cue_features(text, language)[cue] == 0
    assert not is_subjective(subjectivity_scores([text], language)[0])


@pytest.mark.parametrize(
    ("language", "text", "cue"),
    [
        ("de", "Viele Menschen haben genug von diesem Streit.", "generic"),
        ("de", "Die Regierung müsste endlich handeln.", "obligation"),
        ("de", "Ein starkes Zeichen für die Stadt.", "evaluative"),
        ("de", "Die Reform ist ein schöner Erfolg.", "evaluative"),
        ("en", "One must admire the courage of the volunteers.", "generic"),
        ("en", "This is a great day for the town.", "evaluative"),
        ("en", "The verdict is just wrong.", "weak_evaluative"),
    ],
)
def test_the_same_words_still_count_where_they_judge(language: str, text: str, cue: str) -> None:
    assert cue_features(text, language)[cue] >= 1


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "Der Mann soll den Kassierer mit einer Flasche bedroht haben."),
        ("de", "Die beiden Täter sollen über den Zaun geflüchtet sein."),
        ("de", "Die Brücke soll schon vor Jahren beschädigt worden sein."),
        ("en", "The alleged burglar was arrested on Monday."),
    ],
)
def test_hearsay_is_attribution(language: str, text: str) -> None:
    # German "soll" with a perfect infinitive says that others say so (seventeenth session)
    assert cue_features(text, language)["attribution"] >= 1
    assert not is_subjective(subjectivity_scores([text], language)[0])


def test_soll_with_a_plain_infinitive_is_no_hearsay() -> None:
    assert cue_features("Die neue Halle soll im Herbst eröffnet werden.", "de")["attribution"] == 0


# Eighteenth session: the writer's comment without a listed word (German). Invented sentences, none of
# them in the training file.
COMMENT_SHAPES_DE = [
    "Ärgerlicherweise hat die Gemeinde den Spielplatz zum zweiten Mal verlegt.",
    "Die Tarifreform wird sicher nicht die letzte ihrer Art sein.",
    "Der Verein scheint die Warnungen seiner Mitglieder zu ignorieren.",
    "Die Stadtwerke scheinen mit der Umstellung überfordert zu sein.",
    "Die Abstimmung über den Parkplatz wird einmal mehr vertagt.",
    "Das Programm des Kulturamts bleibt ideenlos.",
    "Die Verlegung des Wochenmarkts ist pure Symbolpolitik.",
]
PLAIN_SHAPES_DE = [
    "Normalerweise öffnet das Freibad Anfang Mai.",
    "Der Sand wird meterweise von der Düne abgetragen.",
    "Die neue Fußgängerbrücke gilt als sicher.",
    "Am Nachmittag schien über dem Hafen wieder die Sonne.",
    "Die Sonne schien während der Sitzungen auf der Dachterrasse.",
    "Doch der Lastwagen blieb auf dem Bahnübergang stehen.",
    "Die Bahn fuhr an, doch zwei Wagen blieben auf dem Gleis zurück.",
]


@pytest.mark.parametrize("text", COMMENT_SHAPES_DE)
def test_a_comment_without_a_listed_word_counts(text: str) -> None:
    features = cue_features(text, "de")
    assert features["stance"] + features["evaluative"] >= 1


def test_most_comments_without_a_listed_word_are_opinion() -> None:
    # a single stance word in a sentence of many nouns stays near the threshold (0.65-0.67 for three)
    marked = [is_subjective(s) for s in subjectivity_scores(COMMENT_SHAPES_DE, "de")]
    assert sum(marked) >= 4, marked


@pytest.mark.parametrize("text", PLAIN_SHAPES_DE)
def test_the_same_shapes_in_a_plain_report_are_no_stance(text: str) -> None:
    assert cue_features(text, "de")["stance"] == 0
    assert not is_subjective(subjectivity_scores([text], "de")[0])


# Nineteenth session: "sicher auch/noch" after a copula with only a phrase of a condition or protection
# after it is "safe"; with a further predicate or a phrase of place it stays the writer's certainty.
@pytest.mark.parametrize(
    "text",
    [
        "Die Brücke ist sicher auch bei Sturm.",
        "Der neue Radweg ist sicher auch für Kinder.",
        "Das Lager ist nach dem Umbau sicher auch gegen Hochwasser.",
        "Die Kletterhalle bleibt sicher auch bei vollem Betrieb.",
        "Die Tresore der Bank sind sicher auch vor geübten Einbrechern.",
        "Die Hütte war sicher noch bei Sturm und Schnee.",
        "Das Gerüst ist sicher auch während der Arbeiten am Dach.",
    ],
)
def test_safe_after_a_copula_is_no_certainty(text: str) -> None:
    assert cue_features(text, "de")["stance"] == 0
    assert not is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize(
    "text",
    [
        "Das ist sicher auch ein Grund für den Rückgang der Mitglieder.",
        "Die Entscheidung war sicher auch für den Trainer nicht leicht.",
        "Das ist sicher auch für die Anwohner ein Problem.",
        "Der Streit ist sicher noch nicht vorbei.",
        "Die Halle ist sicher noch zu retten.",
        "Der Dieb ist sicher noch in der Stadt.",
        "Die Straße ist sicher noch bis Freitag gesperrt.",
    ],
)
def test_sure_after_a_copula_with_a_predicate_is_certainty(text: str) -> None:
    assert cue_features(text, "de")["stance"] == 1


def test_a_modal_particle_doch_still_counts() -> None:
    assert cue_features("Das hätte man doch vorher wissen können.", "de")["stance"] == 1


@pytest.mark.parametrize(
    "text",
    [
        "Der Umbau der Turnhalle ist teurer als geplant, so eine Mitteilung des Landkreises.",
        "Wir haben die Gleise in zwei Nächten erneuert, so Bauleiterin Krämer.",
        "Glaubt man der Kämmerin, ist der Haushalt des kommenden Jahres ausgeglichen.",
        "Geht es nach dem Verkehrsminister, fährt die Bahn ab Mai wieder stündlich.",
    ],
)
def test_a_german_source_formula_is_attribution(text: str) -> None:
    # eighteenth session: ", so <source>" at the end, "glaubt man …", "geht es nach …"
    assert cue_features(text, "de")["attribution"] >= 1
    assert not is_subjective(subjectivity_scores([text], "de")[0])


def test_so_dass_names_no_source() -> None:
    assert cue_features("Das Dach hielt stand, so dass niemand verletzt wurde.", "de")["attribution"] == 0


def test_having_to_expect_something_is_no_obligation() -> None:
    text = "Wer ohne Fahrschein fährt, muss damit rechnen, 60 Euro zu zahlen."
    assert cue_features(text, "de")["obligation"] == 0
    assert cue_features("Die Stadt muss endlich handeln.", "de")["obligation"] == 1


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("de", "„Das ist doch völlig absurd und eine Schande“, sagte die Sprecherin des Turnvereins."),
        ("de", "Der Kassenwart schrieb, »wir müssen das Dach endlich sanieren, sonst ist es zu spät«."),
        ("en", '"This is a truly shameful decision for our town," the chair of the rowing club said.'),
        ("en", 'The warden asked: "Why should anyone trust these figures now?"'),
    ],
)
def test_the_words_of_a_quotation_are_the_speakers(language: str, text: str) -> None:
    # eighteenth session: cues inside a quotation of four words or more are not the writer's
    features = cue_features(text, language)
    judging = ("evaluative", "intensifier", "stance", "obligation", "first_person", "question")
    assert not any(features[name] for name in judging), features
    assert not is_subjective(subjectivity_scores([text], language)[0])


def test_a_scare_quote_stays_the_writers() -> None:
    features = cue_features("Der Stadtrat nennt das neue Parkhaus eine „Lösung“ für die Innenstadt.", "de")
    assert features["scare_quote"] == 1
    assert cue_features("Das ist doch völlig absurd.", "de")["stance"] == 1


# Nineteenth session: loaded labels, the writer's own evaluative name for a person, a group or an act
# (invented sentences; the plain ones name the same with a neutral word).
LOADED_LABELS_DE = [
    "Die Schwätzer im Kulturausschuss haben die Entscheidung über das Festival vertagt.",
    "Das Gezerre um den neuen Bolzplatz hinter der Grundschule geht weiter.",
    "Mit einem Geniestreich hat der Kapitän der Ruderer die Regatta gewonnen.",
    "Die Provinzposse um die Parkuhren am Bahnhof beschäftigt nun das Verwaltungsgericht.",
    "Der Sparwahn des Landkreises trifft die Musikschulen.",
    "Die Bedenkenträger im Heimatverein verhindern den Umbau der Scheune.",
    "Die Schergen der Inselrepublik haben die Abstimmung verschoben.",
    "Der Möchtegern-Investor aus der Nachbarstadt legt einen neuen Plan vor.",
    # the idiom of "Holzweg" (its head is out: a forest track, a street's name; review, twentieth session)
    "Mit dem neuen Parkkonzept ist die Stadtverwaltung auf dem Holzweg.",
]
PLAIN_LABELS_DE = [
    "Die Mitglieder im Kulturausschuss haben die Entscheidung über das Festival vertagt.",
    "Die Verhandlungen um den neuen Bolzplatz hinter der Grundschule gehen weiter.",
    "Mit einem Vorsprung von drei Sekunden hat der Vierer der Ruderer die Regatta gewonnen.",
    "Der Streit um die Parkuhren am Bahnhof beschäftigt nun das Verwaltungsgericht.",
    "Die Sparpläne des Landkreises betreffen die Musikschulen.",
    "Die Denkmalpfleger im Heimatverein prüfen den Umbau der Scheune.",
    "Die Regierung der Inselrepublik hat die Abstimmung verschoben.",
    "Der Investor aus der Nachbarstadt legt einen neuen Plan vor.",
    "Der Ingenieur der Stadtwerke prüfte die Leitungen.",
    "Die Neugier der Kinder war groß, als der Zirkus kam.",
    "Die Regierung will die Region bis 2030 anders regieren.",
    "Die Behörde verlängerte das Sanktionsregime um ein Jahr.",
    "Der Machthaber der Inselrepublik ließ die Abstimmung verschieben.",
    "Das Regime der Inselrepublik ließ die Grenze zum Nachbarland schließen.",
    "Ein Clown des Wanderzirkus verteilte am Markt Luftballons.",
    "Der Mann gab dem Kassierer eine Ohrfeige und floh.",
    # the plain name of an armed attack on a country, not a label (review, nineteenth session)
    "Seit dem Beginn der Invasion haben die Grenzstädte zwei Krankenhäuser geräumt.",
    # words whose plain sense is common in plain reports (police, accidents, dogs, art, forestry, history)
    "Der Mann verpasste dem Busfahrer eine Ohrfeige und flüchtete zu Fuß.",
    "Der Radfahrer starb noch an der Unfallstelle an einem Genickbruch.",
    "Der Hund muss im Park künftig einen Maulkorb tragen.",
    "Beim Kinderfest treten zwei Clowns und ein Zauberer auf.",
    "Das Museum zeigt ab Samstag russische Ikonen aus dem 16. Jahrhundert.",
    "Im Stadtwald ist ein Kahlschlag von vier Hektar geplant.",
    "Der Vortrag handelt vom ersten Kreuzzug.",
    # a forest track and a street's name; the police's plain word for a series of robberies or thefts
    # (review, twentieth session)
    "Der Unfall geschah am Montagabend im Holzweg in Tannried, die Fahrerin blieb unverletzt.",
    "Die Wanderer folgten einem alten Holzweg bis zur Hütte am Kellberg.",
    "Nach einem Raubzug durch vier Kioske nahm die Polizei zwei Jugendliche in Wiesenau fest.",
    "Die Ermittler ordnen der Bande einen Beutezug durch sieben Gartenlauben zu.",
]


@pytest.mark.parametrize("text", LOADED_LABELS_DE)
def test_a_loaded_label_is_evaluative(text: str) -> None:
    assert cue_features(text, "de")["evaluative"] == 1
    assert is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize("text", PLAIN_LABELS_DE)
def test_a_neutral_name_is_no_label(text: str) -> None:
    assert cue_features(text, "de")["evaluative"] == 0
    assert not is_subjective(subjectivity_scores([text], "de")[0])


def test_a_label_also_listed_counts_once() -> None:
    # "Hetzer" is a listed word (word start) and a label head: one evaluative word, not two
    assert cue_features("Die Hetzer im Netz wurden angezeigt.", "de")["evaluative"] == 1
    assert cue_features("Die Kriegshetzer im Netz wurden angezeigt.", "de")["evaluative"] == 1


# Nineteenth session: somebody's words without quotation marks, the source after them, are the speaker's.
@pytest.mark.parametrize(
    "text",
    [
        "Das Dach ist marode und der Umbau eine Katastrophe, sagte der Bürgermeister.",
        "Wir sind sehr froh über jede Hilfe, so die Leiterin der Tafel.",
        "Das kommt leider viel zu spät, so Kämmerin Berg.",
        "Der Zeitplan war von Anfang an völlig unrealistisch, erklärte ein Sprecher des Verbands.",
    ],
)
def test_words_before_a_closing_source_are_the_speakers(text: str) -> None:
    features = cue_features(text, "de")
    judging = ("evaluative", "weak_evaluative", "intensifier", "stance", "first_person")
    assert not any(features[name] for name in judging), features
    assert not is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize(
    "text",
    [
        "Das Dach ist marode und der Umbau eine Katastrophe.",
        "Die Stadt hat beim Umbau versagt, so einfach ist das.",
        "Die Stadt hat beim Umbau versagt, so dass alle warten müssen.",
    ],
)
def test_without_a_closing_source_the_words_are_the_writers(text: str) -> None:
    assert is_subjective(subjectivity_scores([text], "de")[0])


# Nineteenth session: plain German shapes with a weak word of judgement.
@pytest.mark.parametrize(
    "text",
    [
        "Der Markt findet eigentlich immer samstags statt.",
        "Die Fähre fährt eigentlich stündlich zur Insel.",
        "Die Technikerinnen prüfen, wie sich das Glas am besten kühlen lässt.",
        "Wie man am besten Heizkosten spart, erklärt die Broschüre der Verbraucherzentrale.",
        "Die Keller sind nach dem Umbau besser abgedichtet.",
        "Die Klinik ist schlechter ausgestattet als das Kreiskrankenhaus.",
    ],
)
def test_usual_best_way_and_compared_states_are_no_judgement(text: str) -> None:
    assert cue_features(text, "de")["weak_evaluative"] == 0
    assert not is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize(
    "text",
    [
        "An Schlaf war in der Nacht nicht zu denken.",
        "An einen Umzug des Vereins ist vorerst gar nicht zu denken.",
        "Wegen des Hochwassers ist an eine Öffnung des Campingplatzes kaum zu denken.",
    ],
)
def test_what_is_out_of_the_question_is_no_judgement(text: str) -> None:
    features = cue_features(text, "de")
    assert features["present_copula"] == features["negation"] == features["intensifier"] == 0
    assert not is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize(
    "text",
    [
        "Eigentlich hätte die Stadt das wissen müssen.",
        "Am besten wäre ein Neubau.",
        "Die Stadt wäre besser beraten gewesen.",
        "Das hat der Nachbar besser gemacht.",
        "Die neue Halle ist besser als die alte.",
    ],
)
def test_the_same_words_as_a_verdict_still_count(text: str) -> None:
    assert cue_features(text, "de")["weak_evaluative"] == 1
    assert is_subjective(subjectivity_scores([text], "de")[0])


# Nineteenth session: German scare quotes round a label are the writer's distance; a name after its noun, a
# title and a speaker's word after a verb of speech are none. Invented sentences, none in the training file.
@pytest.mark.parametrize(
    "text",
    [
        "Die „Sanierung“ der Turnhalle besteht aus einem neuen Anstrich.",
        "Der Kreis nennt die Schließung der Schwimmhalle eine „Atempause“.",
        "Die »Offensive« des Tourismusverbands beschränkt sich auf zwei Plakate.",
    ],
)
def test_a_german_scare_quote_marks_opinion(text: str) -> None:
    assert cue_features(text, "de")["scare_quote"] == 1
    assert is_subjective(subjectivity_scores([text], "de")[0])


@pytest.mark.parametrize(
    "text",
    [
        "Das Fährschiff „Möwe“ fährt ab Mai wieder.",
        "Orkan „Wilma“ deckte mehrere Dächer ab.",
        "Der Roman „Nebelzeit“ erscheint im Herbst.",
        "Der Bürgermeister sprach von einem „Kraftakt“ für die Gemeinde.",
        "„Geschlossen“ stand auf dem Schild an der Tür.",
    ],
)
def test_a_name_title_or_speakers_word_in_quotes_is_no_scare_quote(text: str) -> None:
    assert cue_features(text, "de")["scare_quote"] == 0
    assert not is_subjective(subjectivity_scores([text], "de")[0])
