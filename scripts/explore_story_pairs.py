"""Same-story candidates of the eighteenth session, cross-validated on folds grouped by article.

Usage::

    python scripts/explore_story_pairs.py [FILE.jsonl] [--cache /tmp/blickwinkel-story-embeddings]
        [--entities /tmp/story-entities.pickle] [--seeds 0,1,2,3,4]

Prints the Pearson per language pair, 10-fold cross-validated on the fixed folds of
:mod:`blickwinkel.stories.fitting` grouped by article (``fitting.pair_groups``), for the folds of each
seed and their mean, of the shipped e5 model without and with the publication days estimated from the
story ids, and of that model with one more candidate set (the shipped ``dates`` set with the
candidate's features; inner CV chooses the set per language pair as for the shipped model):

- ``entities``: the named entities of the analysis (``analyse.pipeline.analyse_articles``: the German
  tagger and the rules, keys shared across languages where the gazetteer and the organisation table
  know a name) — the Jaccard overlap of all keys, and of the keys of persons, places and organisations
  apart (issue 12's "keys by kind"); the analysis of the 1,487 texts is cached in ``--entities``
  (about 30 minutes of CPU at load 20 on the first run);
- ``entity clashes``: whether both texts name persons (places) and none alike;
- ``headline share``: the lower of the two texts' share of their headline's words used again below it
  (``features.headline_share``, the headline as the story features read it), alone, times the
  document cosine, and the title cosine times its complement (a lexical stand-in for the title
  agreement).

Nothing here ships; README lists the figures (eighteenth session). The e5 vectors come from the
cache of ``scripts/fit_story_weights.py``.
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import get_embedder
from blickwinkel.model import Article
from blickwinkel.stories import fitting
from blickwinkel.stories.evaluate import SimilarityPair, pair_article, pearson_by_language
from blickwinkel.stories.features import StoryDoc, doc_parts, headline_share, with_centres
from blickwinkel.stories.score import jaccard

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fit_story_weights import DEFAULT_DATA, DiskCachedEmbedder, pair_docs, read_semeval_pairs

Floats = npt.NDArray[np.float64]
KEYS = ("all", "de-de", "de-en", "en-en", "es-es", "fr-fr", "pl-pl", "tr-tr", "ar-ar")
KINDS = ("PER", "LOC", "ORG")
Entities = dict[str, frozenset[tuple[str, str]]]


def articles_of(pairs: Sequence[SimilarityPair]) -> list[Article]:
    """Each pair's two articles as the story features read them (ids ``"<pair id>/<side>"``)."""
    return [
        pair_article(p.pair_id, side, text, language)
        for p in pairs
        for side, text, language in (("1", p.text1, p.lang1), ("2", p.text2, p.lang2))
    ]


def analysed_entities(pairs: Sequence[SimilarityPair], cache: Path) -> Entities:
    """The (type, key) of every entity the analysis finds in each article, cached in ``cache``."""
    if cache.exists():
        with cache.open("rb") as handle:
            cached: Entities = pickle.load(handle)
        return cached
    from blickwinkel.analyse.pipeline import analyse_articles

    articles = articles_of(pairs)
    out: Entities = {}
    for start in range(0, len(articles), 64):
        chunk = articles[start : start + 64]
        for article, analysed in zip(chunk, analyse_articles(chunk), strict=True):
            out[article.id] = frozenset((m.type, m.key) for s in analysed.statements for m in s.entities)
        print(f"  analysed {start + len(chunk)} of {len(articles)}", file=sys.stderr, flush=True)
    with cache.open("wb") as handle:
        pickle.dump(out, handle)
    return out


def headline_shares(pairs: Sequence[SimilarityPair]) -> dict[str, float]:
    """Each article's share of its headline's words used again below it (as the story features read
    the headline: a short first line, else the first sentence)."""
    out = {}
    for article in articles_of(pairs):
        parts = doc_parts(article)
        out[article.id] = headline_share(parts.title, parts.scan[len(parts.title) :])
    return out


def extra_features(
    docs: Sequence[StoryDoc], entities: Entities, shares: Mapping[str, float]
) -> list[dict[str, float]]:
    """The candidates' features of each pair that do not depend on the fold (the rest: ``rows_for``)."""
    out = []
    for n in range(len(docs) // 2):
        a, b = entities.get(docs[2 * n].id, frozenset()), entities.get(docs[2 * n + 1].id, frozenset())
        row = {"entities_all": jaccard(frozenset(k for _, k in a), frozenset(k for _, k in b))}
        for kind in KINDS:
            row[f"entities_{kind}"] = jaccard(
                frozenset(k for t, k in a if t == kind), frozenset(k for t, k in b if t == kind)
            )
        for kind in ("PER", "LOC"):
            first = {k for t, k in a if t == kind}
            second = {k for t, k in b if t == kind}
            row[f"clash_{kind}"] = 1.0 if first and second and not first & second else 0.0
        row["headline_share"] = min(shares[docs[2 * n].id], shares[docs[2 * n + 1].id])
        out.append(row)
    return out


def with_extra(
    docs: Sequence[StoryDoc], extra: Sequence[dict[str, float]]
) -> Callable[[npt.NDArray[np.int64]], list[dict[str, float]]]:
    """Each outer fold's rows (centred on its training texts, as the shipped CV) with ``extra`` added,
    and the headline share's products with that fold's centred cosines."""

    def rows_for(train: npt.NDArray[np.int64]) -> list[dict[str, float]]:
        rows = fitting.pair_rows(with_centres(docs, fitting.pair_centres(docs, train)))
        out = []
        for row, more in zip(rows, extra, strict=True):
            share = more["headline_share"]
            products = {
                "doc_times_share": row["cos_doc_c"] * share,
                "title_times_unshared": row["cos_title_c"] * (1.0 - share),
            }
            out.append({**row, **more, **products})
        return out

    return rows_for


def show(label: str, runs: Sequence[Mapping[str, float]]) -> None:
    cells = "  ".join(f"{k}={runs[0][k]:.3f}" for k in KEYS)
    print(f"{label:<34} seed 0: {cells}", flush=True)
    if len(runs) > 1:
        means = "  ".join(f"{k}={np.mean([r[k] for r in runs]):.3f}" for k in KEYS)
        print(f"{'':<34}  mean: {means}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--cache", type=Path, default=Path("/tmp/blickwinkel-story-embeddings"))
    parser.add_argument("--entities", type=Path, default=Path("/tmp/story-entities.pickle"))
    parser.add_argument("--seeds", default="0,1,2,3,4", help="the folds of these seeds (0: reported)")
    args = parser.parse_args()
    pairs = read_semeval_pairs(args.data)  # with the days from the ids (evaluate.with_days_from_ids)
    seeds = [int(s) for s in args.seeds.split(",")]
    gold = np.asarray([p.overall for p in pairs], dtype=np.float64)
    options = fitting.options_for("e5")
    docs = pair_docs(pairs, DiskCachedEmbedder(get_embedder("e5"), args.cache), options)
    languages = fitting.pair_languages(docs)
    gaps = fitting.pair_gaps(docs)
    groups = fitting.pair_groups(docs)
    rows_for = with_extra(
        docs, extra_features(docs, analysed_entities(pairs, args.entities), headline_shares(pairs))
    )
    dates = options.sets["dates"]
    candidates: dict[str, tuple[str, ...]] = {
        "shipped": (),
        "entities (all keys)": ("entities_all",),
        "entities by kind": tuple(f"entities_{kind}" for kind in KINDS),
        "entity clashes": ("clash_PER", "clash_LOC"),
        "headline share": ("headline_share", "doc_times_share", "title_times_unshared"),
        "document times headline share": ("doc_times_share",),
    }
    for dated in (False, True):
        chosen = options if dated else replace(options, publication_gap=False)
        for name, features in candidates.items():
            sets = dict(chosen.sets)
            if features:
                sets["candidate"] = (*dates, *features)
            runs = []
            for seed in seeds:
                predicted, _ = fitting._cross_validated(
                    rows_for,
                    gold,
                    languages,
                    fitting.CrossValidation(replace(chosen, sets=sets), seed=seed),
                    gaps,
                    groups,
                )
                runs.append(pearson_by_language([-float(v) for v in predicted], pairs))
            show(f"{'dated' if dated else 'text'}: {name}", runs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
