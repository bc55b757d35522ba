"""The per-plan analysis that evacuation, fire and access rules share, computed once.

* the free floor (docs/rules.md): the hall minus obstacles, counters and every object
  that stands on the floor (signs, cameras, lights and alarms hang on walls);
* straight-line distance to the nearest exit, exact at the grid's cell centres and
  at every corner of the free floor;
* walking distances to the nearest exit, extinguisher and alarm, with the paths,
  from one grid (bianmin.geometry.grid, whose docstring states its error);
* the parts of the free floor and the exits each part touches;
* passages narrower than a width, by shrinking the free floor (exact, shapely);
* what the cameras see.

Nothing here depends on the rules; the rules read from here.
"""

from __future__ import annotations

import math
from functools import cached_property

import numpy as np
import shapely
from shapely.geometry import LineString, Point, Polygon
from shapely.ops import unary_union

from bianmin.geometry.ahead import WORTH_A_THREAD, Ahead
from bianmin.geometry.distance import farthest, to_geometries
from bianmin.geometry.grid import Field, Grid, auto_cell, path_length
from bianmin.geometry.model import Opening, Plan, as_geometry
from bianmin.geometry.shapes import inward_normal

REACH_TOLERANCE_MM = 10.0


def blockers(plan: Plan) -> list:
    """What takes floor (docs/rules.md "free floor"): obstacles and every object that stands on the
    floor; signs, cameras, lights and alarms hang on walls and ceilings and do not."""
    return [*plan.obstacles, *(o for o in plan.objects if not o.mounted)]


def blocking_geometries(plan: Plan) -> list:
    return [as_geometry(e) for e in blockers(plan)]


def free_floor_of(plan: Plan, blocking=None, blocked=None):
    """The hall minus what takes floor (``blocking``: blocking_geometries(plan), ``blocked``: their
    union, blocked_union(blocking), when the caller has them)."""
    if plan.hall is None:
        return Polygon()
    if blocked is None:
        blocked = blocked_union(blocking_geometries(plan) if blocking is None else blocking)
    hall = plan.hall.polygon
    if blocked.is_empty:
        return hall
    return shapely.difference(hall, blocked)


def blocked_union(blocking):
    """The floor taken by the blockers, as one geometry (empty when there are none)."""
    if len(blocking) == 0:
        return Polygon()
    return _union(blocking)


def _union(geometries):
    """The union of many blockers, most of them apart from each other (seats, columns): GEOS's
    disjoint-subset union joins only the groups that touch, four times as fast as union_all on
    the 3,000 blockers of the large benchmark plan, and the same set (shapely 2.1, GEOS 3.12)."""
    if shapely.geos_version >= (3, 12, 0) and hasattr(shapely, "disjoint_subset_union_all"):
        return shapely.disjoint_subset_union_all(geometries)
    return unary_union(geometries)


def _shadow(obstacle: Polygon, eye: Point, reach: float) -> Polygon:
    """What ``obstacle`` hides from ``eye`` within ``reach``: the hull of the obstacle and of its
    corners pushed out radially past the reach.  Exact for convex obstacles, and for others the
    hidden area of their convex hull; an obstacle the eye stands in (a camera on a column) hides
    nothing, since the camera looks out from its face."""
    hull = obstacle.convex_hull
    if hull.contains(eye) or hull.is_empty:
        return Polygon()
    xy = np.asarray(hull.exterior.coords)[:, :2] if hull.geom_type == "Polygon" else shapely.get_coordinates(hull)
    v = xy - (eye.x, eye.y)
    d = np.hypot(v[:, 0], v[:, 1])
    d[d == 0] = 1.0
    far = (eye.x, eye.y) + v * ((reach * 1.05 + 1.0) / d)[:, None]
    return shapely.convex_hull(shapely.multipoints(np.vstack([xy, far])))


def start_passable(ahead: Ahead, hall, blocking, width: float) -> None:
    """Begin Analysis.passable(width) ahead (geometry/ahead.py), for a rule that will ask for it.

    Growing and joining thousands of blockers is GEOS work: on a second core it runs while
    the free floor is made and the other rules run, and the rule that asks gets the same
    parts. Below WORTH_A_THREAD blockers it is left to passable()."""
    if hall is not None and len(blocking) >= WORTH_A_THREAD:
        ahead.ahead(("passable", width), passable_parts, hall, blocking, width / 2.0)


def passable_parts(hall, blocking, half: float) -> list:
    """The parts of the free floor where a disc of radius ``half`` fits.

    Computed as the hall shrunk by ``half`` minus every blocker grown by it, which is the
    same set (points at least ``half`` from the walls and from every blocker) and much
    cheaper than shrinking a floor with thousands of holes. Reads its arguments only: it
    may run ahead, beside the rules (geometry/ahead.py)."""
    core = hall.buffer(-half, quad_segs=4)
    if len(blocking):
        grown = shapely.union_all(shapely.buffer(blocking, half, quad_segs=4))
        core = shapely.difference(core, grown)
    return parts_of(core)


def parts_of(geometry) -> list:
    if geometry.is_empty:
        return []
    return [g for g in getattr(geometry, "geoms", [geometry]) if g.area > 0]


class Analysis:
    def __init__(self, plan: Plan, free_floor=None, cell: float | None = None, blocking=None, blocked=None, ahead=None):
        self.plan = plan
        self._blocking = None if blocking is None else np.asarray(blocking, dtype=object)
        self._blocked = blocked
        if free_floor is None:
            free_floor = free_floor_of(plan, blocked=self.blocked) if plan.hall is not None else Polygon()
        self.free_floor = free_floor
        self.hall = plan.hall.polygon if plan.hall else Polygon()
        self._cell = cell
        self._passable: dict[float, list] = {}
        self.ahead = ahead if ahead is not None else Ahead()  # work begun ahead (start_passable)

    @property
    def blocking(self) -> np.ndarray:
        """What takes floor, as geometries (blocking_geometries), gathered once."""
        if self._blocking is None:
            self._blocking = np.array(blocking_geometries(self.plan), dtype=object)
        return self._blocking

    @property
    def blocked(self):
        """The floor the blockers take, as one geometry (blocked_union), joined once."""
        if self._blocked is None:
            self._blocked = blocked_union(self.blocking)
        return self._blocked

    @cached_property
    def _blocked_parts(self) -> tuple[np.ndarray, shapely.STRtree]:
        parts = np.array(parts_of(self.blocked), dtype=object)
        return parts, shapely.STRtree(parts)

    def floor_area_within(self, geometries) -> np.ndarray:
        """The area of the free floor inside each of ``geometries`` (mm²).

        Computed as area(g ∩ hall) less area(g ∩ hall ∩ B) for each part B of the blocked
        floor that g meets (a tree finds them; the parts do not overlap, so the sum is the
        same set): on the large benchmark plan 0.05 s for 267 parts, against 0.14 s for
        intersecting each g with a floor of 3,000 holes."""
        g = np.array(geometries, dtype=object)
        out = ~shapely.covered_by(g, self.hall)  # most lie inside: cut only those that do not
        g[out] = shapely.intersection(g[out], self.hall)
        area = shapely.area(g)
        parts, tree = self._blocked_parts
        if len(parts) and len(g):
            i, j = tree.query(g, predicate="intersects")
            np.subtract.at(area, i, shapely.area(shapely.intersection(g[i], parts[j])))
        return np.maximum(area, 0.0)

    # -- exits ------------------------------------------------------------------
    @cached_property
    def exits(self) -> list[Opening]:
        return self.plan.exits

    @cached_property
    def exit_lines(self) -> list[LineString]:
        return [o.line for o in self.exits]

    def inward_normal(self, opening: Opening) -> tuple[float, float]:
        """Unit normal of an opening pointing into the hall (probed a quarter of its width away,
        so an opening drawn a little off the wall still finds the inside)."""
        return inward_normal(self.hall, opening.start, opening.end, probe=0.25 * opening.width or 10.0)

    def clear_area(self, opening: Opening, depth: float) -> Polygon:
        """The rectangle as wide as the opening and ``depth`` deep inside the hall in front of it."""
        nx, ny = self.inward_normal(opening)
        (x1, y1), (x2, y2) = opening.start, opening.end
        return Polygon([(x1, y1), (x2, y2), (x2 + nx * depth, y2 + ny * depth), (x1 + nx * depth, y1 + ny * depth)])

    # -- grid and fields -----------------------------------------------------------
    @property
    def cell(self) -> float:
        if self._cell is None:
            self._cell = auto_cell(self.free_floor.area)
        return self._cell

    @cached_property
    def grid(self) -> Grid:
        return Grid(self.free_floor, self.cell)

    @property
    def room(self):
        """The free floor grown by a millimetre, prepared (Grid.room): built once for every rule."""
        return self.grid.room

    @cached_property
    def exit_field(self) -> Field:
        return self.grid.field(self.exit_lines)

    @cached_property
    def extinguisher_field(self) -> Field:
        return self.grid.field([o.footprint for o in self.plan.objects_of("BM_EXTINGUISHER")])

    @cached_property
    def alarm_field(self) -> Field:
        return self.grid.field([o.footprint for o in self.plan.objects_of("BM_ALARM")])

    @cached_property
    def sample_points(self) -> np.ndarray:
        """Where the floor is measured: the grid's cell centres and the hall's own corners.

        The farthest point from the exits (or the lights) lies at a corner of the hall or
        inside the floor; inside, every point is within cell·√2/2 of a cell centre, so the
        straight-line maxima are exact at the corners and within that bound elsewhere.
        """
        rings = [r for part in parts_of(self.hall) for r in (part.exterior, *part.interiors)]
        pts = self.grid.xy
        if rings:
            corners = np.vstack([np.asarray(r.coords)[:-1, :2] for r in rings])
            floor = self.free_floor
            shapely.prepare(floor)  # prepared: one indexed query per corner, not a scan of the floor
            near = shapely.dwithin(floor, shapely.points(corners), 1.0)
            if near.any():
                pts = np.vstack([pts, corners[near]])
        return pts

    def straight_to(self, targets, points: np.ndarray | None = None) -> np.ndarray:
        pts = self.sample_points if points is None else points
        return to_geometries(pts, targets)

    def farthest_from(self, targets) -> tuple[float, tuple[float, float]] | None:
        """The sample point farthest in a straight line from its nearest target, and how far
        (the largest of ``straight_to(targets)``, found without measuring every point); None
        when the floor has no sample points."""
        pts = self.sample_points
        d, k = farthest(pts, targets)
        if k < 0:
            return None
        return d, (float(pts[k, 0]), float(pts[k, 1]))

    @cached_property
    def straight_exit(self) -> tuple[float, tuple[float, float]]:
        """The largest straight-line distance from the free floor to its nearest exit, and where."""
        d = self.straight_to(self.exit_lines)
        if len(d) == 0:
            return 0.0, (0.0, 0.0)
        k = int(np.argmax(d))
        return float(d[k]), (float(self.sample_points[k, 0]), float(self.sample_points[k, 1]))

    # -- regions and passages ---------------------------------------------------------
    @cached_property
    def parts(self) -> list[tuple[Polygon, list[Opening]]]:
        """Each part of the free floor with the exits it touches."""
        out = []
        for part in parts_of(self.free_floor):
            touching = [o for o in self.exits if part.distance(o.line) <= REACH_TOLERANCE_MM]
            out.append((part, touching))
        return out

    def passable(self, width: float) -> list:
        """Where a person ``width`` wide can stand: the free floor shrunk by half the width, in parts
        (see passable_parts; begun ahead by start_passable, or computed here)."""
        if width not in self._passable:
            key = ("passable", width)
            self._passable[width] = self.ahead.take(key, passable_parts, self.hall, self.blocking, width / 2.0)
        return self._passable[width]

    def narrow_cut_off(self, width: float, min_area: float = 0.0) -> list[Polygon]:
        """Parts of the floor, wide enough to walk in, reached from no exit through passages of ``width``.

        The free floor is shrunk by half the width; what remains is where a person of
        that width can stand. Each remaining part must come within half the width
        (plus 50 mm) of an exit, or it is cut off.
        """
        half = width / 2.0
        out = []
        for part in self.passable(width):
            if part.area < min_area:
                continue
            if not any(part.distance(line) <= half + 50.0 for line in self.exit_lines):
                out.append(part)
        return out

    def same_passage(self, a, b, width: float) -> bool:
        """Whether a and b are joined by floor at least ``width`` wide."""
        half = width / 2.0
        for part in self.passable(width):
            if part.distance(a) <= half + 50.0 and part.distance(b) <= half + 50.0:
                return True
        return False

    # -- evacuation paths ---------------------------------------------------------------
    def evacuation_paths(self, min_area_m2: float = 0.5) -> list[dict]:
        """For each part of the free floor that reaches an exit: the walk from its farthest point.

        Each item has ``points`` (a polyline in mm that could be saved as a BM-ROUTE),
        ``length`` (mm) and ``start``.
        """
        field = self.exit_field
        grid = self.grid
        paths = []
        for part, exits in self.parts:
            if not exits or part.area < min_area_m2 * 1e6:
                continue
            inside = shapely.contains_xy(part, grid.xy[:, 0], grid.xy[:, 1]) if grid.n else np.array([], bool)
            d = np.where(inside & np.isfinite(field.dist), field.dist, -1.0)
            if len(d) == 0 or d.max() < 0:
                continue
            k = int(np.argmax(d))
            pts = field.path_from(k)
            paths.append({"points": pts, "length": path_length(pts), "start": pts[0]})
        return paths

    def passages_by_exit(self) -> list:
        """For each exit, the walking path from the farthest point of the floor whose nearest exit it is.

        The shared exit field already knows, for every cell, the way back to its nearest exit: following the
        predecessors to their root (pointer jumping, in numpy) gives the seed cell each walk ends at, and the
        exit nearest that seed is the cell's exit. No field of its own per exit (that doubled the rule's time)."""
        exits = self.plan.exits
        field = self.exit_field
        n = self.grid.n
        if len(exits) < 2 or n == 0:
            return []  # one exit: the farthest point's walk is already its passage
        pred = np.asarray(field.pred)
        reach = np.isfinite(field.dist)
        root = np.where((pred >= 0) & (pred < n), pred, np.arange(n))
        for _ in range(64):  # log2 of the longest walk in cells
            nxt = root[root]
            if np.array_equal(nxt, root):
                break
            root = nxt
        seeds = np.unique(root[reach])
        points = shapely.points(self.grid.xy[seeds])
        nearest = np.argmin(np.vstack([shapely.distance(points, o.line) for o in exits]), axis=0)
        by_seed = np.full(n, -1)
        by_seed[seeds] = nearest
        label = np.where(reach, by_seed[root], -1)
        out = []
        for i, opening in enumerate(exits):
            mine = label == i
            if not mine.any():
                continue
            k = int(np.argmax(np.where(mine, field.dist, -1.0)))
            out.append((opening, field.path_from(k)))
        return out

    # -- cameras -------------------------------------------------------------------------
    def camera_sector(self, camera) -> Polygon:
        fov = camera.number_or_default("FOV")
        reach = camera.number_or_default("RANGE")
        fx, fy = camera.front_direction
        heading = math.atan2(fy, fx)
        half = math.radians(max(1.0, min(fov, 360.0)) / 2)
        cx, cy = camera.footprint.centroid.x, camera.footprint.centroid.y
        if fov >= 359.0:
            return Point(cx, cy).buffer(reach)
        steps = max(8, int(math.degrees(2 * half) / 5))
        arc = [
            (
                cx + reach * math.cos(heading - half + 2 * half * i / steps),
                cy + reach * math.sin(heading - half + 2 * half * i / steps),
            )
            for i in range(steps + 1)
        ]
        return Polygon([(cx, cy), *arc])

    @cached_property
    def camera_coverage(self) -> float | None:
        """Share of the free floor's cells that some camera sees (obstacles block the view)."""
        cameras = self.plan.objects_of("BM_CAMERA")
        grid = self.grid
        if not cameras or grid.n == 0:
            return None if not cameras else 0.0
        walls = np.array([o.polygon for o in self.plan.obstacles], dtype=object)
        tree = shapely.STRtree(walls) if len(walls) else None
        seen = np.zeros(grid.n, bool)
        for cam in cameras:
            sector = self.camera_sector(cam)
            visible = sector
            if tree is not None:
                near = walls[tree.query(sector, predicate="intersects")]
                shadows = [_shadow(w, cam.footprint.centroid, cam.number_or_default("RANGE")) for w in near]
                if shadows:
                    visible = sector.difference(shapely.union_all(shadows))
            shapely.prepare(visible)
            seen |= shapely.contains_xy(visible, grid.xy[:, 0], grid.xy[:, 1])
        return float(seen.mean())

    # -- figures -------------------------------------------------------------------------
    def metrics(self) -> dict:
        out: dict[str, float | None] = {}
        straight, _ = self.straight_exit
        if self.exits:
            out["max_travel_m"] = round(straight / 1000, 1)
            walk, _, _ = self.exit_field.worst()
            out["max_walk_travel_m"] = round(walk / 1000, 1) if math.isfinite(walk) else None
        if self.plan.objects_of("BM_EXTINGUISHER"):
            d, _, _ = self.extinguisher_field.worst()
            out["max_extinguisher_walk_m"] = round(d / 1000, 1) if math.isfinite(d) else None
        if self.plan.objects_of("BM_ALARM"):
            d, _, _ = self.alarm_field.worst()
            out["max_alarm_walk_m"] = round(d / 1000, 1) if math.isfinite(d) else None
        coverage = self.camera_coverage
        if coverage is not None:
            out["camera_coverage"] = round(coverage, 3)
        return out
