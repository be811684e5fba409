"""The German tagger's contextual vectors computed in a child process while analysis goes on.

The tagger's e5 vectors are the largest single piece of work of a comparison of German articles
(the seed pair: about 1,700 word pieces through six layers, ~0.45 s of one core), and loading the
encoder's vocabulary costs a new process another ~0.1 s. Python runs one thread at a time, and the
rest of the analysis (the other models' loading, word features, rules) is Python: a thread would
wait for it. So, where it may, :func:`spawn` forks a child as soon as the articles' languages are
known; it loads the encoder while this process splits the articles into sentences, is then sent
each batch of sentences (:meth:`Batches.send`: one article's, as the tagger will ask for them) and
computes their vectors on the other core, while this process goes on; the child writes them into
shared memory and says through a pipe when each batch is done. The child computes exactly what
:func:`ner_tagger.raw_vectors` would for that batch (rows the same to the bit in any batch, one BLAS
thread; a sentence several batches share is encoded once); this process keeps them (the soft word
alignment reads them again) and standardises them as :func:`ner_tagger.contextual_vectors` does, so
the vectors and the tags are the same to the bit.

It forks only where that is safe and worth it: on Linux, in a process that runs no other thread
(a thread holding a lock at the fork would leave it locked in the child), for at most ``MAX_WORDS``
words (all the vectors sit in shared memory at once), when the caller asked for it (:func:`allow`:
the ``compare`` command does; the service and batch jobs analyse as before), and unless
``BLICKWINKEL_NO_BACKGROUND`` is set. Whatever goes wrong in the child (it fails, is killed, the pipe
closes early, it says nothing for ``WAIT_SECONDS``), the batch is computed here as before. The child
never returns into the caller's code: it ends with ``os._exit``; :meth:`Batches.close` (called when
analysis ends, however it ends) kills a child still running and reaps it.

The process plumbing (fork, pipes, shared memory) lives here, at the command's edge; the analysis
stays pure: it asks for a worker through ``ner_tagger.use_vector_workers`` (set by :func:`allow`)
and the child computes with ``ner_tagger``'s own functions.
"""

from __future__ import annotations

import contextlib
import gc
import itertools
import mmap
import os
import pickle
import select
import signal
import struct
import sys
import threading
import warnings
from collections import Counter
from collections.abc import Sequence

import numpy as np

from blickwinkel.analyse import ner_tagger
from blickwinkel.analyse.ner_tagger import Key
from blickwinkel.analyse.token_vectors import FloatArray

_allowed = [False]
MAX_WORDS = 100_000  # words whose vectors a child computes at most (1.5 kB each in shared memory)
WAIT_SECONDS = 300.0  # a child silent this long is taken for stuck: the batch is computed here
_WORK = struct.Struct("<Q")  # the length of the pickled batches the parent sends


def allow() -> None:
    """Let analysis in this process compute the tagger's vectors in a child process."""
    _allowed[0] = True
    ner_tagger.use_vector_workers(spawn)


def _may_fork() -> bool:
    return (
        _allowed[0]
        and sys.platform == "linux"
        and hasattr(os, "fork")
        and not os.environ.get("BLICKWINKEL_NO_BACKGROUND")
        and threading.active_count() == 1
    )


class Batches:
    """A child process that loads the encoder at once and then computes the vectors of the batches
    of sentences it is sent (:meth:`send`), in that order."""

    def __init__(self, max_words: int, dim: int) -> None:
        self.max_words = max_words
        self.dim = dim
        self.keys: list[Key] = []
        self.offsets: list[int] = [0]
        self.memory = mmap.mmap(-1, max(1, max_words) * dim * 4)  # shared with the child
        self.pid = 0
        self.work = -1  # the parent's end of the pipe that carries the batches
        self.pipe = -1  # the parent's end of the pipe that says which batches are written
        self.done = 0  # batches the child has said are written
        self.failed = False
        self._lock = threading.Lock()

    def send(self, keys: Sequence[Key]) -> bool:
        """Give the child its batches (once); False (and nothing sent) when they hold more words
        than it was started for."""
        words = [sum(len(tokens) for tokens in key) for key in keys]
        if self.keys or self.work < 0 or sum(words) > self.max_words:
            return False
        data = pickle.dumps([[list(tokens) for tokens in key] for key in keys], protocol=5)
        try:
            os.write(self.work, _WORK.pack(len(data)))
            view = memoryview(data)
            while view:  # (the child reads as soon as it has loaded the encoder)
                view = view[os.write(self.work, view) :]
        except OSError:
            self.failed = True
            return False
        self.keys = list(keys)
        self.offsets = np.cumsum([0, *words]).tolist()
        return True

    def vectors(self, key: Key) -> list[FloatArray] | None:
        """The vectors of batch ``key`` (waiting for the child), or None if it cannot give them."""
        try:
            index = self.keys.index(key)
        except ValueError:
            return None
        with self._lock:
            while not self.failed and self.done <= index:
                try:
                    ready, _, _ = select.select([self.pipe], [], [], WAIT_SECONDS)
                    got = os.read(self.pipe, index + 1 - self.done) if ready else b""
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
                if self.done < len(self.keys) or not self.keys:
                    os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                os.waitpid(self.pid, 0)
            self.pid = 0
        for end in (self.work, self.pipe):
            if end >= 0:
                with contextlib.suppress(OSError):
                    os.close(end)
        self.work = self.pipe = -1
        with contextlib.suppress(BufferError, ValueError):
            self.memory.close()


def spawn(max_words: int, dim: int) -> Batches | None:
    """Fork a child that loads the encoder now and computes the vectors (raw: the tagger standardises
    them) of the batches it is then sent, at most ``max_words`` words; None where this process
    may not fork (see the module's text)."""
    if max_words <= 0 or max_words > MAX_WORDS or not _may_fork():
        return None
    batches = Batches(max_words, dim)
    work_read, work_write = os.pipe()
    done_read, done_write = os.pipe()
    with contextlib.suppress(OSError, AttributeError):  # room for the batches of a long comparison
        import fcntl

        fcntl.fcntl(work_write, fcntl.F_SETPIPE_SZ, 1 << 20)
    try:
        with warnings.catch_warnings():  # (Python 3.12 warns of forking beside BLAS's own threads)
            warnings.simplefilter("ignore", DeprecationWarning)
            pid = os.fork()
    except OSError:
        for end in (work_read, work_write, done_read, done_write):
            os.close(end)
        batches.close()
        return None
    if pid == 0:  # the child: load, compute, write, say so; never return
        code = 1
        try:
            os.close(work_write)
            os.close(done_read)
            gc.disable()  # (collecting would touch, hence copy, the parent's pages)
            quiet = os.open(os.devnull, os.O_WRONLY)
            os.dup2(quiet, 1)  # nothing the child might print (a warning) mixes with the report
            os.dup2(quiet, 2)
            _compute(batches, work_read, done_write)
            code = 0
        except BaseException:
            code = 1
        finally:
            os._exit(code)
    os.close(work_read)
    os.close(done_write)
    batches.pid, batches.work, batches.pipe = pid, work_write, done_read
    return batches


def _read_exactly(fd: int, size: int) -> bytes:
    chunks = []
    while size:
        chunk = os.read(fd, size)
        if not chunk:
            raise EOFError("the parent sent no work")
        chunks.append(chunk)
        size -= len(chunk)
    return b"".join(chunks)


def _compute(batches: Batches, work: int, done: int) -> None:
    with contextlib.suppress(Exception):  # one BLAS thread: the parent has the other core
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, "blas")
    settings = ner_tagger.load_vector_encoder()  # while the parent splits the articles into sentences
    (size,) = _WORK.unpack(_read_exactly(work, _WORK.size))
    keys = pickle.loads(_read_exactly(work, size))
    memory = np.frombuffer(batches.memory, dtype=np.float32)
    # A sentence in several batches (two articles of a story share an agency's sentence) is encoded
    # once: its rows are the same to the bit in any batch.
    counts = Counter(words for key in keys for words in dict.fromkeys(map(tuple, key)))
    rows_of: dict[tuple[str, ...], FloatArray] = {}
    at = 0
    for key in keys:
        words = [tuple(tokens) for tokens in key]
        missing = list(dict.fromkeys(w for w in words if w not in rows_of))
        rows_of.update(zip(missing, ner_tagger.raw_vectors(missing, settings, keep=False), strict=True))
        vectors = np.concatenate([rows_of[w] for w in words])
        for w in dict.fromkeys(words):  # rows no later batch reads are let go
            counts[w] -= 1
            if not counts[w]:
                del rows_of[w]
        memory[at * batches.dim : (at + len(vectors)) * batches.dim] = vectors.reshape(-1)
        at += len(vectors)
        os.write(done, b"1")
