"""Reported speech and background: German Konjunktiv I, "laut X", "X zufolge", "…, sagte die
Polizei", English "said that", "according to", French and Spanish "selon"/"según"; and the cues of
background ("seit Jahren", "had been") in what is left once quotations are masked."""

from __future__ import annotations

import re
from functools import cache

from blickwinkel.analyse.speech_words import ADJ, ATTRIBUTION_WORDS, DET_DE, GENITIVE, ROMANCE, SPEECH_DE


@cache
def _reported_romance(according: str, speech: str) -> re.Pattern[str]:
    """ "selon", "según", "secondo", "segundo" or a speech verb of the language."""
    return re.compile(rf"\b(?:{according}|{speech})\b", re.IGNORECASE)


_REPORTED_DE = re.compile(
    r"\b(?:laut|zufolge|nach\s+(?:Angaben|Aussagen?|Darstellung|Auskunft)|teilte\w*\s+(?:\w+\s+){0,6}mit|"
    r"mitteilte|mitteilt|führte\w*\s+(?:[\w\-]+\s+){0,4}?aus(?=\s*[,:])|sagte\w*,?\s+dass|erklärte\w*|betonte\w*|kündigte\w*\s+(?:\w+\s+){0,6}an|berichtete\w*|"
    r"berichtet|hieß\s+es|heißt\s+es|erzählt\w*|ließ\w*\s+mitteilen|"
    # a verb of saying with its "dass" clause: "Ein Polizeisprecher bestätigte auf Nachfrage, dass …"
    r"(?:bestätigte|bestätigten|bestätigt|versicherte|räumte\s+(?:\w+\s+){0,4}ein|ergänzte|warnte|"
    r"unterstrich|erläuterte|antwortete|schrieb|sagt|sagten)\b[^.;:!?]{0,80}?,\s*dass)\b",
    re.IGNORECASE,
)
_REPORTED_EN = re.compile(
    r"\b(?:said\s+that|says\s+that|according\s+to|reportedly|allegedly|told|said|says|stated|"
    r"announced|claimed|added)\b"
    # '…, the <Outlet> reported, citing …': "reported" that closes its clause has no object
    r"|\breported(?=\s*(?:[,.;:!?]|$))",
    re.IGNORECASE,
)
# Konjunktiv I forms that are not also indicative in the third person.
_KONJUNKTIV_I = re.compile(
    r"(?<!\bich )(?<!\bIch )\b(?:sei|seien|seiest|habe|werde|müsse|könne|wolle|solle|dürfe|gebe|liege|"
    r"stehe|gehe|komme|wisse|bestehe|brauche|handle|handele|gelte|bleibe|lasse|sehe|trage|fehle)\b"
)
_REPORTED_CONTEXT_SUBJUNCTIVE = re.compile(r"\b(?:hätten|wären|hätte|wäre|würden)\b")

_BACKGROUND_DE = re.compile(
    r"\b(?:seit\s+(?:Jahren|Jahrzehnten|Monaten|Wochen|langem|Langem|(?:dem\s+Jahr\s+)?\d{4})|"
    r"bereits\s+(?:im|vor|seit|in\s+den)|schon\s+(?:im|vor|seit)|im\s+vergangenen\s+Jahr|"
    r"in\s+der\s+Vergangenheit|vor\s+(?:\w+\s+)?Jahren|damals|einst|zuvor|bislang|bisher)\b",
    re.IGNORECASE,
)
_BACKGROUND_EN = re.compile(
    r"\b(?:had\s+been|previously|since\s+\d{4}|for\s+(?:years|decades|months)|in\s+the\s+past|"
    r"years\s+ago|last\s+year|earlier\s+this\s+year|formerly|so\s+far|until\s+now|has\s+long)\b",
    re.IGNORECASE,
)


# '…, sagte die Polizei.', '…, sagten Ermittler.': a speech verb after the comma with its speaker
# after it attributes the whole clause before the comma.
# Only verbs of saying that take no object here ("forderte die Stadt eine Entschädigung", "hob die
# Stadt die Sperrung auf" are no attributions), and after the speaker at most a time or place phrase.
_ATTRIBUTION_VERBS_DE = (
    r"sagte|sagten|sagt|erklärte|erklärten|betonte|betonten|meinte|meinten|ergänzte|warnte|warnten|"
    r"bestätigte|bestätigten|berichtete|berichteten|schrieb|antwortete|versicherte|unterstrich|mahnte"
)
_ATTRIBUTION_AFTER_DE = re.compile(
    rf",\s*(?:{_ATTRIBUTION_VERBS_DE})\s+(?:(?:{DET_DE})\s+(?:{ADJ}){{0,2}})?[A-ZÄÖÜ][\w\-]*"
    rf"(?:\s+[A-ZÄÖÜ][\w\-]*){{0,3}}{GENITIVE}"
    r"(?:\s+(?:am|im|an|auf|bei|in|vor|nach|gegenüber|laut|zufolge)\s+[^,;:]{0,40})?\s*[.!?]?$"
)


# "Das sagte <Name> der Zeitung.", "sagte <Name> im Radio, dass …": "sagen" with its speaker reports
# what was said even without "dass" or a Konjunktiv, unless it is "absagen" or "zusagen" (its
# particle ends the clause: "Die Stadt sagte das Fest ab.").
_SAYS_DE = re.compile(r"\b(?:sagte|sagten|sagt)\b")
_SEPARATED_PARTICLE_DE = re.compile(r"\b(?:ab|zu)\s*(?:[.!?]\s*)?$")


# A German sentence that only says who said the one before it: "Das teilte <X> am Dienstag mit.",
# "Dies bestätigte <X> der Zeitung." ("Das"/"Dies" the object, right before the finite speech verb;
# "Das Amt teilte mit" is an article), with no "dass" clause, colon or quotation of its own; "Dies
# bestätigte sich" is no speech.
POINTER_DE = re.compile(
    rf"^(?:Das|Dies)(?:\s+alles)?\s+(?P<verb>{SPEECH_DE})\b(?!\s+sich\b)(?![^„“”\"»«:]*\bdass\b)[^„“”\"»«:]*$"
)
# A verb of saying that is one only with its particle at the end: without it "Das stellte die Stadt vor
# Probleme", "Das hob die Stimmung", "Das teilte die Gemeinde in zwei Lager", "Das sprach für den Plan"
# report what happened, and the object became a speaker (review of the pointer sentences).
_POINTER_PARTICLES = {
    "teilte": "mit", "teilten": "mit", "teilt": "mit", "kündigte": "an", "kündigten": "an", "räumte": "ein",
    "hob": "hervor", "stellte": "klar|fest|dar", "fügte": "hinzu|an", "sprach": "aus|an",
}  # fmt: skip


def points_back(text: str) -> bool:
    """Whether German ``text`` is a pointer sentence ("Das teilte <X> mit.") naming who said the
    sentence before it."""
    match = POINTER_DE.match(text.strip())
    if match is None:
        return False
    particles = _POINTER_PARTICLES.get(match.group("verb"))
    return particles is None or re.search(rf"\b(?:{particles})\W*$", match.group()) is not None


def has_konjunktiv_i(text: str) -> bool:
    """Whether German ``text`` holds a Konjunktiv I form that is not also an indicative one."""
    return bool(_KONJUNKTIV_I.search(text))


def is_reported(text: str, lang: str) -> bool:
    """Whether ``text`` (its quotations masked) is reported speech in language ``lang``."""
    if lang == "en":
        return bool(_REPORTED_EN.search(text))
    if lang in ROMANCE:
        words = ATTRIBUTION_WORDS[lang]
        return bool(_reported_romance(words.according, words.speech).search(text))
    if _REPORTED_DE.search(text) or _KONJUNKTIV_I.search(text) or points_back(text):
        return True
    if _ATTRIBUTION_AFTER_DE.search(text.rstrip()):
        return True
    said = _SAYS_DE.search(text)
    if said is not None:
        clause = re.split(r"[,;:]", text[said.end() :], maxsplit=1)[0]
        if not _SEPARATED_PARTICLE_DE.search(clause.rstrip()):
            return True
    return bool(_REPORTED_CONTEXT_SUBJUNCTIVE.search(text) and re.search(rf"\b(?:{SPEECH_DE})\b", text))


def is_background(text: str, lang: str) -> bool:
    """Whether German or English ``text`` (its quotations masked) reads as background: something that
    held before the event ("seit Jahren", "had been")."""
    return bool((_BACKGROUND_EN if lang == "en" else _BACKGROUND_DE).search(text))
