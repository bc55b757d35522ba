"""The working state of one layout run: the plan being completed, its frame and what is taken.

The frame puts the main entrance at the origin with the hall behind it along +v (the local
"depth"), so that zones can be reasoned about as "near the entrance" or "at the back" whatever
the hall's rotation.  Every placement goes through :meth:`Site.try_place`, which keeps floor
objects inside the free floor, apart from each other and out of the clear areas in front of
exits, counters and fire equipment.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import shapely
from shapely import affinity
from shapely.geometry import Point, Polygon, box
from shapely.ops import unary_union

from bianmin.geometry import catalog
from bianmin.geometry.model import PlacedObject, Plan
from bianmin.geometry.shapes import inward_normal

from bianmin.autolayout.params import Distances

GAP_MM = 150.0  # floor objects against a wall stand at least this far apart
WALL_TOUCH_MM = 100.0
CORNER_TIGHT_MM = 150.0  # an object's end this near a corner counts as in it
MAX_COLUMNS = 200  # candidate spots on at most this many obstacles' faces (a drawing may have thousands)


@dataclass
class Note:
    """What the layout could not do: the rule, and what would fix it (Chinese, English)."""

    rule: str
    zh: str
    en: str


def facing(dx: float, dy: float) -> float:
    """The INSERT rotation (degrees) that turns an object's front (local -Y) along (dx, dy)."""
    return math.degrees(math.atan2(dx, -dy))


@dataclass(frozen=True)
class Frame:
    """A local frame: ``origin`` in the plan, ``angle`` (degrees) rotating local +v onto the
    frame's depth direction: the entrance frame of :class:`Site`, and each counter wall's (rows.py)."""

    origin: tuple[float, float]
    angle: float

    def to_plan(self, u: float, v: float) -> tuple[float, float]:
        a = math.radians(self.angle)
        return (self.origin[0] + u * math.cos(a) - v * math.sin(a), self.origin[1] + u * math.sin(a) + v * math.cos(a))

    def to_local_geom(self, geom):
        g = affinity.translate(geom, -self.origin[0], -self.origin[1])
        return affinity.rotate(g, -self.angle, origin=(0, 0))

    def to_plan_geom(self, geom):
        g = affinity.rotate(geom, self.angle, origin=(0, 0))
        return affinity.translate(g, self.origin[0], self.origin[1])


class Site:
    def __init__(self, plan: Plan, config=None):
        self.plan = plan
        self.mm = Distances(config)  # the rules' distances in the active configuration
        self.hall: Polygon = plan.hall.polygon
        self.notes: list[Note] = []
        self.added: list[PlacedObject] = []
        self.new_zones: list = []  # zones the layout drew (it may reshape these, never the user's)
        self.arrangement = None  # the counter rows chosen before the zones are drawn (rows.py)
        self.choice = 0  # which of the ranked arrangements this run takes (api.py tries the next)
        entrance = plan.main_entrance or (plan.exits[0] if plan.exits else None)
        if entrance is not None:
            self.origin = entrance.midpoint
            nx, ny = inward_normal(self.hall, entrance.start, entrance.end, probe=0.25 * entrance.width or 10.0)
        else:
            c = self.hall.centroid
            minx, miny, _, _ = self.hall.bounds
            self.origin, (nx, ny) = (c.x, miny), (0.0, 1.0)
        self.entrance = entrance
        self.normal = (nx, ny)
        self.angle = math.degrees(math.atan2(-nx, ny))  # rotates local +v onto the normal
        self.frame = Frame(self.origin, self.angle)
        self.local_hall = self.to_local_geom(self.hall)
        self.obstacles = unary_union([o.polygon for o in plan.obstacles]) if plan.obstacles else Polygon()
        self.obstacles_gap = self.obstacles.buffer(GAP_MM)
        shapely.prepare(self.obstacles_gap)
        shapely.prepare(self.obstacles)
        self.reserved: list[Polygon] = []
        for o in plan.exits:
            self.reserved.append(self._clear(o, self.mm.exit_clear))
        for o in plan.openings_of("door"):
            self.reserved.append(self._clear(o, self.mm.exit_clear))
        for obj in plan.objects:
            self._reserve_for(obj)
        for route in plan.routes:  # a drawn route stays walkable
            self.reserved.append(route.line.buffer(400.0))
        self.walls = (
            self.hall.boundary if self.obstacles.is_empty else self.hall.boundary.union(self.obstacles.boundary)
        )
        self.floor_taken: list = [o.footprint for o in plan.objects if not o.mounted]
        self.counter_fps: list = [o.footprint for o in plan.counters]
        self.free_standing: list = [fp for fp in self.floor_taken if fp.distance(self.walls) > WALL_TOUCH_MM]

    # -- frame ---------------------------------------------------------------
    def to_plan(self, u: float, v: float) -> tuple[float, float]:
        return self.frame.to_plan(u, v)

    def to_local_geom(self, geom):
        return self.frame.to_local_geom(geom)

    def to_plan_geom(self, geom):
        return self.frame.to_plan_geom(geom)

    @property
    def local_bounds(self) -> tuple[float, float, float, float]:
        return self.local_hall.bounds

    # -- reservations ------------------------------------------------------------
    def normal_of(self, opening) -> tuple[float, float]:
        return inward_normal(self.hall, opening.start, opening.end, probe=0.25 * opening.width or 10.0)

    def _clear(self, opening, depth: float) -> Polygon:
        nx, ny = inward_normal(self.hall, opening.start, opening.end, probe=0.25 * opening.width or 10.0)
        (x1, y1), (x2, y2) = opening.start, opening.end
        tx, ty = (x2 - x1) / (opening.width or 1), (y2 - y1) / (opening.width or 1)
        x1, y1, x2, y2 = x1 - tx * 300, y1 - ty * 300, x2 + tx * 300, y2 + ty * 300
        return Polygon([(x1, y1), (x2, y2), (x2 + nx * depth, y2 + ny * depth), (x1 + nx * depth, y1 + ny * depth)])

    def _reserve_for(self, obj: PlacedObject) -> None:
        if obj.is_counter:
            self.reserved.append(obj.strip_in_front(self.mm.counter_front))
            fx, fy = obj.front_direction  # and the staff's way behind it
            self.reserved.append(
                affinity.translate(
                    obj.strip_in_front(self.mm.counter_front + obj.depth),
                    -fx * (self.mm.counter_front + obj.depth),
                    -fy * (self.mm.counter_front + obj.depth),
                )
            )
        elif obj.block in ("BM_EXTINGUISHER", "BM_HYDRANT"):
            self.reserved.append(obj.strip_in_front(self.mm.fire_front))

    # -- placing -------------------------------------------------------------------
    def make(self, block: str, x: float, y: float, rotation: float = 0.0, sx: float = 1.0, **attribs) -> PlacedObject:
        values = catalog.default_attributes(block)
        values.update({k.upper(): str(v) for k, v in attribs.items()})
        return PlacedObject.place(block, x, y, rotation % 360.0, sx, 1.0, values)

    def fits(self, obj: PlacedObject, within=None, extra: tuple = ()) -> bool:
        """Whether ``obj`` may stand there: in the hall (and ``within``), and for a floor object
        off the obstacles, the other floor objects and every reserved clear area."""
        fp = obj.footprint
        if not self.hall.buffer(1.0).contains(fp):
            return False
        if within is not None and not within.buffer(1.0).contains(fp.centroid):
            return False
        if obj.mounted:
            return True
        if not self.obstacles.is_empty and fp.intersects(self.obstacles_gap):
            return False
        grown = fp.buffer(GAP_MM)
        if any(grown.intersects(t) for t in self.floor_taken):
            return False
        if obj.block != "BM_SEAT":
            wide = fp.buffer(self.mm.passage)
            free = obj.is_counter or fp.distance(self.walls) > WALL_TOUCH_MM
            others = (
                self.floor_taken if not obj.is_counter else [t for t in self.floor_taken if t not in self.counter_fps]
            )
            if free and (wide.intersects(self.walls) or any(wide.intersects(t) for t in others)):
                return False
            if not free and any(wide.intersects(t) for t in self.free_standing):
                return False
        if any(fp.intersects(r) for r in self.reserved):
            return False
        if obj.is_counter or obj.block in ("BM_EXTINGUISHER", "BM_HYDRANT"):
            front = obj.strip_in_front(self.mm.counter_front if obj.is_counter else self.mm.fire_front)
            if not self.hall.buffer(1.0).contains(front) or any(front.intersects(t) for t in self.floor_taken):
                return False
            if not self.obstacles.is_empty and front.intersects(self.obstacles):
                return False
        return not any(e.intersects(fp) for e in extra)

    def add(self, obj: PlacedObject) -> PlacedObject:
        self.plan.objects.append(obj)
        self.added.append(obj)
        if not obj.mounted:
            self.floor_taken.append(obj.footprint)
            if obj.is_counter:
                self.counter_fps.append(obj.footprint)
            if obj.block != "BM_SEAT" and (obj.is_counter or obj.footprint.distance(self.walls) > WALL_TOUCH_MM):
                self.free_standing.append(obj.footprint)
        self._reserve_for(obj)
        return obj

    def try_place(self, block: str, spots, within=None, **attribs) -> PlacedObject | None:
        """Place ``block`` at the first of ``spots`` ((x, y, rotation) or (x, y, rotation, sx))
        where it fits."""
        for spot in spots:
            x, y, rot = spot[:3]
            sx = spot[3] if len(spot) > 3 else 1.0
            obj = self.make(block, x, y, rot, sx, **attribs)
            if self.fits(obj, within):
                return self.add(obj)
        return None

    # -- candidate spots --------------------------------------------------------------
    DOOR_MARGIN_MM = 300.0

    def wall_spots(self, block: str, step: float = 300.0, columns: bool = True, inset: float = 20.0):
        """Spots with the block's back against the hall's walls (and the obstacles' faces),
        its front facing the room: (x, y, rotation, distance along) for every ``step``."""
        length, depth = catalog.BLOCKS[block].size
        floor = catalog.BLOCKS[block].group not in ("sign",) and not catalog.BLOCKS[block].mounted
        # no wall spot on or beside a doorway: a sign there hung in the opening, over the 主入口 label
        # (issue 25 item 6); the door's own frame needs DOOR_MARGIN clear on each side
        doorways = [o.line for o in self.plan.openings]
        keep_off = length / 2 + self.DOOR_MARGIN_MM
        hall = self.hall.simplify(50.0) if len(self.hall.exterior.coords) > 200 else self.hall
        rings = [hall.exterior, *hall.interiors]
        if columns:
            for o in self.plan.obstacles[:MAX_COLUMNS]:
                rings.append(o.polygon.exterior)
        out = []
        for ring in rings:
            coords = list(ring.coords)
            for (x1, y1), (x2, y2) in zip(coords, coords[1:], strict=False):
                seg = math.dist((x1, y1), (x2, y2))
                if seg < 1.0:
                    continue
                tx, ty = (x2 - x1) / seg, (y2 - y1) / seg
                mx, my = (x1 + x2) / 2, (y1 + y2) / 2
                for nx, ny in ((-ty, tx), (ty, -tx)):
                    probe = Point(mx + nx * 50, my + ny * 50)
                    if self.hall.contains(probe) and (self.obstacles.is_empty or not self.obstacles.contains(probe)):
                        break
                else:
                    continue
                if seg < step / 2:
                    continue
                n_steps = max(1, int(seg // step))
                for i in range(n_steps):
                    t = (i + 0.5) * seg / n_steps
                    px, py = x1 + tx * t, y1 + ty * t
                    if doorways and min(Point(px, py).distance(d) for d in doorways) < keep_off:
                        continue
                    # nothing left standing a hand's breadth from a corner: the gap between its end and the
                    # next wall is either none or a passage (two items meeting at a corner cut off a pocket)
                    gaps = (t - length / 2, seg - t - length / 2)
                    if floor and any(CORNER_TIGHT_MM < g < self.mm.passage for g in gaps):
                        continue
                    off = depth / 2 + inset
                    out.append((px + nx * off, py + ny * off, facing(nx, ny)))
        return out

    def nearest(self, spots, target: tuple[float, float]):
        return sorted(spots, key=lambda s: (round(math.dist(s[:2], target), 0), s[0], s[1]))

    def zone_grid_spots(self, zone, block: str, step: float = 400.0, rotation: float = 0.0):
        minx, miny, maxx, maxy = zone.bounds
        out = []
        y = miny + step / 2
        while y < maxy:
            x = minx + step / 2
            while x < maxx:
                if zone.contains(Point(x, y)):
                    out.append((x, y, rotation))
                x += step
            y += step
        return out

    def note(self, rule: str, zh: str, en: str) -> None:
        self.notes.append(Note(rule, zh, en))


def local_box(u0: float, v0: float, u1: float, v1: float) -> Polygon:
    return box(min(u0, u1), min(v0, v1), max(u0, u1), max(v0, v1))


def largest_part(geom):
    if geom.is_empty:
        return geom
    parts = [g for g in getattr(geom, "geoms", [geom]) if g.geom_type == "Polygon"]
    return max(parts, key=lambda g: g.area) if parts else Polygon()


def clean(geom):
    return shapely.make_valid(geom.buffer(0))
