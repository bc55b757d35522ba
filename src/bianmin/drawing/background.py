"""The architect's drawing as the sheet's background: ezdxf's drawing frontend with a reportlab backend.

Everything but the BM- content is drawn, greyed and thin (GB/T 50001 0.25b), so that the
service-hall layout drawn over it stands out. Text is rendered by ezdxf as outlines, Chinese
included where a Chinese font is installed.
"""

from __future__ import annotations

import logging

import numpy as np

from ezdxf.addons.drawing import Frontend, RenderContext
from ezdxf.addons.drawing.backend import Backend
from ezdxf.addons.drawing.config import Configuration, ImagePolicy, LineweightPolicy

from bianmin.geometry.dxf.background import is_background, oversized_inserts

from bianmin.drawing.style import LINE_MM
from bianmin.drawing.paper import MM

log = logging.getLogger(__name__)


class FlatBackend(Backend):
    """ezdxf's drawing backend reduced to two calls, in plan millimetres:
    ``stroke(points, properties)`` for lines and ``fill(rings, properties)`` for filled areas
    (even-odd). The PDF sheets and the designer's screen each give it a sink."""

    def __init__(self, units_factor: float):
        super().__init__()
        self.f = units_factor or 1.0

    def _mm(self, vertices):
        f = self.f
        return [(v.x * f, v.y * f) for v in vertices]

    def stroke(self, points, properties):
        raise NotImplementedError

    def fill(self, rings, properties):
        raise NotImplementedError

    def draw_point(self, pos, properties):
        pass  # points are construction aids, not drawn

    def draw_line(self, start, end, properties):
        self.stroke(self._mm([start, end]), properties)

    def draw_solid_lines(self, lines, properties):
        for s, e in lines:
            self.stroke(self._mm([s, e]), properties)

    def draw_path(self, path, properties):
        if len(path):
            for sub in path.sub_paths():
                self.stroke(self._mm(sub.flattening(distance=self.config.max_flattening_distance)), properties)

    def draw_filled_paths(self, paths, properties):
        rings = []
        for path in paths:
            for sub in path.sub_paths():
                ring = self._mm(sub.flattening(distance=self.config.max_flattening_distance))
                if len(ring) >= 3:
                    rings.append(ring)
        if rings:
            self.fill(rings, properties)

    def draw_filled_polygon(self, points, properties):
        ring = self._mm(points.vertices())
        if len(ring) >= 3:
            self.fill([ring], properties)

    def draw_image(self, image_data, properties):
        pass  # raster images (scanned plans) are left out

    def set_background(self, color):
        pass

    def clear(self):
        pass

    def finalize(self):
        pass


class _Code:
    """A path already spelled in PDF operators, for ``canvas.drawPath`` (it asks only for getCode)."""

    def __init__(self, code: str):
        self.code = code

    def getCode(self) -> str:  # noqa: N802 - reportlab's name
        return self.code


TEXT_TYPES = frozenset({"TEXT", "MTEXT", "ATTRIB", "ATTDEF"})


class ReportLabBackend(FlatBackend):
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

    # -- the frontend's calls, straight to PDF operators ------------------------------------------
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

    def _spell(self, path, close: bool) -> str:
        """One ezdxf path (lines, quadratic and cubic curves, moves) as PDF path operators."""
        verts = np.asarray(path._vertices, dtype=float)  # the path's own array: no Vec2 per vertex
        if not len(verts) or not self._in_view(verts):
            self.left_out += 1
            return ""
        pts = self._page(verts)
        out = [f"{pts[0, 0]:.2f} {pts[0, 1]:.2f} m"]
        i = 1
        last = pts[0]
        for cmd in path._commands:
            if cmd == 1:  # LINE_TO
                last = pts[i]
                out.append(f"{last[0]:.2f} {last[1]:.2f} l")
                i += 1
            elif cmd == 2:  # CURVE3_TO: ctrl, end -> the same curve as a cubic
                ctrl, end = pts[i], pts[i + 1]
                c1 = last + (ctrl - last) * (2 / 3)
                c2 = end + (ctrl - end) * (2 / 3)
                out.append(f"{c1[0]:.2f} {c1[1]:.2f} {c2[0]:.2f} {c2[1]:.2f} {end[0]:.2f} {end[1]:.2f} c")
                last = end
                i += 2
            elif cmd == 3:  # CURVE4_TO: ctrl1, ctrl2, end
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

    def _is_text(self) -> bool:
        return any(e.dxftype() in TEXT_TYPES for e, _ in self.entity_stack)

    def draw_line(self, start, end, properties):
        code = self._spell_points([(start.x, start.y), (end.x, end.y)], False)
        if code:
            self.strokes.append(code)

    def draw_solid_lines(self, lines, properties):
        for s, e in lines:
            self.draw_line(s, e, properties)

    def draw_path(self, path, properties):
        if len(path):
            code = self._spell(path, False)
            if code:
                self.strokes.append(code)

    def draw_filled_paths(self, paths, properties):
        code = " ".join(c for c in (self._spell(p, True) for p in paths if len(p)) if c)
        if not code:
            return
        if self._is_text():
            self.texts.append(code)
            verts = np.concatenate([np.asarray(p._vertices, dtype=float) for p in paths if len(p._vertices)]) * self.f
            self.text_boxes.append((*verts.min(axis=0), *verts.max(axis=0)))
        else:
            self.fills.append(code)

    def draw_filled_polygon(self, points, properties):
        xy = [(v.x, v.y) for v in points.vertices()]
        if len(xy) >= 3:
            code = self._spell_points(xy, True)
            if code:
                (self.texts if self._is_text() else self.fills).append(code)

    # -- FlatBackend's two calls (kept for anything that calls them directly) ------------------------
    def stroke(self, points, properties):
        code = self._spell_points([(x / self.f, y / self.f) for x, y in points], False)
        if code:
            self.strokes.append(code)

    def fill(self, rings, properties):
        code = " ".join(
            c for c in (self._spell_points([(x / self.f, y / self.f) for x, y in r], True) for r in rings) if c
        )
        if code:
            self.fills.append(code)

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


def outside_view(doc, view):
    """A test for top-level block references and texts that lie wholly outside ``view`` (drawing
    units: x0, y0, x1, y1), so that ezdxf never explodes or lays them out (the other floors of a
    TArch drawing were most of the export's time). Anything it cannot measure counts as inside."""
    from ezdxf import bbox

    vx0, vy0, vx1, vy1 = view
    blocks: dict[str, object] = {}

    def disjoint(xs, ys) -> bool:
        return max(xs) < vx0 or min(xs) > vx1 or max(ys) < vy0 or min(ys) > vy1

    def test(e) -> bool:
        kind = e.dxftype()
        try:
            if kind == "INSERT":
                if e.mcount > 1:
                    return False
                name = e.dxf.name
                if name not in blocks:
                    blocks[name] = bbox.extents(doc.blocks[name], fast=True)
                box = blocks[name]
                if not box.has_data:
                    return False
                m = e.matrix44()
                (x0, y0, _), (x1, y1, _) = box.extmin, box.extmax
                pts = list(m.transform_vertices([(x0, y0, 0), (x1, y0, 0), (x1, y1, 0), (x0, y1, 0)]))
                return disjoint([p.x for p in pts], [p.y for p in pts])
            if kind in ("TEXT", "MTEXT"):
                box = bbox.extents([e], fast=True)
                return box.has_data and disjoint([box.extmin.x, box.extmax.x], [box.extmin.y, box.extmax.y])
        except Exception:  # a block it cannot measure: draw it, as before
            return False
        return False

    return test


def render_background(doc, backend, config: Configuration | None = None, view=None) -> bool:
    """Run ezdxf's frontend over the modelspace's non-BM entities into a backend; False if it stopped.
    ``view`` (drawing units), if given: block references and texts wholly outside it are skipped."""
    if doc is None:
        return True
    from bianmin.drawing.fonts import install_cjk_fonts_for_ezdxf

    install_cjk_fonts_for_ezdxf()
    # images as their frame, never their file: a DXF may name any file (/etc/…, ../, a UNC path that
    # would make the bureau's PC contact another host, a pipe that never ends, a 13000 x 13000 PNG)
    config = (config or Configuration(lineweight_policy=LineweightPolicy.ABSOLUTE)).with_changes(
        image_policy=ImagePolicy.RECT
    )
    skipped = oversized_inserts(doc)
    LEFT_OUT[:] = list(skipped.values())
    for reason in skipped.values():
        log.warning("background: left out %s", reason)
    outside = outside_view(doc, view) if view is not None else (lambda e: False)
    try:
        Frontend(RenderContext(doc), backend, config=config).draw_layout(
            doc.modelspace(),
            finalize=True,
            filter_func=lambda e: is_background(e) and e.dxf.handle not in skipped and not outside(e),
        )
    except Exception as exc:  # a broken background must not cost the user the sheet or the window
        log.warning("background drawing stopped: %s", exc)
        return False
    return True


# what the last background drawing left out (a block bomb, a block that inserts itself), to tell the user
LEFT_OUT: list[str] = []

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

    from ezdxf.addons.drawing.config import LinePolicy

    # curves are written as curves; what is still flattened (linetype patterns, hatch
    # boundaries) needs no finer steps than 0.05 mm on paper
    tolerance = 0.05 * surface.scale / (units_factor or 1.0)
    config = Configuration(lineweight_policy=LineweightPolicy.ABSOLUTE, max_flattening_distance=tolerance)
    if doc is not None and len(doc.modelspace()) + getattr(simple, "count", 0) > LARGE_DRAWING:
        config = config.with_changes(line_policy=LinePolicy.SOLID)
    backend = ReportLabBackend(surface, units_factor, view)
    ok = render_background(doc, backend, config, backend.view)
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
