"""Exact walking distances by a visibility graph: the yardstick for the grid.

Shortest paths inside a polygon with holes bend only at its vertices, so the
walking distance from a point to a target is the shortest route through the
vertices the point can see.  Exact, but its cost grows with the square of the
vertex count: used by tests and benchmarks on small plans to measure the grid's
error, not by the rules.
"""

from __future__ import annotations

import heapq
import math

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point


def _vertices(polygon):
    pts = []
    for geom in getattr(polygon, "geoms", [polygon]):
        for ring in [geom.exterior, *geom.interiors]:
            pts.extend(ring.coords[:-1])
    return pts


class VisibilityGraph:
    def __init__(self, free_floor, targets, target_samples: int = 21, tolerance: float = 0.5):
        self.room = free_floor.buffer(tolerance)
        shapely.prepare(self.room)
        self.nodes = _vertices(free_floor)
        self.targets = list(targets)
        # points along each target: the exit's ends and evenly between
        self.goals = []
        for t in self.targets:
            if t.geom_type == "LineString":
                self.goals += [t.interpolate(i / (target_samples - 1), normalized=True) for i in range(target_samples)]
            else:
                self.goals += [Point(c) for c in _vertices(t)] if t.geom_type != "Point" else [t]
        self.dist = self._solve()

    def visible(self, a, b) -> bool:
        if math.dist(a, b) < 1e-9:
            return True
        return bool(shapely.covers(self.room, LineString([a, b])))

    def _to_target(self, p) -> float:
        best = math.inf
        for g in self.goals:
            if self.visible(p, (g.x, g.y)):
                best = min(best, math.dist(p, (g.x, g.y)))
        for t in self.targets:  # the closest point itself, when in sight
            q = shapely.ops.nearest_points(t, Point(p))[0]
            if self.visible(p, (q.x, q.y)):
                best = min(best, math.dist(p, (q.x, q.y)))
        return best

    def _solve(self):
        n = len(self.nodes)
        dist = np.array([self._to_target(v) for v in self.nodes])
        adj = [[] for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                if self.visible(self.nodes[i], self.nodes[j]):
                    d = math.dist(self.nodes[i], self.nodes[j])
                    adj[i].append((j, d))
                    adj[j].append((i, d))
        heap = [(d, i) for i, d in enumerate(dist) if math.isfinite(d)]
        heapq.heapify(heap)
        done = np.zeros(n, bool)
        while heap:
            d, i = heapq.heappop(heap)
            if done[i]:
                continue
            done[i] = True
            for j, w in adj[i]:
                if d + w < dist[j]:
                    dist[j] = d + w
                    heapq.heappush(heap, (dist[j], j))
        return dist

    def distance(self, x: float, y: float) -> float:
        p = (x, y)
        best = self._to_target(p)
        for v, d in zip(self.nodes, self.dist, strict=False):
            if math.isfinite(d) and self.visible(p, v):
                best = min(best, math.dist(p, v) + d)
        return best
