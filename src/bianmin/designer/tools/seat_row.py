"""A row of waiting seats (BM_SEAT) in one click: how many, how far apart (centre to centre) and
which way they face, set in the properties panel while the tool is on; one undo step."""

from __future__ import annotations

import math

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QComboBox, QDoubleSpinBox, QFormLayout, QSpinBox, QWidget
from PyQt6.QtWidgets import QGraphicsPathItem

from bianmin.geometry import catalog
from bianmin.geometry.model import PlacedObject

from bianmin.designer.canvas.items import pen, polygon_path
from bianmin.designer.commands import AddElement, Batch
from bianmin.designer.i18n import tr
from bianmin.designer.tools.base import Tool

FACINGS = (  # the seats' front, as a rotation of the block (its front is local -Y)
    (("朝南（向下）", "facing south (down)"), 0.0),
    (("朝北（向上）", "facing north (up)"), 180.0),
    (("朝东（向右）", "facing east (right)"), 90.0),
    (("朝西（向左）", "facing west (left)"), 270.0),
)


class SeatRowOptions(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        form = QFormLayout(self)
        self.count = QSpinBox()
        self.count.setRange(1, 40)
        self.count.setValue(6)
        self.count.setObjectName("seat_count")
        self.spacing = QSpinBox()
        self.spacing.setRange(450, 3000)
        self.spacing.setSingleStep(50)
        self.spacing.setValue(600)
        self.spacing.setSuffix(" mm")
        self.spacing.setObjectName("seat_spacing")
        self.facing = QComboBox()
        self.facing.setObjectName("seat_facing")
        for (zh, en), degrees in FACINGS:
            self.facing.addItem(tr(zh, en), degrees)
        self.turn = QDoubleSpinBox()
        self.turn.setRange(-180, 180)
        self.turn.setSuffix("°")
        form.addRow(tr("座位数", "Seats"), self.count)
        form.addRow(tr("间距（中到中）", "Spacing (centres)"), self.spacing)
        form.addRow(tr("朝向", "Facing"), self.facing)
        form.addRow(tr("另转", "Extra turn"), self.turn)

    def rotation(self) -> float:
        return (float(self.facing.currentData()) + self.turn.value()) % 360.0


class SeatRowTool(Tool):
    name = ("一排座椅", "Row of seats")
    hint = (
        "在属性面板设置座位数、间距和朝向，在平面上单击放置一排（中心在单击处）；Esc 结束",
        "set the number, spacing and facing in the properties panel, then click to place the row "
        "(centred on the click); Esc ends",
    )

    def __init__(self, window):
        super().__init__(window)
        self.options = SeatRowOptions()
        self._ghost = None

    def activate(self) -> None:
        super().activate()
        self.window.properties.show_tool_options(tr("一排座椅", "Row of seats"), self.options)

    def deactivate(self) -> None:
        super().deactivate()
        self.window.properties.show_element(None)

    def seats(self, x: float, y: float) -> list[PlacedObject]:
        n, gap, rot = self.options.count.value(), float(self.options.spacing.value()), self.options.rotation()
        a = math.radians(rot)
        ax, ay = math.cos(a), math.sin(a)  # the row runs along the seats' local X
        first = -(n - 1) / 2 * gap
        return [
            PlacedObject.place(
                "BM_SEAT",
                x + (first + i * gap) * ax,
                y + (first + i * gap) * ay,
                rot,
                attribs=catalog.default_attributes("BM_SEAT"),
            )
            for i in range(n)
        ]

    def move(self, event, pos):
        x, y = self.snapped(pos, event)
        from shapely.ops import unary_union

        seats = self.seats(x, y)
        if self._ghost is None:
            self._ghost = self.add_preview(QGraphicsPathItem())
            self._ghost.setPen(pen("#1565c0", 1.2, Qt.PenStyle.DashLine))
        self._ghost.setPath(polygon_path(unary_union([s.footprint for s in seats])))
        length = (len(seats) - 1) * self.options.spacing.value() + seats[0].length
        self.dimension(f"{len(seats)} × {tr('座', 'seats')}  {length / 1000:.2f} m", (x, y))

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x, y = self.snapped(pos, event)
        seats = self.seats(x, y)
        text = (f"放置一排座椅（{len(seats)} 座）", f"Place a row of {len(seats)} seats")
        self.document.do(Batch([AddElement(s, text) for s in seats], text))

    def cancel(self):
        super().cancel()
        self._ghost = None
