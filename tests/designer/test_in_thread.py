"""自动布置 and 修复 run off the interface thread (designer/in_thread.py): the window keeps
repainting during a long layout (tryout: a minute's freeze on a hall of 3,000 seats)."""

import threading
import time

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import QTimer  # noqa: E402

from bianmin.designer.in_thread import run_in_thread  # noqa: E402


def test_the_work_runs_in_another_thread_and_the_window_keeps_handling_events(qtbot, qapp):
    ticks = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    main = threading.get_ident()

    def slow(x):
        time.sleep(0.6)
        return x * 2, threading.get_ident()

    value, where = run_in_thread(None, ("正在自动布置", "Laying out"), slow, 21)
    timer.stop()
    assert value == 42 and where != main
    assert len(ticks) >= 5  # the interface thread handled its timer while the work ran


def test_an_error_in_the_work_is_raised_where_it_was_asked_for(qapp):
    def broken():
        raise ValueError("no place")

    with pytest.raises(ValueError, match="no place"):
        run_in_thread(None, ("正在修复", "Fixing"), broken)
