"""HALL- rules: the hall's size, floor and what lies in it."""

import numpy as np
import shapely

from bianmin.standards.context import centre
from bianmin.standards.registry import ALL, STREET, hit, rule
from bianmin.standards.wording import exit_subject, metres, place, thing_name
from bianmin.standards.wording import m2, object_subject


@rule(
    "HALL-AREA",
    severity="error",
    profiles=STREET,
    source="XA 三(二)",
    title="大厅面积",
    title_en="Hall area",
    params={"min_area_m2": 200.0},
    when=lambda ctx: ctx.props.construction in ("new", "expanded"),
    when_text="BM_CONSTRUCTION 为 new 或 expanded / when new or expanded",
)
def hall_area(ctx, p):
    """新建、扩建的镇（街）便民服务中心面积不小于 200 m²。 Area of a new or expanded centre.

    Checks: the centre's area is at least ``min_area_m2`` when ``BM_CONSTRUCTION`` is
        ``new`` or ``expanded`` (an existing hall is not held to it). The centre is the hall and its back
        rooms: ``BM_CENTRE_AREA_M2`` when the plan states it (never less than the hall drawn), else the
        hall's area; the message says which it measured.
    Why: XA 三(二): 新建、扩建的镇(街)便民服务中心面积应不小于200平方米 — the centre, not its hall alone
        (rule set 2019.3; it measured the hall only).
    Parameters: ``min_area_m2`` (200).
    Passes: a 20 m × 12.5 m hall (250 m²); a new 180 m² hall whose centre is stated as 260 m².
    Fails: a new 15 m × 12 m hall (180 m²) with no centre area stated.
    """
    hall = ctx.plan.hall_area_m2
    stated = ctx.props.centre_area_m2
    if stated is not None and stated >= hall:
        area = stated
        said_zh = f"中心面积（BM_CENTRE_AREA_M2，大厅 {m2(hall)} 及后台用房）为 {m2(area)}"
        said_en = f"the centre's stated area (BM_CENTRE_AREA_M2: the hall's {m2(hall)} and back rooms) is {m2(area)}"
    else:
        area = hall
        said_zh = f"大厅面积 {m2(area)}（未填中心面积 BM_CENTRE_AREA_M2，按大厅计）"
        said_en = f"the hall is {m2(area)} (no centre area BM_CENTRE_AREA_M2 stated)"
    if area < p.min_area_m2:
        yield hit(
            f"{said_zh}，新建、扩建的中心应不小于 {m2(p.min_area_m2)}；请扩大中心或另选场地",
            f"{said_en}; a new or expanded centre needs at least {m2(p.min_area_m2)}: enlarge it "
            f"or choose another site",
            handles=[ctx.plan.hall.id],
            at=centre(ctx.hall),
            subject=("hall", "area"),
            measured=round(area, 1),
            limit=p.min_area_m2,
            unit="m²",
        )


@rule(
    "HALL-FLOOR",
    severity="warning",
    profiles=ALL,
    source="XA 三(一)",
    needs_hall=False,
    title="位于低楼层",
    title_en="On a low floor",
    params={"min_floor": 1, "max_floor": 2},
)
def hall_floor(ctx, p):
    """便民服务中心原则上应位于高层建筑低层。 The hall is on a low floor.

    Checks: ``BM_FLOOR`` is between ``min_floor`` and ``max_floor``.
    Why: XA 三(一): 原则上应位于高层建筑低层 — easy to reach, easy to leave in a fire.
    Parameters: ``min_floor`` (1), ``max_floor`` (2).
    Passes: ``BM_FLOOR`` = 1.
    Fails: ``BM_FLOOR`` = 5, or -1 (a basement).
    """
    floor = ctx.props.floor
    if not p.min_floor <= floor <= p.max_floor:
        where_zh = f"地下 {-floor} 层" if floor < 0 else f"第 {floor} 层"
        where_en = f"basement level {-floor}" if floor < 0 else f"floor {floor}"
        yield hit(
            f"大厅位于{where_zh}，宜在第 {p.min_floor}～{p.max_floor} 层；请尽量设在建筑低层",
            f"the hall is on {where_en}; it should be on floors {p.min_floor}-{p.max_floor}: move it to a low "
            f"floor if you can",
            subject=("plan", "floor"),
            measured=floor,
            limit=p.max_floor if floor > p.max_floor else p.min_floor,
            unit="floor",
        )


@rule(
    "HALL-CONTAINS",
    severity="error",
    profiles=ALL,
    source="—",
    title="位于大厅之内",
    title_en="Inside the hall",
    params={"tolerance_mm": 50.0, "opening_tolerance_mm": 300.0},
)
def hall_contains(ctx, p):
    """分区、门洞、设施和路线都应在大厅之内。 Everything lies inside the hall.

    Checks: every zone, object and route lies inside the hall within ``tolerance_mm`` (except the blocks that
        may stand outside it: ``BM_RAMP``, ``BM_TOILET``, ``BM_TOILET_ACCESSIBLE``);
        every opening lies on the hall's outline within ``opening_tolerance_mm``.
    Why: a counter drawn outside the walls, or a door in mid-floor, is a drawing error
        that would make every other measurement wrong.
    Parameters: ``tolerance_mm`` (50), ``opening_tolerance_mm`` (300).
    Passes: all content inside the outline, doors on it.
    Fails: a seat block 2 m outside the hall; an exit drawn 1 m inside the wall.
    """
    hall = ctx.hall
    plan = ctx.plan
    grown = hall.buffer(p.tolerance_mm, join_style="mitre")
    shapely.prepare(grown)
    from bianmin.geometry.catalog import ZONE_KINDS

    def zone_words(z):
        zz, ze = ZONE_KINDS[z.kind] if z.kind in ZONE_KINDS else ("分区", "zone")
        return zz, f"the {ze}", ("zone", z.kind)

    def object_words(o):
        return (*thing_name(plan, o), object_subject(o))

    def route_words(n):
        return f"第 {n} 条疏散路线", f"drawn route {n}", ("route", str(n))

    # the names are made only for what lies outside: naming 3,000 seats that are inside took 80 ms
    items = [(z.polygon, z.id, zone_words, z) for z in plan.zones]
    # a ramp before the door and toilets in the back rooms may stand outside (catalogue: outside)
    items += [(o.footprint, o.id, object_words, o) for o in plan.objects if not (o.spec and o.spec.outside)]
    items += [(r.line, r.id, route_words, n) for n, r in enumerate(plan.routes, 1)]
    if items:
        inside = shapely.contains(grown, np.array([g for g, _, _, _ in items], dtype=object))
        for (geom, handle, words, what), ok in zip(items, inside, strict=True):
            if not ok:
                zh, en, subject = words(what)
                outside = geom.difference(hall)
                amount = f"{outside.area / 1e6:.2f} m²" if outside.area else metres(outside.length, 2)
                yield hit(
                    f"{zh}超出大厅外形 {amount}（允许 {p.tolerance_mm:.0f} mm）；请移回大厅之内",
                    f"{en} extends {amount} outside the hall outline (tolerance {p.tolerance_mm:.0f} mm): "
                    f"move it inside",
                    handles=[handle],
                    at=centre(outside if not outside.is_empty else geom),
                    subject=subject,
                )
    boundary = hall.boundary
    for opening in plan.openings:
        worst = max(boundary.distance(shapely.Point(xy)) for xy in (opening.start, opening.end, opening.midpoint))
        if worst > p.opening_tolerance_mm:
            pz, pe = place(plan, opening.midpoint)
            yield hit(
                f"{pz}的门洞距大厅外墙线 {worst:.0f} mm，应在 {p.opening_tolerance_mm:.0f} mm 以内；请画在外墙线上",
                f"the opening at {pe} lies {worst:.0f} mm from the hall outline; it must be within "
                f"{p.opening_tolerance_mm:.0f} mm: draw it on the wall line",
                handles=[opening.id],
                at=opening.midpoint,
                subject=exit_subject(plan, opening),
                measured=round(worst),
                limit=p.opening_tolerance_mm,
                unit="mm",
            )
