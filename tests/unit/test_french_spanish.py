"""French and Spanish articles take their own path: simplemma lemmas of their language, entities by
capitalisation (no German tagger, no German part-of-speech tags), their speech verbs and "selon" /
"según" attributions, French quantities. The articles are our own invented texts."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pytest

from blickwinkel.analyse import entities
from blickwinkel.analyse.entities import rule_spans
from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare import compare_articles
from blickwinkel.ingest import read_text
from blickwinkel.model import AnalysedArticle, Fact

COURRIER = (
    "Crue de la Vézère : quarante-cinq habitants évacués à Montignac-sur-Loue\n\n"
    "Quarante-cinq habitants de Montignac-sur-Loue ont été évacués dans la nuit de mardi à mercredi "
    "après la crue de la Vézère, a indiqué la préfecture.\n\n"
    "« L'eau est montée de près de deux mètres en quatre heures », a déclaré le maire, Hélène "
    "Martineau. Selon les pompiers, une centaine de maisons sont inondées."
)
DEPECHE = (
    "Inondations : 45 personnes évacuées\n\n"
    "Les pompiers ont évacué 45 personnes à Montignac-sur-Loue, où la Vézère est sortie de son lit "
    "mercredi matin.\n\n"
    "Hélène Martineau, maire de la commune, a expliqué que l'eau était montée de deux mètres en quatre "
    "heures. Environ 100 maisons ont été touchées, selon la préfecture."
)
DIARIO = (
    "Evacuados cuarenta y cinco vecinos en Almenara\n\n"
    "Cuarenta y cinco vecinos fueron evacuados la noche del martes por la crecida del Tormes, según "
    "informó la Guardia Civil.\n\n"
    '"El agua subió casi dos metros en cuatro horas", declaró la alcaldesa, Lucía Ferrández. La '
    "Agencia Estatal de Meteorología activó el aviso naranja."
)


def _analyse(text: str, language: str, source: str) -> AnalysedArticle:
    article = replace(read_text(text, source=source, fmt="text"), language=language)
    (analysed,) = analyse_articles([article])
    return analysed


@pytest.fixture
def no_german_tagger(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        assert not list(sentences), "French and Spanish must not go through the German tagger"
        return []

    monkeypatch.setattr(entities, "crf_tags_batch", refuse)


def _entities(analysed: AnalysedArticle) -> set[tuple[str, str]]:
    return {(m.text, m.type) for s in analysed.statements for m in s.entities}


@pytest.mark.usefixtures("no_german_tagger")
def test_french_article_entities_speakers_quantities_and_lemmas() -> None:
    analysed = _analyse(COURRIER, "fr", "courrier.txt")
    found = _entities(analysed)
    assert {("Montignac-sur-Loue", "LOC"), ("Vézère", "LOC"), ("Hélène Martineau", "PER")} <= found
    # a number word or a common noun opening the sentence is no name (the German tagger read
    # "Quarante" as a place)
    assert not {text for text, _ in found} & {"Quarante", "Crue", "Selon", "L'eau"}
    by_text = {s.text[:12]: s for s in analysed.statements}
    evacuated = by_text["Quarante-cin"]
    assert (evacuated.kind, evacuated.speaker, evacuated.speaker_kind) == (
        "reported_speech",
        "la préfecture",
        "organisation",
    )
    assert [(q.value, q.unit) for q in evacuated.quantities] == [(45, "habitant")]
    assert by_text["« L'eau est "].speaker == "per:helene-martineau"
    pompiers = by_text["Selon les po"]
    assert (pompiers.speaker, pompiers.speaker_kind) == ("les pompiers", "group")
    assert {"habitant", "avoir", "indiquer", "préfecture"} <= set(evacuated.lemmas)


@pytest.mark.usefixtures("no_german_tagger")
def test_spanish_article_entities_and_speakers() -> None:
    analysed = _analyse(DIARIO, "es", "diario.txt")
    found = _entities(analysed)
    assert {("Guardia Civil", "ORG"), ("Lucía Ferrández", "PER"), ("Tormes", "LOC")} <= found
    assert ("Agencia Estatal de Meteorología", "ORG") in found
    assert not {text for text, _ in found} & {"Cuarenta", "Evacuados", "La"}
    speakers = {s.text[:10]: (s.kind, s.speaker) for s in analysed.statements}
    assert speakers["Cuarenta y"] == ("reported_speech", "org:guardia-civil")
    assert speakers['"El agua s'] == ("quote", "per:lucia-ferrandez")


def test_capitalisation_rules_read_french_and_spanish_tokens() -> None:
    tokens = ["Selon", "la", "Guardia", "Civil", ",", "Ana", "Ruiz", "vit", "à", "Lyon", "."]
    spans = {(" ".join(tokens[sp.start : sp.end]), sp.type) for sp in rule_spans(tokens, "es")}
    assert ("Guardia Civil", "ORG") in spans and ("Ana Ruiz", "PER") in spans
    assert not any(text == "Selon" for text, _ in spans)


class _WordsEmbedder:
    name = "words"
    dim = 128

    def encode(self, texts: Sequence[str]) -> npt.NDArray[np.float32]:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.lower().split():
                out[i, int(hashlib.md5(word.encode()).hexdigest()[:6], 16) % self.dim] += 1.0
            out[i] /= max(float(np.linalg.norm(out[i])), 1e-9)
        return out


@pytest.mark.usefixtures("no_german_tagger")
def test_french_pair_compares_without_false_conflicts() -> None:
    pair = [_analyse(COURRIER, "fr", "courrier.txt"), _analyse(DEPECHE, "fr", "depeche.txt")]
    comparison = compare_articles(pair, _WordsEmbedder())
    # "quarante-cinq habitants" / "45 personnes" and "une centaine" / "environ 100" agree
    assert comparison.conflicts == ()
    both = [f for f in comparison.facts if len(set(f.articles)) == 2]
    assert both, "the two French reports share facts"


def test_french_own_words_are_no_function_or_number_words() -> None:
    from blickwinkel.compare.coverage import word_choice

    a = _analyse("Titre\n\nQuarante-cinq habitants ont fui dans la nuit après la crue.", "fr", "a.txt")
    b = _analyse("Titre\n\nLes 45 riverains ont fui pendant la nuit.", "fr", "b.txt")
    statements = {s.id: s for s in (*a.statements, *b.statements)}
    articles = tuple(dict.fromkeys(s.article for s in statements.values()))
    fact = Fact("f1", tuple(statements), articles, a.statements[0].id)
    own = word_choice([fact], statements, a.statements[0].article)
    # "dans", "après", "Quarante" were listed as the outlet's own words
    assert not {"dans", "après", "Quarante", "Quarante-cinq", "quarante"} & set(own), own
    assert "crue" in own or "habitant" in own, own


# Invented reports of one invented decision, in five languages: the international bodies they name
# get one key in every language (an elided article before a name in French and Italian included).
_BODIES = {
    "de": "Die Vereinten Nationen und die Nato begrüßten am Dienstag den Beschluss der EU. Die WHO "
    "und das Rote Kreuz schickten Helfer, die EVP verlangte eine Debatte.",
    "fr": "Les Nations unies et l'OTAN ont salué mardi la décision de l'Union européenne. L'OMS et la "
    "Croix-Rouge ont envoyé des secouristes, le PPE a demandé un débat.",
    "es": "La ONU y la OTAN celebraron el martes la decisión de la Unión Europea. La OMS y la Cruz Roja "
    "enviaron socorristas, el Partido Popular Europeo pidió un debate.",
    "en": "The United Nations and NATO welcomed the European Union's decision on Tuesday. The WHO and "
    "the Red Cross sent helpers, the EPP asked for a debate.",
}
_KEYS = {"org:un", "org:nato", "org:eu", "org:who", "org:red-cross", "org:epp"}


@pytest.mark.parametrize("language", sorted(_BODIES))
def test_international_bodies_share_one_key_across_languages(language: str) -> None:
    analysed = _analyse(_BODIES[language], language, f"bodies-{language}.txt")
    keys = {m.key for s in analysed.statements for m in s.entities}
    assert keys >= _KEYS, sorted(keys)


def test_an_era_after_its_year_is_no_central_bank() -> None:
    # "BCE" is the European Central Bank in French, Spanish and Italian, and the era after a year in
    # English: "500 BCE" was read as the bank.
    english = _analyse(
        "The harbour wall was first built around 500 BCE and rebuilt in the 4th century BC, the museum "
        "said on Tuesday.",
        "en",
        "era-en.txt",
    )
    assert not [m.key for s in english.statements for m in s.entities if m.type == "ORG"]
    french = _analyse("La BCE a relevé ses taux jeudi, a indiqué la Commission.", "fr", "era-fr.txt")
    assert "org:ezb" in {m.key for s in french.statements for m in s.entities}


def test_a_french_elided_article_is_a_token_of_its_own() -> None:
    from blickwinkel.text._somajo import sentence_spans

    text = "Selon l'ONU, l’agence d'Orléans a dit qu'il partirait aujourd'hui."
    (sentence,) = sentence_spans(text, "fr")
    words = [text[a:b] for a, b in sentence]
    assert words[:6] == ["Selon", "l'", "ONU", ",", "l’", "agence"]
    assert "d'" in words and "Orléans" in words and "qu'" in words and "il" in words
    assert "aujourd'hui" in words  # no elided article before it
    (english,) = sentence_spans("I'd say l'ONU.", "en")
    assert len(english) < 6  # only French and Italian are split


@pytest.mark.parametrize(
    ("language", "text", "abbreviation", "key"),
    [
        ("de", "Die VN schickten am Dienstag Helfer in die Hafenstadt.", "VN", "org:un"),
        ("fr", "L'OMS a envoyé mardi des médecins dans la ville portuaire.", "OMS", "org:who"),
        ("es", "La OMS envió el martes médicos a la ciudad portuaria.", "OMS", "org:who"),
        ("it", "L'OMS ha inviato martedì medici nella città portuale.", "OMS", "org:who"),
    ],
)
def test_an_abbreviation_names_its_body_in_its_own_languages(
    language: str, text: str, abbreviation: str, key: str
) -> None:
    analysed = _analyse(text, language, f"abbr-{language}.txt")
    keys = {m.key for s in analysed.statements for m in s.entities if m.text == abbreviation}
    assert keys == {key}, sorted(keys)


@pytest.mark.parametrize(
    ("language", "text", "abbreviation", "key"),
    [
        # "OMS" and "VN" are the WHO and the UN only in the languages that abbreviate their names so:
        # an English or German text's "OMS" (an order system, a firm) or "VN" is no world body
        ("en", "The harbour board replaced its OMS software on Tuesday.", "OMS", "org:who"),
        ("de", "Die Reederei stellte am Dienstag ihr neues OMS vor.", "OMS", "org:who"),
        ("en", "The VN Group opened a depot at the harbour on Tuesday.", "VN", "org:un"),
        ("fr", "Le groupe VN a ouvert mardi un dépôt sur le port.", "VN", "org:un"),
    ],
)
def test_an_abbreviation_names_no_body_in_other_languages(
    language: str, text: str, abbreviation: str, key: str
) -> None:
    analysed = _analyse(text, language, f"abbr-{language}.txt")
    keys = {m.key for s in analysed.statements for m in s.entities if abbreviation in m.text}
    assert key not in keys, sorted(keys)
