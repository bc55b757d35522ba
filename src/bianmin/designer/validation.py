"""Live validation: the same engine as ``bianmin validate``, after a short pause in editing,
off the interface thread. The plan is snapshotted (new lists, the same immutable elements)
so the user can keep editing while a check runs; a newer edit makes the older result stale.
"""

from __future__ import annotations

import time
from dataclasses import replace

import numpy as np
from PyQt6.QtCore import QObject, QRunnable, QThreadPool, QTimer, pyqtSignal

from bianmin.standards.config import Config


def evacuation_data(ctx, limit_mm: float = 30000.0):
    """What the evacuation view draws: the walking-distance grid and the computed paths."""
    plan = ctx.plan
    if plan.hall is None or not plan.exits:
        return None
    a = ctx.analysis
    grid = a.grid
    values = np.full(grid.free.shape, np.nan)
    dist = a.exit_field.dist
    values[grid.free] = np.where(np.isfinite(dist), dist, np.inf)
    return {
        "grid": {"values": values, "cell": grid.cell, "origin": grid.origin, "limit": limit_mm},
        "paths": [p["points"] for p in a.evacuation_paths()],
    }


def run_check(intake, config, generation):
    from bianmin.standards.engine import check_with_context

    start = time.perf_counter()
    report, ctx = check_with_context(intake, config)
    try:
        evac = evacuation_data(ctx)
    except Exception:
        evac = None
    return generation, report, evac, time.perf_counter() - start


class _Signals(QObject):
    done = pyqtSignal(object)


class _Job(QRunnable):
    def __init__(self, intake, config, generation):
        super().__init__()
        self.args = (intake, config, generation)
        self.signals = _Signals()

    def run(self):
        try:
            result = run_check(*self.args)
        except Exception as exc:  # report, never crash the window
            result = (self.args[2], exc, None, 0.0)
        try:
            self.signals.done.emit(result)
        except RuntimeError:
            pass  # the window closed while the check ran: nobody is waiting for it


class LiveValidator(QObject):
    finished = pyqtSignal(object, object, float)  # report, evacuation data, seconds
    failed = pyqtSignal(str)

    def __init__(self, document, config: Config | None = None, delay_ms: int = 50, parent=None):
        super().__init__(parent)
        self.document = document
        self.config = config or Config()
        self.generation = 0
        self.running = False
        self.pending = False
        self.last_report = None
        self.pool = QThreadPool.globalInstance()
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(delay_ms)
        self.timer.timeout.connect(self._start)
        self._jobs = []

    def schedule(self, *_):
        self.generation += 1
        self.timer.start()

    def run_now(self):
        self.generation += 1
        self._start()

    def _start(self):
        if self.running:
            self.pending = True
            return
        self.running = True
        intake = replace(self.document.read.intake, plan=self.document.plan.copy())
        job = _Job(intake, self.config, self.generation)
        job.signals.done.connect(self._done)
        self._jobs.append(job)
        self.pool.start(job)

    def _done(self, result):
        generation, report, evac, seconds = result
        self.running = False
        self._jobs = [j for j in self._jobs if j.args[2] != generation]
        if isinstance(report, Exception):
            self.failed.emit(f"{type(report).__name__}: {report}")
        elif generation == self.generation:
            self.last_report = report
            self.finished.emit(report, evac, seconds)
        if self.pending or generation != self.generation:
            self.pending = False
            self._start()
