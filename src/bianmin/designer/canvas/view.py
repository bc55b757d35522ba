"""The plan view: y up, zoom with the wheel under the cursor, pan by dragging, zoom to fit.

The view forwards mouse and key events to the active tool (one tool class per
interaction) and reports the cursor position in metres.
"""

from __future__ import annotations

from PyQt6.QtCore import QEvent, QPointF, QRectF, Qt, pyqtSignal
from PyQt6.QtGui import QPainter, QTransform
from PyQt6.QtWidgets import QGraphicsView

from bianmin.designer.canvas.heat_legend import HeatLegend
from bianmin.designer.canvas.scene import heat_rgba


class PlanView(QGraphicsView):
    cursorMoved = pyqtSignal(float, float)  # plan mm

    def __init__(self, scene, parent=None):
        super().__init__(scene, parent)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.SmartViewportUpdate)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setMouseTracking(True)
        self.setTransform(QTransform.fromScale(0.05, -0.05))  # plan y up, 1 px = 20 mm to start
        self.tool = None
        self._pan_from = None
        self.heat_legend = HeatLegend(self.viewport(), heat_rgba)
        self._follow(scene)

    def setScene(self, scene) -> None:
        old = self.scene()
        if old is not None and hasattr(old, "heatShown"):
            try:
                old.heatShown.disconnect(self._heat_shown)
            except TypeError:
                pass
        super().setScene(scene)
        self._follow(scene)

    def _follow(self, scene) -> None:
        if hasattr(scene, "heatShown"):
            scene.heatShown.connect(self._heat_shown)
            self.heat_legend.show_limit(scene.shown_heat_limit)

    def resizeEvent(self, event):
        super().resizeEvent(event)
        self.heat_legend.place()

    def _heat_shown(self, limit_mm) -> None:
        """The legend comes or goes; it must not cover the hall: the plan is fitted above it if it would."""
        self.heat_legend.show_limit(limit_mm)
        if limit_mm is not None and self.legend_covers_plan():
            self.zoom_fit()

    def plan_on_screen(self) -> QRectF:
        scene = self.scene()
        rect = scene.plan_rect() if hasattr(scene, "plan_rect") else scene.itemsBoundingRect()
        return QRectF(self.mapFromScene(rect).boundingRect())

    def legend_covers_plan(self) -> bool:
        legend = self.heat_legend
        return legend.isVisible() and QRectF(legend.geometry()).intersects(self.plan_on_screen())

    # -- zoom and pan ------------------------------------------------------------
    def zoom_to(self, rect: QRectF, margin: float = 0.08) -> None:
        if rect.isEmpty():
            return
        grown = rect.adjusted(
            -rect.width() * margin, -rect.height() * margin, rect.width() * margin, rect.height() * margin
        )
        self.setSceneRect(self.scene().itemsBoundingRect().united(grown).adjusted(-1e5, -1e5, 1e5, 1e5))
        vw, vh = max(1, self.viewport().width()), max(1, self.viewport().height())
        # the heat map's legend sits in the bottom strip: the plan is fitted above it, not under it
        strip = self.heat_legend.height() + 12 if self.heat_legend.isVisible() else 0
        k = min(vw / grown.width(), max(1, vh - strip) / grown.height())
        self.setTransform(QTransform.fromScale(k, -k))
        centre = grown.center()
        self.centerOn(QPointF(centre.x(), centre.y() - strip / 2 / k))

    def zoom_fit(self) -> None:
        scene = self.scene()
        rect = scene.plan_rect() if hasattr(scene, "plan_rect") else scene.itemsBoundingRect()
        self.zoom_to(rect)

    def wheelEvent(self, event):
        factor = 1.2 ** (event.angleDelta().y() / 120.0)
        self.zoom_at(event.position(), factor)

    def zoom_at(self, pos: QPointF, factor: float) -> None:
        before = self.mapToScene(pos.toPoint())
        self.scale(factor, factor)
        after = self.mapToScene(pos.toPoint())
        delta = after - before
        self.translate(delta.x(), delta.y())

    @property
    def pixel_mm(self) -> float:
        """How many plan millimetres one screen pixel covers."""
        return 1.0 / max(abs(self.transform().m11()), 1e-9)

    # -- events to the tool ---------------------------------------------------------
    def event(self, event):
        # a drawing tool collecting a typed size keeps its keys (3.5m: M is also the measure tool's shortcut)
        if event.type() == QEvent.Type.ShortcutOverride and self.tool is not None:
            wants = getattr(self.tool, "wants_key", None)
            if wants is not None and wants(event):
                event.accept()
                return True
        return super().event(event)

    def mousePressEvent(self, event):
        if event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
            self._pan_from = event.position()
            self._right_from = event.position() if event.button() == Qt.MouseButton.RightButton else None
            self.setCursor(Qt.CursorShape.ClosedHandCursor)
            return
        if self.tool:
            self.tool.press(event, self.mapToScene(event.position().toPoint()))

    def mouseMoveEvent(self, event):
        pos = self.mapToScene(event.position().toPoint())
        self.cursorMoved.emit(pos.x(), pos.y())
        if self._pan_from is not None:
            d = event.position() - self._pan_from
            self._pan_from = event.position()
            t = self.transform()
            self.translate(d.x() / t.m11(), d.y() / t.m22())
            return
        if self.tool:
            self.tool.move(event, pos)

    def mouseReleaseEvent(self, event):
        if self._pan_from is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.RightButton):
            self._pan_from = None
            self.unsetCursor()
            start, self._right_from = getattr(self, "_right_from", None), None
            if self.tool is not None:
                self.setCursor(self.tool.cursor)  # the tool's cursor again
            if (
                event.button() == Qt.MouseButton.RightButton
                and start is not None
                and (event.position() - start).manhattanLength() < 5
                and hasattr(self.tool, "context_click")
            ):
                self.tool.context_click(self.mapToScene(event.position().toPoint()))  # a right click, not a pan
            return
        if self.tool:
            self.tool.release(event, self.mapToScene(event.position().toPoint()))

    def mouseDoubleClickEvent(self, event):
        if self.tool:
            self.tool.double_click(event, self.mapToScene(event.position().toPoint()))

    def keyPressEvent(self, event):
        if self.tool and self.tool.key(event):
            return
        super().keyPressEvent(event)
