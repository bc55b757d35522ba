"""The architect's drawing as the sheet's background: ezdxf's drawing frontend with a reportlab backend.

Everything but the BM- content is drawn, greyed and thin (GB/T 50001 0.25b), so that the
service-hall layout drawn over it stands out. Text is rendered by ezdxf as outlines, Chinese
included where a Chinese font is installed.
"""

from __future__ import annotations

import logging

from ezdxf.addons.drawing import Frontend, RenderContext
from ezdxf.addons.drawing.backend import Backend
from ezdxf.addons.drawing.config import Configuration, ImagePolicy, LineweightPolicy

from bianmin.geometry.background import is_background, oversized_inserts

from ..style import LINE_MM
from .paper import MM

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


class ReportLabBackend(FlatBackend):
    STROKE = (0.5, 0.5, 0.5)  # the architect's lines, in one mid grey
    FILL = (0.84, 0.84, 0.84)  # and their hatches and solids lighter

    def __init__(self, surface, units_factor: float):
        super().__init__(units_factor)
        self.s = surface

    def stroke(self, points, properties):
        if len(points) < 2:
            return
        c = self.s.c
        c.setStrokeColorRGB(*self.STROKE)
        c.setLineWidth(LINE_MM["background"] * MM)
        path = c.beginPath()
        path.moveTo(*self.s.pt(*points[0]))
        for p in points[1:]:
            path.lineTo(*self.s.pt(*p))
        c.drawPath(path, stroke=1, fill=0)

    def fill(self, rings, properties):
        c = self.s.c
        c.setFillColorRGB(*self.FILL)
        p = c.beginPath()
        for ring in rings:
            p.moveTo(*self.s.pt(*ring[0]))
            for q in ring[1:]:
                p.lineTo(*self.s.pt(*q))
            p.close()
        c.drawPath(p, stroke=0, fill=1, fillMode=1)  # even-odd, as ezdxf's own backends


def render_background(doc, backend, config: Configuration | None = None) -> bool:
    """Run ezdxf's frontend over the modelspace's non-BM entities into a backend; False if it stopped."""
    if doc is None:
        return True
    from .fonts import install_cjk_fonts_for_ezdxf

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
    try:
        Frontend(RenderContext(doc), backend, config=config).draw_layout(
            doc.modelspace(), finalize=True, filter_func=lambda e: is_background(e) and e.dxf.handle not in skipped
        )
    except Exception as exc:  # a broken background must not cost the user the sheet or the window
        log.warning("background drawing stopped: %s", exc)
        return False
    return True


# what the last background drawing left out (a block bomb, a block that inserts itself), to tell the user
LEFT_OUT: list[str] = []

LARGE_DRAWING = 5000  # modelspace entities above which linetypes are drawn solid on paper too


def draw_background(doc, surface, units_factor: float, *, simple=None, visible=None) -> bool:
    """The architect's drawing on a sheet, greyed; linetypes as drawn, but solid in large drawings.

    ``simple``: the simple entities a split read took out of ``doc`` (read_plan(split="draw")), drawn
    from plain numbers (background_simple.py); ``visible``: the plan-mm box the sheet shows."""
    from ezdxf.addons.drawing.config import LinePolicy

    from .background_simple import draw_simple

    config = Configuration(lineweight_policy=LineweightPolicy.ABSOLUTE)
    taken = getattr(simple, "count", 0)
    if doc is not None and len(doc.modelspace()) + taken > LARGE_DRAWING:
        config = Configuration(lineweight_policy=LineweightPolicy.ABSOLUTE, line_policy=LinePolicy.SOLID)
    surface.c.saveState()
    ok = render_background(doc, ReportLabBackend(surface, units_factor), config)
    surface.c.restoreState()
    if simple is not None:
        try:
            draw_simple(surface, simple, units_factor, doc, visible)
        except Exception as exc:  # a broken background must not cost the user the sheet
            log.warning("background drawing stopped: %s", exc)
            return False
    return ok
