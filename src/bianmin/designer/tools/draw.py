"""Drawing tools: rectangles and polygons (zones, obstacles, the hall), openings on the hall
outline, routes, placing objects, measuring, and picking the hall from the background."""

from __future__ import annotations

import math

import shapely
from PyQt6.QtCore import QLineF, QPointF, QRectF, Qt
from PyQt6.QtGui import QPainterPath, QPolygonF
from PyQt6.QtWidgets import QGraphicsLineItem, QGraphicsPathItem, QGraphicsRectItem

from bianmin.geometry import catalog
from bianmin.geometry.dxf.background import closed_outlines
from bianmin.geometry.model import Hall, Obstacle, Opening, PlacedObject, Route, Zone, rectangle
from bianmin.geometry.shapes import outline_polygon

from bianmin.designer.commands import AddElement, SetHall
from bianmin.designer.i18n import tr
from bianmin.designer.canvas.items import pen
from bianmin.designer.tools.base import Tool
from bianmin.designer.tools.typed import TypedError, TypedInput, typed_point, typed_size

SHAPE_NAMES = {"hall": ("大厅", "hall"), "obstacle": ("障碍", "obstacle")}


def shape_name(target):
    if target in SHAPE_NAMES:
        return SHAPE_NAMES[target]
    spec = catalog.LAYERS[catalog.ZONE_LAYER[target]]
    return spec.zh, spec.en


def make_shape(target, outline):
    if target == "hall":
        return Hall(outline=outline)
    if target == "obstacle":
        return Obstacle(outline=outline)
    return Zone(outline=outline, kind=target)


class _ShapeCommit:
    def commit_shape(self, target, outline) -> bool:
        polygon = outline_polygon(outline)
        if polygon.is_empty or polygon.area < 1e4 or not polygon.is_valid:
            self.window.status(tr("图形太小或自相交，未添加", "the shape is too small or crosses itself; not added"))
            return False
        zh, en = shape_name(target)
        element = make_shape(target, outline)
        if target == "hall":
            self.document.do(SetHall(self.document.plan.hall, element, (f"绘制{zh}", f"Draw {en}")))
        else:
            self.document.do(AddElement(element, (f"绘制{zh}", f"Draw {en}")))
        return True


class RectTool(TypedInput, Tool, _ShapeCommit):
    """Press, drag, release: a rectangle for a zone, an obstacle or the hall.  Or click one corner and
    click the other, or type its size (width,height in mm, or with m) and Enter."""

    def __init__(self, window, target: str):
        super().__init__(window)
        self.target = target
        zh, en = shape_name(target)
        self.name = (f"矩形{zh}", f"Rectangle {en}")
        self.hint = (
            "按下并拖动画矩形，或单击两个对角；第一角后可输入 宽,高（毫米，加 m 为米）回车；Alt 不吸附；Esc 取消",
            "drag a rectangle, or click two corners; after the first corner type width,height (mm, or with m) "
            "and Enter; Alt: no snapping; Esc cancels",
        )
        self._start = None
        self._rect = None
        self._clicked = False  # the first corner was put down by a click: the next click ends it
        self.cursor_at = None

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self._start is not None and self._clicked:
            self._end(self.snapped(pos, event))
            return
        self._start = self.snapped(pos, event)
        self._clicked = False
        self._rect = self.add_preview(QGraphicsRectItem())
        self._rect.setPen(pen("#1565c0", 1.5, Qt.PenStyle.DashLine))

    def move(self, event, pos):
        self.cursor_at = self.snapped(pos, event)
        if self._start is not None:
            x, y = self.cursor_at
            self._rect.setRect(QRectF(QPointF(*self._start), QPointF(x, y)).normalized())
            w, h = abs(x - self._start[0]), abs(y - self._start[1])
            self.window.status(f"{w / 1000:.2f} m × {h / 1000:.2f} m = {w * h / 1e6:.1f} m²")
            self.dimension(self.typed or f"{w / 1000:.2f} × {h / 1000:.2f} m", (x, y))

    def release(self, event, pos):
        if self._start is None or self._clicked:
            return
        x, y = self.snapped(pos, event)
        if math.dist((x, y), self._start) < 4 * self.view.pixel_mm:
            self._clicked = True  # a click, not a drag: wait for the other corner or a typed size
            return
        self._end((x, y))

    def _end(self, corner):
        (x0, y0), self._start, self._clicked = self._start, None, False
        x, y = corner
        self.typed = ""
        self.cancel()
        self.commit_shape(self.target, rectangle(min(x0, x), min(y0, y), max(x0, x), max(y0, y)))

    def key(self, event):
        if self.typed_key(event):
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            try:
                if self._start is None:
                    self._start = typed_point(self.typed, None, None)
                    self._clicked, self.typed = True, ""
                    self._rect = self.add_preview(QGraphicsRectItem())
                    self._rect.setPen(pen("#1565c0", 1.5, Qt.PenStyle.DashLine))
                    self.show_typed()
                else:
                    self._end(typed_size(self.typed, self._start, self.cursor_at))
            except TypedError:
                self.typed_failed()
            return True
        return super().key(event)

    def cancel(self):
        super().cancel()
        if self._start is None:
            self._rect = None


class PolygonTool(TypedInput, Tool, _ShapeCommit):
    """Click the corners, or type them (a length, length<angle, @dx,dy or x,y, then Enter); double-click,
    right-click or Enter closes; Backspace takes back a corner."""

    def __init__(self, window, target: str):
        super().__init__(window)
        self.target = target
        zh, en = shape_name(target)
        self.name = (f"多边形{zh}", f"Polygon {en}")
        self.hint = (
            "单击各角点，或输入 长度、长度<角度、@dx,dy、x,y（毫米，加 m 为米）后回车；双击、右键或回车完成；"
            "退格撤回一点；Esc 取消",
            "click the corners, or type length, length<angle, @dx,dy or x,y (mm, or with m) and Enter; "
            "double-click, right-click or Enter finishes; Backspace drops a corner; Esc cancels",
        )
        self.points = []
        self._path = None
        self.cursor_at = None

    def _update(self, extra=None):
        if self._path is None:
            self._path = self.add_preview(QGraphicsPathItem())
            self._path.setPen(pen("#1565c0", 1.5, Qt.PenStyle.DashLine))
        pts = self.points + ([extra] if extra else [])
        path = QPainterPath()
        if pts:
            path.addPolygon(QPolygonF([QPointF(*p) for p in pts]))
        self._path.setPath(path)

    def press(self, event, pos):
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(self.snapped(pos, event))
            self._update()

    def move(self, event, pos):
        self.cursor_at = self.snapped(pos, event)
        if self.points:
            self._update(self.cursor_at)
            (x0, y0), (x1, y1) = self.points[-1], self.cursor_at
            length = math.hypot(x1 - x0, y1 - y0)
            angle = math.degrees(math.atan2(y1 - y0, x1 - x0)) % 360
            self.dimension(self.typed or f"{length / 1000:.2f} m ∠{angle:.0f}°", self.cursor_at)

    def double_click(self, event, pos):
        self.finish()

    def context_click(self, pos):
        """A right click without dragging finishes the shape, as in CAD programs."""
        if self.points:
            self.finish()
            return True
        return False

    def finish(self):
        pts = _dedupe(self.points)
        self.points = []
        self.cancel()
        self._path = None
        if len(pts) >= 3:
            self.commit_shape(self.target, [(x, y, 0.0) for x, y in pts])

    def cancel(self):
        super().cancel()
        self._path = None

    def key(self, event):
        if self.typed_key(event):
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.typed:
            try:
                point = typed_point(self.typed, self.points[-1] if self.points else None, self.cursor_at)
            except TypedError:
                self.typed_failed()
                return True
            self.points.append(point)
            self.typed = ""
            self._update(self.cursor_at)
            self.show_typed()
            return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish()
            return True
        if event.key() == Qt.Key.Key_Backspace and self.points:
            self.points.pop()
            self._update()
            return True
        if event.key() == Qt.Key.Key_Escape and self.points:
            self.points = []
            self.cancel()
            return True
        return super().key(event)


def _dedupe(points, eps=1.0):
    out = []
    for p in points:
        if not out or math.dist(out[-1], p) > eps:
            out.append(p)
    if len(out) > 1 and math.dist(out[0], out[-1]) <= eps:
        out.pop()
    return out


class RouteTool(PolygonTool):
    """Click the route's points from inside the hall to the exit; double-click or Enter ends it."""

    def __init__(self, window):
        super().__init__(window, "obstacle")
        self.name = ("疏散路线", "Evacuation route")
        self.hint = (
            "从大厅内单击各点直到安全出口，双击或回车完成",
            "click from inside the hall to the exit; double-click or Enter ends",
        )

    def _update(self, extra=None):
        if self._path is None:
            self._path = self.add_preview(QGraphicsPathItem())
            self._path.setPen(pen("#00a651", 2.0, Qt.PenStyle.DashLine))
        pts = self.points + ([extra] if extra else [])
        path = QPainterPath()
        if pts:
            path.moveTo(QPointF(*pts[0]))
            for p in pts[1:]:
                path.lineTo(QPointF(*p))
        self._path.setPath(path)

    def finish(self):
        pts = [p for i, p in enumerate(self.points) if i == 0 or math.dist(p, self.points[i - 1]) > 1.0]
        self.points = []
        self.cancel()
        if len(pts) >= 2:
            self.document.do(AddElement(Route(points=pts), ("绘制疏散路线", "Draw route")))


class OpeningTool(Tool):
    """Two clicks on the hall outline: the main entrance, an exit or an internal door."""

    NAMES = catalog.OPENING_KINDS

    def __init__(self, window, kind: str):
        super().__init__(window)
        self.kind = kind
        zh, en = self.NAMES[kind]
        self.name = (zh, en.capitalize())
        self.hint = ("在大厅外墙线上单击门洞的两端", "click the two ends of the opening on the hall outline")
        self._start = None
        self._line = None

    def _on_outline(self, pos, event):
        x, y = self.snapped(pos, event)
        return self.scene.snapper.on_hall(x, y)

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        if self.document.plan.hall is None:
            self.window.status(tr("请先设置大厅", "set the hall first"))
            return
        point = self._on_outline(pos, event)
        if self._start is None:
            self._start = point
            self._line = self.add_preview(QGraphicsLineItem())
            self._line.setPen(pen("#00a651", 4.0))
            return
        start, self._start = self._start, None
        self.cancel()
        width = math.dist(start, point)
        if width < 100:
            self.window.status(tr("门洞太窄，未添加", "the opening is too narrow; not added"))
            return
        zh, en = self.NAMES[self.kind]
        self.document.do(AddElement(Opening(self.kind, start, point), (f"添加{zh}", f"Add {en}")))
        self.window.status(tr(f"{zh}宽 {width / 1000:.2f} m", f"{en} {width / 1000:.2f} m wide"))

    def move(self, event, pos):
        if self._start is not None:
            p = self._on_outline(pos, event)
            self._line.setLine(QLineF(QPointF(*self._start), QPointF(*p)))
            self.window.status(f"{math.dist(self._start, p) / 1000:.2f} m")


class PlaceTool(Tool):
    """Click to place the palette's object; it stays active for the next one; R turns it first."""

    def __init__(self, window, block: str):
        super().__init__(window)
        self.block = block
        spec = catalog.BLOCKS[block]
        self.name = (f"放置{spec.zh}", f"Place {spec.en}")
        self.hint = ("单击放置；R 旋转 15°；Esc 结束", "click to place; R turns 15°; Esc ends")
        self.rotation = 0.0
        self._ghost = None

    def _object(self, x, y):
        from bianmin.designer.canvas.snapping import facing_room, inside_hall

        attribs = default_attributes(self.block, self.document.plan)
        obj = PlacedObject.place(self.block, x, y, self.rotation, attribs=attribs)
        hall = self.document.plan.hall
        return inside_hall(facing_room(obj, hall), hall)

    def move(self, event, pos):
        x, y = self.snapped(pos, event)
        obj = self._object(x, y)
        from bianmin.designer.canvas.items import polygon_path

        if self._ghost is None:
            self._ghost = self.add_preview(QGraphicsPathItem())
            self._ghost.setPen(pen("#1565c0", 1.2, Qt.PenStyle.DashLine))
        self._ghost.setPath(polygon_path(obj.footprint))
        self.dimension(f"{obj.length:.0f} × {obj.depth:.0f} mm", (x, y))

    def press(self, event, pos):
        if event.button() == Qt.MouseButton.LeftButton:
            x, y = self.snapped(pos, event)
            spec = catalog.BLOCKS[self.block]
            self.document.do(AddElement(self._object(x, y), (f"放置{spec.zh}", f"Place {spec.en}")))

    def cancel(self):
        super().cancel()
        self._ghost = None

    def key(self, event):
        if event.key() == Qt.Key.Key_R:
            self.rotation += -15.0 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 15.0
            return True
        return super().key(event)


def default_attributes(block: str, plan) -> dict:
    """The attribute table's defaults; a new counter takes the next free window number."""
    attribs = catalog.default_attributes(block)
    if block == "BM_COUNTER":
        numbers = [int(c.attr("NO")) for c in plan.counters if c.attr("NO").isdigit()]
        attribs["NO"] = str(max(numbers, default=0) + 1)
    return attribs


class MeasureTool(Tool):
    name = ("测量", "Measure")
    hint = ("单击两点测量距离", "click two points to measure")

    def __init__(self, window):
        super().__init__(window)
        self._start = None
        self._line = None
        self.last = None

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        p = self.snapped(pos, event)
        if self._start is None:
            self.cancel()
            self._start = p
            self._line = self.add_preview(QGraphicsLineItem())
            self._line.setPen(pen("#e65100", 2.0))
        else:
            self.last = math.dist(self._start, p)
            self.window.status(tr(f"距离 {self.last / 1000:.3f} m", f"distance {self.last / 1000:.3f} m"))
            self._start = None

    def move(self, event, pos):
        if self._start is not None:
            p = self.snapped(pos, event)
            self._line.setLine(QLineF(QPointF(*self._start), QPointF(*p)))
            self.window.status(f"{math.dist(self._start, p) / 1000:.3f} m")


class PickHallTool(Tool):
    """Click inside a closed polyline of the architect's drawing: it becomes the hall."""

    name = ("拾取大厅", "Pick hall")
    hint = (
        "在建筑底图中单击一个闭合多段线的内部，将其设为大厅",
        "click inside a closed polyline of the background to make it the hall",
    )

    def press(self, event, pos):
        if event.button() != Qt.MouseButton.LeftButton:
            return
        outline = pick_closed_outline(self.document, pos.x(), pos.y())
        if outline is None:  # walls drawn as lines, not one closed polyline: recognize the room clicked
            self.window.recognize_room_at(pos)
            return
        area = outline_polygon(outline).area / 1e6
        self.document.do(SetHall(self.document.plan.hall, Hall(outline=outline), ("拾取大厅", "Pick hall")))
        self.window.status(tr(f"大厅面积 {area:.1f} m²", f"hall area {area:.1f} m²"))
        self.window.use_select_tool()


class RecognizeRoomTool(Tool):
    """Click inside a room of the architect's drawing: recognition finds that room's walls, doors and
    columns and makes it the hall (one undo step); its corners can then be dragged to adjust it."""

    name = ("单击识别房间", "Click a room to recognize")
    hint = (
        "在建筑底图的一个房间内单击，将其识别为大厅（墙线、门洞和柱子一并识别，可撤销）",
        "click inside a room of the architect's drawing to recognize it as the hall (walls, doors, columns; undoable)",
    )

    def press(self, event, pos):
        if event.button() == Qt.MouseButton.LeftButton:
            self.window.recognize_room_at(pos)


def pick_closed_outline(document, x: float, y: float):
    """The smallest closed polyline or circle of the background that contains (x, y), as an outline in mm."""
    best, best_area = None, math.inf
    p = shapely.Point(x, y)
    for pts in closed_outlines(document.read.doc, document.read.units_factor or 1.0):
        poly = outline_polygon(pts)
        if poly.is_valid and poly.area < best_area and poly.contains(p):
            best, best_area = pts, poly.area
    return best
