"""Scene items for plan elements, drawn in plan millimetres with the shared style."""

from __future__ import annotations


from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtGui import QBrush, QColor, QPainterPath, QPainterPathStroker, QPen, QPolygonF, QTransform
from PyQt6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QGraphicsSimpleTextItem

from bianmin.geometry.model import ELEMENT_KINDS, Hall, Obstacle, Opening, PlacedObject, Route, Zone, element_kind

from bianmin.designer.i18n import language, tr
from bianmin.drawing.plan_painter import (
    front_tick,
    object_colours,
    object_label,
    opening_colour,
    opening_label,
    paint_hall,
    paint_object,
    paint_obstacle,
    paint_opening,
    paint_route,
    paint_zone,
    route_arrow,
    zone_label,
)
from bianmin.drawing.style import EXIT_GREEN, SEVERITY_COLOURS, ZONE_COLOURS
from bianmin.designer.canvas.surface import QtSurface

Z = {**{k.key: k.z for k in ELEMENT_KINDS}, "marker": 20, "heat": 0.5}


def pen(colour, width_px=1.5, style=Qt.PenStyle.SolidLine) -> QPen:
    p = QPen(QColor(colour))
    p.setCosmetic(True)
    p.setWidthF(width_px)
    p.setStyle(style)
    return p


def polygon_path(geometry) -> QPainterPath:
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.OddEvenFill)
    for part in getattr(geometry, "geoms", [geometry]):
        if part.is_empty or part.geom_type != "Polygon":
            continue
        for ring in [part.exterior, *part.interiors]:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring.coords]))
    return path


def stroked(path: QPainterPath, width_mm: float) -> QPainterPath:
    """A band around a line, for picking thin items with the mouse."""
    stroker = QPainterPathStroker()
    stroker.setWidth(width_mm)
    return stroker.createStroke(path)


def label(parent, text, colour="#000000", size=9) -> QGraphicsSimpleTextItem:
    """A label of constant screen size, upright even though the view flips y."""
    item = QGraphicsSimpleTextItem(text, parent)
    item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
    font = item.font()
    font.setPointSize(size)
    item.setFont(font)
    item.setBrush(QBrush(QColor(colour)))
    r = item.boundingRect()
    item.setData(0, (r.width(), r.height()))
    return item


class _Frame(QGraphicsRectItem):
    """A wall sign's box around its code, of constant screen size like the code (a sign 100 mm deep
    is a hairline at most zooms: its outline would strike through the character, as on paper)."""


def framed(text_item: QGraphicsSimpleTextItem, colour) -> _Frame:
    r = text_item.boundingRect().adjusted(-2, -1, 2, 1)
    frame = _Frame(r, text_item)
    frame.setPen(pen(colour, 1.2))
    frame.setBrush(QBrush(QColor(255, 255, 255, 235)))
    frame.setFlag(QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent, True)
    return frame


class ElementItem(QGraphicsPathItem):
    """Base: knows its model element; selectable.  Its path is the element's geometry (for picking and
    repainting); what it looks like is drawn by the sheets' plan painter through a QtSurface."""

    kind = "element"

    def __init__(self, element):
        super().__init__()
        self.element = element
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, True)
        self.setAcceptHoverEvents(True)
        self.setPen(pen("#000000", 6.0))  # only for the bounding rect: room for the widest line drawn

    def _centre_label(self, text, colour, point, size=9):
        t = label(self, text, colour, size)
        w, h = t.data(0)
        t.setPos(point[0], point[1])
        # the label ignores the view's transformations: centre it by half its size in pixels
        t.setTransform(QTransform.fromTranslate(-w / 2, -h / 2))
        return t

    def draw(self, surface: QtSurface) -> None:
        raise NotImplementedError

    def paint(self, painter, option, widget=None):
        painter.save()
        self.draw(QtSurface(painter))
        painter.restore()
        if self.isSelected():
            painter.setPen(pen("#1565c0", 2.5, Qt.PenStyle.DashLine))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.path())


class ZoneItem(ElementItem):
    kind = "zone"

    def __init__(self, zone: Zone):
        super().__init__(zone)
        self.setPath(polygon_path(zone.polygon))
        self.setZValue(Z["zone"])
        c = zone.polygon.representative_point()
        self._centre_label(
            zone_label(zone, language()), QColor(ZONE_COLOURS[zone.kind]).darker(150).name(), (c.x, c.y), 10
        )

    def draw(self, surface):
        paint_zone(surface, self.element, labels=False)


class HallItem(ElementItem):
    kind = "hall"

    def __init__(self, hall: Hall):
        super().__init__(hall)
        self.setPath(polygon_path(hall.polygon))
        self.setZValue(Z["hall"])

    def draw(self, surface):
        paint_hall(surface, self.element)

    def shape(self):
        # only the outline picks the hall, so clicks inside reach the zones and objects
        return stroked(self.path(), max(100.0, self.path().boundingRect().width() / 200))


class ObstacleItem(ElementItem):
    kind = "obstacle"

    def __init__(self, obstacle: Obstacle):
        super().__init__(obstacle)
        self.setPath(polygon_path(obstacle.polygon))
        self.setZValue(Z["obstacle"])

    def draw(self, surface):
        paint_obstacle(surface, self.element)


class OpeningItem(ElementItem):
    kind = "opening"

    def __init__(self, opening: Opening):
        super().__init__(opening)
        path = QPainterPath(QPointF(*opening.start))
        path.lineTo(QPointF(*opening.end))
        self.setPath(path)
        self.setZValue(Z["opening"])
        self._centre_label(opening_label(opening, language()), opening_colour(opening), opening.midpoint, 9)

    def draw(self, surface):
        paint_opening(surface, self.element, labels=False)

    def shape(self):
        return stroked(self.path(), 300.0)


class RouteItem(ElementItem):
    kind = "route"

    def __init__(self, route: Route, colour=EXIT_GREEN, selectable=True):
        super().__init__(route)
        self.colour = colour
        path = QPainterPath(QPointF(*route.points[0]))
        for p in route.points[1:]:
            path.lineTo(QPointF(*p))
        if len(route.points) >= 2:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in route_arrow(route.points)]))
        self.setPath(path)
        self.setZValue(Z["route"])
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, selectable)

    def draw(self, surface):
        paint_route(surface, self.element.points, colour=self.colour)

    def shape(self):
        return stroked(self.path(), 300.0)


class ObjectItem(ElementItem):
    kind = "object"

    def __init__(self, obj: PlacedObject):
        super().__init__(obj)
        path = polygon_path(obj.footprint)
        tick = front_tick(obj)
        if tick is not None:
            path.moveTo(QPointF(*tick[0]))
            path.lineTo(QPointF(*tick[1]))
        self.setPath(path)
        self.setZValue(Z["object"] + (0.5 if obj.mounted else 0))
        c = obj.footprint.centroid
        t = self._centre_label(object_label(obj), object_colours(obj)[2], (c.x, c.y), 8)
        if obj.mounted and obj.block != "BM_CAMERA":
            framed(t, object_colours(obj)[0])
            # as on paper, the box stands back from the sign's face, off what hangs in front of it
            # (a window sign over its counter's number); screen y runs down, the plan's up
            w, h = t.data(0)
            fx, fy = obj.front_direction
            back = abs(fx) * (w / 2 + 2) + abs(fy) * (h / 2 + 1)
            t.setTransform(QTransform.fromTranslate(-w / 2 - fx * back, -h / 2 + fy * back))
        if obj.nested:
            self.setToolTip(tr("嵌套在其他块中，只读", "nested in another block: read-only"))

    def draw(self, surface):
        paint_object(surface, self.element, labels=False)


SEVERITY_RANK = {"error": 0, "warning": 1, "info": 2}
BADGE_R = 7.0  # a marker's radius, screen pixels
BADGE_AT = (13.0, -13.0)  # its centre from the spot it points at: up and right, clear of the symbol's code


class MarkerItem(QGraphicsPathItem):
    """The findings at one spot: a small badge of constant screen size beside the spot (up and right
    of it, with a short leader), semi-transparent, so the object it points at and its code or
    number stay readable.  One finding shows its number; several show how many ("×3"), the worst
    one's colour, and all of them in the tooltip."""

    def __init__(self, finding, number, more=(), clear_px: float = 0.0):
        """``clear_px``: the half height of a label at the spot, which the badge must stay above."""
        super().__init__()
        group = [(number, finding), *more]
        group.sort(key=lambda nf: SEVERITY_RANK.get(nf[1].severity, 3))
        self.findings = [f for _, f in group]
        self.finding = self.findings[0]
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations, True)
        bx, by = BADGE_AT[0], min(BADGE_AT[1], -(clear_px + BADGE_R + 2))
        path = QPainterPath()
        path.addEllipse(QPointF(bx, by), BADGE_R, BADGE_R)
        reach = 1 - BADGE_R / (bx * bx + by * by) ** 0.5
        start = max(0.3, (clear_px + 2) / -by)  # the leader starts above the label at the spot, too
        path.moveTo(QPointF(bx * start, by * start))
        path.lineTo(QPointF(bx * reach, by * reach))
        self.setPath(path)
        colour = SEVERITY_COLOURS.get(self.finding.severity, "#000000")
        self.setPen(pen(colour, 1.5))
        self.setBrush(QBrush(QColor(255, 255, 255, 170)))
        self.setPos(*finding.location)
        self.setZValue(Z["marker"])
        self.setOpacity(0.9)
        text = str(number) if len(group) == 1 else f"×{len(group)}"
        t = QGraphicsSimpleTextItem(text, self)
        f = t.font()
        f.setPointSize(6)
        f.setBold(True)
        t.setFont(f)
        t.setBrush(QBrush(QColor(colour)))
        r = t.boundingRect()
        t.setPos(bx - r.width() / 2, by - r.height() / 2)
        self.setToolTip("\n".join(f"{n}. {f.rule}: {f.text(language())}" for n, f in group))


_ITEM_OF_KIND = {
    "zone": ZoneItem,
    "hall": HallItem,
    "obstacle": ObstacleItem,
    "opening": OpeningItem,
    "route": RouteItem,
    "object": ObjectItem,
}


def item_for(element):
    return _ITEM_OF_KIND[element_kind(element).key](element)
