"""GEOS work begun ahead of need, on one background thread.

Shapely releases Python's lock while GEOS works ("Multithreading" in shapely's docs), so
growing and joining thousands of shapes can run on a second core while the rules run on
the first. The jobs run one after another on one thread: a check never asks for more
cores than a desktop has. The jobs must only read the geometries they are given (shapely
warns against changing geometries another thread reads, e.g. preparing them): whoever
submits prepares its geometries first.
"""

from __future__ import annotations

import os
from typing import Any

# below this many blockers the work takes a few milliseconds: no thread for that
WORTH_A_THREAD = 300


class Ahead:
    """``ahead(key, fn, *args)`` begins ``fn(*args)``; ``take(key, fn, *args)`` returns its result,
    or computes it here when it was not begun. The result is the same either way."""

    def __init__(self) -> None:
        self._executor: Any = None  # a ThreadPoolExecutor, made on the first job (its import costs)
        self._pid = 0
        self._jobs: dict = {}

    def ahead(self, key, fn, /, *args) -> None:
        if key in self._jobs:
            return
        if self._executor is None or self._pid != os.getpid():  # a forked child has no thread of its own
            from concurrent.futures import ThreadPoolExecutor

            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="bianmin-geos")
            self._pid = os.getpid()
            self._jobs.clear()
        self._jobs[key] = self._executor.submit(fn, *args)

    def take(self, key, fn, /, *args):
        job = self._jobs.pop(key, None)
        if job is not None and self._pid == os.getpid():
            return job.result()
        return fn(*args)

    def begun(self, key) -> bool:
        return key in self._jobs
