"""The tagger's vectors computed in a child process: the same to the bit, and never a hang or a crash."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from dataclasses import replace

import numpy as np
import pytest

from blickwinkel.analyse import ner_tagger
from blickwinkel.analyse.ner_tagger import crf_tags_batch, raw_vectors, start_vectors, vector_settings
from blickwinkel.cli import _background as background

pytestmark = [
    pytest.mark.skipif(sys.platform != "linux", reason="the child process is forked on Linux only"),
    pytest.mark.slow,  # the tagger's e5 encoder, here and in the children
]

ARTICLE_ONE = [
    ["Die", "Stadtwerke", "Kiel", "erhöhen", "die", "Preise", "."],
    ["Bürgermeisterin", "Anna", "Berg", "sprach", "in", "Hamburg", "."],
]
ARTICLE_TWO = [["Der", "Verein", "Grünfeld", "lud", "nach", "Lübeck", "ein", "."]]


@pytest.fixture
def allowed(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(background, "_allowed", [True])
    monkeypatch.setattr(ner_tagger, "_workers", [background.spawn])  # what background.allow() sets
    monkeypatch.delenv("BLICKWINKEL_NO_BACKGROUND", raising=False)
    # Threads that earlier tests of this worker left behind (a pool, a test server) are not this
    # test's: the command that forks runs in a fresh process. Count only threads started since.
    there = {thread.ident for thread in threading.enumerate()} - {threading.main_thread().ident}
    monkeypatch.setattr(
        threading,
        "active_count",
        lambda: sum(1 for thread in threading.enumerate() if thread.ident not in there),
    )
    yield
    assert not ner_tagger._started  # every test closes what it started


def _keys(*batches: list[list[str]]) -> list[tuple[tuple[str, ...], ...]]:
    return [tuple(tuple(tokens) for tokens in batch) for batch in batches]


def _started(*batches: list[list[str]], room: int = 1000) -> background.Batches:
    started = background.spawn(room, len(vector_settings().mean))
    assert started is not None
    assert started.send(_keys(*batches))
    return started


def test_the_child_gives_the_vectors_this_process_would_to_the_bit(allowed: None) -> None:
    settings = vector_settings()
    started = _started(ARTICLE_ONE, ARTICLE_TWO)
    try:
        assert not started.send(_keys(ARTICLE_TWO))  # the batches are given once
        for batch in (ARTICLE_TWO, ARTICLE_ONE):  # asked out of order: waits for both
            got = started.vectors(_keys(batch)[0])
            assert got is not None
            for have, want in zip(got, raw_vectors(batch, settings), strict=True):
                np.testing.assert_array_equal(have, want)
        assert started.vectors(_keys([["nie", "gestartet"]])[0]) is None
    finally:
        started.close()
    assert started.pid == 0


def test_a_sentence_two_batches_share_gives_the_same_vectors_in_both(allowed: None) -> None:
    settings = vector_settings()
    second = [ARTICLE_TWO[0], ARTICLE_ONE[1], ARTICLE_TWO[0]]  # (the child encodes each sentence once)
    started = _started(ARTICLE_ONE, second, ARTICLE_ONE)
    try:
        for batch in (ARTICLE_ONE, second):
            got = started.vectors(_keys(batch)[0])
            assert got is not None
            for have, want in zip(got, raw_vectors(batch, settings), strict=True):
                np.testing.assert_array_equal(have, want)
    finally:
        started.close()


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
    started = _started(ARTICLE_ONE)
    try:
        os.kill(started.pid, signal.SIGKILL)
        # It may have written the batch before the signal came; if not, None says "compute it here".
        got = started.vectors(_keys(ARTICLE_ONE)[0])
        if got is not None:
            for have, want in zip(got, raw_vectors(ARTICLE_ONE, settings), strict=True):
                np.testing.assert_array_equal(have, want)
        else:
            assert started.failed
    finally:
        started.close()


def test_a_silent_child_is_given_up_on(allowed: None, monkeypatch: pytest.MonkeyPatch) -> None:
    started = _started(ARTICLE_ONE)
    monkeypatch.setattr(background, "WAIT_SECONDS", 0.0)  # (it is still loading the encoder)
    try:
        assert started.vectors(_keys(ARTICLE_ONE)[0]) is None
        assert started.failed
    finally:
        started.close()


@pytest.mark.parametrize("work", [True, False], ids=["at-work", "never-sent-any"])
def test_closing_ends_a_child_still_at_work(allowed: None, work: bool) -> None:
    started = _started(ARTICLE_ONE * 200, room=20_000) if work else background.spawn(10, 384)
    assert started is not None
    pid = started.pid
    started.close()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)  # reaped: no zombie left


def test_batches_longer_than_the_room_asked_for_stay_here(allowed: None) -> None:
    started = background.spawn(sum(map(len, ARTICLE_ONE)) - 1, len(vector_settings().mean))
    assert started is not None
    try:
        assert not started.send(_keys(ARTICLE_ONE))
        assert started.vectors(_keys(ARTICLE_ONE)[0]) is None
    finally:
        started.close()


def test_no_child_unless_allowed_alone_and_not_switched_off(
    allowed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BLICKWINKEL_NO_BACKGROUND", "1")
    assert background.spawn(100, 384) is None
    monkeypatch.delenv("BLICKWINKEL_NO_BACKGROUND")
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert background.spawn(100, 384) is None  # another thread could hold a lock at the fork
    finally:
        stop.set()
        worker.join()
    assert background.spawn(background.MAX_WORDS + 1, 384) is None  # too many words to hold at once
    assert background.spawn(0, 384) is None
    monkeypatch.setattr(background, "_allowed", [False])
    assert background.spawn(100, 384) is None
    assert start_vectors([ARTICLE_ONE])() is None  # nothing started: closing is a no-op


def test_analysis_with_the_child_is_the_analysis_without(
    allowed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    from blickwinkel.analyse import entities, pipeline
    from blickwinkel.ingest import read_text

    texts = [
        "Der Stadtrat von Kiel tagte am Montag. Bürgermeisterin Anna Berg sagte, die Brücke bleibe zu.",
        "Die Brücke in Kiel bleibt gesperrt, sagte Anna Berg. Der Verein Grünfeld protestierte in Lübeck.",
    ]
    articles = [read_text(t, source=f"{n}.txt", fmt="text") for n, t in enumerate(texts)]
    spawned: list[background.Batches | None] = []
    spawn = entities.spawn_vectors

    def counted(max_words: int) -> background.Batches | None:
        spawned.append(spawn(max_words))
        return spawned[-1]

    monkeypatch.setattr(entities, "spawn_vectors", counted)
    seen: list[int] = []
    pipeline.CACHE.clear()
    with_child = pipeline.analyse_articles(articles, meanwhile=lambda s: seen.append(len(s)))
    assert len(spawned) == 1 and spawned[0] is not None and spawned[0].pid == 0  # ended and reaped
    assert seen == [2]  # ``meanwhile`` had the statements of both articles
    monkeypatch.setenv("BLICKWINKEL_NO_BACKGROUND", "1")
    pipeline.CACHE.clear()
    assert pipeline.analyse_articles(articles) == with_child
    pipeline.CACHE.clear()
    english = [replace(a, language="en") for a in articles]
    monkeypatch.delenv("BLICKWINKEL_NO_BACKGROUND")
    spawned.clear()
    pipeline.analyse_articles(english)
    assert spawned == []  # no article for the tagger: no child
    pipeline.CACHE.clear()
