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

from collections.abc import Callable, Sequence
from typing import cast

from blickwinkel.analyse import gazetteer as gz
from blickwinkel.analyse.coreference import assign_keys, unify_entity_keys
from blickwinkel.analyse.entity_rules import rule_spans
from blickwinkel.analyse.entity_words import EntitySpan, rule_language, sentence_tokens
from blickwinkel.analyse.name_propagation import add_story_names, add_story_surnames, propagate_names
from blickwinkel.analyse.named_things import retype_named_things
from blickwinkel.analyse.ner_tagger import VectorWorker, crf_tags_batch, spawn_vectors, start_vectors
from blickwinkel.analyse.outlet_names import retype_outlets
from blickwinkel.model import Article, EntityType, Mention, Sentence, Token

__all__ = [
    "EntitySpan",
    "add_story_names",
    "add_story_surnames",
    "find_entities",
    "recognise",
    "rule_spans",
    "tag_tokens",
    "unify_entity_keys",
]
ENTITY_TYPES = frozenset({"PER", "ORG", "LOC", "OTH"})
MIN_SHOUTED_WORDS = 3
# In a script without capitals (Arabic, Hebrew, …) the tagger, which learnt names from German capitals,
# runs on over ordinary words: a tagged organisation, place or other name of more than three words
# there is dropped. Chosen on 15 Arabic SemEval texts in no gold file: of 30 such spans of four words
# or more, one was a name; of 8 of three words, two (docs/data-sources.md).
MAX_UNCASED_NAME_WORDS = 3


def _known_key(type_: EntityType, words: Sequence[str], language: str) -> str | None:
    """The gazetteer key of a tagged name ("Irak" → ``loc:iq``), if the name is listed (an
    organisation's in ``language``)."""
    name = tuple(words)
    if type_ == "LOC":
        place = gz.places().get(name)
        if place is None and len(name) == 1 and name[0].endswith("s"):
            place = gz.places().get((name[0][:-1],))  # German genitive: "Frankreichs"
        return place.key if place is not None else None
    if type_ == "ORG":
        return gz.organisations(language).get(name)
    if type_ == "OTH":
        return gz.other_names().get(name)
    return None


def _tagged_spans(tokens: Sequence[str], tags: Sequence[str], language: str) -> list[EntitySpan]:
    spans: list[EntitySpan] = []
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, kind = tag.partition("-")
        continues = prefix == "I" and kind == current
        if current and not continues:
            type_ = cast(EntityType, current)
            if not _uncased_run(type_, tokens[start:i]):
                spans.append(EntitySpan(start, i, type_, _known_key(type_, tokens[start:i], language)))
            current = ""
        if prefix in {"B", "I"} and kind in ENTITY_TYPES and not continues:
            start, current = i, kind
    return spans


def _uncased_run(type_: EntityType, words: Sequence[str]) -> bool:
    """A tagged span that is no name: more than ``MAX_UNCASED_NAME_WORDS`` words (not a person's) in a
    script without capitals, where most letters are neither capital nor small."""
    if type_ == "PER":
        return False
    words = [w for w in words if any(c.isalpha() for c in w)]
    if len(words) <= MAX_UNCASED_NAME_WORDS:
        return False
    letters = [c for w in words for c in w if c.isalpha()]
    return sum(c.isupper() or c.islower() for c in letters) * 2 < len(letters)


def recognise(tokens: Sequence[str], language: str = "de") -> list[EntitySpan]:
    """Entity spans over one sentence's tokens, in token order."""
    return recognise_all([tokens], language)[0]


def _ruled(sentences: Sequence[Sequence[str]], language: str) -> list[bool]:
    """Which sentences the rules alone read (English ones, headlines in capitals); the tagger the others."""
    return [rule_language(language) != "de" or _shouting(tokens) for tokens in sentences]


def recognise_all(sentences: Sequence[Sequence[str]], language: str = "de") -> list[list[EntitySpan]]:
    """``recognise`` for each sentence; German ones go through the tagger together (faster)."""
    ruled = _ruled(sentences, language)
    tagged = iter(crf_tags_batch([tokens for tokens, r in zip(sentences, ruled, strict=True) if not r]))
    return [
        retype_outlets(
            tokens,
            retype_named_things(
                tokens, rule_spans(tokens, language) if r else _tagged_spans(tokens, next(tagged), language)
            ),
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


def spawn_tagger(articles: Sequence[Article]) -> VectorWorker | None:
    """Where analysis may (``ner_tagger.spawn_vectors``), a child process that loads the tagger's
    encoder now, while these articles (their languages known) are split into sentences; None when
    none of them goes to the tagger."""
    tagged = [a for a in articles if rule_language(a.language or "de") == "de"]
    return spawn_vectors(sum(len(a.text) for a in tagged)) if tagged else None  # (a word ≥ 1 character)


def start_tagging(
    articles: Sequence[tuple[Article, Sequence[Sentence]]], child: VectorWorker | None = None
) -> Callable[[], None]:
    """Start the tagger's contextual vectors of each article's sentences in a child process (``child``
    from :func:`spawn_tagger`, or one started now; ``ner_tagger.start_vectors``), as
    :func:`find_entities` will ask for them; returns the function that ends it."""
    batches = []
    for article, sentences in articles:
        words = [[t.text for t in sentence_tokens(sentence)] for sentence in sentences]
        ruled = _ruled(words, article.language or "de")
        batches.append([tokens for tokens, r in zip(words, ruled, strict=True) if not r])
    return start_vectors(batches, child)


def _dashes(tokens: Sequence[Token], text: str) -> list[str]:
    """The words of a sentence the rules read, a hyphen with a space on either side as the dash it
    stands for: the English tokens split "<Given> <Family>-<Family>" at its hyphen, and the rules
    join the halves again, but "<Name> - <Place>" (a byline, a list) is two names."""
    words = [t.text for t in tokens]
    for i, token in enumerate(tokens):
        if token.text == "-" and (
            text[token.start - 1 : token.start].isspace() or text[token.end : token.end + 1].isspace()
        ):
            words[i] = "–"
    return words


def find_entities(article: Article, sentences: Sequence[Sentence]) -> list[tuple[Mention, ...]]:
    """Entity mentions per sentence, with offsets into ``article.text`` and keys shared within it."""
    language = article.language or "de"
    token_lists = [sentence_tokens(sentence) for sentence in sentences]
    words = [[t.text for t in toks] for toks in token_lists]
    if rule_language(language) != "de":
        words = [_dashes(toks, article.text) for toks in token_lists]
    spans = propagate_names(recognise_all(words, language), words)
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
