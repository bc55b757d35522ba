"""Distances from many points to a few geometries, in numpy.

shapely's vectorised ``distance`` builds a point object per sample; for tens of
thousands of grid cells against a handful of exits or lights it is faster to
measure against the geometries' edges directly.
"""

from __future__ import annotations

import numpy as np
import shapely


def edges_of(geometries) -> np.ndarray:
    """All straight edges of the geometries as an (m, 4) array x1, y1, x2, y2."""
    out = []
    for g in geometries:
        for part in getattr(g, "geoms", [g]):
            rings = [part.exterior, *part.interiors] if part.geom_type == "Polygon" else [part]
            for ring in rings:
                c = np.asarray(ring.coords)[:, :2]
                if len(c) == 1:
                    c = np.vstack([c, c])
                out.append(np.hstack([c[:-1], c[1:]]))
    return np.vstack(out) if out else np.zeros((0, 4))


def to_segments(points: np.ndarray, segments: np.ndarray, chunk: int = 4096) -> np.ndarray:
    """Distance from each point to the nearest segment."""
    n = len(points)
    if len(segments) == 0:
        return np.full(n, np.inf)
    best = np.full(n, np.inf)
    a = segments[:, :2]
    d = segments[:, 2:] - a
    dd = np.maximum((d * d).sum(axis=1), 1e-18)
    for start in range(0, n, chunk):
        p = points[start : start + chunk, None, :]  # (k, 1, 2)
        t = np.clip(((p - a) * d).sum(axis=2) / dd, 0.0, 1.0)  # (k, m)
        q = a + t[..., None] * d
        dist = np.sqrt(((p - q) ** 2).sum(axis=2)).min(axis=1)
        best[start : start + chunk] = dist
    return best


NUMPY_EDGES = 64  # above this many edges an STRtree answers faster (measured: 512 was slower)


def to_geometries(points: np.ndarray, geometries) -> np.ndarray:
    """Distance from each point to the nearest geometry (0 inside a polygon)."""
    geometries = list(geometries)
    if not geometries or len(points) == 0:
        return np.full(len(points), np.inf)
    edges = edges_of(geometries)
    if len(edges) > NUMPY_EDGES:
        tree = shapely.STRtree(geometries)
        _, dist = tree.query_nearest(shapely.points(points), return_distance=True, all_matches=False)
        return dist
    dist = to_segments(points, edges)
    for g in geometries:
        if g.geom_type in ("Polygon", "MultiPolygon"):
            minx, miny, maxx, maxy = g.bounds
            box = (points[:, 0] >= minx) & (points[:, 0] <= maxx) & (points[:, 1] >= miny) & (points[:, 1] <= maxy)
            if box.any():
                idx = np.nonzero(box)[0]
                inside = shapely.contains_xy(g, points[idx, 0], points[idx, 1])
                dist[idx[inside]] = 0.0
    return dist


def farthest(points: np.ndarray, geometries, chunk: int = 2048) -> tuple[float, int]:
    """The largest of ``to_geometries(points, geometries)`` and its first index (-1 with no points):
    the same figure and point, without measuring every point exactly.

    With many edges (a hall with 170 emergency lights) every point's exact distance costs an
    STRtree search; here each point gets cheap bounds first, from a circle round each geometry
    (centre c, radius at most R): with n the distance to the nearest centre, the distance to the
    nearest geometry is between n - R and n + R.  Only the points whose upper bound reaches the
    largest lower bound can be the farthest, and only they are measured.
    """
    geometries = list(geometries)
    n = len(points)
    if n == 0:
        return 0.0, -1
    if not geometries or len(edges_of(geometries)) <= NUMPY_EDGES or any(g.is_empty for g in geometries):
        d = to_geometries(points, geometries)
        k = int(np.argmax(d))
        return float(d[k]), k
    centre, radius = [], []
    for g in geometries:
        xy = shapely.get_coordinates(g)[:, :2]
        c = (xy.min(axis=0) + xy.max(axis=0)) / 2.0
        centre.append(c)
        radius.append(float(np.sqrt(((xy - c) ** 2).sum(axis=1)).max()))
    cx, cy = np.array(centre).T
    reach = max(radius)
    nearest = np.empty(n)
    for start in range(0, n, chunk):  # squared, in place (fresh temporaries cost most of it): a fourth of the time
        dx = points[start : start + chunk, 0:1] - cx
        dx *= dx
        dy = points[start : start + chunk, 1:2] - cy
        dy *= dy
        dx += dy
        nearest[start : start + chunk] = dx.min(axis=1)
    nearest = np.sqrt(nearest)
    upper = nearest + reach
    lower = nearest - reach
    # margins of a millimetre's millionth keep a rounding in the bounds from dropping the farthest point
    candidates = np.nonzero(upper * (1 + 1e-9) + 1e-6 >= lower.max())[0]
    d = to_geometries(points[candidates], geometries)
    k = int(np.argmax(d))
    return float(d[k]), int(candidates[k])
