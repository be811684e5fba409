"""The workers that fetch and analyse for ``POST /api/v1/compare``, apart from the request threads.

Reads of stored data (listings, story pages) run on the server's request threads; a comparison can
take as long as its fetches' deadlines and its analysis, so it runs here, on a few threads of its
own with a short queue. When the workers and the queue are full, a request is answered at once with
503 and ``Retry-After`` instead of waiting: slow comparisons never hold up reads.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import TypeVar

from blickwinkel.errors import ApiError, Errors

T = TypeVar("T")

BUSY_RETRY_SECONDS = 10
"""When to ask again (``Retry-After``) after a 503 for want of a comparison worker or process, unless
the app gives its own (``create_app`` gives the fetch timeout). Set by hand, not a setting."""


class CompareWorkers:
    """``workers`` comparisons at once and ``queue`` more waiting; beyond that, 503."""

    def __init__(self, workers: int, queue: int, *, retry_after: int = BUSY_RETRY_SECONDS) -> None:
        self.workers = max(1, workers)
        self.capacity = self.workers + max(0, queue)
        self.retry_after = retry_after
        self._executor: ThreadPoolExecutor | None = None
        self._places = threading.BoundedSemaphore(self.capacity)
        self._lock = threading.Lock()

    def _pool(self) -> ThreadPoolExecutor:
        with self._lock:
            if self._executor is None:
                self._executor = ThreadPoolExecutor(self.workers, thread_name_prefix="blickwinkel-compare")
            return self._executor

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """``fn(*args)`` on a worker; raises :class:`ApiError` 503 when no place is free."""
        if not self._places.acquire(blocking=False):
            raise ApiError(
                503,
                Errors.W008.format(
                    workers=self.workers, places=self.capacity - self.workers, retry_after=self.retry_after
                ),
                headers={"Retry-After": str(self.retry_after)},
            )
        try:
            future: Future[T] = self._pool().submit(fn, *args)
        except BaseException:
            self._places.release()
            raise
        # The place is freed when the work ends, even if the client has gone away meanwhile.
        future.add_done_callback(lambda _: self._places.release())
        return await asyncio.wrap_future(future)

    def close(self) -> None:
        with self._lock:
            if self._executor is not None:
                self._executor.shutdown(wait=False, cancel_futures=True)
                self._executor = None
