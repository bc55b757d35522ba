"""A drawing's block definitions as the plan needs them: whether a block holds BM_ blocks at any depth,
its footprint (the union of its closed shapes, nested blocks included), its attribute defaults; each
worked out once per block name.  A block that inserts itself is reported, never followed.
"""

from __future__ import annotations

from typing import Callable

from ezdxf.math import Matrix44
from shapely import affinity
from shapely.geometry import MultiPoint, Polygon, box
from shapely.ops import unary_union

from bianmin.geometry.dxf.outlines import is_closed, raw_points
from bianmin.geometry.shapes import outline_polygon
from bianmin.geometry.dxf.bounds import bounds_of

MAX_NESTING = 16


class Blocks:
    """The blocks of ``doc``; ``on_cycle(insert, stack)`` hears of a block that inserts itself."""

    def __init__(self, doc, on_cycle: Callable[[object, tuple[str, ...]], None]) -> None:
        self.doc = doc
        self.on_cycle = on_cycle
        self._footprints: dict[str, Polygon] = {}
        self._bm: dict[str, bool] = {}
        self._defaults: dict[str, dict[str, str]] = {}

    def has_bm(self, name: str, stack: tuple[str, ...] = ()) -> bool:
        """Whether a block holds a BM_ INSERT at any depth (cycles answer False)."""
        key = name.upper()
        if key in self._bm:
            return self._bm[key]
        if key in stack or len(stack) > MAX_NESTING:
            return False
        block = self.doc.blocks.get(name)
        found = False
        if block is not None:
            for child in block:
                if child.dxftype() != "INSERT":
                    continue
                cname = child.dxf.name
                if cname.upper().startswith("BM_") or self.has_bm(cname, stack + (key,)):
                    found = True
                    break
        self._bm[key] = found
        return found

    def attdefs(self, name: str) -> dict[str, str]:
        """Default attribute values of a block (cached: ezdxf parses every query string)."""
        key = name.upper()
        if key not in self._defaults:
            block = self.doc.blocks.get(name)
            self._defaults[key] = (
                {}
                if block is None
                else {e.dxf.tag.upper(): e.dxf.text for e in block if e.dxftype() == "ATTDEF" and e.dxf.get("text")}
            )
        return dict(self._defaults[key])

    def footprint(self, name: str, insert=None) -> Polygon:
        """The block's outline in its own coordinates (the union of its closed shapes, else the box of its
        lines, else a 10 x 10 square); ``insert``: the INSERT a cycle is reported against."""
        key = name.upper()
        if key not in self._footprints:
            self._footprints[key] = self._compute(name, (key,), insert)
        return self._footprints[key]

    def _compute(self, name: str, stack, insert) -> Polygon:
        closed, loose = self._geometry(name, Matrix44(), stack, insert)
        if closed:
            shape = unary_union(closed)
            if not shape.is_valid:
                shape = shape.buffer(0)
            if not shape.is_empty:
                return shape
        if loose:
            # a block of loose lines all on one line (or one point) has a flat box: widen it, so that
            # the object still has a place and a centre (an empty footprint broke the camera check)
            x0, y0, x1, y1 = MultiPoint(loose).bounds
            if x1 - x0 < 1e-6:
                x0, x1 = x0 - 5, x1 + 5
            if y1 - y0 < 1e-6:
                y0, y1 = y0 - 5, y1 + 5
            return box(x0, y0, x1, y1)
        return box(-5, -5, 5, 5)

    def _geometry(self, name, matrix: Matrix44, stack, insert):
        """Closed shapes and loose points of a block, in the outermost block's coordinates."""
        block = self.doc.blocks.get(name)
        closed: list[Polygon] = []
        loose: list[tuple[float, float]] = []
        if block is None:
            return closed, loose
        keeps = bounds_of(self.doc).keeps
        for e in block:
            if not keeps(e):
                continue
            t = e.dxftype()
            try:
                if t in ("LWPOLYLINE", "POLYLINE", "CIRCLE"):
                    pts = raw_points(e)
                    if is_closed(e, pts) and len(pts) >= 2:
                        poly = outline_polygon(pts)
                        if not poly.is_empty:
                            closed.append(_apply(poly, matrix))
                    else:
                        loose.extend(_apply_pts([(p[0], p[1]) for p in pts], matrix))
                elif t in ("SOLID", "TRACE"):
                    vs = [e.dxf.vtx0, e.dxf.vtx1, e.dxf.vtx3, e.dxf.vtx2]
                    poly = Polygon([(v[0], v[1]) for v in vs])
                    if poly.area > 0:
                        closed.append(_apply(poly.buffer(0), matrix))
                elif t == "LINE":
                    loose.extend(_apply_pts([(e.dxf.start.x, e.dxf.start.y), (e.dxf.end.x, e.dxf.end.y)], matrix))
                elif t == "ARC":
                    loose.extend(_apply_pts([(p[0], p[1]) for p in e.flattening(1.0)], matrix))
                elif t == "INSERT":
                    cname = e.dxf.name.upper()
                    if cname in stack or len(stack) > MAX_NESTING:
                        if insert is not None:
                            self.on_cycle(insert, stack)
                        continue
                    c, lines = self._geometry(e.dxf.name, e.matrix44() * matrix, stack + (cname,), insert)
                    closed.extend(c)
                    loose.extend(lines)
            except Exception:
                continue  # a broken piece of a symbol does not change what the block is
        return closed, loose


def affine(m: Matrix44):
    """An INSERT matrix as shapely's (a, b, d, e, xoff, yoff), in the plane."""
    return (m.ux[0], m.uy[0], m.ux[1], m.uy[1], m.origin[0], m.origin[1])


def _apply(poly, m: Matrix44):
    """A shape through an INSERT's matrix."""
    return affinity.affine_transform(poly, affine(m))


def _apply_pts(pts, m: Matrix44):
    a, b, d, e, xo, yo = affine(m)
    return [(a * x + b * y + xo, d * x + e * y + yo) for x, y in pts]


def scaled(poly, f: float):
    """A footprint in drawing units to millimetres (``f`` mm per unit)."""
    if f == 1.0:
        return poly
    return affinity.scale(poly, f, f, origin=(0, 0))
