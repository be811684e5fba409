"""Run every analyser over the articles of one comparison and build their statements.

Pure: articles in, analysed articles out. Entity keys are unified across the articles and undated
articles take their date anchor from the others, which is why this works on the whole set at once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from blickwinkel.analyse.cache import AnalysisCache, AnalysisStore, Prepared
from blickwinkel.analyse.coreference import name_parts
from blickwinkel.analyse.dates import anchor_from_others, find_dates
from blickwinkel.analyse.entities import (
    add_story_names,
    add_story_surnames,
    find_entities,
    spawn_tagger,
    start_tagging,
    unify_entity_keys,
)
from blickwinkel.analyse.language import with_languages
from blickwinkel.analyse.lemmas import lemmatise
from blickwinkel.analyse.lemmas import load as load_lemmas
from blickwinkel.analyse.quantities import find_quantities
from blickwinkel.analyse.quotes import classify_statements
from blickwinkel.analyse.sources import find_cited_sources
from blickwinkel.analyse.subjectivity import article_genre, is_subjective, reads_opinion, subjectivity_scores
from blickwinkel.model import AnalysedArticle, Article, Mention, Sentence, Statement, StatementKind
from blickwinkel.text import split_statements

DEFAULT_LANGUAGE = "de"


def _split(article: Article) -> tuple[Article, tuple[Sentence, ...]]:
    """The article with its languages, and its statements."""
    prepared = with_languages(article, DEFAULT_LANGUAGE)
    return prepared, tuple(split_statements(prepared))


def _prepare(article: Article) -> Prepared:
    """What analysis finds in one article alone (languages, statements, entity mentions): the article
    stage that :mod:`blickwinkel.analyse.cache` keeps by content."""
    prepared, sentences = _split(article)
    return prepared, sentences, tuple(find_entities(prepared, sentences))


# Kept per process: a story that grows by one article, another evaluation file with the same article
# or a second comparison in the service does not analyse the others again.
CACHE = AnalysisCache()


def analyse_articles(
    articles: Sequence[Article],
    *,
    store: AnalysisStore | None = None,
    known: Mapping[str, str] | None = None,
    meanwhile: Callable[[Sequence[Sequence[Sentence]]], object] | None = None,
    one_story: bool = False,
) -> list[AnalysedArticle]:
    """Statements with entities, quantities, dates, kinds, speakers and subjectivity for each article.

    The article stage of each (languages, statements, entities) comes from the process's cache, from
    ``known`` (kept analyses by content key) or from ``store`` when they hold it, and is kept there.
    The articles to analyse are split into statements first; where the process allows it
    (:mod:`blickwinkel.cli._background`, e.g. the ``compare`` command) the German tagger's
    contextual vectors of all of them are then computed in a child process while this one runs
    ``meanwhile`` on the statements of the articles to analyse (if there are any: e.g. loading the
    sentence embedder the comparison needs next and embedding the statements with it) and the rest
    of the analysis. The results are the same either way. ``one_story`` says the articles report
    one story (a comparison): then a surname misspelt in one of them joins its other spelling
    (``coreference.unify_entity_keys``); articles ingested together may be of many stories.
    """
    split: dict[int, tuple[Article, tuple[Sentence, ...]]] = {}
    forget: list[Callable[[], None]] = []

    def before(fresh: Sequence[Article]) -> None:
        languages = [with_languages(article, DEFAULT_LANGUAGE) for article in fresh]
        child = spawn_tagger(languages)  # loads the tagger's encoder while the articles are split
        if child is not None:
            forget.append(child.close)
        for article, prepared in zip(fresh, languages, strict=True):
            split[id(article)] = prepared, tuple(split_statements(prepared))
        forget.append(start_tagging([split[id(article)] for article in fresh], child))
        if meanwhile is not None:
            meanwhile([split[id(article)][1] for article in fresh])
        if child is not None:  # what the analysis loads after the tagger anyway, while the child works
            for language in dict.fromkeys(prepared.language for prepared in languages):
                load_lemmas(language or DEFAULT_LANGUAGE)

    def prepare(article: Article) -> Prepared:
        """``_prepare``, with the statements split above."""
        if id(article) not in split:
            return _prepare(article)
        prepared, sentences = split.pop(id(article))
        return prepared, sentences, tuple(find_entities(prepared, sentences))

    try:
        parts = CACHE.prepared(articles, prepare, store=store, known=known, before=before)
    finally:
        for done in forget:
            done()
    prepared = [p[0] for p in parts]
    sentences = [list(p[1]) for p in parts]
    languages = [p[0].language for p in parts]
    with_surnames = add_story_surnames(prepared, sentences, [p[2] for p in parts])
    mentions = unify_entity_keys(
        add_story_names(prepared, sentences, with_surnames), languages, one_story=one_story
    )
    published = [a.published for a in prepared]
    people = _people_of_story(mentions)
    results = []
    for n, article in enumerate(prepared):
        others = published[:n] + published[n + 1 :]
        anchor = article.published or anchor_from_others(others)
        inferred = article.published is None and anchor is not None
        results.append(_analyse_one(article, sentences[n], mentions[n], anchor, inferred, people))
    return results


def _people_of_story(mentions: Sequence[Sequence[tuple[Mention, ...]]]) -> dict[tuple[str, ...], str]:
    """The key of each person of the story by the parts of their name as written in any article."""
    people: dict[tuple[str, ...], str] = {}
    for article in mentions:
        for sentence in article:
            for m in sentence:
                if m.type == "PER":
                    parts = name_parts(m.text)
                    if len(parts) >= 2:
                        people.setdefault(parts, m.key)
    return people


def _speaker(speaker: str | None, people: Mapping[tuple[str, ...], str]) -> str | None:
    """A speaker named only in an attribution line ("— Anna Berg, Bürgermeisterin") has no mention
    in the article: the key of the person the story names that way, else the name as written. The
    outlet profile counted such a person as quoted and as left out at once."""
    if speaker is None or ":" in speaker:
        return speaker
    return people.get(name_parts(speaker), speaker)


def _subjectivity(sentences: Sequence[Sentence], languages: Sequence[str]) -> list[float]:
    """Subjectivity of what each statement says, scored with the cues of its own language.

    A quoted opinion is scored like any other (``subjective`` describes the content); whose voice
    it is shows in the statement's kind, and the article's share counts only its own voice.
    """
    scores = [0.0] * len(sentences)
    for language in dict.fromkeys(languages):
        if not reads_opinion(language):
            continue  # no cues of its own: scored, the English cues matched at random
        idx = [i for i, lang in enumerate(languages) if lang == language]
        scored = subjectivity_scores([sentences[i].text for i in idx], language)
        for i, score in zip(idx, scored, strict=True):
            scores[i] = score
    return scores


def _analyse_one(
    article: Article,
    sentences: Sequence[Sentence],
    mentions: Sequence[tuple[Mention, ...]],
    anchor_date: dt.date | None,
    inferred: bool,
    people: Mapping[tuple[str, ...], str] | None = None,
) -> AnalysedArticle:
    roles = classify_statements(article, sentences, mentions)
    languages = [article.blocks[s.block].language or article.language or DEFAULT_LANGUAGE for s in sentences]
    scores = _subjectivity(sentences, languages)
    statements = []
    for i, (sentence, role, lang, score) in enumerate(zip(sentences, roles, languages, scores, strict=True)):
        block = article.blocks[sentence.block]
        speaker = _speaker(role.speaker, people or {})
        subjective = is_subjective(score)
        kind: StatementKind = role.kind
        if subjective and kind in ("reporting", "background") and block.kind == "paragraph":
            kind = "commentary"
        statements.append(
            Statement(
                id=f"{article.id}#{i + 1}",
                article=article.id,
                text=sentence.text,
                start=sentence.start,
                end=sentence.end,
                block_kind=block.kind,
                kind=kind,
                subjective=subjective,
                speaker=speaker,
                speaker_kind=role.speaker_kind
                or ("person" if speaker and speaker.startswith("per:") else None),
                entities=tuple(mentions[i]),
                quantities=tuple(find_quantities(sentence.text, lang, offset=sentence.start)),
                dates=tuple(
                    find_dates(
                        sentence.text, lang, anchor=anchor_date, inferred=inferred, offset=sentence.start
                    )
                ),
                lemmas=tuple(lemmatise([t.text for t in sentence.tokens], lang)),
                language=lang,
            )
        )
    share: float | None
    genre: str | None
    share, genre = article_genre(scores, [s.kind or "reporting" for s in statements])
    if not any(reads_opinion(lang) for lang in languages):
        # not measured: a share of 0 % would say the article holds no opinion, "report" that it was read
        share, genre = None, None
    return AnalysedArticle(
        article=article,
        statements=tuple(statements),
        cited_sources=find_cited_sources(article),
        subjective_share=share,
        genre=genre,
    )
