"""Recognition: from the architect's drawing (no BM- layers) to a plan's hall, doors and columns.

``recognize(doc)`` reads an ezdxf drawing and returns a :class:`Recognition` in
millimetres: the hall (inner wall faces of the chosen room, openings bridged), its
openings (main entrance, exits, internal doors) and the free-standing columns inside
it, with notes saying what was found and what was guessed.  No Qt here;
``output.write_recognized`` puts the result on BM- layers with the project's writer.

The steps, one module each: ``collect`` flattens the drawing through its blocks;
``units`` settles the units; ``walls`` picks the wall faces (by layer, else by shape)
and the columns; ``openings`` bridges the gaps and tells doors from windows;
``rooms`` polygonizes; this module chooses the hall and classifies its doors.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

from bianmin.geometry.recognize import rooms as rooms_mod
from bianmin.geometry.recognize.collect import Drawing, collect
from bianmin.geometry.recognize.openings import DOOR_GAP_MAX, PLAIN_MAX, Bridge, evidence, find_bridges
from bianmin.geometry.recognize.patterns import DEFAULT, Patterns
from bianmin.geometry.recognize.units import infer
from bianmin.geometry.recognize.walls import by_layer, by_shape, columns, wall_layers_used

__all__ = ["Found", "Patterns", "Recognition", "RoomInfo", "recognize", "recognize_drawing", "role_of"]

PROBE_STEP = 50.0
PROBE_MAX = 1500.0
ENTRANCE_TEXT_REACH = 10_000.0  # mm: an 入口 text farther than this from every exit names another door
SLIVER_MM = 600.0  # parts of the hall thinner than this are trimmed; doorways narrower are no doors


def role_of(label: str, patterns: Patterns = DEFAULT) -> str:
    """What a room's label makes it: stair, corridor, side (never the hall), hall (a hall word), or ""."""
    low = label.lower().strip()
    if not low:
        return ""
    if low in ("上", "下", "up", "dn", "down"):  # a stair's run arrows, as TArch writes them
        return "stair"
    for role, words in (
        ("stair", patterns.stair_labels),
        ("corridor", patterns.corridor_labels),
        ("hall", patterns.hall_labels),
        ("side", patterns.side_labels),
    ):
        if any(w.lower() in low for w in words):
            return role
    return ""


def _labels(faces: list[Polygon], d: Drawing, patterns: Patterns) -> list[str]:
    """The label of each face: the text inside it that says most about its role (else the first)."""
    out: list[list[str]] = [[] for _ in faces]
    for text, x, y, _ in d.texts:
        index = rooms_mod.containing(faces, x, y)
        if index is not None and text.strip():
            out[index].append(text.strip())
    rank = {"hall": 0, "stair": 1, "corridor": 2, "side": 3, "": 4}
    return [min(t, key=lambda w: rank[role_of(w, patterns)]) if t else "" for t in out]


@dataclass
class Found:
    """One recognized opening on the hall outline (mm)."""

    kind: str  # main, exit, door
    start: tuple[float, float]
    end: tuple[float, float]
    source: str  # door block name / layer, or "" for a doorway with no door drawn
    leads_to: str = "room"  # outside, stair, corridor, room (what lies behind it)
    to_label: str = ""  # the label of the room behind it, if any

    @property
    def width(self) -> float:
        return math.dist(self.start, self.end)

    @property
    def line_mm(self):
        from shapely.geometry import LineString

        return LineString([self.start, self.end])

    @property
    def midpoint(self) -> tuple[float, float]:
        return ((self.start[0] + self.end[0]) / 2, (self.start[1] + self.end[1]) / 2)


@dataclass
class RoomInfo:
    """One room the walls enclose (mm), as ``recognize --list`` shows it."""

    number: int  # 1-based, largest first
    outline: Polygon
    label: str
    role: str  # hall-label, side, stair, corridor, "" (unlabelled)
    doors: int

    @property
    def area_m2(self) -> float:
        return self.outline.area / 1e6


@dataclass
class Recognition:
    factor: float  # drawing units -> mm
    units_guessed: bool
    hall: Polygon | None = None
    openings: list[Found] = field(default_factory=list)
    obstacles: list[Polygon] = field(default_factory=list)
    windows: int = 0  # window gaps on the hall outline (never openings)
    rooms: int = 0
    walls_by: str = "layer"  # layer, shape, none
    wall_layers: list[str] = field(default_factory=list)
    wall_segments: int = 0
    notes: list[tuple[str, str]] = field(default_factory=list)  # (zh, en), what was found and guessed
    doubts: list[tuple[str, str]] = field(default_factory=list)  # (zh, en), why the hall may be wrong
    hall_label: str = ""
    hall_setting: str = "building"  # BM_HALL_SETTING found: building (doors lead outside) or room (to corridors)
    room_list: list[RoomInfo] = field(default_factory=list)  # every room found, largest first
    slivers_trimmed: int = 0
    hall_number: int = 0  # the hall's number in room_list (0: none)

    @property
    def found(self) -> bool:
        return self.hall is not None

    def note(self, zh: str, en: str) -> None:
        self.notes.append((zh, en))


def recognize(
    doc, *, at: tuple[float, float] | None = None, room: int | None = None, patterns: Patterns = DEFAULT
) -> Recognition:
    """Recognize the hall of an ezdxf drawing; ``at`` is a point in drawing units inside the hall,
    ``room`` a number of ``Recognition.room_list`` (1-based, largest first)."""
    return recognize_drawing(collect(doc, patterns), at=at, room=room, patterns=patterns)


def recognize_drawing(raw: Drawing, *, at=None, room: int | None = None, patterns: Patterns = DEFAULT) -> Recognition:
    factor, units_zh, units_en, guessed = infer(raw)
    result = Recognition(factor=factor, units_guessed=guessed)
    result.note(units_zh, units_en)
    if raw.truncated:
        result.note(
            "图纸过大，只读取了前 15 万个图元", "the drawing is very large: only its first 150,000 primitives were read"
        )
    if raw.beyond_bound:
        result.note(
            f"{raw.beyond_bound} 个图元的坐标、半径、比例或大小超出合理范围，未读入（如半径 1e300 的圆弧）",
            f"{raw.beyond_bound} entities with absurd coordinates, radii, scales or sizes were left out",
        )
    if raw.skipped_blocks:
        result.note(
            f"块自我嵌套或嵌套过深，已跳过：{', '.join(raw.skipped_blocks[:5])}",
            f"blocks that insert themselves or nest too deep were skipped: {', '.join(raw.skipped_blocks[:5])}",
        )
    d = raw.scaled(factor)

    walls = by_layer(d, patterns)
    result.wall_layers = wall_layers_used(d, patterns)
    if len(walls) >= 4:
        result.walls_by = "layer"
        result.note(
            f"墙线取自图层 {', '.join(result.wall_layers)}（{len(walls)} 段）",
            f"walls from layers {', '.join(result.wall_layers)} ({len(walls)} segments)",
        )
    else:
        walls = by_shape(d, patterns)
        result.walls_by = "shape" if len(walls) else "none"
        result.note(
            f"未找到墙图层，按成对平行线（间距 100–500 mm）识别墙线 {len(walls)} 段",
            f"no wall layer found; {len(walls)} wall segments found as parallel line pairs 100–500 mm apart",
        )
    result.wall_segments = len(walls)
    col_segs, col_rings = columns(d, patterns)
    if len(walls) == 0:
        result.note("图中没有可识别的墙线", "no wall lines could be recognized in the drawing")
        return result

    bridges, all_faces, room_faces = _rooms(d, patterns, walls, col_segs)
    if not room_faces and result.walls_by == "layer":
        # wall layers that enclose nothing (walls drawn on other layers too): add the double lines found by shape
        more = by_shape(d, patterns)
        if len(more):
            walls = np.vstack([walls, more])
            bridges, all_faces, room_faces = _rooms(d, patterns, walls, col_segs)
            result.walls_by = "layer+shape"
            result.note(
                f"墙图层未围合成房间，另按成对平行线补充墙线 {len(more)} 段",
                f"the wall layers enclose no room; {len(more)} more wall segments found as parallel line pairs",
            )
    result.rooms = len(room_faces)
    if not room_faces:
        result.note("墙线未围合成任何房间", "the walls enclose no room")
        return result

    labels = _labels(room_faces, d, patterns)
    if _side_room_inside(room_faces, labels, d, patterns):
        # a toilet or stair open to the hall through a wide doorway with no door: bridge wider gaps
        again = _rooms(d, patterns, walls, col_segs, DOOR_GAP_MAX)
        again_labels = _labels(again[2], d, patterns)
        if len(again[2]) > len(room_faces) and not _side_room_inside(again[2], again_labels, d, patterns):
            bridges, all_faces, room_faces = again
            labels = again_labels
            result.rooms = len(room_faces)
            result.note(
                f"卫生间、楼梯等经未画门的宽洞口（至多 {DOOR_GAP_MAX / 1000:.1f} m）与大厅相连，已按门洞分开",
                f"toilets, stairs or the like open to the hall through doorways up to {DOOR_GAP_MAX / 1000:.1f} m "
                "wide with no door drawn: kept apart as rooms",
            )
    result.room_list = _room_list(room_faces, labels, bridges, patterns)
    index: int | None
    if room is not None:
        if not 1 <= room <= len(result.room_list):
            result.note(
                f"没有第 {room} 号房间（共 {len(result.room_list)} 间，见 --list）",
                f"there is no room {room} ({len(result.room_list)} rooms, see --list)",
            )
            return result
        chosen = result.room_list[room - 1]
        index = next(i for i, f in enumerate(room_faces) if f is chosen.outline)
        result.hall_label = chosen.label
        result.note(f"按指定的第 {room} 号房间选定大厅", f"hall chosen as room {room} of the list")
    else:
        index = _choose_hall(result, room_faces, labels, d, at, factor, patterns, bridges, all_faces)
    if index is None:
        return result
    face = room_faces[index]
    result.hall_number = next((r.number for r in result.room_list if r.outline is face), 0)
    hall = _trim_slivers(result, rooms_mod.outline(face))
    result.hall = hall
    result.doubts = hall_doubts(hall)
    _openings(result, hall, face, bridges, all_faces, d, patterns, {id(f): labels[i] for i, f in enumerate(room_faces)})
    _obstacles(result, hall, face, col_rings)
    if not result.openings:
        # a hall with no way in is the frame of a site plan or a title block more often than a hall
        # (tryout: a landscape drawing's frame came out as a 756 m² hall, with no word of doubt)
        result.doubts.append(
            (
                "识别出的大厅没有找到任何门洞（出入口），可能是图框或总平面图的外框；请核对，或用 --at X,Y 指定大厅内一点",
                "no door was found in the recognized hall: it may be a drawing frame or a site plan's outline; "
                "check it, or give a point inside the hall with --at X,Y",
            )
        )
    return result


MIN_HALL_WIDTH_MM = 3000.0  # narrower is a corridor, not a service hall
MIN_HALL_AREA_M2 = 20.0  # smaller than the smallest community station's hall
MAX_HALL_ASPECT = 8.0


def hall_doubts(hall: Polygon) -> list[tuple[str, str]]:
    """Why a recognized hall looks unlike a service hall (a corridor, a strip between two walls, a
    small room labelled HALL): the planner is told to check before laying it out."""
    rect = hall.minimum_rotated_rectangle
    xs, ys = rect.exterior.coords.xy
    sides = sorted(float(np.hypot(xs[i + 1] - xs[i], ys[i + 1] - ys[i])) for i in range(2))
    short, long_ = sides[0], sides[1]
    area = hall.area / 1e6
    out = []
    if short < MIN_HALL_WIDTH_MM:
        out.append(
            (
                f"识别出的大厅只有约 {short / 1000:.1f} m 宽（{long_ / 1000:.1f} m 长），更像走廊；请核对，或用 --at X,Y 指定大厅内一点",
                f"the recognized hall is only about {short / 1000:.1f} m wide ({long_ / 1000:.1f} m long), more like a "
                "corridor: check it, or give a point inside the hall with --at X,Y",
            )
        )
    elif long_ / max(short, 1.0) > MAX_HALL_ASPECT:
        out.append(
            (
                f"识别出的大厅长宽比约 {long_ / short:.0f}:1（{long_ / 1000:.1f} m × {short / 1000:.1f} m），不像服务大厅；请核对",
                f"the recognized hall is about {long_ / short:.0f}:1 ({long_ / 1000:.1f} m × {short / 1000:.1f} m), "
                "unlike a service hall: check it",
            )
        )
    if area < MIN_HALL_AREA_M2:
        out.append(
            (
                f"识别出的大厅只有 {area:.1f} m²，小于 {MIN_HALL_AREA_M2:.0f} m²；请核对是否选错了房间，或用 --at X,Y 指定",
                f"the recognized hall is only {area:.1f} m², under {MIN_HALL_AREA_M2:.0f} m²: check the room, or "
                "give a point inside the hall with --at X,Y",
            )
        )
    return out


def _rooms(d: Drawing, patterns: Patterns, walls, col_segs, plain_max: float = PLAIN_MAX):
    ends = np.vstack([walls[:, :2], walls[:, 2:]])
    bridges = find_bridges(walls, evidence(d, patterns, ends), plain_max)
    bridge_segs = np.array([[*b.start, *b.end] for b in bridges]).reshape(-1, 4)
    all_faces = rooms_mod.faces(np.vstack([walls, col_segs, bridge_segs]))
    return bridges, all_faces, [f for f in all_faces if rooms_mod.is_room(f)]


# ---------------------------------------------------------------------------
# the hall
# ---------------------------------------------------------------------------


def _choose_hall(result, room_faces, labels, d: Drawing, at, factor, patterns, bridges, all_faces) -> int | None:
    if at is not None:
        x, y = at[0] * factor, at[1] * factor
        index = rooms_mod.containing(room_faces, x, y)
        if index is None:
            result.note("指定点不在任何房间内", "the given point is in no room")
            return None
        result.hall_label = labels[index]
        result.note("按指定点选定大厅", "hall chosen at the given point")
        return index
    apart = {i for i, label in enumerate(labels) if role_of(label, patterns) in ("side", "stair", "corridor")}
    for words, guess in ((patterns.hall_labels, False), (patterns.lobby_labels, True)):
        labelled = []
        for text, x, y, _ in d.texts:
            low = text.lower()
            rank = next((k for k, word in enumerate(words) if word.lower() in low), None)
            if rank is None:
                continue
            index = rooms_mod.containing(room_faces, x, y)
            if index is not None and index not in apart:
                labelled.append((rank, -room_faces[index].area, index, text))
        if labelled:
            _, _, index, text = min(labelled)
            result.hall_label = text
            if guess:
                result.note(
                    f"未找到“大厅/服务厅/便民/服务中心”标注，按标注“{text}”推定大厅",
                    f"no label 大厅/服务厅/便民/服务中心 found; the room labelled \u201c{text}\u201d was taken "
                    "as the hall",
                )
            else:
                result.note(f"按标注“{text}”选定大厅", f"hall chosen by its label \u201c{text}\u201d")
            return index
    doors = _rooms_with_doors(room_faces, bridges, all_faces)
    candidates = [i for i in range(len(room_faces)) if i not in apart] or list(range(len(room_faces)))
    index = max(candidates, key=lambda i: (doors.get(i, -1), room_faces[i].area))
    result.note(
        "未找到“大厅/服务厅/便民/服务中心”标注，按最大的房间（有外门者优先；卫生间、楼梯、走廊、设备间等除外）选定大厅",
        "no label 大厅/服务厅/便民/服务中心 found; the largest room was taken as the hall (one with a door "
        "to the outside first; toilets, stairs, corridors, plant rooms and the like never)",
    )
    if apart:
        result.note(
            f"{len(apart)} 间卫生间、楼梯、走廊、设备间等按标注与大厅分开",
            f"{len(apart)} toilets, stairs, corridors, plant rooms and the like kept apart from the hall by their labels",
        )
    return index


def _side_room_inside(room_faces, labels, d: Drawing, patterns: Patterns) -> bool:
    """Whether a room labelled as a hall also holds a toilet's, stair's or plant room's label."""
    for i, label in enumerate(labels):
        if role_of(label, patterns) != "hall":
            continue
        for text, x, y, _ in d.texts:
            if role_of(text, patterns) in ("side", "stair") and rooms_mod.containing(room_faces, x, y) == i:
                return True
    return False


def _room_list(room_faces, labels, bridges, patterns) -> list[RoomInfo]:
    doors = [b.line for b in bridges if b.kind in ("door", "plain") and b.width >= SLIVER_MM]
    order = sorted(range(len(room_faces)), key=lambda i: -room_faces[i].area)
    out = []
    for n, i in enumerate(order, start=1):
        near = room_faces[i].exterior.buffer(2.0)
        count = sum(1 for line in doors if near.covers(line))
        out.append(RoomInfo(n, room_faces[i], labels[i], role_of(labels[i], patterns), count))
    return out


def _trim_slivers(result: Recognition, hall: Polygon) -> Polygon:
    """The hall without the parts thinner than SLIVER_MM (a strip between two wall lines, a slot)."""
    r = SLIVER_MM / 2
    opened = hall.buffer(-r, join_style="mitre").buffer(r, join_style="mitre")
    rest = hall.difference(opened.buffer(1.0, join_style="mitre"))
    thin = [p for p in getattr(rest, "geoms", [rest]) if p.area > 0.05e6 and 2 * p.area / p.length < SLIVER_MM]
    if not thin:
        return hall
    cut = hall.difference(shapely.unary_union([p.buffer(1.0, join_style="mitre") for p in thin]))
    parts = sorted(getattr(cut, "geoms", [cut]), key=lambda g: -g.area)
    if not parts or not isinstance(parts[0], Polygon):
        return hall
    result.slivers_trimmed = len(thin)
    area = sum(p.area for p in thin) / 1e6
    result.note(
        f"大厅轮廓中 {len(thin)} 处窄于 {SLIVER_MM / 1000:.1f} m 的狭条（共 {area:.2f} m²）已剪除",
        f"{len(thin)} strip(s) of the hall thinner than {SLIVER_MM / 1000:.1f} m ({area:.2f} m² in all) trimmed",
    )
    return Polygon(parts[0].exterior).simplify(1.0)


def _rooms_with_doors(room_faces, bridges: list[Bridge], all_faces) -> dict[int, int]:
    """Room index -> 1 when a door of it leads outside, 0 when it has doors to rooms only."""
    doors = [b for b in bridges if b.kind in ("door", "plain") and b.width >= 300]
    if not doors:
        return {}
    lines = [b.line for b in doors]
    tree = shapely.STRtree(lines)
    face_tree = shapely.STRtree(all_faces)
    out = {}
    for i, face in enumerate(room_faces):
        ring = face.exterior.buffer(2.0)
        mine = [doors[int(k)] for k in tree.query(ring) if ring.covers(lines[int(k)])]
        if mine:
            hall = Polygon(face.exterior)
            out[i] = int(any(_behind(hall, b, all_faces, face_tree)[0] == "outside" for b in mine))
    return out


# ---------------------------------------------------------------------------
# openings
# ---------------------------------------------------------------------------


def _openings(
    result: Recognition,
    hall: Polygon,
    face: Polygon,
    bridges: list[Bridge],
    all_faces,
    d: Drawing,
    patterns: Patterns,
    labels: dict[int, str] | None = None,
) -> None:
    labels = labels or {}
    ring = hall.exterior
    near = ring.buffer(2.0)
    on_hall = [b for b in bridges if b.kind != "snap" and b.width >= 300 and near.covers(b.line)]
    tree = shapely.STRtree(all_faces)
    found: list[Found] = []
    plain = narrow = 0
    for b in on_hall:
        if b.kind == "window":
            result.windows += 1
            continue
        if b.kind == "plain" and b.width < SLIVER_MM:
            narrow += 1  # a slot's mouth or a gap between wall lines: nobody walks through it
            continue
        behind, other = _behind(hall, b, all_faces, tree)
        label = labels.get(id(other), "") if other is not None else ""
        leads = behind
        if behind == "room":
            role = role_of(label, patterns)
            leads = role if role in ("stair", "corridor") else "room"
        kind = "door" if leads == "room" else "exit"
        found.append(Found(kind, b.start, b.end, b.label, leads, label))
        plain += b.kind == "plain"
    if narrow:
        result.note(
            f"{narrow} 处窄于 {SLIVER_MM / 1000:.1f} m 且未画门的缝隙不计为门",
            f"{narrow} gap(s) narrower than {SLIVER_MM / 1000:.1f} m with no door drawn are not doors",
        )
    to_corridor = [f for f in found if f.leads_to == "corridor"]
    outside = [f for f in found if f.leads_to == "outside"]
    result.hall_setting = "room" if to_corridor and not outside else "building"
    if result.hall_setting == "room":
        result.note(
            f"大厅的门通向走廊（{len(to_corridor)} 樘疏散门），没有直通室外的门：按建筑中的房间（BM_HALL_SETTING=room）处理",
            f"the hall's doors lead to a corridor ({len(to_corridor)} 疏散门) and none outside: taken as a room "
            "in a larger building (BM_HALL_SETTING=room)",
        )
    else:
        result.note(
            "大厅有直通室外的门：按独立建筑或防火分区（BM_HALL_SETTING=building）处理",
            "the hall has doors to the outside: taken as a building or fire compartment (BM_HALL_SETTING=building)",
        )
    exits = outside or to_corridor
    entrance_texts = [
        (x, y, t) for t, x, y, _ in d.texts if any(w.lower() in t.lower() for w in patterns.entrance_labels)
    ]

    def text_distance(f: Found) -> float:
        return min((math.dist(f.midpoint, (x, y)) for x, y, _ in entrance_texts), default=math.inf)

    if exits:
        if any(text_distance(f) <= ENTRANCE_TEXT_REACH for f in exits):
            main = min(exits, key=text_distance)
            result.note("按“入口”标注定主入口", "main entrance: the exit nearest the text 入口 (entrance)")
        else:
            main = max(exits, key=lambda f: f.width)
            result.note(
                "未找到“入口”标注，按最宽外门定为主入口",
                "no text 入口 (entrance) found; the widest exit was taken as the main entrance",
            )
        main.kind = "main"
    else:
        result.note("大厅没有通向室外的门，未定主入口", "no door of the hall leads outside: no main entrance set")
    if plain:
        result.note(f"{plain} 处洞口未画门，按门洞处理", f"{plain} gap(s) with no door drawn taken as doorways")
    result.openings = found
    n_main = sum(f.kind == "main" for f in found)
    n_exit = sum(f.kind == "exit" and f.leads_to != "corridor" for f in found)
    n_evac = sum(f.kind in ("exit", "main") and f.leads_to == "corridor" for f in found)
    n_door = sum(f.kind == "door" for f in found)
    result.note(
        f"大厅 {hall.area / 1e6:.1f} m²：主入口 {n_main}、安全出口 {n_exit}、疏散门 {n_evac}、内门 {n_door}、"
        f"窗 {result.windows}（窗不计为门）",
        f"hall {hall.area / 1e6:.1f} m²: main entrance {n_main}, exits {n_exit}, 疏散门 to corridors {n_evac}, "
        f"internal doors {n_door}, windows {result.windows} (windows are never doors)",
    )


def _behind(hall: Polygon, b: Bridge, all_faces, tree) -> tuple[str, Polygon | None]:
    """(``outside``, None) when no room lies behind the opening, else (``room``, that room's face)."""
    (x1, y1), (x2, y2) = b.start, b.end
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    length = math.hypot(x2 - x1, y2 - y1)
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    if hall.contains(Point(mx + nx * 20, my + ny * 20)):
        nx, ny = -nx, -ny
    for k in range(1, int(PROBE_MAX / PROBE_STEP) + 1):
        p = Point(mx + nx * k * PROBE_STEP, my + ny * k * PROBE_STEP)
        hits = tree.query(p, predicate="within")
        if len(hits) == 0:
            return "outside", None
        rooms = [all_faces[int(i)] for i in hits if rooms_mod.is_room(all_faces[int(i)])]
        if rooms:
            return "room", min(rooms, key=lambda f: f.area)
    return "outside", None


# ---------------------------------------------------------------------------
# columns
# ---------------------------------------------------------------------------


def _obstacles(result: Recognition, hall: Polygon, face: Polygon, col_rings) -> None:
    obstacles = [Polygon(r).simplify(1.0) for r in face.interiors if Polygon(r).area >= 0.01e6]
    for ring in col_rings:
        poly = Polygon(ring)
        if not poly.is_valid:
            poly = poly.buffer(0)
        if poly.is_empty or not hall.contains(poly) or hall.exterior.distance(poly) < 5.0:
            continue
        if any(o.intersects(poly) for o in obstacles):
            continue
        obstacles.append(poly.simplify(1.0))
    result.obstacles = [o for o in obstacles if isinstance(o, Polygon) and not o.is_empty]
    if result.obstacles:
        result.note(
            f"大厅内独立柱等障碍物 {len(result.obstacles)} 处",
            f"{len(result.obstacles)} free-standing columns or other obstacles inside the hall",
        )
