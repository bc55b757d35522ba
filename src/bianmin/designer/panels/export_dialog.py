"""文件 > 导出施工图 PDF…: paper, orientation, scale and the title block's names in one dialog,
remembered between sessions (QSettings ``export/…``), so that a street office fills them once."""

from __future__ import annotations

from PyQt6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
)

from bianmin.designer.i18n import tr
from bianmin.drawing.paper import PAPER_MM, SCALES, SheetError, parse_scale

ORIENTATIONS = {"landscape": ("横向", "landscape"), "portrait": ("纵向", "portrait")}
# what the dialog remembers, with its first value
DEFAULTS = {
    "paper": "A3",
    "orientation": "landscape",
    "scale": "auto",
    "drawing_no": "BM-01",
    "designer": "",
    "checker": "",
    "approver": "",
}


def remembered(settings) -> dict[str, str]:
    """The export options last used (the defaults the first time), as ``write_drawing`` takes them."""
    out = {}
    for key, default in DEFAULTS.items():
        value = settings.value(f"export/{key}", default)
        out[key] = default if value is None or (default and not str(value).strip()) else str(value)
    if out["paper"] not in PAPER_MM:
        out["paper"] = DEFAULTS["paper"]
    if out["orientation"] not in ORIENTATIONS:
        out["orientation"] = DEFAULTS["orientation"]
    return out


class ExportDrawingDialog(QDialog):
    def __init__(self, settings, parent=None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(tr("导出施工图 PDF", "Export drawing set PDF"))
        values = remembered(settings)
        form = QFormLayout(self)
        self.paper = QComboBox()
        for name, (w, h) in PAPER_MM.items():
            self.paper.addItem(f"{name}（{w}×{h} mm）", name)
        self.paper.setCurrentIndex(self.paper.findData(values["paper"]))
        self.orientation = QComboBox()
        for key, pair in ORIENTATIONS.items():
            self.orientation.addItem(tr(*pair), key)
        self.orientation.setCurrentIndex(self.orientation.findData(values["orientation"]))
        self.scale = QComboBox()
        self.scale.setEditable(True)  # 1:250 or any other scale may be typed
        self.scale.addItem(tr("自动（能放下的最大比例）", "auto (the largest that fits)"), "auto")
        for s in SCALES:
            self.scale.addItem(f"1:{s}", str(s))
        index = self.scale.findData(values["scale"])
        if index >= 0:
            self.scale.setCurrentIndex(index)
        else:
            self.scale.setEditText(f"1:{values['scale']}")
        self.number = QLineEdit(values["drawing_no"])
        self.designer = QLineEdit(values["designer"])
        self.checker = QLineEdit(values["checker"])
        self.approver = QLineEdit(values["approver"])
        for edit, hint in (
            (self.designer, tr("设计人姓名", "designed by")),
            (self.checker, tr("校对人姓名", "checked by")),
            (self.approver, tr("审核人姓名", "approved by")),
        ):
            edit.setPlaceholderText(hint)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)
        for label, widget in [
            (tr("图幅", "Paper"), self.paper),
            (tr("方向", "Orientation"), self.orientation),
            (tr("比例", "Scale"), self.scale),
            (tr("图号", "Drawing no."), self.number),
            (tr("设计", "Designed"), self.designer),
            (tr("校对", "Checked"), self.checker),
            (tr("审核", "Approved"), self.approver),
        ]:
            form.addRow(label, widget)
        form.addRow(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("导出…", "Export…"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("取消", "Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(380)

    def scale_value(self) -> str:
        """``auto`` or the scale's denominator; SheetError for text that is no scale."""
        index = self.scale.currentIndex()
        text = self.scale.currentText()
        if index >= 0 and self.scale.itemText(index) == text:
            return str(self.scale.itemData(index))
        asked = parse_scale(text)
        return "auto" if asked is None else str(asked)

    def options(self) -> dict[str, str]:
        """The options as ``write_drawing`` takes them (SheetError for a scale that is no scale)."""
        return {
            "paper": self.paper.currentData(),
            "orientation": self.orientation.currentData(),
            "scale": self.scale_value(),
            "drawing_no": self.number.text().strip(),
            "designer": self.designer.text().strip(),
            "checker": self.checker.text().strip(),
            "approver": self.approver.text().strip(),
        }

    def remember(self) -> None:
        for key, value in self.options().items():
            self.settings.setValue(f"export/{key}", value)

    def accept(self) -> None:
        try:
            self.options()
        except SheetError as exc:
            self.problem.setText(str(exc))
            self.problem.setVisible(True)
            return
        self.remember()
        super().accept()
