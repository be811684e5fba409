"""The German tagger's contextual vectors computed in a child process while analysis goes on.

The tagger's e5 vectors are the largest single piece of work of a comparison of German articles
(the seed pair: about 1,700 word pieces through six layers, ~0.45 s of one core), and loading the
encoder's vocabulary costs a new process another ~0.1 s. Python runs one thread at a time, and the
rest of the analysis (the other models' loading, word features, rules) is Python: a thread would
wait for it. So, where it may, :func:`start` forks a child that loads the encoder and computes the
vectors of each batch of sentences (one article's, as the tagger will ask for them) on the other
core, while this process goes on; the child writes them into shared memory and says through a pipe
when each batch is done. The child computes exactly what :func:`ner_tagger.contextual_vectors` would
for that batch (the same pieces in the same products, one BLAS thread), so the vectors and the tags
are the same to the bit.

It forks only where that is safe and worth it: on Linux, in a process that runs no other thread
(a thread holding a lock at the fork would leave it locked in the child), for at most ``MAX_WORDS``
words (all the vectors sit in shared memory at once), when the caller asked for it (:func:`allow`:
the ``compare`` command does; the service, batch jobs and tests run as before), and unless
``BLICKWINKEL_NO_BACKGROUND`` is set. Whatever goes wrong in the child (it fails, is
killed, the pipe closes early), the batch is computed here as before. The child never returns into
the caller's code: it ends with ``os._exit``; :func:`Batches.close` (called when analysis ends,
however it ends) kills a child still running and reaps it.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import mmap
import os
import signal
import sys
import threading
import warnings
from collections.abc import Sequence

import numpy as np

from blickwinkel.analyse.token_vectors import FloatArray

_allowed = [False]
MAX_WORDS = 100_000  # words whose vectors a child computes at most (1.5 kB each in shared memory)

Key = tuple[tuple[str, ...], ...]


def allow() -> None:
    """Let analysis in this process compute the tagger's vectors in a child process."""
    _allowed[0] = True


def _may_fork() -> bool:
    return (
        _allowed[0]
        and sys.platform == "linux"
        and hasattr(os, "fork")
        and not os.environ.get("BLICKWINKEL_NO_BACKGROUND")
        and threading.active_count() == 1
    )


class Batches:
    """Batches of sentences whose vectors a child process computes, in the order given."""

    def __init__(self, keys: Sequence[Key], dim: int) -> None:
        self.keys = list(keys)
        self.dim = dim
        self.words = [sum(len(tokens) for tokens in key) for key in self.keys]
        self.offsets = np.cumsum([0, *self.words]).tolist()
        self.memory = mmap.mmap(-1, max(1, self.offsets[-1]) * dim * 4)  # shared with the child
        self.pid = 0
        self.pipe = -1
        self.done = 0  # batches the child has said are written
        self.failed = False
        self._lock = threading.Lock()

    def vectors(self, key: Key) -> list[FloatArray] | None:
        """The vectors of batch ``key`` (waiting for the child), or None if it cannot give them."""
        try:
            index = self.keys.index(key)
        except ValueError:
            return None
        with self._lock:
            while not self.failed and self.done <= index:
                try:
                    got = os.read(self.pipe, index + 1 - self.done)
                except OSError:
                    got = b""
                if not got or got.strip(b"1"):
                    self.failed = True  # the child ended early or said something else
                else:
                    self.done += len(got)
            if self.failed:
                return None
        start, end = self.offsets[index], self.offsets[index + 1]
        flat = np.frombuffer(
            self.memory, dtype=np.float32, count=(end - start) * self.dim, offset=start * self.dim * 4
        )
        rows = flat.reshape(end - start, self.dim).copy()
        bounds = np.cumsum([0, *(len(tokens) for tokens in key)]).tolist()
        return [rows[a:b] for a, b in itertools.pairwise(bounds)]

    def close(self) -> None:
        """End the child (if it still runs) and reap it; the vectors are no longer asked for."""
        if self.pid:
            with contextlib.suppress(OSError):
                if self.done < len(self.keys) and not self.failed:
                    os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        if self.pipe >= 0:
            with contextlib.suppress(OSError):
                os.close(self.pipe)
            self.pipe = -1
        with contextlib.suppress(BufferError, ValueError):
            self.memory.close()


def start(keys: Sequence[Key], dim: int) -> Batches | None:
    """Fork a child computing the vectors of each batch in ``keys`` (standardised as the tagger
    reads them), or None where this process may not fork (see the module's text)."""
    if not keys or not _may_fork():
        return None
    if sum(len(tokens) for key in keys for tokens in key) > MAX_WORDS:
        return None  # (all articles' vectors at once in shared memory; past this the tagger computes them)
    batches = Batches(keys, dim)
    read, write = os.pipe()
    try:
        with warnings.catch_warnings():  # (Python 3.12 warns of forking beside BLAS's own threads)
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        os.close(read)
        os.close(write)
        batches.close()
        return None
    if pid == 0:  # the child: compute, write, say so; never return
        code = 1
        try:
            os.close(read)
            gc.disable()  # (collecting would touch, hence copy, the parent's pages)
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)  # nothing the child might print (a warning) mixes with the report
            os.dup2(quiet, 2)
            _compute(batches, write)
            code = 0
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(write)
    batches.pid, batches.pipe = pid, read
    return batches


def _compute(batches: Batches, pipe: int) -> None:
    from blickwinkel.analyse import ner_tagger

    with contextlib.suppress(Exception):  # one BLAS thread: the parent has the other core
        from threadpoolctl import threadpool_limits  # type: ignore[import-untyped]

        threadpool_limits(1, "blas")
    settings = ner_tagger.vector_settings()
    memory = np.frombuffer(batches.memory, dtype=np.float32)
    for key, (start, end) in zip(batches.keys, itertools.pairwise(batches.offsets), strict=True):
        vectors = ner_tagger.contextual_vectors(key, settings)
        memory[start * batches.dim : end * batches.dim] = np.concatenate(vectors).reshape(-1)
        os.write(pipe, b"1")
