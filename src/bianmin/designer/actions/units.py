"""The drawing's units: set them (编辑 > 图纸属性, one undo step that rescales the plan and the
architect's drawing), and the better guess offered once a hall is drawn in a drawing without
units (the status bar's button, and a question).  The units table is designer/units.py."""

from __future__ import annotations

from PyQt6.QtCore import Qt, QTimer
from PyQt6.QtWidgets import QApplication

from bianmin.designer import units
from bianmin.designer.commands import SetUnits
from bianmin.designer.i18n import tr


def units_command(window, factor: float) -> SetUnits:
    read = window.document.read
    code = units.UNITS[factor][0] if factor in units.UNITS and units.can_record(read.doc) else None
    return SetUnits(read, factor, code)


def set_units(window, factor: float) -> None:
    """Say the drawing's units (one undo step); the plan and the architect's drawing are rescaled."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        window.document.do(units_command(window, factor))
    finally:
        QApplication.restoreOverrideCursor()
    units_changed(window, factor)


def units_changed(window, factor: float) -> None:
    window.units_offer = None
    window.units_button.setVisible(False)
    window.view.zoom_fit()
    zh, en = units.name_of(factor)
    kept = units.can_record(window.document.read.doc)
    window.status(
        tr(
            f"图纸单位已设为{zh}，整张图已按新单位缩放（可撤销）"
            + ("" if kept else "；R12 图纸不能记录单位，请另存为较新版本的 DXF"),
            f"drawing units set to {en}; the plan was rescaled (undoable)"
            + ("" if kept else "; an R12 drawing cannot record units: save as a newer DXF"),
        )
    )


def offer_units(window, change) -> None:
    """A hall was drawn in a drawing without units: guess them again from it, and offer a better guess."""
    from bianmin.geometry.model import Hall

    read = window.document.read
    if not any(isinstance(e, Hall) for e in change.added) or units.insunits(read.doc):
        return
    extent = units.hall_extent_units(window.document.plan, read.units_factor)
    guess = units.guess_factor(extent)
    if guess is None or guess == read.units_factor or guess in window.units_declined:
        return
    now_zh, now_en = units.name_of(read.units_factor)
    new_zh, new_en = units.name_of(guess)
    metres_now, metres_new = extent * read.units_factor / 1000, extent * guess / 1000
    window.units_offer = guess
    text = tr(
        f"图纸未设单位，现按{now_zh}读取：大厅长边只有 {metres_now:.3g} m。按{new_zh}读取则为 {metres_new:.3g} m。"
        f"是否将图纸单位设为{new_zh}？（整张图按新单位缩放，可撤销；也可在 编辑 > 图纸属性 中修改）",
        f"The drawing sets no units and is read in {now_en}: the hall's long side is only {metres_now:.3g} m. "
        f"In {new_en} it is {metres_new:.3g} m. Set the drawing units to {new_en}? (rescales the plan; "
        f"undoable; also in Edit > Plan properties)",
    )
    window.units_button.setText(tr(f"图纸单位可能是{new_zh}：设为{new_zh}…", f"Units may be {new_en}: use {new_en}…"))
    window.units_button.setToolTip(text)
    window.units_button.setVisible(True)
    if window.interactive:
        QTimer.singleShot(0, lambda: ask_units(window, guess, text))


def ask_units(window, guess: float, text: str) -> None:
    if window.units_offer != guess:
        return
    if window._ask(tr("图纸单位", "Drawing units"), text):
        accept_units_offer(window)
    else:
        window.units_declined.add(guess)
        window.units_offer = None
        window.units_button.setVisible(False)


def accept_units_offer(window) -> bool:
    if window.units_offer is None:
        return False
    set_units(window, window.units_offer)
    return True
