"""Quality gate of story clustering with the link chosen per fold (the honest WikiNews figure of the
shipped link), pinned exactly:

    blickwinkel eval stories ../shared/data/story-clusters/wikinews-en-dev.json --embedder use \\
        --choose-link                 → cross-validated bcubed_f1 0.845 (link shares chosen per fold)

About 100 s of CPU (13 link choices × 17 join probabilities × 5 folds of clustering), so it has a file
of its own: `make test` (`pytest -n 2 --dist loadfile`) runs it beside test_stories_quality.py instead
of after it. A change that lowers the figure must say why in its commit message and re-pin the value.
"""

from __future__ import annotations

import pytest

from blickwinkel.stories.evaluate import LINK_CHOICE_GRID, cross_validate_clustering
from blickwinkel.stories.features import StoryDoc

pytestmark = [pytest.mark.shared, pytest.mark.slow, pytest.mark.quality]

# The same folds as the threshold-only gate with each fold also choosing the link's shares
# (evaluate.LINK_CHOICE_GRID: the shipped link, rare words alone, and the earlier grid;
# `--cross-validate --choose-link`): the honest figure for the shipped link, whose "rare words alone"
# was chosen on all events looking at the threshold-only figure. Measured 0.8457 (P 0.8360, R 0.8557) on
# 2026-11-30, seventeenth session, with the drift guard giving way from a link of 0.4
# (stories.cluster.DRIFT_OVERRIDE_LINK): two folds chose the shipped link (0.275, 0.275), one at 0.25,
# one a quarter name keys with three quarters rare words at 0.225, one three quarters rare words at 0.35.
# Before: 0.83563 (P 0.8214, R 0.8504) on 2026-11-30, fifteenth session, with the centroid drift guard
# (stories.cluster.MAX_CENTROID_DRIFT 0.1):
# two folds chose the shipped link (0.25, 0.275), one 0.75 rare words at 0.3, one a quarter name keys
# and 0.75 rare words at 0.225, one half rare words alone at 0.4. Before: 0.81377 (P 0.7992, R 0.8288) on
# 2026-11-30, eleventh session, with the 5-day window (stories.cluster.WINDOW_DAYS): one fold chose
# the shipped link, three a quarter name keys with half or three quarters rare words, one half rare
# words alone at 0.4. LOWERED from 0.819: 0.81904 (P 0.8074, R 0.8310) with the 3-day window on
# 2026-11-29, ninth session, when no fold chose the shipped link; the shipped link itself gains with
# the wider window (test_stories_quality.py, 0.834 -> 0.844), the per-fold choice among 13 links is
# noisy.
WIKINEWS_CV_BCUBED_F1_LINK_CHOSEN = 0.845


def test_wikinews_story_clustering_cross_validated_with_the_link_chosen_per_fold(
    wikinews_use_docs: tuple[list[StoryDoc], dict[str, str]],
) -> None:
    docs, gold = wikinews_use_docs
    report = cross_validate_clustering(docs, gold, weight_grid=LINK_CHOICE_GRID)
    assert report.bcubed_f1 >= WIKINEWS_CV_BCUBED_F1_LINK_CHOSEN
