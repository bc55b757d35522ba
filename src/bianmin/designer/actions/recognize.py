"""文件 > 识别建筑底图: recognize the open drawing and accept what was found as one undoable step.

The engine is ``bianmin.geometry.recognize`` (no Qt); :class:`RecognizeCommand` is a
command in ``commands.py``'s style (no Qt either), and :func:`recognize_open_drawing`
is the menu action that runs it and shows the report.
"""

from __future__ import annotations

import re

from bianmin.geometry.intake import IntakeIssue, IssueKind
from bianmin.geometry.recognize.output import INSUNITS_OF, elements
from bianmin.geometry.units import name_of

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
        self.issues = (list(document.read.intake.issues), _unit_issues(document.read.intake.issues, rec, self.header))

    def _units(self, factor, code, issues) -> None:
        self.read.units_factor = factor
        self.read.intake.issues[:] = issues
        if self.header is not None:
            self.read.doc.header["$INSUNITS"] = code

    def apply(self, plan) -> Change:
        self._units(self.new_factor, self.header[1] if self.header else None, self.issues[1])
        return self.batch.apply(plan)

    def revert(self, plan) -> Change:
        self._units(self.old_factor, self.header[0] if self.header else None, self.issues[0])
        return self.batch.revert(plan)


UNIT_KINDS = (IssueKind.UNITS_GUESSED,)


def _unit_issues(issues, rec, header) -> list:
    """The reader's units note made at opening (a guess from a drawing without a hall, often 毫米)
    no longer stands once recognition has settled the units: gone when $INSUNITS now records them,
    else said again with the units recognition found, so the finding and the dialog agree."""
    kept = [i for i in issues if i.kind not in UNIT_KINDS]
    if not rec.units_guessed or not any(i.kind in UNIT_KINDS for i in issues) or header is not None:
        return kept if header is not None else list(issues)
    zh, en = name_of(rec.factor)
    return kept + [
        IntakeIssue(
            IssueKind.UNITS_GUESSED,
            f"图纸未设置单位（$INSUNITS 缺失或为 0）；识别建筑底图时按房间尺寸推定为{zh}",
            f"the drawing has no units ($INSUNITS missing or 0); recognition guessed {en} from the rooms' size",
        )
    ]


AT_WORDS = (  # the command line's flag, said as the designer's tool (Chinese phrases, then English)
    (re.compile(r"\s*--at\s*X\s*,\s*Y\s*指定大厅内一点"), "“单击识别房间”工具单击大厅内一点"),
    (re.compile(r"\s*--at\s*X\s*,\s*Y\s*指定"), "“单击识别房间”工具单击大厅内一点"),
    (re.compile(r"with\s+--at\s*X\s*,\s*Y"), "with the “Click a room to recognize” tool"),
    (re.compile(r"--at\s*X\s*,\s*Y"), "“单击识别房间” / “Click a room to recognize”"),
)


def designer_words(report: str) -> str:
    """The recognition report as the designer shows it: the command line's ``--at X,Y`` is, here,
    a click with the 单击识别房间 tool."""
    for pattern, words in AT_WORDS:
        report = pattern.sub(words, report)
    return report


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
    report = designer_words(to_text(rec, window.document.title, "en" if language() == "en" else "zh"))
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


def recognize_room_at(window, pos) -> None:
    """Recognize the room around a plan point (mm) as the hall, then select it for adjusting."""
    factor = window.document.read.units_factor or 1.0
    rec = recognize_open_drawing(window, at=(pos.x() / factor, pos.y() / factor))
    if rec is not None and rec.found:
        window.use_select_tool()
        hall = window.document.plan.hall
        item = window.scene.items_by_id.get(hall.id) if hall is not None else None
        if item is not None:
            item.setSelected(True)
