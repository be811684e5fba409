"""The clusterer's rare-word channel: term weights, window document frequencies, the cosine."""

from __future__ import annotations

import math
from dataclasses import replace

import pytest

from blickwinkel.stories import StoryClusterer
from blickwinkel.stories.cluster import (
    CLUSTERING_DEFAULTS,
    DRIFT_OVERRIDE_LINK,
    E5_MAX_CENTROID_DRIFT,
    MAX_CENTROID_DRIFT,
    NO_DRIFT_GUARD,
    NO_DRIFT_OVERRIDE,
    ClusteringDefaults,
    LinkWeights,
    centroid_drift,
    clustering_defaults,
    link_parts,
    pair_join,
)
from blickwinkel.stories.evaluate import cluster_with_progress
from blickwinkel.stories.features import StoryDoc
from blickwinkel.stories.lexical import DocumentFrequencies, flat_idf, lexical_cosine, term_weights
from tests.unit.test_stories_props import DOCS


def test_term_weights_are_sublinear_and_leave_stop_words_out() -> None:
    weights = term_weights("Die Fähre Nordlicht, die Fähre! a", stop_words={"die"})
    assert weights == {"fähre": 1.0 + math.log(2), "nordlicht": 1.0}


def test_document_frequencies_make_shared_words_weigh_less_and_forget_exactly() -> None:
    frequencies = DocumentFrequencies()
    frequencies.add(["fähre", "hafen"])
    frequencies.add(["hafen"])
    assert frequencies.idf("fähre") > frequencies.idf("hafen") > 0
    assert frequencies.idf("unseen") > frequencies.idf("fähre")
    frequencies.remove(["hafen"])
    alone = DocumentFrequencies()
    alone.add(["fähre", "hafen"])
    assert frequencies.idf("hafen") == alone.idf("hafen")
    assert frequencies.version == 3


def test_document_frequencies_count_articles_not_term_weights() -> None:
    # An article's terms come as a mapping to their sublinear weights: a word it uses often is still
    # one article using it, and forgetting the article takes exactly that count away.
    frequencies = DocumentFrequencies()
    frequencies.add({"fähre": 1.0 + math.log(3), "hafen": 1.0})
    frequencies.add({"hafen": 1.0})
    counted = DocumentFrequencies()
    counted.add(["fähre", "hafen"])
    counted.add(["hafen"])
    assert frequencies.idf("fähre") == counted.idf("fähre")
    assert frequencies.idf("hafen") == counted.idf("hafen")
    frequencies.remove({"fähre": 1.0 + math.log(3), "hafen": 1.0})
    assert frequencies.idf("fähre") == frequencies.idf("unseen")


def test_lexical_cosine_is_symmetric_and_bounded() -> None:
    a = {"fähre": 1.5, "helgoland": 1.0, "sandbank": 1.0}
    b = {"fähre": 1.0, "sandbank": 1.0, "schlepper": 1.0}
    frequencies = DocumentFrequencies()
    frequencies.add(a)
    frequencies.add(b)
    for idf in (flat_idf, frequencies.idf):
        assert lexical_cosine(a, b, idf) == lexical_cosine(b, a, idf)
        assert 0.0 < lexical_cosine(a, b, idf) < 1.0
    assert lexical_cosine(a, a) == 1.0
    assert lexical_cosine(a, {}) == 0.0


def test_kept_idf_and_norms_give_the_cosine_computed_afresh_and_follow_changes() -> None:
    """The document frequencies keep idf values and norms per version: the same floats as computing
    them each time, and new ones once an article is added or forgotten."""
    a = term_weights("Fähre Hafen Sturm Mole Fähre")
    b = term_weights("Hafen Sturm Reederei Werft")
    placed = [a, b, term_weights("Wahl Hafen Rathaus")]
    frequencies = DocumentFrequencies()
    for terms in placed:
        frequencies.add(terms)

    def afresh() -> float:  # the smoothed IDF written out: nothing kept
        def idf(term: str) -> float:
            return math.log((len(placed) + 1) / (sum(term in x for x in placed) + 1)) + 1.0

        return lexical_cosine(a, b, idf)

    first = lexical_cosine(a, b, frequencies.idf)
    assert first == afresh() and lexical_cosine(a, b, frequencies.idf) == first
    frequencies.remove(placed.pop())
    assert lexical_cosine(a, b, frequencies.idf) == afresh() != first
    placed.append(term_weights("Sturm Sturm Fähre"))
    frequencies.add(placed[-1])
    assert lexical_cosine(b, a, frequencies.idf) == afresh()


def test_other_languages_use_the_pair_probability_for_rare_words() -> None:
    german, other = DOCS[0], replace(DOCS[1], language="en")
    probability, _, lexical = link_parts(german, other)
    assert lexical == probability
    assert link_parts(german, DOCS[1])[2] != probability


def _stories(docs: list[StoryDoc], **options: object) -> list[tuple[str, ...]]:
    return sorted(s.articles for s in cluster_with_progress(docs, **options).stories())  # type: ignore[arg-type]


def test_shared_link_cache_gives_the_stories_of_a_run_without_it() -> None:
    docs = list(DOCS)
    cache: dict[tuple[str, str, int], tuple[float, float, float]] = {}
    for weights in (LinkWeights(0.5, 0.0), LinkWeights(0.25, 0.75)):
        for join in (0.2, 0.3):
            plain = _stories(docs, join_probability=join, weights=weights)
            cached = _stories(docs, join_probability=join, weights=weights, parts_cache=cache)
            assert cached == plain
    assert cache
    assert StoryClusterer().weights == LinkWeights()


def test_join_probability_and_weights_follow_the_docs_embedder(monkeypatch: pytest.MonkeyPatch) -> None:
    use = CLUSTERING_DEFAULTS["use"]
    own = ClusteringDefaults(0.3, LinkWeights(0.5, 0.25))
    monkeypatch.setitem(CLUSTERING_DEFAULTS, "own", own)
    assert StoryClusterer(embedder="own").weights == own.weights
    assert StoryClusterer(embedder="e5").join_probability == use.join_probability
    clusterer = StoryClusterer()
    clusterer.add(replace(DOCS[0], embedder="own"))
    assert (clusterer.join_probability, clusterer.weights) == (own.join_probability, own.weights)
    chosen = StoryClusterer(embedder="own", join_probability=0.4, weights=LinkWeights(0.5, 0.5))
    assert (chosen.join_probability, chosen.weights) == (0.4, LinkWeights(0.5, 0.5))
    assert clustering_defaults(None) == use


def test_no_weekday_of_the_one_table_is_a_name_key() -> None:
    # stories/features.py spelled the weekdays itself and missed "Sonnabend"
    from blickwinkel.stories.features import entity_keys
    from blickwinkel.text.weekdays import weekday_numbers

    assert entity_keys("Am Sonnabend eröffnete Greta Holmvik die Ausstellung.") == entity_keys(
        "Greta Holmvik eröffnete die Ausstellung."
    )
    for day in (*weekday_numbers("de", "full"), *weekday_numbers("en", "full")):
        assert not entity_keys(f"Und {day.capitalize()} kam."), day


def _one_story(docs: list[StoryDoc], *, max_drift: float, drift_override: float | None = None) -> bool:
    clusterer = StoryClusterer(max_drift=max_drift, drift_override=drift_override)
    for doc in sorted(docs, key=lambda d: d.order_key):
        clusterer.add(doc)
    return len(clusterer.stories()) == 1


def test_a_story_takes_an_article_only_when_its_centroid_moves_little() -> None:
    first, second = DOCS[0], DOCS[1]  # two invented reports of one event
    assert _one_story([first, second], max_drift=NO_DRIFT_GUARD)
    before = float(first.vector @ second.vector)
    # alone with one article, its centroid is that article's vector: the cosine of the centroid
    # before and after is sqrt((1 + cosine) / 2)
    drift = 1.0 - math.sqrt((1.0 + before) / 2.0)
    assert _one_story([first, second], max_drift=drift + 1e-6)
    assert not _one_story([first, second], max_drift=drift - 1e-6)
    # a copy joins its original's story without the check
    copy = replace(first, id="copy", published=first.published)
    assert _one_story([first, copy], max_drift=0.0)


def test_a_strong_link_lets_the_centroid_move() -> None:
    first, second = DOCS[0], DOCS[1]
    clusterer = StoryClusterer()
    clusterer.add(first)
    clusterer.add(second)
    link = clusterer.best_scores[second.id]
    drift = centroid_drift([first], second)
    # the guard alone keeps them apart; a link at the override joins them, one just above it not
    assert not _one_story([first, second], max_drift=drift - 1e-6)
    assert _one_story([first, second], max_drift=drift - 1e-6, drift_override=link)
    assert not _one_story([first, second], max_drift=drift - 1e-6, drift_override=link + 1e-6)
    # the guard holds for a page of an outlet the story has a page of already
    same_site = replace(second, outlet=first.outlet)
    assert first.outlet is not None
    assert not _one_story([first, same_site], max_drift=drift - 1e-6, drift_override=0.0)
    assert _one_story([first, replace(same_site, outlet=None)], max_drift=drift - 1e-6, drift_override=0.0)
    # a link below the join probability joins nothing, whatever the override
    below = StoryClusterer(join_probability=link + 1e-6, drift_override=0.0)
    below.add(first)
    assert below.add(second) != below.story_of(first.id)


def test_the_drift_guard_reads_each_embedders_own_scale() -> None:
    assert clustering_defaults("use").max_drift == MAX_CENTROID_DRIFT
    assert StoryClusterer(embedder="use").max_drift == MAX_CENTROID_DRIFT
    assert clustering_defaults("use").drift_override == DRIFT_OVERRIDE_LINK
    assert StoryClusterer(embedder="use").drift_override == DRIFT_OVERRIDE_LINK
    # other embedders' cosines lie on other scales: e5 has a guard of its own, others none
    assert clustering_defaults("e5").max_drift == E5_MAX_CENTROID_DRIFT
    assert clustering_defaults("e5").drift_override == DRIFT_OVERRIDE_LINK
    assert clustering_defaults("e5").join_probability == clustering_defaults("use").join_probability
    assert clustering_defaults("fake").max_drift == NO_DRIFT_GUARD
    assert clustering_defaults("fake").drift_override == NO_DRIFT_OVERRIDE
    assert StoryClusterer(embedder="fake").max_drift == NO_DRIFT_GUARD
    assert StoryClusterer(embedder="e5", max_drift=0.2).max_drift == 0.2
    assert StoryClusterer(embedder="e5", drift_override=0.5).drift_override == 0.5


def test_two_articles_alone_say_when_the_drift_keeps_them_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = DOCS[0], DOCS[1]
    unguarded = pair_join(first, second)  # the fake embedder has no guard
    assert unguarded.one_story and unguarded.max_drift is None
    assert unguarded.link is not None and unguarded.link >= unguarded.join_probability
    drift = centroid_drift([first], second)
    assert unguarded.drift == pytest.approx(drift)
    guarded = replace(clustering_defaults(None), max_drift=drift - 1e-6, drift_override=NO_DRIFT_OVERRIDE)
    monkeypatch.setitem(CLUSTERING_DEFAULTS, first.embedder, guarded)
    joined = pair_join(first, second)
    assert not joined.one_story and joined.link == unguarded.link
    assert joined.to_json()["max_drift"] == drift - 1e-6
    assert joined.to_json()["drift"] == round(drift, 4)
    assert joined.to_json()["drift_override"] is None  # the guard never gives way here
    # with the guard giving way at the pair's link, they join, and the JSON says from which link
    assert joined.link is not None
    overridden = replace(guarded, drift_override=joined.link)
    monkeypatch.setitem(CLUSTERING_DEFAULTS, first.embedder, overridden)
    moved = pair_join(first, second)
    assert moved.one_story and moved.to_json()["drift_override"] == joined.link
