"""The architect's drawing as the sheet's background: ezdxf's drawing frontend (run by the DXF
adapter, geometry/dxf/render.py) into a reportlab backend.

Everything but the BM- content is drawn, greyed and thin (GB/T 50001 0.25b), so that the
service-hall layout drawn over it stands out. Text is rendered by ezdxf as outlines, Chinese
included where a Chinese font is installed.
"""

from __future__ import annotations

import logging

import numpy as np

from bianmin.geometry.dxf.render import (
    CURVE3_TO,
    CURVE4_TO,
    LINE_TO,
    Curve,
    CurveBackend,
    render_background,
)

from bianmin.drawing.fonts import CJK_NAMES, CJK_PRESENT
from bianmin.drawing.style import LINE_MM
from bianmin.drawing.paper import MM

log = logging.getLogger(__name__)


class _Code:
    """A path already spelled in PDF operators, for ``canvas.drawPath`` (it asks only for getCode)."""

    def __init__(self, code: str):
        self.code = code

    def getCode(self) -> str:  # noqa: N802 - reportlab's name
        return self.code


class ReportLabBackend(CurveBackend):
    """The architect's drawing as few, compact PDF paths.

    Curves go to the page as Bézier curves (PDF has them), not flattened into hundreds of
    segments; coordinates are written with two decimals of a point (0.004 mm); colour and line
    width are set once for all lines instead of once per line; whatever lies outside ``view``
    (the part of the plan the sheet shows, plan mm) is left out instead of drawn under the clip.
    Hatches and solids are drawn first, light; lines over them; text last and darker than the
    lines, so room names stay legible (colour 7 is dark on paper, as on screen).
    """

    STROKE = (0.5, 0.5, 0.5)  # the architect's lines, in one mid grey
    FILL = (0.9, 0.9, 0.9)  # their hatches and solids lighter (a floor's solid hatch covers the whole plan)
    TEXT = (0.42, 0.42, 0.42)  # their text a little darker than the lines: the room names must read
    CHUNK = 4000  # subpaths per PDF path, so that no viewer has to hold one enormous path

    def __init__(self, surface, units_factor: float, view=None):
        super().__init__(units_factor)
        self.s = surface
        k = MM / surface.scale
        # page point = plan mm * k + b; drawing units * f = plan mm
        self.k = k * self.f
        self.bx = (surface.ox * MM) - surface.x0 * k
        self.by = (surface.oy * MM) - surface.y0 * k
        self.view = None
        if view is not None:  # in drawing units, to test the raw vertices
            self.view = tuple(v / self.f for v in view)
        self.strokes: list[str] = []
        self.fills: list[str] = []
        self.texts: list[str] = []
        self.text_boxes: list[tuple[float, float, float, float]] = []  # plan mm, for labels to keep clear of
        self.left_out = 0

    # -- the frontend's calls (as numbers: geometry/dxf/render.py), straight to PDF operators --------
    def _in_view(self, xy) -> bool:
        if self.view is None or not len(xy):
            return True
        x0, y0, x1, y1 = self.view
        return not (xy[:, 0].max() < x0 or xy[:, 0].min() > x1 or xy[:, 1].max() < y0 or xy[:, 1].min() > y1)

    def _page(self, xy):
        out = np.empty_like(xy, dtype=float)
        out[:, 0] = xy[:, 0] * self.k + self.bx
        out[:, 1] = xy[:, 1] * self.k + self.by
        return out

    def _spell(self, curve: Curve, close: bool) -> str:
        """One path (lines, quadratic and cubic curves, moves) as PDF path operators."""
        verts = curve.vertices
        if not len(verts) or not self._in_view(verts):
            self.left_out += 1
            return ""
        pts = self._page(verts)
        out = [f"{pts[0, 0]:.2f} {pts[0, 1]:.2f} m"]
        i = 1
        last = pts[0]
        for cmd in curve.commands:
            if cmd == LINE_TO:
                last = pts[i]
                out.append(f"{last[0]:.2f} {last[1]:.2f} l")
                i += 1
            elif cmd == CURVE3_TO:  # ctrl, end -> the same curve as a cubic
                ctrl, end = pts[i], pts[i + 1]
                c1 = last + (ctrl - last) * (2 / 3)
                c2 = end + (ctrl - end) * (2 / 3)
                out.append(f"{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {end[0]:.2f} {end[1]:.2f} c")
                last = end
                i += 2
            elif cmd == CURVE4_TO:  # ctrl1, ctrl2, end
                c1, c2, end = pts[i], pts[i + 1], pts[i + 2]
                out.append(f"{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {end[0]:.2f} {end[1]:.2f} c")
                last = end
                i += 3
            else:  # MOVE_TO
                if close:
                    out.append("h")
                last = pts[i]
                out.append(f"{last[0]:.2f} {last[1]:.2f} m")
                i += 1
        if close:
            out.append("h")
        return " ".join(out)

    def _spell_points(self, xy, close: bool) -> str:
        xy = np.asarray(xy, dtype=float)
        if len(xy) < 2 or not self._in_view(xy):
            self.left_out += 1
            return ""
        pts = self._page(xy)
        code = f"{pts[0, 0]:.2f} {pts[0, 1]:.2f} m " + " ".join(f"{x:.2f} {y:.2f} l" for x, y in pts[1:])
        return code + " h" if close else code

    def line(self, xy):
        code = self._spell_points(xy, False)
        if code:
            self.strokes.append(code)

    def curve(self, c: Curve):
        code = self._spell(c, False)
        if code:
            self.strokes.append(code)

    def area(self, curves: list[Curve], text: bool):
        code = " ".join(c for c in (self._spell(p, True) for p in curves if len(p)) if c)
        if not code:
            return
        if text:
            self.texts.append(code)
            verts = np.concatenate([p.vertices for p in curves if len(p.vertices)]) * self.f
            self.text_boxes.append((*verts.min(axis=0), *verts.max(axis=0)))
        else:
            self.fills.append(code)

    def polygon(self, xy, text: bool):
        code = self._spell_points(xy, True)
        if code:
            (self.texts if text else self.fills).append(code)

    def flush(self) -> None:
        """Put what was collected on the page: fills, then lines, then text."""
        c = self.s.c
        c.saveState()
        if self.fills:
            c.setFillColorRGB(*self.FILL)
            for code in self.fills:  # one path per hatch: even-odd within it, never across hatches
                c.drawPath(_Code(code), stroke=0, fill=1, fillMode=1)
        if self.strokes:
            c.setStrokeColorRGB(*self.STROKE)
            c.setLineWidth(LINE_MM["background"] * MM)
            c.setLineCap(1)
            c.setLineJoin(1)
            for i in range(0, len(self.strokes), self.CHUNK):
                c.drawPath(_Code(" ".join(self.strokes[i : i + self.CHUNK])), stroke=1, fill=0)
        if self.texts:
            c.setFillColorRGB(*self.TEXT)
            for code in self.texts:  # a text's glyphs together: even-odd makes the counters of 口 and 回
                c.drawPath(_Code(code), stroke=0, fill=1, fillMode=1)
        c.restoreState()
        self.strokes, self.fills, self.texts = [], [], []


LARGE_DRAWING = 5000  # modelspace entities above which linetypes are drawn solid on paper too


def draw_background(
    doc, surface, units_factor: float, view=None, text_boxes: list | None = None, *, simple=None
) -> bool:
    """The architect's drawing on a sheet, greyed; linetypes as drawn, but solid in large drawings.

    ``view`` (plan mm: x0, y0, x1, y1) is the part the sheet shows; what lies outside it is left out.
    ``text_boxes``, if given, receives the extents (plan mm) of the drawing's texts on the sheet.
    ``simple``: the simple entities a split read took out of ``doc`` (read_plan(split="draw")), put
    on the sheet from plain numbers (background_simple.py) in the same greys.
    """
    from bianmin.drawing.background_simple import add_simple, write_texts

    # curves are written as curves; what is still flattened (linetype patterns, hatch
    # boundaries) needs no finer steps than 0.05 mm on paper
    tolerance = 0.05 * surface.scale / (units_factor or 1.0)
    large = doc is not None and len(doc.modelspace()) + getattr(simple, "count", 0) > LARGE_DRAWING
    backend = ReportLabBackend(surface, units_factor, view)
    ok = render_background(
        doc,
        backend,
        view=backend.view,
        solid_lines=large,
        flattening=tolerance,
        cjk_fonts=CJK_PRESENT,
        cjk_names=CJK_NAMES,
    )
    texts: list = []
    if simple is not None:
        try:
            texts = add_simple(backend, simple, doc)  # lines into the backend's paths; texts to write after
        except Exception as exc:  # a broken background must not cost the user the sheet
            log.warning("background drawing stopped: %s", exc)
            ok = False
    if text_boxes is not None:
        text_boxes.extend(backend.text_boxes)
    backend.flush()
    write_texts(surface, backend, texts)
    return ok
