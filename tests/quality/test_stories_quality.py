"""Quality gate of the story stage: cross-validated scores on shared data, pinned exactly.

Reported and pinned figures are cross-validated (the SemEval and WikiNews files are evaluation-only;
they choose the few combination weights and the join probability, see docs/data-sources.md):

    python scripts/fit_story_weights.py ../shared/data/same-story/semeval2022-sample-dev.jsonl \
        --embedder use --no-e5        → combined use (CV) de-de 0.625, de-en 0.679
    blickwinkel eval stories ../shared/data/story-clusters/wikinews-en-dev.json --embedder use \
        --cross-validate              → cross-validated bcubed_f1 0.795

Only cross-validated figures are pinned (issue 9): the in-sample e5 guard with its 0.01 slack is gone.

A change that lowers one of these must say why in its commit message and re-pin the value.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from blickwinkel.embed import Embedder
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import (
    cross_validate_clustering,
    pair_article,
    parse_event_clusters,
    parse_similarity_pairs,
    pearson_by_language,
)
from blickwinkel.stories.features import story_docs
from blickwinkel.stories.weights import weights_for

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.quality]

# Event-fold cross-validated (5 folds; the join probability chosen on the training events, every
# article clustered, the test events' articles scored): measured 0.7954 on 2026-11-28.
WIKINEWS_CV_BCUBED_F1 = 0.795


# 10-fold cross-validated Pearson of the shipped 'use' feature set over all SemEval pairs (each
# pair predicted by the ridge fitted on the other folds: blickwinkel.stories.fitting, the procedure
# of scripts/fit_story_weights.py), measured 2026-11-28: de-de 0.6249, de-en 0.6793 (all 0.6828).
PINNED_CV_PEARSON_USE = {"de-de": 0.624, "de-en": 0.679}


def test_same_story_cross_validated_pearson_use(shared_dir: Path, use_embedder: Embedder) -> None:
    path = shared_dir / "data" / "same-story" / "semeval2022-sample-dev.jsonl"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    pairs = parse_similarity_pairs(path.read_text(encoding="utf-8"), str(path))
    articles = [
        a
        for p in pairs
        for a in (
            pair_article(p.pair_id, "1", p.text1, p.lang1),
            pair_article(p.pair_id, "2", p.text2, p.lang2),
        )
    ]
    x = fitting.feature_matrix(story_docs(articles, use_embedder), weights_for("use").features)
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    pearson = pearson_by_language(list(-fitting.cross_validated(x, gold)), pairs)
    for languages, pinned in PINNED_CV_PEARSON_USE.items():
        assert pearson[languages] >= pinned, languages


def test_wikinews_story_clustering_cross_validated(shared_dir: Path, use_embedder: Embedder) -> None:
    path = shared_dir / "data" / "story-clusters" / "wikinews-en-dev.json"
    if not path.exists():
        pytest.skip(f"{path} is absent")
    articles, gold = parse_event_clusters(path.read_text(encoding="utf-8"), str(path))
    report = cross_validate_clustering(story_docs(articles, use_embedder), gold)
    assert report.bcubed_f1 >= WIKINEWS_CV_BCUBED_F1
