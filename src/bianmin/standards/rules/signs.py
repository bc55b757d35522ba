"""SIGN- rules: the sign system of XA 五."""

from shapely import STRtree

from bianmin.geometry.catalog import LAYERS, ZONE_LAYER
from bianmin.geometry.properties import open_minutes

from bianmin.standards.context import centre
from bianmin.standards.registry import ALL, STREET, hit, rule
from bianmin.standards.wording import exit_name, exit_subject
from bianmin.standards.wording import m


def _near_entrance(ctx, block, max_distance, zh, en):
    entrance = ctx.main_entrance
    if entrance is None:
        yield hit(
            f"图中没有主入口（BM-DOOR-MAIN），无法放置{zh}；请画出主入口",
            f"the plan has no main entrance (BM-DOOR-MAIN) for the {en}: draw it",
            subject=("block", block),
        )
        return
    signs = ctx.objects(block)
    if not signs:
        yield hit(
            f"没有{zh}（{block}）；请设在主入口 {m(max_distance)} 以内",
            f"no {en} ({block}): put one within {m(max_distance)} of the main entrance",
            handles=[entrance.id],
            at=entrance.midpoint,
            subject=("block", block),
        )
        return
    d = min(s.footprint.distance(entrance.line) for s in signs)
    if d > max_distance:
        yield hit(
            f"{zh}距主入口 {m(d)}，应在 {m(max_distance)} 以内；请移到主入口处",
            f"the {en} is {m(d)} from the main entrance; it must be within {m(max_distance)}: move it to the entrance",
            handles=[s.id for s in signs],
            at=entrance.midpoint,
            subject=("block", block),
            measured=round(d),
            limit=max_distance,
            unit="mm",
        )


@rule(
    "SIGN-HOURS",
    severity="error",
    profiles=ALL,
    source="XA 五(一)",
    title="工作时间标识",
    title_en="Working-hours sign",
    params={"max_distance_mm": 3000.0},
)
def sign_hours(ctx, p):
    """在服务大厅大门口显著位置公示上下班时间。 Working hours shown at the door.

    Checks: a ``BM_SIGN_HOURS`` within ``max_distance_mm`` of the main entrance.
    Why: XA 五(一): 在服务大厅大门口显著位置, 向服务对象公示上下班时间.
    Parameters: ``max_distance_mm`` (3000).
    Passes: the hours sign beside the entrance.
    Fails: no hours sign; the hours sign at the back wall.
    """
    yield from _near_entrance(ctx, "BM_SIGN_HOURS", p.max_distance_mm, "工作时间标识", "working-hours sign")


@rule(
    "SIGN-HOURS-MIN",
    severity="error",
    profiles=ALL,
    source="XA 五(一)",
    needs_hall=False,
    title="每天服务时间",
    title_en="Daily opening hours",
    params={"min_hours": 7.0},
)
def sign_hours_min(ctx, p):
    """每天对外服务工作时间不得少于 7 小时。 At least 7 opening hours a day.

    Checks: ``BM_HOURS`` parses (``08:30-12:00;14:00-17:30``) and adds up to at least
        ``min_hours`` a day; missing hours is this finding too.
    Why: XA 五(一): 每天对外服务工作时间不得少于7小时.
    Parameters: ``min_hours`` (7).
    Passes: ``08:30-12:00;14:00-17:30`` (7.0 h).
    Fails: ``09:00-12:00;14:00-17:00`` (6.0 h); no BM_HOURS.
    """
    text = ctx.props.hours
    if not text:
        yield hit(
            f"未填写对外服务时间（BM_HOURS），无法确认每天不少于 {p.min_hours:g} 小时；请在图纸属性中填写，"
            f"如 08:30-12:00;14:00-17:30",
            f"no opening hours (BM_HOURS) given; cannot confirm at least {p.min_hours:g} h a day: enter them in "
            f"the plan properties, e.g. 08:30-12:00;14:00-17:30",
            subject=("plan", "hours"),
        )
        return
    try:
        minutes = open_minutes(text)
    except ValueError as exc:
        yield hit(
            f"对外服务时间“{text}”无法识别（“{exc}”）；请写作 08:30-12:00;14:00-17:30",
            f"the opening hours “{text}” cannot be read (“{exc}”): write them as 08:30-12:00;14:00-17:30",
            subject=("plan", "hours"),
        )
        return
    hours = minutes / 60
    if hours + 1e-9 < p.min_hours:
        yield hit(
            f"每天对外服务 {hours:.1f} 小时（{text}），不得少于 {p.min_hours:g} 小时；请延长服务时间",
            f"open {hours:.1f} h a day ({text}); at least {p.min_hours:g} h are required: extend the hours",
            subject=("plan", "hours"),
            measured=round(hours, 1),
            limit=p.min_hours,
            unit="h",
        )


@rule(
    "SIGN-GUIDE",
    severity="error",
    profiles=STREET,
    source="XA 五(二)",
    title="入口导引牌",
    title_en="Guide board at the entrance",
    params={"max_distance_mm": 5000.0},
)
def sign_guide(ctx, p):
    """在服务大厅入口显著位置设置导引牌。 A guide board at the entrance.

    Checks: a ``BM_SIGN_GUIDE`` within ``max_distance_mm`` of the main entrance.
    Why: XA 五(二): 在服务大厅入口显著位置, 设置导引牌.
    Parameters: ``max_distance_mm`` (5000).
    Passes: a guide board 2 m inside the entrance.
    Fails: no guide board.
    """
    yield from _near_entrance(ctx, "BM_SIGN_GUIDE", p.max_distance_mm, "导引牌", "guide board")


@rule(
    "SIGN-FLOORPLAN",
    severity="error",
    profiles=STREET,
    source="XA 五(二)",
    title="大厅平面示意图",
    title_en="Floor plan board",
    params={"max_distance_mm": 5000.0},
)
def sign_floorplan(ctx, p):
    """在楼层入口或主要位置设置大厅平面示意图。 A floor plan board by the entrance.

    Checks: a ``BM_SIGN_FLOORPLAN`` within ``max_distance_mm`` of the main entrance.
    Why: XA 五(二): 在各楼层入口或主要位置, 设置大厅平面示意图、位置标识.
    Parameters: ``max_distance_mm`` (5000).
    Passes: a floor plan board beside the entrance.
    Fails: the floor plan board 15 m away at the back.
    """
    yield from _near_entrance(ctx, "BM_SIGN_FLOORPLAN", p.max_distance_mm, "大厅平面示意图", "floor plan board")


@rule(
    "SIGN-DIRECTION",
    severity="error",
    profiles=STREET,
    source="XA 五(二)",
    title="指向牌",
    title_en="Direction signs at doors",
    params={"max_distance_mm": 3000.0},
)
def sign_direction(ctx, p):
    """在流动通道口设置通往各服务区服务设施的指向牌。 Direction signs at internal doors.

    Checks: each internal door (``BM-DOOR``) has a ``BM_SIGN_DIRECTION`` within
        ``max_distance_mm``.
    Why: XA 五(二): 在流动通道口设置通往各服务区服务设施的指向牌标识.
    Parameters: ``max_distance_mm`` (3000).
    Passes: a direction sign beside each internal door.
    Fails: an internal door with no direction sign near it.
    """
    signs = ctx.objects("BM_SIGN_DIRECTION")
    tree = STRtree([s.footprint for s in signs]) if signs else None
    for door in ctx.plan.openings_of("door"):
        near = tree.query(door.line, predicate="dwithin", distance=p.max_distance_mm) if tree else []
        if len(near) == 0:
            zh, en = exit_name(ctx.plan, door)
            yield hit(
                f"{zh} {m(p.max_distance_mm)} 内没有指向牌（BM_SIGN_DIRECTION）；请在门旁设置",
                f"{en} has no direction sign (BM_SIGN_DIRECTION) within {m(p.max_distance_mm)}: put one by the door",
                handles=[door.id],
                at=door.midpoint,
                subject=exit_subject(ctx.plan, door),
            )


@rule(
    "SIGN-DISPLAY",
    severity="error",
    profiles=STREET,
    source="XA 五(三)",
    title="电子公示屏",
    title_en="Public notice screen",
)
def sign_display(ctx, p):
    """在显著位置设置电子公示屏，公示进驻单位、事项、法定时限和承诺时限。 A public notice screen.

    Checks: at least one ``BM_SIGN_DISPLAY``.
    Why: XA 五(三): 在显著位置电子公示屏, 公示便民服务中心(站)进驻单位名称、事项、法定时限和承诺时限等.
    Parameters: none.
    Passes: one display on the wall of the waiting zone.
    Fails: no display.
    """
    if not ctx.objects("BM_SIGN_DISPLAY"):
        yield hit(
            "没有电子公示屏（BM_SIGN_DISPLAY）；请在大厅内设置",
            "no public notice screen (BM_SIGN_DISPLAY): put one in the hall",
            subject=("block", "BM_SIGN_DISPLAY"),
        )


@rule(
    "SIGN-ZONE-SCREEN",
    severity="warning",
    profiles=STREET,
    source="XA 五(三)",
    title="功能区显示屏",
    title_en="Status screen in each zone",
    params={"max_distance_mm": 3000.0},
)
def sign_zone_screen(ctx, p):
    """在各个功能区，电子显示屏滚动公示行政审批办理状况。 A status screen for each zone.

    Checks: each public zone (consult, wait, window, self) has a ``BM_SIGN_ZONE_SCREEN``
        inside it or within ``max_distance_mm``.
    Why: XA 五(三): 在各个功能区, 电子显示屏滚动公示行政审批办理状况.
    Parameters: ``max_distance_mm`` (3000).
    Passes: a screen in or beside every zone.
    Fails: a self-service zone with no screen near it.
    """
    screens = ctx.objects("BM_SIGN_ZONE_SCREEN")
    tree = STRtree([s.footprint for s in screens]) if screens else None
    for zone in ctx.plan.zones:
        if zone.kind == "office":
            continue
        near = tree.query(zone.polygon, predicate="dwithin", distance=p.max_distance_mm) if tree else []
        if len(near) == 0:
            spec = LAYERS[ZONE_LAYER[zone.kind]]
            yield hit(
                f"{spec.zh}内及 {m(p.max_distance_mm)} 内没有功能区显示屏（BM_SIGN_ZONE_SCREEN）；请设置",
                f"the {spec.en} has no zone status screen (BM_SIGN_ZONE_SCREEN) in it or within "
                f"{m(p.max_distance_mm)}: put one there",
                handles=[zone.id],
                at=centre(zone.polygon),
                subject=("zone", zone.kind),
            )


@rule(
    "SIGN-COMPLAINT",
    severity="warning",
    profiles=ALL,
    source="XA 七(四)",
    title="监督投诉公示",
    title_en="Complaints notice",
)
def sign_complaint(ctx, p):
    """公开监督投诉渠道，并在公示栏、电子信息屏展示。 A complaints notice.

    Checks: at least one ``BM_SIGN_COMPLAINT``.
    Why: XA 七(四): 公开监督投诉渠道, 并在公示栏、电子信息屏展示.
    Parameters: none.
    Passes: a complaints notice by the entrance.
    Fails: none in the plan.
    """
    if not ctx.objects("BM_SIGN_COMPLAINT"):
        yield hit(
            "没有监督投诉公示（BM_SIGN_COMPLAINT）；请在大厅内设置",
            "no complaints notice (BM_SIGN_COMPLAINT): put one up in the hall",
            subject=("block", "BM_SIGN_COMPLAINT"),
        )
