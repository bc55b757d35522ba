"""Waiting seats (CAP-SEATS, XA 三(四)2): benches of up to five in rows across the waiting zone,
facing the windows, rows 1.5 m apart and a 1.2 m aisle between benches; a form-filling desk."""

from __future__ import annotations

from bianmin.autolayout.counters import demand, seats_needed
from bianmin.autolayout.site import Site
from bianmin.autolayout.zones import zone_area

ROW_PITCH = 1800.0  # a bench 0.6 m deep and the 1.1 m passage (EVAC-PASSAGE) to the next row, and a margin
AISLE = 1300.0
SEAT = 600.0


def run(site: Site) -> None:
    area = zone_area(site, "wait")
    if area is None:
        return
    windows = sum(int(c.attr_number("SEATS") or 1) for c in site.plan.counters)
    _, a = demand(site) if site.plan.properties.peak_daily_visits else (0, 0.0)
    need = seats_needed(windows, a) if a else 8
    have = sum(o.count() for o in site.plan.objects_of("BM_SEAT"))
    # rows facing the counters: in the first counter row's frame (its wall at +v) when the layout
    # chose the rows, else in the entrance frame (the window zone at the back)
    frame = _facing_row(site, area) if site.arrangement is not None and site.arrangement.rows else site
    _form_desk(site, area, frame)
    local = frame.to_local_geom(area)
    u0, v0, u1, v1 = local.bounds
    if frame is site:
        v = v1 - site.mm.counter_front  # leave the public's space in front of the counters (CNTR-FRONT-CLEAR)
    else:  # the window zone already holds that space: the first row just inside the waiting zone
        v = v1 - SEAT / 2 - 200.0
    placed = 0
    pitch = max(ROW_PITCH, SEAT + site.mm.passage + 100.0)  # the way between two rows is a passage too
    # a bench keeps a passage from every other floor object (no pocket beside the form desk)
    others = [o.footprint for o in site.plan.objects if not o.mounted and o.block != "BM_SEAT"]
    while v - SEAT / 2 >= v0 and have + placed < need:
        u = u0 + AISLE
        while u + SEAT <= u1 - AISLE and have + placed < need:
            for k in (5, 4, 3, 2):
                length = k * SEAT
                x, y = frame.to_plan(u + length / 2, v)
                obj = site.make("BM_SEAT", x, y, frame.angle + 180.0, sx=k, count=k)
                if (
                    site.fits(obj, area)
                    and area.buffer(1).contains(obj.footprint)
                    and not any(obj.footprint.buffer(site.mm.passage).intersects(t) for t in others)
                ):
                    site.add(obj)
                    placed += k
                    u += length + AISLE
                    break
            else:
                u += 200.0
        v -= pitch
    if have + placed < need:
        site.note(
            "CAP-SEATS",
            f"服务等候区只放得下 {have + placed} 个座位，需 {need} 个；需扩大服务等候区",
            f"the waiting zone holds {have + placed} seats; {need} needed: enlarge the waiting zone",
        )


def _form_desk(site: Site, area, frame) -> None:
    """The form-filling desk first (XA 三(四)2): against a wall in the zone if one is there, else at
    the zone's left end, so the benches keep the middle facing the counters."""
    if any(area.buffer(50).contains(o.footprint.centroid) for o in site.plan.objects_of("BM_FORM_DESK")):
        return
    u0, v0, u1, v1 = frame.to_local_geom(area).bounds
    end = frame.to_plan(u0 + 1000.0, (v0 + v1) / 2)
    walls = site.nearest(site.wall_spots("BM_FORM_DESK"), end)
    inner = site.nearest(site.zone_grid_spots(area, "BM_FORM_DESK", rotation=frame.angle + 180.0), end)
    if site.try_place("BM_FORM_DESK", walls, within=area) is None and (
        site.try_place("BM_FORM_DESK", inner, within=area) is None
    ):
        site.note(
            "ZONE-WAIT-SEATS", "服务等候区内放不下自助填单台", "no room for a form-filling desk in the waiting zone"
        )


def _facing_row(site: Site, area):
    """The frame the benches stand in: the first counter row's (benches facing its wall) when the
    waiting zone lies in front of the row; turned a quarter when it lies beside the row (an L-shaped
    hall's wing), so the benches still face the windows."""
    from bianmin.autolayout.rows import ROW_V
    from bianmin.autolayout.site import Frame

    row = site.arrangement.rows[0]
    c = row.frame.to_local_geom(area).centroid
    u0, u1 = row.extent()
    du, dv = (u0 + u1) / 2 - c.x, ROW_V - c.y
    if abs(du) <= abs(dv) or u0 - 600.0 <= c.x <= u1 + 600.0:
        return row.frame
    return Frame(row.frame.origin, row.frame.angle + (-90.0 if du > 0 else 90.0))
