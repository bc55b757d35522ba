"""FIRE- rules: signs, extinguishers, hydrants, alarms, emergency lights."""
import re

import numpy as np
import shapely

from bianmin.geometry.grid import path_length

from ..context import centre
from ..registry import ALL, hit, rule
from ._text import m, m2


@rule("FIRE-EXIT-SIGN", severity="error", profiles=ALL, source="GB 51309 3.2.8; GB 15630",
      title="安全出口标志", title_en="Exit signs", params={"max_distance_mm": 1000.0})
def exit_sign(ctx, p):
    """安全出口和疏散门的正上方应设置“安全出口”标志。 An exit sign at every exit.

    Checks: every exit has a ``BM_EXIT_SIGN`` within ``max_distance_mm``.
    Why: GB 51309 3.2.8: 安全出口和疏散门的正上方应设置“安全出口”标志; GB 15630.
    Parameters: ``max_distance_mm`` (1000).
    Passes: an exit sign over each exit.
    Fails: the side exit without one.
    """
    signs = ctx.objects("BM_EXIT_SIGN")
    for o in ctx.plan.exits:
        if not any(s.footprint.distance(o.line) <= p.max_distance_mm for s in signs):
            yield hit(f"安全出口 #{o.id} 上方 {m(p.max_distance_mm)} 内没有安全出口标志（BM_EXIT_SIGN）",
                      f"exit #{o.id} has no exit sign (BM_EXIT_SIGN) within {m(p.max_distance_mm)}",
                      handles=[o.id], at=o.midpoint)


def _gaps(path, signs, near, hall_area_m2, open_hall_m2):
    """Positions of the signs along a path (from its start) and the gaps to check."""
    line = shapely.LineString(path)
    length = line.length
    spots = []
    for s in signs:
        c = s.footprint.centroid
        if line.distance(c) <= near:
            spots.append((line.project(c), s))
    spots.sort(key=lambda t: t[0])
    marks = [0.0] + [t for t, _ in spots] + [length]
    worst = max((b - a, a) for a, b in zip(marks, marks[1:]))
    floor = [t for t, s in spots if s.attr("MOUNT").lower() == "floor"]
    floor_worst = None
    if hall_area_m2 > open_hall_m2 and len(floor) >= 2:
        floor_worst = max((b - a, a) for a, b in zip(floor, floor[1:]))
    return line, worst, floor_worst


@rule("FIRE-EVAC-SIGN", severity="error", profiles=ALL, source="GB 51309 3.2.9, 10.3.5; GB 15630",
      title="疏散指示标志间距", title_en="Evacuation sign spacing",
      params={"near_mm": 2000.0, "max_gap_m": 20.0, "open_hall_m2": 400.0, "max_gap_floor_m": 3.0})
def evac_sign(ctx, p):
    """疏散走道上的方向标志间距不应大于 20 m；大空间地面标志间距不应大于 3 m。 Evacuation sign spacing.

    Checks: along the walking path from the farthest point of the free floor to its nearest
        exit, and along each drawn route, the gap between consecutive evacuation or exit signs
        (``BM_EVAC_SIGN``, ``BM_EXIT_SIGN`` within ``near_mm`` of the path), counted from the
        path's start to the exit, is at most ``max_gap_m``; ``floor``-mounted signs in halls
        over ``open_hall_m2`` are at most ``max_gap_floor_m`` apart.
    Why: GB 51309 3.2.9: 方向标志灯间距不应大于20m; 10.3.5 and 3.2.9(3): 展览厅、商店、候车(船)室等
        开敞空间场所的疏散通道地面上设置的保持视觉连续的方向标志灯间距不应大于3m; GB 15630.
    Parameters: ``near_mm`` (2000), ``max_gap_m`` (20), ``open_hall_m2`` (400), ``max_gap_floor_m`` (3).
    Passes: exit signs at the exits and a direction sign halfway along a 30 m route.
    Fails: a 28 m route with no sign until the exit.
    """
    signs = ctx.objects("BM_EVAC_SIGN", "BM_EXIT_SIGN")
    paths = [("最远点的疏散路径", "the walk from the farthest point", p_["points"])
             for p_ in ctx.analysis.evacuation_paths()]
    paths += [(f"疏散路线 #{r.id}", f"route #{r.id}", r.points) for r in ctx.plan.routes]
    limit = p.max_gap_m * 1000.0
    for zh, en, pts in paths:
        if len(pts) < 2 or path_length(pts) < 1.0:
            continue
        line, (gap, start), floor = _gaps(pts, signs, p.near_mm, ctx.plan.hall_area_m2, p.open_hall_m2)
        if gap > limit:
            where = line.interpolate(start + gap / 2)
            yield hit(f"{zh}上有 {m(gap)} 没有疏散指示或安全出口标志，间距不应大于 {m(limit)}",
                      f"{en} goes {m(gap)} without an evacuation or exit sign; at most {m(limit)} allowed",
                      at=(where.x, where.y))
        if floor is not None and floor[0] > p.max_gap_floor_m * 1000.0:
            where = line.interpolate(floor[1] + floor[0] / 2)
            yield hit(f"{zh}上地面疏散标志间距 {m(floor[0])}，大空间（超过 {m2(p.open_hall_m2)}）应不大于 "
                      f"{m(p.max_gap_floor_m * 1000)}",
                      f"floor-mounted signs on {en} are {m(floor[0])} apart; in halls over {m2(p.open_hall_m2)} "
                      f"at most {m(p.max_gap_floor_m * 1000)}", at=(where.x, where.y))


HAZARD_DISTANCE = {"light": 25.0, "medium": 20.0, "severe": 15.0}


@rule("FIRE-EXT-REACH", severity="error", profiles=ALL, source="GB 50140 5.2.1, 7.1.3",
      title="灭火器保护距离", title_en="Extinguisher reach",
      params={"max_distance_m": dict(HAZARD_DISTANCE)})
def ext_reach(ctx, p):
    """设置点到最不利点的距离不应超过最大保护距离。 Every point within reach of an extinguisher.

    Checks: every point of the free floor is within the protection distance, by walking
        distance, of an extinguisher point; the distance is ``max_distance_m`` for the plan's
        ``BM_FIRE_HAZARD`` (A-class fires, hand-held extinguishers). The finding names the
        worst point.
    Why: GB 50140 5.2.1 (table: 严重 15 m, 中 20 m, 轻 25 m) and 7.1.3: 灭火器设置点到最不利点的距离.
    Parameters: ``max_distance_m`` ({light: 25, medium: 20, severe: 15}).
    Passes: extinguisher points on both side walls of a 20 m hall.
    Fails: one extinguisher point in a corner of a 40 m hall.
    """
    exts = ctx.objects("BM_EXTINGUISHER")
    limit = p.max_distance_m.get(ctx.props.fire_hazard, 20.0) * 1000.0
    if not exts:
        yield hit("图中没有灭火器设置点（BM_EXTINGUISHER）", "the plan has no fire extinguisher point (BM_EXTINGUISHER)")
        return
    d, where, _ = ctx.analysis.extinguisher_field.worst()
    if d > limit:
        yield hit(f"距最近灭火器设置点步行距离 {m(d)}，超过 {m(limit)}（{_HAZARD_ZH[ctx.props.fire_hazard]}）",
                  f"walking distance to the nearest extinguisher is {m(d)}, over {m(limit)} "
                  f"({ctx.props.fire_hazard} hazard)", at=where)


_HAZARD_ZH = {"light": "轻危险级", "medium": "中危险级", "severe": "严重危险级"}


@rule("FIRE-EXT-COUNT", severity="error", profiles=ALL, source="GB 50140 6.1.1, 6.1.2",
      title="灭火器数量", title_en="Extinguisher count")
def ext_count(ctx, p):
    """一个计算单元内配置的灭火器数量不得少于 2 具；每个设置点不宜多于 5 具。 Extinguisher count.

    Checks: at least 2 extinguishers in the hall (the sum of COUNT, default 2 per point) —
        an error; no point holds more than 5 — a warning.
    Why: GB 50140 6.1.1: 一个计算单元内配置的灭火器数量不得少于2具; 6.1.2: 每个设置点的灭火器数量不宜多于5具.
    Parameters: none.
    Passes: two points of 2 extinguishers each.
    Fails: one point with COUNT 1.
    """
    exts = ctx.objects("BM_EXTINGUISHER")
    total = sum(e.count() for e in exts)
    if total < 2:
        yield hit(f"大厅内灭火器共 {total} 具，不得少于 2 具", f"{total} extinguisher(s) in the hall; at least 2 required",
                  handles=[e.id for e in exts])
    for e in exts:
        if e.count() > 5:
            yield hit(f"灭火器设置点 #{e.id} 有 {e.count()} 具，不宜多于 5 具",
                      f"extinguisher point #{e.id} holds {e.count()}; at most 5 advised",
                      handles=[e.id], at=centre(e.footprint), severity="warning")


U_M2_PER_A = {"light": 100.0, "medium": 75.0, "severe": 50.0}
MIN_RATING = {"light": 1, "medium": 2, "severe": 3}
_RATING = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*A", re.I)


def a_rating(text: str) -> float:
    m_ = _RATING.match(text or "2A")
    return float(m_.group(1)) if m_ else 0.0


@rule("FIRE-EXT-RATING", severity="error", profiles=ALL, source="GB 50140 6.2.1, 7.3",
      title="灭火级别", title_en="Extinguisher rating")
def ext_rating(ctx, p):
    """计算单元的最小需配灭火级别 Q = K·S/U。 Total A rating and the rating of each unit.

    Checks: the total A rating (COUNT × RATING, default ``2A``) is at least Q = K × S ÷ U,
        with S the hall area, K = 1.0 (0.7 with sprinklers) and U = {light: 100, medium: 75,
        severe: 50} m²/A; each unit is at least {1A, 2A, 3A} for light, medium, severe.
    Why: GB 50140 6.2.1 (table 6.2.1: 单具灭火器最小配置灭火级别 and the U values) and 7.3.1:
        计算单元的最小需配灭火级别 Q = K·S/U.
    Parameters: none.
    Passes: 250 m², medium: Q = 3.3 A; two points of 2 × 2A = 8 A.
    Fails: 250 m², severe, one point of 2 × 1A.
    """
    hazard = ctx.props.fire_hazard
    exts = ctx.objects("BM_EXTINGUISHER")
    k = 0.7 if ctx.props.sprinklers else 1.0
    q = k * ctx.plan.hall_area_m2 / U_M2_PER_A.get(hazard, 75.0)
    total = sum(e.count() * a_rating(e.attr("RATING")) for e in exts)
    if total + 1e-9 < q:
        yield hit(f"灭火器总灭火级别 {total:g}A，小于需配 Q = {k:g}×{ctx.plan.hall_area_m2:.0f}÷{U_M2_PER_A[hazard]:.0f} = {q:.1f}A",
                  f"total rating {total:g}A is below the required Q = {k:g}×{ctx.plan.hall_area_m2:.0f}÷{U_M2_PER_A[hazard]:.0f} = {q:.1f}A",
                  handles=[e.id for e in exts])
    need = MIN_RATING.get(hazard, 2)
    for e in exts:
        r = a_rating(e.attr("RATING"))
        if r < need:
            yield hit(f"灭火器设置点 #{e.id} 单具灭火级别 {e.attr('RATING')}，{_HAZARD_ZH[hazard]}应不低于 {need}A",
                      f"extinguisher point #{e.id}: unit rating {e.attr('RATING')}; {hazard} hazard needs at least {need}A",
                      handles=[e.id], at=centre(e.footprint))


@rule("FIRE-EQUIP-CLEAR", severity="error", profiles=ALL, source="GA 654",
      title="消防器材前无遮挡", title_en="Fire equipment kept clear", params={"clear_mm": 800.0})
def equip_clear(ctx, p):
    """不得遮挡、圈占、埋压消火栓和灭火器。 Nothing in front of extinguishers and hydrants.

    Checks: a strip ``clear_mm`` deep in front (local -Y) of each ``BM_EXTINGUISHER`` and
        ``BM_HYDRANT`` is free of obstacles and floor objects.
    Why: GA 654: 严禁……遮挡、圈占、埋压消火栓, 占用防火间距; 灭火器材应保持完好有效, 设置在明显和便于取用的地点.
    Parameters: ``clear_mm`` (800).
    Passes: open floor in front of each cabinet.
    Fails: a seat row 0.5 m in front of a hydrant.
    """
    for e in ctx.objects("BM_EXTINGUISHER", "BM_HYDRANT"):
        strip = e.strip_in_front(p.clear_mm)
        blockers = ctx.blockers_hit(strip, exclude={e.id})
        if blockers:
            zh = "灭火器" if e.block == "BM_EXTINGUISHER" else "消火栓"
            en = "extinguisher" if e.block == "BM_EXTINGUISHER" else "hydrant"
            yield hit(f"{zh} #{e.id} 前 {m(p.clear_mm)} 内有 {len(blockers)} 个障碍或设施",
                      f"{len(blockers)} obstacle(s) or object(s) within {m(p.clear_mm)} in front of {en} #{e.id}",
                      handles=[e.id, *blockers], at=centre(strip))


@rule("FIRE-ALARM", severity="error", profiles=ALL, source="GB 50116 6.3.1",
      title="手动报警按钮", title_en="Manual alarm reach", params={"max_walk_m": 30.0})
def alarm(ctx, p):
    """从任何位置到最邻近的手动报警按钮的步行距离不应大于 30 m。 Alarm within 30 m walk.

    Checks: every point of the free floor is within ``max_walk_m`` walking distance of a
        ``BM_ALARM``; the finding names the worst point.
    Why: GB 50116 6.3.1: 从一个防火分区内的任何位置到最邻近的手动火灾报警按钮的步行距离不应大于30m.
    Parameters: ``max_walk_m`` (30).
    Passes: alarms by both exits of a 20 m hall.
    Fails: no alarm; one alarm at one end of a 60 m hall.
    """
    alarms = ctx.objects("BM_ALARM")
    limit = p.max_walk_m * 1000.0
    if not alarms:
        yield hit("图中没有手动报警按钮（BM_ALARM）", "the plan has no manual alarm (BM_ALARM)")
        return
    d, where, _ = ctx.analysis.alarm_field.worst()
    if d > limit:
        yield hit(f"距最近手动报警按钮步行距离 {m(d)}，超过 {m(limit)}",
                  f"walking distance to the nearest manual alarm is {m(d)}, over {m(limit)}", at=where)


@rule("FIRE-EMERGENCY-LIGHT", severity="warning", profiles=ALL, source="GB 51309 10.3.2; XA 八(二)",
      title="应急照明布置", title_en="Emergency light layout", params={"radius_mm": 8000.0})
def emergency_light(ctx, p):
    """配备应急照明灯（布置启发式：任一点 8 m 内有灯）。 Emergency lights cover the floor.

    Checks: every point of the free floor is within ``radius_mm`` (straight line) of a
        ``BM_EMERGENCY_LIGHT`` — a layout heuristic: illuminance needs a lighting calculation
        the plan cannot hold.
    Why: GB 51309 10.3.2 (疏散照明的地面水平照度) and XA 八(二): 配备应急照明灯.
    Parameters: ``radius_mm`` (8000).
    Passes: lights on a 10 m × 4 m grid.
    Fails: two lights for a 40 m hall.
    """
    lights = ctx.objects("BM_EMERGENCY_LIGHT")
    if not lights:
        yield hit("图中没有应急照明灯（BM_EMERGENCY_LIGHT）", "the plan has no emergency light (BM_EMERGENCY_LIGHT)")
        return
    a = ctx.analysis
    d = a.straight_to([l.footprint for l in lights])
    if len(d) == 0:
        return
    k = int(np.argmax(d))
    if d[k] > p.radius_mm:
        yield hit(f"此处距最近应急照明灯 {m(d[k])}，超过 {m(p.radius_mm)}",
                  f"this point is {m(d[k])} from the nearest emergency light, over {m(p.radius_mm)}",
                  at=(float(a.sample_points[k, 0]), float(a.sample_points[k, 1])))
