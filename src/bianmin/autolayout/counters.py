"""Counters (XA 四(二), CAP-WINDOWS): as many window positions as the queue model asks, in one
row along the back of the window zone facing the entrance; the accessible window nearest the
entrance, numbered, each with its window sign and every device."""

from __future__ import annotations

import math

from shapely.geometry import Point

from bianmin.geometry import catalog
from bianmin.geometry.properties import open_minutes
from bianmin.standards.queueing import load, waiting_percentile, windows_needed

from bianmin.autolayout.site import Site, local_box
from bianmin.autolayout.zones import zone_area

PEAK_FACTOR = 1.5  # CAP-WINDOWS / CAP-SEATS defaults
TARGET_WAIT_MIN = 15.0
DEFAULT_VISITS = {"street-center": 120, "community-station": 30}
DEFAULT_HOURS = "08:30-12:00;14:00-17:30"
PITCH = 1800.0
ALL_DEVICES = ",".join(catalog.DEVICES.keys())


def demand(site: Site, quiet: bool = False) -> tuple[int, float]:
    """(windows needed, offered load) from the plan's visits, or the profile's default visits."""
    props = site.plan.properties
    visits = props.peak_daily_visits
    if not visits:
        visits = DEFAULT_VISITS.get(props.kind, 120)
        if not quiet:
            site.note(
                "CAP-WINDOWS",
                f"未填写高峰日办件量（BM_PEAK_DAILY_VISITS），窗口数按 {visits} 件/日估算",
                f"BM_PEAK_DAILY_VISITS is not set; windows sized for {visits} visits a day",
            )
    try:
        minutes = open_minutes(props.hours) or open_minutes(DEFAULT_HOURS)
    except ValueError:
        minutes = open_minutes(DEFAULT_HOURS)
    s = props.service_minutes or 10.0
    a = load(visits, PEAK_FACTOR, minutes, s)
    need = windows_needed(a, s, TARGET_WAIT_MIN)
    return max(need, 2 if props.kind == "street-center" else 1), a


def seats_needed(windows: int, a: float) -> int:
    q = waiting_percentile(max(windows, 1), a, 0.95)
    return 8 if math.isinf(q) else max(int(q), 4)


def missing(site: Site, quiet: bool = True) -> tuple[int, int, int]:
    """(windows the plan has, windows the queue model needs, how many to place)."""
    have = sum(int(c.attr_number("SEATS") or 1) for c in site.plan.counters)
    need, _ = demand(site, quiet=quiet)
    return have, need, need - have


# the accessible window's knee space as the drawing specifies it to the builder (GB 55019 3.6.2: at
# least 750 wide, 650 high, 450 deep); CNTR-HEIGHT warned of every laid-out plan that it was not stated
KNEE_SPACE = {"knee_w": 800, "knee_h": 700, "knee_d": 500}


def _fitting(kind: str) -> dict:
    """A new counter's attributes: 750 mm high, one seat, every device; knee space when accessible."""
    out = {"height": 750, "seats": 1, "devices": ALL_DEVICES}
    if kind == "accessible":
        out.update(KNEE_SPACE)
    return out


def choose_rows(site: Site) -> None:
    """Before the zones are drawn: the walls the counter rows go along (rows.py), the
    ``site.choice``-th best arrangement, when the plan has no window zone of its own."""
    from bianmin.autolayout import rows

    if site.plan.zones_of("window"):
        return
    _, _, wanted = missing(site)
    options = rows.arrangements(site, wanted, limit=site.choice + 1)
    site.arrangement = options[min(site.choice, len(options) - 1)] if options else None


def run(site: Site) -> None:
    plan = site.plan
    have, need, wanted = missing(site, quiet=False)
    area = zone_area(site, "window")
    if wanted <= 0 or area is None:
        _signs_for(site)
        return
    if site.arrangement is not None:
        _place_rows(site, site.arrangement, area, have, need)
        return
    missing_ = wanted
    local_area = site.to_local_geom(area)
    u0, v0, u1, v1 = local_area.bounds
    best: list = []
    v = v1 - 1250.0 - 400.0  # the staff's way behind (1.2 m passage), half the counter's depth
    while v - 400.0 - 1200.0 >= v0 - 1.0 and len(best) < missing_:
        # every place the row could take at this depth, then the run of them centred on the entrance's
        # axis (u = 0): packed from the zone's left end, a 40 m hall had its counters 21 m from the door
        row = _centred(_row(site, local_area, v, u0, u1, 10_000), missing_)
        if len(row) > len(best):
            best = row
        v -= 200.0
    has_accessible = any(c.attr("TYPE").lower() == "accessible" for c in plan.counters)
    # numbered 1…n left to right as seen from the waiting area (facing +v, +u is to the right): the
    # tryout saw windows numbered 5 4 2 1 3 when they were sorted by distance from the door
    best.sort(key=lambda xy: xy[0])
    nearest = min(range(len(best)), key=lambda i: (math.hypot(*best[i]), best[i][0])) if best else -1
    numbers = [int(c.attr("NO")) for c in plan.counters if c.attr("NO").isdigit()]
    no = max(numbers, default=0)
    for i, (u, vv) in enumerate(best):
        # the accessible window is the one nearest the entrance (GB 55019 3.6.1: reachable first)
        kind = "accessible" if i == nearest and not has_accessible else "general"
        no += 1
        x, y = site.to_plan(u, vv)
        site.add(site.make("BM_COUNTER", x, y, site.angle, no=no, type=kind, **_fitting(kind)))
    _keep_accessible_way(site)
    if best and not plan.zones_of("office"):
        _back_office(site, best)
    if len(best) < missing_:
        site.note(
            "CAP-WINDOWS",
            f"窗口办理区只放得下 {have + len(best)} 个窗口，排队模型需 {need} 个；"
            "需加长窗口办理区（沿后墙）或设第二排柜台",
            f"the window zone holds {have + len(best)} windows; the queue model needs {need}: "
            "lengthen the window zone along the back wall",
        )
    _signs_for(site)


def _place_rows(site: Site, arrangement, area, have: int, need: int) -> None:
    """The counters of the chosen rows: numbered 1…n row by row, left to right as seen from the
    waiting area; the accessible window the one nearest the entrance (GB 55019 3.6.1)."""
    plan = site.plan
    placed = []  # (row, u, v)
    for row in arrangement.rows:
        for u, v in sorted(row.places):
            x, y = row.frame.to_plan(u, v)
            obj = site.make("BM_COUNTER", x, y, row.frame.angle)
            if site.fits(obj, area):
                placed.append((row, x, y))
                site.floor_taken.append(obj.footprint.buffer(-1))
                site.counter_fps.append(site.floor_taken[-1])
    if placed:
        del site.floor_taken[len(site.floor_taken) - len(placed) :]
        del site.counter_fps[len(site.counter_fps) - len(placed) :]
    has_accessible = any(c.attr("TYPE").lower() == "accessible" for c in plan.counters)
    ex, ey = site.origin
    nearest = min(range(len(placed)), key=lambda i: math.dist((ex, ey), placed[i][1:])) if placed else -1
    numbers = [int(c.attr("NO")) for c in plan.counters if c.attr("NO").isdigit()]
    no = max(numbers, default=0)
    for i, (row, x, y) in enumerate(placed):
        kind = "accessible" if i == nearest and not has_accessible else "general"
        no += 1
        site.add(site.make("BM_COUNTER", x, y, row.frame.angle, no=no, type=kind, **_fitting(kind)))
    _keep_accessible_way(site)
    first = [(u, v) for u, v in arrangement.rows[0].places] if arrangement.rows else []
    if first and not plan.zones_of("office"):
        _back_office(site, first, frame=arrangement.rows[0].frame)
    if have + len(placed) < need:
        site.note(
            "CAP-WINDOWS",
            f"大厅沿墙只放得下 {have + len(placed)} 个窗口，排队模型需 {need} 个；需加长窗口办理区或另设一排柜台",
            f"the walls hold {have + len(placed)} windows; the queue model needs {need}: "
            "lengthen the window zone or add a row",
        )
    _signs_for(site)


def _centred(places: list, wanted: int) -> list:
    """``wanted`` consecutive places of a row whose middle is nearest the entrance's axis (u = 0)."""
    if len(places) <= wanted:
        return places
    start = min(
        range(len(places) - wanted + 1),
        key=lambda i: abs((places[i][0] + places[i + wanted - 1][0]) / 2),
    )
    return places[start : start + wanted]


def _row(site: Site, local_area, v: float, u0: float, u1: float, wanted: int, frame=None) -> list:
    """Places (u, v) for up to ``wanted`` counters along local u at depth v in ``frame`` (the
    entrance frame when None): each fits, with its staff's way behind it inside the hall."""
    frame = frame or site
    angle = frame.angle
    area = frame.to_plan_geom(local_area)
    row = []
    u = u0 + 800.0 + 1250.0
    while u + 800.0 <= u1 and len(row) < wanted:
        x, y = frame.to_plan(u, v)
        obj = site.make("BM_COUNTER", x, y, angle)
        staff = frame.to_plan_geom(local_box(u - 800, v + 400, u + 800, v + 1600))
        if (
            site.fits(obj, area)
            and site.hall.buffer(1).contains(staff)
            and (site.obstacles.is_empty or not staff.intersects(site.obstacles))
            and not any(staff.intersects(t) for t in site.floor_taken)
        ):
            row.append((u, v))
            site.floor_taken.append(obj.footprint.buffer(-1))  # hold the place while the row is built
            site.counter_fps.append(site.floor_taken[-1])
            u += PITCH
        else:
            u += 200.0
    if row:
        del site.floor_taken[len(site.floor_taken) - len(row) :]
        del site.counter_fps[len(site.counter_fps) - len(row) :]
    return row


def _signs_for(site: Site) -> None:
    """A window sign over every counter that has none within 1.5 m (CNTR-SIGN)."""
    signs = site.plan.objects_of("BM_SIGN_WINDOW")
    for c in site.plan.counters:
        if any(math.dist(s.position, c.position) <= 600.0 for s in signs):
            continue
        fx, fy = c.front_direction
        x, y = c.position
        s = site.make("BM_SIGN_WINDOW", x - fx * 200, y - fy * 200, c.rotation, no=c.attr("NO"))
        signs.append(site.add(s))


def _back_office(site: Site, row: list, frame=None) -> None:
    """The back office behind the counters (XA 三(四)3): the strip from the counters' backs to the
    wall, cut out of the window zone the layout drew (a zone the user drew is left alone)."""

    from bianmin.geometry.model import Zone

    from bianmin.autolayout.site import clean, largest_part
    from bianmin.autolayout.zones import _outline

    new_windows = [
        z for z in site.plan.zones if z.kind == "window" and z.id not in site.plan.loaded and z in site.new_zones
    ]
    if not new_windows or (frame is None and len(new_windows) != 1):
        return
    zone = min(new_windows, key=lambda z: z.polygon.distance(Point((frame or site).to_plan(*row[0]))))
    back = max(v for _, v in row) + 400.0
    us = [u for u, _ in row]
    if frame is not None:  # the zone is sized to the row: the office takes its whole back, both rectangles
        z0, zv0, z1, zv1 = frame.to_local_geom(zone.polygon).bounds
        office = largest_part(
            clean(zone.polygon.intersection(frame.to_plan_geom(local_box(z0 - 1, back, z1 + 1, zv1 + 1))))
        )
        rest = largest_part(
            clean(zone.polygon.intersection(frame.to_plan_geom(local_box(z0 - 1, zv0 - 1, z1 + 1, back))))
        )
    else:
        _, _, _, vmax = site.local_bounds
        strip = site.to_plan_geom(local_box(min(us) - 800.0, back, max(us) + 800.0, vmax + 1.0))
        office = largest_part(clean(zone.polygon.intersection(strip)))
        rest = largest_part(clean(zone.polygon.difference(office)))
    if office.is_empty or office.area < 4e6:
        return
    if rest.is_empty or not all(
        rest.buffer(50).contains(c.footprint.centroid)
        for c in site.plan.counters
        if zone.polygon.buffer(50).contains(c.footprint.centroid)
    ):
        return
    i = site.plan.zones.index(zone)
    site.plan.zones[i] = Zone(outline=_outline(rest.simplify(1.0)), kind="window", id=zone.id)
    site.new_zones[site.new_zones.index(zone)] = site.plan.zones[i]
    site.plan.zones.append(Zone(outline=_outline(office.simplify(1.0)), kind="office"))
    site.new_zones.append(site.plan.zones[-1])


def _keep_accessible_way(site: Site) -> None:
    """Keep a 1.8 m way from the main entrance to the accessible window free of furniture
    (ACC-ROUTE): the walking path on the floor as it is now, reserved 0.95 m either side."""
    from shapely.geometry import LineString

    from bianmin.geometry.analysis import Analysis

    entrance = site.plan.main_entrance
    windows = [c for c in site.plan.counters if c.attr("TYPE").lower() == "accessible"]
    if entrance is None or not windows:
        return
    an = Analysis(site.plan)
    if not an.grid.n:
        return
    front = windows[0].strip_in_front(600.0).centroid
    k = an.grid.cell_of(front.x, front.y)
    if k < 0:
        return
    path = an.grid.field([entrance.line]).path_from(k)
    if len(path) >= 2:
        site.reserved.append(LineString(path).buffer(950.0))
