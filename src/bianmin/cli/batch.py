"""Check many plans: find the files, run them in worker processes, sum up the district.

One bad file never stops the others: every file gets a report, unreadable
ones included, and a worker that dies takes only its own file with it.
"""

from __future__ import annotations

from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS

import os
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from bianmin.standards.config import Config
from bianmin.standards.engine import unreadable_report, validate_path
from bianmin.standards.findings import PlanReport


PLAN_SUFFIXES = (".dxf", ".dwg")


def collect(paths) -> tuple[list[Path], list[tuple[str, str]]]:
    """Plan files named or found under folders (recursively, case-insensitive suffix), and every
    given or found path that cannot be checked, with the reason ("中文 / English")."""
    files: list[Path] = []
    skipped: list[tuple[str, str]] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = []
            for f in p.rglob("*"):
                if f.suffix.lower() not in PLAN_SUFFIXES:
                    continue
                reason = _not_a_plan_file(f)
                if reason:
                    skipped.append((str(f), reason))
                else:
                    found.append(f)
            files += sorted(found, key=lambda f: str(f).lower())
        else:
            reason = _not_a_plan_file(p)
            if reason:
                skipped.append((str(raw), reason))
            else:
                files.append(p)
    seen, unique = set(), []
    for f in files:
        key = str(f.resolve())
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, skipped


def _not_a_plan_file(p: Path) -> str | None:
    """Why ``p`` cannot be read as a plan file, or None: missing, a dangling or looping link, a folder."""
    try:
        if p.is_symlink() and not p.exists():
            try:
                p.resolve(strict=True)
            except RuntimeError:
                return "符号链接形成循环 / the link points to itself in a loop"
            except OSError:
                pass
            return "链接指向的文件不存在 / the link points to a file that does not exist"
        if not p.exists():
            return "找不到文件 / not found"
        if p.is_dir():
            return "这是文件夹，不是文件 / this is a folder, not a file"
    except OSError as exc:
        return f"无法访问 / cannot access: {exc.strerror or exc}"
    return None


def _work(args) -> dict:
    path, config_state, profile, overrides = args
    config = Config(**config_state)
    return validate_path(path, config, profile, overrides).to_state()


DEFAULT_TIMEOUT_S = 120.0  # one file may take this long in a batch; past it, a finding and the batch goes on
_POLL_S = 0.5


def run(
    files,
    config: Config,
    *,
    profile=None,
    overrides=None,
    jobs: int = 1,
    progress=None,
    timeout: float | None = DEFAULT_TIMEOUT_S,
) -> list[PlanReport]:
    """Reports in the order of ``files``.

    A single file without a time limit is checked in this process. Otherwise files are checked
    in worker processes, so that one file can neither hang the run (past ``timeout`` seconds
    its worker is stopped and the file gets a finding) nor take it down: when a worker dies
    (killed, out of memory) the pool is restarted and the files in flight are tried again, one
    at a time the second time, so a file whose worker dies twice is named and the others are
    checked as usual. One file on Linux gets the same guard from a plain fork (_run_forked):
    a process pool cost a single ``bianmin validate`` some 60 ms of its half second.
    """
    config_state = {
        "params": config.params,
        "severities": config.severities,
        "disabled": config.disabled,
        "source": config.source,
    }
    total = len(files)
    reports: dict[int, PlanReport] = {}
    if total == 1 and timeout is None:
        reports[0] = validate_path(files[0], config, profile, overrides)
    elif total == 1 and _FORK:
        reports[0] = _run_forked(files[0], config_state, profile, overrides, timeout)
    elif total:
        _run_pool(files, config_state, profile, overrides, max(1, jobs), progress, timeout, reports)
    if progress and total == 1:
        progress(1, 1, str(files[0]))
    return [reports[i] for i in range(total)]


# fork is Linux's cheap way to a worker with everything imported; macOS's system libraries are not
# safe across fork (Python spawns there) and Windows has none: both use the pool
_FORK = sys.platform.startswith("linux") and hasattr(os, "fork")


def _run_forked(path, config_state, profile, overrides, timeout: float) -> PlanReport:
    """One file checked in a forked child, with the pool's guards: past ``timeout`` seconds the
    child is killed and the file gets a finding; a child that dies is tried once more, and a
    file whose child dies twice is named."""
    for _ in range(2):
        outcome = _fork_once(str(path), config_state, profile, overrides, timeout)
        if outcome is None:
            continue  # died: once more
        kind, value = outcome
        if kind == "report":
            return PlanReport.from_state(value)
        if kind == "timeout":
            return _timeout_report(path, timeout)
        return unreadable_report(str(path), f"检查时出错：{value} / the check failed: {value}")
    return _died_report(path)


def _fork_once(path, config_state, profile, overrides, timeout: float):
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
                payload: tuple = ("report", _work((path, config_state, profile, overrides)))
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


def _run_pool(files, config_state, profile, overrides, jobs, progress, timeout, reports) -> None:
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
        died, again = _pool_round(
            files, batch, workers, config_state, profile, overrides, timeout, reports, progress, total
        )
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


def _pool_round(
    files, batch, workers, config_state, profile, overrides, timeout, reports, progress, total
) -> tuple[list[int], list[int]]:
    """Run ``batch`` in a fresh pool; returns the files whose worker died, and those to run again
    without blame (in flight when the pool was stopped for another file's time limit)."""
    # imported here: concurrent.futures.process (multiprocessing, subprocess, sockets) costs 40 ms
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(max_workers=workers)
    futures = {pool.submit(_work, (str(files[i]), config_state, profile, overrides)): i for i in batch}
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


@dataclass
class Summary:
    files: int = 0
    passed: int = 0
    failed: int = 0
    unreadable: int = 0
    not_a_plan: int = 0  # readable drawings without any BM- content
    by_profile: dict = field(default_factory=dict)
    by_rule: dict = field(default_factory=dict)
    mailbox_rate: dict = field(default_factory=dict)
    travel_failures: int = 0
    extinguisher_gaps: int = 0

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "pass": self.passed,
            "fail": self.failed,
            "unreadable": self.unreadable,
            "not_a_plan": self.not_a_plan,
            "by_profile": self.by_profile,
            "by_rule": self.by_rule,
            "mailbox_rate": self.mailbox_rate,
            "mailbox_targets": DISTRICT_MAILBOX_TARGETS,
            "travel_failures": self.travel_failures,
            "extinguisher_gaps": self.extinguisher_gaps,
        }


def summarize(reports: list[PlanReport]) -> Summary:
    s = Summary(files=len(reports))
    rules: Counter = Counter()
    profiles: Counter = Counter()
    mailbox: dict[str, list[bool]] = {k: [] for k in DISTRICT_MAILBOX_TARGETS}
    for r in reports:
        if r.status == "pass":
            s.passed += 1
        elif r.status == "fail":
            s.failed += 1
        elif r.status == "not-a-plan":
            s.not_a_plan += 1
            continue
        else:
            s.unreadable += 1
            continue
        profiles[r.profile] += 1
        failed_rules = {f.rule for f in r.findings if f.severity == "error"}
        rules.update(failed_rules)
        if r.profile in mailbox:
            mailbox[r.profile].append(bool(r.metrics.get("mailbox")))
        if failed_rules & {"EVAC-TRAVEL", "EVAC-ROUTE"}:
            s.travel_failures += 1
        if failed_rules & {"FIRE-EXT-REACH", "FIRE-EXT-COUNT", "FIRE-EXT-RATING"}:
            s.extinguisher_gaps += 1
    s.by_rule = dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
    s.by_profile = dict(profiles)
    s.mailbox_rate = {k: (round(sum(v) / len(v), 3) if v else None) for k, v in mailbox.items()}
    return s


def default_jobs() -> int:
    return max(1, os.cpu_count() or 1)


def terminal_progress(stream=sys.stderr):
    """A one-line progress bar for a terminal."""

    def show(done, total, name):
        width = 30
        filled = int(width * done / total)
        tail = name if len(name) <= 40 else "…" + name[-39:]
        stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {tail:<40}")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show
