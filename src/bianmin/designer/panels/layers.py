"""Show and hide the layers of the view."""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QListWidget, QListWidgetItem

LAYERS = [
    ("background", ("建筑底图", "Architect's drawing")),
    ("hall", ("大厅", "Hall")),
    ("zones", ("服务分区", "Zones")),
    ("obstacles", ("障碍", "Obstacles")),
    ("openings", ("门洞", "Openings")),
    ("routes", ("疏散路线", "Routes")),
    ("objects", ("柜台与设施", "Counters and objects")),
    ("markers", ("问题标记", "Finding markers")),
    ("evacuation", ("疏散视图（步行距离热图）", "Evacuation view (walking distance)")),
]


class LayersPanel(QListWidget):
    toggled = pyqtSignal(str, bool)

    def __init__(self, hidden=("evacuation",), parent=None):
        super().__init__(parent)
        self.hidden = set(hidden)
        self.itemChanged.connect(self._changed)
        self.retranslate()

    def retranslate(self):
        from bianmin.designer.i18n import tr

        self.blockSignals(True)
        self.clear()
        for key, (zh, en) in LAYERS:
            item = QListWidgetItem(tr(zh, en))
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if key in self.hidden else Qt.CheckState.Checked)
            self.addItem(item)
        self.blockSignals(False)

    def set_checked(self, key: str, visible: bool):
        for i in range(self.count()):
            item = self.item(i)
            if item.data(Qt.ItemDataRole.UserRole) == key:
                item.setCheckState(Qt.CheckState.Checked if visible else Qt.CheckState.Unchecked)

    def _changed(self, item):
        key = item.data(Qt.ItemDataRole.UserRole)
        visible = item.checkState() == Qt.CheckState.Checked
        (self.hidden.discard if visible else self.hidden.add)(key)
        self.toggled.emit(key, visible)
