"""A batch run's local cluster ends without killing its workers: a worker process that takes a few
seconds to end (models loaded, a loaded machine) printed Dask's "Worker process still alive after
4.0 seconds, killing" at the end of runs."""

from __future__ import annotations

import logging

from blickwinkel.batch.run import dask_client

LINGER_SECONDS = 6.0  # longer than Dask's own 4 s, well within ours


def _linger() -> None:
    """Keep the worker process from ending for a while after it is asked to (a thread that is no
    daemon is joined before a process ends)."""
    import threading
    import time

    threading.Thread(target=time.sleep, args=(LINGER_SECONDS,), daemon=False).start()


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def test_a_worker_slow_to_end_is_not_killed_when_the_run_ends() -> None:
    records = _Records()
    logger = logging.getLogger("distributed")
    logger.addHandler(records)
    try:
        with dask_client(None, 1) as client:
            client.submit(_linger, pure=False).result()
    finally:
        logger.removeHandler(records)
    assert not [m for m in records.messages if "killing" in m], records.messages
