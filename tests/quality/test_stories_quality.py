"""Quality gate of the story stage: cross-validated scores on shared data, pinned exactly.

Reported and pinned figures are cross-validated (the SemEval and WikiNews files are evaluation-only;
they choose the few combination weights and the join probability, see docs/data-sources.md):

    python scripts/fit_story_weights.py ../shared/data/same-story/semeval2022-sample-dev.jsonl \
        --embedder use --no-e5        → model use (CV) de-de 0.633, de-en 0.684 (all 0.700)
    python scripts/fit_story_weights.py ../shared/data/same-story/semeval2022-sample-dev.jsonl \
        --embedder e5                 → model e5 no days (CV) de-de 0.774, de-en 0.790 (all 0.799);
                                        model e5 (CV), publication days estimated from the story ids,
                                        de-de 0.794, de-en 0.818 (all 0.812); both above plain e5
                                        cosine on every language pair
    blickwinkel eval stories ../shared/data/story-clusters/wikinews-en-dev.json --embedder use \
        --cross-validate              → cross-validated bcubed_f1 0.861
    blickwinkel eval stories ../shared/data/story-clusters/wikinews-en-dev.json --embedder use \
        --choose-link                 → cross-validated bcubed_f1 0.845 (link shares chosen per fold;
                                        test_stories_link_choice_quality.py)
    blickwinkel eval stories ../shared/data/story-clusters/wikinews-en-dev.json --embedder e5 \
        --cross-validate              → cross-validated bcubed_f1 0.852

Only cross-validated figures are pinned (issue 9): the in-sample e5 guard with its 0.01 slack is gone.

A change that lowers one of these must say why in its commit message and re-pin the value.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from blickwinkel.embed import Embedder, get_embedder
from blickwinkel.ingest import read_event_folders
from blickwinkel.stories import fitting
from blickwinkel.stories.cluster import clustering_defaults
from blickwinkel.stories.evaluate import (
    SimilarityPair,
    cluster_with_progress,
    cross_validate_clustering,
    pair_article,
    parse_event_clusters,
    parse_similarity_pairs,
    pearson_by_language,
    with_days_from_ids,
)
from blickwinkel.stories.features import StoryDoc, doc_parts, story_docs
from blickwinkel.stories.metrics import clustering_scores

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.quality]

# Event-fold cross-validated (5 folds; the join threshold chosen from evaluate.JOIN_GRID with the
# shipped link, rare words alone, on the training events, every article clustered, the test events'
# articles scored): measured 0.86121 (P 0.8494, R 0.8734) on 2026-11-30, seventeenth session, with the
# drift guard giving way from a link of 0.4 (stories.cluster.DRIFT_OVERRIDE_LINK, chosen on our own
# invented stories, scripts/explore_story_own.py). Before: 0.85231 (P 0.8494, R 0.8553) on 2026-11-30,
# fifteenth session, with the centroid drift guard (stories.cluster.MAX_CENTROID_DRIFT 0.1). Before:
# 0.84434 (P 0.8206, R 0.8695) on 2026-11-30, eleventh session, with the time window of 5 days either side
# (stories.cluster.WINDOW_DAYS; 3 days: 0.83400, P 0.8233, R 0.8450, eighth session). Before, each
# fold also chose the link weights from evaluate.EARLIER_WEIGHT_GRID: 0.81904 (0.80951 before the
# rare-word channel's document frequencies counted articles).
WIKINEWS_CV_BCUBED_F1 = 0.861
# With 'e5' vectors and the link 'e5' ships (stories.cluster.clustering_defaults: the 'use' choice), the join
# threshold chosen per fold: measured 0.85200 (P 0.8380, R 0.8664) on 2026-11-30, seventeenth session, with
# e5's own drift guard (stories.cluster.E5_MAX_CENTROID_DRIFT 0.02, chosen on our own stories) and the
# override; 0.84585 (P 0.8290, R 0.8633) the same day without a guard. Before: 0.84584 (P 0.8290, R 0.8633) on
# 2026-11-30, eleventh session, with the 5-day window; 0.83640 (P 0.8233, R 0.8500) with 3 days on 2026-11-29,
# eighth session (0.83449 with the earlier link, 0.81870 before the document-frequency fix). Choosing the link
# weights per fold too gave 0.84170 before that fix, but that choice joins unrelated German articles of one
# outlet (see CLUSTERING_DEFAULTS), so it does not ship and is not pinned.
WIKINEWS_CV_BCUBED_F1_E5 = 0.852


def _semeval_pairs(shared_dir: Path) -> list[SimilarityPair]:
    path = shared_dir / "data" / "same-story" / "semeval2022-sample-dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    return parse_similarity_pairs(path.read_text(encoding="utf-8"), str(path))


# 10-fold cross-validated Pearson of the 'use' model over all SemEval pairs (each pair predicted by
# the sets and per-language-pair choices fitted on the other folds: blickwinkel.stories.fitting, the
# procedure of scripts/fit_story_weights.py), the folds grouped by article since the eighteenth session
# (fitting.pair_groups: the 32 pairs that share an article with another pair sit in one fold with it),
# measured 2026-11-30: all 0.70029, ar-ar 0.34560, de-de 0.63366, de-en 0.68482, en-en 0.80805, es-es
# 0.80396, fr-fr 0.79113, pl-pl 0.58342, tr-tr 0.75548 (pins of es-es, fr-fr and pl-pl lowered: the
# stricter folds; before, ungrouped, 2026-11-29: all 0.70075, ar-ar 0.33663, de-de 0.63275, de-en
# 0.68368, en-en 0.80805, es-es 0.80644, fr-fr 0.80247, pl-pl 0.58815, tr-tr 0.75465). Plain 'use'
# cosine of the whole texts (0.66682 all) is below it on every pair (ar-ar 0.33717).
PINNED_CV_PEARSON_USE = {
    "all": 0.700,
    "ar-ar": 0.345,
    "de-de": 0.633,
    "de-en": 0.684,
    "en-en": 0.808,
    "es-es": 0.803,
    "fr-fr": 0.791,
    "pl-pl": 0.583,
    "tr-tr": 0.755,
}


def test_same_story_cross_validated_pearson_use(shared_dir: Path, use_embedder: Embedder) -> None:
    pairs = _semeval_pairs(shared_dir)
    articles = [
        a
        for p in pairs
        for a in (
            pair_article(p.pair_id, "1", p.text1, p.lang1),
            pair_article(p.pair_id, "2", p.text2, p.lang2),
        )
    ]
    docs = story_docs(articles, use_embedder)
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    predicted, _ = fitting.cross_validated_docs(docs, gold)
    pearson = pearson_by_language(list(-predicted), pairs)
    assert set(pearson) == set(PINNED_CV_PEARSON_USE)
    for languages, pinned in PINNED_CV_PEARSON_USE.items():
        assert pearson[languages] >= pinned, languages


# 10-fold cross-validated Pearson of the 'e5' model (fitting.options_for("e5"): cosines of the vectors
# with each language's mean taken away, the means fitted on each outer fold's training texts only; the
# document cosine with one hinge at the training median, the title cosines, the title agreement and
# whether the two name different calendar days, where inner CV chose them; per language pair with 60
# training pairs or more the predicted value mixed half and half with its isotonic calibration fitted on
# the inner-CV predictions). Since the eighteenth session the folds (outer and inner) are grouped by
# article (fitting.pair_groups: the 32 pairs that share an article, by text or SemEval story id, with
# another pair sit in one fold with it; the other pairs keep their folds), and the shipped model's
# offsets, calibrations and gap term come from grouped inner folds. Since the nineteenth session the
# model's final scale value goes through a cubic map fitted on the inner-CV values over all language
# pairs (fitting.fit_scale_map), measured 2026-12-01 with scripts/fit_story_weights.py --embedder e5 and
# this test's code path: all 0.80154, ar-ar 0.50860, de-de 0.77469, de-en 0.78888, en-en 0.86020, es-es
# 0.86343, fr-fr 0.84664, pl-pl 0.68276, tr-tr 0.84512; pins of ar-ar (0.518 -> 0.508) and de-en (0.790
# -> 0.788) LOWERED: over the folds of seeds 0-4 de-de 0.773 -> 0.775, de-en 0.7852 -> 0.7854, ar-ar
# 0.512 -> 0.507 (still above plain e5, 0.449), the rest raised. Measured 2026-11-30 (eighteenth
# session) with scripts/fit_story_weights.py --embedder e5 and this test's code path: all 0.79876, ar-ar
# 0.51818, de-de 0.77416, de-en 0.79023, en-en 0.85781, es-es 0.86184, fr-fr 0.83725, pl-pl 0.65696,
# tr-tr 0.84520. Pins of all, ar-ar, de-de, en-en, es-es and fr-fr LOWERED with the stricter folds (an
# article no longer sits in a fold's training and test pairs at once; over the folds of seeds 0-4 de-de
# 0.772 -> 0.773, de-en 0.784 -> 0.785: the seed-0 figures move within the split's spread). Before
# (ungrouped, eighth session): all 0.79951, ar-ar 0.52794, de-de 0.77968, de-en 0.78691, en-en 0.86106,
# es-es 0.86613, fr-fr 0.83964, pl-pl 0.64249, tr-tr 0.83899. Plain e5 cosine of the whole texts as read
# on the same pairs (the test asserts ours above it on every pair): all 0.73219, ar-ar 0.44872, de-de
# 0.72810, de-en 0.69726, en-en 0.79886, es-es 0.81700, fr-fr 0.81270, pl-pl 0.60480, tr-tr 0.79034.
PINNED_CV_PEARSON_E5 = {
    "all": 0.801,
    "ar-ar": 0.508,
    "de-de": 0.774,
    "de-en": 0.788,
    "en-en": 0.860,
    "es-es": 0.863,
    "fr-fr": 0.846,
    "pl-pl": 0.682,
    "tr-tr": 0.845,
}
# The same with each article's publication day estimated from the story ids of its pair id
# (`eval similarity --days-from-ids`, evaluate.with_days_from_ids) and the model's publication-gap term
# fitted on each outer fold's training pairs (weights.StoryModel.dated), grouped folds; with the scale
# map (nineteenth session, as above): all 0.81432, ar-ar 0.52653, de-de 0.79611, de-en 0.82045, en-en
# 0.86498, es-es 0.86972, fr-fr 0.84409, pl-pl 0.69288, tr-tr 0.85144; pin of ar-ar LOWERED (0.537 ->
# 0.526; over seeds 0-4 0.534 -> 0.532), the rest raised (over seeds 0-4 de-de 0.793 -> 0.797, de-en
# 0.813 -> 0.816). Before it, measured
# 2026-11-30 (eighteenth session) as above: all 0.81166, ar-ar 0.53765, de-de 0.79447, de-en 0.81756,
# en-en 0.86353, es-es 0.86636, fr-fr 0.83675, pl-pl 0.67279, tr-tr 0.84968 — above the figures
# without days on every pair but fr-fr (0.8368 against 0.8373). Pins of ar-ar, de-de, en-en, es-es and
# fr-fr LOWERED with the grouped folds (over seeds 0-4 de-de 0.793 -> 0.793, de-en 0.813 -> 0.813).
# Before (ungrouped, sixteenth session): all 0.81165, ar-ar 0.54919, de-de 0.79865, de-en 0.81403,
# en-en 0.86663, es-es 0.87075, fr-fr 0.83994, pl-pl 0.65262, tr-tr 0.84501. The hand-set penalty the
# term replaces in the scale value gave all 0.710, de-de 0.703, en-en 0.778 on these days.
PINNED_CV_PEARSON_E5_DATED = {
    "all": 0.814,
    "ar-ar": 0.526,
    "de-de": 0.796,
    "de-en": 0.820,
    "en-en": 0.864,
    "es-es": 0.869,
    "fr-fr": 0.844,
    "pl-pl": 0.692,
    "tr-tr": 0.851,
}


def test_same_story_cross_validated_pearson_e5_beats_plain_cosine(shared_dir: Path) -> None:
    pairs = with_days_from_ids(_semeval_pairs(shared_dir))
    assert all(p.published1 is not None and p.published2 is not None for p in pairs)
    articles = [
        a
        for p in pairs
        for a in (
            pair_article(p.pair_id, "1", p.text1, p.lang1, p.published1),
            pair_article(p.pair_id, "2", p.text2, p.lang2, p.published2),
        )
    ]
    # The parts the shipped e5 model reads, as `blickwinkel eval similarity` embeds them.
    docs = story_docs(articles, get_embedder("e5"))
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    # Every SemEval text fits a document, so the document vector is the whole text's vector.
    assert all(doc_parts(a).document == a.text for a in articles)
    cosine = [float(docs[2 * i].doc_vec @ docs[2 * i + 1].doc_vec) for i in range(len(pairs))]
    plain = pearson_by_language(cosine, pairs)
    options = fitting.options_for("e5")
    # Without the days (the e5 features read no publication day: the text-only model's figures).
    for pins, chosen in (
        (PINNED_CV_PEARSON_E5, replace(options, publication_gap=False)),
        (PINNED_CV_PEARSON_E5_DATED, options),
    ):
        predicted, _ = fitting.cross_validated_docs(docs, gold, fitting.CrossValidation(chosen))
        pearson = pearson_by_language(list(-predicted), pairs)
        assert set(pearson) == set(pins) == set(plain)
        for languages, pinned in pins.items():
            assert pearson[languages] >= pinned, languages
            assert pearson[languages] > plain[languages], languages


def test_wikinews_story_clustering_cross_validated(
    wikinews_use_docs: tuple[list[StoryDoc], dict[str, str]],
) -> None:
    docs, gold = wikinews_use_docs
    report = cross_validate_clustering(docs, gold)
    assert report.bcubed_f1 >= WIKINEWS_CV_BCUBED_F1


# Our own 106 invented stories (examples/train-stories: one folder per event, 317 German, English and
# French articles, undated, so all in one time window), clustered with the shipped defaults: the data the
# clusterer's own numbers are chosen on since WikiNews dev spent its five (DRIFT_OVERRIDE_LINK,
# seventeenth session), so the in-sample figure is pinned (`blickwinkel eval stories
# examples/train-stories --embedder use`): measured 0.94109 (P 0.9422, R 0.9400; 112 stories) on
# 2026-11-30, seventeenth session; 0.925 (P 0.972, R 0.882) before the drift guard's override.
# Twentieth session: a 106th story in three languages (x3-lagerhalle, e31392f, written for the link
# model) joins the folder: 0.9367 (P 0.9329, R 0.9406; 112 stories from 317 articles), LOWERED 0.941 ->
# 0.936 by the new gold alone (the clusterer unchanged).
OWN_STORIES_BCUBED_F1 = 0.936


def test_our_own_stories_are_clustered_as_written(use_embedder: Embedder) -> None:
    root = Path(__file__).resolve().parents[2] / "examples" / "train-stories"
    articles, gold, failures = read_event_folders(str(root))
    assert not failures and len(set(gold.values())) == 106
    clusters = [list(s.articles) for s in cluster_with_progress(story_docs(articles, use_embedder)).stories()]
    assert clustering_scores(clusters, gold).bcubed_f1 >= OWN_STORIES_BCUBED_F1


# The gate with each fold also choosing the link's shares (`--choose-link`, about 100 s of CPU) is in
# test_stories_link_choice_quality.py: a file of its own runs beside this one under `pytest -n 2
# --dist loadfile` (make test), and both take the WikiNews documents from one session fixture.


def test_wikinews_story_clustering_cross_validated_e5(shared_dir: Path) -> None:
    path = shared_dir / "data" / "story-clusters" / "wikinews-en-dev.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    articles, gold = parse_event_clusters(path.read_text(encoding="utf-8"), str(path))
    shipped = clustering_defaults("e5").weights
    docs = story_docs(articles, get_embedder("e5"))
    report = cross_validate_clustering(docs, gold, weight_grid=(shipped,))
    assert report.bcubed_f1 >= WIKINEWS_CV_BCUBED_F1_E5


# The first 500 records of ../shared/data/corpus-de (German, few outlets, mostly opinion pieces on one
# topic) read as `blickwinkel stories` reads them and clustered with the shipped defaults ('use'):
# 2 stories of several articles, each of two articles (2026-11-29, tenth session; 240 of the 500 texts
# use none of their headline's words — the page carried another piece — and pages of one outlet tied
# by such texts now need their headlines to tie them too, see stories/cluster.py headlines_alone).
# Before: 4, each of two articles of unrelated subjects (eighth and ninth session). A link that joins
# more of one outlet's pieces of these days into blobs (the e5 pair probability as a quarter of the
# link gave more, see CLUSTERING_DEFAULTS) fails here.
CORPUS_DE_FIRST = 500
CORPUS_DE_MULTI_ARTICLE_STORIES = 2
CORPUS_DE_LARGEST_STORY = 2


def test_german_articles_of_one_outlet_are_not_joined_into_blobs(
    shared_dir: Path, use_embedder: Embedder, tmp_path: Path
) -> None:
    from itertools import islice

    from blickwinkel.ingest import read_inputs
    from blickwinkel.stories import cluster_stories

    corpus = shared_dir / "data" / "corpus-de" / "articles.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is absent")
    subset = tmp_path / "first.jsonl"
    with corpus.open(encoding="utf-8") as records:
        subset.write_text("".join(islice(records, CORPUS_DE_FIRST)), encoding="utf-8")
    articles = list(read_inputs([str(subset)], max_bytes=200_000_000).articles)
    stories = cluster_stories(story_docs(articles, use_embedder))
    several = [s for s in stories if len(s.articles) > 1]
    assert len(several) <= CORPUS_DE_MULTI_ARTICLE_STORIES
    assert max(len(s.articles) for s in stories) <= CORPUS_DE_LARGEST_STORY
