"""A small drawing interface in plan millimetres, and its reportlab implementation.

The sheets draw the plan model through :class:`Surface` only; the transform from plan
millimetres to paper points (the true scale) lives here, in one place.
"""

from __future__ import annotations

from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from bianmin.drawing.style import hex_rgb
from bianmin.drawing.paper import MM


class ReportLabSurface:
    """Draws on a reportlab canvas: plan point (x, y) mm → page ((x - x0)/scale + ox, (y - y0)/scale + oy) mm."""

    def __init__(self, canvas, font: str, scale: float, plan_origin, page_origin_mm):
        self.c = canvas
        self.font = font
        self.scale = scale
        self.x0, self.y0 = plan_origin
        self.ox, self.oy = page_origin_mm

    # -- transform -------------------------------------------------------------
    def pt(self, x: float, y: float) -> tuple[float, float]:
        return ((x - self.x0) / self.scale + self.ox) * MM, ((y - self.y0) / self.scale + self.oy) * MM

    @staticmethod
    def _colour(colour, alpha=1.0):
        r, g, b = hex_rgb(colour) if isinstance(colour, str) else colour
        return Color(r, g, b, alpha=alpha)

    def _style(self, stroke, fill, width_mm, alpha, dash):
        c = self.c
        if stroke:
            c.setStrokeColor(self._colour(stroke))
            c.setLineWidth(width_mm * MM)
            c.setDash(list(dash) if dash else [])
        if fill:
            c.setFillColor(self._colour(fill, alpha))

    # -- primitives (plan mm; widths and text sizes in paper mm) ---------------
    def polygon(self, points, *, stroke=None, fill=None, width_mm=0.18, alpha=1.0, dash=None, holes=()):
        if len(points) < 2:
            return
        self.c.saveState()
        self._style(stroke, fill, width_mm, alpha, dash)
        path = self.c.beginPath()
        for ring in [points, *holes]:
            first = True
            for x, y in ring:
                px, py = self.pt(x, y)
                path.moveTo(px, py) if first else path.lineTo(px, py)
                first = False
            path.close()
        self.c.drawPath(path, stroke=1 if stroke else 0, fill=1 if fill else 0, fillMode=0)
        self.c.restoreState()

    def polyline(self, points, *, stroke="#000000", width_mm=0.18, dash=None):
        if len(points) < 2:
            return
        self.c.saveState()
        self._style(stroke, None, width_mm, 1.0, dash)
        path = self.c.beginPath()
        px, py = self.pt(*points[0])
        path.moveTo(px, py)
        for x, y in points[1:]:
            path.lineTo(*self.pt(x, y))
        self.c.drawPath(path, stroke=1, fill=0)
        self.c.restoreState()

    def circle(self, x, y, radius_paper_mm, *, stroke=None, fill=None, width_mm=0.18, alpha=1.0):
        self.c.saveState()
        self._style(stroke, fill, width_mm, alpha, None)
        px, py = self.pt(x, y)
        self.c.circle(px, py, radius_paper_mm * MM, stroke=1 if stroke else 0, fill=1 if fill else 0)
        self.c.restoreState()

    def text(self, x, y, s, *, size_mm=2.5, colour="#000000", anchor="middle", rotation=0.0):
        self.c.saveState()
        self.c.setFillColor(self._colour(colour))
        px, py = self.pt(x, y)
        size = size_mm * MM
        self.c.setFont(self.font, size)
        w = stringWidth(s, self.font, size)
        self.c.translate(px, py)
        if rotation:
            self.c.rotate(rotation)
        dx = {"start": 0, "middle": -w / 2, "end": -w}[anchor]
        self.c.drawString(dx, -size * 0.35, s)
        self.c.restoreState()
