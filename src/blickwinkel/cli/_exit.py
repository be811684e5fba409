"""Ending a finished command without tearing down the interpreter.

At exit Python frees every object the process made, one by one: after a comparison that is the
language models, lemma tables and name lists, about 400 MB in some millions of objects, and takes
a fifth of a second of CPU — longer than the comparison itself. The memory goes back to the system
in one step when the process ends anyway. A command that knows it holds nothing that needs closing
when it returns (no open file, store connection, server or worker thread: it wrote its output
with ``with`` blocks and ``Path.write_text``) calls :func:`allow_quick_exit`; :func:`main` then
flushes the standard streams, runs the ``atexit`` handlers (logging, coverage) and ends the process
with ``os._exit`` and the command's exit code. Anything unusual keeps Python's own exit: a command
that did not allow it, an exception other than the command's exit, a thread other than daemons
still running, a profiler or tracer (``python -m cProfile`` writes its figures after the command
returns), a stream that cannot be flushed (a closed pipe: Python reports it as it always did), or
``BLICKWINKEL_NO_QUICK_EXIT`` set to anything but an empty string.
"""

from __future__ import annotations

import atexit
import os
import sys
import threading

_allowed = [False]


def allow_quick_exit() -> None:
    """Say that the running command holds nothing that Python's exit would need to close."""
    _allowed[0] = True


def quick_exit_allowed() -> bool:
    if not _allowed[0] or os.environ.get("BLICKWINKEL_NO_QUICK_EXIT"):
        return False
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return False
    main_thread = threading.main_thread()
    return all(t is main_thread or t.daemon for t in threading.enumerate())


def quick_exit(code: int) -> None:
    """End the process now with ``code`` if :func:`quick_exit_allowed`; else return (the caller
    then exits the usual way)."""
    if not quick_exit_allowed():
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return  # e.g. stdout was a pipe that is closed: the usual exit reports it as it always has
    atexit._run_exitfuncs()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        pass  # (an atexit handler's late output to a closed stream: nothing left to report it to)
    os._exit(code)
