"""The hand-written entity rules over one sentence (English, French, Spanish; a feature of the German
tagger): gazetteers of places and well-known organisations first, then organisation heads
("Universität X", "X AG"), titles of works in quotes, and names with their cues (roles and titles,
given names, name particles, HanTa's proper-noun tag)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.entity_words import (
    CAPITALISING,
    COMMON_TAGS,
    FINITE_OR_PRONOUN,
    QUOTES,
    ROMAN,
    EntitySpan,
    RuleSentence,
    capitalised,
    rule_language,
    rule_tags,
)
from blickwinkel.analyse.named_things import is_structure_noun, names_a_structure
from blickwinkel.analyse.numbers import LABEL_WORDS
from blickwinkel.analyse.outlet_names import is_outlet_word, opens_a_persons_name
from blickwinkel.model import EntityType

__all__ = ["rule_spans"]
MAX_QUOTED_TITLE = 8
MIN_ENGLISH_ACRONYM = 3
# A capitalised place of a dateline is at least this long: shorter capitals are acronyms ("USA" is listed).
MIN_DATELINE_CAPITALS = 4
# Articles before a single French or Spanish name: people's names take none, rivers and regions do.
_ROMANCE_ARTICLES = frozenset({"le", "la", "les", "l'", "du", "au", "el", "del", "al"})


def _lookup(
    table: Mapping[tuple[str, ...], str] | Mapping[tuple[str, ...], gz.Place], words: Sequence[str]
) -> str | gz.Place | None:
    return table.get(tuple(words))


def _match_gazetteers(s: RuleSentence, language: str) -> None:
    """Longest matches of known organisations (those ``language`` names so) and places."""
    orgs, places = gz.organisations(language), gz.places()
    others, bodies = gz.other_names(), gz.celestial_bodies()
    given = gz.given_names()
    i = 0
    while i < len(s.tokens):
        if s.taken[i] or not capitalised(s.tokens[i]) or s.function_word(i):
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
            and capitalised(s.tokens[i - 1])
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
                if size == 1 and _era_after_year(s, i):
                    break  # "500 BCE" is the era, not the central bank ("la BCE")
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


def _era_after_year(s: RuleSentence, i: int) -> bool:
    """Token ``i`` is an era abbreviation after a year or a century: "500 BCE", "5th century BC"."""
    before = s.tokens[i - 1] if i > 0 else ""
    return s.tokens[i] in gz.ERAS and (before[:1].isdigit() or before.lower() in gz.ERA_UNITS)


def _common_surname(
    s: RuleSentence, j: int, places: Mapping[tuple[str, ...], gz.Place], orgs: Mapping[tuple[str, ...], str]
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


def _dateline_capitals(s: RuleSentence, i: int, words: Sequence[str]) -> bool:
    """A place written in capitals where a dateline names it: "OSLO (Wire) - …", "OSLO, NORWAY - MAY
    17: …". It was an organisation ("org:oslo", read as an acronym) beside the place "Oslo"."""
    return (
        s.lang == "en"
        and (i == 0 or s.tokens[i - 1] == ",")
        and all(w.isalpha() and w.isupper() for w in words)
        and max(len(w) for w in words) >= MIN_DATELINE_CAPITALS
    )


def _place_in_capitals(s: RuleSentence, i: int, words: Sequence[str]) -> bool:
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
        and not rule_tags(word.lower(), "en")[0].startswith(COMMON_TAGS)
    )


def _determiner(word: str) -> bool:
    """An English article. (For German, cross-validation on the tuning part found the same rule
    lowers the tagger's F1, so its features go without it.)"""
    return word[:1].isalpha() and rule_tags(word, "en")[0] == "AT0"


def _match_organisation_heads(s: RuleSentence) -> None:
    """ "Universität Hamburg", "Deutsche Bank", "Siemens AG", "Partei Die Linke"."""
    romance = s.lang in CAPITALISING
    for j, word in enumerate(s.tokens):
        if s.taken[j] or not _organisation_head(s, word):
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
        if not _organisation_head(s, word, outlets=False) and opens_a_persons_name(s.tokens, start):
            continue  # "Anna Post", "Mayor Tom Courier": a person's surname that is a newspaper's word
        # names taken by a gazetteer inside ("Universität Hamburg") become part of the organisation
        s.spans = [sp for sp in s.spans if sp.end <= start or sp.start >= end]
        s.taken[start:end] = [False] * (end - start)
        s.add(start, end, "ORG")


def _organisation_head(s: RuleSentence, word: str, *, outlets: bool = True) -> bool:
    """A word that heads an organisation's name; outside German also a newspaper's or broadcaster's
    word ("Harbour Gazette", "Radio Ostsee": a person's name before, ``outlet_names``) and in English
    a court's or public body's ("the High Court", "the Harbour Board"; "Margaret Court" stays a
    person: with ``outlets=False`` only the heads no surname can be). In German the
    rules are one of the tagger's features, which it learnt without these words; ``retype_outlets``
    reads the tagger's names after it."""
    if word in gz.ORG_HEADS:
        return True
    if s.lang in CAPITALISING and word in gz.ROMANCE_ORG_HEADS:
        return True
    if not outlets or s.lang == "de":
        return False
    return is_outlet_word(word) or (s.lang == "en" and word in gz.INSTITUTION_HEADS_EN)


def _quoted_titles(s: RuleSentence) -> None:
    """Short capitalised phrases in quotes are titles of works, events or products (OTH)."""
    quotes = [i for i, w in enumerate(s.tokens) if w in QUOTES]
    for open_, close in zip(quotes[::2], quotes[1::2], strict=False):
        start, end = open_ + 1, close
        if not 1 <= end - start <= MAX_QUOTED_TITLE or not capitalised(s.tokens[start]):
            continue
        inside = range(start, end)
        if any(s.tokens[i] in {".", "!", "?", ","} for i in inside):
            continue
        if any(s.tags(i)[0] in FINITE_OR_PRONOUN for i in inside if s.tokens[i][:1].isalpha()):
            continue
        # French and Spanish have no part-of-speech tags here to see a verb by: a quotation followed
        # by a comma ('« Nous rouvrirons le pont », a déclaré …') or opened after a colon is someone's
        # words, not a title (every such quote was an OTH name, keyed by its words)
        if s.lang in CAPITALISING and (s.word(close + 1) == "," or s.word(open_ - 1) == ":"):
            continue
        if any(sp.start == start and sp.end == end for sp in s.spans):
            continue  # a quoted place or organisation stays what it is
        s.spans = [sp for sp in s.spans if sp.end <= start or sp.start >= end]
        s.taken[start:end] = [False] * (end - start)
        s.add(start, end, "OTH")


def _joined(s: RuleSentence, end: int) -> int | None:
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


def _hyphenated_surname(s: RuleSentence, start: int, end: int) -> bool:
    """A hyphen at ``end`` and a capitalised word after it that is free: the second half of a double
    name, which English tokens split ("Hale", "-", "Brede"; "Mira", "-", "Lise"); German tokens
    keep it whole. Not after the Arabic article that opens a name ("Al-" names a mosque or a paper as
    often as a family)."""
    return (
        s.tokens[end] == "-"
        and not (end == start + 1 and s.tokens[start] in _ARABIC_ARTICLES)
        and end + 1 < len(s.tokens)
        and not s.taken[end + 1]
        and s.name_like(end + 1)
    )


def _person_after_organisation(s: RuleSentence, i: int) -> bool:
    """An English given name and a surname right after an organisation's name start a person's name:
    a headline's "… Lakeside Church Anna Berg dies" was one name (and gave the person the key of the
    whole run in that article); also after ranks or titles ("Police Captain <Name>")."""
    if s.lang != "en" or i == 0 or not _organisation_head(s, s.tokens[i - 1]):
        return False
    # ranks or titles may stand between: "Police Captain <Given> <Family>" was an organisation
    k = i
    while k < len(s.tokens) and k - i < 3 and gz.is_title(s.tokens[k]):
        k += 1
    return k + 1 < len(s.tokens) and s.tokens[k] in gz.given_names() and s.proper(k + 1)


def _extend_name(s: RuleSentence, start: int, person: bool) -> int:
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
        if s.lang in CAPITALISING and not person and (after := _joined(s, end)) is not None:
            end = after
            continue
        if word == "&" and s.lang != "de" and end + 1 < len(s.tokens) and s.name_like(end + 1):
            end += 2  # "Lund & Hale", "Brede & Partner": one firm's name
            continue
        if person and s.lang == "en" and _hyphenated_surname(s, start, end):
            end += 2  # the English tokenizer splits "<Given> <Family>-<Family>" at the hyphen
            continue
        if person and word in gz.NAME_PARTICLES:
            k = end
            while k < len(s.tokens) and s.tokens[k] in gz.NAME_PARTICLES:
                k += 1
            if k < len(s.tokens) and not s.taken[k] and s.name_like(k) and k - end <= 2:
                end = k + 1
                continue
        if not person and s.lang == "en" and capitalised(word) and is_structure_noun(word):
            end += 1  # "the Old Gate": the head of a structure's name ends it
            break
        if ROMAN.match(word) and person and len(word) > 1:
            end += 1
            continue
        break
    return end


def _not_a_name(s: RuleSentence, i: int) -> bool:
    """A common abbreviation ("PDF"), or in English two capitals alone ("NY", "MP", "MPs"): state
    codes, initials and titles more often than organisations, which the gazetteer knows ("EU"); a
    common word capitalised only by its place (:meth:`RuleSentence.common_word_alone`); a label before
    its number; an era after its year ("500 BCE")."""
    word = s.tokens[i]
    if word in gz.NOT_ORGANISATIONS or s.common_word_alone(i) or _era_after_year(s, i):
        return True
    # a label before its number: "Section 3", "Article 5", "Flight 370"
    if s.lang == "en" and word.lower() in LABEL_WORDS and s.word(i + 1)[:1].isdigit():
        return True
    return s.lang != "de" and s.abbreviation(i) and len(word.rstrip("s")) < MIN_ENGLISH_ACRONYM


def _office_words(s: RuleSentence, i: int) -> int:
    """How many words from ``i`` name the office of an English title before them ("Secretary of
    State", "Minister for Foreign Affairs", "Chancellor of the Exchequer"), else 0."""
    if s.lang != "en":
        return 0
    k = i - 1
    if s.word(k) == "the":
        k -= 1
    if s.word(k) not in gz.OFFICE_LINKS_EN or not gz.is_title(s.word(k - 1)):  # titles include cues
        return 0
    end = i
    while end < len(s.tokens) and not s.taken[end] and s.tokens[end] in gz.OFFICE_WORDS_EN:
        end += 1
    return end - i


def _match_names(s: RuleSentence) -> None:
    given = gz.given_names()
    office_end = -1  # the name after an office ("Secretary of State <Name>") is cued by its title
    i = 0
    while i < len(s.tokens):
        if s.taken[i] or not capitalised(s.tokens[i]):
            i += 1
            continue
        if office := _office_words(s, i):
            i = office_end = i + office
            continue
        prev = s.word(i - 1)
        cued = gz.is_person_cue(prev) or prev.lower() in gz.SPEECH_VERBS or i == office_end
        if not (s.proper(i) or (cued and s.name_like(i)) or s.abbreviation(i)):
            i += 1
            continue
        first = s.tokens[i]
        # "Al" or "El" before a name is the Arabic article, not the given name: "Al Khor" was a
        # person, also after "in"
        article = first in _ARABIC_ARTICLES and capitalised(s.word(i + 1))
        named_person = gz.is_person_cue(prev) or (first in given and not article)
        person = cued or named_person or first.startswith(gz.NAME_PREFIXES)
        end = _extend_name(s, i, person)
        # A name cut short by a place or organisation the gazetteer took first is one name with it,
        # no person's: "says Kestrel Portugal" gave the person "Kestrel" beside the country.
        whole = None if named_person or s.lang != "en" else _taken_rest(s, end)
        if whole is not None:
            s.spans.remove(whole)
            end = whole.end
            if cued and end < len(s.tokens) and not s.taken[end] and s.name_like(end):
                # "said <Given> <Town> <Family>": a surname after the place the gazetteer took makes
                # the run one person's name, not an organisation (the family name was lost)
                end, whole, person = _extend_name(s, end, True), None, True
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
        elif "&" in words:
            type_ = "ORG"
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
        elif s.lang in CAPITALISING and (
            prev.lower() in gz.ROMANCE_PLACE_PREPOSITIONS
            or (len(words) >= 2 and any(w.lower() in gz.ROMANCE_NAME_JOINERS or w == "-" for w in words))
        ):
            type_, strong = "LOC", False  # "à Montignac-sur-Loue", "vecinos de Almenara de Tormes"
        elif s.lang in CAPITALISING and len(words) == 1 and prev.lower() in _ROMANCE_ARTICLES:
            type_, strong = "LOC", False  # a river or region takes an article: "la Vézère", "del Tormes"
        elif len(words) >= 2:
            type_, strong = "PER", False
        elif prev in gz.PLACE_CUES:
            type_ = "LOC"
        elif prev.lower() in gz.PLACE_PREPOSITIONS or first.lower().endswith(gz.PLACE_SUFFIXES):
            type_, strong = "LOC", False
        else:
            type_, strong, tentative = "PER", False, True
        if type_ == "PER" and _qualifies_a_title(s, i, end, given):
            i = end
            continue
        s.add(i, end, type_, cued=strong, tentative=tentative)
        i = end


_ARABIC_ARTICLES = frozenset({"Al", "El"})


def _qualifies_a_title(s: RuleSentence, start: int, end: int, given: frozenset[str]) -> bool:
    """English words right before a title that a name follows qualify the office, a nationality or a
    portfolio ("Hungarian Prime Minister <Name>", "German Chancellor <Name>"): no person's name, which
    no title and name follow ("Hungarian Prime" and "German" were persons). A run of two or more
    words that opens with a given name stays a person's name."""
    if s.lang != "en":
        return False
    k = end
    while k < len(s.tokens) and gz.is_title(s.tokens[k]):
        k += 1
    if k == end or not capitalised(s.word(k)):
        return False
    return not (end - start >= 2 and s.tokens[start] in given)


def _structure(words: Sequence[str]) -> bool:
    """An English name that ends in a structure's head: "the Harbour Wall", "Harbour Tower"."""
    first = words[0].lower()
    return names_a_structure(words, first_is_common=rule_tags(first, "en")[0].startswith(COMMON_TAGS))


def _taken_rest(s: RuleSentence, end: int) -> EntitySpan | None:
    """The span the gazetteer took right after a name that ends at ``end``, where the name reaches it
    without a break (a capitalised word, no punctuation between), else None."""
    if end >= len(s.tokens) or not s.taken[end] or not capitalised(s.tokens[end]):
        return None
    return next((sp for sp in s.spans if sp.start == end), None)


def _role_then_name(s: RuleSentence, end: int) -> bool:
    """One to three lower-case nouns or adjectives right after ``end`` (a role: "spokesman", "chief
    executive") that end in a noun, and a capitalised word after them."""
    k = end
    while k < min(end + 3, len(s.tokens)) and s.tokens[k].isalpha() and s.tokens[k].islower():
        if not rule_tags(s.tokens[k], "en")[0].startswith(COMMON_TAGS):
            return False
        k += 1
    return (
        k > end
        and rule_tags(s.tokens[k - 1], "en")[0].startswith("NN")
        and capitalised(s.word(k))
        and not s.taken[k]
    )


def rule_spans(tokens: Sequence[str], language: str = "de") -> list[EntitySpan]:
    """Entity spans the hand-written rules find over one sentence's tokens, in token order."""
    s = RuleSentence(tokens, rule_language(language))
    _match_gazetteers(s, language)
    _match_organisation_heads(s)
    _quoted_titles(s)
    _match_names(s)
    return sorted(s.spans, key=lambda sp: sp.start)
