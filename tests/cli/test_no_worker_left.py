"""Issue 16: no worker is left spinning after a batch stopped a late file or was interrupted; issue 15: a
worker killed by a signal (as the OOM killer does) costs no other file its check."""

import multiprocessing
import os
import shutil
import signal
import sys
import time

import pytest

from bianmin.cli import batch
from bianmin.standards.config import Config

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="the patched worker reaches children by fork")

REAL_WORK = batch._work


@pytest.fixture
def folder(root, tmp_path):
    for name in ("a", "slow", "b", "once", "c"):
        shutil.copy(root / "src" / "bianmin" / "templates" / "community-station.dxf", tmp_path / f"{name}.dxf")
    return tmp_path


def sabotaged(args):
    path = str(args[0])
    if "slow" in path:
        time.sleep(60)
    if "once" in path and not os.path.exists(path + ".died"):
        open(path + ".died", "w").close()
        os.kill(os.getpid(), signal.SIGKILL)
    return REAL_WORK(args)


@pytest.fixture(autouse=True)
def earlier_children():
    """Processes other tests left are not this batch's workers."""
    return {p.pid for p in multiprocessing.active_children()}


def spinning(earlier=frozenset(), patience: float = 10.0):
    """The batch's workers still alive once the batch returned; a loaded machine gets a few seconds
    to reap them (a worker that really spins is alive for the whole minute it sleeps)."""
    deadline = time.monotonic() + patience
    while True:
        alive = [p for p in multiprocessing.active_children() if p.is_alive() and p.pid not in earlier]
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.2)


def test_no_worker_left_spinning_after_a_time_limit(folder, monkeypatch, earlier_children):
    monkeypatch.setattr(batch, "_work", sabotaged)
    files = [folder / f"{n}.dxf" for n in ("a", "slow", "b", "c")]
    reports = batch.run(files, Config(), jobs=2, timeout=2)
    assert [r.status for r in reports] == ["pass", "unreadable", "pass", "pass"]
    assert spinning(earlier_children) == []


def test_no_worker_left_spinning_after_an_interrupt(folder, monkeypatch, earlier_children):
    monkeypatch.setattr(batch, "_work", sabotaged)
    files = [folder / f"{n}.dxf" for n in ("slow", "a", "b")]

    def interrupt(done, total, name):
        raise KeyboardInterrupt  # Ctrl+C while the slow file still runs

    with pytest.raises(KeyboardInterrupt):
        batch.run(files, Config(), jobs=2, timeout=120, progress=interrupt)
    assert spinning(earlier_children) == []


def test_worker_killed_by_signal_retried_not_unreadable(folder, monkeypatch, earlier_children):
    monkeypatch.setattr(batch, "_work", sabotaged)
    files = [folder / f"{n}.dxf" for n in ("a", "b", "once", "c")]
    reports = batch.run(files, Config(), jobs=2, timeout=60)
    assert [r.status for r in reports] == ["pass"] * 4
    assert spinning(earlier_children) == []
