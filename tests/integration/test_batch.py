"""The batch path on a LocalCluster with two workers, against the single-process path on the same input.

The fixture is our own example stories written as two JSONL partitions, with dates chosen so that
one story lies across a window border, plus one broken line and one record with a wrong field type.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import signal
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from blickwinkel.batch import run_batch, window_of
from blickwinkel.embed import get_embedder
from blickwinkel.ingest import read_inputs
from blickwinkel.stories import cluster_stories, story_docs

pytestmark = pytest.mark.slow
pq = pytest.importorskip("pyarrow.parquet")
distributed = pytest.importorskip("distributed")

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
# Dates that put the Lindenau story on both sides of a window border (windows start on 2025-03-10
# and 2025-03-17) and the others well inside one window.
DATES = {
    "kurier-meldung": "2025-03-16",
    "lindenauer-anzeiger": "2025-03-16",
    "rundschau-online": "2025-03-17",
    "tageblatt": "2025-03-17",
    "coastal-times": "2025-03-02",
    "harbour-herald": "2025-03-03",
    "northern-wire-1": "2025-03-03",
    "oberfelder-nachrichten": "2025-05-15",
    "stadtspiegel-oberfeld": "2025-05-16",
    "transit-europe-weekly": "2025-05-17",
}


@pytest.fixture(scope="module")
def client() -> Any:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0") as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    read = read_inputs(
        [str(EXAMPLES / n) for n in ("brueckensperrung", "ferry-grounding", "wahl-mischsprachig")]
    )
    return [
        {
            "id": a.id,
            "title": a.title,
            "text": a.text,
            "outlet": a.outlet,
            "url": a.url,
            "published": DATES[a.id],
        }
        for a in read.articles
    ]


def _write(folder: Path, records: list[dict[str, Any]]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    half = len(records) // 2
    lines = [json.dumps(r) for r in records[:half]] + ["{not json", json.dumps({"id": "bad", "text": 5})]
    (folder / "part-1.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "part-2.jsonl").write_text(
        "\n".join(json.dumps(r) for r in records[half:]) + "\n", encoding="utf-8"
    )
    return folder


def _table(out: Path, name: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for file in sorted((out / name).glob("*.parquet")):
        rows.extend(pq.read_table(file).to_pylist())
    return rows


def _groups(story_of: dict[str, str]) -> dict[str, frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article, story in story_of.items():
        members.setdefault(story, set()).add(article)
    return {a: frozenset(members[s]) for a, s in story_of.items()}


def test_batch_matches_the_single_process_path(
    client: Any, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    assert window_of(dt.date(2025, 3, 16)) != window_of(dt.date(2025, 3, 17))
    inputs = _write(tmp_path / "in", records)
    out = tmp_path / "out"
    result = run_batch([str(inputs)], str(out), client=client)

    single_read = read_inputs([str(inputs)])
    single = cluster_stories(story_docs(list(single_read.articles), get_embedder("use")))
    single_of = {a: s.id for s in single for a in s.articles}
    assert set(result.story_of) == set(single_of) == {r["id"] for r in records}
    batch_groups, single_groups = _groups(result.story_of), _groups(single_of)
    # Border effect: the share of articles whose story differs from the single-process result.
    differing = sum(1 for a in single_of if batch_groups[a] != single_groups[a]) / len(single_of)
    assert differing == 0.0
    # The story cut by the window border was merged back.
    assert len({result.story_of[a] for a in ("kurier-meldung", "rundschau-online", "tageblatt")}) == 1

    articles = _table(out, "articles")
    assert sorted(r["id"] for r in articles) == sorted(r["id"] for r in records)
    assert result.compared == sum(1 for s in single if len(s.articles) >= 2)
    facts = _table(out, "facts")
    assert facts and all(r["story"] in set(result.story_of.values()) for r in facts)
    assert len(_table(out, "statements")) == result.statements > 0
    stories = pq.read_table(out / "stories.parquet").to_pylist()
    assert sorted(a for s in stories for a in s["articles"]) == sorted(single_of)
    # Each story names its articles' languages (they were empty: the records declare none, and the
    # detected ones were not passed on).
    single_languages = {frozenset(s.articles): sorted(s.languages) for s in single}
    assert all(s["languages"] for s in stories)
    assert all(sorted(s["languages"]) == single_languages[frozenset(s["articles"])] for s in stories)

    failures = [json.loads(line) for line in (out / "failures.jsonl").read_text().splitlines()]
    assert any(f["source"].endswith("part-1.jsonl:6") and "JSON" in f["reason"] for f in failures)
    assert any(f["source"].endswith("part-1.jsonl:7") and "text" in f["reason"] for f in failures)

    # Facts of one story equal the single-process comparison of that story.
    from blickwinkel.pipeline import compare_articles_text

    by_id = {a.id: a for a in single_read.articles}
    ferry = next(s for s in single if "harbour-herald" in s.articles)
    expected = compare_articles_text([by_id[a] for a in ferry.articles])
    got = [r for r in facts if r["story"] == result.story_of["harbour-herald"]]
    assert sorted(tuple(r["statements"]) for r in got) == sorted(f.statements for f in expected.facts)


def test_rerun_resumes_and_writes_each_article_once(
    client: Any, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    inputs = _write(tmp_path / "in", records)
    out = tmp_path / "out"
    first = run_batch([str(inputs)], str(out), client=client, compare=False)
    again = run_batch([str(inputs)], str(out), client=client, compare=False)
    assert again.resumed_chunks == first.chunks > 0
    assert again.articles == first.articles == len(records)
    ids = [r["id"] for r in _table(out, "articles")]
    assert sorted(ids) == sorted(set(ids)) == sorted(r["id"] for r in records)
    # Fewer inputs into the same --out: the tables hold exactly the new run's articles.
    (inputs / "part-2.jsonl").unlink()
    third = run_batch([str(inputs)], str(out), client=client, compare=False)
    assert sorted(r["id"] for r in _table(out, "articles")) == sorted(
        r["id"] for r in records[: len(records) // 2]
    )
    assert third.articles == len(records) // 2


def test_a_killed_worker_is_recovered(client: Any, records: list[dict[str, Any]], tmp_path: Path) -> None:
    # Many small partitions so that work is still running when a worker dies.
    inputs = tmp_path / "in"
    inputs.mkdir()
    for n, record in enumerate(records):
        (inputs / f"p{n:02d}.jsonl").write_text(json.dumps(record) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    done: dict[str, Any] = {}
    runner = threading.Thread(
        target=lambda: done.update(result=run_batch([str(inputs)], str(out), client=client))
    )
    runner.start()
    deadline = time.monotonic() + 120
    killed = False
    while runner.is_alive() and not killed and time.monotonic() < deadline:
        busy = [w for w, tasks in client.processing().items() if tasks]
        if busy:
            pid = client.run(os.getpid, workers=[busy[0]])[busy[0]]
            os.kill(pid, signal.SIGKILL)
            killed = True
        time.sleep(0.05)
    runner.join(600)
    assert killed
    result = done["result"]
    ids = [r["id"] for r in _table(out, "articles")]
    assert sorted(ids) == sorted(r["id"] for r in records) == sorted(result.story_of)


def test_a_repeated_url_is_one_article_its_last_record(
    client: Any, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    # A crawl that captured a report twice and again after an edit: each record was an article of
    # its own, and the story compared the report with itself.
    first = next(r for r in records if r["url"])
    edited = first | {
        "id": first["id"] + "-v2",
        "text": first["text"] + "\n\nUpdate: the count was corrected.",
    }
    copy = first | {"id": first["id"] + "-copy"}
    rest = [r for r in records if r is not first]
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "part-1.jsonl").write_text(
        "\n".join(json.dumps(r) for r in [first, copy, *rest[:3]]) + "\n", encoding="utf-8"
    )
    (inputs / "part-2.jsonl").write_text(
        "\n".join(json.dumps(r) for r in [*rest[3:], edited]) + "\n", encoding="utf-8"
    )
    result = run_batch([str(inputs)], str(tmp_path / "out"), client=client, compare=False)
    assert result.repeated_urls == 2 and result.articles == len(records)
    rows = [r for r in _table(tmp_path / "out", "articles") if r["url"] == first["url"]]
    assert [r["id"] for r in rows] == [edited["id"]] and rows[0]["text"].endswith("corrected.")


def test_a_record_read_without_a_field_is_written_to_the_warnings(
    client: Any, records: list[dict[str, Any]], tmp_path: Path
) -> None:
    # A record whose date is no date is read undated with a warning (it was lost whole); the batch run
    # wrote that warning nowhere.
    undated = records[0] | {"published": "soon"}
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "part-1.jsonl").write_text(
        "\n".join(json.dumps(r) for r in [undated, *records[1:4]]) + "\n", encoding="utf-8"
    )
    out = tmp_path / "out"
    result = run_batch([str(inputs)], str(out), client=client, compare=False)
    assert result.failures == 0 and result.warnings == 1 and len(result.story_of) == 4
    (line,) = (out / "warnings.jsonl").read_text(encoding="utf-8").splitlines()
    warning = json.loads(line)["warning"]
    assert warning.startswith(f"{inputs / 'part-1.jsonl'}:1: [I066] field 'published' is no date")
    assert json.loads((out / "manifest.json").read_text())["warnings"] == 1
