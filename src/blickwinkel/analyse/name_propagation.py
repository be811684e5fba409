"""Names spread within an article and across a story: a name found once with evidence is typed the
same everywhere in its article, a surname alone joins its full name, and in English text the bare
surname of a person another article of the story names in full is that person."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.coreference import name_parts
from blickwinkel.analyse.entity_words import (
    CALENDAR,
    OPENERS,
    EntitySpan,
    capitalised,
    rule_language,
    sentence_tokens,
)
from blickwinkel.model import Article, EntityType, Mention, Sentence

__all__ = ["add_story_names", "add_story_surnames", "propagate_names"]


def propagate_names(per_sentence: list[list[EntitySpan]], words: list[list[str]]) -> list[list[EntitySpan]]:
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
        if type_ == "PER" and len(name) >= 2 and capitalised(name[-1]):
            surnames.setdefault(name[-1], "PER")
            prefix = next((p for p in gz.NAME_PREFIXES if name[-1].startswith(p)), "")
            if prefix:
                surnames.setdefault(name[-1][len(prefix) :], "PER")  # "Mansar" for "al-Mansar"
    # a double surname the English tokens split at its hyphen ("Hale", "-", "Brede") is one name
    # where it stands alone too, not a place and a second person
    double = {
        name[-3:] for name, type_ in known.items() if type_ == "PER" and len(name) >= 3 and name[-2] == "-"
    }
    result: list[list[EntitySpan]] = []
    for found_spans, toks in zip(per_sentence, words, strict=True):
        updated: list[EntitySpan] = []
        covered = [False] * len(toks)
        spans = _with_double_surnames(found_spans, toks, double) if double else found_spans
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


def _with_double_surnames(
    spans: Sequence[EntitySpan], words: Sequence[str], double: set[tuple[str, ...]]
) -> list[EntitySpan]:
    """``spans`` with each free run of three words that is a known double surname one person's name
    (the spans it cut into replaced); a longer name that holds the run stays."""
    result = list(spans)
    for i in range(len(words) - 2):
        if tuple(words[i : i + 3]) not in double:
            continue
        inside = [sp for sp in result if sp.start < i + 3 and sp.end > i]
        if any(sp.start <= i and sp.end >= i + 3 for sp in inside):
            continue
        result = [sp for sp in result if sp not in inside]
        result.append(EntitySpan(i, i + 3, "PER"))
    return sorted(result, key=lambda sp: sp.start)


def _city_name(word: str) -> bool:
    """Whether ``word`` alone is a name of the gazetteer's city list (not a country or region)."""
    place = gz.places().get((word,))
    return place is not None and place.kind == "city"


def _after_place_preposition(words: Sequence[str], i: int) -> bool:
    """A preposition of place before word ``i``: "in Hereford", "nach Preston" name the town."""
    return i > 0 and words[i - 1].lower() in gz.PLACE_PREPOSITIONS


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
        if theirs and rule_language(article.language or "de") != "de":
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
                if len(surname) >= 3 and surname[0].isupper() and surname not in CALENDAR:
                    found.add(surname)
    return found


def _with_surnames(
    sentence: Sentence, found: tuple[Mention, ...], surnames: set[str], text: str
) -> tuple[Mention, ...]:
    tokens = sentence_tokens(sentence)
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
        opens = i == 0 or tokens[i - 1].text in OPENERS or tokens[i - 1].text in {".", "!", "?"}
        following = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if opens and following.lower() not in gz.SPEECH_VERBS:
            continue
        key = "per:" + "-".join(name_parts(token.text))
        added.append(Mention(text[token.start : token.end], token.start, token.end, "PER", key))
    if not added:
        return found
    kept = [m for m in found if m not in replaced]
    return tuple(sorted((*kept, *added), key=lambda m: m.start))


# A single word another article names is taken as that name here only when it is this long, so that
# short capitalised words ("Die", "Les", "Sir") never become names of a story.
MIN_STORY_NAME_CHARS = 4
# The languages our tagger (German) and rules (English) were made and measured for.
TAGGED_LANGUAGES = frozenset({"de", "en"})


def add_story_names(
    articles: Sequence[Article],
    sentences: Sequence[Sequence[Sentence]],
    mentions: Sequence[Sequence[tuple[Mention, ...]]],
) -> list[list[tuple[Mention, ...]]]:
    """Each article's mentions, with the names an article of the story in another language tags and
    this article writes the same way without a mention, for articles in a language our entity models
    were not made for (French, Spanish, Italian …): a French report's "la jetée de Kielhaven" names the
    town a German tagger found in "in Kielhaven". Only written-alike names count (capitalised as the
    other article writes them, never a word this article also writes in lower case, so "Police" stays
    the police). German and English articles keep their own reading: on the tuning half of the real
    gold, names spread into them added two false links, a false conflict and a missed unique fact and
    found no link, since a name one tagger types wrongly ("High Court" as a person) spreads with it
    (thirteenth session)."""
    untagged = [(a.language or "de").lower()[:2] not in TAGGED_LANGUAGES for a in articles]
    names = [_story_names(m) if any(untagged) else {} for m in mentions]
    result: list[list[tuple[Mention, ...]]] = []
    for n, (article, article_sentences) in enumerate(zip(articles, sentences, strict=True)):
        theirs: dict[tuple[str, ...], Mention] = {}
        for other, found in zip(articles, names, strict=True):
            if untagged[n] and other.language != article.language:
                for words, mention in found.items():
                    theirs.setdefault(words, mention)
        per_sentence = [tuple(found) for found in mentions[n]]
        if theirs:
            written = {t.text for sentence in article_sentences for t in sentence_tokens(sentence)}
            usable = {
                words: mention
                for words, mention in theirs.items()
                if len(words) > 1 or words[0].lower() not in written
            }
            per_sentence = [
                _with_story_names(sentence, found, usable, article.text)
                for sentence, found in zip(article_sentences, per_sentence, strict=True)
            ]
        result.append(per_sentence)
    return result


def _story_names(article_mentions: Sequence[tuple[Mention, ...]]) -> dict[tuple[str, ...], Mention]:
    """The names an article tags, by their words as written."""
    found: dict[tuple[str, ...], Mention] = {}
    for sentence in article_mentions:
        for m in sentence:
            words = tuple(m.text.split())
            if not words or not all(w[:1].isupper() for w in words):
                continue
            if len(words) == 1 and (len(words[0]) < MIN_STORY_NAME_CHARS or words[0] in CALENDAR):
                continue
            found.setdefault(words, m)
    return found


def _with_story_names(
    sentence: Sentence, found: tuple[Mention, ...], names: dict[tuple[str, ...], Mention], text: str
) -> tuple[Mention, ...]:
    if not names:
        return found
    tokens = sentence_tokens(sentence)
    words = [t.text for t in tokens]
    longest = max(len(k) for k in names)
    added: list[Mention] = []
    taken = [any(m.start < t.end and t.start < m.end for m in found) for t in tokens]
    i = 0
    while i < len(tokens):
        match = next(
            (
                size
                for size in range(min(longest, len(tokens) - i), 0, -1)
                if tuple(words[i : i + size]) in names and not any(taken[i : i + size])
            ),
            0,
        )
        if not match:
            i += 1
            continue
        source = names[tuple(words[i : i + match])]
        start, end = tokens[i].start, tokens[i + match - 1].end
        added.append(Mention(text[start:end], start, end, source.type, source.key))
        i += match
    if not added:
        return found
    return tuple(sorted((*found, *added), key=lambda m: m.start))
