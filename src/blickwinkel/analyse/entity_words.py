"""How the hand-written entity rules read one sentence's words: part-of-speech tags (HanTa's for
German and English, capitalisation alone for French and Spanish), capitals, openers of a sentence and
the working state of one sentence (:class:`RuleSentence`); the span type both the rules and the tagger
give (:class:`EntitySpan`)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.lemmas import is_known, word_tags
from blickwinkel.model import EntityType, Sentence, Token
from blickwinkel.text.months import month_numbers
from blickwinkel.text.weekdays import weekday_numbers

_PROPER = frozenset({"NE", "NP0"})
FINITE_OR_PRONOUN = frozenset({"VVFIN", "VAFIN", "VMFIN", "PPER", "PRF", "PPOSAT", "VVD", "VVZ", "VBZ"})
_FUNCTION_TAGS = frozenset(
    {"ART", "APPR", "APPRART", "KON", "KOUS", "PPER", "PDS", "PDAT", "PIS", "PIAT", "PRELS", "PWS", "PWAV",
     "PROAV", "ADV", "PTKNEG", "VAFIN", "VMFIN", "KOKOM", "PPOSAT", "AT0", "PRP", "CJC", "CJS", "PNP",
     "DT0", "AV0", "DPS", "PRF", "FUNC"}
)  # fmt: skip
# HanTa's English tags of adjectives and common nouns (AJ0, AJC, NN1, NN2 …).
COMMON_TAGS = ("AJ", "NN")
QUOTES = frozenset({'"', "„", "“", "”", "«", "»", "‚", "‘", "’", "'", "``", "''"})
OPENERS = QUOTES | {"(", ":", "–", "-", "—", "[", "•", "*"}
_ABBREVIATION = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ&]{1,5}s?$")
ROMAN = re.compile(r"^[IVXLC]+\.?$")
# Capitalised words that are no names: months, weekdays, a few short words.
CALENDAR = (
    gz.words("I OK TV")
    | {month.capitalize() for month in month_numbers("en", "full")}
    | {day.capitalize() for day in weekday_numbers("en", "full")}
)
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]", re.UNICODE)


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
CAPITALISING = frozenset({"fr", "es"})


def rule_language(language: str) -> str:
    """``de`` for the tagger; ``en``, ``fr`` and ``es`` for the rules (other languages: the tagger)."""
    code = (language or "de").lower()[:2]
    return code if code == "en" or code in CAPITALISING else "de"


def capitalised(word: str) -> bool:
    """Starts with a capital letter, after a name prefix ("al-Mansar")."""
    if word.startswith(gz.NAME_PREFIXES):
        word = word.split("-", 1)[1]
    return bool(word) and word[0].isupper()


def rule_tags(word: str, lang: str) -> tuple[str, ...]:
    if not word[:1].isalpha():
        return ("$.",)
    if lang in CAPITALISING:
        if word.lower() in gz.ROMANCE_FUNCTION_WORDS or elided(word).lower() in gz.ROMANCE_FUNCTION_WORDS:
            return ("FUNC",)
        return ("NP0",) if word[:1].isupper() else ("NN",)
    return word_tags(word, lang)


def elided(word: str) -> str:
    """The word after a French elided article or preposition ("L'eau" -> "eau", "d'Orléans")."""
    for mark in ("'", "’"):
        head, found, rest = word.partition(mark)
        if found and rest and head.lower() in {"l", "d", "qu", "j", "n", "s", "c", "m", "t"}:
            return rest
    return word


class RuleSentence:
    """Per-sentence working state of the recogniser."""

    def __init__(self, tokens: Sequence[str], lang: str) -> None:
        self.tokens = list(tokens)
        self.lang = lang
        self.taken = [False] * len(tokens)
        self.spans: list[EntitySpan] = []
        self._tags: dict[int, tuple[str, ...]] = {}

    def tags(self, i: int) -> tuple[str, ...]:
        if i not in self._tags:
            self._tags[i] = rule_tags(self.tokens[i], self.lang)
        return self._tags[i]

    def word(self, i: int) -> str:
        return self.tokens[i] if 0 <= i < len(self.tokens) else ""

    def initial(self, i: int) -> bool:
        return i == 0 or self.tokens[i - 1] in OPENERS or self.tokens[i - 1] in {".", "!", "?"}

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
        if word in CALENDAR or (word.isupper() and word.title() in CALENDAR) or ROMAN.match(word):
            return True
        if word.isupper() and len(word) > 1:
            lowered = rule_tags(word.lower(), self.lang)
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
        return rule_tags(word.lower(), self.lang)[0] not in FINITE_OR_PRONOUN

    def proper(self, i: int) -> bool:
        """Strong evidence that token ``i`` is (part of) a name."""
        word = self.tokens[i]
        if not capitalised(word) or self.function_word(i):
            return False
        if word.startswith(gz.NAME_PREFIXES) or word in gz.given_names():
            return True
        if self.lang in CAPITALISING:
            if gz.is_person_cue(word) or word in gz.ORG_HEADS or word in gz.ROMANCE_ORG_HEADS:
                return False
            # a word that opens the sentence is a name only where the dictionary does not know it
            return not self.initial(i) or not is_known(elided(word).lower(), self.lang)
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
        if word in gz.given_names() or not rule_tags(word.lower(), "en")[0].startswith(COMMON_TAGS):
            return False
        following = self.word(i + 1)
        if following[:1].isdigit():
            return True
        return following[:1].islower() and rule_tags(following, "en")[0].startswith(COMMON_TAGS)

    def name_like(self, i: int) -> bool:
        """Weak evidence: a capitalised word that may continue a name already started."""
        word = self.tokens[i]
        return capitalised(word) and not self.function_word(i) and not gz.is_person_cue(word)


def sentence_tokens(sentence: Sentence) -> tuple[Token, ...]:
    if sentence.tokens:
        return sentence.tokens
    return tuple(
        Token(m.group(), sentence.start + m.start(), sentence.start + m.end())
        for m in _TOKEN.finditer(sentence.text)
    )
