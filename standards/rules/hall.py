"""HALL- rules: the hall's size, floor and what lies in it."""
import numpy as np
import shapely

from ..context import centre
from ..registry import ALL, STREET, hit, rule
from ._text import m2


@rule("HALL-AREA", severity="error", profiles=STREET, source="XA 三(二)",
      title="大厅面积", title_en="Hall area", params={"min_area_m2": 200.0},
      when=lambda ctx: ctx.props.construction in ("new", "expanded"),
      when_text="BM_CONSTRUCTION 为 new 或 expanded / when new or expanded")
def hall_area(ctx, p):
    """新建、扩建的镇（街）便民服务中心面积不小于 200 m²。 Hall area of a new or expanded centre.

    Checks: the hall's area is at least ``min_area_m2`` when ``BM_CONSTRUCTION`` is
        ``new`` or ``expanded`` (an existing hall is not held to it).
    Why: XA 三(二): 新建、扩建的镇(街)便民服务中心面积应不小于200平方米.
    Parameters: ``min_area_m2`` (200).
    Passes: a 20 m × 12.5 m hall (250 m²).
    Fails: a new 15 m × 12 m hall (180 m²).
    """
    area = ctx.plan.hall_area_m2
    if area < p.min_area_m2:
        yield hit(f"大厅面积 {m2(area)}，小于 {m2(p.min_area_m2)}（新建、扩建的中心）",
                  f"hall area {m2(area)} is below {m2(p.min_area_m2)} (new or expanded centre)",
                  handles=[ctx.plan.hall.id], at=centre(ctx.hall))


@rule("HALL-FLOOR", severity="warning", profiles=ALL, source="XA 三(一)", needs_hall=False,
      title="位于低楼层", title_en="On a low floor", params={"min_floor": 1, "max_floor": 2})
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
        yield hit(f"大厅位于第 {floor} 层，应在第 {p.min_floor}–{p.max_floor} 层",
                  f"the hall is on floor {floor}; it should be on floors {p.min_floor}–{p.max_floor}")


@rule("HALL-CONTAINS", severity="error", profiles=ALL, source="—",
      title="位于大厅之内", title_en="Inside the hall",
      params={"tolerance_mm": 50.0, "opening_tolerance_mm": 300.0})
def hall_contains(ctx, p):
    """分区、门洞、设施和路线都应在大厅之内。 Everything lies inside the hall.

    Checks: every zone, object and route lies inside the hall within ``tolerance_mm``;
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
    items = [(z, z.polygon, "分区", "zone") for z in plan.zones]
    items += [(o, o.footprint, o.spec.zh, o.spec.en.lower()) for o in plan.objects]
    items += [(r, r.line, "疏散路线", "route") for r in plan.routes]
    if items:
        inside = shapely.contains(grown, np.array([g for _, g, _, _ in items], dtype=object))
        for (element, geom, zh, en), ok in zip(items, inside):
            if not ok:
                outside = geom.difference(hall)
                yield hit(f"{zh} #{element.id} 超出大厅外形 {outside.area / 1e6 if outside.area else outside.length / 1000:.2f}"
                          f"{' m²' if outside.area else ' m'}（允许 {p.tolerance_mm:.0f} mm）",
                          f"{en} #{element.id} extends outside the hall outline (tolerance {p.tolerance_mm:.0f} mm)",
                          handles=[element.id], at=centre(outside if not outside.is_empty else geom))
    boundary = hall.boundary
    for opening in plan.openings:
        worst = max(boundary.distance(shapely.Point(xy)) for xy in (opening.start, opening.end, opening.midpoint))
        if worst > p.opening_tolerance_mm:
            yield hit(f"门洞 #{opening.id} 距大厅外墙线 {worst:.0f} mm，应在 {p.opening_tolerance_mm:.0f} mm 以内",
                      f"opening #{opening.id} lies {worst:.0f} mm from the hall outline; "
                      f"it must be within {p.opening_tolerance_mm:.0f} mm",
                      handles=[opening.id], at=opening.midpoint)
