"""The open plan: its model, the drawing it lives in, the undo history, and who is listening.

No Qt here (napari keeps Qt out of its models): views subscribe with a callback and are
told what changed; every edit goes through :meth:`PlanDocument.do`, so undo and redo cover
every action.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from bianmin.geometry.atomic import same_file
from bianmin.geometry.dxf.read import ReadResult, plan_from_document, read_plan
from bianmin.geometry.dxf.write import apply_plan, document_from_text, document_text, new_document, save_atomic

from bianmin.designer.autosave import autosave_path, untitled_target, write_autosave
from bianmin.designer.open_marks import OpenMark, claim
from bianmin.designer.commands import Change, Command


@dataclass(frozen=True)
class FileStamp:
    """What the file on disk was when we last read or wrote it: to notice another program's change."""

    mtime_ns: int
    size: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> "FileStamp | None":
        try:
            st = path.stat()
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError:
            return None
        return cls(st.st_mtime_ns, st.st_size, digest)

    def same_as(self, path: Path) -> bool:
        try:
            st = path.stat()
        except OSError:
            return False
        if st.st_size != self.size:
            return False
        # the content decides, never the time: a same-size edit that kept the modification time
        # (a copy with preserved times, rsync -t, FAT's 2-second stamps) was overwritten unseen
        now = FileStamp.of(path)
        return now is not None and now.sha256 == self.sha256


class ExternalChangeError(RuntimeError):
    """The file was changed by another program since it was opened or last saved."""


class PropertiesNotSaved(RuntimeError):
    """The file was written, but reading it back shows plan properties missing (listed)."""

    def __init__(self, missing: list[str]):
        super().__init__(", ".join(missing))
        self.missing = missing


class PlanDocument:
    def __init__(self, read: ReadResult, path: Path | None = None):
        self.read = read
        self.path = Path(path) if path else None
        self._undo: list[Command] = []
        self._redo: list[Command] = []
        self._clean_depth: int | None = 0
        self._listeners: list[Callable[[Change], None]] = []
        self.stamp = FileStamp.of(self.path) if self.path else None
        self._untitled_autosave: Path | None = None
        self.mark: OpenMark | None = claim(self.path) if self.path else None

    @property
    def opened_elsewhere(self) -> int:
        """How many other designer windows had this plan open when this one opened it."""
        return self.mark.others if self.mark is not None and self.mark.plan == self.path else 0

    def release(self) -> None:
        """This window no longer has the plan open (its mark beside the plan goes)."""
        if self.mark is not None:
            self.mark.release()
            self.mark = None

    def reclaim(self) -> None:
        """Mark the plan open in this window again (an open that replaced it failed)."""
        if self.mark is None and self.path is not None:
            self.mark = claim(self.path)

    # -- opening ---------------------------------------------------------------
    @classmethod
    def open(cls, path, progress: Callable[[str], None] | None = None) -> "PlanDocument":
        """Raises PlanReadError with a reason when the file cannot be read.

        A DWG opens as an unsaved plan: it is never written over (ezdwg reads DWG; the plan is
        saved as DXF beside it, :meth:`proposed_path`).  ``progress`` hears the reading stages."""
        path = Path(path)
        read = read_plan(path, progress=progress)
        if getattr(read, "source", "dxf") == "dwg":
            document = cls(read, None)
            document.origin = path
            return document
        return cls(read, path)

    def proposed_path(self) -> Path | None:
        """Where Save As should suggest: the plan's own file, or NAME.dxf beside the DWG it came from
        (NAME-2.dxf … when that exists)."""
        if self.path is not None:
            return self.path
        origin = getattr(self, "origin", None)
        if origin is None:
            return None
        candidate = origin.with_suffix(".dxf")
        n = 2
        while candidate.exists():
            candidate = origin.with_name(f"{origin.stem}-{n}.dxf")
            n += 1
        return candidate

    @classmethod
    def new(cls) -> "PlanDocument":
        doc = new_document()
        return cls(plan_from_document(doc), None)

    @classmethod
    def from_template(cls, name: str) -> "PlanDocument":
        from bianmin.templates import path_of

        return cls(read_plan(path_of(name)), None)

    @classmethod
    def recover_untitled(cls, side: Path) -> "PlanDocument":
        """An untitled plan from an orphaned autosave: unsaved, and that autosave is now this
        designer's own (renamed to carry this process, so no other designer offers it again)."""
        document = cls(read_plan(side), None)
        document._clean_depth = None  # recovered work is unsaved work
        mine = document.autosave_target()
        try:
            side.replace(mine)
        except OSError:
            document._untitled_autosave = side
        return document

    @property
    def plan(self):
        return self.read.plan

    @property
    def title(self) -> str:
        if self.path:
            return self.path.name
        origin = getattr(self, "origin", None)
        return f"{origin.name}（DWG，另存为 DXF / save as DXF）" if origin else "未命名 / untitled"

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
    def changed_on_disk(self) -> bool:
        """True when another program changed (or removed) the file since we read or wrote it."""
        return self.path is not None and self.stamp is not None and not self.stamp.same_as(self.path)

    def save(self, path=None, *, allow_readonly: bool = False, overwrite_external: bool = False) -> Path:
        """Write the plan into its drawing and save atomically.

        The edits count as saved only once the file is written: on any failure the old file
        stays, the document stays dirty and its drawing is as before the attempt (so that the
        next save or autosave writes every edit again).  A file another program changed since
        it was opened is not overwritten unless ``overwrite_external`` (ExternalChangeError):
        writing our edits, made against the old handles, over it could delete what it holds
        now.  Raises PropertiesNotSaved (after writing) when reading the file back shows plan
        properties missing.
        """
        target = Path(path) if path else self.path
        if target is None:
            raise ValueError("没有文件名 / no file name")
        same = self.path is not None and (target == self.path or same_file(target, self.path))
        if same and not overwrite_external and self.changed_on_disk():
            raise ExternalChangeError(str(target))
        snapshot = self._snapshot()
        try:
            apply_plan(self.read.doc, self.plan, self.read.units_factor)
            save_atomic(self.read.doc, target, allow_readonly=allow_readonly)
        except BaseException:
            self._restore(snapshot)
            raise
        if self.path != target:
            self.release()
            self.mark = claim(target)
        self.path = target
        self.stamp = FileStamp.of(target)
        self._clean_depth = len(self._undo)
        self._drop_autosaves(target)
        self._notify(Change(reset=True))  # new elements now have handles for ids
        missing = missing_properties(self.plan, target)
        if missing:
            raise PropertiesNotSaved(missing)
        return target

    def _snapshot(self):
        """What a failed save must put back: the drawing as text (only for a drawing not on disk,
        else it is read again from the untouched file), the elements' ids and the loaded map."""
        on_disk = self.path is not None and self.path.exists() and not self.changed_on_disk()
        text = None if on_disk else document_text(self.read.doc)
        return text, [(e, e.id) for e in self.plan.elements()], dict(self.plan.loaded)

    def _restore(self, snapshot) -> None:
        text, ids, loaded = snapshot
        for element, element_id in ids:
            element.id = element_id
        self.plan.loaded = loaded
        try:
            doc = document_from_text(text) if text is not None else read_plan(self.path).doc
        except Exception:
            return  # the drawing stays as the failed attempt left it; the plan itself is intact
        self.read = _with_doc(self.read, doc)

    def _drop_autosaves(self, target: Path) -> None:
        for side in (self.autosave_target(), self._untitled_autosave):
            if side is not None:
                try:
                    side.unlink()
                except OSError:
                    pass
        self._untitled_autosave = None

    def autosave_target(self) -> Path:
        """This document's own autosave file: beside the plan, or a unique one for an untitled plan
        (two untitled windows must not overwrite each other's)."""
        if self.path is not None:
            # the first window on a plan keeps the usual name; another window on it writes its own
            token = self.mark.token if self.mark is not None and self.mark.others else None
            return autosave_path(self.path, token)
        if self._untitled_autosave is None:
            self._untitled_autosave = untitled_target()
        return self._untitled_autosave

    def autosave(self, *, force: bool = False) -> Path | None:
        """Write the current state to the side file (never to the plan itself)."""
        return write_autosave(self, force=force)


def _with_doc(read: ReadResult, doc) -> ReadResult:
    from dataclasses import replace

    return replace(read, doc=doc)


def missing_properties(plan, path: Path) -> list[str]:
    """The plan properties that reading the written file back does not give (empty: all kept)."""
    try:
        back = read_plan(path).plan.properties.to_mapping()
    except Exception:
        return ["(文件无法读回 / the file cannot be read back)"]
    return [k for k, v in plan.properties.to_mapping().items() if v and back.get(k) != v]
