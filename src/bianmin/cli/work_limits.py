"""Bounds on one command's work: time, memory and Ctrl+C, for every command, not only validate.

``validate`` checks each file in its own process with a time limit (cli/pool.py).  The other
commands (recognize, layout, export pdf, export report, review) work on one drawing in this
process; :func:`bounded` gives them the same promise:

* **time**: past ``BIANMIN_TIME_LIMIT_S`` seconds (default 600) the command stops, says so
  and exits 2; the input files are untouched and no output is half-written (every output is
  written to a temporary file and renamed, geometry/atomic.py);
* **memory**: where the system lets a process cap itself (Linux, macOS: ``RLIMIT_AS``) the cap
  is ``BIANMIN_MEMORY_LIMIT_MB`` (default 4096); running out is said and exits 2, never a
  traceback or a system slowed to a crawl.  Windows has no such call: the intake bound
  (geometry/dxf/bounds.py) is what keeps a drawing from asking for gigabytes there;
* **Ctrl+C**: Python acts on it between two steps of its own; a long computation inside GEOS
  or numpy would finish first.  A watcher woken by the signal itself (``signal.set_wakeup_fd``)
  ends the process 2 s later if it is still running, with "已中断" and status 130.

Only the ``bianmin`` program turns these on (cli/main.py ``run``); ``main()`` called from a test
or another program never caps or ends the process that called it.
"""

from __future__ import annotations

import os
import signal
import socket
import sys
import threading
from typing import Callable

from bianmin.cli.exits import EXIT_UNREADABLE

DEFAULT_TIME_LIMIT_S = 600.0
DEFAULT_MEMORY_LIMIT_MB = 4096
INTERRUPT_GRACE_S = 2.0
EXIT_INTERRUPTED = 130

# the commands bounded here; validate has its own per-file guards, design is a window
BOUNDED = frozenset({"recognize", "layout", "export", "review"})


def _env_number(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, default))
    except ValueError:
        return default
    return value if value > 0 else default


def _say(text: str) -> None:
    try:
        print(text, file=sys.stderr, flush=True)
    except (OSError, ValueError, AttributeError):
        pass


def _leave(code: int, text: str) -> None:
    _say(text)
    try:
        sys.stdout.flush()
    except (OSError, ValueError, AttributeError):
        pass
    os._exit(code)


def start_time_limit(command: str, limit_s: float | None = None) -> threading.Timer:
    """A watcher that ends the process once ``command`` has run ``limit_s`` seconds."""
    limit = limit_s or _env_number("BIANMIN_TIME_LIMIT_S", DEFAULT_TIME_LIMIT_S)
    timer = threading.Timer(
        limit,
        _leave,
        args=(
            EXIT_UNREADABLE,
            f"bianmin {command}: 超过 {limit:.0f} 秒仍未完成，已停止；输入文件未改动，未写出半截文件"
            f"（可用环境变量 BIANMIN_TIME_LIMIT_S 放宽）/ still running after {limit:.0f} s: stopped; "
            f"the input is untouched and nothing half-written was left (BIANMIN_TIME_LIMIT_S sets the limit)",
        ),
    )
    timer.daemon = True
    timer.start()
    return timer


def cap_memory(limit_mb: float | None = None) -> bool:
    """Cap this process's address space where the system allows it; whether it did."""
    try:
        import resource  # not on Windows
    except ImportError:
        return False
    limit = int((limit_mb or _env_number("BIANMIN_MEMORY_LIMIT_MB", DEFAULT_MEMORY_LIMIT_MB)) * 1024 * 1024)
    try:
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        if soft == resource.RLIM_INFINITY or soft > limit:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
        return True
    except (ValueError, OSError):
        return False


def watch_interrupt(grace_s: float = INTERRUPT_GRACE_S) -> bool:
    """End the process ``grace_s`` after Ctrl+C if Python's own KeyboardInterrupt has not ended it."""
    if threading.current_thread() is not threading.main_thread():
        return False
    try:
        reader, writer = socket.socketpair()
        reader.setblocking(True)
        writer.setblocking(False)
        signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    except (OSError, ValueError, AttributeError):
        return False

    def watch() -> None:
        while True:
            try:
                data = reader.recv(64)
            except OSError:
                return
            if not data:
                return
            if signal.SIGINT in data:
                threading.Event().wait(grace_s)
                _leave(EXIT_INTERRUPTED, "\nbianmin: 已中断 / interrupted")

    thread = threading.Thread(target=watch, name="bianmin-interrupt", daemon=True)
    thread.start()
    # keep the pair alive as long as the process
    watch_interrupt.pair = (reader, writer)  # type: ignore[attr-defined]
    return True


def out_of_memory_message(command: str) -> str:
    return (
        f"bianmin {command}: 内存不足，已停止；图纸可能过大或已损坏，输入文件未改动 / "
        f"out of memory: stopped; the drawing may be too large or damaged, the input is untouched"
    )


def is_out_of_memory(exc: BaseException) -> bool:
    """MemoryError, or GEOS's std::bad_alloc as shapely raises it."""
    if isinstance(exc, MemoryError):
        return True
    return type(exc).__name__ == "GEOSException" and "bad_alloc" in str(exc)


def bounded(command: str, work: Callable[[], int]) -> int:
    """Run ``work`` (a command's handler) within the bounds above."""
    watch_interrupt()
    if command not in BOUNDED:
        return work()
    cap_memory()
    timer = start_time_limit(command)
    try:
        return work()
    except Exception as exc:
        if is_out_of_memory(exc):
            _say(out_of_memory_message(command))
            return EXIT_UNREADABLE
        raise
    finally:
        timer.cancel()
