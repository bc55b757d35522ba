"""Gaps in the walls and what sits in them: doors, windows, plain doorways.

A wall face that stops and goes on along the same line further on leaves a gap; the
segment across it is a *bridge*.  Bridging every gap closes the rooms, so that
polygonizing the wall faces yields them.  A bridge is a door when a door block or a
swing arc covers it, a window when a window block or window-layer lines do, and a
plain doorway when nothing does and it is no wider than ``PLAIN_MAX``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from scipy.spatial import cKDTree
from shapely.geometry import LineString, MultiPoint

from bianmin.geometry.recognize.collect import Drawing
from bianmin.geometry.recognize.patterns import Patterns, matches

DOOR_GAP_MAX = 4200.0  # mm, a double door or a glass entrance
PLAIN_MAX = 2400.0  # mm, a doorway with no door drawn
MIN_GAP = 40.0
ALIGN = math.cos(math.radians(2.0))
COVER = 0.6
DOOR_GROW = 250.0  # mm, a swing sector grown across the wall reaches the far face's gap too
WINDOW_LINE_MAX = 6000.0  # mm, longer lines on a window layer are outlines, not a window in a gap
SNAP = 30.0
NEIGHBOURS = 32  # ends looked at around each end  # mm, ends this close are joined (drawing slop)


@dataclass
class Evidence:
    kind: str  # door, window
    zone: object  # shapely geometry: the block's hull, grown a little
    label: str  # block name or layer, for the report


@dataclass
class Bridge:
    start: tuple[float, float]
    end: tuple[float, float]
    kind: str  # door, window, plain, snap
    label: str = ""

    @property
    def line(self) -> LineString:
        return LineString([self.start, self.end])

    @property
    def width(self) -> float:
        return math.dist(self.start, self.end)


def evidence(drawing: Drawing, patterns: Patterns, wall_ends: np.ndarray) -> list[Evidence]:
    out = []
    for inst in drawing.instances:
        if inst.role not in ("door", "window"):
            continue
        pts = inst.points()
        if len(pts) < 2:
            continue
        hull = MultiPoint(pts).convex_hull
        if inst.role == "door":  # the swing sector also covers the hinge side
            for a in inst.arcs:
                hull = hull.union(MultiPoint(np.vstack([a.points, [a.center]])).convex_hull)
        out.append(Evidence(inst.role, hull.buffer(DOOR_GROW if inst.role == "door" else 60.0), inst.name))
    ends_tree = cKDTree(wall_ends) if len(wall_ends) else None
    for a in drawing.arcs:  # loose swing arcs: on a door layer, or hinged at a wall end
        if not 60.0 <= a.sweep <= 180.0 or not 450.0 <= a.radius <= 2200.0:
            continue
        on_door_layer = matches(patterns.door_layers, a.layer)
        hinged = ends_tree is not None and ends_tree.query(a.center)[0] <= 300.0
        if on_door_layer or hinged:
            sector = MultiPoint(np.vstack([a.points, [a.center]])).convex_hull
            out.append(Evidence("door", sector.buffer(DOOR_GROW), a.layer))
    for layer, pts in drawing.polylines:  # loose window lines in the wall gap
        if (
            matches(patterns.window_layers, layer)
            and not matches(patterns.door_layers, layer)
            and len(pts) >= 2
            and LineString(pts).length <= WINDOW_LINE_MAX
        ):
            out.append(Evidence("window", LineString(pts).buffer(80.0), layer))
    return out


def find_bridges(walls: np.ndarray, evid: list[Evidence], plain_max: float = PLAIN_MAX) -> list[Bridge]:
    """Bridges across the gaps of the wall faces, each tagged with what fills the gap; doorways with no
    door drawn up to ``plain_max`` wide."""
    if len(walls) == 0:
        return []
    a, b = walls[:, :2], walls[:, 2:]
    length = np.hypot(*(b - a).T)
    ends = np.vstack([a, b])
    dirs = np.vstack([(a - b) / length[:, None], (b - a) / length[:, None]])  # outward at each end
    seg = np.concatenate([np.arange(len(walls)), np.arange(len(walls))])
    tree = cKDTree(ends)
    pairs = _near_pairs(tree, ends, DOOR_GAP_MAX)
    out: list[Bridge] = []
    if len(pairs):
        i, j = pairs[:, 0], pairs[:, 1]
        v = ends[j] - ends[i]
        d = np.hypot(v[:, 0], v[:, 1])
        ok = (seg[i] != seg[j]) & (d >= MIN_GAP)
        i, j, v, d = i[ok], j[ok], v[ok], d[ok]
        u = v / d[:, None]
        ok = (np.einsum("ij,ij->i", dirs[i], u) > ALIGN) & (np.einsum("ij,ij->i", dirs[j], -u) > ALIGN)
        i, j, d = i[ok], j[ok], d[ok]
        order = np.argsort(d, kind="stable")
        used = np.zeros(len(ends), dtype=bool)
        candidates = []
        for k in order:
            p, q = i[k], j[k]
            if used[p] or used[q]:
                continue
            used[p] = used[q] = True
            candidates.append((p, q))
        lines = [LineString([ends[p], ends[q]]) for p, q in candidates]
        if lines:
            wall_lines = shapely.linestrings(np.stack([a, b], axis=1))
            wtree = shapely.STRtree(wall_lines)
            crossing = set(wtree.query(lines, predicate="crosses")[0].tolist())
            etree = shapely.STRtree([e.zone for e in evid]) if evid else None
            for n, ((p, q), line) in enumerate(zip(candidates, lines, strict=True)):
                if n in crossing:
                    continue
                kind, label = _classify(line, evid, etree)
                if kind == "plain" and line.length > plain_max:
                    continue
                out.append(Bridge(tuple(ends[p]), tuple(ends[q]), kind, label))
    # drawing slop: ends a hair apart
    for p, q in _near_pairs(tree, ends, SNAP):
        if seg[p] != seg[q] and 0.5 < math.dist(ends[p], ends[q]):
            out.append(Bridge(tuple(ends[p]), tuple(ends[q]), "snap"))
    return out


def _near_pairs(tree, points: np.ndarray, reach: float, k: int = NEIGHBOURS) -> np.ndarray:
    """Pairs (i < j) of points within ``reach``, each point with at most its ``k`` nearest: bounded work
    even where thousands of ends coincide."""
    k = min(k, len(points))
    if k < 2:
        return np.zeros((0, 2), dtype=int)
    dist, idx = tree.query(points, k=k, distance_upper_bound=reach)
    i = np.repeat(np.arange(len(points)), k)
    j = idx.ravel()
    ok = np.isfinite(dist.ravel()) & (j < len(points))
    i, j = i[ok], j[ok]
    pairs = np.stack([np.minimum(i, j), np.maximum(i, j)], axis=1)
    pairs = pairs[pairs[:, 0] != pairs[:, 1]]
    return np.unique(pairs, axis=0) if len(pairs) else pairs.reshape(0, 2)


def _classify(line: LineString, evid: list[Evidence], etree) -> tuple[str, str]:
    if etree is None:
        return "plain", ""
    best = {"door": (0.0, ""), "window": (0.0, "")}
    for k in etree.query(line):
        e = evid[int(k)]
        cover = line.intersection(e.zone).length / line.length
        if cover > best[e.kind][0]:
            best[e.kind] = (cover, e.label)
    door, window = best["door"], best["window"]
    if window[0] >= COVER and window[0] >= door[0]:
        return "window", window[1]
    if door[0] >= COVER:
        return "door", door[1]
    return "plain", ""
