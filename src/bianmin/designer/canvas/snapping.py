"""Snapping: to the architect's endpoints and edges, to the hall outline, to the grid.

The background's points and segments are collected once (geometry.background follows
blocks) into a KD-tree and an STRtree.
"""

from __future__ import annotations

import numpy as np
import shapely
from scipy.spatial import cKDTree

from bianmin.geometry.dxf.background import points_and_segments
from bianmin.geometry.shapes import inward_normal


class Snapper:
    def __init__(self, document, grid_mm: float = 100.0):
        self.document = document
        self.grid_mm = grid_mm
        self.enabled = {"endpoint": True, "edge": True, "hall": True, "grid": True}
        self._points = None
        self._tree = None
        self._segments = None
        self._seg_tree = None
        self._mids = None
        self._mid_tree = None
        self.enabled["midpoint"] = True

    def _collect(self) -> None:
        pts, segs = points_and_segments(self.document.read.doc, self.document.read.units_factor or 1.0)
        self._points = np.array(pts) if pts else np.zeros((0, 2))
        self._tree = cKDTree(self._points) if len(self._points) else None
        self._segments = shapely.linestrings([[a, b] for a, b in segs]) if segs else np.array([])
        self._mids = np.array([((a[0] + b[0]) / 2, (a[1] + b[1]) / 2) for a, b in segs]) if segs else np.zeros((0, 2))
        self._mid_tree = cKDTree(self._mids) if len(self._mids) else None
        self._seg_tree = shapely.STRtree(self._segments) if len(self._segments) else None

    def snap(self, x: float, y: float, tolerance_mm: float):
        """The snapped point and what it snapped to ('endpoint', 'midpoint', 'hall', 'edge', 'grid' or None)."""
        if self._points is None:
            self._collect()
        best = None
        if self.enabled["endpoint"] and self._tree is not None:
            d, i = self._tree.query((x, y), distance_upper_bound=tolerance_mm)
            if np.isfinite(d):
                best = (tuple(self._points[i]), "endpoint", d)
        if self.enabled["midpoint"] and best is None and self._mid_tree is not None:
            d, i = self._mid_tree.query((x, y), distance_upper_bound=tolerance_mm)
            if np.isfinite(d):
                best = (tuple(self._mids[i]), "midpoint", d)
        hall = self.document.plan.hall
        if self.enabled["midpoint"] and hall is not None and best is None:
            corners = np.asarray(hall.polygon.exterior.coords)
            mids = (corners[:-1] + corners[1:]) / 2
            if len(mids):
                d = np.hypot(mids[:, 0] - x, mids[:, 1] - y)
                k = int(np.argmin(d))
                near_corner = np.min(np.hypot(corners[:, 0] - x, corners[:, 1] - y))
                if d[k] <= tolerance_mm and d[k] < near_corner:
                    best = (tuple(mids[k]), "midpoint", d[k])
        if self.enabled["hall"] and hall is not None and best is None:
            ring = hall.polygon.exterior
            corners = np.asarray(ring.coords)
            d = np.hypot(corners[:, 0] - x, corners[:, 1] - y)
            k = int(np.argmin(d))
            if d[k] <= tolerance_mm:
                best = (tuple(corners[k]), "hall", d[k])
            else:
                p = shapely.Point(x, y)
                if ring.distance(p) <= tolerance_mm:
                    q = ring.interpolate(ring.project(p))
                    best = ((q.x, q.y), "hall", ring.distance(p))
        if self.enabled["edge"] and best is None and self._seg_tree is not None:
            p = shapely.Point(x, y)
            idx = self._seg_tree.query(p, predicate="dwithin", distance=tolerance_mm)
            if len(idx):
                seg = min((self._segments[i] for i in idx), key=lambda s: s.distance(p))
                q = seg.interpolate(seg.project(p))
                best = ((q.x, q.y), "edge", seg.distance(p))
        if best is not None:
            return best[0], best[1]
        if self.enabled["grid"]:
            g = self.grid_mm
            return (round(x / g) * g, round(y / g) * g), "grid"
        return (x, y), None

    def on_hall(self, x: float, y: float):
        """The nearest point on the hall outline (for openings)."""
        hall = self.document.plan.hall
        if hall is None:
            return (x, y)
        ring = hall.polygon.exterior
        q = ring.interpolate(ring.project(shapely.Point(x, y)))
        return (q.x, q.y)


def inside_hall(obj, hall):
    """An object snapped onto the hall outline, pushed inside so its back touches the wall.

    A person who puts a sign or a cabinet on a wall means the wall's inner face, not a
    footprint half outside the hall (which HALL-CONTAINS would report).
    """
    if hall is None:
        return obj
    poly = hall.polygon
    if poly.buffer(1.0).contains(obj.footprint):
        return obj
    c = obj.footprint.centroid
    coords = list(poly.exterior.coords)
    (x1, y1), (x2, y2) = min(zip(coords, coords[1:], strict=False), key=lambda seg: shapely.LineString(seg).distance(c))
    nx, ny = inward_normal(poly, (x1, y1), (x2, y2), probe=10.0)
    outside = max(0.0, max(-((x - x1) * nx + (y - y1) * ny) for x, y in shapely.get_coordinates(obj.footprint)))
    if outside == 0.0 or outside > 2000.0:
        return obj  # already in, or far away: not a wall placement
    return obj.moved(nx * outside, ny * outside)


WALL_REACH_MM = 300.0  # an object whose back comes this close to a wall is put against it, facing the room


def facing_room(obj, hall):
    """An object put near a wall of the hall turned so that its front (local -Y) faces into the room,
    as Sweet Home 3D turns furniture against a wall; elsewhere the object as it is."""
    if hall is None:
        return obj
    poly = hall.polygon
    c = obj.footprint.centroid
    coords = list(poly.exterior.coords)
    seg = min(zip(coords, coords[1:], strict=False), key=lambda s: shapely.LineString(s).distance(c))
    if shapely.LineString(seg).distance(c) > obj.depth / 2 + WALL_REACH_MM:
        return obj
    nx, ny = inward_normal(poly, seg[0], seg[1], probe=10.0)
    import math

    degrees = math.degrees(math.atan2(nx, -ny)) % 360.0
    if abs((obj.rotation - degrees + 180.0) % 360.0 - 180.0) < 0.5:
        return obj
    return obj.rotated_to(degrees)
