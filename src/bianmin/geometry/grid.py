"""Walking distance on the free floor: a distance field on a grid.

Method
------
The free floor is sampled at the centres of square cells of side ``cell`` (mm).
Cells are joined to their neighbours by a 16-neighbour stencil (the 8 king moves
and the 8 knight moves), each edge weighted by its Euclidean length.  A diagonal
or knight move is allowed only when the cells it passes over are free too, so a
path never cuts the corner of a column.  Targets (an exit line, an extinguisher's
footprint, an alarm) seed the cells near them with their exact straight-line
distance; Dijkstra spreads the distance from there, once per kind of target, and
keeps the predecessors so that the path itself can be traced back and
straightened (string-pulling along lines of sight).

The Dijkstra is done here in numpy (``distances`` below), not by scipy: importing
scipy.sparse.csgraph cost every ``bianmin validate`` a quarter of a second, more
than the checking of a small plan.  Every edge is at least one cell long, so all
cells within one cell of the nearest unsettled distance are settled together, one
vectorised step per cell of distance; the distances are the same floating-point
sums Dijkstra makes, bit for bit.

Error
-----
* Direction: a straight stretch of path at an angle between two stencil
  directions is walked as a mix of both; the longest gap between the 16
  directions is 26.6°, so the field overestimates a straight walk by at most
  1/cos(13.3°) - 1 = 2.7 % (an 8-neighbour grid: 8.2 %).
* Sampling: a point is at most cell·√2/2 from its cell's centre; the worst point
  of the floor is reported at a cell centre, at most that far from the true one.
* Rasterising: passages narrower than about one cell may close, and corners are
  rounded to the grid; EVAC-PASSAGE and EVAC-REACH measure widths and
  connectivity exactly with shapely and do not rely on the grid.

So, on open floor, for a true walking distance D the field gives d with
D - cell·√2/2 <= d <= 1.027·D + cell·√2 (tests check this against hand-computed
and visibility-graph distances), and never less than the straight-line distance
from the cell centre to the target.  Where the way threads a gap only two or
three cells wide (the 400 mm between two counters on a 200 mm grid) the
rasterised gap can force a detour of a few cells more: bench/bench_analysis.py
measured, against the exact visibility graph on the street-centre template,
mean errors of 1.2 % (100 mm cells) to 2.0 % (600 mm), and a largest error of
0.31 m at 100 mm, 0.36 m at 150 mm, 0.85 m at 200 mm.  The rules use the grid
only where the limit is generous (extinguishers 15–25 m, alarms 30 m), and the
error is an overestimate there: it can only make a check stricter.
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np
import shapely
import shapely.ops
from bianmin.geometry.distance import to_geometries

ROOM_MM = 1.0
STENCIL = [(1, 0), (0, 1), (1, 1), (1, -1), (2, 1), (1, 2), (2, -1), (1, -2)]
DIRECTION_ERROR = 1.0 / math.cos(math.radians(26.565 / 2)) - 1.0  # 2.7 %


def auto_cell(area_mm2: float, max_cells: int = 20_000, finest: float = 150.0) -> float:
    """The finest cell (in 50 mm steps, at least ``finest``) that keeps the grid under ``max_cells``."""
    cell = math.sqrt(max(area_mm2, 1.0) / max_cells)
    return max(finest, math.ceil(cell / 50.0) * 50.0)


class Grid:
    def __init__(self, free_floor, cell: float):
        self.free_floor = free_floor
        self.cell = float(cell)
        minx, miny, maxx, maxy = free_floor.bounds if not free_floor.is_empty else (0, 0, cell, cell)
        self.origin = (minx, miny)
        self.nx = max(1, int(math.ceil((maxx - minx) / cell)))
        self.ny = max(1, int(math.ceil((maxy - miny) / cell)))
        xs = minx + (np.arange(self.nx) + 0.5) * cell
        ys = miny + (np.arange(self.ny) + 0.5) * cell
        self.X, self.Y = np.meshgrid(xs, ys)  # shape (ny, nx)
        shapely.prepare(free_floor)
        self.free = shapely.contains_xy(free_floor, self.X, self.Y)
        self.index = -np.ones(self.free.shape, dtype=np.int64)
        self.index[self.free] = np.arange(int(self.free.sum()))
        self.n = int(self.free.sum())
        self.xy = np.column_stack([self.X[self.free], self.Y[self.free]])
        self._graph = None
        self._neighbours: tuple[np.ndarray, np.ndarray] | None = None

    # -- graph ---------------------------------------------------------------
    def _moves(self):
        """For each stencil move: its length and the cells it joins (from, to)."""
        free = self.free
        for dx, dy in STENCIL:
            ok = _shifted_and(free, dx, dy)
            # cells passed over on the way must be free (no cutting of corners)
            for px, py in _passed(dx, dy):
                ok &= _shift(free, px, py)
            yield math.hypot(dx, dy) * self.cell, self.index[ok], _shift(self.index, dx, dy, fill=-1)[ok]

    def _edges(self):
        rows, cols, weights = [], [], []
        for length, src, dst in self._moves():
            rows.append(src)
            cols.append(dst)
            weights.append(np.full(src.shape, length))
        return np.concatenate(rows), np.concatenate(cols), np.concatenate(weights)

    @property
    def graph_parts(self):
        if self._graph is None:
            self._graph = self._edges()
        return self._graph

    @property
    def neighbours(self) -> tuple[np.ndarray, np.ndarray]:
        """The graph as a table: row k lists the cells one move from cell k (-1: no move), and the
        moves' lengths: the 8 stencil moves forward, then the same 8 backward."""
        if self._neighbours is None:
            m = len(STENCIL)
            table = -np.ones((self.n, 2 * m), dtype=np.int64)
            lengths = np.empty(2 * m)
            for j, (length, src, dst) in enumerate(self._moves()):
                table[src, j] = dst
                table[dst, m + j] = src
                lengths[j] = lengths[m + j] = length
            self._neighbours = (table, lengths)
        return self._neighbours

    @cached_property
    def room(self):
        """The free floor grown by ROOM_MM, prepared: where a line of sight or a drawn route may run
        (touching a wall or an obstacle is not crossing it).  Built once per plan; growing a floor
        with thousands of holes took 0.1 s each time a rule asked."""
        room = self.free_floor.buffer(ROOM_MM)
        shapely.prepare(room)
        return room

    # -- fields ----------------------------------------------------------------
    def seeds(self, targets) -> tuple[np.ndarray, np.ndarray]:
        """Free cells near each target and their exact distances to it.

        A target's seeds are the free cells within 1.5 cells of the nearest free cell
        to it (a wall-mounted alarm may stand a little off the free floor), searched
        in a window around the target that widens until it finds some.
        """
        if self.n == 0 or not targets:
            return np.array([], dtype=np.int64), np.array([])
        best: dict[int, float] = {}
        for target in targets:
            minx, miny, maxx, maxy = target.bounds
            margin = 2.0 * self.cell
            while True:
                window = np.nonzero(
                    (self.xy[:, 0] >= minx - margin)
                    & (self.xy[:, 0] <= maxx + margin)
                    & (self.xy[:, 1] >= miny - margin)
                    & (self.xy[:, 1] <= maxy + margin)
                )[0]
                if len(window):
                    d = to_geometries(self.xy[window], [target])
                    reach = float(d.min()) + 1.5 * self.cell
                    if reach <= margin or len(window) == self.n:
                        break
                elif len(window) == self.n:
                    break
                margin *= 2.0
            for k, dk in zip(window[d <= reach], d[d <= reach], strict=False):
                if dk < best.get(int(k), np.inf):
                    best[int(k)] = float(dk)
        keys = np.fromiter(best.keys(), dtype=np.int64, count=len(best))
        return keys, np.fromiter(best.values(), dtype=float, count=len(best))

    def field(self, targets) -> "Field":
        """Walking distance from every free cell to the nearest target geometry."""
        seeds, offsets = self.seeds(targets)
        if len(seeds) == 0:
            return Field(self, np.full(self.n, np.inf), np.full(self.n, -9999, dtype=np.int64), targets)
        table, lengths = self.neighbours
        dist = distances(table, lengths, seeds, offsets)
        # the way back is traced only for the fields whose paths are drawn (the exits')
        return Field(self, dist, lambda: predecessors(table, lengths, dist, seeds, offsets), targets)

    def cell_of(self, x: float, y: float) -> int:
        """The free cell holding (x, y), or the nearest free cell; -1 when there is none."""
        i = int((x - self.origin[0]) // self.cell)
        j = int((y - self.origin[1]) // self.cell)
        if 0 <= i < self.nx and 0 <= j < self.ny and self.index[j, i] >= 0:
            return int(self.index[j, i])
        if self.n == 0:
            return -1
        d = np.hypot(self.xy[:, 0] - x, self.xy[:, 1] - y)
        k = int(np.argmin(d))
        return k if d[k] <= 2 * self.cell else -1


class Field:
    """Distances on a grid to one set of targets, with the way back to them."""

    def __init__(self, grid: Grid, dist: np.ndarray, pred, targets):
        """``pred``: the predecessors (see walk), or a function that works them out when first asked."""
        self.grid = grid
        self.dist = dist
        self._pred = pred
        self.targets = targets

    @property
    def pred(self) -> np.ndarray:
        if callable(self._pred):
            self._pred = self._pred()
        return self._pred

    def at(self, x: float, y: float) -> float:
        k = self.grid.cell_of(x, y)
        if k < 0:
            return math.inf
        cx, cy = self.grid.xy[k]
        return float(self.dist[k] + math.hypot(x - cx, y - cy))

    def worst(self, mask: np.ndarray | None = None) -> tuple[float, tuple[float, float], int]:
        """The largest finite distance, its cell centre and index (cells that reach no target are
        left out: EVAC-REACH reports them)."""
        d = np.where(np.isfinite(self.dist), self.dist, -1.0)
        if mask is not None:
            d = np.where(mask, d, -1.0)
        if len(d) == 0:
            return 0.0, (0.0, 0.0), -1
        k = int(np.argmax(d))
        return float(d[k]), (float(self.grid.xy[k, 0]), float(self.grid.xy[k, 1])), k

    def path_from(self, k: int, start=None) -> list[tuple[float, float]]:
        """The walking path from cell k to the nearest target, straightened."""
        pts = [] if start is None else [tuple(start)]
        guard = 0
        while k >= 0 and k < self.grid.n and guard <= self.grid.n:
            pts.append((float(self.grid.xy[k, 0]), float(self.grid.xy[k, 1])))
            k = int(self.pred[k])
            guard += 1
        if self.targets and pts:
            last = shapely.Point(pts[-1])
            nearest = min(self.targets, key=lambda g: g.distance(last))
            end = shapely.ops.nearest_points(nearest, last)[0]
            pts.append((end.x, end.y))
        return straighten(pts, self.grid.free_floor, room=self.grid.room)


def walk(table: np.ndarray, lengths: np.ndarray, seeds: np.ndarray, offsets: np.ndarray):
    """Shortest walks on the graph ``table``/``lengths`` (Grid.neighbours) from a source joined to
    each seed cell by its offset: (distance, predecessor) per cell, the predecessor of a seed
    reached straight from the source being ``len(table)`` and of an unreachable cell -9999 (as
    scipy.sparse.csgraph.dijkstra gives them for the same graph with a super-source)."""
    dist = distances(table, lengths, seeds, offsets)
    return dist, predecessors(table, lengths, dist, seeds, offsets)


def distances(table: np.ndarray, lengths: np.ndarray, seeds: np.ndarray, offsets: np.ndarray) -> np.ndarray:
    """The distances of walk().

    Dijkstra settles cells in order of distance; here every cell closer than the nearest
    unsettled distance plus the shortest move is settled at once (no move can still shorten
    it) and its moves are relaxed together.
    """
    n = len(table)
    dist = np.full(n, np.inf)
    if n == 0 or len(seeds) == 0:
        return dist
    np.minimum.at(dist, seeds, _start(offsets))
    step = float(lengths.min())
    expanded = np.full(n, np.inf)  # the distance each cell's moves were relaxed from
    flat_lengths = np.broadcast_to(lengths, table.shape)
    while True:
        pending = np.nonzero(dist < expanded)[0]
        if len(pending) == 0:
            break
        d = dist[pending]
        settled = pending[d < d.min() + step]
        expanded[settled] = dist[settled]
        to = table[settled]
        ok = to >= 0
        np.minimum.at(dist, to[ok], (dist[settled][:, None] + flat_lengths[: len(settled)])[ok])
    return dist


def predecessors(table: np.ndarray, lengths: np.ndarray, dist: np.ndarray, seeds: np.ndarray, offsets) -> np.ndarray:
    """The predecessors of walk(): the neighbour each final distance came from (Dijkstra keeps the
    first cell that reached it, the nearest one); a seed no neighbour beats keeps the source."""
    n = len(table)
    pred = np.full(n, -9999, dtype=np.int64)
    if n == 0 or len(seeds) == 0:
        return pred
    reached = np.isfinite(dist)
    near = np.append(dist, np.inf)[table]  # a missing move (-1) reads the appended inf
    via = near + lengths
    best = via.min(axis=1)
    k = np.argmin(np.where(via == best[:, None], near, np.inf), axis=1)
    pred[reached] = table[reached, k[reached]]
    from_source = np.zeros(n, bool)
    from_source[seeds] = _start(offsets) <= best[seeds]
    pred[from_source & reached] = n
    return pred


def _start(offsets: np.ndarray) -> np.ndarray:
    """The seeds' distances from the source: scipy drops edges of weight 0, so the super-source's
    edges had at least 1e-9."""
    return np.maximum(offsets, 1e-9)


def straighten(points, free_floor, tolerance: float = ROOM_MM, room=None):
    """String-pulling: drop every point that a line of sight can skip (``room``: the free floor
    grown by the tolerance, when the caller has it)."""
    if len(points) <= 2:
        return list(points)
    if room is None:
        room = free_floor.buffer(tolerance)
    shapely.prepare(room)
    out = [points[0]]
    i = 0
    n = len(points)
    while i < n - 1:
        # the farthest point still in sight, searched by halving
        lo, hi = i + 1, n - 1
        if shapely.covers(room, shapely.LineString([points[i], points[hi]])):
            lo = hi
        else:
            while hi - lo > 1:
                mid = (lo + hi) // 2
                if shapely.covers(room, shapely.LineString([points[i], points[mid]])):
                    lo = mid
                else:
                    hi = mid
        out.append(points[lo])
        i = lo
    return out


def path_length(points) -> float:
    return sum(math.dist(a, b) for a, b in zip(points, points[1:], strict=False))


# -- array helpers --------------------------------------------------------------


def _shift(a: np.ndarray, dx: int, dy: int, fill=0) -> np.ndarray:
    """b[j, i] = a[j + dy, i + dx], ``fill`` outside the array."""
    out = np.full_like(a, fill)
    ny, nx = a.shape
    xs = slice(max(0, -dx), min(nx, nx - dx))
    ys = slice(max(0, -dy), min(ny, ny - dy))
    xd = slice(max(0, dx), min(nx, nx + dx))
    yd = slice(max(0, dy), min(ny, ny + dy))
    out[ys, xs] = a[yd, xd]
    return out


def _shifted_and(free, dx, dy):
    return free & _shift(free, dx, dy)


def _passed(dx: int, dy: int):
    """Cells a move passes over besides its ends."""
    if abs(dx) == 1 and abs(dy) == 1:
        return [(dx, 0), (0, dy)]
    if abs(dx) == 2:
        sx = 1 if dx > 0 else -1
        return [(sx, 0), (sx, dy)]
    if abs(dy) == 2:
        sy = 1 if dy > 0 else -1
        return [(0, sy), (dx, sy)]
    return []
