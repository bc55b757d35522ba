"""The tool protocol: press, move, release, double-click, key, cancel; preview items in the scene."""

from __future__ import annotations

from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF
from PyQt6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsSimpleTextItem


def _square():
    path = QPainterPath()
    path.addRect(-6, -6, 12, 12)
    return path


def _triangle():
    path = QPainterPath()
    path.addPolygon(QPolygonF([QPointF(-7, 6), QPointF(7, 6), QPointF(0, -7), QPointF(-7, 6)]))
    return path


def _cross():
    path = QPainterPath()
    path.moveTo(-6, -6)
    path.lineTo(6, 6)
    path.moveTo(-6, 6)
    path.lineTo(6, -6)
    return path


SNAP_SHAPES = {"endpoint": _square, "midpoint": _triangle, "hall": _cross, "edge": _cross}


class Tool:
    name = ("工具", "Tool")
    hint = ("", "")
    cursor = Qt.CursorShape.CrossCursor

    def __init__(self, window):
        self.window = window
        self.view = window.view
        self.scene = window.scene
        self.document = window.document
        self.previews = []

    # lifecycle
    def activate(self) -> None:
        self.view.setCursor(self.cursor)

    def deactivate(self) -> None:
        self.cancel()
        self.view.unsetCursor()

    def cancel(self) -> None:
        self._snap_marker = self._dimension = None
        for item in self.previews:
            if item.scene() is not None:
                item.scene().removeItem(item)
        self.previews = []

    # events (pos in plan mm)
    def press(self, event, pos: QPointF) -> None:
        pass

    def move(self, event, pos: QPointF) -> None:
        pass

    def release(self, event, pos: QPointF) -> None:
        pass

    def double_click(self, event, pos: QPointF) -> None:
        pass

    def key(self, event) -> bool:
        if event.key() == Qt.Key.Key_Escape:
            self.cancel()
            self.window.use_select_tool()
            return True
        return False

    # helpers
    def snapped(self, pos: QPointF, event=None):
        if event is not None and event.modifiers() & Qt.KeyboardModifier.AltModifier:
            return (pos.x(), pos.y())  # Alt: no snapping
        tolerance = 10 * self.view.pixel_mm
        point, kind = self.scene.snapper.snap(pos.x(), pos.y(), tolerance)
        self.window.show_snap(kind)
        self.show_snap_marker(point, kind)
        return point

    def show_snap_marker(self, point, kind) -> None:
        """A marker where the point snapped, its shape saying to what: □ endpoint, △ midpoint,
        ✕ the hall's wall or a line of the drawing (none for the grid)."""
        marker = getattr(self, "_snap_marker", None)
        if kind not in SNAP_SHAPES:
            if marker is not None:
                marker.setVisible(False)
            return
        if marker is None or marker.scene() is None:
            marker = self._snap_marker = self.add_preview(QGraphicsPathItem())
            marker.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            marker.setZValue(1e6 + 1)
            p = QPen(QColor("#d81b60"), 2)
            p.setCosmetic(True)
            marker.setPen(p)
        marker.setPath(SNAP_SHAPES[kind]())
        marker.setData(1, kind)
        marker.setPos(QPointF(*point))
        marker.setVisible(True)

    def dimension(self, text: str, at) -> None:
        """A size written on the plan beside what is being drawn or dragged (same size at any zoom)."""
        label = getattr(self, "_dimension", None)
        if label is None or label.scene() is None:
            label = self._dimension = self.add_preview(QGraphicsSimpleTextItem())
            label.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            label.setZValue(1e6 + 2)
            label.setBrush(QBrush(QColor("#0d47a1")))
            font = QFont()
            font.setPointSize(10)
            font.setBold(True)
            label.setFont(font)
        label.setText(text)
        label.setPos(QPointF(*at))
        label.setVisible(bool(text))

    def dimension_text(self) -> str:
        label = getattr(self, "_dimension", None)
        return label.text() if label is not None and label.scene() is not None and label.isVisible() else ""

    def add_preview(self, item):
        self.scene.addItem(item)
        self.previews.append(item)
        return item
