"""ZONE- rules: the four service zones of XA 三(四)."""

import shapely
from shapely import STRtree

from bianmin.geometry.catalog import LAYERS, ZONE_LAYER

from bianmin.standards.context import centre
from bianmin.standards.registry import ALL, STREET, hit, rule
from bianmin.standards.wording import metres, window_name, window_subject
from bianmin.standards.wording import m2, things

REQUIRED = ("consult", "wait", "window", "self")


def _zone_name(kind):
    spec = LAYERS[ZONE_LAYER[kind]]
    return spec.zh, spec.en


@rule(
    "ZONE-REQUIRED",
    severity="error",
    profiles=STREET,
    source="XA 三(四)",
    title="四个服务分区齐全",
    title_en="All four service zones",
)
def zone_required(ctx, p):
    """镇（街）便民服务中心应划分咨询导引区、服务等候区、窗口办理区、自助服务区。 All four zones exist.

    Checks: the plan has at least one zone of each kind: consult, wait, window, self.
    Why: XA 三(四): 便民服务中心需要划分为"咨询导引区""服务等候区""窗口办理区""自助服务区".
    Parameters: none.
    Passes: one closed shape on each of the four zone layers.
    Fails: no shape on BM-ZONE-SELF.
    """
    missing = [k for k in REQUIRED if not ctx.plan.zones_of(k)]
    if missing:
        zh = "、".join(_zone_name(k)[0] for k in missing)
        en = ", ".join(_zone_name(k)[1] for k in missing)
        yield hit(
            f"缺少服务分区：{zh}（应有咨询导引、服务等候、窗口办理、自助服务 4 个分区）；请在对应的 BM-ZONE 图层上画出",
            f"missing zones: {en} (all four are required): draw them on their BM-ZONE layers",
            subject=("zones", "+".join(missing)),
            measured=4 - len(missing),
            limit=4,
            unit="zones",
        )


@rule(
    "ZONE-OVERLAP",
    severity="error",
    profiles=ALL,
    source="—",
    title="分区不重叠",
    title_en="Zones do not overlap",
    params={"max_overlap_m2": 0.1},
)
def zone_overlap(ctx, p):
    """不同类型的分区不应重叠。 Zones of different kinds do not overlap.

    Checks: no two zones of different kinds share more than ``max_overlap_m2``.
    Why: a floor area cannot be both waiting area and window area; overlapping zones
        make every zone figure meaningless.
    Parameters: ``max_overlap_m2`` (0.1).
    Passes: zones that meet along an edge.
    Fails: a waiting zone drawn 1 m into the window zone.
    """
    zones = ctx.plan.zones
    if len(zones) < 2:
        return
    # a zone drawn touching itself is measured as what it encloses (shapely.make_valid), not left to
    # stop the rule with a GEOS error (an L-shaped hall's zone once did)
    polys = [z.polygon if z.polygon.is_valid else shapely.make_valid(z.polygon) for z in zones]
    tree = STRtree(polys)
    left, right = tree.query(polys, predicate="intersects")
    for i, j in zip(left, right, strict=True):
        if i >= j or zones[i].kind == zones[j].kind:
            continue
        overlap = polys[i].intersection(polys[j])
        area = overlap.area / 1e6
        if area > p.max_overlap_m2:
            a, b = _zone_name(zones[i].kind), _zone_name(zones[j].kind)
            pair = sorted((zones[i].kind, zones[j].kind))
            yield hit(
                f"{a[0]}与{b[0]}重叠 {m2(area)}，允许 {m2(p.max_overlap_m2)}；请调整分区边界",
                f"the {a[1]} and the {b[1]} overlap by {m2(area)}; at most {m2(p.max_overlap_m2)} is allowed: "
                f"move the zone boundaries",
                handles=[zones[i].id, zones[j].id],
                at=centre(overlap),
                subject=("zones", "+".join(pair)),
                measured=round(area, 2),
                limit=p.max_overlap_m2,
                unit="m²",
            )


def _no_main(ctx):
    return hit(
        "图中没有主入口（BM-DOOR-MAIN），无法判断；请在 BM-DOOR-MAIN 图层上画出主入口",
        "the plan has no main entrance (BM-DOOR-MAIN) to measure from: draw it on layer BM-DOOR-MAIN",
        subject=("exit", "main"),
    )


@rule(
    "ZONE-CONSULT-ENTRANCE",
    severity="error",
    profiles=STREET,
    source="XA 三(四)1",
    title="咨询导引区位于主入口附近",
    title_en="Consultation zone by the main entrance",
    params={"max_distance_mm": 3000.0},
)
def consult_entrance(ctx, p):
    """咨询导引区位于建筑主入口附近。 The consultation zone lies by the main entrance.

    Checks: some consult zone lies within ``max_distance_mm`` of the main entrance
        (distance between the zone and the entrance line).
    Why: XA 三(四)1: 咨询导引区位于建筑主入口附近.
    Parameters: ``max_distance_mm`` (3000).
    Passes: a consult zone that starts 1 m beside the entrance.
    Fails: the consult zone at the far end of the hall, 12 m away.
    """
    zones = ctx.plan.zones_of("consult")
    if not zones:
        return
    entrance = ctx.main_entrance
    if entrance is None:
        yield _no_main(ctx)
        return
    nearest = min(zones, key=lambda z: z.polygon.distance(entrance.line))
    d = nearest.polygon.distance(entrance.line)
    if d > p.max_distance_mm:
        yield hit(
            f"咨询导引区距主入口 {metres(d)}，应在 {metres(p.max_distance_mm)} 以内；请把咨询导引区移到入口处",
            f"the consultation zone is {metres(d)} from the main entrance; it must be within "
            f"{metres(p.max_distance_mm)}: move it to the entrance",
            handles=[nearest.id, entrance.id],
            at=centre(nearest.polygon),
            subject=("zone", "consult"),
            measured=round(d),
            limit=p.max_distance_mm,
            unit="mm",
        )


@rule(
    "ZONE-CONSULT-DESK",
    severity="error",
    profiles=STREET,
    source="XA 三(四)1",
    title="咨询导引台和查询设施",
    title_en="Guidance desk and information kiosk",
)
def consult_desk(ctx, p):
    """咨询导引区应设置咨询导引服务台、政策咨询及信息查询设施。 Desk and kiosk in the consult zone.

    Checks: a ``BM_GUIDE_DESK`` and a ``BM_INFO_KIOSK`` stand in the consult zone
        (their centres inside it).
    Why: XA 三(四)1: 应设置咨询导引服务台、政策咨询及信息查询设施.
    Parameters: none.
    Passes: both blocks inside the consult zone.
    Fails: the kiosk placed in the waiting zone.
    """
    area = ctx.zone_union("consult")
    if area is None:
        return
    for block, zh, en in (
        ("BM_GUIDE_DESK", "咨询导引服务台", "guidance desk"),
        ("BM_INFO_KIOSK", "信息查询设施", "information kiosk"),
    ):
        if not any(ctx.inside(o, area) for o in ctx.objects(block)):
            yield hit(
                f"咨询导引区内没有{zh}（{block}）；请在咨询导引区内设置",
                f"no {en} ({block}) in the consultation zone: put one there",
                handles=[z.id for z in ctx.plan.zones_of("consult")],
                at=centre(area),
                subject=("block", block),
            )


@rule(
    "ZONE-CONSULT-VISIBLE",
    severity="warning",
    profiles=STREET,
    source="XA 三(四)1",
    title="入口可见导引台",
    title_en="Guidance desk visible from the entrance",
)
def consult_visible(ctx, p):
    """从主入口应能直接看到咨询导引台。 The guidance desk is in sight of the entrance.

    Checks: the straight line from the main entrance's midpoint to the guidance desk's
        centre crosses no obstacle or counter.
    Why: XA 三(四)1 places guidance by the entrance so visitors find it at once.
    Parameters: none.
    Passes: an open line of sight from the door to the desk.
    Fails: a column or a counter between the door and the desk.
    """
    entrance = ctx.main_entrance
    desks = ctx.objects("BM_GUIDE_DESK")
    if entrance is None or not desks:
        return
    blockers = [o.polygon for o in ctx.plan.obstacles] + [c.footprint for c in ctx.plan.counters]
    ids = [o.id for o in ctx.plan.obstacles] + [c.id for c in ctx.plan.counters]
    for desk in desks:
        c = desk.footprint.centroid
        sight = shapely.LineString([entrance.midpoint, (c.x, c.y)])
        hit_ids = [i for g, i in zip(blockers, ids, strict=True) if sight.intersection(g).length > 1.0]
        if hit_ids:
            tz, te = things(ctx.plan, hit_ids)
            yield hit(
                f"从主入口看不到咨询导引台：视线被{tz}遮挡；请移动服务台或遮挡物",
                f"the guidance desk cannot be seen from the main entrance: the line of sight is blocked by {te}; "
                f"move the desk or what is in the way",
                handles=[desk.id, *hit_ids],
                at=(c.x, c.y),
                subject=("block", "BM_GUIDE_DESK"),
                measured=len(hit_ids),
                limit=0,
                unit="objects",
            )


@rule(
    "ZONE-WAIT-ADJACENT",
    severity="error",
    profiles=STREET,
    source="XA 三(四)2",
    title="等候区位于窗口附近",
    title_en="Waiting zone beside the windows",
    params={"max_gap_mm": 1000.0},
)
def wait_adjacent(ctx, p):
    """服务等候区位于窗口附近。 The waiting zone lies beside the window zone.

    Checks: some waiting zone lies within ``max_gap_mm`` of some window zone.
    Why: XA 三(四)2: 服务等候区位于窗口附近.
    Parameters: ``max_gap_mm`` (1000).
    Passes: the waiting zone directly in front of the counters.
    Fails: the waiting zone across the hall, 6 m from the window zone.
    """
    waits, windows = ctx.plan.zones_of("wait"), ctx.plan.zones_of("window")
    if not waits or not windows:
        return
    d, w = min(((a.polygon.distance(b.polygon), a) for a in waits for b in windows), key=lambda t: t[0])
    if d > p.max_gap_mm:
        yield hit(
            f"服务等候区距窗口办理区 {metres(d)}，应在 {metres(p.max_gap_mm)} 以内；请让等候区紧邻窗口",
            f"the waiting zone is {metres(d)} from the window zone; it must be within {metres(p.max_gap_mm)}: "
            f"put it next to the windows",
            handles=[w.id],
            at=centre(w.polygon),
            subject=("zone", "wait"),
            measured=round(d),
            limit=p.max_gap_mm,
            unit="mm",
        )


@rule(
    "ZONE-WAIT-SEATS",
    severity="error",
    profiles=STREET,
    source="XA 三(四)2",
    title="等候座椅和填单台",
    title_en="Seats and form desk in the waiting zone",
    params={"min_seats": 1},
)
def wait_seats(ctx, p):
    """服务等候区应配备一定数量的座椅及自助填单区。 Seats and a form desk in the waiting zone.

    Checks: the waiting zones hold at least ``min_seats`` seats (the sum of ``BM_SEAT``
        COUNT) and a ``BM_FORM_DESK``.
    Why: XA 三(四)2: 应配备一定数量的座椅及自助填单区.
    Parameters: ``min_seats`` (1).
    Passes: two rows of five seats and a form desk in the waiting zone.
    Fails: a waiting zone with seats but no form desk.
    """
    area = ctx.zone_union("wait")
    if area is None:
        return
    seats = sum(o.count() for o in ctx.objects("BM_SEAT") if ctx.inside(o, area))
    where = centre(area)
    ids = [z.id for z in ctx.plan.zones_of("wait")]
    if seats < p.min_seats:
        yield hit(
            f"服务等候区内座椅 {seats} 个，至少需要 {p.min_seats} 个；请在等候区内布置座椅",
            f"{seats} seats in the waiting zone; at least {p.min_seats} required: put seats there",
            handles=ids,
            at=where,
            subject=("block", "BM_SEAT"),
            measured=seats,
            limit=p.min_seats,
            unit="seats",
        )
    if not any(ctx.inside(o, area) for o in ctx.objects("BM_FORM_DESK")):
        yield hit(
            "服务等候区内没有自助填单台（BM_FORM_DESK）；请在等候区内设置",
            "no form-filling desk (BM_FORM_DESK) in the waiting zone: put one there",
            handles=ids,
            at=where,
            subject=("block", "BM_FORM_DESK"),
        )


@rule(
    "ZONE-WINDOW-COUNTERS",
    severity="error",
    profiles=ALL,
    source="XA 三(四)3, 四(二)",
    title="窗口办理区的柜台",
    title_en="Counters in the window zone",
)
def window_counters(ctx, p):
    """至少设置一个服务柜台；街道中心的柜台都应在窗口办理区内。 Counters stand in the window zone.

    Checks: the plan has at least one ``BM_COUNTER``; on a street centre every counter
        stands in a window zone (its centre inside).
    Why: XA 三(四)3 and 四(二): windows are where the service happens.
    Parameters: none.
    Passes: six counters inside the window zone.
    Fails: no counter at all; a counter placed in the waiting zone.
    """
    counters = ctx.plan.counters
    if not counters:
        yield hit(
            "图中没有服务柜台（BM_COUNTER）；请在窗口办理区布置柜台",
            "the plan has no service counter (BM_COUNTER): place counters in the window zone",
            subject=("block", "BM_COUNTER"),
            measured=0,
            limit=1,
            unit="counters",
        )
        return
    if ctx.profile != "street-center":
        return
    area = ctx.zone_union("window")
    for c in counters:
        if not ctx.inside(c, area):
            zh, en = window_name(ctx.plan, c)
            yield hit(
                f"{zh}的柜台不在窗口办理区内；请移入窗口办理区",
                f"the counter of {en} is not in the window zone: move it there",
                handles=[c.id],
                at=centre(c.footprint),
                subject=window_subject(ctx.plan, c),
            )


@rule(
    "ZONE-SELF-DEVICES",
    severity="error",
    profiles=STREET,
    source="XA 三(四)4",
    title="自助服务设施",
    title_en="Self-service devices",
)
def self_devices(ctx, p):
    """自助服务区应配备一定数量的自助服务设施。 Self-service terminals in the self-service zone.

    Checks: the self-service zones hold at least one ``BM_SELF_SERVICE``.
    Why: XA 三(四)4: 自助服务区应配备一定数量的自助服务设施.
    Parameters: none.
    Passes: two terminals in the self-service zone.
    Fails: an empty self-service zone.
    """
    area = ctx.zone_union("self")
    if area is None:
        return
    if not any(ctx.inside(o, area) for o in ctx.objects("BM_SELF_SERVICE")):
        yield hit(
            "自助服务区内没有自助服务终端（BM_SELF_SERVICE）；请在自助服务区内设置",
            "no self-service terminal (BM_SELF_SERVICE) in the self-service zone: put one there",
            handles=[z.id for z in ctx.plan.zones_of("self")],
            at=centre(area),
            subject=("block", "BM_SELF_SERVICE"),
        )
