"""Where story clustering goes wrong on WikiNews event clusters, and what the current signals allow.

Usage::

    python scripts/explore_story_clusters.py [FILE.json] [--embedder use] [--cache /tmp/docs.pickle]
        [--events] [--separation]

Clusters the file's articles with the shipped clusterer (``StoryClusterer``, shipped threshold and
weights) and prints:

- the errors by event: stories that merge several gold events (with the publication dates the file
  gives and the dates found in the articles' URLs), and events split over several stories
  (``--events`` lists each one);
- whether dates could part the merged events: the publication dates of the file and, where the URL
  holds one, the URL's date (most publishers put the publication day into the path);
- the ceiling of each single channel (pair probability, name keys, rare words, the plain TF-IDF
  cosine of the baseline, cosines of the embeddings) under offline average linkage (scipy, all pairs,
  document frequencies over the whole file): the best global threshold (in-sample) and an oracle that
  picks the best threshold for each gold event separately (an upper bound no method reaches); also
  the share of articles whose most similar article belongs to their own event;
- the same channels with URL dates as evidence (link lowered per day of URL-date distance beyond a
  few free days), and with each article's similarities scaled by those of its k-th neighbour (local
  scaling);
- 5 event-fold cross-validated B-cubed F1 of offline average linkage for the rare-word channel and
  the TF-IDF cosine (threshold chosen per fold on the other folds' events, as the library's
  ``eval stories --cross-validate`` and ``bench/stories.py`` choose theirs).

``--separation`` prints instead (twelfth session) how well each pair signal tells two articles of one
event from two of different events: over all pairs (ROC AUC and average precision), and over the pairs
inside the stories of the shipped clusterer that merge several events (the events of one ongoing story,
the main loss of precision), with signals the clusterer does not read there: the Jaccard overlap of the
dates the articles name, the rare words of the headlines, and rare words with document frequencies
counted inside the merged story only, and (fourteenth session) the days apart of the two articles'
event days (:func:`event_day`: the first calendar day named in the title or lead, weekdays and
"yesterday" resolved against the publication date, else the publication date), of their publication
days, and the rarest name key the two share (its IDF over the file); then the B-cubed bounds of
perfect repairs of the shipped clustering (every merged story split by its events; the stories of
one event merged), and offline average linkage over the rare words weighted by how alike the two
articles' nearest neighbours are (shared nearest neighbours: the cosine of their rows of rare-word
links, kept to the k best).

The offline clustering and B-cubed here are this script's own (scipy), not the library's. Nothing
here is shipped: WikiNews is evaluation-only, so it may measure and choose a handful of thresholds,
never train what ships.
"""

from __future__ import annotations

import argparse
import datetime as dt
import pickle
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

from blickwinkel.embed import get_embedder
from blickwinkel.model import Article
from blickwinkel.stories.evaluate import cluster_with_progress, docs_with_progress, parse_event_clusters
from blickwinkel.stories.features import StoryDoc, headline_terms
from blickwinkel.stories.lexical import DocumentFrequencies, lexical_cosine
from blickwinkel.stories.metrics import clustering_scores
from blickwinkel.stories.score import jaccard, pair_probability

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "story-clusters" / "wikinews-en-dev.json"
Matrix = npt.NDArray[np.float64]
THRESHOLDS = np.round(np.arange(0.025, 1.0, 0.025), 3)
FOLDS = 5

_MONTHS = {m: i + 1 for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split())}
_URL_DATES = (
    re.compile(r"(?<!\d)((?:19|20)\d\d)[/-](\d{1,2})[/-](\d{1,2})(?!\d)"),  # /2014/02/26/, 2014-03-16
    re.compile(r"(?<!\d)(20\d\d)/([A-Za-z]{3})[a-z]*[-/](\d{1,2})(?!\d)"),  # /2014/Feb-26/, /2014/mar/02/
    re.compile(r"(?<!\d)(20\d\d)/?(\d\d)(\d\d)(?!\d)"),  # /2014/0226/, -20140312-
)


def url_date(url: str | None) -> dt.date | None:
    """The publication day a URL's path gives (None when it gives none)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]+", "", url)
    for pattern in _URL_DATES:
        for year, month, day in (m.groups() for m in pattern.finditer(path)):
            number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
            try:
                return dt.date(int(year), number or 0, int(day))
            except ValueError:
                continue
    return None


def load_docs(
    path: Path, embedder: str, cache: Path | None
) -> tuple[list[Article], dict[str, str], list[StoryDoc]]:
    if cache is not None and cache.exists():
        loaded: tuple[list[Article], dict[str, str], list[StoryDoc]] = pickle.loads(cache.read_bytes())
        return loaded
    articles, gold = parse_event_clusters(path.read_text(encoding="utf-8"), str(path))
    docs = docs_with_progress(articles, get_embedder(embedder))
    if cache is not None:
        cache.write_bytes(pickle.dumps((articles, gold, docs)))
    return articles, gold, docs


# Characters of an article's text read for its event day (the lead: news names the event's day up front).
EVENT_DAY_CHARS = 600


def _days_apart(first: dt.date | None, second: dt.date | None) -> float:
    """Minus the days between two dates (-99 when either is unknown): a higher value, a closer pair."""
    if first is None or second is None:
        return -99.0
    return -float(abs((first - second).days))


def event_day(article: Article) -> dt.date | None:
    """The day an article reports its event on (fourteenth session): the first calendar day it names
    in its title or first ``EVENT_DAY_CHARS`` characters, weekdays and "yesterday" resolved against its
    publication date (``analyse/dates.py``), else its publication date."""
    from blickwinkel.analyse.dates import find_dates

    text = f"{article.title or ''}\n{article.text[:EVENT_DAY_CHARS]}"
    for mention in sorted(
        find_dates(text, article.language or "en", anchor=article.published), key=lambda m: m.start
    ):
        if mention.value is not None and len(mention.value) == 10:
            try:
                return dt.date.fromisoformat(mention.value)
            except ValueError:
                continue
    return article.published


def channels(articles: Sequence[Article], docs: Sequence[StoryDoc]) -> dict[str, Matrix]:
    """All-pairs similarity of each channel (document frequencies over the whole file)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    n = len(docs)
    frequencies = DocumentFrequencies()
    for doc in docs:
        frequencies.add(doc.terms)
    names = (
        "pair probability",
        "name keys",
        "rare words",
        "document cosine",
        "title cosine",
        "search vector",
    )
    out = {name: np.eye(n) for name in names}
    for i in range(n):
        for j in range(i + 1, n):
            a, b = docs[i], docs[j]
            values = (
                pair_probability(a, b),
                jaccard(a.entities, b.entities),
                lexical_cosine(a.terms, b.terms, frequencies.idf),
                float(a.doc_vec @ b.doc_vec),
                float(a.title_vec @ b.title_vec),
                float(a.vector @ b.vector),
            )
            for name, value in zip(names, values, strict=True):
                out[name][i, j] = out[name][j, i] = value
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    out["TF-IDF cosine (baseline)"] = np.asarray((matrix @ matrix.T).toarray())
    out["earlier link (keys 0.25, rare words 0.75)"] = 0.25 * np.minimum(
        1.0, 2.0 * out["name keys"]
    ) + 0.75 * (np.minimum(1.0, 2.0 * out["rare words"]))
    return out


def average_linkage(
    similarity: Matrix, threshold: float, rows: npt.NDArray[np.int64] | None = None
) -> npt.NDArray[np.int64]:
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = 1.0 - similarity if rows is None else 1.0 - similarity[np.ix_(rows, rows)]
    distance = np.clip(distance, 0.0, None)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), "average")
    labels: npt.NDArray[np.int64] = fcluster(tree, 1.0 - threshold, "distance").astype(np.int64)
    return labels


def bcubed_sums(
    labels: npt.NDArray[np.int64], events: npt.NDArray[np.str_], items: Sequence[int]
) -> tuple[float, float]:
    precision = recall = 0.0
    for i in items:
        same, event = labels == labels[i], events == events[i]
        correct = float((same & event).sum())
        precision += correct / float(same.sum())
        recall += correct / float(event.sum())
    return precision, recall


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def in_sample(similarity: Matrix, events: npt.NDArray[np.str_]) -> tuple[float, float, float]:
    """Best global threshold's B-cubed F1, that threshold, and the per-event-threshold oracle."""
    n = len(events)
    best = (0.0, 0.0)
    per_event: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for threshold in THRESHOLDS:
        labels = average_linkage(similarity, float(threshold))
        p, r = bcubed_sums(labels, events, range(n))
        best = max(best, (f1(p / n, r / n), float(threshold)))
        sums: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
        for i in range(n):
            pi, ri = bcubed_sums(labels, events, [i])
            sums[str(events[i])][0] += pi
            sums[str(events[i])][1] += ri
        for event, (pe, re_) in sums.items():
            per_event[event].append((pe, re_))
    p_oracle = r_oracle = 0.0
    for choices in per_event.values():
        pe, re_ = max(choices, key=lambda pr: pr[0] + pr[1])
        p_oracle += pe
        r_oracle += re_
    return best[0], best[1], f1(p_oracle / n, r_oracle / n)


def nearest_in_event(similarity: Matrix, events: npt.NDArray[np.str_]) -> float:
    """Share of articles (of events with several) whose most similar other article is of their event."""
    hits = total = 0
    for i in range(len(events)):
        if (events == events[i]).sum() < 2:
            continue
        row = similarity[i].copy()
        row[i] = -np.inf
        hits += int(events[int(row.argmax())] == events[i])
        total += 1
    return hits / total


def cross_validated(similarity: Matrix, events: npt.NDArray[np.str_]) -> tuple[float, list[float]]:
    """Event folds as the library's (sorted events dealt round-robin); threshold chosen per fold."""
    ordered = sorted(set(events.tolist()))
    fold_of = {event: k % FOLDS for k, event in enumerate(ordered)}
    folds = np.array([fold_of[e] for e in events.tolist()])
    precision = recall = 0.0
    chosen = []
    for fold in range(FOLDS):
        train = np.where(folds != fold)[0]
        test = np.where(folds == fold)[0]
        scores = []
        for threshold in THRESHOLDS:
            labels = average_linkage(similarity, float(threshold), train)
            p, r = bcubed_sums(labels, events[train], range(len(train)))
            scores.append((f1(p, r), -float(threshold)))
        threshold = -max(scores)[1]
        chosen.append(threshold)
        p, r = bcubed_sums(average_linkage(similarity, threshold), events, test.tolist())
        precision += p
        recall += r
    n = len(events)
    return f1(precision / n, recall / n), chosen


def locally_scaled(similarity: Matrix, k: int) -> Matrix:
    """Each pair's similarity over the geometric mean of both articles' k-th nearest similarity (halved)."""
    masked = similarity.copy()
    np.fill_diagonal(masked, -np.inf)
    kth = np.sort(masked, axis=1)[:, -k]
    scaled: Matrix = np.clip(similarity / np.sqrt(np.maximum(np.outer(kth, kth), 1e-9)), 0.0, 3.0) / 2.0
    return scaled


def with_url_dates(similarity: Matrix, gaps: Matrix, free_days: int, per_day: float) -> Matrix:
    penalty = per_day * np.maximum(0.0, np.nan_to_num(gaps, nan=0.0) - free_days)
    lowered: Matrix = similarity - penalty
    return lowered


def describe_errors(
    articles: Sequence[Article],
    gold: dict[str, str],
    docs: Sequence[StoryDoc],
    titles: Sequence[str],
    list_events: bool,
) -> None:
    clusterer = cluster_with_progress(docs)
    stories = [list(s.articles) for s in clusterer.stories()]
    story_of = {a: n for n, story in enumerate(stories) for a in story}
    by_id = {a.id: a for a in articles}
    published = Counter(a.published for a in articles)
    print(
        f"{len(articles)} articles, {len(set(gold.values()))} events, "
        f"{len(stories)} stories (shipped clusterer)"
    )
    common = ", ".join(f"{day}: {count}" for day, count in published.most_common(3))
    print(f"publication dates in the file: {len(published)} distinct; most common {common}")
    dated = sum(1 for a in articles if url_date(a.url))
    print(f"articles with a date in their URL: {dated}")

    def event_days(event: str, members: Sequence[str]) -> str:
        days = sorted({str(url_date(by_id[a].url)) for a in members if url_date(by_id[a].url)})
        return f"URL days {days[0]}…{days[-1]}" if days else "no URL day"

    merged = [s for s in stories if len({gold[a] for a in s}) > 1]
    wrong_pairs = parted = 0
    print(f"\nstories merging several events: {len(merged)}")
    for story in merged:
        counts = Counter(gold[a] for a in story)
        if list_events:
            parts = "; ".join(
                f"{titles[int(e[1:])][:38]!r} ×{c} ({event_days(e, [a for a in story if gold[a] == e])})"
                for e, c in counts.most_common()
            )
            print(f"  {parts}")
        for i, a in enumerate(story):
            for b in story[i + 1 :]:
                if gold[a] == gold[b]:
                    continue
                wrong_pairs += 1
                da, db = url_date(by_id[a].url), url_date(by_id[b].url)
                if da and db and abs((da - db).days) > 3:
                    parted += 1
    print(f"  wrongly joined pairs: {wrong_pairs}; with URL days more than 3 days apart: {parted}")
    split: dict[str, set[int]] = defaultdict(set)
    for a, event in gold.items():
        split[event].add(story_of[a])
    broken = {e: s for e, s in split.items() if len(s) > 1}
    print(f"events split over several stories: {len(broken)}")
    if list_events:
        for name, held in sorted(broken.items(), key=lambda item: int(item[0][1:])):
            sizes = sorted((sum(1 for a in stories[s] if gold[a] == name) for s in held), reverse=True)
            print(f"  {titles[int(name[1:])][:50]!r}: {sizes}")
    together = 0
    for event in {gold[a] for a in gold}:
        members = [a for a in gold if gold[a] == event]
        days = [d for d in (url_date(by_id[a].url) for a in members) if d is not None]
        if days and (max(days) - min(days)).days > 3:
            together += 1
    print(f"events whose own articles' URL days lie more than 3 days apart: {together}")


def auc(positive: Sequence[float], negative: Sequence[float]) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    from sklearn.metrics import roc_auc_score

    labels = [1] * len(positive) + [0] * len(negative)
    return float(roc_auc_score(labels, [*positive, *negative]))


def shared_neighbours(similarity: Matrix, k: int) -> Matrix:
    """Cosine of two articles' rows of ``similarity`` kept to each row's k largest (self left out)."""
    rows = similarity.copy()
    np.fill_diagonal(rows, 0.0)
    kept = np.zeros_like(rows)
    best = np.argsort(-rows, axis=1)[:, :k]
    np.put_along_axis(kept, best, np.take_along_axis(rows, best, axis=1), axis=1)
    kept /= np.maximum(np.linalg.norm(kept, axis=1, keepdims=True), 1e-12)
    shared: Matrix = kept @ kept.T
    return shared


def combined_scores(
    found: dict[str, Matrix], events: npt.NDArray[np.str_], upper: tuple[npt.NDArray[np.int64], ...]
) -> npt.NDArray[np.float64]:
    """Each pair's score from a logistic regression over all channels, fitted on the pairs of the other
    event folds (folds as the library's; a pair with an article in the fold is scored by that fold's
    model, a pair across two folds by the later fold's)."""
    from sklearn.linear_model import LogisticRegression

    ordered = sorted(set(events.tolist()))
    fold_of = {event: k % FOLDS for k, event in enumerate(ordered)}
    first = np.array([fold_of[e] for e in events[upper[0]].tolist()])
    second = np.array([fold_of[e] for e in events[upper[1]].tolist()])
    features = np.column_stack([m[upper] for m in found.values()])
    same = events[upper[0]] == events[upper[1]]
    out = np.zeros(same.size)
    for fold in range(FOLDS):
        train = (first != fold) & (second != fold)
        test = (first == fold) | (second == fold)
        model = LogisticRegression(max_iter=2000).fit(features[train], same[train])
        out[test] = model.decision_function(features[test])
    return out


def separation(articles: Sequence[Article], gold: dict[str, str], docs: Sequence[StoryDoc]) -> None:
    from sklearn.metrics import average_precision_score

    found = channels(articles, docs)
    events = np.array([gold[d.id] for d in docs])
    upper = np.triu_indices(len(docs), 1)
    same = events[upper[0]] == events[upper[1]]
    print(f"all {same.size} pairs ({int(same.sum())} of one event): ROC AUC · average precision")
    for name, similarity in found.items():
        scores = similarity[upper]
        print(
            f"  {name:44s} {auc(scores[same].tolist(), scores[~same].tolist()):.3f} · "
            f"{average_precision_score(same, scores):.3f}"
        )
    combined = combined_scores(found, events, upper)
    print(
        f"  {'logistic over all of these (5 event folds)':44s} "
        f"{auc(combined[same].tolist(), combined[~same].tolist()):.3f} · "
        f"{average_precision_score(same, combined):.3f}"
    )
    stories = [list(s.articles) for s in cluster_with_progress(docs).stories()]
    merged = [s for s in stories if len({gold[a] for a in s}) > 1]
    index = {d.id: n for n, d in enumerate(docs)}
    frequencies = DocumentFrequencies()
    for doc in docs:
        frequencies.add(doc.terms)
    headlines = [headline_terms(d.title) for d in docs]
    by_id = {a.id: a for a in articles}
    days = [event_day(by_id[d.id]) for d in docs]
    named = sum(1 for d, a in zip(days, (by_id[d.id] for d in docs), strict=True) if d != a.published)
    print(f"\nevent days: {named} of {len(docs)} articles name one in their lead, the others keep their date")

    key_count = Counter(k for d in docs for k in d.entities)

    def rarest_shared_key(i: int, j: int) -> float:
        shared = docs[i].entities & docs[j].entities
        return max((float(np.log(len(docs) / key_count[k])) for k in shared), default=0.0)

    def day_gap(i: int, j: int) -> float:
        first, second = days[i], days[j]
        return -float(abs((first - second).days)) if first and second else -99.0

    extra: dict[str, Callable[[int, int], float]] = {
        "dates named (Jaccard)": lambda i, j: jaccard(docs[i].dates, docs[j].dates),
        "event day (minus the days apart)": day_gap,
        "rarest shared name key (its IDF)": rarest_shared_key,
        "publication day (minus the days apart)": lambda i, j: _days_apart(
            docs[i].published, docs[j].published
        ),
        "headline rare words": lambda i, j: lexical_cosine(headlines[i], headlines[j], frequencies.idf),
    }
    pairs: dict[str, tuple[list[float], list[float]]] = {}
    for story in merged:
        inside = DocumentFrequencies()
        for a in story:
            inside.add(docs[index[a]].terms)
        for x, a in enumerate(story):
            for b in story[x + 1 :]:
                i, j = index[a], index[b]
                values = {name: float(m[i, j]) for name, m in found.items()}
                values.update({name: f(i, j) for name, f in extra.items()})
                values["rare words, frequencies inside the story"] = lexical_cosine(
                    docs[i].terms, docs[j].terms, inside.idf
                )
                for name, value in values.items():
                    pairs.setdefault(name, ([], []))[0 if gold[a] == gold[b] else 1].append(value)
    count = len(next(iter(pairs.values()))[0]) if pairs else 0
    print(
        f"\ninside the {len(merged)} stories that merge events ({count} pairs of one event): ROC AUC, "
        "mean of one event · of two"
    )
    for name, (one, two) in pairs.items():
        print(f"  {name:44s} {auc(one, two):.3f}, {np.mean(one):.3f} · {np.mean(two):.3f}")
    shipped = clustering_scores(stories, gold)
    split = [[a for a in s if gold[a] == e] for s in stories for e in sorted({gold[a] for a in s})]
    pure: dict[str, list[str]] = defaultdict(list)
    mixed = []
    for s in stories:
        if len({gold[a] for a in s}) == 1:
            pure[gold[s[0]]].extend(s)
        else:
            mixed.append(s)
    print(
        f"\nshipped clusterer in-sample B-cubed F1 {shipped.bcubed_f1:.3f} "
        f"(P {shipped.bcubed_precision:.3f}, R {shipped.bcubed_recall:.3f}); repaired perfectly:"
    )
    for name, repaired in (
        ("every merging story split by its events", split),
        ("the stories of one event merged", mixed + list(pure.values())),
    ):
        bound = clustering_scores(repaired, gold)
        p, r = bound.bcubed_precision, bound.bcubed_recall
        print(f"  {name:44s} {bound.bcubed_f1:.3f} (P {p:.3f}, R {r:.3f})")
    rare = found["rare words"]
    print("\nrare words × (1/2 + 1/2 shared nearest neighbours), offline average linkage, in-sample best:")
    for k in (5, 10, 20):
        best, threshold, _ = in_sample(rare * (0.5 + 0.5 * shared_neighbours(rare, k)), events)
        print(f"  k={k}: {best:.3f} (at {threshold:.3f})")
    best, threshold, _ = in_sample(rare, events)
    print(f"  rare words alone: {best:.3f} (at {threshold:.3f})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--embedder", default="use")
    parser.add_argument("--cache", type=Path, help="keep the story features here (pickle)")
    parser.add_argument("--events", action="store_true", help="list each merged and split event")
    parser.add_argument(
        "--separation", action="store_true", help="only how well each signal parts the events (see above)"
    )
    args = parser.parse_args()
    articles, gold, docs = load_docs(args.file, args.embedder, args.cache)
    if args.separation:
        separation(articles, gold, docs)
        return 0
    import json

    titles = [str(event.get("title", "")) for event in json.loads(args.file.read_text(encoding="utf-8"))]
    describe_errors(articles, gold, docs, titles, args.events)
    events = np.array([gold[d.id] for d in docs])
    found = channels(articles, docs)
    print(
        "\noffline average linkage (scipy), B-cubed F1: best global threshold in-sample · "
        "oracle threshold per event · nearest article in own event"
    )
    for name, similarity in found.items():
        best, threshold, oracle = in_sample(similarity, events)
        nearest = nearest_in_event(similarity, events)
        print(f"  {name:44s} {best:.3f} (at {threshold:.3f}) · {oracle:.3f} · {nearest:.3f}")
    days = [url_date(a.url) for a in articles]
    gaps = np.array(
        [[abs((x - y).days) if x and y else np.nan for y in days] for x in days], dtype=np.float64
    )
    rare = found["rare words"]
    print("\nrare words with URL dates as evidence (in-sample best):")
    for free_days, per_day in ((1, 0.05), (1, 0.1), (3, 0.05), (3, 1.0)):
        best, threshold, _ = in_sample(with_url_dates(rare, gaps, free_days, per_day), events)
        print(f"  free {free_days} days, {per_day} a day beyond: {best:.3f} (at {threshold:.3f})")
    print("rare words scaled by each article's k-th neighbour (in-sample best):")
    for k in (1, 5, 10):
        best, threshold, _ = in_sample(locally_scaled(rare, k), events)
        print(f"  k={k}: {best:.3f} (at {threshold:.3f})")
    print("\n5 event folds, threshold chosen per fold (offline average linkage):")
    for name in ("rare words", "TF-IDF cosine (baseline)", "earlier link (keys 0.25, rare words 0.75)"):
        score, chosen = cross_validated(found[name], events)
        print(f"  {name:44s} {score:.3f} (thresholds {', '.join(f'{t:.3f}' for t in chosen)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
