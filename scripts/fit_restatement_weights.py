"""Fit the restatement model: a logistic regression over the parts of a pair of one article's statements.

Usage::

    python scripts/fit_restatement_weights.py [--data-root ../shared/data] [--cache DIR] [--write]

Training pairs are the candidate pairs of :func:`blickwinkel.compare.restatement.shared_partners`
(two statements of one article that both have one statement of another article among their
alignment candidates) in our own writing only: the gold of our invented training stories
(examples/gold-train/own-*.json) and of our example stories (examples/gold). Two statements of one
article that one gold fact names are a positive pair (a lead restated in the body, a fact told in two
sentences), of two different facts a negative one; facts marked as overlapping, and statements no
fact names, are left out. The penalty is chosen by leave-one-story-out log loss; the leave-one-story-
out figures are printed per kind of story. Nothing of the real-news gold is read here: its tuning
half chooses the model's threshold alone, by ``blickwinkel eval compare`` (docs/data-sources.md).
``--write`` rewrites the fitted block of src/blickwinkel/compare/restatement_weights.py (keeping
``--threshold``).
"""

from __future__ import annotations

import argparse
import hashlib
import pickle
import re
import sys
from pathlib import Path
from typing import Any

import numpy as np
from fit_link_weights import SIGNS, Fitted, StoredVectors, compared_gold, log_loss, pair_figures

from blickwinkel.compare.align import StoryScorer, candidate_pairs
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.restatement import restated_pairs
from blickwinkel.compare.restatement_weights import RESTATEMENT_MODEL, RestatementModel
from blickwinkel.compare.similarity import embedding_text
from blickwinkel.embed import get_embedder

ROOT = Path(__file__).resolve().parents[1]
WEIGHTS_FILE = ROOT / "src" / "blickwinkel" / "compare" / "restatement_weights.py"
FEATURES = (
    "meaning",
    "wording",
    "lemmas",
    "names",
    "name_clash",
    "number_match",
    "number_mismatch",
    "adjacent",
    "lead",
    "partner",
)
# The direction each part must point: the link model's SIGNS, position either way, a shared partner up.
RESTATEMENT_SIGNS = {**SIGNS, "adjacent": 0, "lead": 0, "partner": 1}
C_GRID = (0.03, 0.1, 0.3, 1.0, 3.0)


def gold_paths() -> list[Path]:
    """Our own writing: the invented training stories' gold and the example stories' gold."""
    return sorted((ROOT / "examples" / "gold-train").glob("own-*.json")) + sorted(
        (ROOT / "examples" / "gold").glob("*.json")
    )


def story_rows(
    path: Path, data_root: Path, cache: Path, use: StoredVectors
) -> list[tuple[dict[str, float], int]]:
    """The labelled candidate pairs of one gold file (cached by the file's content)."""
    digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    stored = cache / f"{path.stem}-{digest}.pickle"
    if stored.exists():
        statements, parts, emb, located, overlaps = pickle.loads(stored.read_bytes())[:5]
    else:
        _, _, comparison, key = compared_gold(path, data_root, use)
        statements = list(comparison.statements)
        parts = parts_of(statements)
        emb = use.encode([embedding_text(p.text) for ps in parts for p in ps])
        located, overlaps = dict(key.located), key.overlaps
        stored.write_bytes(pickle.dumps((statements, parts, emb, located, overlaps)))
        use.save()
    scorer = StoryScorer(statements, parts, emb, "use")
    fact_of = {sid: name for (name, _article), ids in located.items() for sid in ids}
    out = []
    for i, j, found in restated_pairs(
        statements,
        scorer.by_article,
        scorer.sims,
        scorer.feats,
        scorer.idf,
        scorer.common,
        candidate_pairs(scorer),
        lambda a, b: scorer(a, b).score,
    ):
        fa, fb = fact_of.get(statements[i].id), fact_of.get(statements[j].id)
        if fa is None or fb is None or (fa != fb and frozenset((fa, fb)) in overlaps):
            continue
        out.append((found, int(fa == fb)))
    return out


def held_out(
    x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], names: list[str], c: float
) -> np.ndarray[Any, Any]:
    """Each pair's probability from the model fitted on the other stories' pairs."""
    arr = np.array(names)
    predicted = np.zeros(len(y))
    for story in sorted(set(names)):
        test = arr == story
        if len(set(y[~test])) < 2:
            predicted[test] = y[~test].mean()
            continue
        predicted[test] = fit(x[~test], y[~test], c).predict(x[test])
    return predicted


def fit(x: np.ndarray[Any, Any], y: np.ndarray[Any, Any], c: float) -> Fitted:
    return Fitted(x, y, c, FEATURES, signs=RESTATEMENT_SIGNS)


def kind(name: str) -> str:
    return next((k for k in ("own-e-", "own-p-", "own-x2-", "own-x-") if name.startswith(k)), "examples")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data-root", type=Path, default=Path("../shared/data"))
    ap.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-restatement-fit"))
    ap.add_argument("--threshold", type=float, default=RESTATEMENT_MODEL.threshold)
    ap.add_argument("--write", action="store_true")
    args = ap.parse_args()
    args.cache.mkdir(parents=True, exist_ok=True)
    use = StoredVectors(get_embedder("use"), args.cache)
    xs, ys, names = [], [], []
    for path in gold_paths():
        for found, label in story_rows(path, args.data_root, args.cache, use):
            xs.append([found[f] for f in FEATURES])
            ys.append(label)
            names.append(path.stem)
        print(f"{path.stem}: {sum(1 for n in names if n == path.stem)} pairs", file=sys.stderr)
    x, y = np.array(xs, dtype=float), np.array(ys, dtype=int)
    scored = [(round(log_loss(held_out(x, y, names, c), y), 4), c) for c in C_GRID]
    c = min(scored)[1]
    print(f"penalty C {c} (leave-one-story-out log loss: {', '.join(f'{v} at {k}' for v, k in scored)})")
    predicted = held_out(x, y, names, c)
    kinds = np.array([kind(n) for n in names])
    for threshold in sorted({0.3, 0.4, 0.5, 0.6, 0.7, args.threshold}):
        p, r, _ = pair_figures(predicted - threshold + 0.5, y)
        line = (
            f"leave-one-story-out at {threshold}: P {p:.3f} R {r:.3f} ({int(y.sum())} positive of {len(y)})"
        )
        for k in sorted(set(kinds)):
            m = kinds == k
            pk, rk, _ = pair_figures(predicted[m] - threshold + 0.5, y[m])
            line += f"; {k} P {pk:.3f} R {rk:.3f} ({int(y[m].sum())}/{int(m.sum())})"
        print(line)
    model = fit(x, y, c)
    fitted = RestatementModel(
        FEATURES,
        round(model.intercept, 4),
        tuple(round(float(v), 4) for v in model.coef),
        args.threshold,
    )
    print(
        f"intercept {fitted.intercept}, "
        + ", ".join(f"{f} {v}" for f, v in zip(FEATURES, fitted.coefficients, strict=True))
    )
    if args.write:
        write(fitted)


def write(model: RestatementModel) -> None:
    body = [
        "# BEGIN FITTED (rewritten by scripts/fit_restatement_weights.py --write)",
        "RESTATEMENT_MODEL = RestatementModel(",
        "    features=(",
        *[f'        "{f}",' for f in model.features],
        "    ),",
        f"    intercept={model.intercept},",
        "    coefficients=(",
        *[f"        {c}," for c in model.coefficients],
        "    ),",
        f"    threshold={model.threshold},",
        ")",
        "# END FITTED",
    ]
    text = WEIGHTS_FILE.read_text(encoding="utf-8")
    text = re.sub(r"# BEGIN FITTED.*# END FITTED", "\n".join(body), text, flags=re.DOTALL)
    WEIGHTS_FILE.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
