"""视图 menu: zoom to fit, the evacuation view (also a layer in the layers panel), and going to
a finding chosen in the findings panel."""

from __future__ import annotations

import math

from PyQt6.QtCore import QRectF, Qt
from PyQt6.QtGui import QBrush, QColor, QPen
from PyQt6.QtWidgets import QGraphicsEllipseItem

from bianmin.designer.i18n import language
from bianmin.designer.names import readable


def zoom_fit(window) -> None:
    window.view.zoom_fit()


def toggle_evacuation(window, checked: bool) -> None:
    window.scene.set_layer_visible("evacuation", checked)
    window.layers.set_checked("evacuation", checked)


def layer_toggled(window, key: str, visible: bool) -> None:
    """The layers panel hid or showed a layer; the evacuation layer's menu entry follows."""
    window.scene.set_layer_visible(key, visible)
    if key == "evacuation" and "evacuation" in getattr(window, "acts", {}):
        window.acts["evacuation"].setChecked(visible)


FOCUS_MM = 6000.0  # the square shown around a finding's location
RING_MM = 900.0  # radius of the ring drawn at the location of the finding chosen


def go_to_finding(window, finding) -> None:
    """Select what the finding names and zoom to where it is: to its location when it has one (the
    pinch of an ACC-ROUTE, a gap...), with a ring drawn there; else to the elements it names.  Its
    elements' extent no longer widens the view (a finding naming the hall zoomed out to all of it)."""
    if finding is None:
        return
    window.scene.clearSelection()
    rect = QRectF()
    for handle in finding.handles:
        item = window.scene.items_by_id.get(handle)
        if item is not None:
            item.setSelected(True)
            rect = rect.united(item.sceneBoundingRect())
    location = finding.location
    if location is not None and all(math.isfinite(v) for v in location):
        x, y = location
        rect = QRectF(x - FOCUS_MM / 2, y - FOCUS_MM / 2, FOCUS_MM, FOCUS_MM)
        show_ring(window, x, y)
    else:
        show_ring(window, None, None)
    if not rect.isEmpty():
        window.view.zoom_to(rect, margin=0.3)
    window.status(f"{finding.rule}：{readable(finding.text(language()))}")


def show_ring(window, x, y) -> None:
    """A red ring at the chosen finding's location (one at a time; None takes it away)."""
    scene = window.scene
    old = getattr(scene, "focus_ring", None)
    if old is not None:
        try:
            if old.scene() is scene:
                scene.removeItem(old)
        except RuntimeError:
            pass  # the scene was rebuilt and the ring went with it
    scene.focus_ring = None
    if x is None:
        return
    pen = QPen(QColor("#d32f2f"), 3)
    pen.setCosmetic(True)
    pen.setStyle(Qt.PenStyle.DashLine)
    ring = QGraphicsEllipseItem(x - RING_MM, y - RING_MM, 2 * RING_MM, 2 * RING_MM)
    ring.setPen(pen)
    ring.setBrush(QBrush(QColor(211, 47, 47, 30)))
    ring.setZValue(1e6)
    ring.setData(1, "focus-ring")
    scene.addItem(ring)
    scene.focus_ring = ring
