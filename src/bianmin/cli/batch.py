"""Check many plans: each file's check, where it runs (here, a forked child or a worker pool),
the reports in the order of the files, and the progress bar.

One bad file never stops the others: every file gets a report, unreadable ones included, and a
worker that dies takes only its own file with it (the processes are cli/pool.py's). The files
are found by cli/plan_files.py, the district's summary is cli/summary.py's.
"""

from __future__ import annotations

import os
import sys

from bianmin.cli import pool
from bianmin.standards.config import Config
from bianmin.standards.engine import validate_path
from bianmin.standards.findings import PlanReport

DEFAULT_TIMEOUT_S = 120.0  # one file may take this long in a batch; past it, a finding and the batch goes on


def _work(args) -> dict:
    """One file's check, as a worker process runs it: ``(path, config_state, profile, overrides)``
    in, the report's state out (both cross the process boundary by pickle)."""
    path, config_state, profile, overrides = args
    config = Config(**config_state)
    return validate_path(path, config, profile, overrides).to_state()


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
    checked as usual. One file on Linux gets the same guard from a plain fork (pool.run_forked):
    a process pool cost a single ``bianmin validate`` some 60 ms of its half second.
    """
    config_state = {
        "params": config.params,
        "severities": config.severities,
        "disabled": config.disabled,
        "source": config.source,
    }
    job = (config_state, profile, overrides)
    total = len(files)
    reports: dict[int, PlanReport] = {}
    if total == 1 and timeout is None:
        reports[0] = validate_path(files[0], config, profile, overrides)
    elif total == 1 and pool.FORK:
        reports[0] = pool.run_forked(_work, files[0], job, timeout)
    elif total:
        pool.run_pool(_work, files, job, max(1, jobs), progress, timeout, reports)
    if progress and total == 1:
        progress(1, 1, str(files[0]))
    return [reports[i] for i in range(total)]


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
