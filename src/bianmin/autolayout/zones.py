"""Zones by the seed's logic (XA 三(四)): 咨询导引区 beside the main entrance, 自助服务区 on its
other side, 窗口办理区 along the wall farthest from the entrance, 服务等候区 between them.

Worked out in the entrance frame (site.py) on the hall's own outline, so L-shaped and
irregular halls, columns and cores are clipped out of each zone; only kinds the plan lacks
are drawn.
"""

from __future__ import annotations

from shapely.geometry import Polygon
from shapely.ops import unary_union

from bianmin.geometry.model import Zone

from bianmin.autolayout.site import Site, clean, largest_part, local_box

WINDOW_DEPTH = 4000.0
SEAT_AREA = 2.2e6  # floor a waiting seat takes in benches of five with their aisles and the ends lost (mm²)
FORM_DESK_AREA = 3e6  # staff 800 + counter 800 + the public's 1.2 m in front + margin


def _outline(poly) -> list:
    """The zone's outline as the DXF keeps it (0.1 mm): a valid ring even where rounding a
    reflex corner of an L-shaped hall would make it touch itself."""
    for tolerance in (0.0, 5.0, 50.0):
        shape = largest_part(clean(poly.simplify(tolerance))) if tolerance else poly
        coords = [(round(x, 1), round(y, 1)) for x, y in list(shape.exterior.coords)[:-1]]
        if len(coords) >= 3 and Polygon(coords).is_valid:
            break
    return [(x, y, 0.0) for x, y in coords]


def plan_zones(site: Site) -> dict:
    """The local-frame polygons of the five zones (whether or not they are drawn)."""
    hall = site.local_hall
    u0, _, u1, vmax = site.local_bounds
    depth = max(vmax, 1.0)
    win_depth = min(WINDOW_DEPTH, depth * 0.45)
    front = max(1500.0, min(4000.0, (depth - win_depth) * 0.45))
    half = site.entrance.width / 2 if site.entrance is not None else 0.0
    gap = half + 300.0
    right, left = u1 - gap, -gap - u0  # room on each side of the entrance
    side = 1.0 if right >= left else -1.0
    width_c = min(6000.0, max(2500.0, (right if side > 0 else left) * 0.6))
    width_s = min(6500.0, max(2500.0, (left if side > 0 else right) * 0.8))
    zones = {
        "window": local_box(u0, vmax - win_depth, u1, vmax + 1),
        "consult": local_box(side * gap, -1, side * (gap + width_c), front),
        "self": local_box(-side * gap, -1, -side * (gap + width_s), front),
        "wait": local_box(u0, front + 200.0, u1, vmax - win_depth - 200.0),
    }
    if site.arrangement is not None:
        return _around_rows(site, zones)
    out = {}
    for kind, shape in zones.items():
        part = largest_part(clean(hall.intersection(shape)))
        if kind == "wait" and part.area < 4e6:  # a shallow hall: wait beside the entrance instead
            alt = local_box(u0, -1, u1, vmax - win_depth - 200.0).difference(
                unary_union([zones["consult"], zones["self"]]).buffer(200)
            )
            part = largest_part(clean(hall.intersection(alt)))
        out[kind] = part
    return out


def _around_rows(site: Site, strips: dict) -> dict:
    """Zones sized to their contents around the chosen counter rows (rows.py): the window zone as
    long as each row, the waiting zone in front of it as deep as its seat rows need, the consult
    and self-service zones beside the entrance; the rest of the floor is left free as passage."""
    from bianmin.autolayout import seats
    from bianmin.autolayout.counters import demand, seats_needed

    hall = site.hall
    windows = unary_union([clean(hall.intersection(r.footprint(WINDOW_DEPTH))) for r in site.arrangement.rows])
    _, a = demand(site, quiet=True)
    need = seats_needed(site.arrangement.count, a) if site.plan.properties.peak_daily_visits else 8
    entry = unary_union([strips["consult"], strips["self"]])
    entry = clean(hall.intersection(site.to_plan_geom(entry))).difference(windows.buffer(200.0))
    u0, _, u1, _ = site.local_bounds
    band = site.to_plan_geom(local_box(u0, -1.0, u1, strips["consult"].bounds[3] + 200.0))
    keep_off = unary_union([windows.buffer(200.0), entry.buffer(200.0), band, site.obstacles])
    waits = []
    for row in site.arrangement.rows:
        r0, r1 = row.extent()
        mid = (r0 + r1) / 2
        width = max(r1 - r0 + 1200.0, 6000.0)
        per_row = max(1, int((width - 2 * seats.AISLE) // (5 * seats.SEAT + seats.AISLE)) * 5)
        depth = max(3000.0, -(-need // per_row) * seats.ROW_PITCH + 800.0)
        top = -WINDOW_DEPTH - 200.0
        box = row.frame.to_plan_geom(local_box(mid - width / 2, top - depth, mid + width / 2, top))
        wanted = need * SEAT_AREA + FORM_DESK_AREA
        if clean(hall.intersection(box)).difference(keep_off).area < wanted:
            # too little floor in front of the row (a shallow wing): the floor in front of the wall
            # nearest the row, grown until it holds the seats
            # (or, when that is not enough, any floor beside it: the other wing of an L)
            ahead = clean(hall.intersection(row.frame.to_plan_geom(local_box(-1e6, -1e6, 1e6, 0.0))))
            box = _grown(ahead.difference(keep_off), row.footprint(WINDOW_DEPTH), wanted)
            if box.area < wanted:
                box = _grown(hall.difference(keep_off), row.footprint(WINDOW_DEPTH), wanted)
        waits.append(box)
    wait = clean(hall.intersection(unary_union(waits)))
    # nor in the entrance's band (the consult and self-service zones and the way in between them)
    wait = wait.difference(keep_off)
    out = {
        "window": site.to_local_geom(windows),
        "consult": largest_part(clean(site.to_local_geom(entry).intersection(strips["consult"]))),
        "self": largest_part(clean(site.to_local_geom(entry).intersection(strips["self"]))),
        "wait": largest_part(clean(site.to_local_geom(wait))),
    }
    return out


def _grown(floor, zone, wanted: float):
    """The part of ``floor`` within a growing reach of ``zone`` until it holds ``wanted`` (mm²),
    opened by a bench's reach: a strip narrower than a bench and its aisle holds no seat."""
    part = Polygon()
    for reach in range(3000, 20000, 1000):
        box = floor.intersection(zone.buffer(reach, join_style="mitre"))
        part = largest_part(clean(box.buffer(-1000.0, join_style="mitre").buffer(1000.0, join_style="mitre")))
        if part.area >= wanted:
            break
    return part


def run(site: Site) -> None:
    if site.entrance is None:
        site.note(
            "ZONE-CONSULT-ENTRANCE",
            "图中没有主入口（BM-DOOR-MAIN），分区按大厅南侧为入口布置；请绘制主入口",
            "the plan has no main entrance (BM-DOOR-MAIN); zones assume the south side; draw the entrance",
        )
    have = {z.kind for z in site.plan.zones}
    taken = site.to_local_geom(unary_union([z.polygon for z in site.plan.zones])) if site.plan.zones else None
    needed = (
        ("consult", "wait", "window", "self")
        if site.plan.properties.kind == "street-center"
        else ("wait", "window", "self")
    )
    for kind, shape in plan_zones(site).items():
        if kind in have or kind not in needed:
            continue
        parts = (
            [g for g in getattr(shape, "geoms", [shape]) if g.geom_type == "Polygon"] if kind == "window" else [shape]
        )
        for local in parts or [shape]:
            _draw(site, kind, local, taken)


def _draw(site: Site, kind: str, local, taken) -> None:
    if taken is not None:  # never over a zone the user drew
        local = largest_part(clean(local.difference(taken.buffer(100))))
    if local.is_empty or local.area < 1e6:
        site.note(
            "ZONE-REQUIRED",
            f"大厅中没有足够的地方设{_ZH[kind]}；需扩大大厅或减少其它分区",
            f"no room for the {kind} zone; enlarge the hall",
        )
        return
    poly = site.to_plan_geom(local.simplify(1.0))
    site.plan.zones.append(Zone(outline=_outline(poly), kind=kind))
    site.new_zones.append(site.plan.zones[-1])


_ZH = {
    "consult": "咨询导引区",
    "wait": "服务等候区",
    "window": "窗口办理区",
    "self": "自助服务区",
    "office": "后台办公区",
}


def zone_area(site: Site, kind: str):
    zones = [z.polygon for z in site.plan.zones_of(kind)]
    return unary_union(zones) if zones else None
