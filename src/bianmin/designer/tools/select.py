"""Select, move (a whole drag is one undo step), turn, copy and delete."""

from __future__ import annotations

from dataclasses import replace

from PyQt6.QtCore import Qt

from bianmin.geometry.model import Hall, PlacedObject

from bianmin.designer.commands import AddElement, Batch, RemoveElement, ReplaceElement, SetHall
from bianmin.designer.tools.base import Tool


def moved(element, dx: float, dy: float):
    return element.moved(dx, dy)


def copied(element, dx: float, dy: float):
    from bianmin.geometry.model import new_id

    clone = moved(element, dx, dy)
    if clone is element:
        clone = replace(element)
    clone = replace(clone, id=new_id())
    if isinstance(clone, PlacedObject):
        clone.nested = False
    return clone


class SelectTool(Tool):
    name = ("选择", "Select")
    hint = (
        "单击选择，拖动移动；R 旋转 15°，Shift+R 反向；Delete 删除；Ctrl+D 复制",
        "click to select, drag to move; R turns 15°, Shift+R back; Delete removes; Ctrl+D copies",
    )
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, window):
        super().__init__(window)
        self._start = None
        self._dragging = []
        self._offset = (0.0, 0.0)

    def selected_elements(self):
        return [i.element for i in self.scene.selectedItems() if hasattr(i, "element")]

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        item = self.scene.element_at(pos, 6 * self.view.pixel_mm)
        additive = bool(event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier))
        if item is None:
            if not additive:
                self.scene.clearSelection()
            self._start = None
            return
        if not item.isSelected():
            if not additive:
                self.scene.clearSelection()
            item.setSelected(True)
        elif additive:
            item.setSelected(False)
        self._start = pos
        self._dragging = [
            i for i in self.scene.selectedItems() if hasattr(i, "element") and not getattr(i.element, "nested", False)
        ]
        self._offset = (0.0, 0.0)

    def move(self, event, pos):
        if self._start is None or not (event.buttons() & Qt.MouseButton.LeftButton) or not self._dragging:
            return
        if len(self._dragging) == 1 and isinstance(self._dragging[0].element, PlacedObject):
            target = self.snapped(pos, event)
            anchor = self._dragging[0].element.position
            dx = target[0] - anchor[0]
            dy = target[1] - anchor[1]
        else:
            dx, dy = pos.x() - self._start.x(), pos.y() - self._start.y()
        for item in self._dragging:
            item.setPos(dx, dy)  # preview only: the model changes once, on release
        self._offset = (dx, dy)

    def release(self, event, pos):
        if self._start is None:
            return
        dx, dy = self._offset
        items = self._dragging
        self._start, self._dragging, self._offset = None, [], (0.0, 0.0)
        for item in items:
            item.setPos(0, 0)
        if abs(dx) < 1e-6 and abs(dy) < 1e-6:
            return
        commands = []
        for item in items:
            old = item.element
            new = moved(old, dx, dy)
            commands.append(
                SetHall(old, new, ("移动大厅", "Move hall"))
                if isinstance(old, Hall)
                else ReplaceElement(old, new, ("移动", "Move"))
            )
        self.document.do(commands[0] if len(commands) == 1 else Batch(commands, ("移动", "Move")))

    def turn(self, degrees: float) -> None:
        objs = [e for e in self.selected_elements() if isinstance(e, PlacedObject) and not e.nested]
        if not objs:
            return
        commands = [ReplaceElement(o, o.rotated_to(o.rotation + degrees), ("旋转", "Rotate")) for o in objs]
        self.document.do(commands[0] if len(commands) == 1 else Batch(commands, ("旋转", "Rotate")))

    def delete(self) -> None:
        elements = [e for e in self.selected_elements() if not getattr(e, "nested", False)]
        commands = [
            SetHall(e, None, ("删除大厅", "Delete hall")) if isinstance(e, Hall) else RemoveElement(e) for e in elements
        ]
        if commands:
            self.document.do(commands[0] if len(commands) == 1 else Batch(commands, ("删除", "Delete")))

    def duplicate(self, offset: float = 500.0) -> None:
        elements = [e for e in self.selected_elements() if not isinstance(e, Hall)]
        if not elements:
            return
        clones = [copied(e, offset, -offset) for e in elements]
        self.document.do(Batch([AddElement(c, ("复制", "Copy")) for c in clones], ("复制", "Copy")))
        self.scene.clearSelection()
        for c in clones:
            if c.id in self.scene.items_by_id:
                self.scene.items_by_id[c.id].setSelected(True)

    def key(self, event):
        k = event.key()
        if k == Qt.Key.Key_R:
            self.turn(-15.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 15.0)
            return True
        if k in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.delete()
            return True
        if k == Qt.Key.Key_D and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.duplicate()
            return True
        if k == Qt.Key.Key_Escape:
            self.scene.clearSelection()
            return True
        return False
