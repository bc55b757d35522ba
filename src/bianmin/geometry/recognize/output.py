"""A recognition as plan elements, as JSON-ready data and as a text report; writing it into the drawing."""

from __future__ import annotations

import math

from bianmin.geometry.model import Hall, Obstacle, Opening, Plan
from shapely.geometry import Point

from bianmin.geometry.recognize import Recognition
from bianmin.geometry.recognize.units import FACTORS

# every unit the guess can give ($INSUNITS code by factor): inches and feet too, which the tryout
# found left at 0, so that validate read an inch drawing as millimetres (a 96 m² hall as 0.1 m²)
INSUNITS_OF = {factor: code for code, factor in FACTORS.items()}
OPENING_LAYERS = {"main": "BM-DOOR-MAIN", "exit": "BM-DOOR-EXIT", "door": "BM-DOOR"}
KIND_NAMES = {"main": ("主入口", "main entrance"), "exit": ("安全出口", "exit"), "door": ("内门", "internal door")}


def _vertices(poly):
    return [(float(x), float(y), 0.0) for x, y in list(poly.exterior.coords)[:-1]]


def elements(rec: Recognition) -> tuple[Hall | None, list[Opening], list[Obstacle]]:
    """The hall, openings and obstacles as new plan elements (mm)."""
    if rec.hall is None:
        return None, [], []
    hall = Hall(_vertices(rec.hall))
    openings = [
        Opening(f.kind, (float(f.start[0]), float(f.start[1])), (float(f.end[0]), float(f.end[1])))
        for f in rec.openings
    ]
    obstacles = [Obstacle(_vertices(o)) for o in rec.obstacles]
    return hall, openings, obstacles


def apply_to_plan(plan: Plan, rec: Recognition) -> None:
    """Put the recognized hall, openings and obstacles in the plan, replacing any it had."""
    hall, openings, obstacles = elements(rec)
    plan.hall = hall
    plan.openings = openings
    plan.obstacles = obstacles


def set_units(doc, rec: Recognition) -> bool:
    """Record guessed units in the header, so that validate reads the plan the same way."""
    code = INSUNITS_OF.get(rec.factor)
    if not rec.units_guessed or code is None or doc.dxfversion <= "AC1009":
        return False
    doc.header["$INSUNITS"] = code
    return True


HALL_SETTING_KEY = "BM_HALL_SETTING"


def set_hall_setting(doc, plan: Plan, rec: Recognition) -> bool:
    """The building context found (building | room) as the plan property BM_HALL_SETTING: through the
    plan's properties where the catalogue knows the key, else straight into the header's custom
    properties, where the writer keeps plan properties (docs/dxf-convention.md). False where the
    drawing's version keeps no custom properties."""
    from bianmin.geometry.dxf.write import has_custom_properties
    from bianmin.geometry.properties import KEYS

    if HALL_SETTING_KEY in KEYS:
        plan.properties, _ = plan.properties.updated({HALL_SETTING_KEY: rec.hall_setting})
        return True
    if not has_custom_properties(doc):
        return False
    custom = doc.header.custom_vars
    if custom.has_tag(HALL_SETTING_KEY):
        custom.replace(HALL_SETTING_KEY, rec.hall_setting)
    else:
        custom.append(HALL_SETTING_KEY, rec.hall_setting)
    return True


ROOM_LAYER = "BM-ROOM"
WALL_REACH = 550.0  # mm: walls up to 500 mm thick (the shape finder's widest pair)


def back_rooms(rec: Recognition):
    """The rooms behind the hall's internal doors (toilets, offices, stores …; not stairs nor corridors):
    the centre's back rooms, which HALL-AREA counts with the hall (rules.md, third edition)."""
    if rec.hall is None:
        return []
    out = []
    for r in rec.room_list:
        if r.number == rec.hall_number or r.role in ("stair", "corridor"):
            continue
        ring = r.outline.exterior.buffer(WALL_REACH)  # across the wall from the hall's face
        if any(o.leads_to == "room" and ring.intersects(o.line_mm.centroid) for o in rec.openings):
            out.append(r)
    return out


def write_rooms(doc, rec: Recognition) -> int:
    """Each back room as a closed LWPOLYLINE on BM-ROOM with its name as a TEXT at its middle (drawing
    units); returns how many. Rooms already drawn on BM-ROOM are left as they are."""
    rooms = back_rooms(rec)
    msp = doc.modelspace()
    if not rooms or any(e.dxf.layer.upper() == ROOM_LAYER for e in msp.query("LWPOLYLINE POLYLINE")):
        return 0
    if ROOM_LAYER not in doc.layers:
        doc.layers.add(ROOM_LAYER, color=8)
    f = rec.factor
    for r in rooms:
        pts = [(x / f, y / f) for x, y in list(r.outline.exterior.coords)[:-1]]
        msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": ROOM_LAYER})
        if r.label:
            p = r.outline.representative_point()
            msp.add_text(r.label, height=300 / f, dxfattribs={"layer": ROOM_LAYER, "insert": (p.x / f, p.y / f)})
    return len(rooms)


def write_recognized(doc, rec: Recognition, path) -> None:
    """The drawing as it was plus the recognized plan on BM- layers, saved atomically at ``path``."""
    from bianmin.geometry.dxf.read import plan_from_document
    from bianmin.geometry.dxf.write import write_plan

    plan = plan_from_document(doc).plan
    apply_to_plan(plan, rec)
    set_units(doc, rec)
    if rec.hall is not None:
        set_hall_setting(doc, plan, rec)
        if write_rooms(doc, rec) and plan.properties.centre_area_m2 is None:
            # the centre's area as XA 三(二) measures it (hall and back rooms), for HALL-AREA: the
            # BM-ROOM outlines say where it comes from; a planner's own figure is never replaced
            area = (rec.hall.area + sum(r.outline.area for r in back_rooms(rec))) / 1e6
            plan.properties, _ = plan.properties.updated({"BM_CENTRE_AREA_M2": f"{area:.1f}"})
    write_plan(plan, path, doc=doc, units_factor=rec.factor)


def to_dict(rec: Recognition, source: str = "") -> dict:
    """JSON-ready: coordinates in drawing units (as the CAD program shows them), sizes in mm."""
    f = rec.factor

    def pts(poly):
        return [[round(x / f, 4), round(y / f, 4)] for x, y in list(poly.exterior.coords)[:-1]]

    names = (door_names(rec, "zh"), door_names(rec, "en"))
    return {
        "file": source,
        "found": rec.found,
        "units": {"mm_per_unit": f, "guessed": rec.units_guessed},
        "walls": {"by": rec.walls_by, "layers": rec.wall_layers, "segments": rec.wall_segments},
        "rooms": rec.rooms,
        "hall": None
        if rec.hall is None
        else {
            "outline": pts(rec.hall),
            "area_m2": round(rec.hall.area / 1e6, 2),
            "label": rec.hall_label,
            "name": {"zh": hall_name(rec, "zh"), "en": hall_name(rec, "en")},
        },
        "openings": [
            {
                "kind": o.kind,
                "layer": OPENING_LAYERS[o.kind],
                "start": [round(o.start[0] / f, 4), round(o.start[1] / f, 4)],
                "end": [round(o.end[0] / f, 4), round(o.end[1] / f, 4)],
                "width_mm": round(o.width),
                "source": o.source,
                "leads_to": o.leads_to,
                "to_label": o.to_label,
                "name": {"zh": names[0][i], "en": names[1][i]},
            }
            for i, o in enumerate(rec.openings)
        ],
        "hall_setting": rec.hall_setting if rec.found else None,
        "slivers_trimmed": rec.slivers_trimmed,
        "rooms_found": [
            {
                "number": r.number,
                "label": r.label,
                "role": r.role,
                "area_m2": round(r.area_m2, 2),
                "doors": r.doors,
                "outline": pts(r.outline),
            }
            for r in rec.room_list
        ],
        "windows_on_hall": rec.windows,
        "obstacles": [{"outline": pts(o), "area_m2": round(o.area / 1e6, 3)} for o in rec.obstacles],
        "notes": [{"zh": zh, "en": en} for zh, en in rec.notes],
        "doubts": [{"zh": zh, "en": en} for zh, en in rec.doubts],
    }


def _n(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".")


SIDES = {
    "N": ("北墙", "north wall"),
    "S": ("南墙", "south wall"),
    "E": ("东墙", "east wall"),
    "W": ("西墙", "west wall"),
}


def _side(rec: Recognition, o) -> str:
    """The hall wall an opening is on (N, S, E, W; up the drawing is north), by its outward normal."""
    (x1, y1), (x2, y2) = o.start, o.end
    mx, my = o.midpoint
    length = max(math.hypot(x2 - x1, y2 - y1), 1e-9)
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    if rec.hall is not None and rec.hall.contains(Point(mx + nx * 20, my + ny * 20)):
        nx, ny = -nx, -ny
    if abs(nx) >= abs(ny):
        return "E" if nx > 0 else "W"
    return "N" if ny > 0 else "S"


def door_names(rec: Recognition, lang: str = "zh") -> list[str]:
    """Each opening as a person says it: "南墙 1 号门, 宽 1.80 m, 通向室外（主入口）", numbered along its
    wall from west to east (north and south walls) or south to north (east and west walls)."""
    zh = lang != "en"
    sides = [_side(rec, o) for o in rec.openings]
    order: dict[int, int] = {}
    for side in SIDES:
        mine = [i for i, s in enumerate(sides) if s == side]
        axis = 0 if side in "NS" else 1
        for n, i in enumerate(sorted(mine, key=lambda i: rec.openings[i].midpoint[axis]), start=1):
            order[i] = n
    out = []
    for i, o in enumerate(rec.openings):
        wall = SIDES[sides[i]][0 if zh else 1]
        label = o.to_label
        if o.leads_to == "outside":
            where = "通向室外" if zh else "to the outside"
        elif o.leads_to in ("stair", "corridor"):
            stair = o.leads_to == "stair"
            generic = label.lower() in (
                ("", "楼梯", "楼梯间", "stair", "stairs") if stair else ("", "走廊", "走道", "过道", "corridor")
            )
            what = ("楼梯间" if stair else "走廊") if zh else ("the stair" if stair else "the corridor")
            more = "" if generic else (f"“{label}”" if zh else f" ({label})")
            where = f"通向{what}{more}" if zh else f"to {what}{more}"
        else:
            where = (
                (f"通向“{label}”" if label else "通向相邻房间")
                if zh
                else (f"to {label}" if label else "to the next room")
            )
        kind = _kind_name(o, zh)
        if zh:
            out.append(f"{wall} {order[i]} 号门，宽 {o.width / 1000:.2f} m，{where}（{kind}）")
        else:
            out.append(f"{wall} door {order[i]}, {o.width / 1000:.2f} m wide, {where} ({kind})")
    return out


def _kind_name(o, zh: bool) -> str:
    if o.leads_to == "corridor" and o.kind in ("main", "exit"):
        name = "疏散门" if zh else "疏散门, door to the corridor"
        return f"{name}{'，主入口' if zh else ', main entrance'}" if o.kind == "main" else name
    return KIND_NAMES[o.kind][0 if zh else 1]


def hall_name(rec: Recognition, lang: str = "zh") -> str:
    zh = lang != "en"
    if rec.hall_label:
        return f"“{rec.hall_label}”" if zh else f"\u201c{rec.hall_label}\u201d"
    return "最大的房间" if zh else "the largest room"


def to_text(rec: Recognition, source: str = "", lang: str = "zh") -> str:
    """The report in words: the hall by its label, doors by wall side and number; no coordinates nor
    block names (the JSON keeps them)."""
    zh = lang != "en"
    lines = [f"{'识别' if zh else 'Recognized'}: {source}" if source else ""]
    if rec.hall is not None:
        setting = {
            "building": (
                "独立建筑或防火分区（门通向室外：安全出口）",
                "a building or fire compartment (doors to the outside: exits)",
            ),
            "room": ("建筑中的房间（门通向走廊：疏散门）", "a room in a larger building (doors to a corridor: 疏散门)"),
        }[rec.hall_setting]
        lines.append(
            f"大厅：{hall_name(rec, 'zh')}，{rec.hall.area / 1e6:.1f} m²；{setting[0]}"
            if zh
            else f"Hall: {hall_name(rec, 'en')}, {rec.hall.area / 1e6:.1f} m²; {setting[1]}"
        )
        names = door_names(rec, lang)
        rank = {side: k for k, side in enumerate(SIDES)}
        keyed = sorted(range(len(names)), key=lambda i: (rank[_side(rec, rec.openings[i])], names[i]))
        lines += [f"  {names[i]}" for i in keyed]
        if rec.obstacles:
            area = sum(o.area for o in rec.obstacles) / 1e6
            lines.append(
                f"  大厅内独立柱等障碍物 {len(rec.obstacles)} 处，共 {area:.2f} m²"
                if zh
                else f"  {len(rec.obstacles)} free-standing columns or obstacles in the hall, {area:.2f} m² in all"
            )
    others = [r for r in rec.room_list if r.number != rec.hall_number]
    named = [r for r in others if r.label]
    if named:
        lines.append(
            "其他房间：" + "、".join(f"{r.label} {r.area_m2:.1f} m²" for r in named[:12])
            if zh
            else "Other rooms: " + ", ".join(f"{r.label} {r.area_m2:.1f} m²" for r in named[:12])
        )
    if rec.doubts:
        lines.append("请核对：" if zh else "Check:")
        lines += [f"  ! {z if zh else e}" for z, e in rec.doubts]
    lines.append("识别说明：" if zh else "What was found and guessed:")
    lines += [f"  - {z if zh else e}" for z, e in rec.notes]
    if rec.hall is None:
        lines.append(
            "未找到房间：无法识别大厅（可用 --at X,Y 指定大厅内一点，或 --list 列出房间后用 --room N 选定）"
            if zh
            else "no room found: the hall could not be recognized (give a point inside it with --at X,Y, or "
            "list the rooms with --list and pick one with --room N)"
        )
    return "\n".join(line for line in lines if line) + "\n"


def list_text(rec: Recognition, lang: str = "zh") -> str:
    """``recognize --list``: every room found, largest first: number, name, area, doors."""
    zh = lang != "en"
    roles = {
        "side": ("不作大厅", "never the hall"),
        "stair": ("楼梯，不作大厅", "stair, never the hall"),
        "corridor": ("走廊，不作大厅", "corridor, never the hall"),
        "hall": ("", ""),
        "": ("", ""),
    }
    lines = ["编号  名称  面积  门数" if zh else "No.  name  area  doors"]
    for r in rec.room_list:
        mark = roles.get(r.role, ("", ""))[0 if zh else 1]
        name = r.label or ("（无标注）" if zh else "(no label)")
        chosen = (
            rec.hall is not None and r.outline.exterior.distance(rec.hall.centroid) >= 0 and rec.hall.equals(r.outline)
        )
        tail = f"  [{mark}]" if mark else ""
        star = ("  ← 大厅" if zh else "  <- hall") if chosen else ""
        lines.append(f"{r.number:>3}  {name}  {r.area_m2:.1f} m²  {r.doors}{tail}{star}")
    if not rec.room_list:
        lines.append("未找到房间" if zh else "no room found")
    return "\n".join(lines) + "\n"
