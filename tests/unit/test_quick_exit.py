"""The CLI's quick exit: ends a finished command without Python's teardown, and only then."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from blickwinkel.cli import _exit

CHILD = """
import atexit, sys, threading
from blickwinkel.cli import _exit

atexit.register(lambda: print("atexit ran", flush=True))
sys.stdout.write("unflushed output")  # no newline, no flush: quick_exit must flush it
if "--allow" in sys.argv:
    _exit.allow_quick_exit()
if "--thread" in sys.argv:
    threading.Thread(target=__import__("time").sleep, args=(0.3,)).start()
_exit.quick_exit(3)
print(" and back in the caller", flush=True)
"""


def _child(*flags: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHILD, *flags],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
        env={**os.environ, **(env or {})},
    )


def test_an_allowed_exit_flushes_runs_atexit_and_keeps_the_code() -> None:
    done = _child("--allow")
    assert done.returncode == 3
    assert done.stdout == "unflushed outputatexit ran\n"


def test_without_permission_the_caller_goes_on_and_exits_as_usual() -> None:
    done = _child()
    assert done.returncode == 0
    assert done.stdout == "unflushed output and back in the caller\natexit ran\n"


@pytest.mark.parametrize(
    ("flags", "env"),
    [(("--allow", "--thread"), None), (("--allow",), {"BLICKWINKEL_NO_QUICK_EXIT": "1"})],
    ids=["a-worker-thread-still-runs", "switched-off"],
)
def test_a_running_thread_or_the_switch_keeps_pythons_exit(
    flags: tuple[str, ...], env: dict[str, str] | None
) -> None:
    done = _child(*flags, env=env)
    assert done.returncode == 0
    assert done.stdout.endswith("and back in the caller\natexit ran\n")


def test_not_under_a_profiler(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_exit, "_allowed", [True])
    assert _exit.quick_exit_allowed() == (sys.gettrace() is None and sys.getprofile() is None)
    sys.setprofile(lambda *_: None)
    try:
        assert not _exit.quick_exit_allowed()
    finally:
        sys.setprofile(None)
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not _exit.quick_exit_allowed()
    finally:
        stop.set()
        worker.join()


@pytest.mark.slow  # two fresh processes that load every model
def test_compare_from_the_shell_writes_its_whole_report(tmp_path: Path) -> None:
    texts = {
        "a.txt": "Die Brücke bleibt bis Freitag gesperrt. Der Verkehr wird umgeleitet.",
        "b.txt": "Die Brücke ist bis Freitag gesperrt, sagte die Stadt. Busse fahren eine Umleitung.",
    }
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    command = [sys.executable, "-m", "blickwinkel.cli", "compare", "a.txt", "b.txt", "--format", "json"]
    quick = subprocess.run(command, capture_output=True, text=True, check=False, cwd=tmp_path, timeout=300)
    usual = subprocess.run(
        command,
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        timeout=300,
        env={**os.environ, "BLICKWINKEL_NO_QUICK_EXIT": "1"},
    )
    assert quick.returncode == usual.returncode == 0
    assert quick.stdout == usual.stdout and quick.stdout.rstrip().endswith("}")
