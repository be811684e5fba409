"""Named entities (PER, ORG, LOC, OTH): a trained tagger for German, hand-written rules for English,
French and Spanish.

German sentences are tagged by the CRF in ``ner_tagger`` (trained on the tuning part of GermEval
2014 dev), which reads what the rules below say as one of its features; English sentences are
tagged by the rules alone, with HanTa's English tags. French and Spanish ones are read by the same
rules without any part-of-speech model: a capitalised word inside a sentence is a name, one that
opens a sentence only when simplemma's dictionary of the language does not know it as a word, and
lowercase joiners ("Agencia Estatal de Meteorología", "Montignac-sur-Loue") stay inside a name
(they went through the German tagger, which read "Quarante" as a place).

Rule evidence, strongest first: gazetteers of places and well-known
organisations; organisation heads ("Universität X", "X AG"); role and title cues before a person
("Außenminister X", "Mr X", "sagte X"); given names; name particles (von, al-, bin); titles of
works in quotes (OTH); HanTa's proper-noun tag for the rest. German capitalises every noun, so
there capitalisation alone is never evidence. Within an article, a name found once with evidence
is found again everywhere, and a surname alone joins its full name.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import cast

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.coreference import assign_keys, name_parts, unify_entity_keys
from blickwinkel.analyse.lemmas import is_known, word_tags
from blickwinkel.analyse.named_things import is_structure_noun, names_a_structure, retype_named_things
from blickwinkel.analyse.ner_tagger import VectorWorker, crf_tags_batch, spawn_vectors, start_vectors
from blickwinkel.analyse.numbers import LABEL_WORDS
from blickwinkel.model import Article, EntityType, Mention, Sentence, Token
from blickwinkel.text.months import month_numbers
from blickwinkel.text.weekdays import weekday_numbers

__all__ = [
    "EntitySpan",
    "add_story_surnames",
    "find_entities",
    "recognise",
    "rule_spans",
    "tag_tokens",
    "unify_entity_keys",
]
ENTITY_TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})

_PROPER = frozenset({"NE", "NP0"})
_FINITE_OR_PRONOUN = frozenset({"VVFIN", "VAFIN", "VMFIN", "PPER", "PRF", "PPOSAT", "VVD", "VVZ", "VBZ"})
_FUNCTION_TAGS = frozenset(
    {"ART", "APPR", "APPRART", "KON", "KOUS", "PPER", "PDS", "PDAT", "PIS", "PIAT", "PRELS", "PWS", "PWAV",
     "PROAV", "ADV", "PTKNEG", "VAFIN", "VMFIN", "KOKOM", "PPOSAT", "AT0", "PRP", "CJC", "CJS", "PNP",
     "DT0", "AV0", "DPS", "PRF", "FUNC"}
)  # fmt: skip
# HanTa's English tags of adjectives and common nouns (AJ0, AJC, NN1, NN2 …).
_COMMON_TAGS = ("AJ", "NN")
_QUOTES = frozenset({'"', "„", "“", "”", "«", "»", "‚", "‘", "’", "'", "``", "''"})
_OPENERS = _QUOTES | {"(", ":", "–", "-", "—", "[", "•", "*"}
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ&]{1,5}s?$")
_ROMAN = re.compile(r"^[IVXLC]+\.?$")
_CALENDAR = (
    gz.words("I OK TV")
    | {month.capitalize() for month in month_numbers("en", "full")}
    | {day.capitalize() for day in weekday_numbers("en", "full")}
)
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)
MAX_QUOTED_TITLE = 8
MIN_SHOUTED_WORDS = 3
MIN_ENGLISH_ACRONYM = 3
# A capitalised place of a dateline is at least this long: shorter capitals are acronyms ("USA" is listed).
MIN_DATELINE_CAPITALS = 4


@dataclass(frozen=True)
class EntitySpan:
    """Entity over tokens ``[start, end)``; ``cued`` when more than a bare proper-noun tag says so.

    A ``tentative`` span is a lone proper noun with no evidence of its type: it is kept only where
    the same name is found with evidence elsewhere in the article.
    """

    start: int
    end: int
    type: EntityType
    key: str | None = None
    cued: bool = True
    tentative: bool = False


# Languages read by capitalisation alone (no tagger, no part-of-speech tags).
_CAPITALISING = frozenset({"fr", "es"})
# Articles before a single French or Spanish name: people's names take none, rivers and regions do.
_ROMANCE_ARTICLES = frozenset({"le", "la", "les", "l'", "du", "au", "el", "del", "al"})


def _language(language: str) -> str:
    """``de`` for the tagger; ``en``, ``fr`` and ``es`` for the rules (other languages: the tagger)."""
    code = (language or "de").lower()[:2]
    return code if code == "en" or code in _CAPITALISING else "de"


def _capitalised(word: str) -> bool:
    """Starts with a capital letter, after a name prefix ("al-Mansar")."""
    if word.startswith(gz.NAME_PREFIXES):
        word = word.split("-", 1)[1]
    return bool(word) and word[0].isupper()


def _tags(word: str, lang: str) -> tuple[str, ...]:
    if not word[:1].isalpha():
        return ("$.",)
    if lang in _CAPITALISING:
        if word.lower() in gz.ROMANCE_FUNCTION_WORDS or _elided(word).lower() in gz.ROMANCE_FUNCTION_WORDS:
            return ("FUNC",)
        return ("NP0",) if word[:1].isupper() else ("NN",)
    return word_tags(word, lang)


def _elided(word: str) -> str:
    """The word after a French elided article or preposition ("L'eau" -> "eau", "d'Orléans")."""
    for mark in ("'", "’"):
        head, found, rest = word.partition(mark)
        if found and rest and head.lower() in {"l", "d", "qu", "j", "n", "s", "c", "m", "t"}:
            return rest
    return word


class _Sentence:
    """Per-sentence working state of the recogniser."""

    def __init__(self, tokens: Sequence[str], lang: str) -> None:
        self.tokens = list(tokens)
        self.lang = lang
        self.taken = [False] * len(tokens)
        self.spans: list[EntitySpan] = []
        self._tags: dict[int, tuple[str, ...]] = {}

    def tags(self, i: int) -> tuple[str, ...]:
        if i not in self._tags:
            self._tags[i] = _tags(self.tokens[i], self.lang)
        return self._tags[i]

    def word(self, i: int) -> str:
        return self.tokens[i] if 0 <= i < len(self.tokens) else ""

    def initial(self, i: int) -> bool:
        return i == 0 or self.tokens[i - 1] in _OPENERS or self.tokens[i - 1] in {".", "!", "?"}

    def free(self, start: int, end: int) -> bool:
        return 0 <= start < end <= len(self.tokens) and not any(self.taken[start:end])

    def add(
        self,
        start: int,
        end: int,
        type_: EntityType,
        key: str | None = None,
        *,
        cued: bool = True,
        tentative: bool = False,
    ) -> None:
        self.spans.append(EntitySpan(start, end, type_, key, cued, tentative))
        for i in range(start, end):
            self.taken[i] = True

    def function_word(self, i: int) -> bool:
        """A capitalised word that is only capitalised because it opens a sentence or shouts ("DIE")."""
        word = self.tokens[i]
        # a month or weekday in capitals ("OSLO, NORWAY - MAY 17: …") was an organisation
        if word in _CALENDAR or (word.isupper() and word.title() in _CALENDAR) or _ROMAN.match(word):
            return True
        if word.isupper() and len(word) > 1:
            lowered = _tags(word.lower(), self.lang)
            return lowered[0] in _FUNCTION_TAGS
        return self.tags(i)[0] in _FUNCTION_TAGS

    def shouting(self, i: int) -> bool:
        """Part of an all-caps phrase ("DIE REGIERUNG TAGTE"), where caps say nothing about names."""
        neighbours = [self.word(i - 1), self.word(i + 1)]
        return any(len(w) > 1 and w.isalpha() and w.isupper() for w in neighbours)

    def abbreviation(self, i: int) -> bool:
        word = self.tokens[i]
        if not _ABBREVIATION.match(word) or self.function_word(i) or self.shouting(i):
            return False
        return _tags(word.lower(), self.lang)[0] not in _FINITE_OR_PRONOUN

    def proper(self, i: int) -> bool:
        """Strong evidence that token ``i`` is (part of) a name."""
        word = self.tokens[i]
        if not _capitalised(word) or self.function_word(i):
            return False
        if word.startswith(gz.NAME_PREFIXES) or word in gz.given_names():
            return True
        if self.lang in _CAPITALISING:
            if gz.is_person_cue(word) or word in gz.ORG_HEADS or word in gz.ROMANCE_ORG_HEADS:
                return False
            # a word that opens the sentence is a name only where the dictionary does not know it
            return not self.initial(i) or not is_known(_elided(word).lower(), self.lang)
        tags = self.tags(i)
        if self.lang == "en":
            return "NP0" in tags[:2] and not gz.is_person_cue(word) and word not in gz.ORG_HEADS
        return tags[0] in _PROPER

    def common_word_alone(self, i: int) -> bool:
        """An English word capitalised only because it opens a sentence or a heading ("Federal
        officials said …", "Section 3"): in lower case a common adjective or noun, and followed by a
        lower-case noun or adjective or by a number, so it starts no longer name. Surnames the
        dictionary reads as names first ("Smith") and any word before a verb ("Brown said") stay."""
        if self.lang != "en" or not self.initial(i):
            return False
        word = self.tokens[i]
        if word in gz.given_names() or not _tags(word.lower(), "en")[0].startswith(_COMMON_TAGS):
            return False
        following = self.word(i + 1)
        if following[:1].isdigit():
            return True
        return following[:1].islower() and _tags(following, "en")[0].startswith(_COMMON_TAGS)

    def name_like(self, i: int) -> bool:
        """Weak evidence: a capitalised word that may continue a name already started."""
        word = self.tokens[i]
        return _capitalised(word) and not self.function_word(i) and not gz.is_person_cue(word)


def _lookup(
    table: Mapping[tuple[str, ...], str] | Mapping[tuple[str, ...], gz.Place], words: Sequence[str]
) -> str | gz.Place | None:
    return table.get(tuple(words))


def _match_gazetteers(s: _Sentence) -> None:
    """Longest matches of known organisations and places."""
    orgs, places, others, bodies = gz.organisations(), gz.places(), gz.other_names(), gz.celestial_bodies()
    given = gz.given_names()
    i = 0
    while i < len(s.tokens):
        if s.taken[i] or not _capitalised(s.tokens[i]) or s.function_word(i):
            org_key = orgs.get((s.tokens[i],))  # lowercase acronyms such as "dpa"
            if org_key and not s.taken[i]:
                s.add(i, i + 1, "ORG", org_key)
            i += 1
            continue
        # a title or given name next to a place name makes it a person's name
        person_context = (
            gz.is_person_cue(s.word(i - 1))
            or (s.word(i - 1) in given and not s.taken[i - 1] and s.proper(i))
            or (s.tokens[i] in given and i + 1 < len(s.tokens) and s.proper(i + 1))
            # an English surname that is also a common word: "Adam Stone" was the town "Adam" (the
            # gazetteer's) and a bare "Stone", which then joined another Stone of the story
            or (s.lang == "en" and s.tokens[i] in given and _common_surname(s, i + 1, places, orgs))
            # the surname after a title and a given name the list lacks: "Sir Torvald Preston" is
            # no town of Preston
            or (i >= 2 and gz.is_person_cue(s.word(i - 2)) and s.name_like(i - 1) and not s.taken[i - 1])
        )
        # "the National Farmers' Congress", "People's Hospital": a known one-word name after a
        # capitalised possessive inside the sentence is the end of a longer name, not the
        # legislature or town the word alone names
        inside_possessive = (
            s.lang == "en"
            and i >= 1
            and not s.taken[i - 1]
            and not s.initial(i - 1)
            and _capitalised(s.tokens[i - 1])
            and s.tokens[i - 1].endswith(("'s", "’s", "s'", "s’"))
        )
        for size in range(min(gz.MAX_NAME_TOKENS, len(s.tokens) - i), 0, -1):
            words = s.tokens[i : i + size]
            if size == 1 and inside_possessive:
                break
            other = _lookup(others, words)
            if isinstance(other, str):
                s.add(i, i + size, "OTH", other)
                break
            org = _lookup(orgs, words)
            if isinstance(org, str):
                s.add(i, i + size, "ORG", org)
                break
            if person_context:
                continue
            body = _lookup(bodies, words)
            if isinstance(body, str):
                s.add(i, i + size, "OTH", body)
                break
            place = _lookup(places, words)
            if place is None and (_dateline_capitals(s, i, words) or _place_in_capitals(s, i, words)):
                place = _lookup(places, [w.title() for w in words])
            if isinstance(place, gz.Place):
                if size == 1 and s.initial(i) and not s.proper(i):
                    continue
                if size == 1 and place.kind == "city" and s.common_word_alone(i):
                    continue  # "Federal officials said": a town of that name somewhere, not here
                if size == 1 and place.kind == "city" and s.lang == "en" and _determiner(s.word(i - 1)):
                    continue  # a city's name takes no article: "the Union" is no city
                if size == 1 and s.tokens[i] in gz.ORG_HEADS:
                    continue  # "University", "College" are towns too, but capitalised they head a name
                s.add(i, i + size, "LOC", place.key)
                break
        i = max(i + 1, next((k for k in range(i, len(s.tokens)) if not s.taken[k]), len(s.tokens)))


def _common_surname(
    s: _Sentence, j: int, places: Mapping[tuple[str, ...], gz.Place], orgs: Mapping[tuple[str, ...], str]
) -> bool:
    """Token ``j``, after a given name, reads as a surname though it is a common word ("Stone",
    "Park"): capitalised inside the sentence, no place or organisation head ("Jordan River"), and the
    two words no known place or organisation."""
    if j >= len(s.tokens) or not s.name_like(j) or s.initial(j):
        return False
    word = s.tokens[j]
    pair = (s.tokens[j - 1], word)
    return (
        word.capitalize() not in gz.PLACE_HEADS
        and word not in gz.ORG_HEADS
        and pair not in places
        and pair not in orgs
    )


def _dateline_capitals(s: _Sentence, i: int, words: Sequence[str]) -> bool:
    """A place written in capitals where a dateline names it: "OSLO (Wire) - …", "OSLO, NORWAY - MAY
    17: …". It was an organisation ("org:oslo", read as an acronym) beside the place "Oslo"."""
    return (
        s.lang == "en"
        and (i == 0 or s.tokens[i - 1] == ",")
        and all(w.isalpha() and w.isupper() for w in words)
        and max(len(w) for w in words) >= MIN_DATELINE_CAPITALS
    )


def _place_in_capitals(s: _Sentence, i: int, words: Sequence[str]) -> bool:
    """One English word in capitals inside a sentence that is not set in capitals ("the ferry left
    for LISBON at dawn"): read as its place where the gazetteer knows one and the word in lower case
    is no common word ("BATH", "READING" stay). It was an acronym, an organisation."""
    word = words[0]
    return (
        s.lang == "en"
        and len(words) == 1
        and word.isalpha()
        and word.isupper()
        and len(word) >= MIN_DATELINE_CAPITALS
        and not s.shouting(i)
        and not _tags(word.lower(), "en")[0].startswith(_COMMON_TAGS)
    )


def _determiner(word: str) -> bool:
    """An English article. (For German, cross-validation on the tuning part found the same rule
    lowers the tagger's F1, so its features go without it.)"""
    return word[:1].isalpha() and _tags(word, "en")[0] == "AT0"


def _match_organisation_heads(s: _Sentence) -> None:
    """ "Universität Hamburg", "Deutsche Bank", "Siemens AG", "Partei Die Linke"."""
    romance = s.lang in _CAPITALISING
    for j, word in enumerate(s.tokens):
        if s.taken[j] or not (word in gz.ORG_HEADS or (romance and word in gz.ROMANCE_ORG_HEADS)):
            continue
        start = j
        while start > 0 and not s.taken[start - 1] and s.name_like(start - 1) and not s.initial(start - 1):
            start -= 1
        if start > 0 and s.initial(start - 1) and s.proper(start - 1) and not s.taken[start - 1]:
            start -= 1
        end = j + 1
        while end < len(s.tokens):
            if _person_after_organisation(s, end):
                break
            if s.name_like(end) and (s.proper(end) or s.abbreviation(end) or s.taken[end]):
                end += 1
            elif romance and (after := _joined(s, end)) is not None:
                end = after
            else:
                break
        if start == j and end == j + 1:
            continue
        # names taken by a gazetteer inside ("Universität Hamburg") become part of the organisation
        s.spans = [sp for sp in s.spans if sp.end <= start or sp.start >= end]
        s.taken[start:end] = [False] * (end - start)
        s.add(start, end, "ORG")


def _quoted_titles(s: _Sentence) -> None:
    """Short capitalised phrases in quotes are titles of works, events or products (OTH)."""
    quotes = [i for i, w in enumerate(s.tokens) if w in _QUOTES]
    for open_, close in zip(quotes[::2], quotes[1::2], strict=False):
        start, end = open_ + 1, close
        if not 1 <= end - start <= MAX_QUOTED_TITLE or not _capitalised(s.tokens[start]):
            continue
        inside = range(start, end)
        if any(s.tokens[i] in {".", "!", "?", ","} for i in inside):
            continue
        if any(s.tags(i)[0] in _FINITE_OR_PRONOUN for i in inside if s.tokens[i][:1].isalpha()):
            continue
        if any(sp.start == start and sp.end == end for sp in s.spans):
            continue  # a quoted place or organisation stays what it is
        s.spans = [sp for sp in s.spans if sp.end <= start or sp.start >= end]
        s.taken[start:end] = [False] * (end - start)
        s.add(start, end, "OTH")


def _joined(s: _Sentence, end: int) -> int | None:
    """In French and Spanish, the end of a capitalised word joined on at ``end`` by a hyphen or by
    lowercase joiners ("de", "del", "de la"; "-sur-", "-en-" only between hyphens), else None."""
    k = end
    hyphen = False
    while (
        k < len(s.tokens)
        and k - end < 4
        and (s.tokens[k] == "-" or s.tokens[k].lower() in gz.ROMANCE_NAME_JOINERS)
    ):
        hyphen = hyphen or s.tokens[k] == "-"
        k += 1
    if k == end or k >= len(s.tokens) or s.taken[k] or not s.name_like(k):
        return None
    joiners = [w.lower() for w in s.tokens[end:k] if w != "-"]
    if not hyphen and not set(joiners) <= {"de", "del", "d'", "du", "des", "la", "le", "les"}:
        return None
    return k + 1


def _person_after_organisation(s: _Sentence, i: int) -> bool:
    """An English given name and a surname right after an organisation's name start a person's name:
    a headline's "… Lakeside Church Anna Berg dies" was one name (and gave the person the key of the
    whole run in that article)."""
    return (
        s.lang == "en"
        and i > 0
        and s.tokens[i - 1] in gz.ORG_HEADS
        and s.tokens[i] in gz.given_names()
        and i + 1 < len(s.tokens)
        and s.proper(i + 1)
    )


def _extend_name(s: _Sentence, start: int, person: bool) -> int:
    """End of the name starting at ``start``; particles join only names known to be persons."""
    end = start + 1
    while end < len(s.tokens) and not s.taken[end]:
        word = s.tokens[end]
        if not person and _person_after_organisation(s, end):
            break
        if s.proper(end) or (person and s.name_like(end) and not s.initial(end)):
            # a given name inside makes it a person's name: "Chairman Adam Stone" ended at
            # "Adam", the surname being a common word
            person = person or (s.lang == "en" and word in gz.given_names())
            end += 1
            continue
        if s.lang in _CAPITALISING and not person and (after := _joined(s, end)) is not None:
            end = after
            continue
        if person and word in gz.NAME_PARTICLES:
            k = end
            while k < len(s.tokens) and s.tokens[k] in gz.NAME_PARTICLES:
                k += 1
            if k < len(s.tokens) and not s.taken[k] and s.name_like(k) and k - end <= 2:
                end = k + 1
                continue
        if not person and s.lang == "en" and _capitalised(word) and is_structure_noun(word):
            end += 1  # "the Old Gate": the head of a structure's name ends it
            break
        if _ROMAN.match(word) and person and len(word) > 1:
            end += 1
            continue
        break
    return end


def _not_a_name(s: _Sentence, i: int) -> bool:
    """A common abbreviation ("PDF"), or in English two capitals alone ("NY", "MP", "MPs"): state
    codes, initials and titles more often than organisations, which the gazetteer knows ("EU"); a
    common word capitalised only by its place (:meth:`_Sentence.common_word_alone`); a label before
    its number."""
    word = s.tokens[i]
    if word in gz.NOT_ORGANISATIONS or s.common_word_alone(i):
        return True
    # a label before its number: "Section 3", "Article 5", "Flight 370"
    if s.lang == "en" and word.lower() in LABEL_WORDS and s.word(i + 1)[:1].isdigit():
        return True
    return s.lang != "de" and s.abbreviation(i) and len(word.rstrip("s")) < MIN_ENGLISH_ACRONYM


def _match_names(s: _Sentence) -> None:
    given = gz.given_names()
    i = 0
    while i < len(s.tokens):
        if s.taken[i] or not _capitalised(s.tokens[i]):
            i += 1
            continue
        prev = s.word(i - 1)
        cued = gz.is_person_cue(prev) or prev.lower() in gz.SPEECH_VERBS
        if not (s.proper(i) or (cued and s.name_like(i)) or s.abbreviation(i)):
            i += 1
            continue
        first = s.tokens[i]
        # "Al" or "El" before a name is the Arabic article, not the given name: "Al Khor" was a
        # person, also after "in"
        article = first in _ARABIC_ARTICLES and _capitalised(s.word(i + 1))
        named_person = gz.is_person_cue(prev) or (first in given and not article)
        person = cued or named_person or first.startswith(gz.NAME_PREFIXES)
        end = _extend_name(s, i, person)
        # A name cut short by a place or organisation the gazetteer took first is one name with it,
        # no person's: "says Kestrel Portugal" gave the person "Kestrel" beside the country.
        whole = None if named_person or s.lang != "en" else _taken_rest(s, end)
        if whole is not None:
            s.spans.remove(whole)
            end = whole.end
        words = s.tokens[i:end]
        place_article = article and prev.lower() in gz.PLACE_PREPOSITIONS
        # "says Harbour Board spokesman <Name>": the speech verb cues the name after the role; the words
        # before it name the organisation, not a person
        before_role = (
            s.lang == "en"
            and prev.lower() in gz.SPEECH_VERBS
            and not named_person
            and _role_then_name(s, end)
        )
        if len(words) == 1 and not person and _not_a_name(s, i):
            i += 1
            continue
        type_: EntityType
        strong, tentative = True, False
        if s.word(i - 1) in gz.WORK_CUES and not person:
            type_ = "OTH"
        elif whole is not None:
            place = whole.type == "LOC" and prev.lower() in gz.PLACE_PREPOSITIONS
            type_, strong = ("LOC" if place else "ORG"), False
        elif before_role:
            type_, strong = "ORG", False
        elif len(words) >= 2 and s.lang == "en" and not named_person and (place_article or _structure(words)):
            type_, strong = "LOC", False  # "the Harbour Wall", "Town Hall", "in Al Khor" were persons
        elif person or any(w in gz.NAME_PARTICLES or w.startswith(gz.NAME_PREFIXES) for w in words):
            type_ = "PER"
        elif len(words) == 1 and s.abbreviation(i):
            type_ = "ORG"
        elif len(words) >= 2 and s.lang == "en" and words[-1].capitalize() in gz.PLACE_HEADS:
            type_, strong = "LOC", False  # "Harbour Point" was a person
        elif s.lang in _CAPITALISING and (
            prev.lower() in gz.ROMANCE_PLACE_PREPOSITIONS
            or (len(words) >= 2 and any(w.lower() in gz.ROMANCE_NAME_JOINERS or w == "-" for w in words))
        ):
            type_, strong = "LOC", False  # "à Montignac-sur-Loue", "vecinos de Almenara de Tormes"
        elif s.lang in _CAPITALISING and len(words) == 1 and prev.lower() in _ROMANCE_ARTICLES:
            type_, strong = "LOC", False  # a river or region takes an article: "la Vézère", "del Tormes"
        elif len(words) >= 2:
            type_, strong = "PER", False
        elif prev in gz.PLACE_CUES:
            type_ = "LOC"
        elif prev.lower() in gz.PLACE_PREPOSITIONS or first.lower().endswith(gz.PLACE_SUFFIXES):
            type_, strong = "LOC", False
        else:
            type_, strong, tentative = "PER", False, True
        s.add(i, end, type_, cued=strong, tentative=tentative)
        i = end


_ARABIC_ARTICLES = frozenset({"Al", "El"})


def _structure(words: Sequence[str]) -> bool:
    """An English name that ends in a structure's head: "the Harbour Wall", "Harbour Tower"."""
    first = words[0].lower()
    return names_a_structure(words, first_is_common=_tags(first, "en")[0].startswith(_COMMON_TAGS))


def _taken_rest(s: _Sentence, end: int) -> EntitySpan | None:
    """The span the gazetteer took right after a name that ends at ``end``, where the name reaches it
    without a break (a capitalised word, no punctuation between), else None."""
    if end >= len(s.tokens) or not s.taken[end] or not _capitalised(s.tokens[end]):
        return None
    return next((sp for sp in s.spans if sp.start == end), None)


def _role_then_name(s: _Sentence, end: int) -> bool:
    """One to three lower-case nouns or adjectives right after ``end`` (a role: "spokesman", "chief
    executive") that end in a noun, and a capitalised word after them."""
    k = end
    while k < min(end + 3, len(s.tokens)) and s.tokens[k].isalpha() and s.tokens[k].islower():
        if not _tags(s.tokens[k], "en")[0].startswith(_COMMON_TAGS):
            return False
        k += 1
    return (
        k > end
        and _tags(s.tokens[k - 1], "en")[0].startswith("NN")
        and _capitalised(s.word(k))
        and not s.taken[k]
    )


def rule_spans(tokens: Sequence[str], language: str = "de") -> list[EntitySpan]:
    """Entity spans the hand-written rules find over one sentence's tokens, in token order."""
    s = _Sentence(tokens, _language(language))
    _match_gazetteers(s)
    _match_organisation_heads(s)
    _quoted_titles(s)
    _match_names(s)
    return sorted(s.spans, key=lambda sp: sp.start)


def _known_key(type_: EntityType, words: Sequence[str]) -> str | None:
    """The gazetteer key of a tagged name ("Irak" → ``loc:iq``), if the name is listed."""
    name = tuple(words)
    if type_ == "LOC":
        place = gz.places().get(name)
        if place is None and len(name) == 1 and name[0].endswith("s"):
            place = gz.places().get((name[0][:-1],))  # German genitive: "Frankreichs"
        return place.key if place is not None else None
    if type_ == "ORG":
        return gz.organisations().get(name)
    if type_ == "OTH":
        return gz.other_names().get(name)
    return None


def _tagged_spans(tokens: Sequence[str], tags: Sequence[str]) -> list[EntitySpan]:
    spans: list[EntitySpan] = []
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == current
        if current and not continues:
            type_ = cast(EntityType, current)
            spans.append(EntitySpan(start, i, type_, _known_key(type_, tokens[start:i])))
            current = ""
        if prefix in {"B", "I"} and kind in ENTITY_TYPES and not continues:
            start, current = i, kind
    return spans


def recognise(tokens: Sequence[str], language: str = "de") -> list[EntitySpan]:
    """Entity spans over one sentence's tokens, in token order."""
    return recognise_all([tokens], language)[0]


def _ruled(sentences: Sequence[Sequence[str]], language: str) -> list[bool]:
    """Which sentences the rules alone read (English ones, headlines in capitals); the tagger the others."""
    return [_language(language) != "de" or _shouting(tokens) for tokens in sentences]


def recognise_all(sentences: Sequence[Sequence[str]], language: str = "de") -> list[list[EntitySpan]]:
    """``recognise`` for each sentence; German ones go through the tagger together (faster)."""
    ruled = _ruled(sentences, language)
    tagged = iter(crf_tags_batch([tokens for tokens, r in zip(sentences, ruled, strict=True) if not r]))
    return [
        retype_named_things(
            tokens, rule_spans(tokens, language) if r else _tagged_spans(tokens, next(tagged))
        )
        for tokens, r in zip(sentences, ruled, strict=True)
    ]


def _shouting(tokens: Sequence[str]) -> bool:
    """A headline in capitals ("DIE REGIERUNG TAGTE"): the tagger learnt from mixed-case text, and
    the rules know that capitals say nothing about names there."""
    words = [t for t in tokens if len(t) > 1 and t.isalpha()]
    return len(words) >= MIN_SHOUTED_WORDS and sum(w.isupper() for w in words) * 2 > len(words)


def tag_tokens(tokens: Sequence[str], language: str = "de") -> list[str]:
    """BIO tags (``B-PER``, ``I-LOC``, ``O`` ...) for one sentence, as the evaluator reads them."""
    tags = ["O"] * len(tokens)
    for span in recognise(tokens, language):
        if span.tentative:
            continue
        tags[span.start] = f"B-{span.type}"
        for i in range(span.start + 1, span.end):
            tags[i] = f"I-{span.type}"
    return tags


def _tokens(sentence: Sentence) -> tuple[Token, ...]:
    if sentence.tokens:
        return sentence.tokens
    return tuple(
        Token(m.group(), sentence.start + m.start(), sentence.start + m.end())
        for m in _TOKEN.finditer(sentence.text)
    )


def _propagate(per_sentence: list[list[EntitySpan]], words: list[list[str]]) -> list[list[EntitySpan]]:
    """A name found with evidence anywhere in the article is typed the same everywhere in it."""
    known: dict[tuple[str, ...], EntityType] = {}
    for spans, toks in zip(per_sentence, words, strict=True):
        for sp in spans:
            if sp.cued:
                known.setdefault(tuple(toks[sp.start : sp.end]), sp.type)
    # a ship or building named after a person is that thing wherever the article names it
    # ("aboard the Queen Mary" types "The Queen Mary sailed" too; analyse/named_things.py)
    things = {
        tuple(toks[sp.start : sp.end]): sp.type
        for spans, toks in zip(per_sentence, words, strict=True)
        for sp in spans
        if sp.type in ("OTH", "LOC") and sp.end - sp.start >= 2 and gz.is_title(toks[sp.start])
    }
    surnames: dict[str, EntityType] = {}
    for name, type_ in known.items():
        if type_ == "PER" and len(name) >= 2 and _capitalised(name[-1]):
            surnames.setdefault(name[-1], "PER")
            prefix = next((p for p in gz.NAME_PREFIXES if name[-1].startswith(p)), "")
            if prefix:
                surnames.setdefault(name[-1][len(prefix) :], "PER")  # "Mansar" for "al-Mansar"
    result: list[list[EntitySpan]] = []
    for spans, toks in zip(per_sentence, words, strict=True):
        updated: list[EntitySpan] = []
        covered = [False] * len(toks)
        for candidate in spans:
            name = tuple(toks[candidate.start : candidate.end])
            found = known.get(name) or (surnames.get(name[0]) if len(name) == 1 else None)
            span = candidate
            if candidate.type == "PER" and name in things:
                span = replace(candidate, type=things[name], key=None, cued=True, tentative=False)
            elif found is not None and not candidate.cued:
                span = replace(candidate, type=found, cued=True, tentative=False)
            elif len(name) == 1 and candidate.type != "PER" and candidate.key is None and name[0] in surnames:
                # The surname of a person the article names in full is that person, whatever the
                # tagger read from its sentence ("kündigte <Surname> an" came out as a place, and so
                # as a second entity); a place or organisation the gazetteers know keeps its type.
                span = replace(candidate, type="PER", cued=True, tentative=False)
            elif (
                len(name) == 1
                and candidate.type == "LOC"
                and name[0] in surnames
                and _city_name(name[0])
                and not _after_place_preposition(toks, candidate.start)
            ):
                # ... but a town of the city list that is the surname of a person named in full is
                # that person where no preposition of place comes before it: "Hereford said" beside
                # "Sir Tom Hereford" was the town of Hereford ("in Hereford" stays the town; countries
                # and regions keep their type: "Jordan" stays the country).
                span = replace(candidate, type="PER", key=None, cued=True, tentative=False)
            if not span.tentative:
                updated.append(span)
                covered[span.start : span.end] = [True] * (span.end - span.start)
        for i, word in enumerate(toks):
            if not covered[i] and i > 0 and word in surnames:
                updated.append(EntitySpan(i, i + 1, "PER"))
        result.append(sorted(updated, key=lambda sp: sp.start))
    return result


def _city_name(word: str) -> bool:
    """Whether ``word`` alone is a name of the gazetteer's city list (not a country or region)."""
    place = gz.places().get((word,))
    return place is not None and place.kind == "city"


def _after_place_preposition(words: Sequence[str], i: int) -> bool:
    """A preposition of place before word ``i``: "in Hereford", "nach Preston" name the town."""
    return i > 0 and words[i - 1].lower() in gz.PLACE_PREPOSITIONS


def spawn_tagger(articles: Sequence[Article]) -> VectorWorker | None:
    """Where analysis may (``ner_tagger.spawn_vectors``), a child process that loads the tagger's
    encoder now, while these articles (their languages known) are split into sentences; None when
    none of them goes to the tagger."""
    tagged = [a for a in articles if _language(a.language or "de") == "de"]
    return spawn_vectors(sum(len(a.text) for a in tagged)) if tagged else None  # (a word ≥ 1 character)


def start_tagging(
    articles: Sequence[tuple[Article, Sequence[Sentence]]], child: VectorWorker | None = None
) -> Callable[[], None]:
    """Start the tagger's contextual vectors of each article's sentences in a child process (``child``
    from :func:`spawn_tagger`, or one started now; ``ner_tagger.start_vectors``), as
    :func:`find_entities` will ask for them; returns the function that ends it."""
    batches = []
    for article, sentences in articles:
        words = [[t.text for t in _tokens(sentence)] for sentence in sentences]
        ruled = _ruled(words, article.language or "de")
        batches.append([tokens for tokens, r in zip(words, ruled, strict=True) if not r])
    return start_vectors(batches, child)


def find_entities(article: Article, sentences: Sequence[Sentence]) -> list[tuple[Mention, ...]]:
    """Entity mentions per sentence, with offsets into ``article.text`` and keys shared within it."""
    language = article.language or "de"
    token_lists = [_tokens(sentence) for sentence in sentences]
    words = [[t.text for t in toks] for toks in token_lists]
    spans = _propagate(recognise_all(words, language), words)
    bodies = gz.celestial_bodies()
    raw: list[list[tuple[Mention, str | None]]] = []
    for toks, sentence_spans in zip(token_lists, spans, strict=True):
        mentions: list[tuple[Mention, str | None]] = []
        for sp in sentence_spans:
            start, end = toks[sp.start].start, toks[sp.end - 1].end
            text = article.text[start:end]
            type_, key = sp.type, sp.key
            # a planet's name alone has one key in every language, whatever the tagger called it
            body = bodies.get(gz.name_tokens(text)) if key is None else None
            if body is not None:
                type_, key = "OTH", body
            mentions.append((Mention(text, start, end, type_, key or ""), key))
        raw.append(mentions)
    return assign_keys(raw)


def add_story_surnames(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Sentence]],
    mentions: Sequence[Sequence[tuple[Mention, ...]]],
) -> list[list[tuple[Mention, ...]]]:
    """Each article's mentions, with the bare surnames of people another article of the story names
    in full: in English text the rules need a cue to read a lone capitalised word as a name, so
    "after Berger gave the order" becomes a person once another outlet wrote "Kapitän Jan Berger".
    German articles go through the tagger, which reads bare surnames itself. A surname opening a
    sentence counts only before a speech verb ("Berger said"): "Young people waited" stays no name."""
    known = [_full_name_surnames(article_mentions) for article_mentions in mentions]
    result: list[list[tuple[Mention, ...]]] = []
    for n, (article, article_sentences) in enumerate(zip(articles, sentences, strict=True)):
        theirs = set().union(*(known[:n] + known[n + 1 :])) - known[n]
        per_sentence = [tuple(m) for m in mentions[n]]
        if theirs and _language(article.language or "de") != "de":
            per_sentence = [
                _with_surnames(sentence, found, theirs, article.text)
                for sentence, found in zip(article_sentences, per_sentence, strict=True)
            ]
        result.append(per_sentence)
    return result


def _full_name_surnames(article_mentions: Sequence[tuple[Mention, ...]]) -> set[str]:
    """Surnames, as written, of the people an article names with at least two name parts."""
    found = set()
    for sentence in article_mentions:
        for m in sentence:
            words = m.text.split()
            if m.type == "PER" and len(name_parts(m.text)) >= 2 and words:
                surname = words[-1]
                if len(surname) >= 3 and surname[0].isupper() and surname not in _CALENDAR:
                    found.add(surname)
    return found


def _with_surnames(
    sentence: Sentence, found: tuple[Mention, ...], surnames: set[str], text: str
) -> tuple[Mention, ...]:
    tokens = _tokens(sentence)
    added = []
    replaced: set[Mention] = set()
    for i, token in enumerate(tokens):
        if token.text not in surnames:
            continue
        covering = [m for m in found if m.start < token.end and token.start < m.end]
        town = covering[0] if len(covering) == 1 else None
        if town and town.type == "LOC" and (town.start, town.end) == (token.start, token.end):
            words = [t.text for t in tokens]
            if _city_name(token.text) and not _after_place_preposition(words, i):
                # the town "Hereford" where another article names Tom Hereford
                replaced.add(town)
                key = "per:" + "-".join(name_parts(token.text))
                added.append(Mention(text[token.start : token.end], token.start, token.end, "PER", key))
            continue
        if covering:
            continue
        opens = i == 0 or tokens[i - 1].text in _OPENERS or tokens[i - 1].text in {".", "!", "?"}
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if opens and following.lower() not in gz.SPEECH_VERBS:
            continue
        key = "per:" + "-".join(name_parts(token.text))
        added.append(Mention(text[token.start : token.end], token.start, token.end, "PER", key))
    if not added:
        return found
    kept = [m for m in found if m not in replaced]
    return tuple(sorted((*kept, *added), key=lambda m: m.start))
