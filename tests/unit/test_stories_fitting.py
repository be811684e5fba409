"""The same-story fitting (per-language-pair sets by inner CV), body chunks and the clustering link."""

from __future__ import annotations

import numpy as np
import pytest

from blickwinkel.stories import fitting
from blickwinkel.stories.cluster import link
from blickwinkel.stories.features import CHUNK_CHARS, MAX_CHUNKS, StoryDoc, body_chunks
from blickwinkel.stories.weights import StoryModel, language_pair


def _rows(count: int, seed: int) -> tuple[list[dict[str, float]], np.ndarray]:
    """Pairs whose gold follows the document cosine for 'aa' and the title cosine for 'bb'."""
    rng = np.random.default_rng(seed)
    rows, gold = [], []
    for i in range(count):
        row = {name: float(rng.uniform(0, 1)) for name in fitting.FEATURE_SETS["combined"]}
        driver = row["cos_doc"] if i % 2 == 0 else row["cos_title"]
        rows.append(row)
        gold.append(4.0 - 3.0 * driver + float(rng.normal(0, 0.05)))
    return rows, np.asarray(gold)


def test_each_language_pair_gets_the_set_that_fits_it() -> None:
    rows, gold = _rows(200, 1)
    languages = ["aa-aa" if i % 2 == 0 else "bb-bb" for i in range(200)]
    model = fitting.fit_model(rows, gold, languages)
    assert model.chosen["aa-aa"] == "document"
    assert model.chosen["bb-bb"] in ("embeddings", "combined")
    predicted, models = fitting.cross_validated(rows, gold, languages)
    assert len(models) == fitting.FOLDS
    # Sets are fitted on all pairs (a blend of both drivers), so the fit is good, not perfect.
    assert float(np.corrcoef(predicted, gold)[0, 1]) > 0.7


def test_small_language_pairs_use_the_default_set() -> None:
    rows, gold = _rows(100, 2)
    languages = ["cc-cc" if i < fitting.MIN_GROUP_PAIRS - 1 else "aa-aa" for i in range(100)]
    model = fitting.fit_model(rows, gold, languages)
    assert "cc-cc" not in model.chosen
    assert model.for_languages("cc", "cc") is model.sets[model.default]


def test_folds_are_fixed_and_disjoint() -> None:
    first, second = fitting.folds(57), fitting.folds(57)
    assert all((a == b).all() for a, b in zip(first, second, strict=True))
    assert sorted(int(i) for part in first for i in part) == list(range(57))


def test_grouped_folds_keep_each_group_in_one_fold_and_the_other_items_where_they_were() -> None:
    groups = list(range(57))
    groups[3] = groups[40] = groups[11] = -1  # three items of one group
    grouped, plain = fitting.folds(57, groups=groups), fitting.folds(57)
    assert sorted(int(i) for part in grouped for i in part) == list(range(57))
    home = [next(n for n, part in enumerate(grouped) if i in part) for i in (3, 40, 11)]
    assert len(set(home)) == 1
    # Every other item keeps the fold it has without groups.
    for n, part in enumerate(plain):
        for i in part:
            if int(i) not in (3, 40, 11):
                assert i in grouped[n]


def test_pairs_that_share_an_article_share_a_group() -> None:
    from blickwinkel.stories.features import article_from_text, story_docs
    from tests.unit.test_stories_props import HashedWordsEmbedder

    sides = [
        ("11_12", "The ferry ran aground off the island.", "A storm closed the harbour."),
        ("13_14", "The ferry ran aground off the island.", "The mayor opened a new library."),
        # the same story id as the first pair's second article, with a second version of its text
        ("15_12", "Rain is expected all week.", "A storm closed the harbour on Monday."),
        ("16_17", "The council voted on the budget.", "Schools reopen after the holidays."),
    ]
    articles = [
        article_from_text(f"{pair_id}/{side}", text)
        for pair_id, first, second in sides
        for side, text in (("1", first), ("2", second))
    ]
    groups = fitting.pair_groups(story_docs(articles, HashedWordsEmbedder()))
    assert groups[0] == groups[1] == groups[2] != groups[3]


def test_the_fold_seed_moves_the_split_and_defaults_to_the_reported_one() -> None:
    rows, gold = _rows(120, 3)
    languages = ["aa-aa" if i % 2 == 0 else "bb-bb" for i in range(120)]
    default, _ = fitting.cross_validated(rows, gold, languages)
    same, _ = fitting.cross_validated(rows, gold, languages, fitting.CrossValidation(seed=fitting.FOLD_SEED))
    other, _ = fitting.cross_validated(
        rows, gold, languages, fitting.CrossValidation(seed=fitting.FOLD_SEED + 1)
    )
    assert (default == same).all()
    assert not (default == other).all()
    assert float(np.corrcoef(other, gold)[0, 1]) > 0.7


def test_one_cross_validation_object_serves_both_entry_points() -> None:
    rows, gold = _rows(120, 4)
    languages = ["aa-aa" if i % 2 == 0 else "bb-bb" for i in range(120)]
    how = fitting.CrossValidation(k=5, alpha=2.0, seed=fitting.FOLD_SEED + 2)
    one = how.with_sets({"document": ("cos_doc",)})
    assert one.options.sets == {"document": ("cos_doc",)} and (one.k, one.alpha, one.seed) == (5, 2.0, 2)
    assert how.options.sets == fitting.FEATURE_SETS  # with_sets leaves the original as it was
    predicted, models = fitting.cross_validated(rows, gold, languages, one)
    assert len(models) == 5 and all(set(m.sets) == {"document"} for m in models)
    by_hand = np.zeros(len(rows))
    for test in fitting.folds(len(rows), 5, fitting.FOLD_SEED + 2):
        train = np.setdiff1d(np.arange(len(rows)), test)
        model = fitting.fit_model(
            [rows[i] for i in train],
            gold[train],
            [languages[i] for i in train],
            options=one.options,
            alpha=2.0,
        )
        for i in test:
            by_hand[i] = fitting.predict_pair(model, languages[i], rows[i])
    assert (predicted == by_hand).all()


def test_isotonic_is_the_least_squares_non_decreasing_fit() -> None:
    x = np.asarray([1.0, 1.0, 2.0, 2.0, 3.0, 3.0, 4.0])
    y = np.asarray([1.0, 3.0, 2.0, 2.0, 4.0, 1.0, 4.0])
    fit = fitting.isotonic(x, y)
    # Ties pooled first (means 2, 2, 2.5, 4), already non-decreasing.
    assert fit.inputs == (1.0, 2.0, 3.0, 4.0)
    assert fit.outputs == (2.0, 2.0, 2.5, 4.0)
    violated = fitting.isotonic(np.asarray([1.0, 2.0, 3.0]), np.asarray([3.0, 1.0, 2.0]))
    assert violated.outputs == (2.0, 2.0)  # one block: its first and last input
    assert violated.inputs == (1.0, 3.0)
    assert fit.apply(0.0) == 0.5 * 2.0 + 0.5 * 0.0  # flat beyond the ends, then mixed half and half


def test_calibration_is_fitted_per_large_language_pair_and_used_in_cross_validation() -> None:
    rng = np.random.default_rng(7)
    rows, gold = [], []
    for _ in range(240):
        cosine = float(rng.uniform(0, 1))
        rows.append({"cos_doc": cosine})
        # A step: the gold does not follow the cosine linearly.
        gold.append((1.0 if cosine > 0.6 else 4.0) + float(rng.normal(0, 0.1)))
    languages = ["aa-aa"] * 200 + ["cc-cc"] * 40
    sets = {"document": ("cos_doc",)}
    options = fitting.FitOptions(sets, calibrated=True)
    model = fitting.fit_model(rows, np.asarray(gold), languages, options=options)
    assert set(model.calibration) == {"aa-aa"}  # cc-cc is below MIN_CALIBRATION_PAIRS and MIN_GROUP_PAIRS
    outputs = model.calibration["aa-aa"].outputs
    assert list(outputs) == sorted(outputs)
    plain, _ = fitting.cross_validated(
        rows, np.asarray(gold), languages, fitting.CrossValidation(fitting.FitOptions(sets))
    )
    calibrated, _ = fitting.cross_validated(
        rows, np.asarray(gold), languages, fitting.CrossValidation(options)
    )
    first = slice(0, 200)
    assert np.corrcoef(calibrated[first], gold[:200])[0, 1] > np.corrcoef(plain[first], gold[:200])[0, 1]


def test_the_scale_map_is_a_non_decreasing_polynomial_or_none() -> None:
    values = np.linspace(1.0, 4.0, 50)
    bent = 1.0 + 3.0 * ((values - 1.0) / 3.0) ** 3  # rises, flat near 1, steep near 4
    coefficients = fitting.fit_scale_map(values, bent, 3)
    assert len(coefficients) == 4
    assert np.allclose(np.polyval(coefficients, values), bent, atol=1e-4)
    # A gold that falls with the value would turn the scale round: no map.
    assert fitting.fit_scale_map(values, 5.0 - values, 3) == ()
    assert fitting.fit_scale_map(values[:3], bent[:3], 3) == ()  # too few values for a cubic
    model = StoryModel(sets={}, default="document", scale_map=coefficients)
    for value in (1.0, 1.7, 2.5, 3.9):
        assert model.mapped(value) == pytest.approx(float(np.clip(np.polyval(coefficients, value), 1, 4)))
    assert StoryModel(sets={}, default="document", scale_map=(2.0, 0.0)).mapped(3.0) == 4.0  # clipped
    assert StoryModel(sets={}, default="document").mapped(2.345) == 2.345


def test_the_scale_map_is_fitted_with_the_model_and_used_in_cross_validation() -> None:
    rng = np.random.default_rng(11)
    rows, gold = [], []
    for _ in range(300):
        cosine = float(rng.uniform(0, 1))
        rows.append({"cos_doc": cosine})
        # The gold is not linear in the cosine: flat at low cosines, steep at high ones.
        gold.append(4.0 - 3.0 * cosine**3 + float(rng.normal(0, 0.1)))
    languages = ["aa-aa"] * 300
    sets = {"document": ("cos_doc",)}
    options = fitting.FitOptions(sets, scale_map=3)
    model = fitting.fit_model(rows, np.asarray(gold), languages, options=options)
    assert len(model.scale_map) == 4
    assert not fitting.fit_model(
        rows, np.asarray(gold), languages, options=fitting.FitOptions(sets)
    ).scale_map
    plain, _ = fitting.cross_validated(
        rows, np.asarray(gold), languages, fitting.CrossValidation(fitting.FitOptions(sets))
    )
    mapped, _ = fitting.cross_validated(rows, np.asarray(gold), languages, fitting.CrossValidation(options))
    assert np.corrcoef(mapped, gold)[0, 1] > np.corrcoef(plain, gold)[0, 1] + 0.01


def test_language_pair_key_does_not_depend_on_order() -> None:
    assert language_pair("en", "de") == language_pair("de", "en") == "de-en"
    assert language_pair(None, "de") == "de-xx"


def test_body_chunks_stay_within_their_limits() -> None:
    sentences = [f"Satz Nummer {i} sagt etwas über das Ereignis am Fluss." for i in range(40)]
    chunks = body_chunks(sentences, 1000)
    assert 0 < len(chunks) <= MAX_CHUNKS
    assert all(len(c) <= CHUNK_CHARS for c in chunks)
    assert body_chunks([], 1000) == ()
    assert body_chunks(sentences, 0) == ()


def test_link_is_symmetric_and_bounded() -> None:
    from blickwinkel.stories import article_from_text, story_docs
    from tests.unit.test_stories_props import HashedWordsEmbedder

    a, b = story_docs(
        [
            article_from_text(
                "a", "Die Brücke in Kellingen ist gesperrt. Risse wurden entdeckt.", title="Brücke"
            ),
            article_from_text("b", "In Kellingen wurde die Lindenbrücke gesperrt.", title="Sperrung"),
        ],
        HashedWordsEmbedder(),
    )
    assert link(a, b) == link(b, a)
    assert 0.0 <= link(a, b) <= 1.0


def test_standardised_ridge_without_penalty_is_least_squares_on_the_raw_scale() -> None:
    rng = np.random.default_rng(3)
    x = np.column_stack([rng.uniform(0.8, 1.0, 200), rng.uniform(0, 1, 200)])
    y = 5.0 - 4.0 * x[:, 0] + 0.5 * x[:, 1]
    for standardise in (False, True):
        intercept, coefficients = fitting.ridge(x, y, 0.0, standardise=standardise)
        assert abs(intercept - 5.0) < 1e-6
        assert np.allclose(coefficients, [-4.0, 0.5])


def test_a_hinge_at_the_median_document_cosine_bends_the_fit() -> None:
    rng = np.random.default_rng(4)
    cosines = rng.uniform(0.7, 1.0, 300)
    # The gold saturates at 1 ("same story") above 0.85, as SemEval's does for near copies.
    gold = np.clip(4.0 - 20.0 * (cosines - 0.7), 1.0, 4.0)
    rows = [{"cos_doc": float(c)} for c in cosines]
    options = fitting.FitOptions({"document": ("cos_doc",)}, standardise=True, knot_levels=(0.5,))
    bent = fitting.fit_set(rows, gold, ("cos_doc",), 1.0, options)
    straight = fitting.fit_set(rows, gold, ("cos_doc",), 1.0, fitting.FitOptions({}))
    assert bent.knots == (round(float(np.median(cosines)), 4),)
    assert len(bent.coefficients) == 2 and straight.knots == ()
    assert bent.inputs({"cos_doc": 0.99}) == [0.99, max(0.0, 0.99 - bent.knots[0])]
    error = {
        name: float(np.mean((fitting.predict(model, rows) - gold) ** 2))
        for name, model in (("bent", bent), ("straight", straight))
    }
    assert error["bent"] < error["straight"]


def test_language_offsets_move_the_probability_not_the_scale() -> None:
    rows, gold = _rows(200, 5)
    languages = ["aa-aa" if i % 2 == 0 else "bb-bb" for i in range(200)]
    # The same drivers, but 'bb' pairs are judged half a point closer than 'aa' pairs.
    shifted = gold - 0.5 * np.asarray([language == "bb-bb" for language in languages])
    sets = {"document": ("cos_doc",), "embeddings": ("cos_doc", "cos_title")}
    options = fitting.FitOptions(sets, standardise=True, language_offsets=True)
    model = fitting.fit_model(rows, shifted, languages, options=options)
    assert model.offsets["bb-bb"] < model.offsets["aa-aa"]
    for key in ("aa-aa", "bb-bb"):
        chosen = model.sets[model.chosen[key]]
        calibrated = model.for_pair(key)
        assert (calibrated.intercept, calibrated.coefficients) == (chosen.intercept, chosen.coefficients)
        assert calibrated.probability_midpoint == round(chosen.probability_midpoint - model.offsets[key], 4)
    without = fitting.fit_model(rows, shifted, languages, options=fitting.FitOptions(sets))
    assert without.offsets == {}


def test_the_publication_gap_term_is_fitted_on_dated_pairs_and_used_in_cross_validation() -> None:
    rng = np.random.default_rng(11)
    rows, gold, gaps = [], [], []
    for _ in range(240):
        cosine = float(rng.uniform(0, 1))
        gap = int(rng.integers(0, 60))
        rows.append({"cos_doc": cosine})
        gaps.append(gap)
        # Pairs published far apart are judged less alike than their texts say.
        gold.append(4.0 - 2.0 * cosine + 0.4 * np.log1p(gap) - 0.6 + float(rng.normal(0, 0.1)))
    languages = ["aa-aa"] * 240
    sets = {"document": ("cos_doc",)}
    options = fitting.FitOptions(sets, publication_gap=True)
    model = fitting.fit_model(rows, np.asarray(gold), languages, options=options, gaps=gaps)
    assert model.dates_fitted and model.gap_slope > 0.3
    # Unknown days leave the value as it is; known ones move it, within the scale.
    assert model.dated(2.5, None) == 2.5
    assert model.dated(2.5, 0) == 2.5 + model.gap_shift
    assert model.dated(4.0, 365) == 4.0
    # Without the gaps, or with too few dated pairs, there is no term.
    assert not fitting.fit_model(rows, np.asarray(gold), languages, options=options).dates_fitted
    few = [g if i < fitting.MIN_GAP_PAIRS - 1 else None for i, g in enumerate(gaps)]
    assert not fitting.fit_model(rows, np.asarray(gold), languages, options=options, gaps=few).dates_fitted
    plain, _ = fitting.cross_validated(
        rows, np.asarray(gold), languages, fitting.CrossValidation(fitting.FitOptions(sets))
    )
    dated, _ = fitting.cross_validated(
        rows, np.asarray(gold), languages, fitting.CrossValidation(options), gaps=gaps
    )
    assert np.corrcoef(dated, gold)[0, 1] > np.corrcoef(plain, gold)[0, 1] + 0.05


def test_the_fitted_gap_term_moves_the_pair_score_and_not_the_clusterers_probability(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import datetime as dt
    from dataclasses import replace

    from blickwinkel.stories import same_story_score
    from blickwinkel.stories.features import article_from_text, story_docs
    from blickwinkel.stories.score import pair_probability
    from blickwinkel.stories.weights import GAP_FREE_DAYS, WEIGHTS, weights_for
    from tests.unit.test_stories_props import HashedWordsEmbedder

    texts = ("Die Fähre lief vor der Insel auf Grund.", "Vor der Insel ist eine Fähre aufgelaufen.")
    undated = [
        replace(doc, embedder="e5")  # scored with the e5 model, which carries the term
        for doc in story_docs(
            [article_from_text(f"a{i}", t, title="Fähre", language="de") for i, t in enumerate(texts)],
            HashedWordsEmbedder(),
        )
    ]
    shipped = weights_for("e5")
    assert shipped.dates_fitted and shipped.gap_shift < 0 < shipped.gap_slope
    with_map = same_story_score(*undated).overall
    # The gap term before the model's scale map (which comes last: weights.StoryModel.mapped).
    model = replace(shipped, scale_map=())
    monkeypatch.setitem(WEIGHTS, "e5", model)
    plain = same_story_score(*undated)
    assert with_map == shipped.mapped(plain.overall)
    assert plain.probability == pair_probability(*undated)

    def published(gap: int) -> list[StoryDoc]:
        day = dt.date(2024, 5, 1)
        return [
            replace(undated[0], published=day),
            replace(undated[1], published=day + dt.timedelta(days=gap)),
        ]

    same_day, weeks = same_story_score(*published(0)), same_story_score(*published(GAP_FREE_DAYS + 10))
    assert same_day.overall == model.dated(plain.overall, 0) < plain.overall
    assert weeks.overall == model.dated(plain.overall, GAP_FREE_DAYS + 10) > plain.overall
    assert weeks.reasons["date_gap_days"] == GAP_FREE_DAYS + 10
    # The pair score's probability reads the term too, so it agrees with the scale value ...
    assert same_day.probability > plain.probability > weeks.probability
    # ... the clusterer's keeps the hand-set penalty: none within GAP_FREE_DAYS, then per day.
    assert (
        pair_probability(*published(0))
        == plain.probability
        > pair_probability(*published(GAP_FREE_DAYS + 10))
    )
