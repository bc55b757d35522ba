"""Placing a template's layout with the mouse: its outline follows the cursor, R turns it 90°,
a click puts its hall centre there (one undo step), Esc gives up."""

from __future__ import annotations

from dataclasses import replace

from PyQt6.QtCore import Qt
from PyQt6.QtGui import QPainterPath
from PyQt6.QtWidgets import QGraphicsPathItem

from bianmin.designer.canvas.items import pen, polygon_path
from bianmin.designer.i18n import tr
from bianmin.designer.template_layout import Placement, placed
from bianmin.designer.tools.base import Tool


class TemplatePlaceTool(Tool):
    name = ("插入模板布局", "Insert template layout")
    hint = (
        "单击放置模板大厅的中心；R 旋转 90°；Esc 取消",
        "click where the hall centre goes; R turns 90°; Esc gives up",
    )

    def __init__(self, window, placement: Placement):
        super().__init__(window)
        self.placement = placement
        self._ghost = None

    def move(self, event, pos):
        x, y = self.snapped(pos, event)
        hall, elements = placed(replace(self.placement, at=(x, y), building=True))
        path = QPainterPath()
        for element in ([hall] if hall is not None else []) + [e for e in elements if hasattr(e, "polygon")]:
            path.addPath(polygon_path(element.polygon))
        if self._ghost is None:
            self._ghost = self.add_preview(QGraphicsPathItem())
            self._ghost.setPen(pen("#1565c0", 1.2, Qt.PenStyle.DashLine))
        self._ghost.setPath(path)

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        x, y = self.snapped(pos, event)
        self.window.insert_template(replace(self.placement, at=(x, y)))
        self.window.use_select_tool()

    def cancel(self):
        super().cancel()
        self._ghost = None

    def key(self, event):
        if event.key() == Qt.Key.Key_R:
            turn = -90.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 90.0
            self.placement = replace(self.placement, degrees=(self.placement.degrees + turn) % 360.0)
            self.window.status(tr(f"旋转 {self.placement.degrees:g}°", f"turned {self.placement.degrees:g}°"))
            return True
        return super().key(event)
