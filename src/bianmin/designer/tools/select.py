"""Select, move (a whole drag is one undo step), turn, copy and delete."""

from __future__ import annotations

from dataclasses import replace

import math

from PyQt6.QtCore import QPointF, QRectF, Qt
from PyQt6.QtGui import QBrush, QColor, QPainterPath, QPen, QPolygonF
from PyQt6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem
from shapely.geometry import box

from bianmin.geometry.model import Hall, Obstacle, PlacedObject, Zone

from bianmin.designer.attached import signs_of
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
        "单击选择，拖动移动；空白处从左向右框选（完全框住），从右向左交叉选择（碰到即选）；Ctrl+A 全选；"
        "R 旋转 15°，Shift+R 反向；Delete 删除；Ctrl+D 复制",
        "click to select, drag to move; drag on empty space left to right selects what is inside the box, "
        "right to left what it touches; Ctrl+A selects all; R turns 15°, Shift+R back; Delete removes; Ctrl+D copies",
    )
    cursor = Qt.CursorShape.ArrowCursor

    def __init__(self, window):
        super().__init__(window)
        self._start = None
        self._dragging = []
        self._offset = (0.0, 0.0)
        self._band_from = None  # plan point where a window/crossing selection began
        self._band = None
        self._band_additive = False
        self._band_click = None  # the zone a press landed on: selected if the press was a click, not a box
        self._vertex = None  # (element, corner index) while a corner of a selected outline is dragged
        self._vertex_path = None
        self._handles = []
        self.scene.selectionChanged.connect(self.show_handles)

    def selected_elements(self):
        return [i.element for i in self.scene.selectedItems() if hasattr(i, "element")]

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        corner = self._corner_at(pos)
        if corner is not None:
            self._vertex = corner
            return
        item = self.scene.element_at(pos, 6 * self.view.pixel_mm)
        additive = bool(event.modifiers() & (Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.ControlModifier))
        if item is None:
            if not additive:
                self.scene.clearSelection()
            self._start = None
            self._band_from, self._band_additive, self._band_click = pos, additive, None
            return
        if isinstance(item.element, (Zone, Obstacle)) and not item.isSelected() and not additive:
            # zones cover most of the floor: a drag from inside one that is not selected draws a box
            # (a click still selects it; a selected zone is moved by dragging)
            self.scene.clearSelection()
            self._start = None
            self._band_from, self._band_additive, self._band_click = pos, False, item
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
        signs = signs_of(self.document.plan, [i.element for i in self._dragging])
        self._dragging += [self.scene.items_by_id[s.id] for s in signs if s.id in self.scene.items_by_id]
        self._offset = (0.0, 0.0)

    def move(self, event, pos):
        if self._vertex is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._drag_corner(self.snapped(pos, event))
            return
        if self._band_from is not None and event.buttons() & Qt.MouseButton.LeftButton:
            self._show_band(pos)
            return
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
        lead = self._dragging[0].element
        size = f"{lead.length:.0f} × {lead.depth:.0f} mm   " if isinstance(lead, PlacedObject) else ""
        self.dimension(f"{size}Δ {dx / 1000:+.2f}, {dy / 1000:+.2f} m", (pos.x(), pos.y()))

    def release(self, event, pos):
        if self._vertex is not None:
            self._drop_corner(self.snapped(pos, event))
            return
        if self._band_from is not None:
            self._select_in_band(pos)
            return
        if self._start is None:
            return
        dx, dy = self._offset
        items = self._dragging
        self._start, self._dragging, self._offset = None, [], (0.0, 0.0)
        self.dimension("", (0.0, 0.0))
        for item in items:
            item.setPos(0, 0)
        if abs(dx) < 1e-6 and abs(dy) < 1e-6:
            return
        news = {id(item.element): moved(item.element, dx, dy) for item in items}
        self._face_room_on_a_wall(items, news)
        commands = []
        for item in items:
            old = item.element
            new = news[id(old)]
            commands.append(
                SetHall(old, new, ("移动大厅", "Move hall"))
                if isinstance(old, Hall)
                else ReplaceElement(old, new, ("移动", "Move"))
            )
        self.document.do(commands[0] if len(commands) == 1 else Batch(commands, ("移动", "Move")))

    def _face_room_on_a_wall(self, items, news: dict) -> None:
        """One object dragged to a wall turns its back to that wall, as it does when placed there
        (canvas/snapping.facing_room); the window signs that travel with a counter turn round it."""
        import math

        from bianmin.designer.canvas.snapping import facing_room, inside_hall

        lead = items[0].element
        signs = [i.element for i in items[1:]]
        if not isinstance(lead, PlacedObject) or lead.nested or any(s.block != "BM_SIGN_WINDOW" for s in signs):
            return
        hall = self.document.plan.hall
        before = news[id(lead)]
        turned = inside_hall(facing_room(before, hall), hall)
        delta = (turned.rotation - before.rotation + 180.0) % 360.0 - 180.0
        news[id(lead)] = turned
        if abs(delta) < 0.5 and turned.position == before.position:
            return
        (cx, cy), a = turned.position, math.radians(delta)
        for s in signs:
            m = news[id(s)]
            (sx, sy), (bx, by) = m.position, before.position
            ux, uy = sx - bx, sy - by  # the sign's place relative to its counter, turned with it
            nx, ny = cx + ux * math.cos(a) - uy * math.sin(a), cy + ux * math.sin(a) + uy * math.cos(a)
            news[id(s)] = (m.rotated_to(m.rotation + delta) if abs(delta) >= 0.5 else m).moved(nx - sx, ny - sy)

    # -- the corners of a selected outline (the hall as recognized, a zone, an obstacle) -------
    def _outlined(self):
        return [
            e
            for e in self.selected_elements()
            if isinstance(e, (Hall, Zone, Obstacle)) and not getattr(e, "nested", False)
        ]

    def _corner_at(self, pos):
        reach = 8 * self.view.pixel_mm
        best = None
        for element in self._outlined():
            for i, (x, y, _) in enumerate(element.outline):
                d = math.hypot(x - pos.x(), y - pos.y())
                if d <= reach and (best is None or d < best[0]):
                    best = (d, element, i)
        return None if best is None else best[1:]

    def _moved_outline(self, point):
        element, i = self._vertex
        outline = list(element.outline)
        outline[i] = (point[0], point[1], outline[i][2])
        return element, outline

    def _drag_corner(self, point) -> None:
        element, outline = self._moved_outline(point)
        if self._vertex_path is None:
            self._vertex_path = self.add_preview(QGraphicsPathItem())
            p = QPen(QColor("#1565c0"), 2, Qt.PenStyle.DashLine)
            p.setCosmetic(True)
            self._vertex_path.setPen(p)
        path = QPainterPath()
        path.addPolygon(QPolygonF([QPointF(x, y) for x, y, _ in outline] + [QPointF(outline[0][0], outline[0][1])]))
        self._vertex_path.setPath(path)
        self.dimension(f"{point[0] / 1000:.2f}, {point[1] / 1000:.2f} m", point)

    def _drop_corner(self, point) -> None:
        from bianmin.geometry.shapes import outline_polygon

        element, outline = self._moved_outline(point)
        self._vertex = None
        if self._vertex_path is not None:
            if self._vertex_path in self.previews:
                self.previews.remove(self._vertex_path)
            if self._vertex_path.scene() is not None:
                self.scene.removeItem(self._vertex_path)
            self._vertex_path = None
        self.dimension("", (0.0, 0.0))
        if outline == list(element.outline):
            return
        polygon = outline_polygon(outline)
        if polygon.is_empty or not polygon.is_valid or polygon.area < 1e4:
            from bianmin.designer.i18n import tr

            self.window.status(
                tr("角点移到这里外形会自相交，未修改", "the outline would cross itself there: not changed")
            )
            return
        new = element.with_outline(outline)
        if isinstance(element, Hall):
            self.document.do(SetHall(element, new, ("调整大厅角点", "Move hall corner")))
        else:
            self.document.do(ReplaceElement(element, new, ("调整角点", "Move corner")))
        item = self.scene.items_by_id.get(new.id)
        if item is not None:
            item.setSelected(True)

    def show_handles(self) -> None:
        """Small squares on the corners of a selected outline: grab one to move it."""
        for h in self._handles:
            try:
                if h.scene() is not None:
                    h.scene().removeItem(h)
            except RuntimeError:
                pass  # the scene was rebuilt
            if h in self.previews:
                self.previews.remove(h)
        self._handles = []
        try:
            outlined = self._outlined()
        except RuntimeError:
            return
        if len(outlined) != 1 or self.window.tool is not self:
            return
        path = QPainterPath()
        path.addRect(-4, -4, 8, 8)
        p = QPen(QColor("#1565c0"), 1.5)
        p.setCosmetic(True)
        for x, y, _ in outlined[0].outline:
            h = self.add_preview(QGraphicsPathItem(path))
            h.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
            h.setPen(p)
            h.setBrush(QBrush(QColor("#ffffff")))
            h.setZValue(1e6)
            h.setPos(QPointF(x, y))
            self._handles.append(h)

    # -- window (left to right) and crossing (right to left) selection, as in AutoCAD --------
    def _show_band(self, pos) -> None:
        start = self._band_from
        crossing = pos.x() < start.x()
        if self._band is None:
            self._band = self.add_preview(QGraphicsRectItem())
            self._band.setZValue(1e6)
        pen = QPen(QColor("#2e7d32" if crossing else "#1565c0"), 0)
        pen.setCosmetic(True)
        if crossing:
            pen.setStyle(Qt.PenStyle.DashLine)
        self._band.setPen(pen)
        self._band.setBrush(QBrush(QColor(46, 125, 50, 40) if crossing else QColor(21, 101, 192, 40)))
        self._band.setRect(QRectF(start, pos).normalized())

    def _select_in_band(self, pos) -> None:
        start, self._band_from = self._band_from, None
        if self._band is not None:
            self.previews.remove(self._band)
            self.scene.removeItem(self._band)
            self._band = None
        clicked, self._band_click = self._band_click, None
        if abs(pos.x() - start.x()) < 3 * self.view.pixel_mm and abs(pos.y() - start.y()) < 3 * self.view.pixel_mm:
            if clicked is not None:
                clicked.setSelected(True)
            return  # a click, not a box
        crossing = pos.x() < start.x()
        for item in self.elements_in_box(start, pos, crossing):
            item.setSelected(True)
        n = len(self.scene.selectedItems())
        self.window.status(self.selected_words(n))

    def elements_in_box(self, a, b, crossing: bool):
        """The items a window (wholly inside) or crossing (touching) box selects; the hall only when inside."""
        area = box(min(a.x(), b.x()), min(a.y(), b.y()), max(a.x(), b.x()), max(a.y(), b.y()))
        out = []
        for item in self.scene.items_by_id.values():
            element = getattr(item, "element", None)
            if element is None or not item.isVisible():
                continue
            geometry = element.polygon if isinstance(element, Hall) else element.geometry
            if area.contains(geometry) or (crossing and not isinstance(element, Hall) and area.intersects(geometry)):
                out.append(item)
        return out

    def select_all(self) -> None:
        for item in self.scene.items_by_id.values():
            if getattr(item, "element", None) is not None and item.isVisible():
                item.setSelected(True)
        self.window.status(self.selected_words(len(self.scene.selectedItems())))

    @staticmethod
    def selected_words(n: int) -> str:
        from bianmin.designer.i18n import tr

        return tr(f"已选择 {n} 个对象", f"{n} selected")

    def turn(self, degrees: float) -> None:
        objs = [e for e in self.selected_elements() if isinstance(e, PlacedObject) and not e.nested]
        signs = signs_of(self.document.plan, objs)
        if signs:  # the sign turns with its counter, about the counter's centre
            self._turn_with_signs(objs, signs, degrees)
            return
        if not objs:
            return
        commands = [ReplaceElement(o, o.rotated_to(o.rotation + degrees), ("旋转", "Rotate")) for o in objs]
        self.document.do(commands[0] if len(commands) == 1 else Batch(commands, ("旋转", "Rotate")))

    def _turn_with_signs(self, objs, signs, degrees: float) -> None:
        import math

        commands = [ReplaceElement(o, o.rotated_to(o.rotation + degrees), ("旋转", "Rotate")) for o in objs]
        counters = [o for o in objs if o.is_counter]
        a = math.radians(degrees)
        for s in signs:
            c = min(counters, key=lambda c: s.footprint.distance(c.footprint))
            (cx, cy), (sx, sy) = c.position, s.position
            dx, dy = sx - cx, sy - cy
            nx, ny = cx + dx * math.cos(a) - dy * math.sin(a), cy + dx * math.sin(a) + dy * math.cos(a)
            new = s.rotated_to(s.rotation + degrees).moved(nx - sx, ny - sy)
            commands.append(ReplaceElement(s, new, ("旋转", "Rotate")))
        self.document.do(Batch(commands, ("旋转", "Rotate")))

    def delete(self) -> None:
        elements = [e for e in self.selected_elements() if not getattr(e, "nested", False)]
        elements += signs_of(self.document.plan, elements)  # no orphan sign left hanging
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
        if k == Qt.Key.Key_A and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.select_all()
            return True
        if k == Qt.Key.Key_Escape:
            self.scene.clearSelection()
            return True
        return False
