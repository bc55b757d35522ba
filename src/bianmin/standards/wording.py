"""Words a person uses for places and things in a plan, in Chinese and English, for rule messages.

A reviewer writes "北墙 2 号出口", "3 号窗口", "大厅东南角" in an official letter, never a DXF
handle. These helpers name exits by their order along the hall outline and the wall they are
in, windows by their number, and any point by the part of the hall it lies in; and they format
figures so that no message ever says "inf", "nan" or "?".
"""

from __future__ import annotations

import math

from bianmin.geometry.catalog import OPENING_KINDS

Words = tuple[str, str]  # (Chinese, English)

_PARTS = {  # (column, row) in a 3 x 3 split of the hall's extent, y pointing north
    (0, 2): ("西北角", "north-west corner"),
    (1, 2): ("北部", "north side"),
    (2, 2): ("东北角", "north-east corner"),
    (0, 1): ("西部", "west side"),
    (1, 1): ("中部", "middle"),
    (2, 1): ("东部", "east side"),
    (0, 0): ("西南角", "south-west corner"),
    (1, 0): ("南部", "south side"),
    (2, 0): ("东南角", "south-east corner"),
}
_SIDES = {"N": ("北墙", "north"), "S": ("南墙", "south"), "E": ("东墙", "east"), "W": ("西墙", "west")}


def number(value, decimals: int = 1, unit: str = "") -> str:
    """A figure for a message; a value that is not a finite number reads "未能测得" / "not measurable"."""
    try:
        v = float(value)
    except (TypeError, ValueError):
        return "—"
    if not math.isfinite(v):
        return "—"
    text = f"{v:.{decimals}f}" if decimals else f"{round(v):d}"
    return f"{text} {unit}".rstrip() if unit else text


def metres(mm_value, decimals: int = 1) -> str:
    """Millimetres shown as metres."""
    try:
        return number(float(mm_value) / 1000.0, decimals, "m")
    except (TypeError, ValueError):
        return "—"


def place(plan, point) -> Words:
    """The part of the hall a point lies in: "大厅东南角" / "the hall's south-east corner"."""
    if plan.hall is None or point is None or not all(math.isfinite(c) for c in point[:2]):
        return ("大厅内", "in the hall")
    minx, miny, maxx, maxy = plan.hall.polygon.bounds
    col = _third(point[0], minx, maxx)
    row = _third(point[1], miny, maxy)
    zh, en = _PARTS[(col, row)]
    return (f"大厅{zh}", f"the hall's {en}")


def _third(v: float, lo: float, hi: float) -> int:
    if hi - lo <= 0:
        return 1
    return min(2, max(0, int(3 * (v - lo) / (hi - lo))))


def exits_in_order(plan) -> list:
    """The exits (main entrance first among equals) in their order along the hall outline, starting
    at the outline's first vertex: the order that numbers them ("2 号出口")."""
    exits = list(plan.exits)
    if plan.hall is None:
        return exits
    polygon = plan.hall.polygon
    key = (id(polygon), tuple((id(o), o.kind, o.start, o.end) for o in exits))
    cached = _EXIT_ORDER.get("last")
    if cached is not None and cached[0] == key and cached[1] is polygon:
        return list(cached[2])
    import shapely

    # one vectorised projection, remembered for the plan as it is: numbering each of 2,000 exits
    # sorted all of them again (four million projections, 40 s for one plan)
    along = shapely.line_locate_point(polygon.exterior, shapely.points([o.midpoint for o in exits])) if exits else []
    order = [
        o for _, _, o in sorted(zip(along, [o.kind != "main" for o in exits], exits, strict=True), key=lambda t: t[:2])
    ]
    _EXIT_ORDER["last"] = (key, polygon, order, {id(o): n for n, o in enumerate(order, 1)})
    return list(order)


_EXIT_ORDER: dict = {}  # the last plan's exits in order: (key, hall polygon, order, number by id)


def exit_number(plan, opening) -> int:
    """The 1-based number of an exit along the hall outline (0 when it is not an exit of the plan)."""
    order = exits_in_order(plan)
    cached = _EXIT_ORDER.get("last")
    if plan.hall is not None and cached is not None and id(opening) in cached[3]:
        return cached[3][id(opening)]
    for n, o in enumerate(order, 1):
        if o is opening or o.id == opening.id:
            return n
    return 0


def wall_side(plan, opening) -> Words:
    """Which wall an opening is in, by the outward direction of the hall at the opening."""
    (x1, y1), (x2, y2) = opening.start, opening.end
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    if plan.hall is None:
        return ("", "")
    cx, cy = plan.hall.polygon.centroid.x, plan.hall.polygon.centroid.y
    dx, dy = x2 - x1, y2 - y1
    nx, ny = -dy, dx  # a normal of the opening
    if (mx - cx) * nx + (my - cy) * ny < 0:
        nx, ny = -nx, -ny  # pointing out of the hall
    if abs(nx) >= abs(ny):
        key = "E" if nx > 0 else "W"
    else:
        key = "N" if ny > 0 else "S"
    return _SIDES[key]


def exit_name(plan, opening) -> Words:
    """ "南墙主入口" / "the main entrance (south wall)"; "北墙 2 号安全出口" / "exit 2 (north wall)", in a room
    (BM_HALL_SETTING) "北墙 2 号疏散门" / "exit door 2 (north wall)"."""
    side_zh, side_en = wall_side(plan, opening)
    if opening.kind == "main":
        return (f"{side_zh}主入口", f"the main entrance ({side_en} wall)" if side_en else "the main entrance")
    if opening.kind == "door":
        kind_zh, kind_en = OPENING_KINDS[opening.kind]
        return (f"{side_zh}{kind_zh}", f"the {kind_en} ({side_en} wall)" if side_en else f"the {kind_en}")
    n = exit_number(plan, opening)
    # the hall's setting names its doors (rule set 2019.3): 疏散门 of a room open onto corridors, 安全出口 lead out
    room = getattr(getattr(plan, "properties", None), "setting", "building") == "room"
    zh = f"{side_zh} {n} 号{'疏散门' if room else '安全出口'}".strip()
    en = f"exit door {n}" if room else f"exit {n}"
    return (zh, f"{en} ({side_en} wall)" if side_en else en)


def exit_subject(plan, opening) -> tuple[str, str]:
    """A stable identity for an exit finding: its number along the outline (or 'main')."""
    if opening.kind == "main":
        return ("exit", "main")
    if opening.kind == "door":
        return ("door", str(_door_number(plan, opening)))
    return ("exit", str(exit_number(plan, opening)))


def _door_number(plan, opening) -> int:
    doors = plan.openings_of("door")
    if plan.hall is not None:
        ring = plan.hall.polygon.exterior
        doors = sorted(doors, key=lambda o: ring.project(_point(o.midpoint)))
    for n, o in enumerate(doors, 1):
        if o is opening or o.id == opening.id:
            return n
    return 0


def window_name(plan, counter) -> Words:
    """ "3 号窗口" / "window 3"; a counter without a number by where it stands."""
    no = counter.attr("NO")
    if no:
        return (f"{no} 号窗口", f"window {no}")
    zh, en = place(plan, counter.position)
    return (f"{zh}未编号的窗口", f"the unnumbered window at {en}")


def window_subject(plan, counter) -> tuple[str, str]:
    no = counter.attr("NO")
    if no:
        return ("window", no)
    x, y = counter.position
    return ("window", f"@{round(x / 500)},{round(y / 500)}")


def thing_name(plan, obj) -> Words:
    """A placed object by its catalogue name and where it stands: "大厅西北角的灭火器设置点"."""
    spec = obj.spec
    zh, en = (spec.zh, spec.en) if spec else (obj.block, obj.block)
    pzh, pen = place(plan, obj.position)
    return (f"{pzh}的{zh}", f"the {en} at {pen}")


def _point(xy):
    from shapely.geometry import Point

    return Point(xy[0], xy[1])


# --- number formatting and object names shared by rule messages (were rules/_text.py) ---
def m(mm: float) -> str:
    """Millimetres shown as metres, one decimal."""
    return f"{mm / 1000:.1f} m"


def mm(value: float) -> str:
    return f"{value:.0f} mm"


def m2(value: float) -> str:
    return f"{value:.1f} m²"


def names(items, lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(items)


def object_subject(obj) -> tuple[str, str]:
    """A stable identity for a placed object: its block and where it stands (to 0.5 m), never its handle."""
    x, y = obj.position
    return ("block", f"{obj.block}@{round(x / 500)},{round(y / 500)}")


def things(plan, ids) -> tuple[str, str]:
    """What the elements with these ids are, in words: ("等候座椅、障碍物", "waiting seat, an obstacle")."""
    by_id = {o.id: o for o in plan.objects}
    zh, en = [], []
    for i in ids:
        o = by_id.get(i)
        if o is not None and o.spec is not None:
            zh.append(o.spec.zh)
            en.append(o.spec.en)
        else:
            zh.append("障碍物")
            en.append("an obstacle")
    return "、".join(dict.fromkeys(zh)), ", ".join(dict.fromkeys(en))
