"""Waiting seats (CAP-SEATS, XA 三(四)2): benches of up to five in rows across the waiting zone,
facing the windows, rows 1.5 m apart and a 1.2 m aisle between benches; a form-filling desk."""

from __future__ import annotations

from bianmin.autolayout.counters import demand, seats_needed
from bianmin.autolayout.site import Site
from bianmin.autolayout.zones import zone_area

ROW_PITCH = 1600.0
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
    local = site.to_local_geom(area)
    u0, v0, u1, v1 = local.bounds
    v = v1 - site.mm.counter_front  # leave the public's space in front of the counters (CNTR-FRONT-CLEAR)
    placed = 0
    while v - SEAT / 2 >= v0 and have + placed < need:
        u = u0 + AISLE
        while u + SEAT <= u1 - AISLE and have + placed < need:
            for k in (5, 4, 3, 2):
                length = k * SEAT
                x, y = site.to_plan(u + length / 2, v)
                obj = site.make("BM_SEAT", x, y, site.angle + 180.0, sx=k, count=k)
                if site.fits(obj, area) and site.to_plan_geom(local).buffer(1).contains(obj.footprint):
                    site.add(obj)
                    placed += k
                    u += length + AISLE
                    break
            else:
                u += 200.0
        v -= ROW_PITCH
    if have + placed < need:
        site.note(
            "CAP-SEATS",
            f"服务等候区只放得下 {have + placed} 个座位，需 {need} 个；需扩大服务等候区",
            f"the waiting zone holds {have + placed} seats; {need} needed: enlarge the waiting zone",
        )
    if not any(area.buffer(50).contains(o.footprint.centroid) for o in site.plan.objects_of("BM_FORM_DESK")):
        spots = site.wall_spots("BM_FORM_DESK") + site.zone_grid_spots(area, "BM_FORM_DESK", rotation=site.angle)
        c = area.centroid
        if site.try_place("BM_FORM_DESK", site.nearest(spots, (c.x, c.y)), within=area) is None:
            site.note(
                "ZONE-WAIT-SEATS", "服务等候区内放不下自助填单台", "no room for a form-filling desk in the waiting zone"
            )
