"""When something in the designer goes wrong: keep the window, save the work, log it, say so.

PyQt6 ends the program (SIGABRT) on an exception raised in a slot while ``sys.excepthook`` is
Python's own; installing this hook keeps the window alive instead.  For every open window it
writes an emergency autosave, appends the traceback to a log file in the user's app-data
folder, and shows a dialog with both paths and the traceback.
"""

from __future__ import annotations

import sys
import time
import traceback
import weakref
from pathlib import Path

from bianmin.designer.autosave import app_data_dir

_windows: "weakref.WeakSet" = weakref.WeakSet()
_installed = {"hook": None}


def log_dir() -> Path:
    return app_data_dir() / "logs"


def write_log(text: str) -> Path | None:
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{time.strftime('%Y%m%d')}.log"
        with open(path, "a", encoding="utf-8", errors="replace") as fp:
            fp.write(f"==== {time.strftime('%Y-%m-%d %H:%M:%S')} ====\n{text}\n")
        return path
    except OSError:
        return None


def watch(window) -> None:
    """Install the hook (once) and look after ``window`` when an exception escapes."""
    _windows.add(window)
    if sys.excepthook is not _installed["hook"]:
        _installed["hook"] = _hook
        sys.excepthook = _hook


def _hook(exc_type, exc, tb) -> None:
    text = "".join(traceback.format_exception(exc_type, exc, tb))
    log = write_log(text)
    if exc is not None:
        exc.__traceback__ = None  # keep no frame alive: it may hold a painter Qt has already ended
    from PyQt6 import sip
    from PyQt6.QtCore import QTimer

    alive = [w for w in list(_windows) if not sip.isdeleted(w) and w.isVisible()]
    for window in alive:
        window.crash_text = text  # what went wrong, at once (the tests fail on it)
        # later, from the event loop: the exception may have come out of a paint event, where
        # saving, writing the status bar or opening a dialog is not safe
        QTimer.singleShot(0, lambda w=window: _emergency(w, exc, text, log))
    if not alive and sys.__stderr__ is not None:
        sys.__stderr__.write(text)


def _emergency(window, exc, text, log) -> None:
    from PyQt6 import sip

    if sip.isdeleted(window):
        return
    try:
        window.emergency(exc, text, log)
    except Exception:  # the hook must never raise: that would end the program after all
        pass
