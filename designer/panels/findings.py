"""The findings list: errors first, each with rule, message and clause; click to go there."""
from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor
from PyQt6.QtWidgets import QLabel, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bianmin.geometry.catalog import SEVERITIES

from ..i18n import language, tr
from ..style import SEVERITY_COLOURS

SEV = SEVERITIES


class FindingsPanel(QWidget):
    activated = pyqtSignal(object)  # Finding
    fix_requested = pyqtSignal(object)  # Finding: its 修复 button was pressed
    fixable = None  # a predicate: whether a finding gets a 修复 button (set by the window)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setWordWrap(True)
        self.tree.itemClicked.connect(lambda item, _col: self.activated.emit(item.data(0, Qt.ItemDataRole.UserRole)))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.findings = []
        self.retranslate()

    def retranslate(self):
        self.tree.setHeaderLabels([tr("序号", "No."), tr("级别", "Severity"), tr("规则", "Rule"), tr("说明", "Message"),
                                   tr("依据", "Source"), tr("修复", "Fix")])
        self.tree.setColumnWidth(0, 40)
        self.tree.setColumnWidth(1, 50)
        self.tree.setColumnWidth(2, 150)
        self.tree.setColumnWidth(3, 420)
        self.tree.setColumnWidth(4, 120)
        self.tree.setColumnWidth(5, 70)
        self.tree.header().setStretchLastSection(False)
        if self.findings is not None and hasattr(self, "_report"):
            self.set_report(self._report)
        else:
            self.summary.setText(tr("正在校验…", "Checking…"))

    def set_report(self, report):
        self._report = report
        self.findings = report.sorted_findings()
        self.tree.clear()
        lang = language()
        for n, f in enumerate(self.findings, 1):
            item = QTreeWidgetItem([str(n), tr(*SEV[f.severity]), f.rule, f.text(lang), f.source])
            item.setData(0, Qt.ItemDataRole.UserRole, f)
            item.setForeground(1, QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#000"))))
            item.setToolTip(3, f.text(lang))
            self.tree.addTopLevelItem(item)
            if self.fixable is not None and self.fixable(f):
                button = QPushButton(tr("修复", "Fix"))
                button.setToolTip(tr("自动补上缺少的对象（可撤销）", "add what is missing (undoable)"))
                button.clicked.connect(lambda _=False, f=f: self.fix_requested.emit(f))
                self.tree.setItemWidget(item, 5, button)
        e, w = report.count("error"), report.count("warning")
        if report.status == "pass":
            verdict = tr(f"<b style='color:#1b7a2e'>通过</b>：没有错误，{w} 个警告",
                         f"<b style='color:#1b7a2e'>Pass</b>: no errors, {w} warning(s)")
        else:
            verdict = tr(f"<b style='color:#b00020'>未通过</b>：{e} 个错误，{w} 个警告",
                         f"<b style='color:#b00020'>Fail</b>: {e} error(s), {w} warning(s)")
        self.summary.setText(verdict)
