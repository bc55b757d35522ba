"""Every command's work is bounded (issue 27): time, memory and Ctrl+C, not only validate's."""

import signal
import subprocess
import sys
import time

import ezdxf
import pytest

from bianmin.cli import work_limits
from bianmin.templates import path_of


def _bianmin(*args, env=None, **kw):
    import os

    full = dict(os.environ, **(env or {}))
    return subprocess.Popen(
        [sys.executable, "-m", "bianmin", *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=full,
        **kw,
    )


def _busy_plan(tmp_path, n=3000):
    """a plan with thousands of counters: seconds of work for layout and export"""
    doc = ezdxf.readfile(path_of("street-center"))
    msp = doc.modelspace()
    for i in range(n):
        msp.add_blockref(
            "BM_COUNTER", (2000 + (i % 60) * 300, 2000 + (i // 60) * 150), dxfattribs={"layer": "BM-COUNTER"}
        )
    out = tmp_path / "busy.dxf"
    doc.saveas(out)
    return out


@pytest.mark.slow
def test_a_command_past_its_time_limit_stops_and_says_so(tmp_path):
    plan = _busy_plan(tmp_path)
    out = tmp_path / "laid-out.dxf"
    p = _bianmin("layout", plan, "-o", out, env={"BIANMIN_TIME_LIMIT_S": "1"})
    _, err = p.communicate(timeout=60)
    assert p.returncode == 2
    assert "超过 1 秒仍未完成" in err.decode("utf-8") and b"Traceback" not in err
    assert not out.exists()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT to a child is a POSIX signal")
@pytest.mark.parametrize("command", [("layout",), ("export", "pdf")])
def test_ctrl_c_ends_a_command_promptly(tmp_path, command):
    plan = _busy_plan(tmp_path, 4800)
    p = _bianmin(*command, plan, "-o", tmp_path / "out.file")
    time.sleep(2.0)  # past the imports and the reading, into the work
    if p.poll() is not None:
        pytest.skip("the command finished before it could be interrupted")
    sent = time.monotonic()
    p.send_signal(signal.SIGINT)
    _, err = p.communicate(timeout=30)
    assert time.monotonic() - sent < 5
    assert p.returncode == 130
    assert "已中断" in err.decode("utf-8") and b"Traceback" not in err


def _no_process_bounds(monkeypatch):
    """bounded() caps and watches the process it runs in: never this test process (a 4 GB address
    cap left on pytest made a later Qt test abort the whole run)"""
    import threading

    monkeypatch.setattr(work_limits, "cap_memory", lambda *a, **k: False)
    monkeypatch.setattr(work_limits, "watch_interrupt", lambda *a, **k: False)
    monkeypatch.setattr(work_limits, "start_time_limit", lambda *a, **k: threading.Timer(1e9, lambda: None))


@pytest.mark.parametrize(
    "trouble",
    [MemoryError(), pytest.param("geos", id="geos-bad-alloc")],
)
def test_running_out_of_memory_is_said_and_exits_2(trouble, capsys, monkeypatch):
    _no_process_bounds(monkeypatch)
    if trouble == "geos":
        from shapely.errors import GEOSException

        trouble = GEOSException("std::bad_alloc")

    def work():
        raise trouble

    assert work_limits.bounded("layout", work) == 2
    err = capsys.readouterr().err
    assert "内存不足" in err


def test_another_error_is_not_taken_for_memory(monkeypatch):
    _no_process_bounds(monkeypatch)

    def work():
        raise ValueError("a bug")

    with pytest.raises(ValueError):
        work_limits.bounded("layout", work)


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has no RLIMIT_AS")
def test_the_memory_cap_holds_in_a_child():
    code = (
        "from bianmin.cli.work_limits import cap_memory\n"
        "assert cap_memory(600)\n"
        "try:\n    b = bytearray(2 * 1024**3)\nexcept MemoryError:\n    print('capped')\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert done.stdout.strip() == b"capped", done.stderr


def test_main_called_by_another_program_sets_no_limits(monkeypatch, tmp_path):
    """a test or another program calling main() must never have its process capped or ended"""
    from bianmin.cli.main import main

    called = []
    monkeypatch.setattr(work_limits, "bounded", lambda *a: called.append(a) or 0)
    main(["export", "report", str(path_of("community-station")), "-o", str(tmp_path / "r.pdf")])
    assert called == []
