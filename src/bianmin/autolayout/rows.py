"""Where the counter row goes (issue 24): the wall facing the entrance, or the longest usable wall
in sight of it, with the row centred on the entrance's axis; a second row (an L row on the next
wall) when one wall is too short.

Each candidate wall gets a :class:`Frame` whose +v points out through the wall and whose +u runs
to the right as seen from the waiting area, so that a counter at (u, -1650) with the frame's
rotation has its back on the wall, the staff's 1.2 m way behind it, and faces the room.  The
frame's origin is the point of the wall nearest the entrance's axis: the row is centred on u = 0.
Arrangements are ranked by design intent: every window on the wall first, then the walking
distance from the entrance; :func:`arrangements` yields them best first so that the layout can
try the next one when its check leaves an error (api.py).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from shapely.geometry import LineString, Point

from bianmin.autolayout.site import Frame, Site, local_box

STAFF_WAY = 1250.0  # the staff's passage behind the counters (1.2 m) and a margin
HALF_DEPTH = 400.0  # half a counter's depth
ROW_V = -(STAFF_WAY + HALF_DEPTH)  # the counters' centres in a row frame
MIN_WALL = 3000.0  # a wall shorter than this holds no row (a counter and its ends)
MAX_WALLS = 24


@dataclass
class Row:
    """One counter row: its wall's frame, the wall in words and the places (u, v) it holds."""

    frame: Frame
    side_zh: str
    side_en: str
    places: list = field(default_factory=list)
    in_sight: bool = True
    faces: bool = True  # the wall faces the entrance (the row looks straight at those coming in)

    def extent(self) -> tuple[float, float]:
        us = [u for u, _ in self.places]
        return (min(us) - 800.0, max(us) + 800.0) if us else (0.0, 0.0)

    def footprint(self, depth: float = 4000.0):
        """The window zone this row needs: the row's length and 0.6 m either end, ``depth`` deep."""
        u0, u1 = self.extent()
        return self.frame.to_plan_geom(local_box(u0 - 600.0, -depth, u1 + 600.0, 1.0))


@dataclass
class Arrangement:
    """The counter rows of one arrangement and how it is described to the user."""

    rows: list[Row]
    walk: float  # mean straight distance entrance → windows (mm)

    @property
    def count(self) -> int:
        return sum(len(r.places) for r in self.rows)

    def words(self) -> tuple[str, str]:
        zh, en, seen = [], [], set()
        for r in self.rows:  # a second wall on the same side of the hall is "another"
            other = r.side_zh in seen
            seen.add(r.side_zh)
            zh.append(f"沿{'另一段' if other else ''}{r.side_zh}墙 {len(r.places)} 个")
            en.append(f"{len(r.places)} along {'another' if other else 'the'} {r.side_en} wall")
        return f"柜台{'、'.join(zh)}", f"counters {', '.join(en)}"


def _side(dx: float, dy: float) -> tuple[str, str]:
    if abs(dx) >= abs(dy):
        return ("东", "east") if dx > 0 else ("西", "west")
    return ("北", "north") if dy > 0 else ("南", "south")


def walls(site: Site) -> list[tuple[Frame, str, str, tuple[float, float]]]:
    """Every wall that may take a row: its frame, its side of the hall in words, and the wall's
    extent along the frame's u (a row stands on the wall, not past its end into open floor)."""
    hall = site.hall.simplify(50.0)
    entrance = site.entrance
    ex, ey = site.origin
    nx, ny = site.normal  # into the hall from the entrance
    axis = LineString([(ex, ey), (ex + nx * 1e6, ey + ny * 1e6)])
    out = []
    coords = list(hall.exterior.coords)
    for (x1, y1), (x2, y2) in zip(coords, coords[1:], strict=False):
        length = math.dist((x1, y1), (x2, y2))
        if length < MIN_WALL:
            continue
        seg = LineString([(x1, y1), (x2, y2)])
        tx, ty = (x2 - x1) / length, (y2 - y1) / length
        mx, my = (x1 + x2) / 2, (y1 + y2) / 2
        ox, oy = ty, -tx  # one normal; make it point out of the hall
        if hall.contains(Point(mx + ox * 50, my + oy * 50)):
            ox, oy = -ox, -oy
        if entrance is not None and seg.distance(entrance.line) < 500.0:
            continue  # the entrance's own wall: counters there turn their backs to those coming in
        if ox * -nx + oy * -ny > 0.5:
            continue  # a wall on the entrance's side of the hall
        # the row is centred where the entrance's axis meets the wall, else at the wall's point nearest it
        meet = axis.intersection(seg)
        if not meet.is_empty and meet.geom_type == "Point":
            px, py = meet.x, meet.y
        else:
            t = max(0.0, min(length, (ex - x1) * tx + (ey - y1) * ty))
            px, py = x1 + tx * t, y1 + ty * t
        angle = math.degrees(math.atan2(-ox, oy))  # local +v onto the outward normal
        frame = Frame((px, py), angle)
        ua, ub = frame.to_local_geom(seg).bounds[0::2]
        out.append((frame, *_side(ox, oy), (ua, ub), length))
    out.sort(key=lambda w: -w[4])
    return [w[:4] for w in out[:MAX_WALLS]]


def place_row(site: Site, frame: Frame, wanted: int, span: tuple[float, float], taken=None) -> list:
    """The places of up to ``wanted`` counters along the frame's wall (within ``span`` of u),
    centred on u = 0."""
    from bianmin.autolayout.counters import _centred, _row

    local_hall = frame.to_local_geom(site.hall)
    u0, u1 = span
    best: list = []
    for dv in (0.0, -400.0, -800.0):  # a little off the wall to clear a pilaster or a riser
        area = local_hall.intersection(local_box(u0, ROW_V + dv - 2400.0, u1, 1.0))
        if taken is not None and not taken.is_empty:
            area = area.difference(frame.to_local_geom(taken))
        if area.is_empty:
            continue
        row = _centred(_row(site, area, ROW_V + dv, u0, u1, 10_000, frame=frame), wanted)
        if len(row) > len(best):
            best = row
        if len(best) >= wanted:
            break
    return best


def in_sight(site: Site, frame: Frame, places: list) -> bool:
    """Whether the entrance sees the middle of the row (the line inside the hall, past no column)."""
    if not places or site.entrance is None:
        return True
    us = [u for u, _ in places]
    mid = frame.to_plan((min(us) + max(us)) / 2, ROW_V - 1200.0)
    ex, ey = site.origin
    nx, ny = site.normal
    sight = LineString([(ex + nx * 300, ey + ny * 300), mid])
    if not site.hall.buffer(1.0).contains(sight):
        return False
    return site.obstacles.is_empty or not sight.intersects(site.obstacles)


def arrangements(site: Site, wanted: int, limit: int = 3) -> list[Arrangement]:
    """Up to ``limit`` counter arrangements, best first (see :func:`_rank`)."""
    if wanted <= 0:
        return []
    candidates = walls(site)
    singles = []
    for frame, zh, en, span in candidates:
        places = place_row(site, frame, wanted, span)
        if places:
            singles.append(Row(frame, zh, en, places, in_sight(site, frame, places), _faces(site, frame)))
    options = [Arrangement([r], _walk(site, [r])) for r in singles]
    # a wall too short: the best row and a second one on another wall, clear of the first's zone
    for first in sorted(singles, key=lambda r: _rank(Arrangement([r], 0.0)))[:3]:
        if len(first.places) >= wanted:
            continue
        taken = first.footprint(4500.0)
        for frame, zh, en, span in candidates:
            if frame == first.frame:
                continue
            places = place_row(site, frame, wanted - len(first.places), span, taken=taken)
            if places:
                second = Row(frame, zh, en, places, in_sight(site, frame, places), _faces(site, frame))
                if not second.footprint().intersects(first.footprint()):
                    options.append(Arrangement([first, second], _walk(site, [first, second])))
    options.sort(key=lambda a: _rank(a, wanted))
    return options[:limit]


def _rank(a: Arrangement, wanted: int = 10_000):
    """Every window placed; the row in sight of the entrance; one row; on the wall facing the
    entrance; nearest it."""
    sight = all(r.in_sight for r in a.rows)
    return (-min(a.count, wanted), not sight, len(a.rows), not a.rows[0].faces, round(a.walk / 1000.0))


def _faces(site: Site, frame: Frame) -> bool:
    """Whether the frame's wall faces the entrance: its outward normal within 30° of the
    direction one walks in through the entrance."""
    a = math.radians(frame.angle)
    ox, oy = -math.sin(a), math.cos(a)  # local +v in the plan
    nx, ny = site.normal
    return ox * nx + oy * ny > math.cos(math.radians(30.0))


def _walk(site: Site, rows: list[Row]) -> float:
    ex, ey = site.origin
    d = [math.dist((ex, ey), r.frame.to_plan(u, v)) for r in rows for u, v in r.places]
    return sum(d) / len(d) if d else math.inf
