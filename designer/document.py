"""The open plan: its model, the drawing it lives in, the undo history, and who is listening.

No Qt here (napari keeps Qt out of its models): views subscribe with a callback and are
told what changed; every edit goes through :meth:`PlanDocument.do`, so undo and redo cover
every action.
"""
from __future__ import annotations

import copy
import time
from pathlib import Path
from typing import Callable

from bianmin.geometry.dxf_read import PlanReadError, ReadResult, plan_from_document, read_plan
from bianmin.geometry.dxf_write import apply_plan, new_document, save_atomic

from .commands import Change, Command

AUTOSAVE_SUFFIX = ".bm-autosave.dxf"


def autosave_path(path: Path) -> Path:
    return path.with_name(path.stem + AUTOSAVE_SUFFIX)


class PlanDocument:
    def __init__(self, read: ReadResult, path: Path | None = None):
        self.read = read
        self.path = Path(path) if path else None
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._clean_depth: int | None = 0
        self._listeners: list[Callable[[Change], None]] = []
        self.last_autosave: float | None = None

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, path) -> "PlanDocument":
        """Raises PlanReadError with a reason when the file cannot be read."""
        return cls(read_plan(Path(path)), Path(path))

    @classmethod
    def new(cls) -> "PlanDocument":
        doc = new_document()
        return cls(plan_from_document(doc), None)

    @classmethod
    def from_template(cls, name: str) -> "PlanDocument":
        from bianmin.templates import path_of
        return cls(read_plan(path_of(name)), None)

    @property
    def plan(self):
        return self.read.plan

    @property
    def title(self) -> str:
        return self.path.name if self.path else "未命名 / untitled"

    # -- listening ---------------------------------------------------------------
    def subscribe(self, listener: Callable[[Change], None]) -> None:
        self._listeners.append(listener)

    def _notify(self, change: Change) -> None:
        for listener in list(self._listeners):
            listener(change)

    # -- editing -------------------------------------------------------------------
    def do(self, command: Command) -> None:
        change = command.apply(self.plan)
        self._undo.append(command)
        self._redo.clear()
        if self._clean_depth is not None and self._clean_depth >= len(self._undo):
            self._clean_depth = None  # the saved state can no longer be reached by undo/redo
        self._notify(change)

    def undo(self) -> bool:
        if not self._undo:
            return False
        command = self._undo.pop()
        self._redo.append(command)
        self._notify(command.revert(self.plan))
        return True

    def redo(self) -> bool:
        if not self._redo:
            return False
        command = self._redo.pop()
        self._undo.append(command)
        self._notify(command.apply(self.plan))
        return True

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._redo)

    @property
    def undo_text(self):
        return self._undo[-1].text if self._undo else None

    @property
    def redo_text(self):
        return self._redo[-1].text if self._redo else None

    @property
    def dirty(self) -> bool:
        return self._clean_depth != len(self._undo)

    # -- saving --------------------------------------------------------------------
    def save(self, path=None) -> Path:
        """Write the plan into its drawing and save atomically; the old file stays if the write fails."""
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("没有文件名 / no file name")
        apply_plan(self.read.doc, self.plan, self.read.units_factor)
        save_atomic(self.read.doc, target)
        self.path = target
        self._clean_depth = len(self._undo)
        side = autosave_path(target)
        try:
            side.unlink()
        except OSError:
            pass
        self._notify(Change(reset=True))  # new elements now have handles for ids
        return target

    def autosave(self) -> Path | None:
        """Write the current state to the side file (never to the plan itself)."""
        if not self.dirty:
            return None
        base = self.path or Path.home() / "未命名.dxf"
        side = autosave_path(base)
        # a deep copy of the plan goes into a fresh copy of the drawing: writing gives new
        # elements handles, and those must not leak into the plan being edited
        plan_copy = copy.deepcopy(self.plan)
        doc, fresh = _reopen(self)
        if fresh:
            plan_copy.loaded = {}  # nothing of the plan is in a new drawing: write every element
        apply_plan(doc, plan_copy, self.read.units_factor if not fresh else 1.0)
        save_atomic(doc, side)
        self.last_autosave = time.time()
        return side


def _reopen(document: PlanDocument):
    """A copy of the drawing as last saved, or a new drawing (then True), to write the autosave into."""
    if document.path and document.path.exists():
        try:
            return read_plan(document.path).doc, False
        except PlanReadError:
            pass
    return new_document(), True


def recoverable(path: Path) -> Path | None:
    """The autosave next to a plan, if it is newer than the plan."""
    side = autosave_path(Path(path))
    try:
        if side.exists() and (not Path(path).exists() or side.stat().st_mtime > Path(path).stat().st_mtime):
            return side
    except OSError:
        return None
    return None
