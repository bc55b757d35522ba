"""CNTR- rules: the service counters of XA 三(四)3 and their equipment (XA 六(二))."""
from collections import Counter as Tally

from shapely import STRtree

from bianmin.geometry.catalog import COUNTER_TYPES, DEVICES

from ..context import centre
from ..registry import ALL, hit, rule
from ._text import mm


def _label(c):
    no = c.attr("NO")
    return (f"{no} 号窗口" if no else f"柜台 #{c.id}"), (f"window {no}" if no else f"counter #{c.id}")


@rule("CNTR-HEIGHT", severity="error", profiles=ALL, source="XA 三(四)3; GB 50763 3.15",
      title="柜台台面高度", title_en="Counter height",
      params={"height_mm": [700, 800], "accessible_height_mm": [700, 850]})
def counter_height(ctx, p):
    """台面高度宜为 75 cm 左右；低位服务台按无障碍规范。 Countertop height.

    Checks: each counter's HEIGHT attribute (default 750 mm) is within ``height_mm``;
        counters of TYPE ``accessible`` use ``accessible_height_mm``.
    Why: XA 三(四)3: 台面高度宜为75 cm左右; GB 50763 3.15 for low (accessible) counters.
    Parameters: ``height_mm`` ([700, 800]), ``accessible_height_mm`` ([700, 850]).
    Passes: HEIGHT 750.
    Fails: HEIGHT 1100 (a bar-height counter).
    """
    for c in ctx.plan.counters:
        zh, en = _label(c)
        value = c.attr_number("HEIGHT")
        if value is None:
            yield hit(f"{zh}的 HEIGHT 属性“{c.attr('HEIGHT')}”不是数字", f"{en}: HEIGHT “{c.attr('HEIGHT')}” is not a number",
                      handles=[c.id], at=centre(c.footprint))
            continue
        accessible = c.attr("TYPE").lower() == "accessible"
        lo, hi = p.accessible_height_mm if accessible else p.height_mm
        if not lo <= value <= hi:
            kind_zh = "低位窗口" if accessible else "柜台"
            yield hit(f"{zh}{kind_zh}台面高 {mm(value)}，应为 {lo:.0f}–{hi:.0f} mm",
                      f"{en}: countertop height {mm(value)}; required {lo:.0f}–{hi:.0f} mm",
                      handles=[c.id], at=centre(c.footprint))


@rule("CNTR-DEPTH", severity="error", profiles=ALL, source="XA 三(四)3",
      title="柜台台面宽度", title_en="Counter depth", params={"depth_mm": [750, 1000]})
def counter_depth(ctx, p):
    """台面宽为 75 cm～100 cm。 Countertop depth (the 宽 of the counter top).

    Checks: each counter's footprint, measured along its local Y (front to back), is
        within ``depth_mm``.
    Why: XA 三(四)3: 宽为75 cm~100 cm.
    Parameters: ``depth_mm`` ([750, 1000]).
    Passes: an 800 mm deep counter.
    Fails: a 600 mm deep counter.
    """
    lo, hi = p.depth_mm
    for c in ctx.plan.counters:
        depth = c.depth
        if not lo - 0.5 <= depth <= hi + 0.5:
            zh, en = _label(c)
            yield hit(f"{zh}台面宽 {mm(depth)}，应为 {lo:.0f}–{hi:.0f} mm",
                      f"{en}: countertop depth {mm(depth)}; required {lo:.0f}–{hi:.0f} mm",
                      handles=[c.id], at=centre(c.footprint))


@rule("CNTR-SIGN", severity="error", profiles=ALL, source="XA 三(四)3, 五(三)",
      title="窗口吊牌", title_en="Window sign", params={"max_distance_mm": 1500.0})
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
            zh, en = _label(c)
            yield hit(f"{zh}上方 {p.max_distance_mm:.0f} mm 内没有窗口吊牌（BM_SIGN_WINDOW）",
                      f"{en} has no window sign (BM_SIGN_WINDOW) within {p.max_distance_mm:.0f} mm",
                      handles=[c.id], at=centre(c.footprint))


@rule("CNTR-NUMBER", severity="warning", profiles=ALL, source="XA 五(三)",
      title="窗口编号", title_en="Window numbers")
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
            yield hit(f"柜台 #{c.id} 没有窗口编号（NO 属性）", f"counter #{c.id} has no window number (NO attribute)",
                      handles=[c.id], at=centre(c.footprint))
        elif numbers[no] > 1:
            yield hit(f"窗口编号 {no} 重复（{numbers[no]} 个柜台）", f"window number {no} is used by {numbers[no]} counters",
                      handles=[c.id], at=centre(c.footprint))


@rule("CNTR-GENERAL", severity="error", profiles=ALL, source="XA 四(二); XC 二(二)4",
      title="综合窗口", title_en="General window")
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
        yield hit(f"没有综合窗口（TYPE=general），{len(counters)} 个柜台中 0 个{extra_zh}",
                  f"no general window (TYPE=general): 0 of {len(counters)} counters{extra_en}",
                  handles=[c.id for c in counters])


REQUIRED_DEVICE = "computer"
OPTIONAL_DEVICES = ("id_reader", "evaluator", "scanner", "barcode")


@rule("CNTR-DEVICES", severity="error", profiles=ALL, source="XA 六(二)",
      title="窗口设施", title_en="Window equipment")
def counter_devices(ctx, p):
    """窗口配置计算机，并根据需要配置身份证读卡器、条码扫描器、服务评价器、扫描仪。 Window equipment.

    Checks: each counter's DEVICES list names ``computer`` (an error when missing) and
        ``id_reader``, ``evaluator``, ``scanner``, ``barcode`` (a warning naming each one
        missing, one finding per counter).
    Why: XA 六(二): 窗口设施. 配置计算机, 并根据工作需要配置身份证读卡器、条码扫描器、
        服务评价器、扫描仪等相关设备.
    Parameters: none.
    Passes: DEVICES = ``computer,id_reader,barcode,evaluator,scanner``.
    Fails: DEVICES empty (no computer).
    """
    for c in ctx.plan.counters:
        have = {d.strip().lower() for d in c.attr("DEVICES").replace("，", ",").split(",") if d.strip()}
        zh, en = _label(c)
        if REQUIRED_DEVICE not in have:
            yield hit(f"{zh}未配置计算机（DEVICES 中没有 computer）", f"{en} has no computer (DEVICES lacks computer)",
                      handles=[c.id], at=centre(c.footprint))
        missing = [d for d in OPTIONAL_DEVICES if d not in have]
        if missing:
            yield hit(f"{zh}未配置：{'、'.join(DEVICES[d][0] for d in missing)}",
                      f"{en} lacks: {', '.join(DEVICES[d][1] for d in missing)}",
                      handles=[c.id], at=centre(c.footprint), severity="warning")


@rule("CNTR-FRONT-CLEAR", severity="warning", profiles=ALL, source="—",
      title="柜台前方通畅", title_en="Clear space in front of counters", params={"depth_mm": 1200.0})
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
            zh, en = _label(c)
            yield hit(f"{zh}前方 {p.depth_mm:.0f} mm 内有 {len(blockers)} 个障碍或设施",
                      f"{en}: {len(blockers)} obstacle(s) or object(s) within {p.depth_mm:.0f} mm in front",
                      handles=[c.id, *blockers], at=centre(strip))
