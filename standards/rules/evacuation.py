"""EVAC- rules: can everyone get out (GB 50016 5.5, GA 654)."""
import math

import shapely

from bianmin.geometry.grid import path_length

from ..context import centre
from ..registry import ALL, hit, rule
from ._text import m, m2, mm


def _no_exit():
    return hit("图中没有安全出口（BM-DOOR-MAIN 或 BM-DOOR-EXIT），无法疏散",
               "the plan has no exit (BM-DOOR-MAIN or BM-DOOR-EXIT): nobody can get out")


def _factor(ctx, p):
    return p.sprinkler_factor if ctx.props.sprinklers else 1.0


@rule("EVAC-EXIT-COUNT", severity="error", profiles=ALL, source="GB 50016 5.5.15, 5.5.8",
      title="安全出口数量", title_en="Number of exits", params={"single_exit_max_m2": 120.0})
def exit_count(ctx, p):
    """每个房间的疏散门不应少于 2 个；面积不大于 120 m² 的房间可设 1 个。 Number of exits.

    Checks: a hall larger than ``single_exit_max_m2`` has at least two exits (the main
        entrance and ``BM-DOOR-EXIT`` openings); any hall has at least one.
    Why: GB 50016 5.5.15: 公共建筑内房间的疏散门数量应经计算确定且不应少于2个; a room
        of at most 120 m² may have one (5.5.15(1), 5.5.8).
    Parameters: ``single_exit_max_m2`` (120).
    Passes: a 250 m² hall with the main entrance and one emergency exit.
    Fails: a 250 m² hall with the main entrance only.
    """
    n = len(ctx.plan.exits)
    area = ctx.plan.hall_area_m2
    need = 2 if area > p.single_exit_max_m2 else 1
    if n < need:
        yield hit(f"大厅面积 {m2(area)}，安全出口 {n} 个，应不少于 {need} 个",
                  f"hall area {m2(area)} has {n} exit(s); at least {need} required",
                  handles=[ctx.plan.hall.id], at=centre(ctx.hall))


@rule("EVAC-EXIT-SPACING", severity="error", profiles=ALL, source="GB 50016 5.5.2",
      title="安全出口间距", title_en="Exit spacing", params={"min_spacing_mm": 5000.0})
def exit_spacing(ctx, p):
    """相邻两个安全出口最近边缘之间的水平距离不应小于 5 m。 Exits are at least 5 m apart.

    Checks: the nearest edges of every two exits are at least ``min_spacing_mm`` apart.
    Why: GB 50016 5.5.2: 相邻两个安全出口最近边缘之间的水平距离不应小于5m — one fire
        should not block both.
    Parameters: ``min_spacing_mm`` (5000).
    Passes: the entrance on the front wall and an exit on the side wall 10 m away.
    Fails: a second exit 2 m beside the main entrance.
    """
    exits = ctx.plan.exits
    for i, a in enumerate(exits):
        for b in exits[i + 1:]:
            d = a.line.distance(b.line)
            if d < p.min_spacing_mm:
                yield hit(f"安全出口 #{a.id} 与 #{b.id} 最近边缘相距 {m(d)}，应不小于 {m(p.min_spacing_mm)}",
                          f"exits #{a.id} and #{b.id} are {m(d)} apart at their nearest edges; "
                          f"at least {m(p.min_spacing_mm)} required",
                          handles=[a.id, b.id], at=a.midpoint)


@rule("EVAC-EXIT-WIDTH", severity="error", profiles=ALL, source="GB 50016 5.5.18",
      title="安全出口宽度", title_en="Exit width", params={"min_width_mm": 900.0})
def exit_width(ctx, p):
    """疏散门和安全出口的净宽度不应小于 0.90 m。 Each exit is at least 0.9 m wide.

    Checks: every exit opening is at least ``min_width_mm`` wide.
    Why: GB 50016 5.5.18: 疏散门和安全出口的净宽度不应小于0.90m.
    Parameters: ``min_width_mm`` (900).
    Passes: a 1.5 m exit.
    Fails: a 0.8 m exit.
    """
    for o in ctx.plan.exits:
        if o.width < p.min_width_mm:
            yield hit(f"安全出口 #{o.id} 宽 {mm(o.width)}，应不小于 {mm(p.min_width_mm)}",
                      f"exit #{o.id} is {mm(o.width)} wide; at least {mm(p.min_width_mm)} required",
                      handles=[o.id], at=o.midpoint)


def width_per_100(floor: int, table) -> float:
    """Metres of exit width per 100 people (GB 50016 5.5.21, table 5.5.21-1, up to 3 storeys above)."""
    low, third, high = table
    if floor <= -1:
        return third  # basement within 10 m of the exit level: 0.75
    if floor <= 2:
        return low
    if floor == 3:
        return third
    return high


@rule("EVAC-TOTAL-WIDTH", severity="error", profiles=ALL, source="GB 50016 5.5.21",
      title="疏散总宽度", title_en="Total exit width",
      params={"occupant_density_per_m2": 0.5, "width_per_100_m": [0.65, 0.75, 1.0]})
def total_width(ctx, p):
    """疏散门的总净宽度按每 100 人的最小疏散净宽度计算。 Total exit width for the occupant load.

    Checks: the total width of the exits is at least occupants ÷ 100 × the width per 100
        people, where occupants = hall area × ``occupant_density_per_m2`` (an assumption:
        GB 50016 gives no density for service halls; a bureau can set it) and the width
        per 100 people is ``width_per_100_m`` for floors 1–2, floor 3, and above
        (a basement uses the floor-3 value, 0.75).
    Why: GB 50016 5.5.21: 每层的房间疏散门、安全出口的各自总净宽度, 应根据疏散人数按每100人的最小疏散净宽度计算确定.
    Parameters: ``occupant_density_per_m2`` (0.5), ``width_per_100_m`` ([0.65, 0.75, 1.0]).
    Passes: 250 m² → 125 people → 0.81 m needed; 3.5 m of exits.
    Fails: a 1000 m² hall on floor 5 with one 1 m exit (500 people need 5 m).
    """
    occupants = math.ceil(ctx.plan.hall_area_m2 * p.occupant_density_per_m2)
    per100 = width_per_100(ctx.props.floor, p.width_per_100_m)
    need = occupants / 100.0 * per100 * 1000.0
    have = sum(o.width for o in ctx.plan.exits)
    if have + 0.5 < need:
        yield hit(f"安全出口总宽 {m(have)}，{occupants} 人按每百人 {per100:.2f} m 需 {m(need)}",
                  f"exits total {m(have)}; {occupants} people at {per100:.2f} m per 100 need {m(need)}",
                  handles=[o.id for o in ctx.plan.exits], at=centre(ctx.hall))


@rule("EVAC-TRAVEL", severity="error", profiles=ALL, source="GB 50016 5.5.17(4)",
      title="疏散距离", title_en="Travel distance", params={"max_distance_m": 30.0, "sprinkler_factor": 1.25})
def travel(ctx, p):
    """室内任一点至最近疏散门或安全出口的直线距离不应大于 30 m。 Straight-line travel distance.

    Checks: every point of the free floor is within ``max_distance_m`` in a straight line of
        the nearest exit (× ``sprinkler_factor`` with sprinklers). Measured at every corner of
        the free floor and at the analysis grid's cell centres; the finding names the
        farthest point and its distance.
    Why: GB 50016 5.5.17(4): 一、二级耐火等级建筑内疏散门或安全出口不少于2个的观众厅、
        展览厅、多功能厅、餐厅、营业厅等, 其室内任一点至最近疏散门或安全出口的直线距离不应大于30m;
        设自动喷水灭火系统时可增加25%.
    Parameters: ``max_distance_m`` (30), ``sprinkler_factor`` (1.25).
    Passes: a 20 m × 12.5 m hall with exits on two walls (15.4 m at most).
    Fails: a 60 m long hall with its only exits at one end.
    """
    if not ctx.plan.exits:
        yield _no_exit()
        return
    limit = p.max_distance_m * 1000.0 * _factor(ctx, p)
    d, where = ctx.analysis.straight_exit
    if d > limit:
        yield hit(f"距最近安全出口直线距离 {m(d)}，超过 {m(limit)}",
                  f"straight-line distance to the nearest exit is {m(d)}, over {m(limit)}", at=where)


@rule("EVAC-REACH", severity="error", profiles=ALL, source="GB 50016 5.5.17; GA 654",
      title="可达出口", title_en="Every area reaches an exit", params={"min_region_m2": 0.5})
def reach(ctx, p):
    """空地不得被柜台、家具围死，均应能走到安全出口。 No area walled in.

    Checks: every part of the free floor larger than ``min_region_m2`` is connected to an
        exit by the free floor (exact, shapely): nothing walled in by counters or furniture.
    Why: GB 50016 5.5.17 and GA 654: evacuation routes must lead everyone out; a staff area
        closed off by a continuous counter row is a trap.
    Parameters: ``min_region_m2`` (0.5).
    Passes: counter rows with open ends.
    Fails: a counter row wall to wall, closing off the staff area behind it.
    """
    if not ctx.plan.exits:
        return
    for part, exits in ctx.analysis.parts:
        if not exits and part.area / 1e6 > p.min_region_m2:
            c = part.representative_point()
            yield hit(f"有 {m2(part.area / 1e6)} 的区域被柜台、设施或障碍围住，无法走到任何安全出口",
                      f"an area of {m2(part.area / 1e6)} is closed off by counters, furniture or obstacles "
                      f"and reaches no exit", at=(c.x, c.y))


@rule("EVAC-PASSAGE", severity="error", profiles=ALL, source="GB 50016 5.5.18",
      title="疏散通道宽度", title_en="Passage width", params={"min_width_mm": 1100.0})
def passage(ctx, p):
    """疏散走道的净宽度不应小于 1.10 m。 No area cut off by a passage under 1.1 m.

    Checks: shrink the free floor by half of ``min_width_mm``; every part of what remains
        comes within half the width (plus 50 mm) of an exit, or it is reached only through
        a passage narrower than the width. Narrow nooks that vanish in the shrinking (the
        gap between two rows of seats) are left to EVAC-REACH.
    Why: GB 50016 5.5.18: 疏散走道的净宽度不应小于1.10m.
    Parameters: ``min_width_mm`` (1100).
    Passes: a 1.5 m gap at the end of the counter row.
    Fails: the staff area behind counters reached only through 0.4 m gaps between them.
    """
    if not ctx.plan.exits:
        return
    for part in ctx.analysis.narrow_cut_off(p.min_width_mm):
        c = part.representative_point()
        yield hit(f"此处 {m2(part.area / 1e6)} 的区域只能经过净宽小于 {m(p.min_width_mm)} 的通道到达安全出口",
                  f"this area ({m2(part.area / 1e6)}) reaches an exit only through passages narrower than "
                  f"{m(p.min_width_mm)}", at=(c.x, c.y))


@rule("EVAC-EXIT-CLEAR", severity="error", profiles=ALL, source="GA 654; GB 50016 5.5",
      title="出口前无遮挡", title_en="Exits kept clear", params={"depth_mm": 1400.0})
def exit_clear(ctx, p):
    """安全出口、疏散通道不得占用、堵塞。 Nothing stands in front of an exit.

    Checks: a rectangle as wide as each exit and ``depth_mm`` deep, inside the hall in front
        of it, is free of obstacles and floor objects.
    Why: GA 654: 严禁占用、堵塞疏散通道和安全出口; GB 50016 5.5.
    Parameters: ``depth_mm`` (1400).
    Passes: open floor in front of both exits.
    Fails: a water dispenser 0.5 m inside the emergency exit.
    """
    for o in ctx.plan.exits:
        area = ctx.analysis.clear_area(o, p.depth_mm)
        blockers = ctx.blockers_hit(area)
        if blockers:
            yield hit(f"安全出口 #{o.id} 前 {m(p.depth_mm)} 内有 {len(blockers)} 个障碍或设施",
                      f"{len(blockers)} obstacle(s) or object(s) within {m(p.depth_mm)} in front of exit #{o.id}",
                      handles=[o.id, *blockers], at=o.midpoint)


@rule("EVAC-ROUTE", severity="error", profiles=ALL, source="GB 50016 5.5.17",
      title="疏散路线", title_en="Evacuation routes",
      params={"end_tolerance_mm": 500.0, "max_length_m": 30.0, "sprinkler_factor": 1.25})
def route(ctx, p):
    """图上绘制的疏散路线应通向安全出口、不穿过障碍、长度不超限。 Drawn routes.

    Checks: each drawn ``BM-ROUTE`` ends within ``end_tolerance_mm`` of an exit, stays on the
        free floor (crosses no obstacle, counter or furniture), and is no longer than
        ``max_length_m`` (× ``sprinkler_factor`` with sprinklers).
    Why: GB 50016 5.5.17: evacuation distances; a drawn route is what the staff will follow.
    Parameters: ``end_tolerance_mm`` (500), ``max_length_m`` (30), ``sprinkler_factor`` (1.25).
    Passes: a route from behind the counters round the row's end to the side exit.
    Fails: a route drawn through the counters; a route that ends in mid-floor.
    """
    exits = ctx.plan.exits
    limit = p.max_length_m * 1000.0 * (p.sprinkler_factor if ctx.props.sprinklers else 1.0)
    room = ctx.free_floor.buffer(1.0)
    shapely.prepare(room)
    for r in ctx.plan.routes:
        line = r.line
        end = shapely.Point(r.points[-1])
        if not exits or min(o.line.distance(end) for o in exits) > p.end_tolerance_mm:
            d = min((o.line.distance(end) for o in exits), default=math.inf)
            far = "没有安全出口" if not exits else f"终点距最近安全出口 {m(d)}"
            yield hit(f"疏散路线 #{r.id} 没有通到安全出口（{far}，允许 {mm(p.end_tolerance_mm)}）",
                      f"route #{r.id} does not end at an exit ({'no exits' if not exits else f'its end is {m(d)} from the nearest exit'}; "
                      f"tolerance {mm(p.end_tolerance_mm)})", handles=[r.id], at=r.points[-1])
        outside = line.difference(room)
        if outside.length > 1.0:
            blockers = ctx.blockers_hit(line)
            c = outside.interpolate(0.5, normalized=True)
            yield hit(f"疏散路线 #{r.id} 有 {m(outside.length)} 穿过障碍、柜台或设施",
                      f"route #{r.id} crosses obstacles, counters or furniture for {m(outside.length)}",
                      handles=[r.id, *blockers], at=(c.x, c.y))
        length = path_length(r.points)
        if length > limit:
            yield hit(f"疏散路线 #{r.id} 长 {m(length)}，超过 {m(limit)}",
                      f"route #{r.id} is {m(length)} long, over {m(limit)}", handles=[r.id], at=r.points[0])


@rule("EVAC-ROUTE-PRESENT", severity="warning", profiles=ALL, source="XA 三(五)",
      title="绘制疏散路线", title_en="Routes drawn")
def route_present(ctx, p):
    """应设置紧急逃生通道（图上绘出疏散路线）。 At least one evacuation route is drawn.

    Checks: at least one ``BM-ROUTE`` is drawn.
    Why: XA 三(五): 设置紧急逃生通道 — the drawn route goes on the evacuation plan posted in
        the hall. The designer can draw the computed paths for you.
    Parameters: none.
    Passes: one route from the farthest corner to the exit.
    Fails: no route drawn.
    """
    if not ctx.plan.routes:
        yield hit("图中没有绘制疏散路线（BM-ROUTE）", "no evacuation route (BM-ROUTE) is drawn")
