"""The tagger's vectors computed in a child process: the same to the bit, and never a hang or a crash."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator

import numpy as np
import pytest

from blickwinkel.analyse import background, ner_tagger
from blickwinkel.analyse.ner_tagger import contextual_vectors, crf_tags_batch, start_vectors, vector_settings

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the child process is forked on Linux only")

ARTICLE_ONE = [
    ["Die", "Stadtwerke", "Kiel", "erhöhen", "die", "Preise", "."],
    ["Bürgermeisterin", "Anna", "Berg", "sprach", "in", "Hamburg", "."],
]
ARTICLE_TWO = [["Der", "Verein", "Grünfeld", "lud", "nach", "Lübeck", "ein", "."]]


@pytest.fixture
def allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(background, "_allowed", [True])
    monkeypatch.delenv("BLICKWINKEL_NO_BACKGROUND", raising=False)
    yield
    assert not ner_tagger._started  # every test closes what it started


def _keys(*batches: list[list[str]]) -> list[tuple[tuple[str, ...], ...]]:
    return [tuple(tuple(tokens) for tokens in batch) for batch in batches]


def test_the_child_gives_the_vectors_this_process_would_to_the_bit(allowed: None) -> None:
    settings = vector_settings()
    started = background.start(_keys(ARTICLE_ONE, ARTICLE_TWO), len(settings.mean))
    assert started is not None
    try:
        for batch in (ARTICLE_TWO, ARTICLE_ONE):  # asked out of order: waits for both
            got = started.vectors(_keys(batch)[0])
            assert got is not None
            for have, want in zip(got, contextual_vectors(batch, settings), strict=True):
                np.testing.assert_array_equal(have, want)
        assert started.vectors(_keys([["nie", "gestartet"]])[0]) is None
    finally:
        started.close()
    assert started.pid == 0


def test_the_tags_are_the_same_with_and_without_the_child(allowed: None) -> None:
    want, want_two = crf_tags_batch(ARTICLE_ONE), crf_tags_batch(ARTICLE_TWO)
    close = start_vectors([ARTICLE_ONE, [[], *ARTICLE_TWO]])  # an empty sentence is no part of a batch
    try:
        assert len(ner_tagger._started) == 1
        assert crf_tags_batch(ARTICLE_ONE) == want
        assert crf_tags_batch(ARTICLE_TWO) == want_two
    finally:
        close()


def test_a_child_that_dies_leaves_the_work_to_this_process(allowed: None) -> None:
    settings = vector_settings()
    started = background.start(_keys(ARTICLE_ONE), len(settings.mean))
    assert started is not None
    try:
        os.kill(started.pid, signal.SIGKILL)
        # It may have written the batch before the signal came; if not, None says "compute it here".
        got = started.vectors(_keys(ARTICLE_ONE)[0])
        if got is not None:
            for have, want in zip(got, contextual_vectors(ARTICLE_ONE, settings), strict=True):
                np.testing.assert_array_equal(have, want)
        else:
            assert started.failed
    finally:
        started.close()


def test_closing_ends_a_child_still_at_work(allowed: None) -> None:
    started = background.start(_keys(ARTICLE_ONE * 200), len(vector_settings().mean))
    assert started is not None
    pid = started.pid
    started.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_no_child_unless_allowed_alone_and_not_switched_off(
    allowed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    keys = _keys(ARTICLE_ONE)
    monkeypatch.setenv("BLICKWINKEL_NO_BACKGROUND", "1")
    assert background.start(keys, 384) is None
    monkeypatch.delenv("BLICKWINKEL_NO_BACKGROUND")
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert background.start(keys, 384) is None  # another thread could hold a lock at the fork
    finally:
        stop.set()
        worker.join()
    monkeypatch.setattr(background, "MAX_WORDS", sum(map(len, ARTICLE_ONE)) - 1)
    assert background.start(keys, 384) is None  # too many words to hold at once
    monkeypatch.setattr(background, "_allowed", [False])
    assert background.start(keys, 384) is None
    assert start_vectors([ARTICLE_ONE])() is None  # nothing started: closing is a no-op
