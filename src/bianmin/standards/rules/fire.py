"""FIRE- rules: signs, extinguishers, hydrants, alarms, emergency lights."""

import math

import shapely

from bianmin.geometry.grid import path_length

from bianmin.standards.context import centre

from bianmin.standards.registry import ALL, hit, rule
from bianmin.standards.tables import HAZARD_DISTANCE, MIN_RATING, U_M2_PER_A, a_rating
from bianmin.standards.wording import exit_name, exit_subject, metres, number, place, thing_name


@rule(
    "FIRE-EXIT-SIGN",
    severity="error",
    profiles=ALL,
    source="GB 51309 3.2.8; GB 50016 10.3.5",
    title="安全出口标志",
    title_en="Exit signs",
    params={"max_distance_mm": 1000.0},
)
def exit_sign(ctx, p):
    """安全出口和疏散门的正上方应设置“安全出口”标志。 An exit sign at every exit.

    Checks: every exit has a ``BM_EXIT_SIGN`` within ``max_distance_mm``.
    Why: GB 50016 10.3.5(1): 应设置灯光疏散指示标志……安全出口和人员密集的场所的疏散门的正上方;
        GB 51309 3.2.8: 安全出口和疏散门的正上方应设置“安全出口”标志灯.
    Parameters: ``max_distance_mm`` (1000).
    Passes: an exit sign over each exit.
    Fails: the side exit without one.
    """
    plan = ctx.plan
    signs = ctx.objects("BM_EXIT_SIGN")
    for o in plan.exits:
        d = min((s.footprint.distance(o.line) for s in signs), default=None)
        if d is None or d > p.max_distance_mm:
            zh, en = exit_name(plan, o)
            far_zh = "图中没有安全出口标志" if d is None else f"最近的安全出口标志在 {metres(d)} 外"
            far_en = "the plan has no exit sign" if d is None else f"the nearest exit sign is {metres(d)} away"
            yield hit(
                f"{zh}正上方没有“安全出口”标志（{far_zh}，应在 {metres(p.max_distance_mm)} 内）；"
                f"请在门的正上方设置 BM_EXIT_SIGN",
                f"{en} has no exit sign above it ({far_en}; it must be within {metres(p.max_distance_mm)}): "
                f"put a BM_EXIT_SIGN right above the door",
                handles=[o.id],
                at=o.midpoint,
                subject=exit_subject(plan, o),
                measured=None if d is None else round(d),
                limit=p.max_distance_mm,
                unit="mm",
            )


MOUNTS = ("wall", "ceiling", "floor")


def _mount(sign) -> str:
    """An evacuation sign's mounting; an exit sign hangs over its door (ceiling)."""
    if sign.block == "BM_EXIT_SIGN":
        return "ceiling"
    value = (sign.attr("MOUNT") or "wall").lower()
    return value if value in MOUNTS else "wall"


def _gaps(line, spots, limits):
    """The worst gap along a path, as (excess, gap, start, limit): each gap from a sign (or the path's
    start) to the next sign (or the exit) is limited by the mounting of the sign it starts from."""
    length = line.length
    marks = [(0.0, None)] + spots + [(length, None)]
    worst = None
    for (a, sa), (b, _) in zip(marks, marks[1:], strict=False):
        # the walk from the start to the first sign has no sign behind it: the widest allowance
        limit = limits[_mount(sa)] if sa is not None else max(limits.values())
        gap = b - a
        if worst is None or gap - limit > worst[0]:
            worst = (gap - limit, gap, a, limit, _mount(sa) if sa is not None else "")
    return worst


_MOUNT_WORDS = {
    "wall": ("墙面标志", "wall signs"),
    "ceiling": ("吊挂标志", "hung signs"),
    "floor": ("地面标志", "floor signs"),
    "": ("标志", "signs"),
}


@rule(
    "FIRE-EVAC-SIGN",
    severity="error",
    profiles=ALL,
    source="GB 51309 3.2.9; GB 50016 10.3.5",
    title="疏散指示标志间距",
    title_en="Evacuation sign spacing",
    params={
        "near_mm": 2000.0,
        "max_gap_wall_m": 10.0,
        "max_gap_ceiling_m": 20.0,
        "max_gap_floor_m": 3.0,
        "turn_mm": 1000.0,
        "turn_deg": 45.0,
    },
)
def evac_sign(ctx, p):
    """方向标志灯的间距：墙面 10 m、吊挂 20 m、地面 3 m。 Evacuation sign spacing by mounting.

    Checks: along every evacuation passage of the free floor (the walk from its farthest point to its
        nearest exit, and for each exit the walk from the farthest point that leaves by it) and along each
        drawn route, the signs that the path passes within ``near_mm`` of
        (``BM_EVAC_SIGN``, ``BM_EXIT_SIGN``) are taken in order from the path's start to the
        exit; the gap after each sign is at most the limit of its MOUNT: ``wall`` (facing
        parallel to the escape direction) ``max_gap_wall_m``, ``ceiling`` (hung, facing the
        escape direction; exit signs count as hung) ``max_gap_ceiling_m``, ``floor``
        ``max_gap_floor_m``. The walk to the first sign is allowed the widest of them. Each turn of a drawn
        route of at least ``turn_deg`` has a sign within ``turn_mm`` (a **warning**: in an open hall a drawn
        route's bend is not always a corridor's corner).
    Conditions: 间距按标志安装方式：墙面（标志面与疏散方向平行）不大于 10 m，吊挂（标志面与疏散方向垂直）不大于 20 m，
        地面不大于 3 m；只计路径 2 m 内的标志 // gaps by mounting: wall (facing parallel to the escape direction)
        at most 10 m, hung from the ceiling (facing the escape direction) at most 20 m, floor at most 3 m; only signs
        within 2 m of the path count.
    Why: GB 51309 3.2.9: 方向标志灯……标志面与疏散方向垂直时, 灯具的设置间距不应大于20m; 标志面与疏散方向平行时,
        中型或小型方向标志灯的设置间距不应大于10m; 地面上设置的……方向标志灯间距不应大于3m;
        GB 50016 10.3.5(2): 灯光疏散指示标志的间距……在走道转角区，不应大于1.0m.
    Parameters: ``near_mm`` (2000), ``max_gap_wall_m`` (10), ``max_gap_ceiling_m`` (20), ``max_gap_floor_m`` (3),
        ``turn_mm`` (1000), ``turn_deg`` (45).
    Passes: hung direction signs 15 m apart along a 45 m hall.
    Fails: wall signs 15 m apart along the same hall; a 45 m hall with no direction signs; a bare stretch on the
        way to the second exit that the farthest point's walk does not pass; a route turning 90° 3 m from a sign.
    """
    plan = ctx.plan
    signs = ctx.objects("BM_EVAC_SIGN", "BM_EXIT_SIGN")
    paths = [
        ("从最远点到出口的疏散路径", "the walk from the farthest point to its exit", ("walk", "farthest"), p_["points"])
        for p_ in ctx.analysis.evacuation_paths()
    ]
    # every evacuation passage: the walk to each exit from the farthest point that leaves by it
    for opening, pts in ctx.analysis.passages_by_exit():
        ez, ee = exit_name(plan, opening)
        paths.append((f"通向{ez}的疏散通道", f"the passage to {ee}", ("walk", exit_subject(plan, opening)[1]), pts))
    for n, r in enumerate(plan.routes, 1):
        paths.append((f"第 {n} 条疏散路线", f"drawn route {n}", ("route", str(n)), r.points))
    limits = {
        "wall": p.max_gap_wall_m * 1000.0,
        "ceiling": p.max_gap_ceiling_m * 1000.0,
        "floor": p.max_gap_floor_m * 1000.0,
    }
    seen: set = set()
    for zh, en, subject, pts in paths:
        if len(pts) < 2 or path_length(pts) < 1.0:
            continue
        line = shapely.LineString(pts)
        spots = sorted(
            (
                (line.project(s.footprint.centroid), s)
                for s in signs
                if line.distance(s.footprint.centroid) <= p.near_mm
            ),
            key=lambda t: t[0],
        )
        excess, gap, start, limit, mount = _gaps(line, spots, limits)
        if excess > 0:
            mid = line.interpolate(start + gap / 2)
            key = (round(mid.x / 1000.0), round(mid.y / 1000.0))
            if key in seen:  # two passages sharing the same bare stretch: said once
                continue
            seen.add(key)
            pz, pe = place(plan, (mid.x, mid.y))
            mz, me = _MOUNT_WORDS[mount]
            yield hit(
                f"{zh}在{pz}有 {metres(gap)} 没有疏散指示标志，{mz}间距应不大于 {metres(limit)}；"
                f"请在该段增设疏散指示标志",
                f"{en} goes {metres(gap)} without an evacuation sign at {pe}; {me} must be at most "
                f"{metres(limit)} apart: add a sign on that stretch",
                at=(mid.x, mid.y),
                subject=subject,
                measured=round(gap),
                limit=round(limit),
                unit="mm",
            )
    # a drawn route's turns (走道转角区): a sign within turn_mm of each
    for n, r in enumerate(plan.routes, 1):
        for i, corner in enumerate(_turns(r.points, p.turn_deg), 1):
            pt = shapely.Point(corner)
            d = min((s.footprint.distance(pt) for s in signs), default=math.inf)
            if d <= p.turn_mm:
                continue
            pz, pe = place(plan, corner)
            near_zh = f"最近的标志在 {metres(d)} 外" if math.isfinite(d) else "图中没有疏散指示标志"
            near_en = f"the nearest sign is {metres(d)} away" if math.isfinite(d) else "the plan has no sign"
            yield hit(
                f"第 {n} 条疏散路线在{pz}转弯，转角处 {metres(p.turn_mm)} 内没有疏散指示标志（{near_zh}）；"
                f"请在转角处增设疏散指示标志",
                f"drawn route {n} turns at {pe} with no evacuation sign within {metres(p.turn_mm)} of the turn "
                f"({near_en}): add a sign at the turn",
                at=corner,
                severity="warning",
                subject=("route-turn", f"{n}.{i}"),
                measured=round(d) if math.isfinite(d) else None,
                limit=round(p.turn_mm),
                unit="mm",
            )


def _turns(points, min_deg: float) -> list:
    """The interior vertices of a polyline where its direction changes by at least ``min_deg``."""
    out = []
    for a, b, c in zip(points, points[1:], points[2:], strict=False):
        ux, uy = b[0] - a[0], b[1] - a[1]
        vx, vy = c[0] - b[0], c[1] - b[1]
        nu, nv = math.hypot(ux, uy), math.hypot(vx, vy)
        if nu < 1.0 or nv < 1.0:
            continue
        cos = max(-1.0, min(1.0, (ux * vx + uy * vy) / (nu * nv)))
        if math.degrees(math.acos(cos)) >= min_deg:
            out.append((float(b[0]), float(b[1])))
    return out


@rule(
    "FIRE-EXT-REACH",
    severity="error",
    profiles=ALL,
    source="GB 50140 5.2.1, 7.1.3",
    title="灭火器保护距离",
    title_en="Extinguisher reach",
    params={"max_distance_m": dict(HAZARD_DISTANCE)},
    mandatory=True,
)
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
        yield hit(
            "图中没有灭火器设置点（BM_EXTINGUISHER）；请在大厅两侧墙边各设置一处",
            "the plan has no fire extinguisher point (BM_EXTINGUISHER): put one on each side wall",
            subject=("block", "BM_EXTINGUISHER"),
            measured=0,
            limit=1,
            unit="points",
        )
        return
    d, where, _ = ctx.analysis.extinguisher_field.worst()
    if d > limit:
        hz = _HAZARD_ZH.get(ctx.props.fire_hazard, "中危险级")
        he = _HAZARD_EN.get(ctx.props.fire_hazard, "medium hazard")
        pz, pe = place(ctx.plan, where)
        if not math.isfinite(d):
            yield hit(
                f"{pz}走不到任何灭火器设置点；请在该处附近增设灭火器",
                f"{pe} cannot reach any extinguisher point on foot: add one near it",
                at=where,
                subject=("hall", "extinguisher-reach"),
                limit=round(limit),
                unit="mm",
            )
            return
        yield hit(
            f"{pz}距最近灭火器设置点步行 {metres(d)}，超过{hz}的最大保护距离 {metres(limit)}；请在该处附近增设灭火器",
            f"{pe} is {metres(d)} on foot from the nearest extinguisher point, over the {metres(limit)} "
            f"reach for {he}: add an extinguisher point near it",
            at=where,
            subject=("hall", "extinguisher-reach"),
            measured=round(d),
            limit=round(limit),
            unit="mm",
        )


_HAZARD_ZH = {"light": "轻危险级", "medium": "中危险级", "severe": "严重危险级"}
_HAZARD_EN = {"light": "light hazard", "medium": "medium hazard", "severe": "severe hazard"}


@rule(
    "FIRE-EXT-COUNT",
    severity="error",
    profiles=ALL,
    source="GB 50140 6.1.1, 6.1.2",
    title="灭火器数量",
    title_en="Extinguisher count",
    mandatory=True,
)
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
    if not exts:
        # said once, here: the engine drops FIRE-EXT-REACH and FIRE-EXT-RATING for a plan with none at all
        yield hit(
            "图中没有灭火器（BM_EXTINGUISHER）；请在大厅两侧墙边各设置一处，每处 2 具",
            "the plan has no fire extinguisher (BM_EXTINGUISHER): put a point of 2 on each side wall",
            subject=("block", "BM_EXTINGUISHER"),
            measured=0,
            limit=2,
            unit="units",
        )
        return
    total = sum(e.count() for e in exts)
    if total < 2:
        yield hit(
            f"大厅内灭火器共 {total} 具，不得少于 2 具；请在设置点增配灭火器（COUNT）",
            f"{total} extinguisher in the hall; at least 2 are required: add extinguishers (COUNT)",
            handles=[e.id for e in exts],
            subject=("hall", "extinguishers"),
            measured=total,
            limit=2,
            unit="units",
        )
    for e in exts:
        if e.count() > 5:
            zh, en = thing_name(ctx.plan, e)
            yield hit(
                f"{zh}有 {e.count()} 具灭火器，每个设置点不宜多于 5 具；请分到另一设置点",
                f"{en} holds {e.count()} extinguishers; at most 5 per point are advised: split them over another point",
                handles=[e.id],
                at=centre(e.footprint),
                severity="warning",
                subject=_ext_subject(ctx, e),
                measured=e.count(),
                limit=5,
                unit="units",
            )


def _ext_subject(ctx, e) -> tuple[str, str]:
    """An extinguisher point by its order (west to east, south to north): ("extinguisher", "2")."""
    points = sorted(ctx.objects("BM_EXTINGUISHER"), key=lambda o: (round(o.position[0]), round(o.position[1])))
    for n, o in enumerate(points, 1):
        if o is e or o.id == e.id:
            return ("extinguisher", str(n))
    return ("extinguisher", "0")


def k_factor(ctx, p) -> tuple[float, str, str]:
    """K of GB 50140 7.3.2 with its reason."""
    hydrant = bool(ctx.objects("BM_HYDRANT"))
    sprinklers = bool(ctx.props.sprinklers)
    if hydrant and sprinklers:
        return p.k_both, "设室内消火栓和自动喷水灭火系统", "a hydrant and sprinklers"
    if sprinklers:
        return p.k_sprinklers, "设自动喷水灭火系统", "sprinklers"
    if hydrant:
        return p.k_hydrant, "设室内消火栓", "a hydrant"
    return 1.0, "未设室内消火栓和自动喷水灭火系统", "no hydrant, no sprinklers"


def required_rating(ctx, p) -> tuple[int, float, float, str, str]:
    """(Q rounded up to a whole A, K, the below-ground factor, why K in zh, in en)."""
    hazard = ctx.props.fire_hazard
    k, kz, ke = k_factor(ctx, p)
    below = p.below_ground_factor if ctx.props.below_ground else 1.0
    raw = below * k * ctx.plan.hall_area_m2 / U_M2_PER_A.get(hazard, 75.0)
    q = int(math.ceil(raw - 1e-9)) if math.isfinite(raw) and raw > 0 else 0
    return q, k, below, kz, ke


@rule(
    "FIRE-EXT-RATING",
    severity="error",
    profiles=ALL,
    source="GB 50140 6.2.1, 7.3",
    title="灭火级别",
    title_en="Extinguisher rating",
    params={"k_hydrant": 0.9, "k_sprinklers": 0.7, "k_both": 0.5, "below_ground_factor": 1.3},
    mandatory=True,
)
def ext_rating(ctx, p):
    """计算单元的最小需配灭火级别 Q = K·S/U，取整；每个设置点按 Qe = Q/N 配置。 Extinguisher rating.

    Checks: the total A rating (COUNT × RATING, default ``2A``) is at least Q = K × S ÷ U
        rounded up to a whole A, with S the hall area, U = {light: 100, medium: 75, severe: 50}
        m²/A and K = 1.0, ``k_hydrant`` with a ``BM_HYDRANT`` in the hall, ``k_sprinklers`` with
        sprinklers, ``k_both`` with both; × ``below_ground_factor`` below ground (``BM_FLOOR`` < 0).
        Each of the N points holds at least its share Qe = Q ÷ N; each unit is at least
        {1A, 2A, 3A} for light, medium, severe.
    Conditions: K：无消火栓和喷淋 1.0，设室内消火栓 0.9，设自动喷水灭火系统 0.7，两者都设 0.5；地下场所 Q ×1.3 //
        K = 1.0 with neither, 0.9 with a hydrant, 0.7 with sprinklers, 0.5 with both; below ground Q × 1.3.
    Why: GB 50140 6.2.1 (table 6.2.1: 单具灭火器最小配置灭火级别 and the U values), 7.1.1, 7.3.2
        (Q = K·S/U and table 7.3.2 for K), 7.3.3 (地下场所 ×1.3) and 7.3.4 (Qe = Q/N).
    Parameters: ``k_hydrant`` (0.9), ``k_sprinklers`` (0.7), ``k_both`` (0.5), ``below_ground_factor`` (1.3).
    Passes: 250 m², medium, a hydrant: Q = 0.9 × 250 ÷ 75 = 3 A; two points of 2 × 2A.
    Fails: 250 m², severe, two points of 2 × 1A; 600 m² in the basement, medium: Q = 1.3 × 0.9 × 600 ÷ 75 = 10 A
        against 8 A drawn.
    """
    hazard = ctx.props.fire_hazard
    exts = ctx.objects("BM_EXTINGUISHER")
    if not exts:
        return  # FIRE-EXT-COUNT says it once: the plan has no extinguisher at all
    q, k, below, kz, ke = required_rating(ctx, p)
    u = U_M2_PER_A.get(hazard, 75.0)
    area = ctx.plan.hall_area_m2
    formula = f"{f'{below:g} × ' if below != 1.0 else ''}{k:.1f} × {area:.0f} ÷ {u:.0f}"
    raw = below * k * area / u
    total = sum(e.count() * a_rating(e.attr("RATING")) for e in exts)
    if total + 1e-9 < q:
        below_zh = f"，地下场所 ×{below:g}" if below != 1.0 else ""
        below_en = f", below ground × {below:g}" if below != 1.0 else ""
        yield hit(
            f"灭火器总灭火级别 {total:g}A，小于需配 Q = {formula} = {raw:.2f}，取整 {q}A"
            f"（K = {k:.1f}：{kz}{below_zh}）；"
            f"请增配灭火器或改用更高级别的灭火器",
            f"the extinguishers total {total:g}A, below the required Q = {formula} = {raw:.2f}, rounded up "
            f"to {q}A (K = {k:.1f}: {ke}{below_en}): add extinguishers or use higher-rated ones",
            handles=[e.id for e in exts],
            subject=("hall", "extinguisher-rating"),
            measured=total,
            limit=q,
            unit="A",
        )
    need = MIN_RATING.get(hazard, 2)
    share = q / len(exts)
    hz, he = _HAZARD_ZH.get(hazard, "中危险级"), _HAZARD_EN.get(hazard, "medium hazard")
    for e in exts:
        r = a_rating(e.attr("RATING"))
        zh, en = thing_name(ctx.plan, e)
        if r < need:
            yield hit(
                f"{zh}单具灭火级别 {r:g}A，{hz}应不低于 {need}A；请换用 {need}A 以上的灭火器",
                f"{en}: unit rating {r:g}A; {he} needs at least {need}A per unit: use {need}A units",
                handles=[e.id],
                at=centre(e.footprint),
                subject=_ext_subject(ctx, e),
                measured=r,
                limit=need,
                unit="A",
            )
        elif e.count() * r + 1e-9 < share:
            yield hit(
                f"{zh}共 {e.count() * r:g}A，小于每个设置点应配的 Qe = {q}A ÷ {len(exts)} = {share:.2f}A；"
                f"请在该设置点增配灭火器",
                f"{en} holds {e.count() * r:g}A, below each point's share Qe = {q}A ÷ {len(exts)} = "
                f"{share:.2f}A: add extinguishers at that point",
                handles=[e.id],
                at=centre(e.footprint),
                subject=_ext_subject(ctx, e),
                measured=e.count() * r,
                limit=round(share, 2),
                unit="A",
            )


@rule(
    "FIRE-EQUIP-CLEAR",
    severity="error",
    profiles=ALL,
    source="GA 654",
    title="消防器材前无遮挡",
    title_en="Fire equipment kept clear",
    params={"clear_mm": 800.0},
)
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
            zh, en = thing_name(ctx.plan, e)
            by_id = {o.id: o for o in ctx.plan.objects}
            tz = "、".join(
                dict.fromkeys(by_id[b].spec.zh if b in by_id and by_id[b].spec else "障碍物" for b in blockers)
            )
            te = ", ".join(
                dict.fromkeys(by_id[b].spec.en if b in by_id and by_id[b].spec else "an obstacle" for b in blockers)
            )
            x, y = e.position
            subject = (
                _ext_subject(ctx, e)
                if e.block == "BM_EXTINGUISHER"
                else ("hydrant", f"@{round(x / 500)},{round(y / 500)}")
            )
            yield hit(
                f"{zh}前 {metres(p.clear_mm)} 内有{tz}，挡住取用；请移开",
                f"{te} within {metres(p.clear_mm)} in front of {en} blocks the way to it: move it away",
                handles=[e.id, *blockers],
                at=centre(strip),
                subject=subject,
                measured=len(blockers),
                limit=0,
                unit="objects",
            )


@rule(
    "FIRE-ALARM",
    severity="error",
    profiles=ALL,
    source="GB 50116 6.3.1",
    title="手动报警按钮",
    title_en="Manual alarm reach",
    params={"max_walk_m": 30.0},
    when=lambda ctx: ctx.props.alarm_system,
    when_text="when BM_FIRE_ALARM_SYSTEM is yes",
)
def alarm(ctx, p):
    """设有火灾自动报警系统时，到最近手动报警按钮的步行距离不应大于 30 m。 Alarm within 30 m walk.

    Checks: where the building has an automatic fire alarm system (``BM_FIRE_ALARM_SYSTEM``
        yes; the default for street centres), every point of the free floor is within
        ``max_walk_m`` walking distance of a ``BM_ALARM``; the finding names the worst point.
        Without a system the rule does not apply.
    Conditions: 仅当设有火灾自动报警系统时（BM_FIRE_ALARM_SYSTEM = yes；街道中心默认有，社区站默认无） //
        only where an automatic fire alarm system is installed (BM_FIRE_ALARM_SYSTEM = yes; street centres by
        default, community stations not).
    Why: GB 50116 6.3.1 (a clause of an installed system): 每个防火分区应至少设置一只手动火灾报警按钮;
        从一个防火分区内的任何位置到最邻近的手动火灾报警按钮的步行距离不应大于30m.
    Parameters: ``max_walk_m`` (30).
    Passes: alarms by both exits of a 20 m hall; no alarm where no alarm system is installed.
    Fails: no alarm with an alarm system; one alarm at one end of a 60 m hall.
    """
    if not ctx.props.alarm_system:
        return
    alarms = ctx.objects("BM_ALARM")
    limit = p.max_walk_m * 1000.0
    if not alarms:
        yield hit(
            "设有火灾自动报警系统，但图中没有手动报警按钮（BM_ALARM）；请在出口附近设置手动报警按钮",
            "the building has a fire alarm system but the plan has no manual call point (BM_ALARM): put one "
            "by each exit",
            subject=("block", "BM_ALARM"),
            measured=0,
            limit=1,
            unit="call points",
        )
        return
    d, where, _ = ctx.analysis.alarm_field.worst()
    if d > limit:
        pz, pe = place(ctx.plan, where)
        if not math.isfinite(d):
            yield hit(
                f"{pz}走不到任何手动报警按钮；请在该处附近增设手动报警按钮",
                f"{pe} cannot reach any manual call point on foot: add one near it",
                at=where,
                subject=("hall", "alarm-reach"),
                limit=round(limit),
                unit="mm",
            )
            return
        yield hit(
            f"{pz}距最近手动报警按钮步行 {metres(d)}，超过 {metres(limit)}；请在该处附近增设手动报警按钮",
            f"{pe} is {metres(d)} on foot from the nearest manual call point, over {metres(limit)}: add one near it",
            at=where,
            subject=("hall", "alarm-reach"),
            measured=round(d),
            limit=round(limit),
            unit="mm",
        )


@rule(
    "FIRE-EMERGENCY-LIGHT",
    severity="warning",
    profiles=ALL,
    source="GB 55037 10.1.10; GB 51309 3.2.5; XA 八(二)",
    title="应急照明布置",
    title_en="Emergency light layout",
    params={"radius_mm": 8000.0},
    mandatory=True,
)
def emergency_light(ctx, p):
    """配备应急照明灯（布置启发式：任一点 8 m 内有灯）。 Emergency lights cover the floor.

    Checks: every point of the free floor is within ``radius_mm`` (straight line) of a
        ``BM_EMERGENCY_LIGHT`` — a layout heuristic, and the message says so: illuminance needs
        a lighting calculation the plan cannot hold.
        The message names the floor illuminance that applies: 3.0 lx in crowded premises (``BM_CROWDED``),
        else 1.0 lx.
    Why: GB 55037 10.1.10: 疏散照明的地面最低水平照度，对于疏散走道、人员密集的场所不应低于3.0lx，其他场所不应低于
        1.0lx (GB 50016 10.3.2 in the older wording); GB 51309 3.2.5 (照明灯的设置); XA 八(二): 配备应急照明灯.
    Parameters: ``radius_mm`` (8000).
    Passes: lights on a 10 m × 4 m grid.
    Fails: two lights for a 40 m hall.
    """
    lights = ctx.objects("BM_EMERGENCY_LIGHT")
    crowded = ctx.props.is_crowded(ctx.plan.hall_area_m2)
    lux = 3.0 if crowded else 1.0
    lux_zh = f"地面最低水平照度不应低于 {lux:.1f} lx（{'人员密集场所' if crowded else '一般场所'}）"
    lux_en = f"the floor needs at least {lux:.1f} lx ({'crowded premises' if crowded else 'other premises'})"
    if not lights:
        yield hit(
            f"图中没有应急照明灯（BM_EMERGENCY_LIGHT）；{lux_zh}，请按照度计算布置应急照明灯",
            f"the plan has no emergency light (BM_EMERGENCY_LIGHT); {lux_en}: lay them out by a lighting calculation",
            subject=("block", "BM_EMERGENCY_LIGHT"),
            measured=0,
            limit=1,
            unit="lights",
        )
        return
    far = ctx.analysis.farthest_from([l_.footprint for l_ in lights])
    if far is None:
        return
    d, where = far
    if d > p.radius_mm:
        pz, pe = place(ctx.plan, where)
        yield hit(
            f"{pz}距最近应急照明灯 {metres(d)}，超过布置估算的 {metres(p.radius_mm)}"
            f"（估算，{lux_zh}，以照明计算为准）；"
            f"请在该处附近增设应急照明灯",
            f"{pe} is {metres(d)} from the nearest emergency light, over the {metres(p.radius_mm)} of this "
            f"layout estimate ({lux_en}; the lighting calculation decides): add a light near it",
            at=where,
            subject=("hall", "emergency-light"),
            measured=round(d),
            limit=p.radius_mm,
            unit="mm",
        )


@rule(
    "FIRE-SMOKE",
    severity="warning",
    profiles=ALL,
    source="GB 55037 8.2.2; GB 50016 8.5.3; GB 51251 4.3",
    title="排烟设施",
    title_en="Smoke exhaust",
    params={"over_m2": 100.0, "natural_share": 0.02},
    when=lambda ctx: ctx.plan.hall_area_m2 > 100.0,
    when_text="when the hall is over 100 m²",
    mandatory=True,
)
def smoke(ctx, p):
    """建筑面积大于 100 m² 且经常有人停留的房间应设置排烟设施。 A hall over 100 m² states its smoke exhaust.

    Checks: a hall over ``over_m2`` states how its smoke is let out: ``BM_SMOKE_EXHAUST`` = ``mechanical``, or
        ``natural`` with ``BM_SMOKE_OPENINGS_M2`` (the vents' open area) at least ``natural_share`` of the hall's
        area. A warning: the plan cannot show the windows' opening parts, so it asks the designer to say.
    Why: GB 55037 8.2.2: 公共建筑内建筑面积大于100m²且经常有人停留的房间应采取排烟等烟气控制措施; GB 50016 8.5.3(3)
        says the same; the 2 % of the floor area for natural vents is the customary figure (GB 51251 4.3 sizes them
        by calculation; a bureau may set ``natural_share``).
    Parameters: ``over_m2`` (100), ``natural_share`` (0.02).
    Passes: a 250 m² hall with mechanical exhaust; natural with 6 m² of vents (2.4 %); an 80 m² station.
    Fails: a 250 m² hall that does not say; natural with 3 m² of vents (1.2 %).
    """
    area = ctx.plan.hall_area_m2
    if area <= p.over_m2:
        return
    kind = ctx.props.smoke_exhaust
    if kind == "mechanical":
        return
    need = area * p.natural_share
    if kind is None:
        yield hit(
            f"大厅面积 {number(area, 1, 'm²')}，超过 {number(p.over_m2, 0, 'm²')}，应设置排烟设施；图纸未说明排烟方式"
            f"（BM_SMOKE_EXHAUST：自然排烟需有效开窗面积不小于 {number(need, 1, 'm²')}，或机械排烟）；请在图纸属性中填写",
            f"the hall is {number(area, 1, 'm²')}, over {number(p.over_m2, 0, 'm²')}, and needs smoke exhaust; the plan "
            f"does not say how (BM_SMOKE_EXHAUST: natural with at least {number(need, 1, 'm²')} of open vents, or "
            f"mechanical): state it in the plan properties",
            at=centre(ctx.hall),
            subject=("hall", "smoke-exhaust"),
            limit=round(need, 1),
            unit="m²",
        )
        return
    have = ctx.props.smoke_openings_m2 or 0.0
    if have + 1e-9 < need:
        yield hit(
            f"自然排烟窗有效面积 {number(have, 1, 'm²')}（BM_SMOKE_OPENINGS_M2），不足大厅面积 {number(area, 1, 'm²')} 的 "
            f"{p.natural_share * 100:g}%（{number(need, 1, 'm²')}）；请加大可开启面积或改为机械排烟",
            f"the natural smoke vents open {number(have, 1, 'm²')} (BM_SMOKE_OPENINGS_M2), under {p.natural_share * 100:g}% "
            f"of the hall's {number(area, 1, 'm²')} ({number(need, 1, 'm²')}): enlarge the vents or use mechanical exhaust",
            at=centre(ctx.hall),
            subject=("hall", "smoke-exhaust"),
            measured=round(have, 2),
            limit=round(need, 1),
            unit="m²",
        )


def _hydrant_fields(ctx, hydrants):
    """Walking distance (mm) from every grid cell to each hydrant, one row per hydrant, sorted per cell."""
    import numpy as np

    rows = [ctx.analysis.grid.field([h.footprint]).dist for h in hydrants]
    return np.sort(np.vstack(rows), axis=0)


@rule(
    "FIRE-HYDRANT-REACH",
    severity="error",
    profiles=ALL,
    source="GB 50974 7.4.6, 7.4.10",
    title="消火栓保护范围",
    title_en="Hydrant reach",
    params={"hose_m": 25.0, "jet_m": 3.0},
    when=lambda ctx: bool(ctx.objects("BM_HYDRANT")),
    when_text="when hydrants are placed (BM_HYDRANT)",
    mandatory=True,
)
def hydrant_reach(ctx, p):
    """室内消火栓的布置应满足同一平面 2 支水枪的 2 股充实水柱同时达到任何部位。 Hydrant reach.

    Checks: where hydrants are placed, every point of the free floor is within ``hose_m`` + ``jet_m`` walking
        distance of a hydrant (an **error** when no hydrant reaches it) and of two hydrants (a **warning**: the
        second jet may come from a hydrant outside the hall, in the corridor, which the plan does not show),
        unless ``BM_HYDRANT_ONE_JET`` is yes (where the code lets one jet suffice). The finding names the worst
        point and its distance.
    Why: GB 50974 7.4.6: 室内消火栓的布置应满足同一平面有2支消防水枪的2股充实水柱同时达到任何部位的要求 (one jet
        where the code allows it); 7.4.10: the hose length (25 m) and the jet's reach set the protection radius.
    Parameters: ``hose_m`` (25), ``jet_m`` (3).
    Passes: hydrants on both side walls of a 20 m hall; one hydrant where one jet is allowed.
    Fails: one hydrant at one end of a 60 m hall (an error); one hydrant in a 20 m hall needing two jets (a warning).
    """
    import numpy as np

    hydrants = ctx.objects("BM_HYDRANT")
    reach = (p.hose_m + p.jet_m) * 1000.0
    dists = _hydrant_fields(ctx, hydrants)
    grid = ctx.analysis.grid
    if dists.shape[1] == 0:
        return
    first = np.where(np.isfinite(dists[0]), dists[0], -1.0)
    k = int(np.argmax(first))
    if first[k] > reach:
        where = (float(grid.xy[k, 0]), float(grid.xy[k, 1]))
        pz, pe = place(ctx.plan, where)
        yield hit(
            f"{pz}距最近消火栓步行 {metres(first[k])}，超过水带 {number(p.hose_m, 0, 'm')} 加充实水柱 "
            f"{number(p.jet_m, 0, 'm')} 的 {metres(reach)}；请在该处附近增设室内消火栓",
            f"{pe} is {metres(first[k])} on foot from the nearest hydrant, over the {metres(reach)} of a "
            f"{number(p.hose_m, 0, 'm')} hose and a {number(p.jet_m, 0, 'm')} jet: add a hydrant near it",
            at=where,
            subject=("hall", "hydrant-reach"),
            measured=round(first[k]),
            limit=round(reach),
            unit="mm",
        )
        return
    if ctx.props.hydrant_one_jet:
        return
    second = dists[1] if len(dists) > 1 else np.full(dists.shape[1], np.inf)
    reached = np.isfinite(dists[0])
    short = reached & ~(second <= reach)
    if not short.any():
        return
    gap = np.where(short, np.where(np.isfinite(second), second, 1e12 + dists[0]), -1.0)
    k = int(np.argmax(gap))
    where = (float(grid.xy[k, 0]), float(grid.xy[k, 1]))
    pz, pe = place(ctx.plan, where)
    n = len(hydrants)
    got_zh = f"第 2 近的消火栓步行 {metres(second[k])}" if np.isfinite(second[k]) else f"图中只有 {n} 个消火栓"
    got_en = (
        f"the second nearest hydrant is {metres(second[k])} on foot"
        if np.isfinite(second[k])
        else f"the plan has {n} hydrant"
    )
    yield hit(
        f"{pz}只有 1 股充实水柱可达（{got_zh}，限 {metres(reach)}），应有 2 股同时到达；若走道内的消火栓可补足请核实，"
        f"或在规范允许 1 股时将 BM_HYDRANT_ONE_JET 设为 yes，否则请增设消火栓",
        f"only one jet reaches {pe} ({got_en}; limit {metres(reach)}); two must reach every point: confirm a "
        f"corridor hydrant supplies the second, set BM_HYDRANT_ONE_JET=yes where the code allows one, or add one",
        at=where,
        severity="warning",
        subject=("hall", "hydrant-two-jets"),
        measured=round(float(second[k])) if np.isfinite(second[k]) else None,
        limit=round(reach),
        unit="mm",
    )
