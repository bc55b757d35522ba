"""The plan scene: the architect's drawing as background, plan items keyed by model id,
finding markers and the evacuation view as overlays.

The scene subscribes to its PlanDocument and follows every change; it never edits the
plan itself (tools do that through commands).
"""

from __future__ import annotations

import math

import logging

import numpy as np
from PyQt6.QtCore import QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QBrush, QColor, QImage, QPixmap, QTransform
from PyQt6.QtWidgets import QGraphicsItem, QGraphicsPixmapItem, QGraphicsScene

from bianmin.geometry.model import Hall, Obstacle, Opening, PlacedObject, Route, Zone

from bianmin.designer.commands import Change
from bianmin.designer.canvas.items import Z, MarkerItem, RouteItem, item_for

log = logging.getLogger(__name__)

LAYER_OF = {
    Zone: "zones",
    Hall: "hall",
    Obstacle: "obstacles",
    Opening: "openings",
    Route: "routes",
    PlacedObject: "objects",
}


LABEL_NEAR_MM = 500.0  # a label this close to a finding's spot is what its marker must not cover


class PlanScene(QGraphicsScene):
    heatShown = pyqtSignal(object)  # the heat map's limit in mm while it is shown, else None

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.items_by_id: dict[str, object] = {}
        self.background: QGraphicsItem | None = None
        self.markers: list[MarkerItem] = []
        self.evacuation: list = []
        self.hidden: set[str] = set()
        self.heat_limit: float | None = None
        self._snap = None
        self.focus_ring = None
        self.setBackgroundBrush(QBrush(QColor("#ffffff")))
        document.subscribe(self.on_change)
        self.build()

    # -- building --------------------------------------------------------------------
    def build(self) -> None:
        self.focus_ring = None  # the ring at the chosen finding (actions/view.py); clear() deletes it
        self.clear()
        self.items_by_id.clear()
        self.markers, self.evacuation = [], []
        self.background = None
        self._snap = None
        self._draw_background()
        for element in self.document.plan.elements():
            self._add(element)
        self._apply_visibility()

    def _draw_background(self) -> None:
        from bianmin.designer.canvas.background import background_item

        item = background_item(self.document.read.doc, self.document.read.units_factor)
        if item is None:
            return
        item.setZValue(-10)
        item.setOpacity(0.55)
        self.addItem(item)
        self.background = item

    def _add(self, element) -> None:
        item = item_for(element)
        self.addItem(item)
        self.items_by_id[element.id] = item
        item.setVisible(LAYER_OF[type(element)] not in self.hidden)

    def _remove(self, element) -> None:
        item = self.items_by_id.pop(element.id, None)
        if item is not None and item.scene() is self:
            self.removeItem(item)

    def on_change(self, change: Change) -> None:
        if change.reset:
            selected = {i.element.id for i in self.selectedItems() if hasattr(i, "element")}
            self.build()
            for element_id in selected:
                if element_id in self.items_by_id:
                    self.items_by_id[element_id].setSelected(True)
            return
        selected = {i.element.id for i in self.selectedItems() if hasattr(i, "element")}
        for element in change.removed:
            self._remove(element)
        for element in change.added:
            self._add(element)
            if element.id in selected:
                self.items_by_id[element.id].setSelected(True)

    # -- overlays ----------------------------------------------------------------------
    def set_findings(self, findings) -> None:
        for m in self.markers:
            self.removeItem(m)
        self.markers = []
        spots: dict[tuple, list] = {}  # one marker per spot, however many findings share it
        for n, f in enumerate(findings, 1):
            if f.location is not None and all(math.isfinite(v) for v in f.location):
                spots.setdefault((round(f.location[0] / 100), round(f.location[1] / 100)), []).append((n, f))
        labels = [  # the names and codes on the plan (constant screen size): (anchor, half height px)
            (child.pos(), child.data(0)[1] / 2)
            for item in self.items_by_id.values()
            for child in item.childItems()
            if isinstance(child.data(0), tuple)
        ]
        for group in spots.values():
            (n, f), *more = group
            x, y = f.location
            near = [h for p, h in labels if abs(p.x() - x) < LABEL_NEAR_MM and abs(p.y() - y) < LABEL_NEAR_MM]
            m = MarkerItem(f, n, more, clear_px=max(near, default=0.0))
            self.addItem(m)
            m.setVisible("markers" not in self.hidden)
            self.markers.append(m)

    def set_evacuation(self, data) -> None:
        """Heat map of walking distance to the nearest exit, and the computed paths."""
        for item in self.evacuation:
            self.removeItem(item)
        self.evacuation = []
        self.heat_limit = None
        if not data:
            self._announce_heat()
            return
        grid = data["grid"]
        self.heat_limit = float(grid["limit"])
        image = heat_image(grid["values"], grid["limit"])
        pix = QGraphicsPixmapItem(QPixmap.fromImage(image))
        cell = grid["cell"]
        x0, y0 = grid["origin"]
        pix.setTransform(QTransform(cell, 0, 0, cell, x0, y0))
        pix.setTransformationMode(Qt.TransformationMode.FastTransformation)
        pix.setZValue(Z["heat"])
        pix.setOpacity(0.7)
        self.addItem(pix)
        self.evacuation.append(pix)
        for points in data["paths"]:
            item = RouteItem(Route(points=points, id="computed"), colour="#d81b60", selectable=False)
            self.addItem(item)
            self.evacuation.append(item)
        for item in self.evacuation:
            item.setVisible("evacuation" not in self.hidden)
        self._announce_heat()

    @property
    def shown_heat_limit(self) -> float | None:
        """The heat map's limit (mm) while the map is shown, else None: what its legend says."""
        return self.heat_limit if "evacuation" not in self.hidden else None

    def _announce_heat(self) -> None:
        self.heatShown.emit(self.shown_heat_limit)

    # -- layers --------------------------------------------------------------------------
    def set_layer_visible(self, layer: str, visible: bool) -> None:
        (self.hidden.discard if visible else self.hidden.add)(layer)
        self._apply_visibility()

    def _apply_visibility(self) -> None:
        if self.background is not None:
            self.background.setVisible("background" not in self.hidden)
        for item in self.items_by_id.values():
            item.setVisible(LAYER_OF[type(item.element)] not in self.hidden)
        for m in self.markers:
            m.setVisible("markers" not in self.hidden)
        for e in self.evacuation:
            e.setVisible("evacuation" not in self.hidden)
        self._announce_heat()

    # -- geometry helpers ----------------------------------------------------------------
    def plan_rect(self) -> QRectF:
        plan = self.document.plan
        if plan.hall is not None:
            minx, miny, maxx, maxy = plan.hall.polygon.bounds
            return QRectF(QPointF(minx, miny), QPointF(maxx, maxy)).normalized()
        rect = QRectF()
        for item in self.items_by_id.values():
            rect = rect.united(item.sceneBoundingRect())
        if rect.isEmpty() and self.background is not None:
            rect = self.background.sceneBoundingRect()
        return rect if not rect.isEmpty() else QRectF(0, 0, 20000, 12000)

    def element_at(self, pos: QPointF, tolerance_mm: float):
        """The plan element under a point: what the point is on before what is only near it; a counter
        before the window sign hung over it (grabbing a counter by its back took the sign); then the
        topmost (objects before zones before the hall), then the nearest."""
        from shapely.geometry import Point

        rect = QRectF(pos.x() - tolerance_mm, pos.y() - tolerance_mm, 2 * tolerance_mm, 2 * tolerance_mm)
        point = Point(pos.x(), pos.y())
        ranked = []
        for i in self.items(rect):
            if not (hasattr(i, "element") and i.isVisible() and i.flags() & i.GraphicsItemFlag.ItemIsSelectable):
                continue
            try:
                d = i.element.geometry.distance(point)
            except (AttributeError, ValueError):
                d = 0.0
            if d > tolerance_mm:
                continue
            counter = d == 0 and getattr(i.element, "is_counter", False)
            ranked.append(((d > 0, not counter, -i.zValue(), d), i))
        ranked.sort(key=lambda r: r[0])
        return ranked[0][1] if ranked else None

    @property
    def snapper(self):
        if self._snap is None:
            from bianmin.designer.canvas.snapping import Snapper

            self._snap = Snapper(self.document)
        return self._snap


def heat_image(values: np.ndarray, limit: float) -> QImage:
    """Distances (mm, NaN where there is no floor) as a green–yellow–red image, red at the limit."""
    h, w = values.shape
    rgba = heat_rgba(values, limit)
    image = QImage(rgba.data, w, h, 4 * w, QImage.Format.Format_RGBA8888)
    return image.copy()  # own the pixels


def heat_rgba(values: np.ndarray, limit: float) -> np.ndarray:
    """The heat map's colours (the legend's bar uses the same): RGBA, transparent off the floor."""
    h, w = values.shape
    t = np.clip(np.nan_to_num(values, nan=-1.0) / max(limit, 1.0), 0, 1)
    r = np.clip(2 * t, 0, 1)
    g = np.clip(2 * (1 - t), 0, 1)
    rgba = np.zeros((h, w, 4), dtype=np.uint8)
    rgba[..., 0] = (r * 255).astype(np.uint8)
    rgba[..., 1] = (g * 200).astype(np.uint8)
    rgba[..., 2] = 40
    rgba[..., 3] = np.where(np.isnan(values) | np.isinf(values), 0, 150).astype(np.uint8)
    return np.ascontiguousarray(rgba)
