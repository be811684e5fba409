"""Who speaks: the speaker named next to a speech verb or attribution phrase in a sentence, the speaker
of a block quote from its attribution line, and the entity key of the mention that names a speaker."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.lemmas import word_tags
from blickwinkel.analyse.outlet_names import is_medium_noun, is_outlet_word
from blickwinkel.analyse.quote_marks import mask_quotations, outside_quotes
from blickwinkel.analyse.sources import opens_with_known_source
from blickwinkel.analyse.speaker_kinds import ORGANISATION_HEAD_EN
from blickwinkel.analyse.speech_words import (
    ADJ,
    ADVERB_EN,
    ATTRIBUTION_WORDS,
    CAP,
    DET_DE,
    DETERMINERS,
    GROUP_NOUNS_EN,
    NAME,
    NOT_SPEAKERS,
    NP,
    ORGANISATION_NOUNS_EN,
    PRONOUNS,
    RELATIVE_PRONOUNS,
    ROMANCE,
    ROMANCE_COMPLEMENT,
    SPEECH,
    SPEECH_DE,
    SPEECH_EN,
    UNNAMED_SOURCES,
    AttributionWords,
    is_title,
)
from blickwinkel.model import Mention
from blickwinkel.text.weekdays import weekday_numbers

_PREPOSITION_DE = (
    r"(?i:zu|zum|zur|im|am|in|an|auf|aus|bei|beim|nach|vor|vom|mit|seit|über|unter|für|gegen|durch)"
)
_AFTER_VERB = re.compile(
    rf"\b(?P<verb>{SPEECH})\s+(?:(?:am|an|im|in|auf|bei|vor|on|at)\s+(?:{ADJ})?{CAP}\s+)?(?P<np>{NP})"
)
_BEFORE_VERB = re.compile(
    # a party or place in brackets may stand between the name and the verb: "Ivo Lind (CDU) sagte"
    # and a place after the speaker's noun: "Die Polizei in <Town> sagte", "Officials in <Town> said"
    # gave none
    # ("Zu Gast in <Town> betonte <Name>" opens with a preposition: no speaker there)
    rf"(?:^|(?<=[,;:„“”\"»«(]\s)|(?<=[,;:„“”\"»«(]))\s*(?!{_PREPOSITION_DE}\s)(?P<np>{NP})"
    rf"(?:\s+(?:in|aus)\s+{CAP}(?:\s+{CAP})?)?"
    rf"(?:\s*\([^()\n]{{1,30}}\))?\s+(?:(?:hat|hatte|has|had)\s+)?{ADVERB_EN}(?P<verb>{SPEECH})\b"
)
# English names a speaker after a role in lower case: '…," said passenger Tom Reyes', '…," county
# engineer Lisa Brandt said', '…, fire service spokesman Tom Reyes said'. One to three such words
# (a role is often a compound: "fire service spokesman", "deputy police chief"), English speech verbs
# only (German writes its nouns capitalised, and "fordert einen schnellen Ersatzbau" is no speaker);
# the speaker is the name.
_ROLE_EN = r"(?:(?!(?:the|a|an|on|at|in|to|that|and|but|then|also|when|while)\s)[a-z][a-z\-]+\s+){1,3}"
# The organisation a role speaks for may stand before it, up to five capitalised words ('…," said
# <Town> Harbour Board spokeswoman <Name>': the speaker was none, or the whole run).
_ROLE_OWNER_EN = rf"(?:{CAP}\s+){{0,5}}"
_AFTER_ROLE_EN = re.compile(rf"\b(?P<verb>{SPEECH_EN})\s+{_ROLE_OWNER_EN}{_ROLE_EN}(?P<np>{NAME})")
# A place or organisation may come before the role: '…," Eastwick mayor <Name> said'; a possessive
# one before the name with no role: '…," the Institute's <Name> said'.
_BEFORE_ROLE_EN = re.compile(
    rf"(?:^|(?<=[,;:“”\"(]\s)|(?<=[,;:“”\"(]))\s*(?:{_ROLE_OWNER_EN}{_ROLE_EN}|"
    rf"(?i:the\s+)?(?:{CAP}\s+){{0,2}}{CAP}['’]s\s+(?:{_ROLE_EN})?|"
    # a possessive in lower case after "the": "The army's Lt Col <Name> said" had no speaker
    rf"(?i:the)\s+(?:[a-z][\w\-]*\s+){{0,2}}[a-z][\w\-]*['’]s\s+(?:{_ROLE_EN})?)"
    rf"(?P<np>{NAME})\s+{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)
# '<Name>, the mayor of Eastwick, said …', '…," passenger <Name>, 34, said', '<Name>, Bürgermeisterin
# von Lindau, sagte …': the name before an apposition between commas; 'Der Sprecher der Stadtwerke,
# <Name>, erklärte …', 'The harbour master, <Name>, said …': the name as the apposition.
# A name in quotation marks may stand in the apposition ('<Name>, Vorsitzende des „<Verein>“, fordert
# …'); with none allowed there, the object after the verb was taken for the speaker.
_QUOTED_NAME = r"[„“\"»][A-ZÄÖÜ\d][^,;:.!?„“”\"«»]{0,59}[“”\"«]"
_APPOSITION_WORDS = rf"(?:[^,;:„“”\"]|{_QUOTED_NAME})"
_APPOSITION = re.compile(
    rf"(?:^|(?<=[,;:„“”\"(]\s)|(?<=[,;:„“”\"(]))\s*(?:{_ROLE_EN})?(?P<np>{NAME}),\s+{_APPOSITION_WORDS}{{1,160}},\s+"
    rf"{ADVERB_EN}(?P<verb>{SPEECH})\b"
)
_NAME_APPOSITION = re.compile(
    # the phrase before the name may be a possessive: "the county's highways manager, <Name>, said"
    # and may end in a name in quotation marks: "Die Vorsitzende des „<Verein>“, <Name>, fordert"
    rf"(?:^|(?<=[,;:„“”\"(]\s)|(?<=[,;:„“”\"(]))\s*(?:{NP}|(?i:the)\s+(?:[\w\-]+\s+){{0,2}}[\w\-]+['’]s)"
    rf"(?:\s+(?:des|der|von|vom|of\s+the|of)\s+{_QUOTED_NAME})?"
    rf"(?:\s+[a-z][a-z\-]+){{0,3}},\s+(?P<np>{NAME}),\s+{ADVERB_EN}(?P<verb>{SPEECH})\b"
)
# An unnamed speaker before an apposition: "A senior official, speaking without giving a name,
# said …", "The minister, speaking in <Town>, said …".
_UNNAMED_APPOSITION_EN = re.compile(
    r"(?:^|(?<=[,;:“”\"(]\s)|(?<=[,;:“”\"(]))\s*(?P<np>(?i:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,3}?[a-z][\w\-]*),"
    rf"\s+[^,;:“”\"]{{1,160}},\s+{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)
# Someone who speaks for an organisation, named by it: "A spokeswoman for the city council said",
# "a lawyer for the two families said" (the noun phrase is longer than the general one's four words).
_OFFICE_HOLDER_EN = re.compile(
    r"(?:^|(?<=[,;:“”\"(]\s)|(?<=[,;:“”\"(]))\s*(?P<np>(?i:a|an|the)\s+(?:[a-z][\w\-]*\s+){0,2}?"
    r"(?:spokes(?:man|woman|person)|representative|official|lawyer|attorney|member|head|director|manager)"
    r"\s+(?:for|of|at|with)\s+(?:(?i:the)\s+)?(?:[\w\-]+\s+){0,4}?[\w\-]+)\s+(?:(?:has|had)\s+)?"
    rf"{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)
# Someone named by whose they are: "<Name>'s family said", "the victim's brother told", "<Country>'s
# foreign ministry said" (a possessive and one or two lower-case words before the verb; no name after).
_POSSESSIVE_SPEAKER_EN = re.compile(
    rf"(?:^|(?<=[,;:“”\"(]\s)|(?<=[,;:“”\"(]))\s*(?P<np>(?:(?i:the)\s+[a-z][\w\-]*|(?:{CAP}\s+){{0,2}}{CAP})['’]s"
    rf"\s+(?:[a-z][\w\-]*\s+)??[a-z][\w\-]*)\s+{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)
# 'Regional fire chief <Name> told reporters …': a role opening the sentence is capitalised.
_START_ROLE_EN = re.compile(
    rf"^\s*[A-Z][a-z\-]+\s+{_ROLE_EN}(?P<np>{NAME})\s+{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)

# A person named after a run of ranks and an organisation longer than a noun phrase's four capitalised
# words: "Coast Guard Rear Admiral <Name> said", '…," Detective Chief Inspector <Name> told' had no
# speaker. The person is the two or three words after the run's last title (``_titled_name``).
_TITLED_RUN_EN = re.compile(
    rf"(?:^|(?<=[,;:“”\"(]\s)|(?<=[,;:“”\"(]))\s*(?P<np>{CAP}(?:\s+{CAP}){{4,7}})\s+(?:(?:has|had)\s+)?"
    rf"{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)

_GROUP_NP_EN = (
    r"(?:(?!(?:the|a|an|and|but|then|also|he|she|they|it|we|i|you|who|which|that)\s)[a-z][a-z\-]+\s+){0,2}?"
    rf"(?:{ORGANISATION_NOUNS_EN}|{GROUP_NOUNS_EN})"
)
_GROUP_BEFORE_VERB_EN = re.compile(
    rf"(?:(?<=[,;“”\"’']\s)|(?<=[,;“”\"’']))\s*(?P<np>{_GROUP_NP_EN})\s+(?:(?:have|had)\s+)?"
    rf"{ADVERB_EN}(?P<verb>{SPEECH_EN})\b"
)
# The same at the start of a sentence, where the first word is capitalised: 'Opposition councillors
# said the estimate was too optimistic.' was "reported, no source named".
# A sentence opened by a subordinating conjunction ("Although officials said …, the ferry …") says
# what the group said only in its first clause: the conjunction is no word of the speaker ("Although
# harbour officials" was a speaker) and the sentence has none from this pattern.
_GROUP_START_EN = re.compile(
    r"^\s*(?!(?:Although|Though|While|Whilst|Because|Since|As|If|Unless|Until|When|Whereas|After|Before|"
    r"Once|Even|Despite)\s)"
    rf"(?P<np>(?:[A-Z][a-z\-]+\s+)?(?:[a-z][a-z\-]+\s+)?(?:{GROUP_NOUNS_EN}))\s+(?:(?:have|had)\s+)?"
    rf"{ADVERB_EN}(?P<verb>said|say|told|warned|argued|claimed|insisted|wrote)\b"
)
_GROUP_AFTER_VERB_EN = re.compile(
    rf"(?:(?<=[,“”\"’']\s)|(?<=[,“”\"’']))\s*(?P<verb>{SPEECH_EN})\s+(?P<np>{_GROUP_NP_EN})\b"
)

# 'according to the local fire service.': the whole noun phrase up to the punctuation, where it does
# not run into a time or a clause ("according to the police on Monday" leaves it to _LAUT); the
# general pattern stops after two words ("the local").
_ACCORDING_EN = re.compile(
    r"\b[Aa]ccording\s+to\s+(?P<np>(?:(?:the|a|an)\s+[\w\-]+|[a-z][\w\-]*)(?:\s+(?!(?:on|in|at|last|this|late|early|"
    r"earlier|yesterday|today|and|but|which|who|that|when|while)\b)[\w\-]+){0,5}?)(?=\s*(?:[,.;:!?)]|$))"
)

# A document named as the source: its issuer speaks ("according to a statement from the port
# authority", "laut einer Mitteilung der Stadt", "heißt es in einer Erklärung des Ministeriums"); a
# document that names no issuer is no speaker ("dem Bericht zufolge", "heißt es in der Studie", "the
# report said"): it was listed as a voice beside people and bodies, and in the grammatical case the
# sentence gave it ("dem Bericht"). English documents in lower case (a capitalised "Post" is a paper);
# German ones as a noun or the end of a compound ("Jahresbericht", "Pressemitteilung"), in the singular
# or plural. Our own list: the English words and their German counterparts.
_DOCUMENT_EN = re.compile(
    r"(?:statement|report|release|letter|notice|post|filing|memo|study|survey)s?|studies"
)
_DOCUMENT_ENDINGS_DE = (
    "mitteilung", "erklärung", "stellungnahme", "bericht", "schreiben", "brief", "statement", "studie",
    "umfrage", "memo", "vermerk", "beitrag",
)  # fmt: skip
_PLURAL_DE = ("en", "es", "e", "n", "s")
_ISSUER_IN_COMPOUND = re.compile(r"(?P<issuer>[A-ZÄÖÜ]{2,6})-")
_ISSUER_OPENERS = frozenset({"des", "der", "von", "vom", "of", "from", "by"})
# (a preposition after the issuer opens what the document is about: "der Stadt zur Sperrung")
_ISSUER_ENDS = frozenset(
    "am im vom zum zur beim an in von mit auf aus bei nach seit über unter für gegen vor zu durch "
    "on at to for with about after over".split()
)


def _document_word(word: str) -> bool:
    """A noun of a document: English in lower case, German capitalised, also as a compound's end."""
    if _DOCUMENT_EN.fullmatch(word):
        return True
    if not word[:1].isupper():
        return False
    folded = word.casefold()
    stems = {folded} | {folded[: -len(end)] for end in _PLURAL_DE if folded.endswith(end)}
    return any(stem.endswith(_DOCUMENT_ENDINGS_DE) for stem in stems)


def _who_speaks(name: str) -> tuple[int, int] | None:
    """The offsets in the speaker phrase ``name`` of who speaks: the whole phrase, or where it names a
    document who issued it ("einer Studie des Instituts" gives "des Instituts"); None where it names a
    document and no issuer."""
    words = list(_SPEAKER_WORD.finditer(name))
    at = 1 if words and words[0].group().lower() in DETERMINERS else 0
    while at < len(words) - 1 and words[at].group()[:1].islower() and not _document_word(words[at].group()):
        at += 1  # adjectives: "einer aktuellen Studie", "a written statement"
    if at >= len(words) or not _document_word(words[at].group()):
        return 0, len(name)
    rest = words[at + 1 :]
    if not rest or rest[0].group().lower() not in _ISSUER_OPENERS:
        # an abbreviation before the hyphen of a compound names the issuer: "einer <ABC>-Mitteilung zufolge"
        issuer = _ISSUER_IN_COMPOUND.match(words[at].group())
        if issuer is None:
            return None
        return words[at].start(), words[at].start() + issuer.end("issuer")
    if rest[0].group().lower() in ("von", "vom", "of", "from", "by"):
        rest = rest[1:]
    end = next((n for n, w in enumerate(rest) if n and w.group().lower() in _ISSUER_ENDS), len(rest))
    if not rest[:end] or (end == 1 and rest[0].group().lower() in DETERMINERS):
        return None
    return rest[0].start(), rest[end - 1].end()


_DOCUMENT_SAYS_DE = re.compile(
    rf"\b(?i:in|laut|nach)\s+(?:einer|einem|der|dem)\s+(?:{ADJ})?(?P<document>[\w\-]+)\s+(?P<np>(?:des|der)\s+"
    rf"(?:{ADJ}){{0,2}}{NAME})"
)
_SAYS_IT_DE = re.compile(r"\b(?:heißt|hieß)\s+es\b")


@dataclass(frozen=True)
class _RomancePatterns:
    """The attribution shapes of French, Spanish, Italian and Portuguese, built from one language's
    words (``speech_words.ATTRIBUTION_WORDS``), in the order they are tried; the first two name the
    speaker after the verb, only after what was said (``inversion``)."""

    after_verb_name: re.Pattern[str]
    according: re.Pattern[str]
    before_verb: re.Pattern[str]
    after_verb: re.Pattern[str]
    inversion: re.Pattern[str]
    pronouns: frozenset[str]


@cache
def _romance_patterns(words: AttributionWords) -> _RomancePatterns:
    speech, np, aux = words.speech, words.noun_phrase, words.auxiliary
    return _RomancePatterns(
        after_verb_name=re.compile(rf"\b(?:{speech})\s+(?:{np}),\s+(?P<np>{NAME})(?=\s*[.,;]|\s*$)"),
        according=re.compile(rf"\b(?i:{words.according})\s+(?P<np>{np})"),
        before_verb=re.compile(
            rf"(?:^|(?<=[,;:«»“”\"]\s)|(?<=[,;:«»“”\"]))\s*(?P<np>{np})(?:,\s+(?P<apposed>[^,;:«»“”\"]{{1,80}}),)?\s+"
            rf"(?:{aux}\s+)?(?P<verb>{speech})\b"
        ),
        after_verb=re.compile(rf"\b(?P<verb>{speech})\s+(?P<np>{np})"),
        # the end of what was said, or "según", "como", "comme l'a" ("según informó la Guardia Civil",
        # "comme l'a indiqué la préfecture")
        inversion=re.compile(rf"(?:[,;«»“”\"]|\b(?i:{words.inversion}))\s*(?:{aux}\s+)?$"),
        pronouns=words.pronouns,
    )


_SO_X = re.compile(rf"(?:^|[,;–—-]\s*)so\s+(?P<np>{NP})")
_LAUT = re.compile(
    rf"\b(?:[Ll]aut|[Nn]ach\s+(?:Angaben|Aussagen?|Darstellung|Auskunft)|[Aa]ccording\s+to)\s+"
    # (a document is read with its issuer, below: "laut einem Bericht des Ministeriums")
    rf"(?:(?:Angaben|Informationen)\s+)?"
    # a lower-case word alone ("according to officials"), not one before a capitalised noun: in German
    # that is an adjective of the noun ("laut schriftlicher Auskunft" gave the speaker
    # "schriftlicher")
    rf"(?:(?:von|des|der)\s+)?(?P<np>{NP}|[a-z][\w\-]+(?![\w\-])(?!\s+[A-ZÄÖÜ][a-zäöüß]))"
)
# '„…“, heißt es aus dem Ministerium': where the words came from speaks.
_HEISST_ES_AUS = re.compile(
    rf"\b(?:heißt|hieß)\s+es\s+(?:aus|von|vom|beim|bei|im|in)\s+(?P<np>(?:{DET_DE}\s+)?(?:{ADJ}){{0,2}}{NAME})"
)
# ... and with the source first: 'Aus Regierungskreisen hieß es, …' had no speaker, though the same
# words after the verb had one.
_AUS_X_HEISST_ES = re.compile(
    rf"(?:^|(?<=[„“”\"»«]\s)|(?<=[„“”\"»«]))\s*(?i:aus)\s+(?P<np>(?:{DET_DE}\s+)?(?:{ADJ}){{0,2}}{NAME})"
    rf"(?<![Gg]ründen)\s+(?:heißt|hieß)\s+es\b"  # ("aus Sicherheitsgründen" gives the reason)
)
# "X zufolge" has no word before the name to anchor it, so the name starts only where a word starts
# (or after one lower-case prefix: "ex-Ministerin Roth"): tried at every capital letter of a long
# hyphenated run ("A-B-C-…") the name ran to the run's end each time, quadratic in its length; and a
# start inside a word read "stünden dem Rat zufolge" as the speaker "den dem Rat".
_ZUFOLGE = re.compile(rf"(?<![\w’'.\-])(?:[a-zäöüß\d][\w’'.]*-)?(?P<np>{NP})\s+zufolge\b")
_WIE_X = re.compile(
    # (the verb ends the clause: a time, a place and the one told may stand before it, "wie <Name> am
    # Dienstag dem Sender <Name> sagte" gave no speaker with three words at most)
    rf"\b[Ww]ie\s+(?P<np>{NP})\s+(?:\w+\s+){{0,7}}(?:mitteilte|mitteilten|berichtete|berichteten|sagte|"
    # the present too: "wie die <Zeitung> berichtet" gave no speaker, and the sentence took the one
    # before's
    rf"erklärte|meldete|bestätigte|mitteilt|mitteilen|berichtet|berichten|meldet|schreibt|sagt|erklärt)\b"
)
_BERICHTET_X = re.compile(rf"\b(?:berichtet|berichtete|meldet|meldete|reported|reports)\s+(?P<np>{NP})")
# German writes an outlet's name in quotation marks: '…, berichtet die „<Zeitung>“ unter Berufung auf …'
# had no speaker (the name is inside the quotation, and no noun phrase).
_OUTLET_IN_QUOTES_DE = re.compile(
    r"\b(?:berichtet|berichtete|meldet|meldete|schreibt|schrieb)\s+(?:die|der|das)\s+[„»\"](?P<np>[^“”«\"\n]{2,40})[“”«\"]"
)
_ENGLISH_VERB = re.compile(SPEECH_EN)
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


_POSSESSED_NAME = re.compile(rf"\w['’]s\s+(?:[a-z][a-z\-]+\s+){{0,3}}(?P<name>{NAME})$")


def _person_like(name: str) -> bool:
    """Two or more words that do not end in an organisation's head ("St. Mary's Hospital" is no
    person after a possessive)."""
    words = name.split()
    return (
        len(words) >= 2
        and words[-1] not in gz.ORG_HEADS
        and not ORGANISATION_HEAD_EN.fullmatch(words[-1])
        and not is_outlet_word(words[-1])
    )


_APPOSED_NAME = re.compile(
    rf",\s+(?:(?:[A-Z][\w\-]*\s+)?(?:(?!(?:who|which|that|where|when)\s)[a-z][a-z\-]+\s+){{1,3}})?(?P<name>{NAME})"
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


# Words a speaker's English noun phrase never holds after its first: forms of "be" and "have" (a verb
# of the clause, or the passive "was told"), relative and complement words and subject pronouns.
_NO_SPEAKER_WORDS_EN = frozenset(
    {
        "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "who", "which", "that",
        "whom", "he", "she", "they", "we", "you",
    }
)  # fmt: skip


_PREPOSITIONS_DE = frozenset(
    {"am", "im", "vom", "zum", "zur", "beim", "an", "in", "von", "mit", "auf", "aus", "bei", "nach", "seit"}
    # "Ein Anwohner, der über … geklagt hatte" gave the speaker "der über …"
    | {"über", "unter", "für", "gegen", "vor", "zu", "durch", "ohne", "um", "hinter", "neben", "zwischen"}
)
_WEEKDAYS = frozenset(weekday_numbers("de", "full")) | frozenset(weekday_numbers("en", "full"))


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
    # an article alone is no speaker: "laut der „<Zeitung>“" read "der" as the speaker (the name in
    # quotation marks is no noun phrase), before the person the sentence names at its verb
    if cleaned.lower() in DETERMINERS:
        return None
    if cleaned.lower() in PRONOUNS or first in NOT_SPEAKERS or cleaned.lower() in UNNAMED_SOURCES:
        return None
    # An English phrase that ran into a clause or a verb is no speaker: "The inquiry heard that he had
    # warned …" (what he warned of is reported, by no one named here), "the club was told to close"
    # (told to the club, not by it), "the other guests are said to have …".
    words = cleaned.split()
    # English "I" only as a capital: a small "i" is the Italian plural article ("tutti i sindaci").
    if any(word.lower() in _NO_SPEAKER_WORDS_EN or word == "I" for word in words[1:]):
        return None
    # A German article before a preposition opens an attribute, not a speaker: "heißt es in einer am
    # Montag verschickten Mitteilung" gave the speaker "einer am Montag"; and no weekday speaks ("the
    # mayor on Monday"). A weekday's name after a capitalised word is a surname ("Eva Sonntag", "Thomas
    # Freitag"): only one first or after a small word (a preposition, an article) is the day.
    if len(words) > 1 and words[0].lower() in DETERMINERS and words[1] in _PREPOSITIONS_DE:
        return None
    if any(
        word.lower() in _WEEKDAYS and (i == 0 or words[i - 1][:1].islower()) for i, word in enumerate(words)
    ):
        return None
    # "… und seinen Beifahrer den Angaben zufolge …": a name run over "den" (a particle of Dutch
    # names) up to an unnamed source; the speaker was "Beifahrer den Angaben", and of what followed
    if (
        re.search(r"(?:^|\s)(?:den|der|dem)\s+\S+$", cleaned)
        and cleaned.split()[-1].lower() in UNNAMED_SOURCES
    ):
        return None
    # "according to <Given> <Family>'s report of …": the phrase lost its noun at the possessive; the
    # person speaks (one word is left: "<Place>'s" lost "health ministry", no document)
    if re.fullmatch(r"(?:[A-ZÄÖÜ][\w\-]*\s+)+[A-ZÄÖÜ][\w\-]*['’]s", cleaned):
        cleaned = cleaned[:-2]
    # A determiner capitalised only because it opens the sentence is written in lower case.
    if first in DETERMINERS and " " in cleaned:
        cleaned = first + cleaned[len(first) :]
    return cleaned


_ROMANCE_NAME = re.compile(NAME)
_ROMANCE_COMPLEMENT = re.compile(ROMANCE_COMPLEMENT)


def _romance_speaker_span(text: str, m: re.Match[str]) -> tuple[int, int]:
    """Where a French, Spanish or Italian speaker stands: the name between commas after a role ("La
    maire de Valmont, <Name>, a annoncé …": the person, not the office), else the noun phrase, read on
    over its complement where it ends in a lower-case noun ("la directrice de l'hôpital", "un portavoz
    de la Guardia Civil", "i vigili del fuoco")."""
    apposed = m.groupdict().get("apposed")
    if apposed is not None and _ROMANCE_NAME.fullmatch(apposed.strip()):
        lead = len(apposed) - len(apposed.lstrip())
        return m.start("apposed") + lead, m.start("apposed") + len(apposed.rstrip())
    begin, end = m.start("np"), m.end("np")
    if text[begin:end].rsplit(maxsplit=1)[-1][:1].islower():
        complement = _ROMANCE_COMPLEMENT.match(text, end)
        if complement is not None:
            end = complement.end()
    return begin, end


@cache
def _relative_clause(lang: str) -> re.Pattern[str] | None:
    """A relative clause between commas right before a speech verb: ", who appeared with <Name>," in
    "<Name>, who appeared with <Name>, said" (None for a language whose speakers are not read)."""
    pronouns = RELATIVE_PRONOUNS.get(lang)
    if pronouns is None:
        return None
    if lang in ROMANCE:
        words = ATTRIBUTION_WORDS[lang]
        verb = rf"(?:(?:{words.auxiliary})\s+)?(?:{words.speech})"
    else:
        verb = rf"(?:(?:hat|hatte|has|had)\s+)?{ADVERB_EN}(?:{SPEECH})"
    part = r"[^,;:.!?„“”\"»«]*"
    return re.compile(rf",\s+(?:{pronouns})\b{part}(?:,{part})*?,(?=\s+{verb}\b)")


def find_speaker(
    text: str, quoted: Sequence[tuple[int, int]], lang: str = "de"
) -> tuple[str, int, int] | None:
    """The speaker named next to a speech verb or attribution phrase, with its offsets in ``text``.

    A name inside a relative clause between the speaker and the verb is not the speaker ("<Minister>,
    who appeared with <President>, said": the minister): where the speaker found lies in such a
    clause, or none is found, the clause is read as blank."""
    found = _find_speaker(text, quoted, lang)
    clause = _relative_clause(lang)
    if clause is None:
        return found
    clauses = [
        (m.start(), m.end())
        for m in clause.finditer(text)
        # "…, his spokesman, <Name>, told": a name alone before the verb is the speaker's apposition
        if outside_quotes(quoted, m.start(), m.end())
        and not _ROMANCE_NAME.fullmatch(m.group(0)[:-1].rsplit(",", 1)[-1].strip())
    ]
    if not clauses or (found is not None and outside_quotes(clauses, found[1], found[2])):
        return found
    again = _find_speaker(mask_quotations(text, clauses), quoted, lang)
    if again is None or not outside_quotes(clauses, again[1], again[2]):
        return found
    return text[again[1] : again[2]], again[1], again[2]


# A German name before an apposition is the subject of the verb after it ('<Name>, Vorsitzende des
# „<Verein>“, fordert die Schließung …': the speaker, not the object after the verb) only where it
# opens the clause and the words between the commas can be a noun phrase. After a comma it is an item
# of a list ('…, Samos, Chios oder Lesbos, teilte die Küstenwache mit'); an answer particle, an
# adverb or a preposition is no subject ('Nein, kein Bier, sagt der Wirt'); and a clause between the
# commas, with a finite verb and no relative pronoun opening it, is what was said ('Öl und Kupfer
# sollten steigen, sagen Experten'). Our own reading of German word order, on invented sentences.
_NOT_SUBJECTS_DE = frozenset({"PTKANT", "ADJD", "ADV", "APPR", "KOUS", "KON", "ITJ"})
_NOT_APPOSITION_OPENERS_DE = frozenset(
    "es er sie ich wir ihr man kein keine keinen keiner als dass wenn weil ob wie so und aber oder doch "
    "ja nein nicht".split()
)
_FINITE_DE = frozenset({"VVFIN", "VAFIN", "VMFIN"})
_QUOTE_MARK = re.compile(r"[„“”\"»«]")
_RELATIVE_DE = re.compile(rf"(?:{RELATIVE_PRONOUNS['de']})\b")


def _apposed_subject_de(text: str, m: re.Match[str], pattern: re.Pattern[str]) -> bool:
    """Whether an apposition pattern's match in German names the subject of its verb (see above)."""
    before = text[: m.start()].strip()
    # German writes a role capitalised: lower-case words before the name are no role
    if (before and before[-1] not in ":„»(") or (
        pattern is _APPOSITION and text[m.start() : m.start("np")].strip()
    ):
        return False
    opener = (text[m.start() : m.start("np")] if pattern is _NAME_APPOSITION else m.group("np")).split()
    if opener and word_tags(opener[0], "de")[0] in _NOT_SUBJECTS_DE:
        return False
    if pattern is not _APPOSITION:
        return True
    between = text[m.end("np") : m.start("verb")].strip(" ,")
    words = between.split()
    if not words or words[0].casefold() in _NOT_APPOSITION_OPENERS_DE:
        return False
    return bool(_RELATIVE_DE.match(between)) or not any(
        w[:1].islower() and word_tags(w.strip(".,;:()"), "de")[0] in _FINITE_DE for w in words
    )


# A subject pronoun right before a German verb: the noun phrase after the verb is its object ("Zudem
# äußerte sie den Wunsch, …" gave the speaker "den Wunsch").
_PRONOUN_BEFORE_VERB_DE = re.compile(r"\b(?i:er|sie|es|ich|wir|man)\s+$")
# The word classes of a German word that opens a sentence before its verb and is no noun: an adjective
# or adverb used as one ("Knapp antwortete …" is read by the tags: a surname first).
_NOT_NOUNS_DE = frozenset({"ADJD", "ADV"})


def _no_german_speaker(text: str, m: re.Match[str], pattern: re.Pattern[str], name: str) -> bool:
    """A German speaker found by ``pattern`` that is none: the object of a verb a pronoun governs, or
    one word that is no noun and no name before its verb ("Kritisch äußerte sich die Reederei": the
    company speaks, not "Kritisch")."""
    if pattern is _AFTER_VERB and _PRONOUN_BEFORE_VERB_DE.search(text, 0, m.start("verb")):
        return True
    return " " not in name and word_tags(name, "de")[0] in _NOT_NOUNS_DE


def _find_speaker(
    text: str, quoted: Sequence[tuple[int, int]], lang: str = "de"
) -> tuple[str, int, int] | None:
    if lang in ROMANCE:
        romance = _romance_patterns(ATTRIBUTION_WORDS[lang])
        for pattern in (romance.after_verb_name, romance.according, romance.before_verb, romance.after_verb):
            for m in pattern.finditer(text):
                if not outside_quotes(quoted, m.start("np"), m.end("np")):
                    continue
                # the speaker follows the verb only after what was said ('», a déclaré le maire'):
                # "un finaliste a déclaré une forte fièvre" has its object there, not a speaker
                if pattern in (
                    romance.after_verb_name,
                    romance.after_verb,
                ) and not romance.inversion.search(text, 0, m.start()):
                    continue
                span_start, span_end = _romance_speaker_span(text, m)
                name = _clean_speaker(text[span_start:span_end])
                if name is None or name.split()[0].lower() in romance.pronouns:
                    continue
                start = span_start + text[span_start:span_end].lower().index(name.split()[0].lower())
                return name, start, start + len(name)
    if _SAYS_IT_DE.search(text):
        for m in _DOCUMENT_SAYS_DE.finditer(text):
            if _document_word(m.group("document")) and outside_quotes(quoted, m.start("np"), m.end("np")):
                issuer = _clean_speaker(m.group("np"))
                if issuer is not None:
                    return issuer, m.start("np"), m.start("np") + len(issuer)
    outlet = _OUTLET_IN_QUOTES_DE.search(text)
    if outlet is not None and _clean_speaker(outlet.group("np")) is not None:
        return outlet.group("np"), outlet.start("np"), outlet.end("np")
    patterns = (
        _ACCORDING_EN, _LAUT, _ZUFOLGE, _WIE_X, _SO_X, _BEFORE_VERB, _AFTER_VERB, _BERICHTET_X,
        _HEISST_ES_AUS, _AUS_X_HEISST_ES,
    )  # fmt: skip
    for pattern in (
        *patterns,
        _BEFORE_ROLE_EN,
        _AFTER_ROLE_EN,
        _NAME_APPOSITION,
        _APPOSITION,
        _UNNAMED_APPOSITION_EN,
        _OFFICE_HOLDER_EN,
        _START_ROLE_EN,
        _POSSESSIVE_SPEAKER_EN,
        _GROUP_BEFORE_VERB_EN,
        _GROUP_AFTER_VERB_EN,
        _GROUP_START_EN,
        _TITLED_RUN_EN,
    ):
        for m in pattern.finditer(text):
            if not outside_quotes(quoted, m.start("np"), m.end("np")):
                continue
            if pattern is _TITLED_RUN_EN:
                titled = _titled_name(m)
                if titled is None:
                    continue
                return titled
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
            if pattern is _ACCORDING_EN:
                raw = _before_clause_en(raw)
            if pattern is _AFTER_VERB and not _ENGLISH_VERB.fullmatch(m.group("verb")):
                raw = _before_the_one_told(text, m.start("np"), raw)
            if pattern is _BERICHTET_X or (
                pattern is _AFTER_VERB and m.group("verb").startswith(("bericht", "report"))
            ):
                # "berichtet <Outlet> von <Sachen>" reports about them: "von" opens no genitive here
                # (the speaker was "<Outlet> von mehreren Bränden", also of the sentences after it)
                raw = re.split(r"\s+(?:von|vom|über|about|of)\s+", raw, maxsplit=1)[0]
            # '<Name>, a historian at …, said the strike lasting so long …', '<Name>, Vorsitzende des
            # „<Verein>“, fordert die Schließung …': the name before its apposition is the subject of
            # this verb, so nothing after it is the speaker
            english_verb = bool(_ENGLISH_VERB.fullmatch(m.groupdict().get("verb") or ""))
            if pattern in (_AFTER_VERB, _AFTER_ROLE_EN, _GROUP_AFTER_VERB_EN) and any(
                a.start("verb") == m.start("verb")
                and (english_verb or lang != "de" or _apposed_subject_de(text, a, apposition))
                for apposition in (_APPOSITION, _NAME_APPOSITION, _UNNAMED_APPOSITION_EN)
                for a in apposition.finditer(text)
            ):
                continue
            # a name in quotation marks lets an apposition run over what was said ('…, Schmerzen,
            # Schwindel. „Das ist harmlos“, sagt der Arzt'): then only the shape of one counts
            if (
                pattern in (_APPOSITION, _NAME_APPOSITION)
                and lang == "de"
                and not english_verb
                and _QUOTE_MARK.search(m.group(0))
                and not _apposed_subject_de(text, m, pattern)
            ):
                continue
            if pattern in (_AFTER_VERB, _AFTER_ROLE_EN, _GROUP_AFTER_VERB_EN) and _ENGLISH_VERB.fullmatch(
                m.group("verb")
            ):
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
            # "<Name>, Bürgermeisterin von Lindau, sagte": a role between the commas is no name ("Dr."
            # opens one)
            if pattern is _NAME_APPOSITION and is_title(raw.split()[0]) and not raw.split()[0].endswith("."):
                continue
            name = _clean_speaker(raw)
            if name is None or (lang == "de" and _no_german_speaker(text, m, pattern, name)):
                continue
            start = m.start("np") + raw.lower().index(name.split()[0].lower())
            # "according to a statement from the port authority": who issued it speaks
            who = _who_speaks(name)
            if who is None:
                continue
            if who != (0, len(name)):
                issued = _clean_speaker(name[who[0] : who[1]])
                if issued is None:
                    continue
                return issued, start + who[0], start + who[0] + len(issued)
            # "the Harbour Institute's Tom Reyes": the person after the possessive organisation
            owner = _POSSESSED_NAME.search(name)
            if owner is not None and _person_like(owner.group("name")):
                start += owner.start("name")
                name = owner.group("name")
            epithet = (
                _NAME_AFTER_EPITHET.match(text, start + len(name)) if _POSSESSIVE.fullmatch(name) else None
            )
            if epithet is not None:
                person = epithet.group("name").rstrip(".,;:")
                return person, epithet.start("name"), epithet.start("name") + len(person)
            end = _after_coordinated_role(text, start + len(name))
            if end is not None:
                name = text[start:end]
            if pattern in (_AFTER_VERB, _SO_X):
                person = _person_after_role(text, name, start + len(name))
                if person is not None:
                    return person
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


# A German speech verb names the one told in the dative: '„…“, sagte <Name> der Lokalzeitung'. The
# feminine "der" read as a genitive (or as the name particle of "Van der …") and the speaker ran on
# into the paper, also as the speaker of the sentences after it. Where the words after "der" name a
# medium (``outlet_names.is_medium_noun``, a known agency of ``sources``) the speaker ends before them;
# a role at a medium keeps its genitive ("die Chefredakteurin der <Zeitung>"). Our own word list.
_TOLD_DE = re.compile(r"\s+der\s+")
_WORDS_TOLD = re.compile(r"[^\s,;:.!?()„“”\"»«]+")
_ROLE_AT_A_MEDIUM = re.compile(
    r"(?i:redakteur|herausgeber|verleger|intendant|korrespondent|reporter|journalist|kolumnist|autor|"
    r"mitarbeiter|chef|leiter|gründer)"
)


def _before_the_one_told(text: str, start: int, raw: str) -> str:
    """``raw`` (the speaker's phrase found at ``start`` in ``text`` after a German speech verb) up to
    a dative "der" that names a medium, else ``raw``."""
    for told in _TOLD_DE.finditer(raw):
        head = raw[: told.start()].split()
        if not head or head[-1].lower() in DETERMINERS or _ROLE_AT_A_MEDIUM.search(head[-1]):
            continue
        after = text[start + told.end() :]
        phrase = re.split(r"[,;:.!?()„“”\"»«]", after, maxsplit=1)[0]
        words = [w.group() for w in _WORDS_TOLD.finditer(phrase)]
        if opens_with_known_source(after) or any(is_medium_noun(word) for word in words[:4]):
            return raw[: told.start()]
    return raw


def _titled_name(found: re.Match[str]) -> tuple[str, int, int] | None:
    """The person after the last title of a long capitalised run (``_TITLED_RUN_EN``) with its offsets:
    two or three words, none a title; else None (the run names no person after a title)."""
    words = list(_SPEAKER_WORD.finditer(found.group("np")))
    last = max((n for n, w in enumerate(words) if is_title(w.group())), default=-1)
    name = words[last + 1 :]
    if last < 0 or not 2 <= len(name) <= 3 or any(is_title(w.group()) for w in name):
        return None
    start, end = found.start("np") + name[0].start(), found.start("np") + name[-1].end()
    return found.string[start:end], start, end


# '…, sagte der Sprecher des Verbands, <Name>.', '…, sagte <Land>s Handelsdelegierter in <Stadt>,
# <Name>.': the person named at the end of the sentence after the role and a comma.
_NAME_CLOSING = re.compile(rf"(?:\s+[^,;:„“”\"»«()]{{1,40}}?)?,\s+(?P<name>{NAME})\s*(?:[.!?]\s*)?$")


def _person_after_role(text: str, speaker: str, end: int) -> tuple[str, int, int] | None:
    """The person's name (with its offsets) that closes the sentence after a speaker named by a role,
    where that name begins with a given name and the role holds none; else None."""
    found = _NAME_CLOSING.match(text, end)
    if found is None:
        return None
    name = found.group("name").rstrip(".,;:")
    given = gz.given_names()
    if name.split()[0] not in given or len(name.split()) < 2 or any(w in given for w in speaker.split()):
        return None
    return name, found.start("name"), found.start("name") + len(name)


# 'sagte <Stadt>s „<Beiname>“ <Name>': the possessive place alone was the speaker (and its key the
# place's); the person is the name after the quoted epithet.
_POSSESSIVE = re.compile(r"[A-ZÄÖÜ][\w\-]*s")
_NAME_AFTER_EPITHET = re.compile(rf"\s+[„“\"»‚][^„“”\"«»‚‘\n]{{1,40}}[“”\"«‘]\s+(?P<name>{NAME})")


_AND_ROLE = re.compile(rf"\s+(?:und|and)\s+(?P<roles>(?:{CAP}\s+){{1,2}}?)(?P<name>{NAME})")


def _after_coordinated_role(text: str, end: int) -> int | None:
    """Where the name ends after a second role joined to the speaker's first ("sagte <Land>s
    Ministerpräsident und Parteichef <Name>": the speaker ended at the first role, and so was the
    place and its office, not the person), else None. Only when the words before ``end`` end in a role
    and the words after "und" up to the name are roles."""
    before = text[:end].split()
    found = _AND_ROLE.match(text, end)
    if not before or not is_title(before[-1].rstrip(".,;:")) or found is None:
        return None
    if not all(is_title(word) for word in found.group("roles").split()):
        return None
    name = found.group("name").rstrip(".,;:")
    if is_title(name.split()[0]):
        return None
    return found.start("name") + len(name)


# A word that opens a new noun phrase or clause; within one noun phrase it follows a preposition
# ("the head of the ministry").
_CLAUSE_OPENERS_EN = frozenset(
    "the a an this that these those he she it they we i you his her its their our there".split()
)
_NP_PREPOSITIONS_EN = frozenset("of for from with at by to".split())


def _before_clause_en(phrase: str) -> str:
    """The noun phrase after "according to" up to where the reported clause starts without a comma:
    "witnesses the lorry did not stop" → "witnesses" (the whole clause was the speaker); "the head
    of the harbour board" stays whole."""
    words = phrase.split()
    for i in range(1, len(words)):
        if words[i].lower() in _CLAUSE_OPENERS_EN and words[i - 1].lower() not in _NP_PREPOSITIONS_EN:
            return " ".join(words[:i])
    return phrase


_SPEAKER_WORD = re.compile(r"[^\s,;:]+")
_NAME_AFTER = re.compile(rf"(?P<dot>\.?)\s+(?P<name>{NAME})")


def _name_after_titles(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of the person's name after the titles in an English speaker ``text[start:end]``
    ("Coast Guard Lt. Maria Voss", "Fire Chief Tom Reyes"), else None.

    The name is read on from the last title, also past ``end``: a noun phrase holds at most four
    capitalised words, and "U.S. Army Maj. Gen. Ann Lee" ended at "Gen.", so the speaker was the
    organisation before the titles. Only after an abbreviated title ("Lt.") or before a given name:
    "General Motors said" keeps its "General".
    """
    words = list(_SPEAKER_WORD.finditer(text, start, end))
    last = max((n for n, w in enumerate(words) if is_title(w.group())), default=-1)
    if last < 0:
        return None
    found = _NAME_AFTER.match(text, words[last].end())
    if found is None:
        return None
    title = words[last].group()
    abbreviated = title.endswith(".") or bool(found.group("dot")) or gz.is_rank_abbreviation(title)
    name = found.group("name").rstrip(".,;:")
    if not (abbreviated or name.split()[0] in gz.given_names()) or is_title(name.split()[0]):
        return None
    return found.start("name"), found.start("name") + len(name)


# "he said", "said she", "sagte er", "Sie erklärte": a single person referred to by a pronoun as the
# speaker ("sie" only before or after a verb in the singular: "sagten sie" are several).
_PRONOUN_SPEAKS = re.compile(
    # "said he." inverts; "said he would …" is what was said, about someone
    rf"\b(?:(?i:he|she)\s+(?:(?:has|had)\s+)?(?:{SPEECH_EN})|(?:{SPEECH_EN})\s+(?:he|she)(?=\s*[.,;:!?]|\s*$)"
    rf"|(?:[Ee]r|[Ss]ie)\s+(?P<de_after>{SPEECH_DE})|(?P<de_before>{SPEECH_DE})\s+(?:er|sie))\b"
)


# "according to him", "Ihm zufolge", "selon elle", "según él", "secondo lui": a pronoun as the source
_PRONOUN_SOURCE = re.compile(
    r"\b(?:(?i:according\s+to)\s+(?:him|her)|(?i:ihm|ihr)\s+zufolge|(?i:selon|d['’]après)\s+(?:lui|elle)"
    r"|(?i:según)\s+(?:él|ella)|(?i:secondo)\s+(?:lui|lei))\b"
)


@cache
def _romance_pronoun_speaks(lang: str) -> re.Pattern[str]:
    """A French pronoun at a speech verb ("a-t-il déclaré", "ajoute-t-elle", "il a précisé"); in the
    languages that leave the subject out, a speech verb with none right after a quotation ('"…",
    declaró.', '"…", ha detto.')."""
    words = ATTRIBUTION_WORDS[lang]
    speech = words.speech
    if lang == "fr":
        return re.compile(
            rf"(?:-t-(?:il|elle)\s+(?:{speech})|\b(?:{speech})-t-(?:il|elle)"
            rf"|\b(?i:il|elle)\s+(?:{words.auxiliary}\s+)?(?:{speech}))\b"
        )
    return re.compile(rf"[,“”\"»«]\s*(?:(?:{words.auxiliary})\s+)?(?:{speech})\s*[.!]?\s*$")


def pronoun_speech_at(text: str, quoted: Sequence[tuple[int, int]], lang: str = "de") -> int | None:
    """Where ``text`` names its speaker by "he"/"she" ("er"/"sie", "il"/"elle", a Spanish or Italian
    verb without a subject) at a speech verb, or by "according to him", outside the quotations
    ``quoted`` (offsets into ``text``): the start of the first such words, or None."""
    found: list[int] = []
    for m in _PRONOUN_SOURCE.finditer(text):
        if outside_quotes(quoted, m.start(), m.end()):
            found.append(m.start())
            break
    if lang in ROMANCE:
        for m in _romance_pronoun_speaks(lang).finditer(text):
            if outside_quotes(quoted, m.start(), m.end()):
                found.append(m.start())
                break
    for m in _PRONOUN_SPEAKS.finditer(text):
        if not outside_quotes(quoted, m.start(), m.end()):
            continue
        verb = m.group("de_after") or m.group("de_before")
        if verb is not None and "sie" in m.group(0).lower().split() and verb.endswith("en"):
            continue  # "sie sagten": they
        found.append(m.start())
        break
    return min(found) if found else None


# (compiled once at import: compiled per call it fell out of ``re``'s cache of 512 patterns and was
# parsed again, tens of times per story)
_SPEECH_CUE = re.compile(rf"\b(?:{SPEECH}|so|laut|according\s+to)\b|:\s*$")


@cache
def _speech_cue(lang: str) -> re.Pattern[str]:
    """The speech cue of ``lang``: in French, Spanish, Italian and Portuguese also their own verbs and
    present forms ("assure", "cuenta"), words of other languages too."""
    if lang not in ROMANCE:
        return _SPEECH_CUE
    words = ATTRIBUTION_WORDS[lang]
    return re.compile(rf"\b(?:{SPEECH}|{words.speech}|{words.according})\b|:\s*$")


def has_speech_verb(text: str, quoted: Sequence[tuple[int, int]], lang: str = "de") -> bool:
    return any(outside_quotes(quoted, m.start(), m.end()) for m in _speech_cue(lang).finditer(text))


def speaker_identity(speaker: str) -> str:
    """One speaker however written: case folded and without an article before its noun, so that "die
    Feuerwehr", "Feuerwehr" ("laut der Feuerwehr") and "der Feuerwehr" ("der Feuerwehr zufolge") are one
    voice, as "Police" and "police" are."""
    words = speaker.casefold().split()
    if len(words) > 1 and words[0] in DETERMINERS:
        words = words[1:]
    return " ".join(words)


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
# The nouns by which a place speaks as itself: "die Stadt <Town>", "der Landkreis <Name>", "the City of
# <Name>". Any other noun before a place is an office of it ("das Ordnungsamt <Town>", "eine Sprecherin
# des Landratsamts <Town>"), which speaks, not the place: it was keyed as the place, and the voices
# listed the town (eighteenth session). Our own list.
_PLACE_ITSELF = frozenset(
    "stadt gemeinde landkreis kreis land bundesland freistaat kanton bezirk region provinz staat republik "
    "marktgemeinde hansestadt city town state county province region municipality".split()
)
_DETERMINER_OR_OF = DETERMINERS | {"of", "von", "des", "der"}


def _office_noun_last(words: Sequence[str]) -> bool:
    """Whether the last of ``words`` that is no article or "of" is a capitalised noun of no place itself
    (in German also in the genitive: "Landratsamts", "Kreises" is the place)."""
    nouns = [w for w in words if w.lower() not in _DETERMINER_OR_OF]
    if not nouns or not nouns[-1][:1].isupper():
        return False
    word = nouns[-1].lower()
    return not {word, word[:-1], word[:-2]} & _PLACE_ITSELF


def _office_before_place(speaker: str, place: Mention) -> bool:
    """Whether ``speaker`` ends in the place ``place`` names after a noun of no place itself
    ("Ordnungsamt <Town>", not "Stadt <Town>")."""
    if place.type != "LOC" or not speaker.endswith(place.text):
        return False
    return _office_noun_last(speaker[: len(speaker) - len(place.text)].split())


def _office_of_place(speaker: str, start: int, place: Mention) -> bool:
    """``_office_before_place`` for a mention inside ``speaker``, which starts at offset ``start``."""
    return place.type == "LOC" and _office_noun_last(speaker[: max(0, place.start - start)].split())


def speaker_entity_key(
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
        reaching = [m for m in named if m.end > last_word and not _office_of_place(speaker, span[0], m)]
        # the longest overlap; of two as long, the one that reaches the last word: "Harbour Board spokesman
        # <Name>" is the person at the end, not an organisation the rules took for a name
        best = max(
            people or reaching,
            key=lambda m: (min(m.end, span[1]) - max(m.start, span[0]), m.end > last_word),
            default=None,
        )
        if best is not None:
            return best.key
    lowered = speaker.lower()
    last = lowered.split()[-1]
    for m in (*own, *nearby):
        text = m.text.lower()
        if text == lowered or (lowered.endswith(" " + text) and not _office_before_place(speaker, m)):
            return m.key
    # the family name alone, or after titles and roles ("Mayor Reyes", "der Bürgermeister Reyes"): a
    # given name the person's name does not hold is another person ("Lena Reyes" was keyed as the Tom
    # Reyes the article tagged, and her quotes were his)
    given = [w for w in speaker.split()[:-1] if w in gz.given_names()]
    for m in (*own, *nearby):
        if m.type == "PER" and m.text.lower().split()[-1] == last and all(w in m.text.split() for w in given):
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
