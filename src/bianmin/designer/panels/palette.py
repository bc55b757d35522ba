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
            (("一排座椅", "Row of seats"), ("seat-row",)),
            (("疏散路线", "Evacuation route"), ("route",)),
            (("测量", "Measure"), ("measure",)),
        ],
    ),
]


# what each kind of drawing entry does, said in its tooltip
DRAW_TIPS = {
    "recognize-at": (
        "在建筑底图的房间内单击，识别为大厅（墙线、门洞、柱子），可拖动角点调整",
        "click inside a room of the architect's drawing to recognize it as the hall; drag its corners to adjust",
    ),
    "pick-hall": ("单击底图中闭合多段线的内部，设为大厅", "click inside a closed polyline of the drawing"),
    "rect": (
        "拖动画矩形，或单击一角后输入 宽,高 回车",
        "drag a rectangle, or click a corner and type width,height then Enter",
    ),
    "poly": (
        "单击各角点（可输入长度、角度或坐标后回车）；双击、右键或回车完成",
        "click the corners (or type length, angle or coordinates, Enter); double-click, right-click or Enter ends",
    ),
    "opening": ("在大厅外墙线上单击门洞两端", "click the opening's two ends on the hall outline"),
    "route": ("从大厅内单击各点直到出口，双击完成", "click from inside the hall to the exit; double-click ends"),
    "measure": ("单击两点测量距离", "click two points to measure"),
    "seat-row": (
        "一排座椅：设置数量、间距和朝向后在平面上单击放置",
        "a row of seats: set the number, spacing and facing, then click to place",
    ),
}


class Palette(QTreeWidget):
    chosen = pyqtSignal(tuple)  # a tool key: ("place", block) or ("rect", "wait") ...

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setHeaderHidden(True)
        self.setIndentation(12)
        self.itemClicked.connect(self._clicked)
        # one group open at a time (a toolbox): the palette fits its dock without scrolling
        self.itemExpanded.connect(self._only_this_open)
        self.retranslate()

    def _only_this_open(self, opened) -> None:
        if opened.parent() is not None:
            return
        for i in range(self.topLevelItemCount()):
            group = self.topLevelItem(i)
            if group is not opened and group.isExpanded():
                group.setExpanded(False)

    def retranslate(self):
        self.clear()
        for (zh, en), entries in DRAW_GROUPS:
            group = QTreeWidgetItem([tr(zh, en)])
            self.addTopLevelItem(group)
            for (ezh, een), key in entries:
                item = QTreeWidgetItem([tr(ezh, een)])
                item.setData(0, Qt.ItemDataRole.UserRole, key)
                if key[0] in DRAW_TIPS:
                    item.setToolTip(0, tr(*DRAW_TIPS[key[0]]))
                group.addChild(item)
        for gkey, (zh, en) in catalog.GROUPS.items():
            group = QTreeWidgetItem([tr(zh, en)])
            self.addTopLevelItem(group)
            for name, spec in catalog.BLOCKS.items():
                if spec.group == gkey:
                    item = QTreeWidgetItem([tr(spec.zh, spec.en)])
                    w, d = spec.size
                    item.setToolTip(
                        0,
                        tr(
                            f"{spec.zh}（{spec.en}）\n{w:.0f} × {d:.0f} mm\n单击后在平面上单击放置；R 旋转；靠墙放置时朝向室内\n图块 {name}",
                            f"{spec.en} ({spec.zh})\n{w:.0f} × {d:.0f} mm\nclick, then click on the plan; R turns; "
                            f"placed at a wall it faces the room\nblock {name}",
                        ),
                    )
                    item.setData(0, Qt.ItemDataRole.UserRole, ("place", name))
                    group.addChild(item)
        self.topLevelItem(0).setExpanded(True)

    def _clicked(self, item, _column):
        if item.childCount():
            item.setExpanded(not item.isExpanded())  # a group's name opens it (and closes the others)
            return
        key = item.data(0, Qt.ItemDataRole.UserRole)
        if key:
            self.chosen.emit(tuple(key))
