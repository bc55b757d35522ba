"""The tool protocol: press, move, release, double-click, key, cancel; preview items in the scene."""

from __future__ import annotations

from PyQt6.QtCore import QPointF, Qt


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
        return point

    def add_preview(self, item):
        self.scene.addItem(item)
        self.previews.append(item)
        return item
