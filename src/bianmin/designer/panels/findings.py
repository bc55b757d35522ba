"""The findings list: errors first, each with rule, message and clause; click to go there."""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor
from PyQt6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bianmin.geometry.atomic import clean_text
from bianmin.geometry.catalog import SEVERITIES

from bianmin.designer.names import readable
from bianmin.designer.i18n import language, tr
from bianmin.drawing.style import SEVERITY_COLOURS

SEV = SEVERITIES
# 文件 > 与上一版对比 (issue 12): each finding against the earlier version, by fingerprint
COMPARE_STATES = {
    "new": (("新增", "New"), "#c62828"),
    "unchanged": (("未变", "Unchanged"), "#ef6c00"),
    "fixed": (("已改正", "Fixed"), "#2e7d32"),
}


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
        self.filter = QComboBox()  # shown while a comparison with an earlier version is on
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.filter.setVisible(False)
        self.comparison: dict[str, str] | None = None  # fingerprint -> new | unchanged
        self.fixed: list = []  # the earlier version's findings that are gone
        layout.addWidget(self.summary)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.findings = []
        self.retranslate()

    def retranslate(self):
        self.tree.setHeaderLabels(
            [
                tr("序号", "No."),
                tr("级别", "Severity"),
                tr("规则", "Rule"),
                tr("说明", "Message"),
                tr("依据", "Source"),
                tr("修复", "Fix"),
            ]
        )
        self.tree.setColumnWidth(0, 40)
        self.tree.setColumnWidth(1, 50)
        self.tree.setColumnWidth(2, 150)
        self.tree.setColumnWidth(3, 420)
        self.tree.setColumnWidth(4, 120)
        self.tree.setColumnWidth(5, 70)
        self.tree.header().setStretchLastSection(False)
        # 说明 takes the width the panel has: fixed widths left 40 % of it blank while the text was cut
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem(tr("全部问题（与上一版对比）", "All findings (compared with the earlier version)"), None)
        for key, ((zh, en), _colour) in COMPARE_STATES.items():
            self.filter.addItem(tr(zh, en), key)
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)))
        self.filter.blockSignals(False)
        if self.findings is not None and hasattr(self, "_report"):
            self.set_report(self._report)
        else:
            self.summary.setText(tr("正在校验…", "Checking…"))

    def set_report(self, report):
        self._report = report
        self.findings = report.sorted_findings()
        self.tree.clear()
        lang = language()
        rows = [(str(n), f, None) for n, f in enumerate(self.findings, 1)]
        if self.comparison is not None:
            rows = [(n, f, self.comparison.get(f.fingerprint, "new")) for n, f, _ in rows]
            rows += [("", f, "fixed") for f in self.fixed]
        # all rows in one call, with the view's updates off: added one by one, 2,089 findings took the
        # tree 10 s (each addition re-measured the columns), the designer's opening 21 s (issue 27 fuzz)
        items, buttons = [], []
        for n, f, state in rows:
            message = readable(
                clean_text(f.text(lang))
            )  # GBK text read as UTF-8 shown as the Chinese it was; block names, not codes
            item = QTreeWidgetItem([n, tr(*SEV[f.severity]), f.rule, message, f.source])
            item.setData(0, Qt.ItemDataRole.UserRole, f)
            item.setData(1, Qt.ItemDataRole.UserRole, state)
            item.setForeground(1, QBrush(QColor(SEVERITY_COLOURS.get(f.severity, "#000"))))
            item.setToolTip(3, message)
            if state is not None:
                (zh, en), colour = COMPARE_STATES[state]
                item.setText(0, f"{n} {tr(zh, en)}".strip())
                item.setForeground(0, QBrush(QColor(colour)))
            items.append(item)
            if state != "fixed" and self.fixable is not None and self.fixable(f):
                buttons.append((item, f))
        self.tree.setUpdatesEnabled(False)
        try:
            self.tree.addTopLevelItems(items)
            for item, f in buttons:
                button = QPushButton(tr("修复", "Fix"))
                button.setToolTip(tr("自动补上缺少的对象（可撤销）", "add what is missing (undoable)"))
                button.clicked.connect(lambda _=False, f=f: self.fix_requested.emit(f))
                self.tree.setItemWidget(item, 5, button)
        finally:
            self.tree.setUpdatesEnabled(True)
        self.filter.setVisible(self.comparison is not None)
        self.tree.setColumnWidth(0, 40 if self.comparison is None else 90)
        self._apply_filter()
        e, w = report.count("error"), report.count("warning")
        if report.status == "pass":
            verdict = tr(
                f"<b style='color:#1b7a2e'>通过</b>：没有错误，{w} 个警告",
                f"<b style='color:#1b7a2e'>Pass</b>: no errors, {w} warning(s)",
            )
        else:
            verdict = tr(
                f"<b style='color:#b00020'>未通过</b>：{e} 个错误，{w} 个警告",
                f"<b style='color:#b00020'>Fail</b>: {e} error(s), {w} warning(s)",
            )
        if self.comparison is not None:
            states = list(self.comparison.values())
            verdict += tr(
                f"　与上一版对比：已改正 {len(self.fixed)}，新增 {states.count('new')}，"
                f"未变 {states.count('unchanged')}",
                f"  against the earlier version: fixed {len(self.fixed)}, new {states.count('new')}, "
                f"unchanged {states.count('unchanged')}",
            )
        self.summary.setText(verdict)

    def drop_fix(self, finding) -> None:
        """Take away the 修复 button of a finding whose fix turned out to have nothing to do."""
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.ItemDataRole.UserRole) is finding and self.tree.itemWidget(item, 5) is not None:
                self.tree.removeItemWidget(item, 5)

    def set_comparison(self, comparison: dict[str, str] | None, fixed=()) -> None:
        """Show each finding as new / unchanged against an earlier version, and the fixed ones; None ends it."""
        self.comparison, self.fixed = comparison, list(fixed)
        if hasattr(self, "_report"):
            self.set_report(self._report)

    def _apply_filter(self) -> None:
        wanted = self.filter.currentData() if self.comparison is not None else None
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            item.setHidden(wanted is not None and item.data(1, Qt.ItemDataRole.UserRole) != wanted)
