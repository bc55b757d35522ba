"""The palette: what a planner can draw and place, grouped as the seed groups them."""

from __future__ import annotations

from PyQt6.QtCore import Qt, pyqtSignal
from PyQt6.QtWidgets import QTreeWidget, QTreeWidgetItem

from bianmin.geometry import catalog

from bianmin.designer.i18n import tr

DRAW_GROUPS = [
    (
        ("大厅", "Hall"),
        [
            (("单击识别房间", "Click a room to recognize"), ("recognize-at",)),
            (("拾取底图中的大厅", "Pick hall from background"), ("pick-hall",)),
            (("矩形大厅", "Rectangle hall"), ("rect", "hall")),
            (("多边形大厅", "Polygon hall"), ("poly", "hall")),
        ],
    ),
    (
        ("服务分区", "Zones"),
        [((f"{zh}（矩形）", f"{en} (rectangle)"), ("rect", k)) for k, (zh, en) in catalog.ZONE_KINDS.items()]
        + [(("多边形分区（等候区）", "Polygon zone (waiting)"), ("poly", "wait"))],
    ),
    (
        ("门洞、障碍与路线", "Doors, obstacles, routes"),
        [
            *((pair, ("opening", k)) for k, pair in catalog.OPENING_KINDS.items()),
            (("矩形障碍（柱、隔墙）", "Rectangle obstacle"), ("rect", "obstacle")),
            (("多边形障碍", "Polygon obstacle"), ("poly", "obstacle")),
            (("疏散路线", "Evacuation route"), ("route",)),
            (("测量", "Measure"), ("measure",)),
        ],
    ),
]


class Palette(QTreeWidget):
    chosen = pyqtSignal(tuple)  # a tool key: ("place", block) or ("rect", "wait") ...

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.itemClicked.connect(self._clicked)
        self.retranslate()

    def retranslate(self):
        self.clear()
        for (zh, en), entries in DRAW_GROUPS:
            group = QTreeWidgetItem([tr(zh, en)])
            self.addTopLevelItem(group)
            for (ezh, een), key in entries:
                item = QTreeWidgetItem([tr(ezh, een)])
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                group.addChild(item)
            group.setExpanded(True)
        for gkey, (zh, en) in catalog.GROUPS.items():
            group = QTreeWidgetItem([tr(zh, en)])
            self.addTopLevelItem(group)
            for name, spec in catalog.BLOCKS.items():
                if spec.group == gkey:
                    item = QTreeWidgetItem([tr(spec.zh, spec.en)])
                    item.setToolTip(0, name)
                    item.setData(0, Qt.ItemDataRole.UserRole, ("place", name))
                    group.addChild(item)
            group.setExpanded(gkey in ("counter", "fire"))

    def _clicked(self, item, _column):
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key:
            self.chosen.emit(tuple(key))
