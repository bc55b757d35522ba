"""The architect's drawing as the sheet's background: ezdxf's drawing frontend with a reportlab backend.

Everything but the BM- content is drawn, greyed and thin (GB/T 50001 0.25b), so that the
service-hall layout drawn over it stands out. Text is rendered by ezdxf as outlines, Chinese
included where a Chinese font is installed.
"""
from __future__ import annotations

import logging

from ezdxf.addons.drawing import Frontend, RenderContext
from ezdxf.addons.drawing.backend import Backend
from ezdxf.addons.drawing.config import Configuration, LineweightPolicy

from bianmin.geometry import catalog

from ..style import LINE_MM
from .paper import MM

log = logging.getLogger(__name__)


class ReportLabBackend(Backend):
    STROKE = (0.5, 0.5, 0.5)  # the architect's lines, in one mid grey
    FILL = (0.84, 0.84, 0.84)  # and their hatches and solids lighter

    def __init__(self, surface, units_factor: float):
        super().__init__()
        self.s = surface
        self.f = units_factor


    def _pts(self, vertices):
        f = self.f
        return [self.s.pt(v.x * f, v.y * f) for v in vertices]

    def _stroke(self, pts, properties):
        if len(pts) < 2:
            return
        c = self.s.c
        c.setStrokeColorRGB(*self.STROKE)
        c.setLineWidth(LINE_MM["background"] * MM)
        path = c.beginPath()
        path.moveTo(*pts[0])
        for p in pts[1:]:
            path.lineTo(*p)
        c.drawPath(path, stroke=1, fill=0)

    def draw_point(self, pos, properties):
        pass  # points are construction aids, not drawn on sheets

    def draw_line(self, start, end, properties):
        self._stroke(self._pts([start, end]), properties)

    def draw_solid_lines(self, lines, properties):
        for s, e in lines:
            self._stroke(self._pts([s, e]), properties)

    def draw_path(self, path, properties):
        if len(path):
            for sub in path.sub_paths():
                self._stroke(self._pts(list(sub.flattening(distance=self.config.max_flattening_distance))), properties)

    def draw_filled_paths(self, paths, properties):
        c = self.s.c
        c.setFillColorRGB(*self.FILL)
        p = c.beginPath()
        any_ = False
        for path in paths:
            for sub in path.sub_paths():
                pts = self._pts(list(sub.flattening(distance=self.config.max_flattening_distance)))
                if len(pts) < 3:
                    continue
                p.moveTo(*pts[0])
                for q in pts[1:]:
                    p.lineTo(*q)
                p.close()
                any_ = True
        if any_:
            c.drawPath(p, stroke=0, fill=1, fillMode=1)  # even-odd, as ezdxf's own backends

    def draw_filled_polygon(self, points, properties):
        pts = self._pts(points.vertices())
        if len(pts) < 3:
            return
        c = self.s.c
        c.setFillColorRGB(*self.FILL)
        p = c.beginPath()
        p.moveTo(*pts[0])
        for q in pts[1:]:
            p.lineTo(*q)
        p.close()
        c.drawPath(p, stroke=0, fill=1)

    def draw_image(self, image_data, properties):
        pass  # raster images (scanned plans) are left out of the sheet

    def set_background(self, color):
        pass

    def clear(self):
        pass

    def finalize(self):
        pass


def _not_plan_content(entity) -> bool:
    try:
        if catalog.is_bm_layer(entity.dxf.get("layer", "")):
            return False
        if entity.dxftype() == "INSERT" and entity.dxf.name.upper().startswith("BM_"):
            return False
    except Exception:
        return False
    return True


def draw_background(doc, surface, units_factor: float) -> int:
    """Draw the modelspace's non-BM entities; returns how many entities failed to draw."""
    if doc is None:
        return 0
    from .fonts import install_cjk_fonts_for_ezdxf
    install_cjk_fonts_for_ezdxf()
    backend = ReportLabBackend(surface, units_factor)
    config = Configuration(lineweight_policy=LineweightPolicy.ABSOLUTE)
    frontend = Frontend(RenderContext(doc), backend, config=config)
    failures = 0
    surface.c.saveState()
    try:
        frontend.draw_layout(doc.modelspace(), finalize=True, filter_func=_not_plan_content)
    except Exception as exc:  # a broken background must not cost the user the sheet
        log.warning("background drawing stopped: %s", exc)
        failures += 1
    surface.c.restoreState()
    return failures
