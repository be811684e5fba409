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
from typing import Any

import pytest

from blickwinkel.evaluation import evaluate_gold_files
from tests.conftest import ROOT, SHARED

pytestmark = [pytest.mark.quality, pytest.mark.slow]

# ../shared beside the repository; BLICKWINKEL_SHARED points elsewhere (a worktree's checkout).
DATA = Path(os.environ.get("BLICKWINKEL_SHARED", str(SHARED))) / "data"

# Micro-averaged F1 over the three example stories (52 gold facts).
# Lowered by the eighth session's licence ruling: the link model is fitted only on licence-clean pairs
# (these stories and SemEval gold, no WikiNews or corpus-de text), of which these stories are now 3 of
# 142 training events: links 0.826 -> 0.787 (P 0.867, R 0.722), unique facts 0.754 -> 0.523 (P 0.733,
# R 0.407), conflicts 0.909 -> 0.8 (P 1.0, R 0.667). Ninth session: the Tageblatt's standfirst is
# article text and its repair cost a gold mention (54 -> 56 gold links): links 0.787 -> 0.796 (P 0.872,
# R 0.732). Ninth session's refit with our own invented stories (172 training events): links 0.796 ->
# 0.843 (P 0.935, R 0.768), unique facts 0.523 -> 0.708 (P 0.810, R 0.630), conflicts 0.8 (P 1.0,
# R 0.667).
# Tenth session's refit with all our own invented stories (231 training events): links 0.843 -> 0.831
# (P 0.933, R 0.750: 42/45, 42/56), LOWERED; unique facts 0.708 -> 0.734; conflicts 0.8 -> 0.736 (7 of
# 12 found, none false; was 8), LOWERED: the new weights link fewer of the examples' pairs.
# Seventeenth session: the soft word alignment is the default (link_embedder auto+words): links 0.831 ->
# 0.854 (P 0.936, R 0.786: 44/47, 44/56), unique facts 0.734 (the same), conflicts 0.736 -> 0.857 (9 of
# 12, none false).
# Nineteenth session: pairs in two languages under the cosine floor are candidates when they share rare
# evidence or are each other's nearest: unique facts 0.734 -> 0.765 (P 0.900, R 0.667: 18/20, 18/27).
# Twentieth session: a measure converted to another unit proposes a pair in two languages: links 0.854 ->
# 0.865 (P 0.938, R 0.804: 45/48, 45/56), unique facts 0.765 -> 0.782 (P 0.947, R 0.667: 18/19, 18/27).
GOLD_F1 = {"links": 0.865, "unique_facts": 0.782, "conflicts": 0.857}
# Held-out real-news events (examples/gold-real, split heldout), per language pair:
# (task, figure) -> pinned value. Support (gold items) in the comments. Since the eighth session the
# link model is fitted on licence-clean pairs only (docs/data-sources.md); the pins that went down
# with that refit say so.
HELDOUT = {
    # 7 WikiNews events
    "en": {  # links 105, unique facts 125, different-fact pairs 44, conflicts 6
        # licence-clean refit: links P/R 0.943/0.638 -> 0.876/0.609 (64/73, 64/105), both lowered;
        # ninth session's refit with our own stories: 0.929/0.628 (66/71, 66/105); tenth session's
        # grouping rules (restatements on a link's terms, the best-candidate gap): P 0.929 -> 0.970
        # (66/68), R 0.628; tenth session's refit with all our own stories: P 0.970 -> 0.984 (63/64),
        # R 0.628 -> 0.6 (63/105), LOWERED (three links fewer)
        # seventeenth session, the soft word alignment the default (auto+words; decided on our examples
        # and the tuning half, held-out read once afterwards): P 0.984 -> 0.970 (65/67), LOWERED (one
        # wrong link more), R 0.6 -> 0.619 (65/105)
        ("links", "precision"): 0.97,
        ("links", "recall"): 0.619,
        # licence-clean refit: P 0.832 -> 0.941 (81/86), R 0.832 -> 0.648 (81/125): recall lowered;
        # ninth session's refit: P 0.941 -> 0.873 (83/95), LOWERED (more facts joined, and more of
        # the rest marked "perhaps also" elsewhere, so fewer stand as unique), R 0.664 (83/125);
        # tenth session's grouping rules: P 0.873 -> 0.875 (84/96), R 0.664 -> 0.672 (84/125); tenth
        # session's refit: P 0.875 -> 0.849 (96/113), LOWERED (fewer facts marked "perhaps also"
        # elsewhere), R 0.672 -> 0.768 (96/125)
        # thirteenth session's content parts (a statement without its attribution frame): P 0.849 ->
        # 0.862 (100/116), R 0.768 -> 0.8 (100/125)
        ("unique_facts", "precision"): 0.862,
        ("unique_facts", "recall"): 0.8,
        # 44/44 (tenth session's refit; 43/44 before, 41/44 in the eighth); seventeenth session,
        # auto+words the default: 1.0 -> 0.977 (43/44), LOWERED: one different-fact pair now linked
        ("different", "rate"): 0.977,
        # Eleventh session (first measured; read once with the shipped comparison): of the pairs of
        # one article's statements that a fact holds, 6 of 8 state one gold fact; 5 of 15 restatements
        # joined.
        # thirteenth session's content parts: one_article 0.75 -> 0.777 (7/9), restatements 0.333 ->
        # 0.4 (6/15)
        # sixteenth session, cbe243d (an article's own restatements that stand out of it together join
        # their fact; read once by the review after the change, nothing chosen after): one_article
        # 0.777 -> 0.7 (7/10), LOWERED: one more pair of one article's statements in one fact, not one
        # gold fact; restatements here unchanged (6/15), de one_article 1/1 -> 2/2, de-en restatements
        # 0/6 -> 1/6, all 6/33 -> 7/33
        # seventeenth session, auto+words the default: one_article 0.7 -> 0.666 (6/9), LOWERED: one
        # pair of one article's statements fewer in one fact (restatements unchanged, 6/15)
        ("one_article", "rate"): 0.666,
        ("restatements", "rate"): 0.4,
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
        # licence-clean refit: P 0.958 -> 0.977 (44/45), R 0.779 -> 0.745 (44/59): recall lowered;
        # ninth session's refit: P 0.977 (43/44), R 0.745 -> 0.728 (43/59), LOWERED (one link fewer);
        # tenth session's refit: P 0.977 -> 0.976 (42/43), R 0.728 -> 0.711 (42/59), both LOWERED
        # (one link fewer)
        # thirteenth session's content parts (a statement without its attribution frame): P 0.976 ->
        # 0.977 (43/44), R 0.711 -> 0.728 (43/59)
        # seventeenth session, auto+words the default: P 0.977 -> 0.979 (47/48), R 0.728 -> 0.796 (47/59)
        ("links", "precision"): 0.979,
        ("links", "recall"): 0.796,
        # licence-clean refit: P 0.878 -> 0.888 (56/63), R 0.942 -> 0.811 (56/69): recall lowered;
        # ninth session's refit: P 0.888 -> 0.869 (60/69), LOWERED; R 0.869 (60/69); tenth session's
        # refit: P 0.869 -> 0.853 (64/75), LOWERED; R 0.869 -> 0.927 (64/69); thirteenth session's
        # German frame without a comma ("Laut <source> <verb> …"; one more German link on the tuning
        # half, links here unchanged): P 0.853 -> 0.851 (63/74), R 0.927 -> 0.913 (63/69), both
        # LOWERED: one fact fewer stands as one article's own
        ("unique_facts", "precision"): 0.851,
        ("unique_facts", "recall"): 0.913,
        ("different", "rate"): 0.982,
        ("one_article", "rate"): 1.0,  # 1 of 1 (eleventh session, first measured); restatements 0 of 12
    },
    # 5 SemEval de-en pairs
    "de-en": {  # links 12, unique facts 26, different-fact pairs 16, conflicts 2
        # licence-clean refit: 4 of 12 links found in 5 predicted (was 4 in 7): P 0.571 -> 0.8;
        # ninth session: 0.8 -> 0.666 (4 in 6) by the entity-key rules for German inflection; then the
        # ninth session's refit (German-English model fitted mostly on our own stories): 3 of 12 in 6
        # predicted, P 0.8 -> 0.5 and R 0.333 -> 0.25, both LOWERED
        # seventeenth session, auto+words the default: 2 of 12 in 4 predicted, R 0.25 -> 0.166,
        # LOWERED (one cross-language link fewer)
        # eighteenth session, 01f2ddc (the cross-language soft step refitted with an intercept of its
        # own for our invented stories, chosen on licence-clean pairs; our examples and the tuning half
        # unchanged; held-out read once afterwards by the lead): 1 of 12 in 3 predicted, P 0.5 -> 0.333
        # and R 0.166 -> 0.083, both LOWERED (one cross-language link fewer)
        # twentieth session (read once by the lead on 4f5c708, after the nineteenth session's evidence and
        # mutual-nearest candidates, the twentieth's cross-language refit with an own three-language story
        # and its unit-converted candidates; chosen on licence-clean data): 2 of 12 in 4 predicted, P
        # 0.333 -> 0.5 and R 0.083 -> 0.166, both raised
        ("links", "precision"): 0.5,
        ("links", "recall"): 0.166,
        # licence-clean refit: P 0.727 -> 0.7 (21/30), lowered; R 0.615 -> 0.807 (21/26); ninth
        # session's refit: P 0.705 (24/34), R 0.923 (24/26); eleventh session's news-word concepts
        # across languages (cross models refitted) with the city keys and titles: P 0.705 -> 0.718
        # (23/32), R 0.923 -> 0.884 (23/26), LOWERED (one true unique fact fewer; links unchanged)
        # twentieth session (the same read as the links above): P 0.718 -> 0.733 (22/30), raised; R 0.884
        # -> 0.846 (22/26), LOWERED: one true unique fact fewer
        ("unique_facts", "precision"): 0.733,
        ("unique_facts", "recall"): 0.846,
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


# Conflicts on the tune-only conflict files (examples/gold-real/tune-conflicts: 76 events none of whose
# articles is in either half, conflicts and near-misses only), where the conflict rules were chosen;
# pinned so that a change to the links or the rules that loses what was found there says so:
#     blickwinkel eval compare examples/gold-real/tune-conflicts/*.json --data-root ../shared/data
# Ninth session (2026-11-29): twelve events added (15 conflicts, 47 near-misses in all); 13 of 15 found,
# none false, 0 of 47 near-misses flagged (the rules before it, on the same 34 files: 12 of 15 in 14
# flagged, P 0.857 / R 0.8). Eighth session, on the first 22 events: 11 of 11, none false, 0 of 36.
# LOWERED by the ninth session's link refit (our own invented stories; the conflict rules unchanged): 13
# of 15 found in 15 flagged (P 1.0 -> 0.866, 2 false), 1 of 47 near-misses flagged (0 -> 1/47 = 0.0213,
# pinned rounded up as lower is better): the new links pair statements the rules had not met.
# Tenth session: 22 events added (56 in all: 20 conflicts, 89 near-misses), annotated before any
# comparison ran on them; the rules as they stood found none of their 5 conflicts and flagged nothing
# there (13 of 20 in 15 flagged on all 56, P 0.866 / R 0.65). With the tenth session's rules (a count
# and its share, whole counts after "another", a news agency's place, two tolls on two weekdays): 16 of
# 20 found, none false, 0 of 89 near-misses flagged. LOWERED by the tenth session's link refit (our own
# invented stories; the rules unchanged): 16 of 20 found in 17 flagged, P 1.0 -> 0.941 (one false), 0 of
# 89 near-misses: the new links pair statements the rules had not met.
# Eleventh session: 12 events added (68 in all: 22 conflicts, 115 near-misses), annotated before any
# comparison ran on them; the rules as they stood (main 76f4c78) found neither of their 2 conflicts,
# flagged nothing there and 0 of their 26 near-misses: 16 of 22 found in 17 flagged (P 0.941). Recall
# LOWERED as a number, 0.8 -> 0.727, by the new gold alone (16 of 20 -> 16 of 22; nothing found before
# is lost). Then an English measure joined by a hyphen is read ("a five-year ban" is five years):
# the one false conflict goes, 16 of 22 in 16 flagged, P 0.941 -> 1.0.
# Twelfth session: 8 events added (76 in all: 23 conflicts, 129 near-misses), annotated before any
# comparison ran on them; the rules as they stood (main 68dbe18) missed their one conflict, flagged
# nothing there and 0 of their 14 near-misses: 16 of 23 found in 16 flagged. Recall LOWERED as a
# number, 0.727 -> 0.695, by the new gold alone (nothing found before is lost).
# Fourteenth session: the odd figures (slots.odd_figure_pairs) find one more, 17 of 23 in 17 flagged
# (R 0.695 -> 0.739), 0 of 129 near-misses.
TUNE_ONLY_CONFLICTS = {
    ("conflicts", "precision"): 1.0,
    ("conflicts", "recall"): 0.739,
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


# The second conflict set (examples/gold-real/conflicts2: 104 events no other gold file holds, conflicts
# and near-misses only, its own fixed split; README there), per half:
#     blickwinkel eval compare examples/gold-real/conflicts2/*.json --split tune --data-root ../shared/data
#     blickwinkel eval compare examples/gold-real/conflicts2/*.json --split heldout --data-root ../shared/data
# Sixteenth session. Main as it stood (75b7954, 88 events): tune 0 of 1 found, 4 flagged (none true),
# 4 of 34 near-misses; held-out 0 of 3, nothing flagged, 0 of 30. The two rules chosen on the tuning
# half (a figure aimed at or forecast; a Romance feminine count of people) -> tune 1 flagged, 1 of 34.
# 16 events added before any comparison ran on them (104 now). Pinned on main e9336d5: tune 0 of 1
# found, 1 flagged (none true), 1 of 44 near-misses (0.0227); held-out, read once after all choices,
# nothing changed after: 0 of 3 found, 2 flagged (none true), 1 of 36 near-misses (0.0278); the rules
# before the change flag 2 on the added held-out events (1 of 6 near-misses) and none on the first 44.
# Real coverage rarely contradicts itself, so the set pins false flags: how many conflicts the
# comparison reports at most (none of the events' conflicts is found) and the share of near-misses
# flagged (rounded up: lower is better).
# Seventeenth session, PIN LOWERED on the tuning half (predicted 1 -> 2, near-misses 0.023 -> 0.046,
# 2 of 44): 918971a reads Polish and Turkish figures, and a Polish near-miss (a sum paid against a
# larger sum not paid) is flagged, both figures read right, because the conflict rules do not read the
# negation of the second (a rule for the conflict rules to add). Held-out, measured after 918971a (read
# once, by the review, nothing chosen): 2 flagged (none true), 1 of 36, as pinned.
# Then PINS LOWERED by the soft word alignment as the default (auto+words, lead; decided on our examples
# and the main tuning half): its new links pair more statements the rules then flag: tune 2 -> 4 flagged
# (none true), near-misses 2 -> 4 of 44 (0.091); held-out (read once afterwards) 2 -> 3 flagged (none
# true), 1 of 36 near-misses (the same).
# Eighteenth session: the set pins what matters, true conflicts found (at least) and false flags (at
# most), each the measured value, so a correctly found conflict no longer fails the gate as one flag
# more ("at most N flags" before; the same figures: tune 0 found, 4 false; held-out 0 found, 3 false).
# Then the eighteenth session's rules, chosen on the tuning half (a figure in a negated clause; running
# totals in more languages; the first and the last of a series; a day's count of new cases): tune 4 -> 0
# false flags, near-misses 4 -> 0 of 44, 0 of 1 found (raised). Held-out, read once after them (main
# bb4e2b5), nothing changed after: 0 of 3 found, 3 false flags, 1 of 36 near-misses (as pinned).
SECOND_SET = {
    "tune": {"found": 0, "false_flags": 0, "near_misses": 0.0},
    "heldout": {"found": 0, "false_flags": 3, "near_misses": 0.028},
}


def assert_conflict_pins(total: dict[str, Any], pins: dict[str, float]) -> None:
    """True conflicts found at least, false flags at most, share of near-misses flagged at most."""
    conflicts = total["conflicts"]
    found = conflicts["true_positives"]
    false_flags = conflicts["predicted"] - found
    assert found >= pins["found"], ("true conflicts found", conflicts)
    assert false_flags <= pins["false_flags"], ("false conflict flags", conflicts)
    assert total["near_misses"]["rate"] <= pins["near_misses"], total["near_misses"]


@pytest.mark.shared
@pytest.mark.parametrize("split", sorted(SECOND_SET))
def test_conflicts_on_the_second_conflict_set(split: str) -> None:
    if not (DATA / "story-clusters" / "wikinews-en-dev.json").is_file():
        pytest.skip("../shared/data is absent")
    files = sorted((ROOT / "examples" / "gold-real" / "conflicts2").glob("*.json"))
    total = evaluate_gold_files(files, "use", 0.5, data_root=DATA, split=split)["total"]
    assert_conflict_pins(total, SECOND_SET[split])


# The third conflict set (examples/gold-real/conflicts3: 25 events no other gold file holds, chosen
# where both outlets report figures; conflicts and near-misses only, its own fixed split; README there):
#     blickwinkel eval compare examples/gold-real/conflicts3/*.json --split tune --data-root ../shared/data
#     blickwinkel eval compare examples/gold-real/conflicts3/*.json --split heldout --data-root ../shared/data
# Seventeenth session. Main as it stood (8ffddb6), both halves read once before any change: tune 0 of 2
# found, 1 flagged (none true), 0 of 9 near-misses; held-out 0 of 2 found, nothing flagged, 0 of 7.
# The session's three rules (cases active now, the noun "target", family relations), chosen on the
# tuning halves: tune 0 flagged, 0 of 2, 0 of 9; held-out read once after all choices, nothing changed
# after: 0 of 2 found, nothing flagged, 0 of 7 (as before). Pinned as SECOND_SET: how many conflicts
# the comparison reports at most, how many true ones at least, and the share of near-misses flagged
# (lower is better).
# 918971a (Polish and Turkish figures read): tune 1 of 2 found, 1 flagged (true), 0 of 9; held-out,
# measured after it (read once, by the review, nothing chosen): 1 of 2 found, 1 flagged (true), 0 of 7.
# The pins follow (raised: a true conflict found in each half).
# auto+words the default (lead): held-out (read once afterwards) 1 -> 2 flagged (1 true), PIN LOWERED;
# tune unchanged.
# Eighteenth session: pinned as SECOND_SET, true conflicts found and false flags (the same figures:
# tune 1 found, 0 false; held-out 1 found, 1 false). Then the session's conflict rules (tuning half of
# conflicts2; tune here unchanged). Held-out, read once after them (main bb4e2b5), nothing changed
# after: 1 of 2 found, 2 false flags, 1 of 7 near-misses (0.143), PIN LOWERED (false flags 1 -> 2,
# near-misses 0 -> 0.143): main before the rules (fd78e06) gives the same figures, so the change came
# with the analysis changes landed earlier this session (which measured the tuning halves only); which
# of them was not measured.
# Nineteenth session: the one sum of money each of two reports gives is compared (slots._the_one_sum):
# tune 1 -> 2 of 2 found, no false flag, 0 of 9 (raised).
THIRD_SET = {
    "tune": {"found": 2, "false_flags": 0, "near_misses": 0.0},
    "heldout": {"found": 1, "false_flags": 2, "near_misses": 0.143},
}


@pytest.mark.shared
@pytest.mark.parametrize("split", sorted(THIRD_SET))
def test_conflicts_on_the_third_conflict_set(split: str) -> None:
    if not (DATA / "same-story" / "semeval2022-sample-dev.jsonl").is_file():
        pytest.skip("../shared/data is absent")
    files = sorted((ROOT / "examples" / "gold-real" / "conflicts3").glob("*.json"))
    total = evaluate_gold_files(files, "use", 0.5, data_root=DATA, split=split)["total"]
    assert_conflict_pins(total, THIRD_SET[split])


# The link_embedder setting "e5" (e5 on the uncertain pairs in every language; the default "auto" is
# e5 for English pairs only), held-out links per language pair (2026-11-29, sixth session):
#     blickwinkel eval compare examples/gold-real/*.json --split heldout \\
#         --data-root ../shared/data --link-embedder e5 --format json
HELDOUT_LINK_EMBEDDER = {
    # licence-clean refit (eighth session): en 0.943/0.638 -> 0.876/0.609 (64/73, 64/105), both
    # lowered; de 0.954/0.711 -> 0.956/0.745 (44/46, 44/59); de-en 0.571/0.333 -> 0.8/0.333 (4/5, 4/12).
    # de-en precision 0.8 -> 0.666 in the ninth session by the German-inflection key rules; then the
    # ninth session's refit with our own stories: en 0.929/0.628 (66/71, 66/105); de 0.976/0.711
    # (42/43, 42/59: recall LOWERED); de-en 0.5/0.25 (3/6, 3/12: both LOWERED). Tenth session's
    # grouping rules: en P 0.929 -> 0.970 (66/68). Tenth session's refit with all our own stories: en
    # 0.984/0.6 (63/64, 63/105: recall LOWERED), de 0.976/0.711 (42/43, 42/59), de-en 0.5/0.25
    "en": {("links", "precision"): 0.984, ("links", "recall"): 0.6},
    "de": {("links", "precision"): 0.976, ("links", "recall"): 0.711},
    "de-en": {("links", "precision"): 0.5, ("links", "recall"): 0.25},
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
