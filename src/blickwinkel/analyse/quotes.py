"""Who says what: direct quotes, reported speech, speakers, and the other roles of a statement.

Each sentence gets a role (``StatementRole``): a direct quote in any quotation-mark style with the
speaker from a speech verb nearby, reported speech (German Konjunktiv I, "laut X", "X zufolge",
English "said that", "according to"), block quotes and embedded posts with the speaker from their
attribution line, captions, headlines, background (cue-based, conservative) and plain reporting.
A single quoted word or a scare-quoted name is not a quote.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.model import Article, Block, Mention, Sentence

# A quotation shorter than this is a quote only with a speech verb next to it: shorter ones are
# scare quotes, titles or names („wichtiges“, „Harakat …“).
MIN_QUOTE_WORDS = 4


@dataclass(frozen=True)
class StatementRole:
    """What a sentence is in its article, who speaks in it and where the quoted words are."""

    kind: str
    speaker: str | None = None
    quote_spans: tuple[tuple[int, int], ...] = ()
    # "person", "organisation" (the police, a ministry, "die Feuerwehr") or "group" (officials,
    # witnesses, "Anwohner"); None where the words do not say
    speaker_kind: str | None = None


def _looks_like_name(quoted: str) -> bool:
    """A quoted run of mostly capitalised words is a name or title („Harakat Hezbollah al-Nujaba“,
    „Brücke jetzt“), not somebody's words; German capitalises nouns, so most means all but one."""
    words = _WORD.findall(quoted)
    lower = sum(1 for w in words if w[:1].islower() and not w.startswith(("al", "el", "von", "van", "de")))
    return bool(words) and lower <= 1 and len(words) <= 6


# --- quotation marks -------------------------------------------------------------------------
# Ordered: German low-high first, so that its closing “ is not taken as an English opening mark.
_QUOTE_PATTERNS = (
    re.compile(r"„([^„“”\n]{1,2000}?)[“”]"),
    re.compile(r"“([^“”„\n]{1,2000}?)”"),
    re.compile(r"»([^»«\n]{1,2000}?)«"),
    re.compile(r"«([^«»\n]{1,2000}?)»"),
    re.compile(r"‚([^‚‘’\n]{1,500}?)[‘’]"),
    re.compile(r"\"([^\"\n]{1,2000}?)\""),
    re.compile(r"(?<![\w’'])‘([^‘’\n]{1,500}?)’(?![\w’'])"),
    re.compile(r"(?<![\w’'])'([^'\n]{1,500}?)'(?![\w’'])"),
)
_WORD = re.compile(r"\w+")


def find_quotations(text: str) -> list[tuple[int, int]]:
    """Offsets of the text inside quotation marks (without the marks), in order, not overlapping."""
    spans: list[tuple[int, int]] = []
    # Positions taken by a span found earlier, with its two marks: a later match that touches one is
    # dropped. (Comparing each match with every span found so far was quadratic: 200,000 characters
    # of quotation marks took minutes.)
    taken = bytearray(len(text) + 2)
    for pattern in _QUOTE_PATTERNS:
        for m in pattern.finditer(text):
            start, end = m.start(1), m.end(1)
            if taken.find(1, start, end) >= 0:
                continue
            if not text[start:end].strip():
                continue
            spans.append((start, end))
            taken[max(start - 1, 0) : end + 1] = b"\x01" * (end + 1 - max(start - 1, 0))
    return sorted(spans)


# --- speakers --------------------------------------------------------------------------------
_CAP = r"[A-ZÄÖÜ][\w’'.\-]*"
_PARTICLE = r"(?:von|van|de|del|der|den|zu|al|el|bin|ibn|la|le|da|di)"
_NAME = rf"{_CAP}(?:\s+(?:{_PARTICLE}\s+)?{_CAP}){{0,3}}"
_DET_DE = r"(?i:der|die|das|dem|den|des|ein|eine|einem|einer|eines)"
_ADJ = r"(?:[a-zäöüß][\w\-]*\s+)"
_GENITIVE = rf"(?:\s+(?:des|der|von|vom|of|of\s+the)\s+(?:{_ADJ}){{0,2}}{_NAME})?"
# German noun phrases end in a capitalised noun; English ones may be all lower case ("a spokesman").
_NP = (
    rf"(?:{_DET_DE}\s+(?:{_ADJ}){{0,2}}{_NAME}{_GENITIVE}"
    rf"|(?i:the|a|an)\s+(?:[\w\-]+\s+){{0,3}}?[\w\-]+(?:\s+{_NAME})?"
    rf"|{_NAME}{_GENITIVE})"
)

# Finite speech verbs; the separable ones ("teilte ... mit") are matched on their finite part.
_SPEECH_DE = (
    r"sagte|sagten|sagt|sagen|erklärte|erklärten|erklärt|betonte|betonten|betont|teilte|teilten|teilt|"
    r"kündigte|kündigten|meinte|meint|ergänzte|ergänzt|unterstrich|warnte|warnt|forderte|fordert|"
    r"kritisierte|kritisiert|bekräftigte|versicherte|räumte|schrieb|schreibt|twitterte|berichtete|"
    r"berichtet|verkündete|bestätigte|bestätigt|dementierte|behauptete|behauptet|argumentierte|mahnte|"
    r"erläuterte|antwortete|fragte|fügte|sprach|zitierte|äußerte|hob|stellte|gesagt|erklärt|betont|"
    r"mitgeteilt|angekündigt|geschrieben|"
    # French and Spanish verbs after a quote ("», a déclaré <Name>", '", declaró <Name>'): their
    # quotes were found but never had a speaker
    r"déclaré|indiqué|affirmé|expliqué|précisé|ajouté|souligné|assuré|declaró|dijo|afirmó|explicó|"
    r"señaló|añadió|indicó|aseguró|precisó"
)
_SPEECH_EN = (
    r"said|says|say|told|tells|added|stated|states|announced|wrote|writes|tweeted|explained|noted|"
    r"warned|claimed|claims|argued|argues|insisted|asked|replied|confirmed|declared|recalled|urged|"
    r"posted|reported"
)
_SPEECH = rf"(?:{_SPEECH_DE}|{_SPEECH_EN})"
_PRONOUNS = frozenset(
    {"er", "sie", "es", "man", "wir", "ich", "he", "she", "they", "it", "we", "i", "this", "dies", "das"}
)
_DETERMINERS = frozenset(
    {"der", "die", "das", "dem", "den", "des", "ein", "eine", "einem", "einer", "eines", "the", "a", "an"}
    | {"le", "la", "les", "une", "el", "los", "las", "una"}
)
_NOT_SPEAKERS = frozenset(
    {
        "am", "im", "in", "an", "auf", "bei", "nach", "vor", "seit", "damals", "dann", "zuvor", "später",
        "außerdem", "zudem", "auch", "on", "at", "after", "before", "later", "then", "also", "and", "und",
        "aber", "but", "wie", "as", "dass", "that", "so", "es", "sich", "dennoch", "jedoch", "dessen",
        "deren", "daraufhin", "deshalb", "darauf", "dazu", "hier", "dort", "their", "his", "her", "its",
        "this", "these", "those", "there", "here", "when", "while", "if",
    }
)  # fmt: skip

# "Berichten zufolge", "laut Medienberichten": reported speech without a named source.
_UNNAMED_SOURCES = frozenset(
    {
        "berichten", "medienberichten", "angaben", "informationen", "quellen", "kreisen", "insidern",
        "schätzungen", "reports", "sources", "media reports", "estimates",
    }
)  # fmt: skip

_AFTER_VERB = re.compile(
    rf"\b(?P<verb>{_SPEECH})\s+(?:(?:am|an|im|in|auf|bei|vor|on|at)\s+(?:{_ADJ})?{_CAP}\s+)?(?P<np>{_NP})"
)
_BEFORE_VERB = re.compile(
    # a party or place in brackets may stand between the name and the verb: "Ivo Lind (CDU) sagte"
    rf"(?:^|(?<=[,;:„“”\"»«(]\s)|(?<=[,;:„“”\"»«(]))\s*(?P<np>{_NP})(?:\s*\([^()\n]{{1,30}}\))?\s+"
    rf"(?:(?:hat|hatte|has|had)\s+)?(?P<verb>{_SPEECH})\b"
)
# English names a speaker after a role in lower case: '…," said passenger Tom Reyes', '…," county
# engineer Lisa Brandt said', '…, fire service spokesman Tom Reyes said'. One to three such words
# (a role is often a compound: "fire service spokesman", "deputy police chief"), English speech verbs
# only (German writes its nouns capitalised, and "fordert einen schnellen Ersatzbau" is no speaker);
# the speaker is the name.
_ROLE_EN = r"(?:(?!(?:the|a|an|on|at|in|to|that|and|but|then|also|when|while)\s)[a-z][a-z\-]+\s+){1,3}"
_AFTER_ROLE_EN = re.compile(rf"\b(?P<verb>{_SPEECH_EN})\s+{_ROLE_EN}(?P<np>{_NAME})")
# A place or organisation may come before the role: '…," Eastwick mayor <Name> said'; a possessive
# one before the name with no role: '…," the Institute's <Name> said'.
_BEFORE_ROLE_EN = re.compile(
    rf"(?:^|(?<=[,;:“”\"(]\s)|(?<=[,;:“”\"(]))\s*(?:(?:{_CAP}\s+){{0,2}}{_ROLE_EN}|"
    rf"(?i:the\s+)?(?:{_CAP}\s+){{0,2}}{_CAP}['’]s\s+(?:{_ROLE_EN})?)(?P<np>{_NAME})\s+(?P<verb>{_SPEECH_EN})\b"
)
# '<Name>, the mayor of Eastwick, said …', '…," passenger <Name>, 34, said', '<Name>, Bürgermeisterin
# von Lindau, sagte …': the name before an apposition between commas; 'Der Sprecher der Stadtwerke,
# <Name>, erklärte …', 'The harbour master, <Name>, said …': the name as the apposition.
_APPOSITION = re.compile(
    rf"(?:^|(?<=[,;:„“”\"(]\s)|(?<=[,;:„“”\"(]))\s*(?:{_ROLE_EN})?(?P<np>{_NAME}),\s+[^,;:„“”\"]{{1,160}},\s+"
    rf"(?P<verb>{_SPEECH})\b"
)
_NAME_APPOSITION = re.compile(
    rf"(?:^|(?<=[,;:„“”\"(]\s)|(?<=[,;:„“”\"(]))\s*{_NP}(?:\s+[a-z][a-z\-]+){{0,3}},\s+(?P<np>{_NAME}),\s+"
    rf"(?P<verb>{_SPEECH})\b"
)
# 'Regional fire chief <Name> told reporters …': a role opening the sentence is capitalised.
_START_ROLE_EN = re.compile(rf"^\s*[A-Z][a-z\-]+\s+{_ROLE_EN}(?P<np>{_NAME})\s+(?P<verb>{_SPEECH_EN})\b")
# Speakers that are an office or a group, in lower case without an article: '…, police said.',
# '…," state officials said on Monday.', '…," said investigators.'. Only these head nouns (our own
# list, written from general knowledge): a bare lower-case word before "said" is too often
# something else.
_ORGANISATION_NOUNS_EN = (
    r"police|authorities|government|ministry|military|army|navy|coastguard|coast\s+guard|"
    r"fire\s+service|fire\s+department|council|management"
)
_GROUP_NOUNS_EN = (
    r"officials|prosecutors|investigators|officers|firefighters|rescuers|paramedics|medics|doctors|"
    r"witnesses|residents|neighbou?rs|organi[sz]ers|experts|analysts|researchers|scientists|lawyers|"
    r"spokespeople|employees|workers|staff|passengers|protesters|activists|diplomats|engineers|"
    r"inspectors|teachers|parents|farmers|lawmakers|legislators|economists|traders|observers|locals|"
    r"councillors|councilors|critics|opponents|campaigners|relatives|volunteers|survivors"
)
_GROUP_NP_EN = (
    r"(?:(?!(?:the|a|an|and|but|then|also|he|she|they|it|we|i|you|who|which|that)\s)[a-z][a-z\-]+\s+){0,2}?"
    rf"(?:{_ORGANISATION_NOUNS_EN}|{_GROUP_NOUNS_EN})"
)
_GROUP_BEFORE_VERB_EN = re.compile(
    rf"(?:(?<=[,;“”\"’']\s)|(?<=[,;“”\"’']))\s*(?P<np>{_GROUP_NP_EN})\s+(?:(?:have|had)\s+)?"
    rf"(?P<verb>{_SPEECH_EN})\b"
)
# The same at the start of a sentence, where the first word is capitalised: 'Opposition councillors
# said the estimate was too optimistic.' was "reported, no source named".
_GROUP_START_EN = re.compile(
    rf"^\s*(?P<np>(?:[A-Z][a-z\-]+\s+)?(?:[a-z][a-z\-]+\s+)?(?:{_GROUP_NOUNS_EN}))\s+(?:(?:have|had)\s+)?"
    rf"(?P<verb>said|say|told|warned|argued|claimed|insisted|wrote)\b"
)
_GROUP_AFTER_VERB_EN = re.compile(
    rf"(?:(?<=[,“”\"’']\s)|(?<=[,“”\"’']))\s*(?P<verb>{_SPEECH_EN})\s+(?P<np>{_GROUP_NP_EN})\b"
)
_ORGANISATION_HEAD_EN = re.compile(
    rf"(?:{_ORGANISATION_NOUNS_EN}|board|agency|company|office|service|department|court|hospital|"
    r"university|embassy|airline|operator|commission|committee|union|party)",
    re.IGNORECASE,
)
_GROUP_HEAD_EN = re.compile(rf"(?:{_GROUP_NOUNS_EN})", re.IGNORECASE)
# French and Spanish heads ("la préfecture", "les pompiers", "los bomberos").
_ORGANISATION_HEAD_ROMANCE = re.compile(
    r"préfecture|gendarmerie|police|mairie|ministère|gouvernement|municipalité|commune|"
    r"policía|ayuntamiento|gobierno|ministerio|guardia\s+civil|alcaldía|consejería|junta",
    re.IGNORECASE,
)
_GROUP_HEAD_ROMANCE = re.compile(
    r"pompiers|secouristes|habitants|témoins|enquêteurs|autorités|responsables|médecins|"
    r"bomberos|vecinos|testigos|investigadores|autoridades|responsables|médicos|agentes|sanitarios",
    re.IGNORECASE,
)
_PERSON_HEAD_EN = re.compile(
    r"spokes(?:man|woman|person)|official|officer|chief|head|director|manager|minister|mayor|"
    r"secretary|president|chairman|chairwoman|chair|leader|commander|captain|witness|resident|"
    r"passenger|doctor|lawyer|expert|analyst|engineer|teacher|worker|owner|driver",
    re.IGNORECASE,
)
# German heads, also as the end of a compound ("Landespolizei", "Kreisverwaltung", "Rettungskräfte").
_ORGANISATION_HEAD_DE = re.compile(
    r"\w*(?:polizei|feuerwehr|behörde|behörden|regierung|ministerium|staatsanwaltschaft|verwaltung|"
    r"stadt|gemeinde|rathaus|amt|gericht|dienst|bahn|unternehmen|konzern|firma|leitung|bundeswehr|"
    r"armee|verband|kommission|präsidium|direktion|agentur|institut|klinik|krankenhaus|veranstalter)",
    re.IGNORECASE,
)
_GROUP_HEAD_DE = re.compile(
    r"\w*(?:ermittler|zeugen|anwohner|bewohner|ärzte|experten|expertinnen|helfer|retter|kräfte|"
    r"beamte|beamten|fachleute|mitarbeiter|mitarbeitende|beschäftigte|passagiere|fahrgäste|"
    r"demonstranten|aktivisten|diplomaten|eltern|landwirte|forscher|wissenschaftler)",
    re.IGNORECASE,
)


def speaker_kind(speaker: str, mention_type: str | None = None) -> str | None:
    """The kind of speaker ("person", "organisation" or "group") as written, from the type of the
    mention that names it or from its head noun; None where neither says (a bare name stays None:
    the entity tagger did not call it a person)."""
    if mention_type == "PER":
        return "person"
    if mention_type == "ORG":
        return "organisation"
    words = [w.strip(".,;:’'") for w in speaker.split()]
    if not words or not words[-1]:
        return None
    tail = " ".join(words[-2:])
    head = words[-1]
    if _ORGANISATION_HEAD_EN.fullmatch(tail) or _ORGANISATION_HEAD_EN.fullmatch(head):
        return "organisation"
    if _GROUP_HEAD_EN.fullmatch(head):
        return "group"
    if _ORGANISATION_HEAD_ROMANCE.fullmatch(tail) or _ORGANISATION_HEAD_ROMANCE.fullmatch(head):
        return "organisation"
    if _GROUP_HEAD_ROMANCE.fullmatch(head):
        return "group"
    if _PERSON_HEAD_EN.fullmatch(head):
        return "person"
    if head[:1].isupper() and (len(words) == 1 or words[0].lower() in _DETERMINERS):
        if _ORGANISATION_HEAD_DE.fullmatch(head):
            return "organisation"
        if _GROUP_HEAD_DE.fullmatch(head):
            return "group"
    if any(_is_title(w) for w in words):
        return "person"
    return None


# 'according to the local fire service.': the whole noun phrase up to the punctuation, where it does
# not run into a time or a clause ("according to the police on Monday" leaves it to _LAUT); the
# general pattern stops after two words ("the local").
_ACCORDING_EN = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<np>(?:(?:the|a|an)\s+[\w\-]+|[a-z][\w\-]*)(?:\s+(?!(?:on|in|at|last|this|late|early|"
    r"earlier|yesterday|today|and|but|which|who|that|when|while)\b)[\w\-]+){0,5}?)(?=\s*(?:[,.;:!?)]|$))"
)
# French and Spanish: '…, a déclaré le maire, <Name>.', '…, declaró la alcaldesa, <Name>.', '<Name>,
# maire de la commune, a expliqué que …', 'Selon les pompiers, …', '…, según la Guardia Civil.'. Used
# for French and Spanish sentences only (their articles and auxiliaries are words in other languages).
_SPEECH_ROMANCE = (
    r"déclaré|indiqué|affirmé|expliqué|précisé|ajouté|souligné|assuré|annoncé|confirmé|estimé|"
    r"raconté|dit|déclare|indique|affirme|explique|précise|souligne|"
    r"declaró|dijo|afirmó|explicó|señaló|añadió|indicó|aseguró|precisó|informó|confirmó|anunció|"
    r"declara|dice|afirma|explica|señala|asegura|indica"
)
_ROMANCE_NP = (
    r"(?:(?i:le|la|les|un|une|el|los|las|una|un)\s+|(?i:l['’]))(?:[\w\-]+\s+){0,3}?[\w\-]+"
    rf"(?:\s+{_NAME})?|{_NAME}"
)
_ROMANCE_AUX = r"(?:a|ont|avait|avaient|ha|han|había|habían)"
_AFTER_VERB_ROMANCE_NAME = re.compile(
    rf"\b(?:{_SPEECH_ROMANCE})\s+(?:{_ROMANCE_NP}),\s+(?P<np>{_NAME})(?=\s*[.,;]|\s*$)"
)
_AFTER_VERB_ROMANCE = re.compile(rf"\b(?P<verb>{_SPEECH_ROMANCE})\s+(?P<np>{_ROMANCE_NP})")
_BEFORE_VERB_ROMANCE = re.compile(
    rf"(?:^|(?<=[,;:«»“”\"]\s)|(?<=[,;:«»“”\"]))\s*(?P<np>{_ROMANCE_NP})(?:,\s+[^,;:«»“”\"]{{1,80}},)?\s+"
    rf"(?:{_ROMANCE_AUX}\s+)?(?P<verb>{_SPEECH_ROMANCE})\b"
)
_SELON = re.compile(rf"\b(?i:selon|d['’]après|según|de\s+acuerdo\s+con)\s+(?P<np>{_ROMANCE_NP})")
_REPORTED_ROMANCE = re.compile(
    rf"\b(?:selon|d['’]après|según|de\s+acuerdo\s+con|{_SPEECH_ROMANCE})\b", re.IGNORECASE
)
# What may stand before a speech verb that names its speaker after it: the end of what was said, or
# "según", "como", "comme l'a" ("según informó la Guardia Civil", "comme l'a indiqué la préfecture").
_ROMANCE_INVERSION = re.compile(
    rf"(?:[,;«»“”\"]|\b(?i:según|como|tal\s+como|comme\s+l['’]|ainsi\s+que\s+l['’]))\s*(?:{_ROMANCE_AUX}\s+)?$"
)
_ROMANCE = frozenset({"fr", "es"})
_ROMANCE_NOT_SPEAKERS = frozenset(
    {"il", "elle", "ils", "elles", "on", "nous", "je", "él", "ella", "ellos", "ellas"}
)

_SO_X = re.compile(rf"(?:^|[,;–—-]\s*)so\s+(?P<np>{_NP})")
_LAUT = re.compile(
    rf"\b(?:[Ll]aut|[Nn]ach\s+Angaben|[Aa]ccording\s+to)\s+(?:(?:Angaben|einem\s+Bericht|Informationen)\s+)?"
    rf"(?:(?:von|des|der)\s+)?(?P<np>{_NP}|[a-z][\w\-]+)"
)
# "X zufolge" has no word before the name to anchor it, so the name starts only where a word starts
# (or after one lower-case prefix: "ex-Ministerin Roth"): tried at every capital letter of a long
# hyphenated run ("A-B-C-…") the name ran to the run's end each time, quadratic in its length; and a
# start inside a word read "stünden dem Rat zufolge" as the speaker "den dem Rat".
_ZUFOLGE = re.compile(rf"(?<![\w’'.\-])(?:[a-zäöüß\d][\w’'.]*-)?(?P<np>{_NP})\s+zufolge\b")
_WIE_X = re.compile(
    rf"\b[Ww]ie\s+(?P<np>{_NP})\s+(?:\w+\s+){{0,3}}(?:mitteilte|mitteilten|berichtete|berichteten|sagte|"
    rf"erklärte|meldete|bestätigte)\b"
)
_BERICHTET_X = re.compile(rf"\b(?:berichtet|berichtete|meldet|meldete|reported|reports)\s+(?P<np>{_NP})")
_ENGLISH_VERB = re.compile(_SPEECH_EN)
_CLAUSE_VERB_EN = re.compile(
    r"\s+(?:is|was|were|are|has|had|have|would|will|could|can|should|may|might|must|did|does|do)\b"
)
# English names the speaker after the verb ('…, said the harbour master on Monday.') only where the
# speaker's phrase ends the clause: at the sentence's end, a comma or a time, place or relative phrase.
# "<Name>, a historian at …, said the bridge collapse was avoidable" puts the subject of what was said
# after the verb ("the bridge collapse"), not a speaker; the noun phrase read lazily ("the harbour")
# is read on to the phrase's end ("the harbour master").
_INVERSION_END = re.compile(
    r"\s*(?:$|[,.;:!?)\]\"“”’—–])|\s+(?:on|in|at|to|for|of|from|with|by|during|after|before|about|"
    r"yesterday|today|tonight|last|this|earlier|later|when|as|while|who|whose|which|adding|citing|"
    r"according|and|but)\b"
)
_NEXT_WORD = re.compile(r"\s+[\w’'\-]+")


_POSSESSED_NAME = re.compile(rf"\w['’]s\s+(?:[a-z][a-z\-]+\s+){{0,3}}(?P<name>{_NAME})$")


def _person_like(name: str) -> bool:
    """Two or more words that do not end in an organisation's head ("St. Mary's Hospital" is no
    person after a possessive)."""
    words = name.split()
    return (
        len(words) >= 2 and words[-1] not in gz.ORG_HEADS and not _ORGANISATION_HEAD_EN.fullmatch(words[-1])
    )


_APPOSED_NAME = re.compile(
    rf",\s+(?:(?:[A-Z][\w\-]*\s+)?(?:(?!(?:who|which|that|where|when)\s)[a-z][a-z\-]+\s+){{1,3}})?(?P<name>{_NAME})"
)


def _inverted_speaker_end(text: str, end: int) -> int | None:
    """Where an English speaker named after its verb ends (read on over at most three more words);
    None when a verb follows or the phrase does not end: then it is what was said, not who said it."""
    for _ in range(4):
        if _INVERSION_END.match(text, end):
            return end
        if _CLAUSE_VERB_EN.match(text, end):
            return None
        word = _NEXT_WORD.match(text, end)
        if word is None:
            return None
        end = word.end()
    return None


_REPORTED_DE = re.compile(
    r"\b(?:laut|zufolge|nach\s+Angaben|teilte\w*\s+(?:\w+\s+){0,6}mit|mitteilte|sagte\w*,?\s+dass|"
    r"erklärte\w*|betonte\w*|kündigte\w*\s+(?:\w+\s+){0,6}an|berichtete\w*|berichtet|hieß\s+es|"
    r"heißt\s+es)\b",
    re.IGNORECASE,
)
_REPORTED_EN = re.compile(
    r"\b(?:said\s+that|says\s+that|according\s+to|reportedly|allegedly|told|said|says|stated|"
    r"announced|claimed|added)\b",
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


def _clean_speaker(text: str) -> str | None:
    words = text.split()
    while words and words[-1].rstrip(".,;:") != words[-1]:
        words[-1] = words[-1].rstrip(".,;:")
        if not words[-1]:
            words.pop()
    cleaned = " ".join(words).strip(" ,;:")
    if not cleaned or cleaned.endswith(("-", "‑")):
        # a compound cut by a quotation mark ('so der SPD-„Experte“') is no name: "der SPD-" was given
        # as the speaker of the quote and of the sentences after it
        return None
    first = cleaned.split()[0].lower()
    if cleaned.lower() in _PRONOUNS or first in _NOT_SPEAKERS or cleaned.lower() in _UNNAMED_SOURCES:
        return None
    # "… und seinen Beifahrer den Angaben zufolge …": a name run over "den" (a particle of Dutch
    # names) up to an unnamed source; the speaker was "Beifahrer den Angaben", and of what followed
    if re.search(r"\s(?:den|der|dem)\s+\S+$", cleaned) and cleaned.split()[-1].lower() in _UNNAMED_SOURCES:
        return None
    # A determiner capitalised only because it opens the sentence is written in lower case.
    if first in _DETERMINERS and " " in cleaned:
        cleaned = first + cleaned[len(first) :]
    return cleaned


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    return not any(start < e and s < end for s, e in spans)


def _find_speaker(
    text: str, quoted: Sequence[tuple[int, int]], lang: str = "de"
) -> tuple[str, int, int] | None:
    """The speaker named next to a speech verb or attribution phrase, with its offsets in ``text``."""
    if lang in _ROMANCE:
        for pattern in (_AFTER_VERB_ROMANCE_NAME, _SELON, _BEFORE_VERB_ROMANCE, _AFTER_VERB_ROMANCE):
            for m in pattern.finditer(text):
                if not _outside(quoted, m.start("np"), m.end("np")):
                    continue
                # the speaker follows the verb only after what was said ('», a déclaré le maire'):
                # "un finaliste a déclaré une forte fièvre" has its object there, not a speaker
                if pattern in (
                    _AFTER_VERB_ROMANCE_NAME,
                    _AFTER_VERB_ROMANCE,
                ) and not _ROMANCE_INVERSION.search(text, 0, m.start()):
                    continue
                name = _clean_speaker(m.group("np"))
                if name is None or name.split()[0].lower() in _ROMANCE_NOT_SPEAKERS:
                    continue
                start = m.start("np") + m.group("np").lower().index(name.split()[0].lower())
                return name, start, start + len(name)
    patterns = (_ACCORDING_EN, _LAUT, _ZUFOLGE, _WIE_X, _SO_X, _BEFORE_VERB, _AFTER_VERB, _BERICHTET_X)
    for pattern in (
        *patterns,
        _BEFORE_ROLE_EN,
        _AFTER_ROLE_EN,
        _NAME_APPOSITION,
        _APPOSITION,
        _START_ROLE_EN,
        _GROUP_BEFORE_VERB_EN,
        _GROUP_AFTER_VERB_EN,
        _GROUP_START_EN,
    ):
        for m in pattern.finditer(text):
            if not _outside(quoted, m.start("np"), m.end("np")):
                continue
            # English puts the speaker after the verb only right after the quote ('…,” said Smith').
            if (
                pattern in (_AFTER_VERB, _AFTER_ROLE_EN)
                and _ENGLISH_VERB.fullmatch(m.group("verb"))
                and not re.search(r"[,“”\"‘’'»«]\s*$", text[: m.start("verb")])
            ):
                continue
            # '…, said the rule was meant to …': a verb after the noun makes it the subject of
            # what was said, not the speaker.
            if pattern in (_AFTER_VERB, _AFTER_ROLE_EN, _GROUP_AFTER_VERB_EN) and _CLAUSE_VERB_EN.match(
                text, m.end("np")
            ):
                continue
            raw = m.group("np")
            if pattern is _BERICHTET_X or (
                pattern is _AFTER_VERB and m.group("verb").startswith(("bericht", "report"))
            ):
                # "berichtet <Outlet> von <Sachen>" reports about them: "von" opens no genitive here
                # (the speaker was "<Outlet> von mehreren Bränden", also of the sentences after it)
                raw = re.split(r"\s+(?:von|vom|über|about|of)\s+", raw, maxsplit=1)[0]
            if pattern in (_AFTER_VERB, _AFTER_ROLE_EN, _GROUP_AFTER_VERB_EN) and _ENGLISH_VERB.fullmatch(
                m.group("verb")
            ):
                # '<Name>, a historian at …, said the strike lasting so long …': the name before
                # its apposition is the subject of this verb, so nothing after it is the speaker
                if any(
                    a.start("verb") == m.start("verb")
                    for apposition in (_APPOSITION, _NAME_APPOSITION)
                    for a in apposition.finditer(text)
                ):
                    continue
                np_end = _inverted_speaker_end(text, m.end("np"))
                if np_end is None:
                    continue
                raw = text[m.start("np") : np_end]
                # '…, said Norland's top fire official, deputy minister <Name>': the speaker is the
                # person the apposition names, not the country the possessive names
                if re.search(r"\w['’]s\b", raw):
                    apposed = _APPOSED_NAME.match(text, np_end)
                    if apposed is not None:
                        name = apposed.group("name").rstrip(".,;:")
                        return name, apposed.start("name"), apposed.start("name") + len(name)
            # "<Name>, Bürgermeisterin von Lindau, sagte": a role between the commas is no name
            if pattern is _NAME_APPOSITION and _is_title(raw.split()[0]):
                continue
            name = _clean_speaker(raw)
            if name is None:
                continue
            start = m.start("np") + raw.lower().index(name.split()[0].lower())
            # "the Harbour Institute's Tom Reyes": the person after the possessive organisation
            owner = _POSSESSED_NAME.search(name)
            if owner is not None and _person_like(owner.group("name")):
                start += owner.start("name")
                name = owner.group("name")
            english = pattern in (_BEFORE_ROLE_EN, _AFTER_ROLE_EN, _START_ROLE_EN) or bool(
                _ENGLISH_VERB.fullmatch(m.groupdict().get("verb") or "")
                or m.group(0).lower().startswith("according")
            )
            if english:
                named = _name_after_titles(text, start, start + len(name))
                if named is not None:
                    return text[named[0] : named[1]], named[0], named[1]
            return name, start, start + len(name)
    return None


_SPEAKER_WORD = re.compile(r"[^\s,;:]+")
_NAME_AFTER = re.compile(rf"(?P<dot>\.?)\s+(?P<name>{_NAME})")


# "St." and "Saint" begin the names of places and institutions ("St. Mary's Hospital said").
_NOT_TITLES_HERE = frozenset({"st", "saint"})


def _is_title(word: str) -> bool:
    return gz.is_title(word) and word.rstrip(".").casefold() not in _NOT_TITLES_HERE


def _name_after_titles(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the person's name after the titles in an English speaker ``text[start:end]``
    ("Coast Guard Lt. Maria Voss", "Fire Chief Tom Reyes"), else None.

    The name is read on from the last title, also past ``end``: a noun phrase holds at most four
    capitalised words, and "U.S. Army Maj. Gen. Ann Lee" ended at "Gen.", so the speaker was the
    organisation before the titles. Only after an abbreviated title ("Lt.") or before a given name:
    "General Motors said" keeps its "General".
    """
    words = list(_SPEAKER_WORD.finditer(text, start, end))
    last = max((n for n, w in enumerate(words) if _is_title(w.group())), default=-1)
    if last < 0:
        return None
    found = _NAME_AFTER.match(text, words[last].end())
    if found is None:
        return None
    abbreviated = words[last].group().endswith(".") or bool(found.group("dot"))
    name = found.group("name").rstrip(".,;:")
    if not (abbreviated or name.split()[0] in gz.given_names()) or _is_title(name.split()[0]):
        return None
    return found.start("name"), found.start("name") + len(name)


def _has_speech_verb(text: str, quoted: Sequence[tuple[int, int]]) -> bool:
    pattern = re.compile(rf"\b(?:{_SPEECH}|so|laut|according\s+to)\b|:\s*$")
    return any(_outside(quoted, m.start(), m.end()) for m in pattern.finditer(text))


def _pronoun_speaker(text: str, quoted: Sequence[tuple[int, int]]) -> bool:
    pattern = re.compile(
        rf"\b(?:{_SPEECH})\s+(?:er|sie|he|she|they)\b|\b(?:er|sie|he|she|they)\s+(?:{_SPEECH})\b"
    )
    return any(_outside(quoted, m.start(), m.end()) for m in pattern.finditer(text))


# --- attribution lines ---------------------------------------------------------------------------
_HANDLE = re.compile(r"\(?\s*(@[\w\\]+)\s*\)?")
_TITLE_IN_QUOTES = re.compile(r"^[„“\"»«‚‘']\s*(.+?)\s*[“”\"«»‘’']")


def speaker_from_attribution(attribution: str | None) -> str | None:
    """The speaker of a block quote or embedded post from its attribution line.

    ``Fuad Hussein (@Fuad_Hussein) January 24, 2024`` gives ``Fuad Hussein``; a bare handle gives the
    handle; a title in quotation marks (a book, a report) gives the title; ``Jane Doe, Ministerin``
    gives ``Jane Doe``.
    """
    if not attribution:
        return None
    line = attribution.replace("\\", "").strip().lstrip("—–-―").strip()
    if not line:
        return None
    title = _TITLE_IN_QUOTES.match(line)
    if title:
        return title.group(1).strip()
    handle = _HANDLE.search(line)
    if handle:
        before = line[: handle.start()].strip(" ,")
        return before or handle.group(1)
    name = re.split(r"\s*[,(;|]\s*|\s+[–—-]\s+", line, maxsplit=1)[0].strip()
    return name or None


# --- mentions ------------------------------------------------------------------------------------
def _speaker_key(
    speaker: str,
    span: tuple[int, int] | None,
    own: Sequence[Mention],
    nearby: Sequence[Mention],
) -> str:
    """The entity key of the mention that names the speaker, else the speaker as written."""
    if span is not None:
        # A mention names the speaker when it is a person in it ("Pfarrer <Name> vom <Verein>") or reaches
        # its last word ("the Halberg District Court"); not a place inside it ("The Halberg District
        # Court said" was keyed as "Halberg") nor a possessive ("<Name>'s lawyer said" is the lawyer).
        words = speaker.rsplit(maxsplit=1)
        last_word = span[0] + len(speaker) - len(words[-1]) if words else span[0]
        named = [
            m
            for m in own
            if min(m.end, span[1]) > max(m.start, span[0])
            and speaker[m.end - span[0] : m.end - span[0] + 2] not in ("'s", "’s")
        ]
        # a person first, unless inside a longer name (a person's name in an institute's)
        people = [
            m
            for m in named
            if m.type == "PER"
            and not any(o is not m and o.start <= m.start and m.end <= o.end for o in named)
        ]
        reaching = [m for m in named if m.end > last_word]
        best = max(
            people or reaching, key=lambda m: min(m.end, span[1]) - max(m.start, span[0]), default=None
        )
        if best is not None:
            return best.key
    lowered = speaker.lower()
    last = lowered.split()[-1]
    for m in (*own, *nearby):
        text = m.text.lower()
        if text == lowered or lowered.endswith(" " + text):
            return m.key
    for m in (*own, *nearby):
        if m.type == "PER" and m.text.lower().split()[-1] == last:
            return m.key
    # A name written family name first ("<Family> <Given>" and then "<Family> said"), or a person
    # called by the given name: the one person whose full name begins with the word.
    if " " not in lowered:
        full = {
            m.key
            for m in (*own, *nearby)
            if m.type == "PER" and len(m.text.split()) > 1 and m.text.lower().split()[0] == lowered
        }
        if len(full) == 1:
            return full.pop()
    return speaker


# --- classification ------------------------------------------------------------------------------
def _block_of(article: Article, sentence: Sentence) -> Block | None:
    if 0 <= sentence.block < len(article.blocks):
        return article.blocks[sentence.block]
    return None


def _language(article: Article, block: Block | None) -> str:
    lang = (block.language if block and block.language else None) or article.language or "de"
    code = lang.lower()[:2]
    return code if code in ("en", "fr", "es") else "de"


def classify_statements(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[Sequence[Mention]] | None = None,
) -> list[StatementRole]:
    """One ``StatementRole`` per sentence, in order.

    ``mentions[i]`` are the entity mentions of ``sentences[i]``; a speaker whose name matches one is
    given as that mention's entity key. Quote spans are offsets into ``article.text``.
    """
    all_mentions: list[Mention] = [m for ms in (mentions or ()) for m in ms]
    # Quotations are found per block so that a quote running over several sentences is one quote.
    block_quotes: dict[int, list[tuple[int, int]]] = {}
    for index, b in enumerate(article.blocks):
        if b.kind in ("paragraph", "lead", "subheading"):
            found = find_quotations(article.block_text(b))
            block_quotes[index] = [(b.start + s, b.start + e) for s, e in found]

    # The spans are sorted and apart, so their starts and ends are sorted too: each sentence looks only
    # at the spans that overlap it (checking every span of the block was quadratic in a long block).
    starts = {index: [s for s, _ in spans] for index, spans in block_quotes.items()}
    ends = {index: [e for _, e in spans] for index, spans in block_quotes.items()}

    roles: list[StatementRole] = []
    last_speaker: tuple[int, str, str | None] | None = None  # (block, speaker, kind) for pronoun speakers
    quotations: list[set[tuple[int, int]]] = []  # the block's quotations each sentence overlaps
    carried: list[bool] = []  # the speaker came from an earlier sentence of the block
    for i, sentence in enumerate(sentences):
        own = mentions[i] if mentions is not None and i < len(mentions) else ()
        block = _block_of(article, sentence)
        spans = block_quotes.get(sentence.block, [])
        if spans:
            first = bisect.bisect_right(ends[sentence.block], sentence.start)
            spans = spans[first : bisect.bisect_left(starts[sentence.block], sentence.end, first)]
        role = _classify_one(
            article,
            sentence,
            block=block,
            quotes_in_block=spans,
            own=own,
            all_mentions=all_mentions,
        )
        carry = False
        if role.kind in ("quote", "reported_speech"):
            if role.speaker is None and last_speaker is not None and last_speaker[0] == sentence.block:
                role = StatementRole(role.kind, last_speaker[1], role.quote_spans, last_speaker[2])
                carry = True
            if role.speaker is not None:
                last_speaker = (sentence.block, role.speaker, role.speaker_kind)
        roles.append(role)
        quotations.append(set(spans) if role.kind == "quote" else set())
        carried.append(carry)
    # A quotation that runs over several sentences names its speaker after its last one ('"The hall
    # is gone. We start again," the mayor said.'): its earlier sentences had no speaker, or the one of
    # an earlier quote in the paragraph.
    for i in range(len(roles) - 2, -1, -1):
        later = roles[i + 1]
        if (
            roles[i].kind == "quote"
            and (roles[i].speaker is None or carried[i])
            and later.kind == "quote"
            and later.speaker is not None
            and sentences[i].block == sentences[i + 1].block
            and quotations[i] & quotations[i + 1]
        ):
            roles[i] = StatementRole("quote", later.speaker, roles[i].quote_spans, later.speaker_kind)
            carried[i] = carried[i + 1]
    return roles


def _classify_one(
    article: Article,
    sentence: Sentence,
    *,
    block: Block | None,
    quotes_in_block: Sequence[tuple[int, int]],
    own: Sequence[Mention],
    all_mentions: Sequence[Mention],
) -> StatementRole:
    text = sentence.text
    if block is not None:
        if block.kind == "headline":
            return StatementRole("headline")
        if block.kind == "caption":
            return StatementRole("caption")
        if block.kind in ("quote_block", "embedded_post"):
            speaker = speaker_from_attribution(block.attribution)
            key = _speaker_key(speaker, None, own, all_mentions) if speaker else None
            stripped = text.strip()
            lead = len(text) - len(text.lstrip())
            span = (sentence.start + lead, sentence.start + lead + len(stripped))
            return StatementRole("quote", key, (span,) if stripped else (), _kind_of(key, None))

    # Quotations overlapping this sentence, clipped to it, in sentence-relative offsets.
    local: list[tuple[int, int]] = []
    for s, e in quotes_in_block:
        cs, ce = max(s, sentence.start), min(e, sentence.end)
        if cs < ce:
            local.append((cs - sentence.start, ce - sentence.start))
    if block is None:
        local = find_quotations(text)
    lang = _language(article, block)
    found = _find_speaker(text, local, lang)
    speech = _has_speech_verb(text, local)
    full_quotes = [
        (s, e)
        for s, e in local
        if (len(_WORD.findall(text[s:e])) >= MIN_QUOTE_WORDS and not _looks_like_name(text[s:e]))
        or (
            speech
            and len(_WORD.findall(text[s:e])) >= 1
            and _adjacent_to_speech(text, s, e, name=_looks_like_name(text[s:e]))
        )
    ]
    # A sentence entirely inside a quote that runs over several sentences.
    whole = len(text.strip())
    if not full_quotes and any((e - s) >= 0.8 * whole for s, e in local) and len(_WORD.findall(text)) >= 3:
        full_quotes = list(local)

    def speaker_key() -> str | None:
        if found is None:
            return None
        name, s, e = found
        return _speaker_key(name, (sentence.start + s, sentence.start + e), own, all_mentions)

    if full_quotes:
        spans = tuple((sentence.start + s, sentence.start + e) for s, e in full_quotes)
        key = speaker_key() or _introduced_by(text, full_quotes[0], sentence, own, article.text)
        return StatementRole("quote", key, spans, _kind_of(key, found))
    unquoted = _mask(text, local)
    if _is_reported(unquoted, lang):
        key = speaker_key()
        return StatementRole("reported_speech", key, speaker_kind=_kind_of(key, found))
    if lang in _ROMANCE:
        return StatementRole("reporting")
    if (_BACKGROUND_EN if lang == "en" else _BACKGROUND_DE).search(unquoted):
        return StatementRole("background")
    return StatementRole("reporting")


def _kind_of(key: str | None, found: tuple[str, int, int] | None) -> str | None:
    """The speaker kind of an entity key ("per:…", "org:…") or of the speaker as written."""
    if key is None:
        return None
    prefix = key.split(":", 1)[0] if ":" in key else None
    mention_type = {"per": "PER", "org": "ORG"}.get(prefix or "")
    return speaker_kind(found[0] if found is not None else key, mention_type)


def _introduced_by(
    text: str, quote: tuple[int, int], sentence: Sentence, own: Sequence[Mention], article_text: str
) -> str | None:
    """The one person named before a colon that opens the quote: '<Name> hält die Schätzung für zu
    optimistisch: „…“', 'Was <Name> zu Kritik veranlasst: „…“' had no speaker (no verb of saying)."""
    before = text[: quote[0]].rstrip(" „“”\"»«‚‘'")
    if not before.endswith(":"):
        return None
    colon = sentence.start + len(before)
    people = {
        m.key
        for m in own
        if m.type == "PER" and m.end <= colon and not _named_as_object(article_text, m.start, m.end)
    }
    return people.pop() if len(people) == 1 else None


# Words before a name that make it the object of the clause, not who speaks: "The club's notice
# lashed out at <Name>, saying: …", "Kritik an <Name>: …". "by" and "von" are left out: "a
# statement by <Name>:" names the speaker.
_OBJECT_PREPOSITIONS = frozenset(
    {
        "on", "to", "about", "against", "for", "with", "at", "into", "over", "of", "from", "toward",
        "towards", "gegen", "über", "an", "auf", "für", "mit", "um", "gegenüber",
    }
)  # fmt: skip
_WORD_BEFORE = re.compile(r"(\w+)\s+$")


def _named_as_object(text: str, start: int, end: int) -> bool:
    """Whether the name at ``text[start:end]`` is a possessive ("<Name>'s editor") or the object of a
    preposition ("lashed out at <Name>"): then the quote after the colon is not that person's."""
    if text[end : end + 2] in ("'s", "’s") or text[end : end + 1] in ("'", "’"):
        return True
    before = _WORD_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).casefold() in _OBJECT_PREPOSITIONS


def _adjacent_to_speech(text: str, start: int, end: int, *, name: bool = False) -> bool:
    """A short quotation directly followed or preceded by a speech verb (`„Nein“, sagte er`).

    A quoted name needs the comma of an attribution before the verb: in 'Die Initiative „<Name>“
    fordert …' the name is the verb's subject, and the sentence was tagged a quote with no speaker."""
    after = text[end : end + 40]
    before = text[max(0, start - 40) : start]
    verb = rf"(?:{_SPEECH}|so)"
    if name:
        closed = text[end - 1 : end] in (",", "!", "?")  # „Brücke jetzt!“ sagte …
        attribution = r"[“”\"«»‘’']?\s*[,:]?\s*" if closed else r"[“”\"«»‘’']?\s*[,:]\s*"
    else:
        attribution = r"[“”\"«»‘’']?[,.!?]?\s*[,:]?\s*"
    return bool(re.match(rf"^{attribution}{verb}\b", after) or re.search(rf"\b{verb}\s*:\s*\W?$", before))


def _mask(text: str, spans: Sequence[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            chars[k] = " "
    return "".join(chars)


# '…, sagte die Polizei.', '…, sagten Ermittler.': a speech verb after the comma with its speaker
# after it attributes the whole clause before the comma.
# Only verbs of saying that take no object here ("forderte die Stadt eine Entschädigung", "hob die
# Stadt die Sperrung auf" are no attributions), and after the speaker at most a time or place phrase.
_ATTRIBUTION_VERBS_DE = (
    r"sagte|sagten|sagt|erklärte|erklärten|betonte|betonten|meinte|meinten|ergänzte|warnte|warnten|"
    r"bestätigte|bestätigten|berichtete|berichteten|schrieb|antwortete|versicherte|unterstrich|mahnte"
)
_ATTRIBUTION_AFTER_DE = re.compile(
    rf",\s*(?:{_ATTRIBUTION_VERBS_DE})\s+(?:(?:{_DET_DE})\s+(?:{_ADJ}){{0,2}})?[A-ZÄÖÜ][\w\-]*"
    rf"(?:\s+[A-ZÄÖÜ][\w\-]*){{0,3}}{_GENITIVE}"
    r"(?:\s+(?:am|im|an|auf|bei|in|vor|nach|gegenüber|laut|zufolge)\s+[^,;:]{0,40})?\s*[.!?]?$"
)


def _is_reported(text: str, lang: str) -> bool:
    if lang == "en":
        return bool(_REPORTED_EN.search(text))
    if lang in _ROMANCE:
        return bool(_REPORTED_ROMANCE.search(text))
    if _REPORTED_DE.search(text) or _KONJUNKTIV_I.search(text):
        return True
    if _ATTRIBUTION_AFTER_DE.search(text.rstrip()):
        return True
    return bool(_REPORTED_CONTEXT_SUBJUNCTIVE.search(text) and re.search(rf"\b(?:{_SPEECH_DE})\b", text))
