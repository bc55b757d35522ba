"""Which designer windows have a plan open: a small mark file per window beside the plan.

Two windows on one plan (in one designer or two) wrote the same autosave file, so one window's
edits could not be recovered, and nothing said the plan was already open.  Each window that opens
a named plan now leaves ``.NAME.TOKEN.bm-open`` beside it (its process id inside) and removes it
when it closes; a mark whose process has ended (a crash) no longer counts.  The first window on a
plan keeps the usual autosave name; a later one writes its own (``NAME.bm-autosave-TOKEN.dxf``),
and the window says the plan is open elsewhere.  A folder that cannot be written to (a read-only
share) simply has no marks: nothing is refused for want of one.  No Qt here.
"""

from __future__ import annotations

import os
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

MARK_SUFFIX = ".bm-open"
_LIVE: set[str] = set()  # the tokens of this process's open windows


@dataclass
class OpenMark:
    """One window's claim on a plan; ``others``: how many other windows had it open at the claim."""

    plan: Path
    token: str
    file: Path | None
    others: int

    def release(self) -> None:
        _LIVE.discard(self.token)
        if self.file is not None:
            try:
                self.file.unlink()
            except OSError:
                pass
            self.file = None


def _marks(plan: Path) -> list[Path]:
    try:
        return sorted(plan.parent.glob(f".{plan.name}.*{MARK_SUFFIX}"))
    except OSError:
        return []


def _alive(mark: Path) -> bool:
    token = _token_of(mark)
    try:
        pid = int(mark.read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    if pid == os.getpid():
        return token in _LIVE
    return pid_alive(pid)


def _token_of(mark: Path) -> str:
    return mark.name[: -len(MARK_SUFFIX)].rsplit(".", 1)[-1]


def open_elsewhere(plan: Path, *, mine: str | None = None) -> int:
    """How many other live windows have ``plan`` open (dead marks are removed on the way)."""
    count = 0
    for mark in _marks(Path(plan)):
        if _token_of(mark) == mine:
            continue
        if _alive(mark):
            count += 1
        else:
            try:
                mark.unlink()
            except OSError:
                pass
    return count


def claim(plan: Path) -> OpenMark:
    """Mark ``plan`` as open in this window."""
    plan = Path(plan)
    token = uuid.uuid4().hex[:8]
    others = open_elsewhere(plan)
    _LIVE.add(token)
    file = plan.parent / f".{plan.name}.{token}{MARK_SUFFIX}"
    try:
        file.write_text(f"{os.getpid()}\n", encoding="utf-8")
    except OSError:
        file = None
    return OpenMark(plan=plan, token=token, file=file, others=others)


def is_live_token(plan: Path, token: str) -> bool:
    """Whether a window holding ``token`` still has ``plan`` open (its autosave is not an orphan)."""
    for mark in _marks(Path(plan)):
        if _token_of(mark) == token:
            return _alive(mark)
    return False


def pid_alive(pid: int) -> bool:
    """Whether the process ``pid`` is still running (on Windows: asked of the system)."""
    from bianmin.geometry.atomic import _pid_gone

    if sys.platform == "win32":
        return _windows_pid_alive(pid)
    return not _pid_gone(pid)


def _windows_pid_alive(pid: int) -> bool:
    import ctypes

    try:
        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            ok = kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
            return bool(ok) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)
    except (AttributeError, OSError):
        return True  # cannot tell: do not offer another designer's work
