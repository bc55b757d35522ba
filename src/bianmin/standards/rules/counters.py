"""CNTR- rules: the service counters of XA 三(四)3 and their equipment (XA 六(二))."""

from collections import Counter as Tally

from shapely import STRtree

from bianmin.geometry.catalog import COUNTER_TYPES, DEVICES

from bianmin.standards.context import centre
from bianmin.standards.registry import ALL, hit, rule
from bianmin.standards.wording import metres, window_name, window_subject
from bianmin.standards.wording import mm


@rule(
    "CNTR-HEIGHT",
    severity="error",
    profiles=ALL,
    source="GB 55019 3.6.2; GB 50763 3.15.2; XA 三(四)3",
    title="柜台台面高度",
    title_en="Counter height",
    params={"height_mm": [700, 800], "accessible_height_mm": [700, 850], "knee_space_mm": [750, 650, 450]},
    mandatory=True,
)
def counter_height(ctx, p):
    """台面高度宜为 75 cm 左右（提示）；低位服务台上表面距地面应为 700～850 mm（错误，强条）。 Countertop height.

    Checks: each counter's HEIGHT attribute (default 750 mm) is within ``height_mm`` — the
        seed's advice, so a **warning** saying 宜为约 750 mm (not a 强制性条文); counters of TYPE ``accessible``
        outside ``accessible_height_mm`` are an **error** of GB 55019 (a 强制性条文), and so is an accessible
        counter whose knee space (``KNEE_W``, ``KNEE_H``, ``KNEE_D``) is smaller than ``knee_space_mm`` (width,
        height, depth); a knee space not stated is a **warning**. A HEIGHT that is not a number is an error.
    Conditions: 一般柜台超出 700～800 mm 为提示（宜为约 750 mm）；低位窗口超出 700～850 mm 为错误 //
        a counter outside 700-800 mm is a warning (about 750 mm is advised); an accessible counter outside
        700-850 mm is an error.
    Why: XA 三(四)3: 台面高度宜为75 cm左右 (advice); GB 55019 3.6.2 and GB 50763 3.15.2: 低位服务设施上表面距地面
        高度应为700mm~850mm，其下部应至少留出宽750mm、高650mm、深450mm的容膝空间 (rule set 2019.3, the third
        edition, follows the code's 850 mm; the second edition's 800 mm was stricter than the code).
    Parameters: ``height_mm`` ([700, 800]), ``accessible_height_mm`` ([700, 850]), ``knee_space_mm``
        ([750, 650, 450]).
    Passes: HEIGHT 750; an accessible counter at 780 with a 800 × 700 × 500 mm knee space.
    Fails: HEIGHT 1100 (a bar-height counter, a warning); an accessible counter at 900 (an error); a knee space
        400 mm deep (an error); a knee space not stated (a warning).
    """
    plan = ctx.plan
    for c in plan.counters:
        zh, en = window_name(plan, c)
        subject = window_subject(plan, c)
        value = c.attr_number("HEIGHT")
        if value is None:
            yield hit(
                f"{zh}的台面高度（HEIGHT）“{c.attr('HEIGHT')}”不是数字；请填写以毫米计的高度，如 750",
                f"{en}: the countertop height (HEIGHT) is not a number: give it in millimetres, e.g. 750",
                handles=[c.id],
                at=centre(c.footprint),
                subject=subject,
                mandatory=c.attr("TYPE").lower() == "accessible",  # GB 55019 speaks of the accessible one only
            )
            continue
        accessible = c.attr("TYPE").lower() == "accessible"
        if accessible:
            yield from _knee_space(c, zh, en, subject, p.knee_space_mm)
            lo, hi = p.accessible_height_mm
            if not lo <= value <= hi:
                yield hit(
                    f"{zh}（低位窗口）台面高 {mm(value)}，应为 {lo:.0f}～{hi:.0f} mm；请调整台面高度",
                    f"{en} (accessible): countertop height {mm(value)}; it must be {lo:.0f}-{hi:.0f} mm: "
                    f"change the countertop",
                    handles=[c.id],
                    at=centre(c.footprint),
                    subject=subject,
                    measured=value,
                    limit=hi if value > hi else lo,
                    unit="mm",
                )
            continue
        lo, hi = p.height_mm
        if not lo <= value <= hi:
            yield hit(
                f"{zh}台面高 {mm(value)}，宜为约 750 mm（{lo:.0f}～{hi:.0f} mm）；建议调整台面高度",
                f"{en}: countertop height {mm(value)}; about 750 mm ({lo:.0f}-{hi:.0f} mm) is advised: "
                f"consider changing it",
                handles=[c.id],
                at=centre(c.footprint),
                severity="warning",
                mandatory=False,
                source="XA 三(四)3",
                subject=subject,
                measured=value,
                limit=hi if value > hi else lo,
                unit="mm",
            )


_KNEE = (("KNEE_W", "宽", "wide"), ("KNEE_H", "高", "high"), ("KNEE_D", "深", "deep"))


def _knee_space(c, zh, en, subject, need):
    """The knee space under an accessible counter: stated (a warning when not) and at least ``need``."""
    got = [c.attr_number(tag) if c.attribs.get(tag, "").strip() else None for tag, _, _ in _KNEE]
    if any(v is None for v in got):
        missing = "、".join(tag for (tag, _, _), v in zip(_KNEE, got, strict=True) if v is None)
        yield hit(
            f"{zh}（低位窗口）未注明容膝空间（{missing}）；下部应至少留出宽 {need[0]:.0f}、高 {need[1]:.0f}、"
            f"深 {need[2]:.0f} mm 的容膝空间，请核实并填写",
            f"{en} (accessible): the knee space is not stated ({missing}); at least {need[0]:.0f} wide, "
            f"{need[1]:.0f} high and {need[2]:.0f} mm deep is required: check it and state it",
            handles=[c.id],
            at=centre(c.footprint),
            severity="warning",
            subject=subject,
        )
        return
    short = [(w, v, n) for (_, w, _), v, n in zip(_KNEE, got, need, strict=True) if v + 0.5 < n]
    if short:
        yield hit(
            f"{zh}（低位窗口）容膝空间"
            + "、".join(f"{w} {v:.0f} mm（应不小于 {n:.0f} mm）" for w, v, n in short)
            + "；请加大台下空间",
            f"{en} (accessible): the knee space is "
            + ", ".join(f"{v:.0f} mm {dict((z, e) for _, z, e in _KNEE)[w]} (at least {n:.0f} mm)" for w, v, n in short)
            + ": enlarge the space under the counter",
            handles=[c.id],
            at=centre(c.footprint),
            subject=subject,
            measured=short[0][1],
            limit=short[0][2],
            unit="mm",
        )


@rule(
    "CNTR-DEPTH",
    severity="warning",
    profiles=ALL,
    source="XA 三(四)3",
    title="柜台台面进深",
    title_en="Counter depth",
    params={"depth_mm": [750, 1000]},
)
def counter_depth(ctx, p):
    """台面进深宜为 75 cm～100 cm（提示）。 Countertop depth (the seed's 宽 of the counter top, front to back).

    Checks: each counter's footprint, measured along its local Y (front to back), is
        within ``depth_mm``; a **warning**, since the seed says 宜 (rule set 2019.3; it was an error).
    Why: XA 三(四)3: 台面……宽宜为75 cm~100 cm (advice, not a requirement).
    Parameters: ``depth_mm`` ([750, 1000]).
    Passes: an 800 mm deep counter.
    Fails: a 600 mm deep counter.
    """
    lo, hi = p.depth_mm
    for c in ctx.plan.counters:
        depth = c.depth
        if not lo - 0.5 <= depth <= hi + 0.5:
            zh, en = window_name(ctx.plan, c)
            yield hit(
                f"{zh}台面进深 {mm(depth)}，宜为 {lo:.0f}～{hi:.0f} mm；建议调整柜台进深",
                f"{en}: countertop depth {mm(depth)}; {lo:.0f}-{hi:.0f} mm is advised: consider changing the counter",
                handles=[c.id],
                at=centre(c.footprint),
                subject=window_subject(ctx.plan, c),
                measured=round(depth),
                limit=hi if depth > hi else lo,
                unit="mm",
            )


@rule(
    "CNTR-SIGN",
    severity="error",
    profiles=ALL,
    source="XA 三(四)3, 五(三)",
    title="窗口吊牌",
    title_en="Window sign",
    params={"max_distance_mm": 1500.0},
)
def counter_sign(ctx, p):
    """台面上方应悬挂标识牌。 A window sign hangs above each counter.

    Checks: each counter has a ``BM_SIGN_WINDOW`` within ``max_distance_mm`` of its footprint.
        A sign whose NO names another window does not count (the neighbour's sign is
        not this window's sign); a sign without NO counts for any counter near it.
    Why: XA 三(四)3: 台面上方应悬挂标识牌; 五(三): 窗口均应设置窗口吊牌(或电子显示屏).
    Parameters: ``max_distance_mm`` (1500).
    Passes: a window sign drawn over each counter.
    Fails: a counter whose nearest window sign is 4 m away.
    """
    signs = ctx.objects("BM_SIGN_WINDOW")
    tree = STRtree([s.footprint for s in signs]) if signs else None
    for c in ctx.plan.counters:
        near = tree.query(c.footprint, predicate="dwithin", distance=p.max_distance_mm) if tree else []
        no = c.attr("NO")
        if not any(not signs[i].attr("NO") or not no or signs[i].attr("NO") == no for i in near):
            zh, en = window_name(ctx.plan, c)
            yield hit(
                f"{zh}上方 {metres(p.max_distance_mm)} 内没有窗口吊牌（BM_SIGN_WINDOW）；请在台面上方悬挂窗口吊牌",
                f"{en} has no window sign (BM_SIGN_WINDOW) within {metres(p.max_distance_mm)}: hang one "
                f"above the counter",
                handles=[c.id],
                at=centre(c.footprint),
                subject=window_subject(ctx.plan, c),
                limit=p.max_distance_mm,
                unit="mm",
            )


UNDER_MM = 300.0  # a sign this near a counter hangs over it (the designer moves them together within this)


@rule(
    "CNTR-SIGN-ORPHAN",
    severity="warning",
    profiles=ALL,
    source="XA 五(三)",
    title="无柜台的窗口吊牌",
    title_en="Window sign over no counter",
    params={"max_distance_mm": 1500.0},
)
def orphan_sign(ctx, p):
    """窗口吊牌应挂在窗口上方；下方没有柜台的吊牌会把办事群众引向不存在的窗口。 A window sign marks a window.

    Checks: each ``BM_SIGN_WINDOW`` has a counter within ``max_distance_mm`` of its footprint (the distance
        CNTR-SIGN looks for a counter's sign) whose NO is the sign's (a sign or counter without NO pairs with
        any). A sign left behind when its counter was deleted or moved is a **warning**.
    Why: XA 五(三): 窗口均应设置窗口吊牌 — the sign names the window under it; a sign over bare floor names
        none and sends visitors to it.
    Parameters: ``max_distance_mm`` (1500).
    Passes: a window sign over each counter.
    Fails: a window sign left over bare floor after its counter was deleted; a sign 2 over a counter
        renumbered 1 (said as numbers that disagree, at that counter).
    """
    counters = ctx.plan.counters
    tree = STRtree([c.footprint for c in counters]) if counters else None
    for s in ctx.objects("BM_SIGN_WINDOW"):
        near = tree.query(s.footprint, predicate="dwithin", distance=p.max_distance_mm) if tree else []
        no = s.attr("NO")
        # as CNTR-SIGN pairs them: a neighbour with another number is not this sign's window
        if any(not no or not counters[i].attr("NO") or counters[i].attr("NO") == no for i in near):
            continue
        mine = [c for c in counters if not no or not c.attr("NO") or c.attr("NO") == no]
        d = min((c.footprint.distance(s.footprint) for c in mine), default=None)
        zh_name, en_name = (f"{no} 号窗口吊牌", f"the window sign {no}") if no else ("窗口吊牌", "a window sign")
        far_zh = f"它所指的柜台在 {metres(d)} 外" if d is not None else "图中没有它所指的柜台"
        far_en = f"its counter is {metres(d)} away" if d is not None else "the plan has no counter of that number"
        x, y = s.position
        beneath = [counters[i] for i in near if counters[i].footprint.distance(s.footprint) <= UNDER_MM]
        under = min(beneath, key=lambda c: c.footprint.distance(s.footprint), default=None)
        if under is not None:  # over another window's counter: the numbers disagree (a counter renumbered)
            other = under.attr("NO")
            zh = f"{zh_name}挂在 {other} 号窗口的柜台上方，编号不符（{far_zh}）；请核对吊牌与窗口编号，或删除多余的吊牌"
            en = f"{en_name} hangs over the counter of window {other}: the numbers disagree ({far_en}); check them"
            at = centre(under.footprint)
        else:
            zh = (
                f"{zh_name}下方 {metres(p.max_distance_mm)} 内没有{f'{no} 号窗口的' if no else ''}服务柜台（{far_zh}）；"
                f"请删除多余的吊牌，或把它移到所指窗口的柜台上方"
            )
            en = (
                f"{en_name} hangs over no {f'window {no} ' if no else ''}counter within {metres(p.max_distance_mm)} "
                f"({far_en}): delete it or "
                f"move it over its window's counter"
            )
            at = (x, y)
        yield hit(
            zh,
            en,
            handles=[s.id] + ([under.id] if under is not None else []),
            at=at,
            subject=("window-sign", no or f"@{round(x / 1000)},{round(y / 1000)}"),
            measured=round(d) if d is not None else None,
            limit=p.max_distance_mm,
            unit="mm",
        )


@rule("CNTR-NUMBER", severity="warning", profiles=ALL, source="XA 五(三)", title="窗口编号", title_en="Window numbers")
def counter_number(ctx, p):
    """窗口编号应齐全且不重复。 Window numbers are present and unique.

    Checks: every counter has a NO attribute and no two counters share one.
    Why: XA 五(三): window signs name each window; visitors are called by number.
    Parameters: none.
    Passes: counters numbered 1 to 6.
    Fails: two counters both numbered 3; a counter without NO.
    """
    numbers = Tally(c.attr("NO") for c in ctx.plan.counters if c.attr("NO"))
    for c in ctx.plan.counters:
        no = c.attr("NO")
        if not no:
            zh, en = window_name(ctx.plan, c)
            yield hit(
                f"{zh}没有窗口编号（NO 属性）；请编号",
                f"{en} has no window number (NO attribute): number it",
                handles=[c.id],
                at=centre(c.footprint),
                subject=window_subject(ctx.plan, c),
            )
        elif numbers[no] > 1:
            yield hit(
                f"窗口编号 {no} 用了 {numbers[no]} 次；请改为不重复的编号",
                f"window number {no} is used by {numbers[no]} counters: give each its own number",
                handles=[c.id],
                at=centre(c.footprint),
                subject=("window", no),
                measured=numbers[no],
                limit=1,
                unit="counters",
            )


@rule(
    "CNTR-GENERAL",
    severity="error",
    profiles=ALL,
    source="XA 四(二); XC 二(二)4",
    title="综合窗口",
    title_en="General window",
)
def counter_general(ctx, p):
    """实行“前台综合受理”，应设置综合窗口。 At least one general (综合) window.

    Checks: at least one counter has TYPE ``general``. (A plan with no counter at all is
        reported by ZONE-WINDOW-COUNTERS.)
    Why: XA 四(二) and XC 二(二)4: 前台综合受理、后台分类审批、统一窗口出件.
    Parameters: none.
    Passes: counters 1–4 of TYPE general.
    Fails: every counter of TYPE special.
    """
    counters = ctx.plan.counters
    if not counters:
        return
    types = [c.attr("TYPE").lower() for c in counters]
    if "general" not in types:
        bad = sorted({t for t in types if t not in COUNTER_TYPES and t})
        extra_zh = f"；无法识别的 TYPE：{'、'.join(bad)}" if bad else ""
        extra_en = f"; unrecognised TYPE values: {', '.join(bad)}" if bad else ""
        yield hit(
            f"{len(counters)} 个窗口中没有综合窗口{extra_zh}；请把至少一个窗口设为综合窗口（TYPE=general）",
            f"none of the {len(counters)} windows is a general window{extra_en}: make at least one of them "
            f"general (TYPE=general)",
            handles=[c.id for c in counters],
            subject=("hall", "general-window"),
            measured=0,
            limit=1,
            unit="windows",
        )


REQUIRED_DEVICE = "computer"
OPTIONAL_DEVICES = ("id_reader", "evaluator", "scanner", "barcode", "doc_camera")


@rule(
    "CNTR-DEVICES",
    severity="error",
    profiles=ALL,
    source="XA 六(二); XC 二(三)3",
    title="窗口设施",
    title_en="Window equipment",
)
def counter_devices(ctx, p):
    """窗口配置计算机，并根据需要配置身份证读卡器、条码扫描器、服务评价器、扫描仪、高拍仪。 Window equipment.

    Checks: each counter's DEVICES list names ``computer`` (an error when missing) and
        ``id_reader``, ``evaluator``, ``scanner``, ``barcode``, ``doc_camera`` (a warning naming
        each one missing, one finding per counter).
    Conditions: 缺计算机为错误；缺其他设备（含高拍仪）为提示 // a missing computer is an error; any other missing
        device (the document camera too) is a warning.
    Why: XA 六(二): 窗口设施. 配置计算机, 并根据工作需要配置身份证读卡器、条码扫描器、服务评价器、扫描仪等相关设备;
        XC 二(三)3: 配备电脑、高拍仪、电子屏等大厅、窗口办公设施 (the district expects a document camera at every
        window; XA lists devices "as needed", so a warning either way).
    Parameters: none.
    Passes: DEVICES = ``computer,id_reader,barcode,evaluator,scanner,doc_camera``.
    Fails: DEVICES empty (no computer); DEVICES without ``doc_camera`` (a warning).
    """
    for c in ctx.plan.counters:
        have = {d.strip().lower() for d in c.attr("DEVICES").replace("，", ",").split(",") if d.strip()}
        zh, en = window_name(ctx.plan, c)
        subject = window_subject(ctx.plan, c)
        if REQUIRED_DEVICE not in have:
            yield hit(
                f"{zh}未配置计算机（DEVICES 中没有 computer）；请配置",
                f"{en} has no computer (DEVICES lacks computer): add one",
                handles=[c.id],
                at=centre(c.footprint),
                subject=subject,
            )
        missing = [d for d in OPTIONAL_DEVICES if d not in have]
        if missing:
            yield hit(
                f"{zh}未配置{'、'.join(DEVICES[d][0] for d in missing)}；请按需配置",
                f"{en} lacks: {', '.join(DEVICES[d][1] for d in missing)}; add them as needed",
                handles=[c.id],
                at=centre(c.footprint),
                severity="warning",
                subject=subject,
                measured=len(missing),
                limit=0,
                unit="devices",
            )


@rule(
    "CNTR-FRONT-CLEAR",
    severity="warning",
    profiles=ALL,
    source="—",
    title="柜台前方通畅",
    title_en="Clear space in front of counters",
    params={"depth_mm": 1200.0},
)
def counter_front_clear(ctx, p):
    """柜台服务面前方应留出办事群众站立的空间。 Clear floor in front of each counter.

    Checks: a strip ``depth_mm`` deep in front of each counter's public side (local -Y),
        as wide as the counter, is free of obstacles and other floor objects.
    Why: visitors stand there; a seat row or a column in that strip blocks the window.
    Parameters: ``depth_mm`` (1200).
    Passes: 2 m of open floor before the counters.
    Fails: a row of seats 0.5 m in front of a counter.
    """
    for c in ctx.plan.counters:
        strip = c.strip_in_front(p.depth_mm)
        blockers = ctx.blockers_hit(strip, exclude={c.id})
        if blockers:
            zh, en = window_name(ctx.plan, c)
            by_id = {o.id: o for o in ctx.plan.objects}
            tz = "、".join(
                dict.fromkeys(by_id[b].spec.zh if b in by_id and by_id[b].spec else "障碍物" for b in blockers)
            )
            te = ", ".join(
                dict.fromkeys(by_id[b].spec.en if b in by_id and by_id[b].spec else "an obstacle" for b in blockers)
            )
            yield hit(
                f"{zh}前 {metres(p.depth_mm)} 内有{tz}，办事群众无处站立；请移开",
                f"{te} within {metres(p.depth_mm)} in front of {en} leave(s) visitors no room to stand: move it away",
                handles=[c.id, *blockers],
                at=centre(strip),
                subject=window_subject(ctx.plan, c),
                measured=len(blockers),
                limit=0,
                unit="objects",
            )
