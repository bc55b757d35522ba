"""The designer's Surface: the plan painter (drawing/plan_painter.py) draws the canvas items through it.

Coordinates are plan millimetres (the scene's units); line widths and text sizes, given in paper
millimetres for the sheets, become cosmetic pixels here (``PX_PER_PAPER_MM``), so that a wall, a
door or a route has the same weight at any zoom, and the screen and the paper show the same plan.
"""

from __future__ import annotations

from PyQt6.QtCore import QPointF, Qt
from PyQt6.QtGui import QBrush, QColor, QFont, QPainterPath, QPen, QPolygonF

PX_PER_PAPER_MM = 5.0


def _colour(colour, alpha: float = 1.0) -> QColor:
    c = QColor(colour) if isinstance(colour, str) else QColor.fromRgbF(*colour)
    c.setAlphaF(max(0.0, min(1.0, alpha)))
    return c


def _pen(stroke, width_mm: float, dash=None) -> QPen:
    pen = QPen(_colour(stroke))
    pen.setCosmetic(True)
    pen.setWidthF(max(1.0, width_mm * PX_PER_PAPER_MM))
    if dash:
        pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class QtSurface:
    """Implements the sheets' Surface (polygon, polyline, circle, text) on a QPainter in scene coordinates."""

    def __init__(self, painter):
        self.p = painter

    def polygon(self, points, *, stroke=None, fill=None, width_mm=0.18, alpha=1.0, dash=None, holes=()):
        if len(points) < 2:
            return
        path = QPainterPath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        for ring in [points, *holes]:
            path.addPolygon(QPolygonF([QPointF(x, y) for x, y in ring]))
            path.closeSubpath()
        self.p.setPen(_pen(stroke, width_mm, dash) if stroke else Qt.PenStyle.NoPen)
        self.p.setBrush(QBrush(_colour(fill, alpha)) if fill else Qt.BrushStyle.NoBrush)
        self.p.drawPath(path)

    def polyline(self, points, *, stroke="#000000", width_mm=0.18, dash=None):
        if len(points) < 2:
            return
        path = QPainterPath(QPointF(*points[0]))
        for x, y in points[1:]:
            path.lineTo(QPointF(x, y))
        self.p.setPen(_pen(stroke, width_mm, dash))
        self.p.setBrush(Qt.BrushStyle.NoBrush)
        self.p.drawPath(path)

    def _at_device(self, x, y):
        """The scene point in device pixels; the caller draws there with the transform reset."""
        return self.p.transform().map(QPointF(x, y))

    def circle(self, x, y, radius_paper_mm, *, stroke=None, fill=None, width_mm=0.18, alpha=1.0):
        at = self._at_device(x, y)
        self.p.save()
        self.p.resetTransform()
        self.p.setPen(_pen(stroke, width_mm) if stroke else Qt.PenStyle.NoPen)
        self.p.setBrush(QBrush(_colour(fill, alpha)) if fill else Qt.BrushStyle.NoBrush)
        r = radius_paper_mm * PX_PER_PAPER_MM
        self.p.drawEllipse(at, r, r)
        self.p.restore()

    def text(self, x, y, s, *, size_mm=2.5, colour="#000000", anchor="middle", rotation=0.0):
        at = self._at_device(x, y)
        self.p.save()
        self.p.resetTransform()
        self.p.translate(at)
        if rotation:
            self.p.rotate(-rotation)  # the view flips y: counter-clockwise on paper is clockwise here
        font = QFont(self.p.font())
        font.setPixelSize(max(6, round(size_mm * PX_PER_PAPER_MM * 1.4)))
        self.p.setFont(font)
        self.p.setPen(_colour(colour))
        width = self.p.fontMetrics().horizontalAdvance(s)
        dx = {"start": 0, "middle": -width / 2, "end": -width}[anchor]
        self.p.drawText(QPointF(dx, self.p.fontMetrics().ascent() / 2.5), s)
        self.p.restore()
