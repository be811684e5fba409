"""Quality gate of the comparison: scores on our example stories and on the held-out half of the
real-news gold. The perturbation benchmark has its own gate: tests/quality/test_perturb_quality.py.

Every pin is the measured value rounded down to 3 decimals, no slack: a change that lowers one fails
here unless the pin is lowered with a reason in the commit message and the CHANGELOG. Measured with
the default embedder (use), link embedder (auto: e5 for the uncertain English pairs) and threshold:

    blickwinkel eval compare examples/gold/*.json --format json
    blickwinkel eval compare examples/gold-real/*.json --split heldout \\
        --data-root ../shared/data --format json

The real-news gold is split by event (examples/gold-real/README.md); anything chosen while looking
at real news was chosen on the tuning half, and only the held-out half is pinned here.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from blickwinkel.evaluation import evaluate_gold_files
from tests.conftest import ROOT, SHARED

pytestmark = [pytest.mark.quality, pytest.mark.slow]

# ../shared beside the repository; BLICKWINKEL_SHARED points elsewhere (a worktree's checkout).
DATA = Path(os.environ.get("BLICKWINKEL_SHARED", str(SHARED))) / "data"

# Micro-averaged F1 over the three example stories (52 gold facts).
# Unique facts 0.8 -> 0.76 (P 19/23, R 19/27) since a fact another article may state too ("perhaps
# also in", PERHAPS_MIN_SCORE) is no longer scored as unique: fewer unique facts found in these stories.
# Unique facts 0.76 -> 0.754 (P 19/23 -> 20/26, R 19/27 -> 20/27) since e5 scores the uncertain English
# pairs by default (link_embedder "auto"): the ferry story's facts are "perhaps also" elsewhere less often.
GOLD_F1 = {"links": 0.826, "unique_facts": 0.754, "conflicts": 0.909}
# Held-out real-news events (examples/gold-real, split heldout), per language pair:
# (task, figure) -> pinned value. Support (gold items) in the comments.
HELDOUT = {
    # 7 WikiNews events
    "en": {  # links 105, unique facts 125, different-fact pairs 44, conflicts 6
        # e5 on the uncertain English pairs by default (link_embedder "auto", chosen on the tuning
        # half): links P/R 0.888/0.533 -> 0.943/0.638 (67/71, 67/105)
        ("links", "precision"): 0.943,
        ("links", "recall"): 0.638,
        # "perhaps also in" (PERHAPS_MIN_SCORE): P 0.691 -> 0.838 (99/118), R 0.984 -> 0.792 (99/125);
        # with e5 on English pairs P 0.838 -> 0.832 (104/125), R 0.792 -> 0.832 (104/125)
        ("unique_facts", "precision"): 0.832,
        ("unique_facts", "recall"): 0.832,
        ("different", "rate"): 0.954,  # 42/44
        # 1 of 6 gold conflicts found, 3 false; the de and de-en held-out conflicts (2 and 2) are
        # not found yet (P/R 0), so they pin nothing there. LOWERED 0.25 -> 0.2 (1 of 5 flagged, 4
        # false) in the eighth session: the conflict rules chosen on the tuning half and tune-only
        # files (tune P/R 0.737/0.700 -> 1.000/0.900) flag one more held-out pair than before (measured
        # at 9e775dc 1 of 4, after 7e99aa3 1 of 6, on main at 16:10 1 of 5); not tuned on this half.
        ("conflicts", "precision"): 0.2,
        ("conflicts", "recall"): 0.166,
    },
    # 9 corpus-de stories, 1 SemEval de-de pair
    "de": {  # links 59, unique facts 69, different-fact pairs 57, conflicts 2
        ("links", "precision"): 0.958,
        ("links", "recall"): 0.779,
        # "perhaps also in": P 0.775 -> 0.878 (65/74), R 1.0 -> 0.942 (65/69)
        ("unique_facts", "precision"): 0.878,
        ("unique_facts", "recall"): 0.942,
        ("different", "rate"): 0.982,
    },
    # 5 SemEval de-en pairs
    "de-en": {  # links 12, unique facts 26, different-fact pairs 16, conflicts 2
        # 3 of 12 links found in 6 predicted (was 3 in 5) since the shared-word part across languages;
        # 4 of 12 in 7 on the reviewed gold (the English pitt-joke span was on the wrong clause)
        ("links", "precision"): 0.571,
        ("links", "recall"): 0.333,
        # "perhaps also in" (chosen on the tuning half, where de-en went 0.710 -> 0.783): here both
        # fall, P 0.705 -> 0.695 (16/23), R 0.923 -> 0.615 (16/26); 16/22 = 0.727 since the seventh
        # session's refit on main's analysis
        ("unique_facts", "precision"): 0.727,
        ("unique_facts", "recall"): 0.615,
        ("different", "rate"): 1.0,
    },
}


def test_gold_files_of_the_example_stories() -> None:
    files = sorted((ROOT / "examples" / "gold").glob("*.json"))
    assert files
    result = evaluate_gold_files([Path(f) for f in files], "use", 0.5)
    total = result.get("total", result)
    for task, pinned in GOLD_F1.items():
        assert total[task]["f1"] >= pinned, (task, total[task])


@pytest.mark.shared
def test_held_out_real_news_gold() -> None:
    if not (DATA / "story-clusters" / "wikinews-en-dev.json").is_file():
        pytest.skip("../shared/data is absent")
    files = sorted((ROOT / "examples" / "gold-real").glob("*.json"))
    result = evaluate_gold_files(files, "use", 0.5, data_root=DATA, split="heldout")
    by_pair = result["total"]["by_pair"]
    for label, pins in HELDOUT.items():
        for (task, figure), pinned in pins.items():
            assert by_pair[label][task][figure] >= pinned, (label, task, by_pair[label][task])


# Conflicts on the tune-only conflict files (examples/gold-real/tune-conflicts: 22 events none of whose
# articles is in either half, conflicts and near-misses only), where the conflict rules were chosen;
# pinned so that a change to the links or the rules that loses what was found there says so
# (eighth session, 2026-11-29):
#     blickwinkel eval compare examples/gold-real/tune-conflicts/*.json --data-root ../shared/data
# 11 of 11 conflicts found, none false; 0 of 36 near-misses flagged (seventh session on main: P/R
# 0.769/0.909).
TUNE_ONLY_CONFLICTS = {
    ("conflicts", "precision"): 1.0,
    ("conflicts", "recall"): 1.0,
    ("near_misses", "rate"): 0.0,
}


@pytest.mark.shared
def test_conflicts_on_the_tune_only_conflict_files() -> None:
    if not (DATA / "story-clusters" / "wikinews-en-dev.json").is_file():
        pytest.skip("../shared/data is absent")
    files = sorted((ROOT / "examples" / "gold-real" / "tune-conflicts").glob("*.json"))
    total = evaluate_gold_files(files, "use", 0.5, data_root=DATA)["total"]
    for (task, figure), pinned in TUNE_ONLY_CONFLICTS.items():
        if task == "near_misses":  # lower is better
            assert total[task][figure] <= pinned, (task, total[task])
        else:
            assert total[task][figure] >= pinned, (task, total[task])


# The link_embedder setting "e5" (e5 on the uncertain pairs in every language; the default "auto" is
# e5 for English pairs only), held-out links per language pair (2026-11-29, sixth session):
#     blickwinkel eval compare examples/gold-real/*.json --split heldout \\
#         --data-root ../shared/data --link-embedder e5 --format json
HELDOUT_LINK_EMBEDDER = {
    # en P 0.957 -> 0.943 (67/70 -> 67/71) after the refit on main's seventh-session analysis
    "en": {("links", "precision"): 0.943, ("links", "recall"): 0.638},
    "de": {("links", "precision"): 0.954, ("links", "recall"): 0.711},
    "de-en": {("links", "precision"): 0.571, ("links", "recall"): 0.333},
}


@pytest.mark.shared
def test_held_out_real_news_gold_with_the_link_embedder() -> None:
    if not (DATA / "story-clusters" / "wikinews-en-dev.json").is_file():
        pytest.skip("../shared/data is absent")
    files = sorted((ROOT / "examples" / "gold-real").glob("*.json"))
    result = evaluate_gold_files(files, "use", 0.5, data_root=DATA, split="heldout", link_embedder="e5")
    by_pair = result["total"]["by_pair"]
    for label, pins in HELDOUT_LINK_EMBEDDER.items():
        for (task, figure), pinned in pins.items():
            assert by_pair[label][task][figure] >= pinned, (label, task, by_pair[label][task])
