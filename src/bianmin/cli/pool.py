"""The processes a batch checks its files in: one forked child for one file (Linux), or a pool of
worker processes, each guarded by a time limit; a worker that dies is restarted and costs only
its own file.

``work`` is the function a worker runs on ``(path, *job)`` (cli/batch.py's ``_work``); it is passed
in, not imported, so that a test can put a worker that hangs or dies in its place. Every file
gets a report: a file past the time limit or whose worker died twice gets an "unreadable" one
that says why.
"""

from __future__ import annotations

import os
import sys
import time
from collections import Counter

from bianmin.standards.engine import unreadable_report
from bianmin.standards.findings import PlanReport

_POLL_S = 0.5

# fork is Linux's cheap way to a worker with everything imported; macOS's system libraries are not
# safe across fork (Python spawns there) and Windows has none: both use the pool
FORK = sys.platform.startswith("linux") and hasattr(os, "fork")


def run_forked(work, path, job: tuple, timeout: float) -> PlanReport:
    """One file checked in a forked child, with the pool's guards: past ``timeout`` seconds the
    child is killed and the file gets a finding; a child that dies is tried once more, and a
    file whose child dies twice is named."""
    for _ in range(2):
        outcome = _fork_once(work, (str(path), *job), timeout)
        if outcome is None:
            continue  # died: once more
        kind, value = outcome
        if kind == "report":
            return PlanReport.from_state(value)
        if kind == "timeout":
            return _timeout_report(path, timeout)
        return unreadable_report(str(path), f"检查时出错：{value} / the check failed: {value}")
    return _died_report(path)


def _fork_once(work, args: tuple, timeout: float):
    """("report", state), ("error", text) or ("timeout", None); None when the child died."""
    import gc
    import pickle
    import select
    import signal

    read_end, write_end = os.pipe()
    # what the parent holds is left out of the child's garbage collection, which would otherwise
    # write to (and so copy) every page of it: as Python's docs advise for fork() without exec()
    gc.freeze()
    pid = os.fork()
    if pid != 0:
        gc.unfreeze()  # the child keeps them frozen: it only checks one file and leaves
    if pid == 0:  # the child: check, send the report, leave without running the parent's exit handlers
        code = 0
        try:
            os.close(read_end)
            try:
                payload: tuple = ("report", work(args))
            except Exception as exc:  # the check raised instead of reporting: still a verdict
                payload = ("error", str(exc))
            data = pickle.dumps(payload)
            view = memoryview(data)
            while view:
                view = view[os.write(write_end, view) :]
        except BaseException:  # noqa: BLE001 - interrupted or the pipe closed: the parent decides
            code = 1
        finally:
            os._exit(code)
    os.close(write_end)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    finished = False
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            ready, _, _ = select.select([read_end], [], [], min(left, _POLL_S))
            if ready:
                chunk = os.read(read_end, 1 << 16)
                if not chunk:
                    finished = True
                    break
                chunks.append(chunk)
    finally:
        os.close(read_end)
        if not finished:  # late, or Ctrl+C: no child is left running
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        os.waitpid(pid, 0)
    if not finished:
        return ("timeout", None)
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001 - cut short: the child died while writing
        return None


def run_pool(work, files, job: tuple, jobs: int, progress, timeout, reports: dict[int, PlanReport]) -> None:
    """Check ``files`` in up to ``jobs`` worker processes; ``reports[i]`` is filled for every file."""
    total = len(files)
    deaths: Counter = Counter()
    pending = list(range(total))
    while pending:
        # after a worker died, the files that were in flight go one at a time: the one that kills
        # its worker again is then known, and costs no other file its check
        isolate = [i for i in pending if deaths[i]]
        batch = isolate[:1] if isolate else pending
        workers = 1 if isolate else min(jobs, len(batch))
        pending = [i for i in pending if i not in batch]
        died, again = _pool_round(work, files, batch, workers, job, timeout, reports, progress, total)
        pending.extend(again)
        for i in died:
            deaths[i] += 1
            if deaths[i] >= 2:
                reports[i] = _died_report(files[i])
                if progress:
                    progress(len(reports), total, str(files[i]))
            else:
                pending.append(i)
        pending.sort()


def _pool_round(work, files, batch, workers, job, timeout, reports, progress, total) -> tuple[list[int], list[int]]:
    """Run ``batch`` in a fresh pool; returns the files whose worker died, and those to run again
    without blame (in flight when the pool was stopped for another file's time limit)."""
    # imported here: concurrent.futures.process (multiprocessing, subprocess, sockets) costs 40 ms
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers)
    futures = {pool.submit(work, (str(files[i]), *job)): i for i in batch}
    started: dict = {}
    died: list[int] = []
    interrupted = True
    try:
        while futures:
            done, _ = wait(futures, timeout=_POLL_S, return_when=FIRST_COMPLETED)
            for future in done:
                i = futures.pop(future)
                try:
                    reports[i] = PlanReport.from_state(future.result())
                except BrokenProcessPool:
                    died.append(i)
                    continue
                except Exception as exc:  # the worker raised instead of reporting: still a verdict
                    reports[i] = unreadable_report(str(files[i]), f"检查时出错：{exc} / the check failed: {exc}")
                if progress:
                    progress(len(reports), total, str(files[i]))
            now = time.monotonic()
            for future in futures:
                if future.running():
                    started.setdefault(future, now)
            late = [f for f, t0 in started.items() if f in futures and timeout and now - t0 > timeout]
            if late:
                # a worker cannot be stopped alone: stop the pool, name the late files, try the others again
                for future in late:
                    i = futures.pop(future)
                    reports[i] = _timeout_report(files[i], timeout)
                    if progress:
                        progress(len(reports), total, str(files[i]))
                _stop(pool)
                interrupted = False
                return died, sorted(futures.values())
        interrupted = False
    finally:
        if interrupted:
            _stop(pool)  # Ctrl+C or an error: no worker is left spinning
        else:
            pool.shutdown(wait=True)
    return died, []


def _stop(pool) -> None:
    """Stop every worker of ``pool`` now, and wait until each is gone: none is left spinning."""
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        try:
            process.terminate()
        except Exception:  # noqa: BLE001, S110 - already gone
            pass
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        try:
            process.join(2.0)
            if process.is_alive():
                process.kill()
                process.join(2.0)
        except Exception:  # noqa: BLE001, S110 - already reaped
            pass


def _timeout_report(path, timeout: float) -> PlanReport:
    report = unreadable_report(
        str(path),
        f"检查超过 {timeout:g} 秒（--timeout）仍未完成，已停止；图纸可能过大或含异常内容："
        f"可加大 --timeout 重试，或把文件交给技术人员检查 / "
        f"the check took longer than {timeout:g} s (--timeout) and was stopped: the drawing may be very "
        f"large or odd; try a larger --timeout or have it looked at",
    )
    report.findings[0].rule = "DXF-READ"
    return report


def _died_report(path) -> PlanReport:
    return unreadable_report(
        str(path),
        "检查进程两次意外终止（可能是内存不足），未能完成检查 / "
        "the checking process died twice (perhaps out of memory)",
    )
