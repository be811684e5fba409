"""Locust users for ``bench/service.py --locust``: each user asks for the paths in
``BLICKWINKEL_BENCH_PATHS`` (comma-separated) in turn, on one keep-alive connection, with no wait
between requests (closed loop, like our own generator). Locust's FastHttpUser does the HTTP and the
statistics; this file only names the paths. Runs in Locust's own environment (no blickwinkel import).
"""

from __future__ import annotations

import itertools
import os

from locust import FastHttpUser, constant, task

PATHS = os.environ.get("BLICKWINKEL_BENCH_PATHS", "/api/v1/stories").split(",")
_starts = itertools.count()


class Reader(FastHttpUser):  # type: ignore[misc]
    wait_time = constant(0)

    def on_start(self) -> None:
        self.turn = next(_starts)

    @task  # type: ignore[untyped-decorator]
    def read(self) -> None:
        path = PATHS[self.turn % len(PATHS)]
        self.turn += 1
        accept = "application/json" if path.startswith("/api/") else "text/html"
        self.client.get(path, headers={"accept": accept}, name="read")
