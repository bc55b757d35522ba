"""Autosave: the side files that keep unsaved work, and the timer that writes them.

A plan's autosave lies beside it (``NAME.bm-autosave.dxf``); an untitled plan's goes to the
designer's own folder (:func:`app_data_dir`), named for the process that owns it, so that a
designer started after a crash offers the orphaned ones (``app.py``).  Opening a plan offers its
autosave when it is newer (``actions/file.py``).  The document (``document.py``) says where its
autosave goes and writes it here; the window's timer (:func:`start`) writes it every three minutes.
No Qt here, so the document stays Qt-free (the window hands :func:`start` its QTimer).
"""

from __future__ import annotations

import copy
import os
import re
import sys
import time
import uuid
from pathlib import Path

from bianmin.geometry.dxf.read import PlanReadError, read_plan
from bianmin.geometry.dxf.write import apply_plan, new_document, save_atomic
from bianmin.geometry.model import new_id

from bianmin.designer.i18n import tr
from bianmin.designer.open_marks import is_live_token, pid_alive

AUTOSAVE_MS = 3 * 60 * 1000  # the window writes the autosave this often (when there are unsaved edits)

AUTOSAVE_SUFFIX = ".bm-autosave.dxf"


def autosave_path(path: Path, token: str | None = None) -> Path:
    """A plan's autosave; ``token``: a second window's own (designer/open_marks.py)."""
    if token:
        return path.with_name(f"{path.stem}.bm-autosave-{token}.dxf")
    return path.with_name(path.stem + AUTOSAVE_SUFFIX)


def untitled_target() -> Path:
    """A new autosave file for an untitled plan, unique to this process and this plan."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    return app_data_dir() / "autosave" / (f"未命名-{stamp}-p{os.getpid()}-{uuid.uuid4().hex[:6]}{AUTOSAVE_SUFFIX}")


def app_data_dir() -> Path:
    """Where the designer keeps its own files (untitled plans' autosaves, the crash log)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local") / "Bianmin"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support" / "Bianmin"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "bianmin"
    return base


def untitled_autosaves() -> list[Path]:
    """Autosaves of plans that were never saved under a name, newest first (recovery offers each)."""
    folder = app_data_dir() / "autosave"
    try:
        found = [p for p in folder.glob("*" + AUTOSAVE_SUFFIX) if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)


_OWNER = re.compile(r"-p(\d+)-")


def orphaned_autosaves() -> list[Path]:
    """The untitled autosaves no running designer owns (its process ended: a crash, a kill): the ones
    to offer for recovery at start-up.  A name without an owner (an older version's) counts as orphaned."""
    out = []
    for side in untitled_autosaves():
        m = _OWNER.search(side.name)
        if m and (int(m.group(1)) == os.getpid() or pid_alive(int(m.group(1)))):
            continue
        out.append(side)
    return out


def recoverable(path: Path) -> Path | None:
    """The newest autosave next to a plan that is newer than the plan and that no open window is
    still writing (each window on a plan has its own, designer/open_marks.py)."""
    path = Path(path)
    sides = [autosave_path(path)]
    try:
        sides += sorted(path.parent.glob(f"{path.stem}.bm-autosave-*.dxf"))
        plan_time = path.stat().st_mtime if path.exists() else None
    except OSError:
        return None
    found = []
    for side in sides:
        token = side.name[len(f"{path.stem}.bm-autosave-") : -len(".dxf")] if side != sides[0] else None
        try:
            if not side.is_file() or (plan_time is not None and side.stat().st_mtime <= plan_time):
                continue
            if token and is_live_token(path, token):
                continue
            found.append((side.stat().st_mtime, side))
        except OSError:
            continue
    return max(found)[1] if found else None


# -- writing ------------------------------------------------------------------------------------
def write_autosave(document, *, force: bool = False) -> Path | None:
    """Write ``document``'s current state (a PlanDocument) to its side file (never to the plan itself)."""
    if not document.dirty and not force:
        return None
    side = document.autosave_target()
    side.parent.mkdir(parents=True, exist_ok=True)
    # a deep copy of the plan goes into a fresh copy of the drawing: writing gives new
    # elements handles, and those must not leak into the plan being edited
    plan_copy = copy.deepcopy(document.plan)
    doc, fresh = _reopen(document)
    if fresh:
        # nothing of the plan is in a new drawing: write every element, under fresh ids (the
        # handles of the plan's own file would name other entities in this one)
        plan_copy.loaded = {}
        for element in plan_copy.elements():
            element.id = new_id()
    apply_plan(doc, plan_copy, document.read.units_factor if not fresh else 1.0)
    if not fresh and doc.dxfversion > "AC1009" and document.read.doc.dxfversion > "AC1009":
        # the units as set in this window (编辑 > 图纸属性), not as the file on disk still says
        doc.header["$INSUNITS"] = document.read.doc.header.get("$INSUNITS", 0)
    save_atomic(doc, side)
    return side


def _reopen(document):
    """A copy of the drawing as last saved, or a new drawing (then True), to write the autosave into.

    A file another program changed since is not used: the edits were made against its old
    handles, and applied to the new content they could delete what it now holds."""
    if document.path and document.path.exists() and not document.changed_on_disk():
        try:
            return read_plan(document.path).doc, False
        except PlanReadError:
            pass
    return new_document(), True


# -- the window's timer ------------------------------------------------------------------------
def start(window, timer):
    """Write the window's autosave every AUTOSAVE_MS with ``timer`` (a QTimer the window owns)."""
    timer.setInterval(AUTOSAVE_MS)
    timer.timeout.connect(window.autosave)
    timer.start()
    return timer


def autosave_window(window, *, force: bool = False) -> Path | None:
    """Write the window's plan to its autosave and say so in the status bar; a failure is said, not raised."""
    try:
        side = window.document.autosave(force=force)
    except Exception as exc:
        window.status(tr(f"自动保存失败：{exc}", f"autosave failed: {exc}"))
        return None
    if side:
        window.status(tr(f"已自动保存到 {side.name}", f"autosaved to {side.name}"))
    return side
