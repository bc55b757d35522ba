"""文件 > 识别建筑底图: recognize the open drawing and accept what was found as one undoable step.

The engine is ``bianmin.geometry.recognize`` (no Qt); :class:`RecognizeCommand` is a
command in ``commands.py``'s style (no Qt either), and :func:`recognize_open_drawing`
is the menu action that runs it and shows the report.
"""

from __future__ import annotations

from bianmin.geometry.recognize.output import INSUNITS_OF, elements

from bianmin.designer.commands import AddElement, Batch, Change, Command, RemoveElement, SetHall


class RecognizeCommand(Command):
    """Replace the plan's hall, openings and obstacles with the recognized ones; units too, if guessed."""

    text = ("识别建筑底图", "Recognize drawing")

    def __init__(self, document, rec):
        plan = document.plan
        hall, openings, obstacles = elements(rec)
        steps = [SetHall(plan.hall, hall)]
        steps += [RemoveElement(o) for o in plan.openings] + [RemoveElement(o) for o in plan.obstacles]
        steps += [AddElement(o) for o in openings] + [AddElement(o) for o in obstacles]
        self.batch = Batch(steps, self.text)
        self.read = document.read
        self.old_factor, self.new_factor = document.read.units_factor, rec.factor
        doc = document.read.doc
        self.header = None
        if rec.units_guessed and rec.factor in INSUNITS_OF and doc.dxfversion > "AC1009":
            self.header = (doc.header.get("$INSUNITS", 0), INSUNITS_OF[rec.factor])

    def _units(self, factor, code) -> None:
        self.read.units_factor = factor
        if self.header is not None:
            self.read.doc.header["$INSUNITS"] = code

    def apply(self, plan) -> Change:
        self._units(self.new_factor, self.header[1] if self.header else None)
        return self.batch.apply(plan)

    def revert(self, plan) -> Change:
        self._units(self.old_factor, self.header[0] if self.header else None)
        return self.batch.revert(plan)


def recognize_open_drawing(window, at=None):
    """Run recognition on the window's drawing; returns the Recognition (or None when it failed)."""
    from bianmin.geometry.recognize import recognize
    from bianmin.geometry.recognize.output import to_text
    from PyQt6.QtCore import Qt
    from PyQt6.QtWidgets import QApplication, QMessageBox

    from bianmin.designer.i18n import language, tr

    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        rec = recognize(window.document.read.doc, at=at)
    except Exception as exc:  # noqa: BLE001 -- the designer never aborts; say what broke
        QApplication.restoreOverrideCursor()
        window.error(tr("识别失败", "Recognition failed"), f"{type(exc).__name__}: {exc}")
        return None
    QApplication.restoreOverrideCursor()
    report = to_text(rec, window.document.title, "en" if language() == "en" else "zh")
    window.last_recognition = report
    if not rec.found:
        window.error(tr("未找到房间", "No room found"), report)
        return rec
    window.document.do(RecognizeCommand(window.document, rec))
    window.view.zoom_fit()
    window.status(
        tr(
            f"已识别大厅 {rec.hall.area / 1e6:.1f} m²，门 {len(rec.openings)}，柱 {len(rec.obstacles)}（可撤销）",
            f"recognized a hall of {rec.hall.area / 1e6:.1f} m², {len(rec.openings)} doors, "
            f"{len(rec.obstacles)} columns (undo to take it back)",
        )
    )
    if window.interactive:
        QMessageBox.information(window, tr("识别建筑底图", "Recognize drawing"), report)
    return rec
