"""Counters (XA 四(二), CAP-WINDOWS): as many window positions as the queue model asks, in one
row along the back of the window zone facing the entrance; the accessible window nearest the
entrance, numbered, each with its window sign and every device."""

from __future__ import annotations

import math

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


def demand(site: Site) -> tuple[int, float]:
    """(windows needed, offered load) from the plan's visits, or the profile's default visits."""
    props = site.plan.properties
    visits = props.peak_daily_visits
    if not visits:
        visits = DEFAULT_VISITS.get(props.kind, 120)
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


def run(site: Site) -> None:
    plan = site.plan
    have = sum(int(c.attr_number("SEATS") or 1) for c in plan.counters)
    need, _ = demand(site)
    missing = need - have
    area = zone_area(site, "window")
    if missing <= 0 or area is None:
        _signs_for(site)
        return
    local_area = site.to_local_geom(area)
    u0, v0, u1, v1 = local_area.bounds
    best: list = []
    v = v1 - 1250.0 - 400.0  # the staff's way behind (1.2 m passage), half the counter's depth
    while v - 400.0 - 1200.0 >= v0 - 1.0 and len(best) < missing:
        # every place the row could take at this depth, then the run of them centred on the entrance's
        # axis (u = 0): packed from the zone's left end, a 40 m hall had its counters 21 m from the door
        row = _centred(_row(site, local_area, v, u0, u1, 10_000), missing)
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
        site.add(site.make("BM_COUNTER", x, y, site.angle, no=no, type=kind, height=750, seats=1, devices=ALL_DEVICES))
    _keep_accessible_way(site)
    if best and not plan.zones_of("office"):
        _back_office(site, best)
    if len(best) < missing:
        site.note(
            "CAP-WINDOWS",
            f"窗口办理区只放得下 {have + len(best)} 个窗口，排队模型需 {need} 个；"
            "需加长窗口办理区（沿后墙）或设第二排柜台",
            f"the window zone holds {have + len(best)} windows; the queue model needs {need}: "
            "lengthen the window zone along the back wall",
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


def _row(site: Site, local_area, v: float, u0: float, u1: float, wanted: int) -> list:
    row = []
    u = u0 + 800.0 + 1250.0
    while u + 800.0 <= u1 and len(row) < wanted:
        x, y = site.to_plan(u, v)
        obj = site.make("BM_COUNTER", x, y, site.angle)
        staff = site.to_plan_geom(local_box(u - 800, v + 400, u + 800, v + 1600))
        if (
            site.fits(obj, site.to_plan_geom(local_area))
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


def _back_office(site: Site, row: list) -> None:
    """The back office behind the counters (XA 三(四)3): the strip from the counters' backs to the
    wall, cut out of the window zone the layout drew (a zone the user drew is left alone)."""

    from bianmin.geometry.model import Zone

    from bianmin.autolayout.site import clean, largest_part
    from bianmin.autolayout.zones import _outline

    new_windows = [
        z for z in site.plan.zones if z.kind == "window" and z.id not in site.plan.loaded and z in site.new_zones
    ]
    if len(new_windows) != 1:
        return
    zone = new_windows[0]
    back = max(v for _, v in row) + 400.0
    us = [u for u, _ in row]
    _, _, _, vmax = site.local_bounds
    strip = site.to_plan_geom(local_box(min(us) - 800.0, back, max(us) + 800.0, vmax + 1.0))
    office = largest_part(clean(zone.polygon.intersection(strip)))
    if office.is_empty or office.area < 4e6:
        return
    rest = largest_part(clean(zone.polygon.difference(office)))
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
