"""Fire and safety by covering (GB 50140, GB 50116, GB 51309, XA 八(二)), not by a pattern.

* an exit sign over every exit;
* extinguisher points: a greedy set cover of the free floor's grid cells by walking distance
  (the shared analysis's grid), candidates against the walls and the columns, rated so the
  total reaches Q = K·S/U and each unit the hazard's minimum;
* manual call points within 30 m walking, where the plan has (or the profile implies) an
  alarm system;
* emergency lights covering the floor within their radius (straight line);
* evacuation direction signs along the computed evacuation paths and the drawn routes at the
  spacing their mounting allows (ceiling-hung: well inside both the 10 m wall and 20 m limits);
* cameras from the hall's corners, turned to the entrance, until they see the coverage share.
Each cover reports its count against a lower bound (free floor ÷ the area one point covers).
"""

from __future__ import annotations

import math

import numpy as np
import shapely
import shapely.ops
from shapely.geometry import LineString, Point

from bianmin.geometry import catalog
from bianmin.geometry.analysis import Analysis
from bianmin.geometry.model import Route
from bianmin.standards.tables import HAZARD_DISTANCE, MIN_RATING, U_M2_PER_A, a_rating

from bianmin.autolayout.cover import greedy_cover, lower_bound, reach_masks
from bianmin.autolayout.site import Site, facing

MARGIN = 0.92  # cover to this share of each reach: the rules' grid and ours differ by a cell
RATING_STEPS = [int(r[:-1]) for r in catalog.RATINGS.keys()]


def _analysis(site: Site) -> Analysis:
    return Analysis(site.plan)


def exit_signs(site: Site, only_ids=None) -> None:
    signs = site.plan.objects_of("BM_EXIT_SIGN")
    for o in site.plan.exits:
        if only_ids and o.id not in only_ids:
            continue
        if any(s.footprint.distance(o.line) <= site.mm.exit_sign_near for s in signs):
            continue
        nx, ny = site.normal_of(o)
        x, y = o.midpoint
        signs.append(site.add(site.make("BM_EXIT_SIGN", x + nx * 100, y + ny * 100, facing(nx, ny))))


def exit_points(site: Site) -> None:
    """An extinguisher point and a manual call point beside every exit, placed before the furniture
    and the signs take the wall by the doors; the covers then fill the rest of the floor."""
    props = site.plan.properties
    hazard = props.fire_hazard if props.fire_hazard in HAZARD_DISTANCE else "medium"
    rating = f"{MIN_RATING.get(hazard, 2)}A"
    for obj in at_exits(site, "BM_EXTINGUISHER", site.plan.objects_of("BM_EXTINGUISHER"), count=2, rating=rating):
        if site.fits(obj):
            site.add(obj)
    if _needs_alarm(site):
        for obj in at_exits(site, "BM_ALARM", site.plan.objects_of("BM_ALARM"), inset=5.0):
            site.add(obj)


def extinguishers(site: Site, stats: dict) -> None:
    props = site.plan.properties
    hazard = props.fire_hazard if props.fire_hazard in HAZARD_DISTANCE else "medium"
    reach = site.mm.extinguisher_reach(hazard)
    an = _analysis(site)
    grid = an.grid
    existing = site.plan.objects_of("BM_EXTINGUISHER")
    already = an.extinguisher_field.dist <= reach * MARGIN if existing else np.zeros(grid.n, bool)
    already |= ~np.isfinite(an.exit_field.dist)  # cells no one can walk to: EVAC-REACH says so
    total_units = sum(e.count() for e in existing)
    rating = f"{MIN_RATING.get(hazard, 2)}A"
    # a point beside every exit first (GB 50140 5.1.1: where it is seen and taken on the way out)
    placed = [
        site.add(obj) for obj in at_exits(site, "BM_EXTINGUISHER", existing, count=2, rating=rating) if site.fits(obj)
    ]
    if placed:
        already |= np.any(reach_masks(grid, [p.footprint for p in placed], reach * MARGIN), axis=0)
    candidates, footprints = [], []
    for x, y, rot in site.wall_spots("BM_EXTINGUISHER", step=1200.0):
        obj = site.make("BM_EXTINGUISHER", x, y, rot)
        if site.fits(obj):
            candidates.append((x, y, rot))
            footprints.append(obj.footprint)
    covers = reach_masks(grid, footprints, reach * MARGIN)
    chosen = greedy_cover(covers, already, must=1 if total_units + 2 * len(placed) < 2 else 0)
    for i in chosen:
        x, y, rot = candidates[i]
        obj = site.make("BM_EXTINGUISHER", x, y, rot, count=2, rating=rating)
        if site.fits(obj):
            placed.append(site.add(obj))
    if grid.n and placed and not (already | np.any([covers[i] for i in chosen], axis=0)).all():
        site.note(
            "FIRE-EXT-REACH",
            "有的地面在任何靠墙设置点的保护距离之外；需在该处增设立柱或墙面设置点",
            "part of the floor is beyond reach from any wall spot: add a column or wall there",
        )
    # rating: Q = K·S/U over all points, each unit at least the hazard's minimum; the points this layout
    # placed by the exits (exit_points) are rated with the others, the drawing's own are left as drawn
    placed = [*(e for e in existing if e in site.added), *placed]
    existing = [e for e in existing if e not in site.added]
    k = site.mm.k_sprinklers if props.sprinklers else 1.0
    q = k * site.plan.hall_area_m2 / U_M2_PER_A.get(hazard, 75.0)
    have = sum(e.count() * a_rating(e.attr("RATING")) for e in existing)
    if placed and have + sum(2 * a_rating(p.attr("RATING")) for p in placed) < q:
        per_unit = (q - have) / (2 * len(placed))
        # never under the hazard's minimum per unit (GB 50140 6.2.1): a severe hall's fix once got 2A units
        floor = MIN_RATING.get(hazard, 2)
        rating = next((r for r in RATING_STEPS if r >= max(per_unit, floor)), RATING_STEPS[-1])
        count = 2 if 2 * rating * len(placed) >= q - have else min(5, math.ceil((q - have) / (rating * len(placed))))
        for p in placed:
            p.attribs.update({"RATING": f"{rating}A", "COUNT": str(count)})
    ours = sum(1 for o in site.added if o.block == "BM_EXTINGUISHER")  # by the exits (exit_points) too
    stats["extinguisher points"] = (ours, lower_bound(an.free_floor.area, reach))


def _needs_alarm(site: Site) -> bool:
    value = getattr(site.plan.properties, "fire_alarm_system", None)
    if value is None:
        return True  # the rules that do not know the property yet ask every plan
    return bool(value)


def alarms(site: Site, stats: dict) -> None:
    if not _needs_alarm(site):
        return
    an = _analysis(site)
    grid = an.grid
    existing = site.plan.objects_of("BM_ALARM")
    already = an.alarm_field.dist <= site.mm.alarm_walk * MARGIN if existing else np.zeros(grid.n, bool)
    already |= ~np.isfinite(an.exit_field.dist)
    # a call point beside every exit first (GB 50116 6.3.1: at the exits and along the ways out)
    placed = [site.add(obj) for obj in at_exits(site, "BM_ALARM", existing, inset=5.0)]
    if placed:
        already |= np.any(reach_masks(grid, [p.footprint for p in placed], site.mm.alarm_walk * MARGIN), axis=0)
    candidates = [site.make("BM_ALARM", x, y, rot) for x, y, rot in site.wall_spots("BM_ALARM", step=2000.0, inset=5.0)]
    covers = reach_masks(grid, [c.footprint for c in candidates], site.mm.alarm_walk * MARGIN)
    chosen = greedy_cover(covers, already, must=0 if existing or placed else 1)
    for i in chosen:
        site.add(candidates[i])
    # every call point this layout placed, those by the exits (exit_points) included
    ours = sum(1 for o in site.added if o.block == "BM_ALARM")
    stats["manual call points"] = (ours, lower_bound(an.free_floor.area, site.mm.alarm_walk))


EXIT_POINT_MM = 3000.0  # an exit's extinguisher or call point stands within this of the doorway
EXIT_SHARED_MM = 6000.0  # one point serves two exits this close together


def at_exits(site: Site, block: str, existing: list, inset: float = 20.0, **attribs) -> list:
    """One ``block`` on the wall beside each exit (the main entrance too) that has none within
    EXIT_POINT_MM; a point already beside a neighbouring exit serves both.  Nearest the doorway
    first, never in it (Site.wall_spots keeps off doorways, Site.fits their clear areas)."""
    out: list = []
    spots = site.wall_spots(block, step=250.0, inset=inset)
    for door in site.plan.exits:
        near = [o for o in [*existing, *out] if o.footprint.distance(door.line) <= EXIT_POINT_MM]
        shared = [o for o in out if o.footprint.distance(door.line) <= EXIT_SHARED_MM]
        if near or shared:
            continue
        for x, y, rot in sorted(spots, key=lambda s: (round(door.line.distance(Point(s[:2]))), s[0], s[1])):
            if door.line.distance(Point(x, y)) > EXIT_POINT_MM:
                break
            obj = site.make(block, x, y, rot, **attribs)
            if site.fits(obj) and not any(obj.footprint.distance(o.footprint) < 300.0 for o in site.plan.objects):
                out.append(obj)
                break
    return out


def lights(site: Site, stats: dict) -> None:
    an = _analysis(site)
    xy = an.grid.xy
    if not len(xy):
        return
    existing = site.plan.objects_of("BM_EMERGENCY_LIGHT")
    already = np.zeros(len(xy), bool)
    for e in existing:
        c = e.footprint.centroid
        already |= np.hypot(xy[:, 0] - c.x, xy[:, 1] - c.y) <= site.mm.light_radius * MARGIN
    minx, miny, maxx, maxy = site.hall.bounds
    candidates, covers = [], []
    step = 2000.0
    for y in np.arange(miny + step / 2, maxy, step):
        for x in np.arange(minx + step / 2, maxx, step):
            if not site.hall.buffer(-300).contains(Point(x, y)):
                continue
            candidates.append((float(x), float(y)))
            covers.append(np.hypot(xy[:, 0] - x, xy[:, 1] - y) <= site.mm.light_radius * MARGIN)
    chosen = [candidates[i] for i in greedy_cover(covers, already)]
    lattice = _lattice(site, xy, already, site.mm.light_radius * MARGIN)
    if lattice is not None and len(lattice) < len(chosen):
        chosen = lattice
    for x, y in chosen:
        site.add(site.make("BM_EMERGENCY_LIGHT", x, y, 0.0))
    stats["emergency lights"] = (len(chosen), lower_bound(an.free_floor.area, site.mm.light_radius))


def _lattice(site: Site, xy: np.ndarray, already: np.ndarray, radius: float):
    """Points on a square lattice whose discs tile the hall's box (spacing r·√2), each pulled into
    the hall; those that reach an uncovered cell.  None when they leave a cell uncovered."""
    minx, miny, maxx, maxy = site.hall.bounds
    s = radius * math.sqrt(2) * 0.98
    nx, ny = max(1, math.ceil((maxx - minx) / s)), max(1, math.ceil((maxy - miny) / s))
    dx, dy = (maxx - minx) / nx, (maxy - miny) / ny
    inner = site.hall.buffer(-300)
    covered = already.copy()
    out = []
    for j in range(ny):
        for i in range(nx):
            p = Point(minx + (i + 0.5) * dx, miny + (j + 0.5) * dy)
            if not inner.contains(p):
                p = shapely.ops.nearest_points(inner, p)[0] if not inner.is_empty else p
            mask = np.hypot(xy[:, 0] - p.x, xy[:, 1] - p.y) <= radius
            if (mask & ~covered).any():
                out.append((p.x, p.y))
                covered |= mask
    return out if covered.all() else None


def evac_signs(site: Site, stats: dict) -> None:
    an = _analysis(site)
    spacing = site.mm.evac_spacing
    # every passage the rule walks (FIRE-EVAC-SIGN): from the farthest point, to each exit from the farthest
    # point that leaves by it, each drawn route; and the way out of every zone, where people sit and queue
    paths = (
        [p["points"] for p in an.evacuation_paths()]
        + [pts for _, pts in an.passages_by_exit()]
        + _zone_walks(site, an)
        + [r.points for r in site.plan.routes]
    )
    added = 0
    inner = site.hall.buffer(-300.0)
    for pts in paths:
        if len(pts) < 2:
            continue
        line = LineString(pts)
        while True:
            signs = site.plan.objects_of("BM_EVAC_SIGN", "BM_EXIT_SIGN")
            marks = sorted(
                [0.0, line.length]
                + [line.project(s.footprint.centroid) for s in signs if line.distance(s.footprint.centroid) <= 2000.0]
            )
            gaps = [(b - a, a) for a, b in zip(marks, marks[1:], strict=False) if b - a > spacing]
            if not gaps:
                break
            gap, start = gaps[0]
            at = start + min(spacing, gap / 2 if gap < 2 * spacing else spacing)
            p = line.interpolate(at)
            q = line.interpolate(min(line.length, at + 500.0))
            if not inner.contains(p):  # a path along a wall: hang the sign inside the hall
                p = shapely.ops.nearest_points(inner, p)[0]
            site.add(site.make("BM_EVAC_SIGN", p.x, p.y, facing(q.x - p.x, q.y - p.y), mount="ceiling"))
            added += 1
            if added > 500:
                return
    added += _turn_signs(site)
    stats["evacuation signs"] = (added, 0)


TURN_DEG = 45.0  # FIRE-EVAC-SIGN's turn of a drawn route that wants a sign within a metre


def _turn_signs(site: Site) -> int:
    """A hung sign at each turn of a drawn route that has none within 1 m (GB 50016 10.3.5: 走道转角区)."""
    added = 0
    for r in site.plan.routes:
        pts = r.points
        for a, b, c in zip(pts, pts[1:], pts[2:], strict=False):
            ux, uy, vx, vy = b[0] - a[0], b[1] - a[1], c[0] - b[0], c[1] - b[1]
            nu, nv = math.hypot(ux, uy), math.hypot(vx, vy)
            if nu < 1.0 or nv < 1.0:
                continue
            turn = math.degrees(math.acos(max(-1.0, min(1.0, (ux * vx + uy * vy) / (nu * nv)))))
            corner = Point(b)
            signs = site.plan.objects_of("BM_EVAC_SIGN", "BM_EXIT_SIGN")
            if turn < TURN_DEG or any(s.footprint.distance(corner) <= 800.0 for s in signs):
                continue
            site.add(site.make("BM_EVAC_SIGN", b[0], b[1], facing(vx, vy), mount="ceiling"))
            added += 1
    return added


def _zone_walks(site: Site, an: Analysis) -> list:
    """For each zone, the walk from its farthest point to the nearest exit."""
    field = an.exit_field
    if not an.grid.n:
        return []
    xy = an.grid.xy
    out = []
    for zone in site.plan.zones:
        inside = shapely.contains_xy(zone.polygon, xy[:, 0], xy[:, 1]) & np.isfinite(field.dist)
        if inside.any():
            out.append(field.path_from(int(np.argmax(np.where(inside, field.dist, -1.0)))))
    return out


def routes(site: Site) -> None:
    """The computed evacuation paths drawn as BM-ROUTE when the plan has none (EVAC-ROUTE-PRESENT)."""
    if site.plan.routes:
        return
    an = _analysis(site)
    room = an.room  # the free floor as EVAC-ROUTE measures a drawn route against it
    for p in an.evacuation_paths():
        pts = [(round(x, 1), round(y, 1)) for x, y in p["points"]]
        # the shortest walk hugs corners; it is drawn when it stays on the free floor (as EVAC-ROUTE
        # measures it) — asking 50 mm of air round every corner left most laid-out halls with none
        if len(pts) >= 2 and LineString(pts).difference(room).length <= 0.5:
            site.plan.routes.append(Route(pts))


def cameras(site: Site, stats: dict) -> None:
    if site.plan.objects_of("BM_CAMERA"):
        return
    an = _analysis(site)
    hall = site.hall
    target = site.entrance.midpoint if site.entrance is not None else (hall.centroid.x, hall.centroid.y)
    corners = list(shapely.get_coordinates(hall.exterior))[:-1]
    grid = an.grid
    if not grid.n:
        return
    seen = np.zeros(grid.n, bool)
    options = []
    for cx, cy in corners:
        inward = np.array([hall.centroid.x - cx, hall.centroid.y - cy])
        inward /= np.linalg.norm(inward) or 1.0
        x, y = cx + inward[0] * 400, cy + inward[1] * 400
        if not hall.contains(Point(x, y)):
            continue
        far = max(math.dist((x, y), c) for c in corners)
        cam = site.make(
            "BM_CAMERA", x, y, facing(target[0] - x, target[1] - y), fov=90, range=min(60000, round(far + 1000, -2))
        )
        sector = an.camera_sector(cam)
        if not sector.buffer(1.0).contains(Point(target)):
            continue
        shapely.prepare(sector)
        options.append((cam, shapely.contains_xy(sector, grid.xy[:, 0], grid.xy[:, 1])))
    placed = 0
    while options and seen.mean() < site.mm.camera_share and placed < 4:
        best = max(range(len(options)), key=lambda i: ((options[i][1] & ~seen).sum(), -i))
        cam, mask = options.pop(best)
        site.add(cam)
        seen |= mask
        placed += 1
    if not placed:
        c = hall.representative_point()
        site.add(site.make("BM_CAMERA", c.x, c.y, facing(target[0] - c.x, target[1] - c.y), fov=360, range=30000))
        placed = 1
    stats["cameras"] = (placed, 1)
