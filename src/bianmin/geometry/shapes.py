"""Outlines with DXF bulges to shapely polygons, arcs kept to within a tolerance.

A DXF bulge is tan(θ/4) of the arc from one vertex to the next (θ the included
angle, positive counter-clockwise).  An arc becomes as many chords as it takes
for the sagitta of each chord (its greatest distance from the arc) to stay
within ``ARC_TOLERANCE_MM``.
"""

from __future__ import annotations

import math

from shapely.geometry import Polygon

ARC_TOLERANCE_MM = 1.0
MAX_ARC_SEGMENTS = 256
# past this many vertices an outline is simplified to within the arc tolerance: a drawing's
# 100,000-vertex hall (a traced curve) would otherwise make every distance query slow, and
# a millimetre is far below anything a building plan can mean
SIMPLIFY_ABOVE = 4096


def arc_points(p1, p2, bulge: float, tolerance: float = ARC_TOLERANCE_MM):
    """Points strictly between p1 and p2 on the bulged arc (empty for a straight segment)."""
    if abs(bulge) < 1e-12:
        return []
    (x1, y1), (x2, y2) = p1, p2
    chord = math.hypot(x2 - x1, y2 - y1)
    if chord < 1e-9:
        return []
    theta = 4.0 * math.atan(bulge)  # included angle, signed
    radius = chord / (2.0 * math.sin(abs(theta) / 2.0))
    # centre: from the chord midpoint, perpendicular, at distance d
    mx, my = (x1 + x2) / 2.0, (y1 + y2) / 2.0
    d = radius * math.cos(abs(theta) / 2.0)
    nx, ny = -(y2 - y1) / chord, (x2 - x1) / chord  # left normal
    sign = 1.0 if bulge > 0 else -1.0
    # a CCW arc under 180° has its centre left of the chord; past 180° the
    # cosine turns negative and moves the centre to the other side by itself
    cx, cy = mx + sign * nx * d, my + sign * ny * d
    if tolerance >= radius:
        n = 2
    else:
        step = 2.0 * math.acos(1.0 - tolerance / radius)
        n = max(2, math.ceil(abs(theta) / step))
    n = min(n, MAX_ARC_SEGMENTS)
    a0 = math.atan2(y1 - cy, x1 - cx)
    return [
        (cx + radius * math.cos(a0 + theta * i / n), cy + radius * math.sin(a0 + theta * i / n)) for i in range(1, n)
    ]


def outline_points(outline, tolerance: float = ARC_TOLERANCE_MM) -> list[tuple[float, float]]:
    """The closed outline as points, arcs expanded (the last vertex is not repeated)."""
    pts: list[tuple[float, float]] = []
    n = len(outline)
    for i, (x, y, bulge) in enumerate(outline):
        pts.append((x, y))
        nx, ny, _ = outline[(i + 1) % n]
        pts.extend(arc_points((x, y), (nx, ny), bulge, tolerance))
    return pts


def outline_polygon(outline, tolerance: float = ARC_TOLERANCE_MM) -> Polygon:
    """A polygon for a closed outline; may be invalid (the reader reports that)."""
    pts = outline_points(outline, tolerance)
    if len(pts) < 3:
        return Polygon()
    polygon = Polygon(pts)
    if len(pts) > SIMPLIFY_ABOVE and polygon.is_valid:
        polygon = polygon.simplify(tolerance, preserve_topology=True)
    return polygon


def circle_outline(cx: float, cy: float, r: float):
    """A circle as two half-circle bulges, the way a closed LWPOLYLINE stores it."""
    return [(cx - r, cy, 1.0), (cx + r, cy, 1.0)]


def inward_normal(polygon, start, end, probe: float) -> tuple[float, float]:
    """Unit normal of the segment start→end that points into the polygon.

    Probes ``probe`` mm to either side of the segment's midpoint: the right-hand normal
    when only that side is inside, else the left-hand one.
    """
    from shapely.geometry import Point

    (x1, y1), (x2, y2) = start, end
    length = math.hypot(x2 - x1, y2 - y1) or 1.0
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    inside_left = polygon.contains(Point(mx + nx * probe, my + ny * probe))
    inside_right = polygon.contains(Point(mx - nx * probe, my - ny * probe))
    if inside_right and not inside_left:
        return (-nx, -ny)
    return (nx, ny)
