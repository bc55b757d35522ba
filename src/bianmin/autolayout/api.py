"""``layout(plan, only)``: the stages in order, then the engine's verdict on the result."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from bianmin.geometry.intake import Intake
from bianmin.geometry.model import Plan

from bianmin.autolayout import counters, equipment, fire, fixes, seats, signs, zones
from bianmin.autolayout.site import Note, Site

from bianmin.autolayout import KINDS  # noqa: F401  (re-exported: the stages by name)

MAX_EXTENT_MM = 1_000_000.0  # a service hall is not a kilometre long: such an outline is a unit or drawing error


@dataclass
class LayoutResult:
    plan: Plan
    added: list = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    # what a cover placed against its lower bound: {name: (placed, bound)}
    covers: dict = field(default_factory=dict)
    report: object = None  # the engine's PlanReport on the result
    arrangement: object = None  # the counter rows it took (rows.Arrangement), when it chose them

    def errors(self) -> list:
        return [f for f in getattr(self.report, "findings", ()) if f.severity == "error"]


MAX_TRIES = 3  # arrangements tried when the check leaves an error
STRIPS = -1  # the choice that draws the zones as strips, without choosing counter walls
STRIPS_WORDS = (
    "分区沿大厅进深方向成条布置，柜台在窗口办理区后部",
    "zones as strips across the hall, counters at the back",
)


def layout(plan: Plan, only=KINDS, *, config=None, check: bool = True) -> LayoutResult:
    """A copy of ``plan`` completed with what is missing (every kind, or those in ``only``).

    Nothing in ``plan`` changes: the hall, openings, obstacles and every object keep their
    geometry and ids; new zones and objects are appended.  Deterministic.  When the layout's
    own check leaves an error it tries the next counter arrangement (rows.py) and keeps the one
    with the fewest errors, and says so in a note."""
    only = tuple(only)
    unknown = [k for k in only if k not in KINDS]
    if unknown:
        raise ValueError(f"unknown layout kinds: {', '.join(unknown)}")
    tried = [_attempt(plan, only, config, check, 0)]
    while check and tried[-1].errors() and tried[-1].arrangement is not None and len(tried) < MAX_TRIES:
        nxt = _attempt(plan, only, config, check, len(tried))
        if nxt.arrangement is None or _same(nxt.arrangement, tried[-1].arrangement):
            break  # no other arrangement
        tried.append(nxt)
    if check and tried[-1].arrangement is not None and all(r.errors() for r in tried):
        # last, the zones as strips across the hall (the counters along the back of the window zone):
        # in a room too narrow for a row and its zones, the strips may leave fewer errors
        tried.append(_attempt(plan, only, config, check, STRIPS))
    # a hall without its windows serves no one: fewer errors count only among results that have them
    best = min(tried, key=lambda r: (_no_windows(r), len(r.errors()), tried.index(r)))
    if len(tried) > 1:
        best.notes.insert(0, _retry_note(tried, best))
    return best


def _no_windows(result: LayoutResult) -> bool:
    return any(f.rule == "ZONE-WINDOW-COUNTERS" for f in result.errors())


def _same(a, b) -> bool:
    return [(r.frame, tuple(r.places)) for r in a.rows] == [(r.frame, tuple(r.places)) for r in b.rows]


def _retry_note(tried: list, best) -> Note:
    """In words: which arrangements were tried, what each left, which one is kept."""
    zh, en = [], []
    for i, r in enumerate(tried, 1):
        wz, we = r.arrangement.words() if r.arrangement is not None else STRIPS_WORDS
        left = ",".join(sorted({f.rule for f in r.errors()}))
        zh.append(f"方案{i}（{wz}）" + (f"留下错误 {left}" if left else "无错误"))
        en.append(f"option {i} ({we}) " + (f"left {left}" if left else "left no error"))
    k = tried.index(best) + 1
    return Note(
        "LAYOUT-OPTIONS",
        "；".join(zh) + f"。采用方案{k}",
        "; ".join(en) + f". Kept option {k}",
    )


def _attempt(plan: Plan, only: tuple, config, check: bool, choice: int) -> LayoutResult:
    work = plan.copy()
    result = LayoutResult(plan=work)
    if work.hall is None:
        result.notes.append(
            Note(
                "DXF-HALL",
                "图中没有大厅外形（BM-HALL），无法布置；请先绘制大厅",
                "the plan has no hall outline (BM-HALL): draw it first",
            )
        )
        return result
    minx, miny, maxx, maxy = work.hall.polygon.bounds if not work.hall.polygon.is_empty else (0, 0, 0, 0)
    if (
        not all(math.isfinite(v) for v in (minx, miny, maxx, maxy))
        or max(maxx - minx, maxy - miny) > MAX_EXTENT_MM
        or work.hall.polygon.area < 1e6
    ):
        size = f"{maxx - minx:.4g} × {maxy - miny:.4g} mm"
        result.notes.append(
            Note(
                "DXF-HALL",
                f"大厅外形尺寸异常（{size}），不能自动布置；请检查大厅外形和图纸单位",
                f"the hall outline is {size}: not laid out; check the outline and the drawing units",
            )
        )
        return result
    if not work.properties.hours:
        work.properties.hours = counters.DEFAULT_HOURS
        result.notes.append(
            Note(
                "SIGN-HOURS-MIN",
                f"未填写对外服务时间，已按 {counters.DEFAULT_HOURS} 填写",
                f"no opening hours: set to {counters.DEFAULT_HOURS}",
            )
        )
    site = Site(work, config)
    site.choice = choice
    if "zones" in only and "counters" in only and choice != STRIPS:
        counters.choose_rows(site)
    if "zones" in only:
        zones.run(site)
    if "counters" in only:
        counters.run(site)
    if "fire" in only:  # by the exits before the furniture and the signs take that wall
        fire.exit_points(site)
    if "seats" in only:
        seats.run(site)
    if "equipment" in only:
        equipment.run(site)
    if "signs" in only:
        signs.run(site)
    if "fire" in only:
        fire.exit_signs(site)
        fire.extinguishers(site, result.covers)
        fire.alarms(site, result.covers)
        fire.lights(site, result.covers)
        fire.cameras(site, result.covers)
        fire.routes(site)
        fire.evac_signs(site, result.covers)
    result.added = list(site.added)
    result.arrangement = site.arrangement
    result.notes.extend(site.notes)
    if check:
        from bianmin.standards import engine

        result.report = engine.check(Intake(plan=work), config)
        result.notes.extend(_unmet(work, result.report, result.notes, config))
    return result


def _side(plan: Plan, x: float, y: float) -> tuple[str, str]:
    c = plan.hall.polygon.centroid
    dx, dy = x - c.x, y - c.y
    if abs(dx) >= abs(dy):
        return ("东", "east") if dx > 0 else ("西", "west")
    return ("北", "north") if dy > 0 else ("南", "south")


def _unmet(plan: Plan, report, notes, config=None) -> list[Note]:
    """A note for every error finding left: the rule, and what would fix it (autolayout/fixes.py)."""
    said = {n.rule for n in notes}
    out = []
    for f in report.findings:
        if f.severity != "error" or f.rule in said:
            continue
        said.add(f.rule)
        at = f.location or (plan.hall.polygon.centroid.x, plan.hall.polygon.centroid.y)
        if f.rule in ("EVAC-EXIT-COUNT", "EVAC-TRAVEL") or not isinstance(at, tuple):
            at = _farthest(plan) or at
        zh_side, en_side = _side(plan, *at[:2]) if isinstance(at, tuple) else ("", "")
        zh, en = fixes.unmet_words(f.rule, zh_side, en_side, config)
        out.append(Note(f.rule, f"{zh}（{f.message}）", f"{en} ({f.message_en})"))
    return out


def _farthest(plan: Plan):
    exits = [o.line for o in plan.exits]
    if not exits:
        return None
    pts = list(plan.hall.polygon.exterior.coords)
    return max(pts, key=lambda p: min(e.distance(_pt(p)) for e in exits) + 0 * math.pi)


def _pt(p):
    from shapely.geometry import Point

    return Point(p)
