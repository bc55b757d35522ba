"""EVAC- rules: can everyone get out (GB 50016 5.5, GA 654)."""

import math

import shapely

from bianmin.geometry.grid import path_length

from bianmin.standards.context import centre
from bianmin.standards.registry import ALL, hit, rule
from bianmin.standards.tables import TRAVEL_DISTANCE_M, WIDTH_TABLE
from bianmin.standards.wording import exit_name, exit_subject, metres, number, place
from bianmin.standards.wording import m2, mm, things


def _no_exit():
    return hit(
        "图中没有安全出口（BM-DOOR-MAIN 或 BM-DOOR-EXIT），无法疏散；请画出主入口和安全出口",
        "the plan has no exit (BM-DOOR-MAIN or BM-DOOR-EXIT): nobody can get out; draw the main entrance and the exits",
        subject=("hall", "exits"),
        measured=0,
        limit=1,
        unit="exits",
    )


def _factor(ctx, p):
    return p.sprinkler_factor if ctx.props.sprinklers else 1.0


def _grade(ctx) -> int:
    g = ctx.props.fire_resistance
    return g if g in (1, 2, 3, 4) else 2


def _grade_words(ctx) -> tuple[str, str]:
    g = _grade(ctx)
    return ("一、二级" if g <= 2 else "三级" if g == 3 else "四级", "grade 1-2" if g <= 2 else f"grade {g}")


def _building_words(ctx) -> tuple[str, str]:
    """The building facts a limit was chosen by: "地上 3 层、首层" / "3 storeys above ground, ground floor"."""
    pr = ctx.props
    floor_zh = "首层" if pr.floor == 1 else (f"地下 {-pr.floor} 层" if pr.floor <= -1 else f"第 {pr.floor} 层")
    floor_en = "ground floor" if pr.floor == 1 else (f"basement {-pr.floor}" if pr.floor <= -1 else f"floor {pr.floor}")
    tall_zh = "高层，" if pr.high_rise else ""
    tall_en = "high-rise, " if pr.high_rise else ""
    return (
        f"{tall_zh}地上 {pr.building_floors} 层、{floor_zh}",
        f"{tall_en}{pr.building_floors} storeys above ground, {floor_en}",
    )


def occupants(ctx, density: float) -> int:
    area = ctx.plan.hall_area_m2
    value = area * density
    return int(math.ceil(value)) if math.isfinite(value) and value > 0 else 0


def door_words(ctx) -> tuple[str, str]:
    """What the hall's exits are called: 安全出口 when the hall is the building (doors lead outside),
    疏散门 when it is a room whose doors lead to corridors (BM_HALL_SETTING)."""
    return ("疏散门", "exit door") if ctx.props.setting == "room" else ("安全出口", "exit")


def _farthest_from(polygon, line) -> float:
    """The largest straight-line distance from any point of the hall to a door (at a vertex: the distance
    to a segment is convex, so its maximum over a polygon is at a corner)."""
    import shapely

    return max((line.distance(shapely.Point(c)) for c in polygon.exterior.coords), default=0.0)


@rule(
    "EVAC-EXIT-COUNT",
    severity="error",
    profiles=ALL,
    source="GB 55037 7.4.1, 7.4.2; GB 50016 5.5.8, 5.5.15",
    title="安全出口/疏散门数量",
    title_en="Number of exits",
    params={
        "single_exit_max_m2": 200.0,
        "single_exit_max_people": 50,
        "occupant_density_per_m2": 0.5,
        "room_single_door_max_m2": 120.0,
        "corridor_end_max_m2": 200.0,
        "corridor_end_max_distance_m": 15.0,
        "corridor_end_min_door_mm": 1400.0,
    },
    mandatory=True,
)
def exit_count(ctx, p):
    """安全出口（独立建筑）或房间疏散门（建筑内房间）不应少于 2 个，符合条件的可设 1 个。 Number of exits.

    Checks: by the hall's setting (``BM_HALL_SETTING``). A **building** (its doors lead outside: 安全出口)
        has at least two exits unless it may have one: it is on the ground floor (``BM_FLOOR`` 1) of a
        building that is not high-rise, its area is at most ``single_exit_max_m2`` **and** its occupant load
        (area × ``occupant_density_per_m2``, rounded up) is at most ``single_exit_max_people``. A **room**
        (its doors lead to corridors: 疏散门) has at least two doors unless its area is at most
        ``room_single_door_max_m2`` (a room between two exits or beside a dead-end corridor); a room of at
        most ``corridor_end_max_m2`` with every point within ``corridor_end_max_distance_m`` of its one door
        and that door at least ``corridor_end_min_door_mm`` wide may have one door **at a corridor's end**,
        which the plan cannot show: a warning asks the reviewer to confirm it. Any hall has at least one exit.
    Conditions: 独立建筑（门通向室外）：首层、非高层、面积不大于 200 m² 且不超过 50 人时可设 1 个安全出口；建筑内的房间：
        面积不大于 120 m² 可设 1 个疏散门，位于走道尽端、不大于 200 m²、任一点至疏散门不大于 15 m 且门宽不小于 1.40 m 时
        也可（需确认）；否则不少于 2 个 // a building (doors lead outside): one exit on a ground floor that is not high-rise
        with at most 200 m² and 50 people; a room in a building: one door up to 120 m², or at a corridor's end up to
        200 m² with every point within 15 m of a door at least 1.40 m wide (to be confirmed); otherwise at least 2.
    Why: GB 55037 7.4.1(1): 建筑面积不大于200m²且人数不大于50人的单层公共建筑或多层公共建筑的首层可仅设1个安全出口;
        GB 55037 7.4.2(4)(6): 公共建筑内仅设置1个疏散门的房间，对于其他用途的场所，房间位于两个安全出口之间或袋形走道两侧且
        建筑面积不大于120m²，或位于走道尽端且建筑面积不大于200m²、房间内任一点至疏散门的直线距离不大于15m、疏散门的净宽度
        不小于1.40m; GB 50016 5.5.8, 5.5.15 say the same in the older wording.
    Parameters: ``single_exit_max_m2`` (200), ``single_exit_max_people`` (50), ``occupant_density_per_m2`` (0.5,
        an assumption the bureau may set; the same as EVAC-TOTAL-WIDTH's), ``room_single_door_max_m2`` (120),
        ``corridor_end_max_m2`` (200), ``corridor_end_max_distance_m`` (15), ``corridor_end_min_door_mm`` (1400).
    Passes: an 80 m² community station on the ground floor with one door (40 people); a 110 m² room in a
        3-storey building with one door.
    Fails: a 110 m² single-storey hall with one exit (55 people); a 250 m² hall with the main entrance only; a
        150 m² room with one 1.5 m door (a warning: only at a corridor's end).
    """
    n = len(ctx.plan.exits)
    if n >= 2:
        return
    if n == 0:
        yield _no_exit()
        return
    if ctx.props.setting == "room":
        yield from _room_one_door(ctx, p)
        return
    area = ctx.plan.hall_area_m2
    people = occupants(ctx, p.occupant_density_per_m2)
    pr = ctx.props
    one_ok = (
        pr.floor == 1
        and not pr.high_rise
        and area <= p.single_exit_max_m2 + 1e-6
        and people <= p.single_exit_max_people
    )
    if one_ok:
        return
    reasons_zh, reasons_en = [], []
    if pr.floor != 1:
        reasons_zh.append("不在首层")
        reasons_en.append("it is not on the ground floor")
    if pr.high_rise:
        reasons_zh.append("位于高层建筑")
        reasons_en.append("the building is high-rise")
    if area > p.single_exit_max_m2 + 1e-6:
        reasons_zh.append(f"面积 {number(area, 1, 'm²')} 超过 {number(p.single_exit_max_m2, 0, 'm²')}")
        reasons_en.append(f"its area {number(area, 1, 'm²')} is over {number(p.single_exit_max_m2, 0, 'm²')}")
    if people > p.single_exit_max_people:
        reasons_zh.append(
            f"按每平方米 {number(p.occupant_density_per_m2, 2)} 人计 {people} 人，超过 {p.single_exit_max_people} 人"
        )
        reasons_en.append(
            f"at {number(p.occupant_density_per_m2, 2)} people per m² it holds {people} people, "
            f"over {p.single_exit_max_people}"
        )
    yield hit(
        f"大厅只有 {n} 个安全出口，应不少于 2 个（{'，'.join(reasons_zh)}）；请在远离主入口的外墙上增设安全出口",
        f"the hall has {n} exit; at least 2 are required ({'; '.join(reasons_en)}); add an exit in an "
        f"outside wall away from the main entrance",
        handles=[ctx.plan.hall.id],
        at=centre(ctx.hall),
        subject=("hall", "exits"),
        measured=n,
        limit=2,
        unit="exits",
    )


def _room_one_door(ctx, p):
    """A room in a building with one door (GB 55037 7.4.2): ≤ 120 m²; at a corridor's end ≤ 200 m², ≤ 15 m, ≥ 1.40 m."""
    area = ctx.plan.hall_area_m2
    if area <= p.room_single_door_max_m2 + 1e-6:
        return
    door = ctx.plan.exits[0]
    far = _farthest_from(ctx.plan.hall.polygon, door.line)
    end_ok = (
        area <= p.corridor_end_max_m2 + 1e-6
        and far <= p.corridor_end_max_distance_m * 1000.0 + 0.5
        and door.width + 0.5 >= p.corridor_end_min_door_mm
    )
    figures_zh = f"面积 {number(area, 1, 'm²')}，任一点至疏散门最远 {metres(far)}，门宽 {metres(door.width, 2)}"
    figures_en = (
        f"{number(area, 1, 'm²')}, farthest point {metres(far)} from the door, the door {metres(door.width, 2)}"
    )
    if end_ok:
        yield hit(
            f"房间只有 1 个疏散门（{figures_zh}）：仅当房间位于走道尽端时允许；否则面积超过 "
            f"{number(p.room_single_door_max_m2, 0, 'm²')} 应设 2 个疏散门，请核实或增设通向走道的疏散门",
            f"the room has one exit door ({figures_en}): allowed only when the room lies at a corridor's end; "
            f"otherwise a room over {number(p.room_single_door_max_m2, 0, 'm²')} needs two: confirm it or add "
            f"a second exit door to the corridor",
            handles=[ctx.plan.hall.id],
            at=centre(ctx.hall),
            severity="warning",
            subject=("hall", "exits"),
            measured=round(area, 1),
            limit=p.room_single_door_max_m2,
            unit="m²",
        )
        return
    yield hit(
        f"房间只有 1 个疏散门，应不少于 2 个（{figures_zh}；1 个疏散门只允许面积不大于 "
        f"{number(p.room_single_door_max_m2, 0, 'm²')}，或位于走道尽端、不大于 {number(p.corridor_end_max_m2, 0, 'm²')}、"
        f"任一点至门不大于 {number(p.corridor_end_max_distance_m, 0, 'm')} 且门宽不小于 "
        f"{metres(p.corridor_end_min_door_mm, 2)}）；请增设第 2 个通向走道的疏散门",
        f"the room has one exit door; at least 2 are required ({figures_en}; one door only up to "
        f"{number(p.room_single_door_max_m2, 0, 'm²')}, or at a corridor's end up to {number(p.corridor_end_max_m2, 0, 'm²')} "
        f"with every point within {number(p.corridor_end_max_distance_m, 0, 'm')} of a door at least "
        f"{metres(p.corridor_end_min_door_mm, 2)} wide): add a second exit door to the corridor",
        handles=[ctx.plan.hall.id],
        at=centre(ctx.hall),
        subject=("hall", "exits"),
        measured=n_exits(ctx),
        limit=2,
        unit="exits",
    )


def n_exits(ctx) -> int:
    return len(ctx.plan.exits)


_NOT_EXITS = {
    "sliding": ("推拉门", "a sliding door"),
    "revolving": ("旋转门", "a revolving door"),
    "rolling": ("卷帘门", "a roller shutter"),
}


@rule(
    "EVAC-DOOR-TYPE",
    severity="error",
    profiles=ALL,
    source="GB 55037 7.1.8; GB 50016 6.4.11",
    title="疏散门的形式与开启方向",
    title_en="Exit door type and swing",
    params={"outward_over_people": 60, "occupant_density_per_m2": 0.5},
    mandatory=True,
)
def door_type(ctx, p):
    """疏散出口门应为平开门或在火灾时具有平开功能的门；人数超过 60 人的房间的疏散门应向疏散方向开启。 Exit doors.

    Checks: each exit's ``TYPE`` (an opening attribute, XDATA; default ``swing``): ``sliding``, ``revolving`` and
        ``rolling`` are not exits; ``auto-sliding`` only with ``FAILSAFE=yes`` (it swings open in a fire). When the
        hall holds more than ``outward_over_people`` (area × ``occupant_density_per_m2``), an exit whose ``SWING``
        is ``in`` is a finding (a door whose swing the plan does not state is not).
    Why: GB 55037 7.1.8: 疏散出口门应为平开门或在火灾时具有平开功能的门……使用人数大于60人的房间……疏散出口门应向疏散方向
        开启; GB 50016 6.4.11: 民用建筑的疏散门应采用向疏散方向开启的平开门，不应采用推拉门、卷帘门、吊门、转门和折叠门.
    Parameters: ``outward_over_people`` (60), ``occupant_density_per_m2`` (0.5).
    Passes: swing doors opening outward; an automatic sliding door that swings open in a fire (FAILSAFE=yes).
    Fails: a revolving main entrance; a roller shutter as the emergency exit; an exit opening inward in a 250 m²
        hall (125 people).
    """
    plan = ctx.plan
    people = occupants(ctx, p.occupant_density_per_m2)
    dz, de = door_words(ctx)
    for o in plan.exits:
        kind = o.attr("TYPE")
        zh, en = exit_name(plan, o)
        if kind in _NOT_EXITS:
            kz, ke = _NOT_EXITS[kind]
            yield hit(
                f"{zh}为{kz}（TYPE={kind}），不能作为{dz}；{dz}应为平开门或在火灾时具有平开功能的门，请更换",
                f"{en} is {ke} (TYPE={kind}), which is not an {de}: an {de} is a swing door or one that swings open "
                f"in a fire: change it",
                handles=[o.id],
                at=o.midpoint,
                subject=exit_subject(plan, o),
                measured=kind,
                limit="swing",
            )
            continue
        if kind == "auto-sliding" and o.attr("FAILSAFE") != "yes":
            yield hit(
                f"{zh}为自动感应推拉门（TYPE=auto-sliding），未注明火灾时具有平开功能（FAILSAFE=yes）；"
                f"请采用平开门或具有平开功能的自动门",
                f"{en} is an automatic sliding door (TYPE=auto-sliding) not stated to swing open in a fire "
                f"(FAILSAFE=yes): use a swing door or an automatic door with a breakout swing",
                handles=[o.id],
                at=o.midpoint,
                subject=exit_subject(plan, o),
                measured=kind,
                limit="swing",
            )
            continue
        if o.attr("SWING") == "in" and people > p.outward_over_people:
            yield hit(
                f"{zh}向内开启（SWING=in），大厅按每平方米 {number(p.occupant_density_per_m2, 2)} 人计 {people} 人，超过 "
                f"{p.outward_over_people} 人，{dz}应向疏散方向开启；请改为向外开启",
                f"{en} opens inward (SWING=in) while the hall holds {people} people at "
                f"{number(p.occupant_density_per_m2, 2)} per m², over {p.outward_over_people}: it must open in the "
                f"direction of escape",
                handles=[o.id],
                at=o.midpoint,
                subject=exit_subject(plan, o),
                measured=people,
                limit=p.outward_over_people,
                unit="people",
            )


@rule(
    "EVAC-EXIT-SPACING",
    severity="error",
    profiles=ALL,
    source="GB 50016 5.5.2",
    title="安全出口间距",
    title_en="Exit spacing",
    params={"min_spacing_mm": 5000.0},
)
def exit_spacing(ctx, p):
    """相邻两个安全出口最近边缘之间的水平距离不应小于 5 m。 Exits are at least 5 m apart.

    Checks: the nearest edges of every two exits are at least ``min_spacing_mm`` apart.
    Why: GB 50016 5.5.2: 相邻两个安全出口最近边缘之间的水平距离不应小于5m — one fire
        should not block both.
    Parameters: ``min_spacing_mm`` (5000).
    Passes: the entrance on the front wall and an exit on the side wall 10 m away.
    Fails: a second exit 2 m beside the main entrance.
    """
    plan = ctx.plan
    exits = plan.exits
    for i, a in enumerate(exits):
        for b in exits[i + 1 :]:
            d = a.line.distance(b.line)
            if d < p.min_spacing_mm:
                az, ae = exit_name(plan, a)
                bz, be = exit_name(plan, b)
                yield hit(
                    f"{az}与{bz}最近边缘相距 {metres(d)}，应不小于 {metres(p.min_spacing_mm)}；"
                    f"请把其中一个移到相距至少 {metres(p.min_spacing_mm)} 处",
                    f"{ae} and {be} are {metres(d)} apart at their nearest edges; at least "
                    f"{metres(p.min_spacing_mm)} is required: move one of them further away",
                    handles=[a.id, b.id],
                    at=a.midpoint,
                    subject=("exits", f"{exit_subject(plan, a)[1]}+{exit_subject(plan, b)[1]}"),
                    measured=round(d),
                    limit=p.min_spacing_mm,
                    unit="mm",
                )


@rule(
    "EVAC-EXIT-WIDTH",
    severity="error",
    profiles=ALL,
    source="GB 55037 7.1.4; GB 50016 5.5.18, 5.5.19",
    title="安全出口宽度",
    title_en="Exit width",
    params={
        "min_width_mm": 900.0,
        "ground_exterior_min_width_mm": 1100.0,
        "high_rise_ground_min_width_mm": 1200.0,
        "crowded": False,
        "crowded_min_width_mm": 1400.0,
    },
    mandatory=True,
)
def exit_width(ctx, p):
    """疏散门净宽不应小于 0.90 m；首层疏散外门不应小于 1.10 m（高层 1.20 m）；人员密集场所 1.40 m。 Exit width.

    Checks: every exit opening is at least ``min_width_mm`` wide; on the ground floor (``BM_FLOOR`` 1) the
        external doors (the main entrance; every exit when ``BM_HALL_SETTING`` is ``building``) at least
        ``ground_exterior_min_width_mm``, in a high-rise building ``high_rise_ground_min_width_mm``; in crowded
        premises (``BM_CROWDED``, or the configuration's ``crowded = true``) every exit at least
        ``crowded_min_width_mm``.
    Conditions: 一般疏散门 0.90 m；首层疏散外门 1.10 m，高层建筑 1.20 m；人员密集场所（BM_CROWDED）1.40 m //
        0.90 m in general; 1.10 m for ground-floor external doors, 1.20 m in a high-rise building; 1.40 m in crowded
        premises (BM_CROWDED).
    Why: GB 55037 7.1.4(3): 疏散走道、首层疏散外门、公共建筑中的室内疏散楼梯的净宽度均不应小于1.1m; GB 50016 5.5.18:
        公共建筑内疏散门和安全出口的净宽度不应小于0.90m, table 5.5.18: 高层公共建筑首层疏散外门不应小于1.20m; 5.5.19:
        人员密集的公共场所的疏散门净宽度不应小于1.40m.
    Parameters: ``min_width_mm`` (900), ``ground_exterior_min_width_mm`` (1100), ``high_rise_ground_min_width_mm``
        (1200), ``crowded`` (false: the plan's BM_CROWDED decides; true forces it), ``crowded_min_width_mm`` (1400).
    Passes: a 1.5 m exit; a 1.0 m exit of a room on the second floor.
    Fails: a 0.8 m exit; a 1.0 m exit on the ground floor of a 12-storey building; a 1.0 m main entrance on the
        ground floor (1.10 m); a 1.2 m exit of a street centre (crowded: 1.40 m).
    """
    plan = ctx.plan
    pr = ctx.props
    crowded = p.crowded or pr.is_crowded(plan.hall_area_m2)
    for o in plan.exits:
        limit, why_zh, why_en = p.min_width_mm, "", ""
        exterior = pr.floor == 1 and (o.kind == "main" or pr.setting == "building")
        if exterior:
            high = pr.high_rise and p.high_rise_ground_min_width_mm > p.ground_exterior_min_width_mm
            ext = p.high_rise_ground_min_width_mm if high else p.ground_exterior_min_width_mm
            if ext > limit:
                limit = ext
                why_zh = "（高层建筑首层疏散外门）" if high else "（首层疏散外门）"
                why_en = " (a high-rise ground-floor external door)" if high else " (a ground-floor external door)"
        if crowded and p.crowded_min_width_mm > limit:
            limit, why_zh, why_en = p.crowded_min_width_mm, "（人员密集场所）", " (crowded premises)"
        if o.width + 0.5 < limit:
            zh, en = exit_name(plan, o)
            yield hit(
                f"{zh}净宽 {metres(o.width, 2)}，应不小于 {metres(limit, 2)}{why_zh}；请加宽该出口",
                f"{en} is {metres(o.width, 2)} wide; at least {metres(limit, 2)} is required{why_en}: widen it",
                handles=[o.id],
                at=o.midpoint,
                subject=exit_subject(plan, o),
                measured=round(o.width),
                limit=limit,
                unit="mm",
            )


def width_per_100(props, table, crowded: bool = False) -> tuple[float, str, str]:
    """Metres of exit width per 100 people (GB 50016 table 5.5.21-1), with the row it came from.

    ``table`` maps "1-2", "3", "4+" to (grade 1-2, grade 3[, grade 4]), "basement" to (ΔH <= 10 m, > 10 m)
    and "basement-crowded" to (any depth). Above ground the row is the building's storeys; below ground the
    depth (assumed 5 m a storey), or 1.00 m at any depth for a crowded room (5.5.21(3)). A grade 4 building
    over 2 storeys (which the code does not allow) takes the last figure of its row.
    """
    if props.floor <= -1:
        if crowded and table.get("basement-crowded"):
            return (
                float(table["basement-crowded"][0]),
                "地下人员密集的厅、室",
                "a crowded room below ground",
            )
        deep = -props.floor * 5.0 > 10.0  # ΔH: a storey is taken as at most 5 m
        return (
            float(table["basement"][1 if deep else 0]),
            "地下，埋深大于 10 m" if deep else "地下，埋深不大于 10 m",
            "below ground, over 10 m deep" if deep else "below ground, at most 10 m deep",
        )
    n = props.building_floors
    row = "1-2" if n <= 2 else "3" if n == 3 else "4+"
    grade = min(max(int(props.fire_resistance), 2), 4) - 2  # 0: grade 1-2, 1: grade 3, 2: grade 4
    figures = list(table[row])
    col = min(grade, len(figures) - 1)
    grade_zh = ("一、二级", "三级", "四级")[grade]
    grade_en = ("grade 1-2", "grade 3", "grade 4")[grade]
    storeys_zh = {"1-2": "1～2 层", "3": "3 层", "4+": "4 层及以上"}[row]
    storeys_en = {"1-2": "1-2 storeys", "3": "3 storeys", "4+": "4 storeys or more"}[row]
    return float(figures[col]), f"地上 {storeys_zh}、耐火等级{grade_zh}", f"{storeys_en}, {grade_en}"


@rule(
    "EVAC-TOTAL-WIDTH",
    severity="error",
    profiles=ALL,
    source="GB 55037 7.4.7; GB 50016 5.5.21",
    title="疏散总宽度",
    title_en="Total exit width",
    params={"occupant_density_per_m2": 0.5, "width_per_100_m": {k: list(v) for k, v in WIDTH_TABLE.items()}},
    mandatory=True,
)
def total_width(ctx, p):
    """疏散门的总净宽度按每 100 人的最小疏散净宽度计算。 Total exit width for the occupant load.

    Checks: the total width of the exits is at least occupants ÷ 100 × the width per 100
        people, where occupants = hall area × ``occupant_density_per_m2``, rounded up (an
        assumption: GB 50016 gives no density for service halls; a bureau can set it, and the
        message states it) and the width per 100 people comes from table 5.5.21-1 by the
        building's storeys above ground (``BM_BUILDING_FLOORS``) and its fire-resistance grade
        (``BM_FIRE_RESISTANCE``); below ground by the depth (a storey taken as 5 m).
    Conditions: 每百人净宽：地上 1～2 层 0.65 m（三级 0.75 m，四级 1.00 m），3 层 0.75 m（1.00 m），不少于 4 层 1.00 m
        （1.25 m）；地下埋深不大于 10 m 0.75 m，大于 10 m 1.00 m；地下人员密集的厅、室 1.00 m // width per 100 people:
        1-2 storeys 0.65 m (grade 3: 0.75 m, grade 4: 1.00 m), 3 storeys 0.75 m (1.00 m), 4 storeys or more 1.00 m
        (1.25 m); below ground at most 10 m deep 0.75 m, deeper 1.00 m; a crowded room below ground 1.00 m.
    Why: GB 55037 7.4.7 and table 7.4.7 (the same figures, mandatory); GB 50016 5.5.21(3): 地下或半地下人员密集的厅、室
        和歌舞娱乐放映游艺场所，其房间疏散门、安全出口、疏散走道和疏散楼梯的各自总净宽度，应根据疏散人数按每100人不小于
        1.00m计算确定; GB 50016 5.5.21(1) and table 5.5.21-1: 每层的房间疏散门、安全出口的各自总净宽度, 应根据疏散人数按每100人的
        最小疏散净宽度计算确定; the row is the building's storeys, not the hall's floor.
    Parameters: ``occupant_density_per_m2`` (0.5), ``width_per_100_m`` ({"1-2": [0.65, 0.75, 1.0], "3": [0.75, 1.0],
        "4+": [1.0, 1.25], "basement": [0.75, 1.0], "basement-crowded": [1.0]}).
    Passes: 250 m² in a 3-storey building → 125 people × 0.75 m → 0.94 m needed; 3.5 m of exits.
    Fails: 1200 m² (600 people) on the ground floor of a 6-storey building: 6.0 m needed, 3.5 m drawn.
    """
    people = occupants(ctx, p.occupant_density_per_m2)
    table = dict(WIDTH_TABLE)
    if isinstance(p.width_per_100_m, dict):
        table.update(p.width_per_100_m)
    per100, row_zh, row_en = width_per_100(ctx.props, table, ctx.props.is_crowded(ctx.plan.hall_area_m2))
    need = people / 100.0 * per100 * 1000.0
    have = sum(o.width for o in ctx.plan.exits)
    if have + 0.5 < need:
        density = number(p.occupant_density_per_m2, 2)
        yield hit(
            f"安全出口总净宽 {metres(have, 2)}，应不小于 {metres(need, 2)}：大厅 "
            f"{number(ctx.plan.hall_area_m2, 1, 'm²')} 按每平方米 {density} 人计 {people} 人，{row_zh}，每百人 "
            f"{per100:.2f} m；请加宽出口或增设安全出口",
            f"the exits total {metres(have, 2)}; at least {metres(need, 2)} is required: "
            f"{number(ctx.plan.hall_area_m2, 1, 'm²')} at {density} people per m² is {people} people, at "
            f"{per100:.2f} m per 100 people ({row_en}); widen the exits or add one",
            handles=[o.id for o in ctx.plan.exits],
            at=centre(ctx.hall),
            subject=("hall", "exit-width"),
            measured=round(have),
            limit=round(need),
            unit="mm",
        )


def travel_limit(ctx, p) -> tuple[float, str, str]:
    """The straight-line travel limit in mm, with the condition it came from (both languages)."""
    grade = _grade(ctx)
    gz, ge = _grade_words(ctx)
    if len(ctx.plan.exits) >= 2:
        # grade 3 and 4: 5.5.17(4)'s 30 m is for grade 1-2 only; a room takes 5.5.17(3)'s dead-end column
        base = p.max_distance_m if grade <= 2 else p.dead_end_grade3_m if grade == 3 else p.dead_end_grade4_m
        zh, en = f"耐火等级{gz}、有 2 个以上出口", f"{ge}, two or more exits"
    else:
        if grade >= 3:
            base = p.dead_end_grade3_m if grade == 3 else p.dead_end_grade4_m
        elif ctx.props.high_rise:
            base = p.dead_end_high_rise_m
        else:
            base = p.dead_end_m
        tall = "高层建筑、" if ctx.props.high_rise else ""
        zh = f"{tall}耐火等级{gz}、只有 1 个出口（袋形）"
        en = f"{'high-rise, ' if ctx.props.high_rise else ''}{ge}, one exit only (dead end)"
    if ctx.props.sprinklers:
        base *= p.sprinkler_factor
        zh += f"、设自动喷水灭火系统 ×{p.sprinkler_factor:g}"
        en += f", sprinklers ×{p.sprinkler_factor:g}"
    return base * 1000.0, zh, en


@rule(
    "EVAC-TRAVEL",
    severity="error",
    profiles=ALL,
    source="GB 50016 5.5.17",
    title="疏散距离",
    title_en="Travel distance",
    params={
        **TRAVEL_DISTANCE_M,
        "sprinkler_factor": 1.25,
        "max_corridor_m": 10.0,
    },
)
def travel(ctx, p):
    """室内任一点至最近疏散门或安全出口的直线距离不应大于限值。 Straight-line travel distance.

    Checks: every point of the free floor is within the limit, in a straight line, of the
        nearest exit. A hall with two or more exits: ``max_distance_m`` in a grade 1–2
        building, ``dead_end_grade3_m`` in grade 3 and ``dead_end_grade4_m`` in grade 4 (5.5.17(3): the 30 m of
        5.5.17(4) is for grade 1–2 only); a hall with one exit (a dead-end
        room): ``dead_end_m`` (grade 1–2, not high-rise), ``dead_end_high_rise_m`` (high-rise),
        ``dead_end_grade3_m`` (grade 3), ``dead_end_grade4_m`` (grade 4). × ``sprinkler_factor``
        with sprinklers in every case. Measured at every corner of the free floor and at the
        analysis grid's cell centres; the finding names the farthest point and its distance.
        In a room (``BM_HALL_SETTING`` room) above or below the ground floor taking the 30 m of 5.5.17(4),
        whose doors then do not open outside, the corridor from its door to the nearest exit
        (``BM_CORRIDOR_TO_EXIT_M``) is at most ``max_corridor_m`` (an info finding asks for it when not stated).
    Conditions: 2 个以上出口：一、二级 30 m，三级 20 m，四级 15 m；只有 1 个出口（袋形房间）：一、二级非高层 22 m，高层 20 m，
        三级 20 m，四级 15 m；设自动喷水灭火系统时均 ×1.25 // two or more exits: 30 m (grade 1-2), 20 m (grade 3), 15 m (grade 4);
        one exit (a dead-end room): 22 m (grade 1-2, not high-rise), 20 m (high-rise), 20 m (grade 3), 15 m (grade 4);
        × 1.25 with sprinklers.
    Why: GB 50016 5.5.17(4): 一、二级耐火等级建筑内疏散门或安全出口不少于2个的观众厅、展览厅、多功能厅、餐厅、
        营业厅等, 其室内任一点至最近疏散门或安全出口的直线距离不应大于30m; table 5.5.17 (位于袋形走道两侧或尽端的
        疏散门: 22 m, 高层 20 m, 三级 20 m, 四级 15 m); 5.5.17 note 3: 设自动喷水灭火系统时可增加25%; 5.5.17(4):
        当疏散门不能直通室外地面或疏散楼梯间时，应采用长度不大于10m的疏散走道通至最近的安全出口.
    Parameters: ``max_distance_m`` (30), ``dead_end_m`` (22),
        ``dead_end_high_rise_m`` (20), ``dead_end_grade3_m`` (20), ``dead_end_grade4_m`` (15),
        ``sprinkler_factor`` (1.25), ``max_corridor_m`` (10).
    Passes: a 20 m × 12.5 m hall with exits on two walls (15.4 m at most); a one-door hall whose far
        corner is 21 m from the door in a 3-storey building (22 m).
    Fails: a 60 m long hall with its exits at one end; the same one-door hall in a high-rise (20 m); a room on the
        second floor whose door is 14 m of corridor from the stair.
    """
    if not ctx.plan.exits:
        yield _no_exit()
        return
    yield from _corridor(ctx, p)
    limit, why_zh, why_en = travel_limit(ctx, p)
    d, where = ctx.analysis.straight_exit
    if d > limit:
        pz, pe = place(ctx.plan, where)
        with_sprinklers = limit * p.sprinkler_factor
        remedy_zh = "请在该处附近增设安全出口" + (
            "" if ctx.props.sprinklers else f"，或设置自动喷水灭火系统后限值为 {metres(with_sprinklers)}"
        )
        remedy_en = "add an exit near it" + (
            "" if ctx.props.sprinklers else f", or install sprinklers (then the limit is {metres(with_sprinklers)})"
        )
        yield hit(
            f"{pz}距最近安全出口直线 {metres(d)}，超过 {metres(limit)}（{why_zh}）；{remedy_zh}",
            f"{pe} is {metres(d)} in a straight line from the nearest exit, over {metres(limit)} "
            f"({why_en}); {remedy_en}",
            at=where,
            subject=("hall", "farthest-point"),
            measured=round(d),
            limit=round(limit),
            unit="mm",
        )


def _corridor(ctx, p):
    """GB 50016 5.5.17(4): 当疏散门不能直通室外地面或疏散楼梯间时，应采用长度不大于10m的疏散走道通至最近的安全出口."""
    pr = ctx.props
    if pr.setting != "room" or pr.floor == 1 or _grade(ctx) > 2 or len(ctx.plan.exits) < 2:
        return
    got = pr.corridor_to_exit_m
    if got is None:
        yield hit(
            f"大厅为建筑内的房间且不在首层，按 30 m 疏散距离计时，疏散门至最近安全出口的走道应不大于 "
            f"{number(p.max_corridor_m, 0, 'm')}；图纸未注明走道长度（BM_CORRIDOR_TO_EXIT_M），请在图纸属性中填写",
            f"the hall is a room above or below the ground floor: with the 30 m travel limit its doors need a corridor "
            f"of at most {number(p.max_corridor_m, 0, 'm')} to the nearest exit; the plan does not state it "
            f"(BM_CORRIDOR_TO_EXIT_M): state it in the plan properties",
            at=centre(ctx.hall),
            severity="info",
            subject=("hall", "corridor-to-exit"),
            limit=p.max_corridor_m,
            unit="m",
        )
    elif got > p.max_corridor_m + 1e-9:
        yield hit(
            f"疏散门至最近安全出口的走道长 {number(got, 1, 'm')}（BM_CORRIDOR_TO_EXIT_M），应不大于 "
            f"{number(p.max_corridor_m, 0, 'm')}；请增设直通楼梯间或室外的疏散门",
            f"the corridor from the hall's door to the nearest exit is {number(got, 1, 'm')} (BM_CORRIDOR_TO_EXIT_M), "
            f"over {number(p.max_corridor_m, 0, 'm')}: add a door opening into a stair or outside",
            at=centre(ctx.hall),
            subject=("hall", "corridor-to-exit"),
            measured=got,
            limit=p.max_corridor_m,
            unit="m",
        )


@rule(
    "EVAC-REACH",
    severity="error",
    profiles=ALL,
    source="GB 50016 5.5.17; GA 654",
    title="可达出口",
    title_en="Every area reaches an exit",
    params={"min_region_m2": 0.5},
)
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
            pz, pe = place(ctx.plan, (c.x, c.y))
            yield hit(
                f"{pz}有 {m2(part.area / 1e6)} 的区域被柜台、设施或障碍围住，走不到任何安全出口；"
                f"请在柜台或设施之间留出通道",
                f"an area of {m2(part.area / 1e6)} at {pe} is closed off by counters, furniture or obstacles "
                f"and reaches no exit: leave a way through",
                at=(c.x, c.y),
                subject=("place", f"@{round(c.x / 500)},{round(c.y / 500)}"),
                measured=round(part.area / 1e6, 1),
                limit=p.min_region_m2,
                unit="m²",
            )


@rule(
    "EVAC-PASSAGE",
    severity="error",
    profiles=ALL,
    source="GB 55037 7.1.4; GB 50016 5.5.18",
    title="疏散通道宽度",
    title_en="Passage width",
    params={"min_width_mm": 1100.0},
    prepare=lambda ctx, p: ctx.plan.exits and ctx.start_passable(p.min_width_mm),
    mandatory=True,
)
def passage(ctx, p):
    """疏散走道的净宽度不应小于 1.10 m。 No area cut off by a passage under 1.1 m.

    Checks: shrink the free floor by half of ``min_width_mm``; every part of what remains
        comes within half the width (plus 50 mm) of an exit, or it is reached only through
        a passage narrower than the width. Narrow nooks that vanish in the shrinking (the
        gap between two rows of seats) are left to EVAC-REACH.
    Why: GB 55037 7.1.4(3): 疏散走道……的净宽度均不应小于1.1m; GB 50016 5.5.18: 疏散走道的净宽度不应小于1.10m.
    Parameters: ``min_width_mm`` (1100).
    Passes: a 1.5 m gap at the end of the counter row.
    Fails: the staff area behind counters reached only through 0.4 m gaps between them.
    """
    if not ctx.plan.exits:
        return
    parts = ctx.analysis.narrow_cut_off(p.min_width_mm)
    # the floor each stands for: the shrunk part grown back (the shrunk part alone can be a sliver
    # of "0.0 m²" where a person 1.1 m wide just fits, which no one could act on)
    areas = ctx.analysis.floor_area_within(shapely.buffer(parts, p.min_width_mm / 2.0, quad_segs=4))
    for part, area in zip(parts, areas, strict=True):
        c = part.representative_point()
        pz, pe = place(ctx.plan, (c.x, c.y))
        yield hit(
            f"{pz}约 {m2(area / 1e6)} 的区域只能经过净宽小于 {metres(p.min_width_mm, 2)} 的通道"
            f"到达安全出口；"
            f"请把通道加宽到 {metres(p.min_width_mm, 2)} 以上",
            f"an area of about {m2(area / 1e6)} at {pe} reaches an exit only through passages narrower "
            f"than {metres(p.min_width_mm, 2)}: widen them",
            at=(c.x, c.y),
            subject=("place", f"@{round(c.x / 500)},{round(c.y / 500)}"),
            limit=p.min_width_mm,
            unit="mm",
        )


@rule(
    "EVAC-EXIT-CLEAR",
    severity="error",
    profiles=ALL,
    source="GB 50016 5.5.19; GA 654",
    title="出口前无遮挡",
    title_en="Exits kept clear",
    params={"depth_mm": 1400.0},
    when=lambda ctx: ctx.props.is_crowded(ctx.plan.hall_area_m2),
    when_text="in crowded premises (BM_CROWDED; by default street-center and halls over 200 m²)",
)
def exit_clear(ctx, p):
    """人员密集场所疏散门内外 1.40 m 范围内不应设置踏步；安全出口不得占用、堵塞。 The door's landing is kept clear.

    Checks: in crowded premises (``BM_CROWDED``: by default a street centre or a hall over 200 m²), a
        rectangle as wide as each exit and ``depth_mm`` deep, inside the hall in front of it (the door's
        landing), is free of obstacles and floor objects; the message gives the clear depth left (from the
        door to the nearest thing in the landing).
    Why: GB 50016 5.5.19: 人员密集的公共场所……紧靠门口内外各1.40m范围内不应设置踏步 — used here as a
        clear-landing rule; GA 654: 严禁占用、堵塞疏散通道和安全出口.
    Parameters: ``depth_mm`` (1400).
    Passes: open floor in front of both exits; a 100 m² community station (not crowded) with a table by its door.
    Fails: a water dispenser 0.5 m inside the emergency exit.
    """
    plan = ctx.plan
    names = {o.id: o for o in plan.objects}
    shapes = {ob.id: ob.polygon for ob in plan.obstacles if getattr(ob, "polygon", None) is not None}
    for o in plan.exits:
        area = ctx.analysis.clear_area(o, p.depth_mm)
        blockers = ctx.blockers_hit(area)
        if blockers:
            zh, en = exit_name(plan, o)
            things_zh = [names[b].spec.zh if b in names and names[b].spec else "障碍物" for b in blockers]
            things_en = [names[b].spec.en if b in names and names[b].spec else "an obstacle" for b in blockers]
            gaps = [
                o.line.distance(names[b].footprint if b in names else shapes[b])
                for b in blockers
                if b in names or b in shapes
            ]
            clear = min(gaps) if gaps else 0.0
            yield hit(
                f"{zh}内侧 {metres(p.depth_mm)} 的门前平台内有{'、'.join(dict.fromkeys(things_zh))}，"
                f"门前净深只有 {metres(clear)}，应不小于 {metres(p.depth_mm)}（人员密集场所）；请移开",
                f"{', '.join(dict.fromkeys(things_en))} within the {metres(p.depth_mm)} landing inside {en}: "
                f"{metres(clear)} clear, at least {metres(p.depth_mm)} required (crowded premises): move it away",
                handles=[o.id, *blockers],
                at=o.midpoint,
                subject=exit_subject(plan, o),
                measured=round(clear),
                limit=p.depth_mm,
                unit="mm",
            )


@rule(
    "EVAC-ROUTE",
    severity="error",
    profiles=ALL,
    source="GB 50016 5.5.17",
    title="疏散路线",
    title_en="Evacuation routes",
    params={"end_tolerance_mm": 500.0, "max_length_m": 30.0, "sprinkler_factor": 1.25},
)
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
    plan = ctx.plan
    exits = plan.exits
    limit = p.max_length_m * 1000.0 * (p.sprinkler_factor if ctx.props.sprinklers else 1.0)
    room = ctx.analysis.room if plan.routes else None
    for n, r in enumerate(plan.routes, 1):
        name_zh, name_en = f"第 {n} 条疏散路线", f"drawn route {n}"
        subject = ("route", str(n))
        line = r.line
        end = shapely.Point(r.points[-1])
        if not exits:
            yield hit(
                f"{name_zh}无处可通：图中没有安全出口；请画出安全出口",
                f"{name_en} leads nowhere: the plan has no exit; draw the exits",
                handles=[r.id],
                at=r.points[-1],
                subject=subject,
            )
        else:
            d = min(o.line.distance(end) for o in exits)
            if d > p.end_tolerance_mm:
                pz, pe = place(plan, r.points[-1])
                yield hit(
                    f"{name_zh}终点在{pz}，距最近安全出口 {metres(d)}（允许 {mm(p.end_tolerance_mm)}）；"
                    f"请把路线画到安全出口",
                    f"{name_en} ends at {pe}, {metres(d)} from the nearest exit (tolerance "
                    f"{mm(p.end_tolerance_mm)}): draw it to an exit",
                    handles=[r.id],
                    at=r.points[-1],
                    subject=subject,
                    measured=round(d),
                    limit=p.end_tolerance_mm,
                    unit="mm",
                )
        outside = line.difference(room)
        if outside.length > 1.0:
            blockers = ctx.blockers_hit(line)
            c = outside.interpolate(0.5, normalized=True)
            tz, te = things(plan, blockers) if blockers else ("墙体", "a wall")
            yield hit(
                f"{name_zh}有 {metres(outside.length)} 穿过{tz}；请绕开",
                f"{name_en} crosses {te} for {metres(outside.length)}: route it round",
                handles=[r.id, *blockers],
                at=(c.x, c.y),
                subject=subject,
                measured=round(outside.length),
                limit=0,
                unit="mm",
            )
        length = path_length(r.points)
        if length > limit:
            yield hit(
                f"{name_zh}长 {metres(length)}，超过 {metres(limit)}；请增设出口或改走更近的出口",
                f"{name_en} is {metres(length)} long, over {metres(limit)}: add an exit or lead it to a nearer one",
                handles=[r.id],
                at=r.points[0],
                subject=subject,
                measured=round(length),
                limit=round(limit),
                unit="mm",
            )


@rule(
    "EVAC-ROUTE-PRESENT",
    severity="warning",
    profiles=ALL,
    source="XA 三(五)",
    title="绘制疏散路线",
    title_en="Routes drawn",
)
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
        yield hit(
            "图中没有绘制疏散路线（BM-ROUTE）；请从最远处画到安全出口（设计器可自动生成）",
            "no evacuation route (BM-ROUTE) is drawn: draw one from the farthest point to an exit (the "
            "designer can draw it for you)",
            subject=("hall", "routes"),
        )
