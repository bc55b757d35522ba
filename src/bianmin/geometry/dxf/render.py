"""The architect's drawing through ezdxf's drawing frontend, handed on as plain numbers.

ezdxf's drawing add-on walks a drawing (blocks exploded, hatches filled, text laid out as glyph
outlines, linetypes cut into dashes) and calls a backend for every line, curve and filled area.
The two backends here turn those calls into numbers, so that whoever draws them never meets
ezdxf: FlatBackend flattens everything into polylines in plan mm, with colours (the designer's
screen, designer/canvas/background.py); CurveBackend keeps curves as curves in drawing units and
tells text from drawing (the PDF sheets, drawing/background.py). ``render_background`` runs the
frontend over the drawing's non-BM entities, with ezdxf's configuration built from plain options.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from typing import Any

import numpy as np
from ezdxf.addons.drawing import Frontend, RenderContext
from ezdxf.addons.drawing.backend import Backend
from ezdxf.addons.drawing.config import (
    BackgroundPolicy,
    Configuration,
    ImagePolicy,
    LinePolicy,
    LineweightPolicy,
)

from bianmin.geometry.dxf.background import is_background, oversized_inserts
from bianmin.geometry.dxf.bounds import bounds_of

log = logging.getLogger(__name__)

# the commands of a path as CurveBackend hands it on (ezdxf's own codes): after the start point,
# each command takes the next vertices: LINE_TO one, CURVE3_TO two (control, end), CURVE4_TO three
# (control, control, end), MOVE_TO one (a new subpath starts there)
LINE_TO, CURVE3_TO, CURVE4_TO, MOVE_TO = 1, 2, 3, 4

TEXT_TYPES = frozenset({"TEXT", "MTEXT", "ATTRIB", "ATTDEF"})

Point = tuple[float, float]


class _NumbersBackend(Backend):
    """What both backends share: the drawing's units factor, and the calls they do not draw."""

    def __init__(self, units_factor: float):
        super().__init__()
        self.f = units_factor or 1.0

    def draw_point(self, pos, properties) -> None:
        pass  # points are construction aids, not drawn

    def draw_image(self, image_data, properties) -> None:
        pass  # raster images (scanned plans) are left out

    def set_background(self, color) -> None:
        pass

    def clear(self) -> None:
        pass

    def finalize(self) -> None:
        pass


class FlatBackend(_NumbersBackend):
    """ezdxf's drawing backend reduced to two calls, in plan millimetres, flattened:
    ``stroke(points, colour)`` for lines and ``fill(rings, colour)`` for filled areas (even-odd);
    a colour is ezdxf's "#rrggbb" (an alpha may follow). Subclasses give them a sink."""

    def _mm(self, vertices) -> list[Point]:
        f = self.f
        return [(v.x * f, v.y * f) for v in vertices]

    def stroke(self, points: list[Point], colour: str) -> None:
        raise NotImplementedError

    def fill(self, rings: list[list[Point]], colour: str) -> None:
        raise NotImplementedError

    def draw_line(self, start, end, properties) -> None:
        self.stroke(self._mm([start, end]), properties.color)

    def draw_solid_lines(self, lines, properties) -> None:
        for s, e in lines:
            self.stroke(self._mm([s, e]), properties.color)

    def draw_path(self, path, properties) -> None:
        if len(path):
            for sub in path.sub_paths():
                self.stroke(self._mm(sub.flattening(distance=self.config.max_flattening_distance)), properties.color)

    def draw_filled_paths(self, paths, properties) -> None:
        rings = []
        for path in paths:
            for sub in path.sub_paths():
                ring = self._mm(sub.flattening(distance=self.config.max_flattening_distance))
                if len(ring) >= 3:
                    rings.append(ring)
        if rings:
            self.fill(rings, properties.color)

    def draw_filled_polygon(self, points, properties) -> None:
        ring = self._mm(points.vertices())
        if len(ring) >= 3:
            self.fill([ring], properties.color)


class Curve:
    """One path of the frontend as numbers, in drawing units: ``vertices`` an (n, 2) array (the
    start point first), ``commands`` the codes that consume them (LINE_TO … MOVE_TO, above)."""

    __slots__ = ("vertices", "commands")

    def __init__(self, vertices: np.ndarray, commands: Sequence[int]):
        self.vertices = vertices
        self.commands = commands

    def __len__(self) -> int:  # as ezdxf counts a path: its commands
        return len(self.commands)


class CurveBackend(_NumbersBackend):
    """ezdxf's drawing backend as four calls in drawing units, curves kept as curves:
    ``line(xy)`` an open polyline ((n, 2) array), ``curve(c)`` an open Curve,
    ``area(curves, text)`` filled Curves (even-odd; empty ones included, as ezdxf gave them),
    ``polygon(xy, text)`` a filled polygon of three or more points. ``text`` is True when the
    entity being drawn is (or lies within) a TEXT, MTEXT, ATTRIB or ATTDEF: its glyphs.
    Colours are not handed on (the sheet draws the architect's drawing in its own greys)."""

    def line(self, xy: np.ndarray) -> None:
        raise NotImplementedError

    def curve(self, c: Curve) -> None:
        raise NotImplementedError

    def area(self, curves: list[Curve], text: bool) -> None:
        raise NotImplementedError

    def polygon(self, xy: np.ndarray, text: bool) -> None:
        raise NotImplementedError

    def _is_text(self) -> bool:
        return any(e.dxftype() in TEXT_TYPES for e, _ in self.entity_stack)

    @staticmethod
    def _curve(path) -> Curve:
        # the path's own arrays: no Vec2 per vertex
        return Curve(np.asarray(path._vertices, dtype=float), path._commands)

    def draw_line(self, start, end, properties) -> None:
        self.line(np.array([(start.x, start.y), (end.x, end.y)], dtype=float))

    def draw_solid_lines(self, lines, properties) -> None:
        for s, e in lines:
            self.draw_line(s, e, properties)

    def draw_path(self, path, properties) -> None:
        if len(path):
            self.curve(self._curve(path))

    def draw_filled_paths(self, paths, properties) -> None:
        self.area([self._curve(p) for p in paths], self._is_text())

    def draw_filled_polygon(self, points, properties) -> None:
        xy = [(v.x, v.y) for v in points.vertices()]
        if len(xy) >= 3:
            self.polygon(np.array(xy, dtype=float), self._is_text())


@lru_cache(maxsize=4)
def _map_missing_fonts(present: tuple[str, ...], names: tuple[str, ...]) -> str | None:
    try:
        from ezdxf.fonts import fonts
    except ImportError:
        return None
    fm = fonts.font_manager
    found = next((name for name in present if fm.has_font(name)), None)
    if found is None:
        return None
    for name in names:  # each missing name resolves to the font that is there (one dict kept only the last)
        if not fm.has_font(name):
            fm.add_synonyms({found: name}, reverse=False)
    if hasattr(fm, "_fallback_font_name"):
        fm._fallback_font_name = ""  # pick the fallback again, now that ArialUni.ttf resolves
    return found


def map_missing_fonts(present: Iterable[str], names: Iterable[str]) -> str | None:
    """Let ezdxf's text renderer draw Chinese: map missing font names to one that is here.

    A drawing made on a Chinese Windows PC asks for simhei.ttf or simsun.ttc (or an SHX font
    that falls back to ezdxf's Unicode font, ArialUni.ttf); on Linux those are missing and ezdxf
    would fall back to a font without Chinese glyphs. ``present``: font files that may be
    installed, best first; the first ezdxf finds stands in for each of ``names`` it lacks.
    Returns the font used, or None if there is none. Done once per process for the same lists.
    """
    return _map_missing_fonts(tuple(present), tuple(names))


def outside_view(doc, view: Sequence[float]) -> Callable[[Any], bool]:
    """A test for top-level block references and texts that lie wholly outside ``view`` (drawing
    units: x0, y0, x1, y1), so that ezdxf never explodes or lays them out (the other floors of a
    TArch drawing were most of the export's time). Anything it cannot measure counts as inside."""
    from ezdxf import bbox

    vx0, vy0, vx1, vy1 = view
    blocks: dict[str, Any] = {}

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


def configuration(
    *, solid_lines: bool = False, flattening: float | None = None, on_white: bool = False
) -> Configuration:
    """ezdxf's drawing configuration from plain options: lineweights absolute; images as their
    frame, never their file (a DXF may name any file: /etc/…, ../, a UNC path that would make the
    bureau's PC contact another host, a pipe that never ends, a 13000 x 13000 PNG).
    ``solid_lines``: linetypes drawn solid, not cut into dashes. ``flattening``: the largest
    distance (drawing units) of a flattened curve from the true one. ``on_white``: colours as on
    white paper (colour 7 black); otherwise as on the drawing's own background."""
    changes: dict[str, Any] = {}
    if solid_lines:
        changes["line_policy"] = LinePolicy.SOLID
    if flattening is not None:
        changes["max_flattening_distance"] = flattening
    if on_white:
        changes["background_policy"] = BackgroundPolicy.WHITE
    return Configuration(lineweight_policy=LineweightPolicy.ABSOLUTE, image_policy=ImagePolicy.RECT, **changes)


# what the last background drawing left out (a block bomb, a block that inserts itself), to tell the user
LEFT_OUT: list[str] = []


def render_background(
    doc,
    backend: Backend,
    *,
    view: Sequence[float] | None = None,
    solid_lines: bool = False,
    flattening: float | None = None,
    on_white: bool = False,
    cjk_fonts: Sequence[str] = (),
    cjk_names: Sequence[str] = (),
) -> bool:
    """Run ezdxf's frontend over the modelspace's non-BM entities into a backend; False if it stopped.

    ``view`` (drawing units), if given: block references and texts wholly outside it are skipped.
    ``solid_lines``, ``flattening``, ``on_white``: see ``configuration``. ``cjk_fonts``,
    ``cjk_names``: see ``map_missing_fonts`` (the caller knows which Chinese fonts to look for).
    """
    if doc is None:
        return True
    map_missing_fonts(cjk_fonts, cjk_names)
    config = configuration(solid_lines=solid_lines, flattening=flattening, on_white=on_white)
    skipped = oversized_inserts(doc)
    LEFT_OUT[:] = list(skipped.values())
    for reason in skipped.values():
        log.warning("background: left out %s", reason)
    outside = outside_view(doc, view) if view is not None else (lambda e: False)
    bounded = bounds_of(doc)
    beyond = sum(1 for h in bounded.excluded if (e := doc.entitydb.get(h)) is not None and is_background(e))
    if beyond:
        LEFT_OUT.append(f"{beyond} 个超出合理范围的图元 / {beyond} entities beyond the bound")
    try:
        Frontend(RenderContext(doc), backend, config=config).draw_layout(
            doc.modelspace(),
            finalize=True,
            filter_func=lambda e: (
                is_background(e) and e.dxf.handle not in skipped and bounded.draws(e) and not outside(e)
            ),
        )
    except Exception as exc:  # a broken background must not cost the user the sheet or the window
        log.warning("background drawing stopped: %s", exc)
        return False
    return True
