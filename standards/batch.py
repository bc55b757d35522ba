"""Check many plans: find the files, run them in worker processes, sum up the district.

One bad file never stops the others: every file gets a report, unreadable
ones included, and a worker that dies takes only its own file with it.
"""
from __future__ import annotations

from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS

import os
import sys
from collections import Counter
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from .config import Config
from .engine import validate_path
from .findings import PlanReport



def collect(paths) -> tuple[list[Path], list[str]]:
    """DXF files named or found under folders (recursively, case-insensitive suffix); and the names that do not exist."""
    files: list[Path] = []
    missing: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            files += sorted((f for f in p.rglob("*") if f.is_file() and f.suffix.lower() == ".dxf"),
                            key=lambda f: str(f).lower())
        elif p.exists():
            files.append(p)
        else:
            missing.append(str(raw))
    seen, unique = set(), []
    for f in files:
        key = str(f.resolve())
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique, missing


def _work(args) -> dict:
    path, config_state, profile, overrides = args
    config = Config(**config_state)
    return validate_path(path, config, profile, overrides).to_state()


def run(files, config: Config, *, profile=None, overrides=None, jobs: int = 1,
        progress=None) -> list[PlanReport]:
    """Reports in the order of ``files``."""
    config_state = {"params": config.params, "severities": config.severities,
                    "disabled": config.disabled, "source": config.source}
    reports: dict[int, PlanReport] = {}
    total = len(files)
    if jobs <= 1 or total <= 1:
        for i, f in enumerate(files):
            reports[i] = validate_path(f, config, profile, overrides)
            if progress:
                progress(len(reports), total, str(f))
    else:
        with ProcessPoolExecutor(max_workers=min(jobs, total)) as pool:
            futures = {pool.submit(_work, (str(f), config_state, profile, overrides)): i
                       for i, f in enumerate(files)}
            for future in as_completed(futures):
                i = futures[future]
                try:
                    reports[i] = PlanReport.from_state(future.result())
                except Exception as exc:  # the worker itself died (out of memory, killed)
                    reports[i] = PlanReport(path=str(files[i]), status="unreadable",
                                            error=f"检查进程异常退出 / the checking process failed: {exc}")
                if progress:
                    progress(len(reports), total, str(files[i]))
    return [reports[i] for i in range(total)]


@dataclass
class Summary:
    files: int = 0
    passed: int = 0
    failed: int = 0
    unreadable: int = 0
    by_profile: dict = field(default_factory=dict)
    by_rule: dict = field(default_factory=dict)
    mailbox_rate: dict = field(default_factory=dict)
    travel_failures: int = 0
    extinguisher_gaps: int = 0

    def to_dict(self) -> dict:
        return {"files": self.files, "pass": self.passed, "fail": self.failed, "unreadable": self.unreadable,
                "by_profile": self.by_profile, "by_rule": self.by_rule, "mailbox_rate": self.mailbox_rate,
                "mailbox_targets": DISTRICT_MAILBOX_TARGETS, "travel_failures": self.travel_failures,
                "extinguisher_gaps": self.extinguisher_gaps}


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
