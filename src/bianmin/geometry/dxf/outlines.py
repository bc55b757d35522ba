"""An entity's outline in the drawing's plane: the points (with bulges) of a LWPOLYLINE, POLYLINE,
CIRCLE or LINE, and whether it is closed.  Shared by the plan reader and the block footprints.
"""

from __future__ import annotations

import math

from bianmin.geometry.shapes import circle_outline


def raw_points(entity) -> list:
    """``[(x, y, bulge), …]`` of a LWPOLYLINE, POLYLINE, CIRCLE (as a bulged outline) or LINE, in the
    drawing's plane (a mirrored OCS turned back); ``[]`` for any other entity."""
    dxftype = entity.dxftype()
    if dxftype == "LWPOLYLINE":
        pts = [(x, y, b) for x, y, b in entity.get_points("xyb")]
        if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0:  # mirrored OCS
            pts = [(-x, y, -b) for x, y, b in pts]
        return pts
    if dxftype == "POLYLINE":
        pts = [(v.dxf.location[0], v.dxf.location[1], v.dxf.get("bulge", 0.0)) for v in entity.vertices]
        if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0:
            pts = [(-x, y, -b) for x, y, b in pts]
        return pts
    if dxftype == "CIRCLE":
        c = entity.dxf.center
        r = entity.dxf.radius
        cx = -c[0] if entity.dxf.get("extrusion", (0, 0, 1))[2] < 0 else c[0]
        return circle_outline(cx, c[1], r)
    if dxftype == "LINE":
        s, e = entity.dxf.start, entity.dxf.end
        return [(s[0], s[1], 0.0), (e[0], e[1], 0.0)]
    return []


def is_closed(entity, pts) -> bool:
    """Whether the entity is a closed outline: a circle, a closed polyline, or one that ends where it starts."""
    dxftype = entity.dxftype()
    if dxftype == "CIRCLE":
        return True
    if dxftype == "LWPOLYLINE" and entity.closed:
        return True
    if dxftype == "POLYLINE" and entity.is_closed:
        return True
    return len(pts) > 2 and math.dist(pts[0][:2], pts[-1][:2]) < 1e-6
