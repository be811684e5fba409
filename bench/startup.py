"""Start-up benchmark: whole-process wall time and peak memory of `blickwinkel` commands from the shell,
side by side with a bare `python -c "import numpy"` measured in the same run, and the import-time
breakdown of `blickwinkel --help` (`python -X importtime`).

    python bench/startup.py [--repeats 5] [--event DIR] [--wikinews-event 47] [--no-breakdown]
                            [--no-bytecode-cache] [--all] [--realtime]

Then, for the seed pair, where the time of one ``compare`` goes: a fresh process imports the CLI and
the pipeline, reads the files, loads each model one after the other (language identifier, SoMaJo,
HanTa, simplemma, name lists, the NER encoder and CRF, the sentence embedder), analyses, embeds the
statements, compares and writes the JSON, printing the wall and CPU seconds of each step (the median
step of ``--repeats`` such processes). The steps load what ``compare`` loads on its own, in the order
given here; their sum is close to the whole process less Python's own start.

``--all`` then runs, in the same run, ``bench/compare.py`` (warm times of the 10- and 50-article
stories with the models loaded) and ``bench/service.py --no-ingest --workers 2 --duration 30`` (the
service's percentiles under 50 clients), printing their figures below these.

The shared data is looked for in ../shared or in $BLICKWINKEL_SHARED.

The seed pair is ../shared/seeds/*.txt, measured four times: as it is, with ``OPENBLAS_NUM_THREADS=1``
(the German tagger's matrix products on one core), with ``BLICKWINKEL_NO_BACKGROUND=1`` (the tagger's
vectors computed in the process itself, not in a child process beside the rest of the analysis:
``cli/_background.py``) and with ``BLICKWINKEL_NO_QUICK_EXIT=1`` (Python's own exit, which frees
every object one by one: ``cli/_exit.py``); `--event` adds a folder of articles (one real event);
`--wikinews-event N` writes event N of ../shared/data/story-clusters/wikinews-en-dev.json (event 47 has
eight English articles) to a temporary folder, one text file per article, and measures it. Every
command runs once untimed first (warm disk cache and warm user cache directory), then `--repeats`
times; the median and the fastest run are printed with the load average, because the development
machine is shared, and the median CPU time (user + system, by GNU time), which says more than the
wall time while other jobs share the cores. Prints figures; asserts nothing.

``--realtime`` runs every timed command under ``chrt -f 20`` (SCHED_FIFO; needs root): on a machine
other jobs share, the commands then run ahead of them, which gives wall times near an idle machine's
(``python -c "import numpy"`` 0.08 s at load 12 as idle); a thread that busy-waits, as OpenBLAS's do,
is not preempted by the process's other threads under that policy, so the two-BLAS-thread rows can
come out slower than idle. The figures of record are those of an idle machine.

Python compiles each module to bytecode on first import and keeps it in ``__pycache__``; an
installed package gets its bytecode at install time. Where ``PYTHONDONTWRITEBYTECODE`` is set (as on
the shared development machine) every run would compile blickwinkel's modules from source again, so
the commands run with a temporary ``PYTHONPYCACHEPREFIX`` that the warm-up run fills, as after an
install; ``--no-bytecode-cache`` runs them in the environment as it is.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("BLICKWINKEL_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "seeds"
PY = sys.executable
_SCRIPT = Path(PY).with_name("blickwinkel")
CLI = [str(_SCRIPT)] if _SCRIPT.is_file() else [PY, "-m", "blickwinkel.cli"]
GNU_TIME = Path("/usr/bin/time")


def load_average() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:4.1f}/{five:4.1f}"


ENV = dict(os.environ)


REALTIME: list[str] = []  # e.g. ["chrt", "-f", "20"] with --realtime


def timed(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float, float, int]:
    """Seconds, peak resident MB and CPU seconds (user + system; by GNU time when present, else NaN)
    and exit status of one run."""
    wrapped = [str(GNU_TIME), "-f", "%M %U %S", *command] if GNU_TIME.is_file() else command
    wrapped = [*REALTIME, *wrapped]
    start = time.perf_counter()
    done = subprocess.run(wrapped, capture_output=True, text=True, check=False, env=env or ENV)
    seconds = time.perf_counter() - start
    match = re.search(r"(\d+) ([\d.]+) ([\d.]+)\s*$", done.stderr) if GNU_TIME.is_file() else None
    if match is None:
        return seconds, float("nan"), float("nan"), done.returncode
    cpu = float(match.group(2)) + float(match.group(3))
    return seconds, int(match.group(1)) / 1024, cpu, done.returncode


def measure(label: str, command: list[str], repeats: int, env: dict[str, str] | None = None) -> None:
    timed(command, env)  # warm the disk cache, the bytecode cache and the user cache directory
    runs = [timed(command, env) for _ in range(repeats)]
    seconds = [r[0] for r in runs]
    status = ",".join(sorted({str(r[3]) for r in runs}))
    print(
        f"{label:<44} median {statistics.median(seconds):6.2f} s  fastest {min(seconds):6.2f} s  "
        f"cpu {statistics.median(r[2] for r in runs):5.2f} s  peak {max(r[1] for r in runs):5.0f} MB  "
        f"exit {status}  {load_average()}",
        flush=True,
    )


def import_breakdown(limit: int = 12) -> None:
    """The slowest imports of `blickwinkel --help`, cumulative microseconds as Python reports them."""
    done = subprocess.run(
        [PY, "-X", "importtime", "-m", "blickwinkel.cli", "--help"],
        capture_output=True,
        text=True,
        check=False,
        env=ENV,
    )
    rows: list[tuple[int, int, str]] = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) != 3 or not parts[1].strip().isdigit():
            continue
        name = parts[2].rstrip()
        depth = (len(name) - len(name.lstrip())) // 2
        if depth <= 2:
            rows.append((int(parts[1]), depth, name.strip()))
    total = sum(cumulative for cumulative, depth, _ in rows if depth == 0)
    print(f"imports of `blickwinkel --help`: {total / 1e6:.2f} s in all; slowest (depth: 0 top level):")
    for cumulative, depth, name in sorted(rows, reverse=True)[:limit]:
        print(f"  {cumulative / 1e6:6.3f} s  {depth}  {name}")


PHASES_CHILD = r"""
import json, sys, time

steps = []
clock = [time.perf_counter(), time.process_time()]


def step(label, run=None):
    if run is not None:
        try:
            run()
        except Exception as exc:  # a renamed private loader: say so, go on
            label += f" (not run: {type(exc).__name__})"
    now = time.perf_counter(), time.process_time()
    steps.append((label, now[0] - clock[0], now[1] - clock[1]))
    clock[:] = now


import blickwinkel.cli.main
from blickwinkel.analyse.pipeline import analyse_articles
from blickwinkel.compare import compare_articles
from blickwinkel.config import DEFAULT_EMBEDDER
from blickwinkel.embed import get_embedder
from blickwinkel.ingest import read_inputs
step("import (CLI, pipeline)")
articles = list(read_inputs(sys.argv[1:]).articles)
step("read the files")
from blickwinkel.analyse import gazetteer, language, lemmas, ner_tagger
from blickwinkel.analyse.token_vectors import shared_encoder
from blickwinkel.text import _somajo
step("load: language identifier", lambda: language._detector("langid", language._build_langid))
step("load: SoMaJo (de)", lambda: _somajo._tokenizer("de"))
step("load: HanTa (de)", lambda: lemmas._tagger("de"))
step("load: simplemma (de)", lambda: lemmas.lemmatise(["Häuser"], "de"))
step("load: name lists", lambda: (gazetteer.places(), gazetteer.given_names(), gazetteer.organisations()))
step("load: NER encoder", lambda: shared_encoder(ner_tagger.vector_settings().layers))
step("load: NER CRF", ner_tagger._crf)
embedder = get_embedder(DEFAULT_EMBEDDER)
step(f"load: sentence embedder ({DEFAULT_EMBEDDER})", lambda: embedder.encode(["Ein Satz."]))
analysed = analyse_articles(articles)
step("analysis")
from blickwinkel.compare.parts import parts_of
from blickwinkel.compare.similarity import embedding_text

parts = parts_of([s for a in analysed for s in a.statements])
step("embed the statements", lambda: embedder.encode([embedding_text(p.text) for ps in parts for p in ps]))
comparison = compare_articles(analysed, embedder)
step("compare")
text = json.dumps(comparison.to_json())
step("JSON")
print(json.dumps(steps))
"""


def phases(files: list[str], repeats: int) -> None:
    """Wall and CPU seconds of each step of one comparison in a fresh process (median of ``repeats``)."""
    command = [PY, "-c", PHASES_CHILD, *files]
    subprocess.run(command, capture_output=True, check=False, env=ENV)  # warm-up
    runs = []
    for _ in range(repeats):
        done = subprocess.run(command, capture_output=True, text=True, check=False, env=ENV)
        if done.returncode != 0:
            print(f"breakdown: failed\n{done.stderr[-2000:]}")
            return
        runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(
        f"where one seed pair compare goes (fresh process, median of {repeats}; {load_average()}; the steps"
        " one after the other: `compare` itself computes the tagger's vectors in a child process"
        " while it loads the embedder and embeds, and skips Python's teardown):"
    )
    for n, (label, _, _) in enumerate(runs[0]):
        wall = statistics.median(run[n][1] for run in runs)
        cpu = statistics.median(run[n][2] for run in runs)
        print(f"  {label:<44} {wall:6.3f} s  cpu {cpu:6.3f} s")
    totals = [sum(step[1] for step in run) for run in runs], [sum(step[2] for step in run) for run in runs]
    print(
        f"  {'sum (after Python has started)':<44} {statistics.median(totals[0]):6.3f} s  "
        f"cpu {statistics.median(totals[1]):6.3f} s"
    )


def wikinews_event(index: int, folder: Path) -> Path:
    """Event ``index`` of the WikiNews clusters as one text file per article (title, blank line, text)."""
    events = json.loads((SHARED / "data" / "story-clusters" / "wikinews-en-dev.json").read_text("utf-8"))
    event = folder / f"wikinews-event-{index}"
    event.mkdir()
    for n, article in enumerate(events[index]["articles"]):
        text = f"{article.get('title') or ''}\n\n{article['text']}".strip()
        (event / f"{n:02d}.txt").write_text(text + "\n", encoding="utf-8")
    return event


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--event", type=Path, action="append", default=[], help="a folder with one event")
    parser.add_argument("--wikinews-event", type=int, action="append", default=[], help="event index")
    parser.add_argument("--no-breakdown", action="store_true")
    parser.add_argument(
        "--no-bytecode-cache", action="store_true", help="keep PYTHONDONTWRITEBYTECODE as it is set"
    )
    parser.add_argument("--all", action="store_true", help="then the warm and the service benchmarks")
    parser.add_argument(
        "--realtime",
        action="store_true",
        help="run the timed commands under chrt -f 20 (root): ahead of other work on a shared machine",
    )
    args = parser.parse_args()
    if args.realtime:
        REALTIME[:] = ["chrt", "-f", "20"]
        print("realtime: the timed commands run under chrt -f 20 (SCHED_FIFO), ahead of every other process")

    bytecode = tempfile.TemporaryDirectory()
    if not args.no_bytecode_cache and ENV.get("PYTHONDONTWRITEBYTECODE"):
        del ENV["PYTHONDONTWRITEBYTECODE"]
        ENV["PYTHONPYCACHEPREFIX"] = bytecode.name
        print("bytecode: PYTHONDONTWRITEBYTECODE was set; commands run with a temporary PYTHONPYCACHEPREFIX")
    print(f"python {sys.version.split()[0]} on {os.cpu_count()} cores, {load_average()}")
    measure('python -c "import numpy" (baseline)', [PY, "-c", "import numpy"], args.repeats)
    measure("blickwinkel --help", [*CLI, "--help"], args.repeats)
    seeds = sorted(str(p) for p in SEEDS.glob("*.txt"))
    if seeds:
        command = [*CLI, "compare", *seeds, "--format", "json"]
        measure(f"blickwinkel compare <{len(seeds)} seeds> --format json", command, args.repeats)
        # The German tagger's e5 vectors are matrix products that OpenBLAS splits over every core; the
        # same run with one BLAS thread shows what that split gives (or costs) on this machine.
        one_thread = {**ENV, "OPENBLAS_NUM_THREADS": "1"}
        measure("  the same, OPENBLAS_NUM_THREADS=1", command, args.repeats, one_thread)
        # What the tagger's vectors in a child process and the quick exit give, each switched off.
        serial = {**ENV, "BLICKWINKEL_NO_BACKGROUND": "1"}
        measure("  the same, BLICKWINKEL_NO_BACKGROUND=1", command, args.repeats, serial)
        usual_exit = {**ENV, "BLICKWINKEL_NO_QUICK_EXIT": "1"}
        measure("  the same, BLICKWINKEL_NO_QUICK_EXIT=1", command, args.repeats, usual_exit)
    else:
        print(f"seed pair: skipped ({SEEDS} absent)")
    temporary = tempfile.TemporaryDirectory()
    for index in args.wikinews_event:
        args.event.append(wikinews_event(index, Path(temporary.name)))
    for event in args.event:
        files = sorted(str(p) for p in event.iterdir() if p.is_file())
        command = [*CLI, "compare", *files, "--format", "json"]
        measure(f"blickwinkel compare <{event.name}: {len(files)} files>", command, args.repeats)
    if not args.no_breakdown:
        import_breakdown()
        if seeds:
            phases(seeds, args.repeats)
    if args.all:
        for script in (["compare.py"], ["service.py", "--no-ingest", "--workers", "2", "--duration", "30"]):
            print(f"\n$ python bench/{' '.join(script)}   ({load_average()})", flush=True)
            subprocess.run([PY, str(ROOT / "bench" / script[0]), *script[1:]], check=False, env=ENV)
    return 0


if __name__ == "__main__":
    sys.exit(main())
