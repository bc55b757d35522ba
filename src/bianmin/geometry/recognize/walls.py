"""Wall faces as line segments (mm): by layer name, or failing that by shape.

By layer: every line, polyline and hatch boundary on a wall layer.  By shape (a
drawing whose layers say nothing): lines that have a parallel partner 100–500 mm
away overlapping it (the two faces of a double-line wall), plus the short jamb lines
that join such faces.  Columns (column layers and blocks, small squarish hatches on
any layer) are kept apart: they are part of the room outlines but never bridged.
"""

from __future__ import annotations

import numpy as np
from scipy.spatial import cKDTree

from bianmin.geometry.recognize.collect import Drawing
from bianmin.geometry.recognize.patterns import Patterns, matches

WALL_GAP = (100.0, 500.0)  # mm between the two faces of a wall
COLUMN_AREA = (0.04e6, 2.5e6)  # mm², a column's section


def segments_of(pts: np.ndarray) -> np.ndarray:
    """Consecutive point pairs of a polyline as an (n, 4) array."""
    if len(pts) < 2:
        return np.zeros((0, 4))
    return np.hstack([pts[:-1], pts[1:]])


def _ring_segments(ring: np.ndarray) -> np.ndarray:
    if len(ring) >= 2 and not np.allclose(ring[0], ring[-1]):
        ring = np.vstack([ring, ring[:1]])
    return segments_of(ring)


def _stack(parts: list[np.ndarray]) -> np.ndarray:
    parts = [p for p in parts if len(p)]
    if not parts:
        return np.zeros((0, 4))
    segs = np.vstack(parts)
    segs = segs[np.isfinite(segs).all(axis=1)]
    length = np.hypot(segs[:, 2] - segs[:, 0], segs[:, 3] - segs[:, 1])
    segs = segs[length > 1.0]
    # the same segment drawn twice (or a block inserted on top of itself) counts once
    return np.unique(np.round(segs, 1), axis=0)


def _area(ring: np.ndarray) -> float:
    x, y = ring[:, 0], ring[:, 1]
    return 0.5 * abs(float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1))))


def is_column_ring(ring: np.ndarray) -> bool:
    """A small, roughly square or round closed outline."""
    if len(ring) < 3:
        return False
    w, h = float(np.ptp(ring[:, 0])), float(np.ptp(ring[:, 1]))
    if min(w, h) <= 0:
        return False
    area = _area(ring)
    return COLUMN_AREA[0] <= area <= COLUMN_AREA[1] and max(w, h) / min(w, h) <= 2.5 and area >= 0.6 * w * h * 0.75


def wall_layers_used(drawing: Drawing, patterns: Patterns) -> list[str]:
    names = {layer for layer, _ in drawing.polylines if matches(patterns.wall_layers, layer)}
    names |= {layer for layer, _ in drawing.hatches if matches(patterns.wall_layers, layer)}
    return sorted(names)


def by_layer(drawing: Drawing, patterns: Patterns) -> np.ndarray:
    parts = [segments_of(pts) for layer, pts in drawing.polylines if matches(patterns.wall_layers, layer)]
    for layer, rings in drawing.hatches:
        if matches(patterns.wall_layers, layer):
            parts += [_ring_segments(r) for r in rings]
    return _stack(parts)


def by_shape(drawing: Drawing, patterns: Patterns) -> np.ndarray:
    """Segments that have a parallel partner at a wall's thickness, and the jambs joining them."""
    skip = (patterns.annotation_layers, patterns.door_layers, patterns.window_layers, patterns.column_layers)
    segs = _stack([segments_of(pts) for layer, pts in drawing.polylines if not any(matches(p, layer) for p in skip)])
    if len(segs) == 0:
        return segs
    a, b = segs[:, :2], segs[:, 2:]
    d = b - a
    length = np.hypot(d[:, 0], d[:, 1])
    u = d / length[:, None]
    mid = (a + b) / 2
    keep = np.zeros(len(segs), dtype=bool)
    long_ = length >= WALL_GAP[0]
    tree = cKDTree(mid)
    radius = WALL_GAP[1] + length.max() / 2
    for i in np.flatnonzero(long_):
        near = tree.query_ball_point(mid[i], min(radius, WALL_GAP[1] + length[i]))
        for j in near:
            if j <= i or not long_[j]:
                continue
            if abs(u[i, 0] * u[j, 1] - u[i, 1] * u[j, 0]) > 0.035:  # 2 degrees
                continue
            off = a[j] - a[i]
            dist = abs(off[0] * u[i, 1] - off[1] * u[i, 0])
            if not WALL_GAP[0] <= dist <= WALL_GAP[1]:
                continue
            # overlap of the two along the first one's direction
            t = sorted([0.0, length[i]])
            s = sorted([float(np.dot(a[j] - a[i], u[i])), float(np.dot(b[j] - a[i], u[i]))])
            overlap = min(t[1], s[1]) - max(t[0], s[0])
            if overlap >= 0.3 * min(length[i], length[j]):
                keep[i] = keep[j] = True
    kept = segs[keep]
    # jambs: short segments whose both ends touch kept faces' ends
    if len(kept):
        ends = cKDTree(np.vstack([kept[:, :2], kept[:, 2:]]))
        short = (~keep) & (length <= WALL_GAP[1] + 50)
        da, _ = ends.query(a[short])
        db, _ = ends.query(b[short])
        jamb = np.flatnonzero(short)[(da < 5) & (db < 5)]
        kept = np.vstack([kept, segs[jamb]])
    return kept


def columns(drawing: Drawing, patterns: Patterns) -> tuple[np.ndarray, list[np.ndarray]]:
    """Column outline segments, and the closed column outlines (rings) that could be found."""
    parts, rings = [], []
    for layer, pts in drawing.polylines:
        if matches(patterns.column_layers, layer):
            parts.append(segments_of(pts))
    for inst in drawing.instances:
        if inst.role == "column":
            parts += [segments_of(p) for p in inst.polylines]
            parts += [segments_of(a.points) for a in inst.arcs]
    for layer, hrings in drawing.hatches:
        col_layer = matches(patterns.column_layers, layer)
        for r in hrings:
            if col_layer or is_column_ring(r):
                parts.append(_ring_segments(r))
                rings.append(r)
    return _stack(parts), rings
