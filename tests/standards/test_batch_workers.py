"""A batch goes on past a worker that dies or a file that never ends (issues 15, 16)."""

import os
import shutil
import sys
import time

import pytest

from bianmin.standards import batch
from bianmin.standards.config import Config

fork_only = pytest.mark.skipif(sys.platform != "linux", reason="the patched worker reaches children by fork")


@pytest.fixture
def folder(root, tmp_path):
    for name in ("a", "b", "kill-me", "c", "d"):
        shutil.copy(root / "templates" / "community-station.dxf", tmp_path / f"{name}.dxf")
    return tmp_path


REAL_WORK = batch._work


def work_that_dies(args):
    if "kill-me" in args[0]:
        os._exit(9)  # as the OOM killer would
    return REAL_WORK(args)


def work_that_hangs(args):
    if "kill-me" in args[0]:
        time.sleep(60)
    return REAL_WORK(args)


@fork_only
def test_a_killed_worker_costs_only_its_own_file(folder, monkeypatch):
    monkeypatch.setattr(batch, "_work", work_that_dies)
    files = sorted(folder.glob("*.dxf"))
    reports = batch.run(files, Config(), jobs=2, timeout=60)
    by_name = {os.path.basename(r.path): r for r in reports}
    assert by_name["kill-me.dxf"].status == "unreadable" and "两次" in by_name["kill-me.dxf"].findings[0].message
    assert all(r.status == "pass" for n, r in by_name.items() if n != "kill-me.dxf")


@fork_only
def test_a_file_past_the_time_limit_gets_a_finding_and_the_batch_goes_on(folder, monkeypatch):
    monkeypatch.setattr(batch, "_work", work_that_hangs)
    files = sorted(folder.glob("*.dxf"))
    start = time.monotonic()
    reports = batch.run(files, Config(), jobs=2, timeout=3)
    assert time.monotonic() - start < 30
    by_name = {os.path.basename(r.path): r for r in reports}
    assert "3 秒" in by_name["kill-me.dxf"].findings[0].message
    assert all(r.status == "pass" for n, r in by_name.items() if n != "kill-me.dxf")
