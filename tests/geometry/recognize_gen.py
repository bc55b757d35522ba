"""Generated TArch-like and AutoCAD-like drawings with known truth, and a scorer for recognition.

Each case is a small building (mm): a hall, side rooms (toilets, stairs, a corridor, offices,
cleaning and plant rooms) with their labels, door blocks on the walls between them, open
doorways, and thin wall pockets.  The wall body is the footprint grown by the wall thickness
minus the rooms minus the gaps, drawn as LINEs (double-line walls with jambs), as
tests/geometry/recognize_drawings.py does for the one standard building.

Truth classes of a door on the hall's outline, as issue 26 defines them:
``exit`` (far side outside the building or a stair), ``door`` (another room),
``evac`` (a corridor: a 疏散门 of a ``room`` hall).  ``score`` compares a recognition
with the truth: hall IoU, each door's class, and slivers (parts of the hall outline
thinner than 600 mm).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import ezdxf
from shapely import affinity
from shapely.geometry import Polygon, box
from shapely.ops import unary_union

from .recognize_drawings import T, _door_blocks

SLIVER_MM = 600.0


@dataclass
class Room:
    poly: Polygon
    label: str = ""
    role: str = "room"  # hall, room, corridor, stair


@dataclass
class Gap:
    a: tuple[float, float]  # on the face of room `room`, mm
    b: tuple[float, float]
    room: int = 0
    kind: str = "door"  # truth seen from the hall: exit, door, evac; "other" off the hall; "window"
    block: bool = True  # False: an open doorway with no door drawn


@dataclass
class Case:
    name: str
    rooms: list[Room]
    gaps: list[Gap]
    style: str = "tarch"  # tarch (WALL/DOOR/PUB_TEXT), acad (A-WALL/A-DOOR/A-ANNO-TEXT), chinese (墙/门/文字)
    metres: bool = False
    rotate: float = 0.0
    offset: tuple[float, float] = (0.0, 0.0)
    hall_truth: Polygon | None = None  # when the hall's truth differs from its room (pockets trimmed)
    setting: str = "building"  # truth of BM_HALL_SETTING


@dataclass
class Truth:
    hall: Polygon  # mm, untransformed frame
    doors: list[tuple[tuple[float, float], float, str]] = field(default_factory=list)  # midpoint mm, width, class


LAYERS = {
    "tarch": {"wall": "WALL", "door": "DOOR_FIRE", "window": "WINDOW", "text": "PUB_TEXT"},
    "acad": {"wall": "A-WALL", "door": "A-DOOR", "window": "A-GLAZ", "text": "A-ANNO-TEXT"},
    "chinese": {"wall": "墙", "door": "门", "window": "窗", "text": "文字"},
}


def _outward(room: Polygon, a, b):
    (x1, y1), (x2, y2) = a, b
    length = math.dist(a, b)
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    from shapely.geometry import Point

    if room.buffer(1).contains(Point(mx + nx * 20, my + ny * 20)):
        nx, ny = -nx, -ny
    return nx, ny


def build(case: Case, path=None):
    """``(doc, truth)`` for one case; the truth is in mm in the case's own frame."""
    polys = [r.poly for r in case.rooms]
    footprint = unary_union(polys).buffer(T, join_style="mitre")
    body = footprint.difference(unary_union(polys))
    cuts = []
    for g in case.gaps:
        nx, ny = _outward(polys[g.room], g.a, g.b)
        (x1, y1), (x2, y2) = g.a, g.b
        e = 5.0
        cuts.append(
            Polygon(
                [
                    (x1 - nx * e, y1 - ny * e),
                    (x2 - nx * e, y2 - ny * e),
                    (x2 + nx * (T + e), y2 + ny * (T + e)),
                    (x1 + nx * (T + e), y1 + ny * (T + e)),
                ]
            )
        )
    body = body.difference(unary_union(cuts))
    names = LAYERS[case.style]
    scale = 0.001 if case.metres else 1.0
    c, s = math.cos(math.radians(case.rotate)), math.sin(math.radians(case.rotate))
    ox, oy = case.offset

    def tf(x, y):
        return ((x * c - y * s) * scale + ox, (x * s + y * c) * scale + oy)

    doc = ezdxf.new("R2010", setup=False)
    doc.header["$INSUNITS"] = 6 if case.metres else 4
    for name in names.values():
        doc.layers.add(name)
    _door_blocks(doc, scale)
    msp = doc.modelspace()
    for poly in getattr(body, "geoms", [body]):
        for ring in [poly.exterior, *poly.interiors]:
            for p, q in itertools.pairwise(ring.coords):
                msp.add_line(tf(*p), tf(*q), dxfattribs={"layer": names["wall"]})
    truth = Truth(hall=case.hall_truth or case.rooms[0].poly)
    for g in case.gaps:
        width = math.dist(g.a, g.b)
        mid = ((g.a[0] + g.b[0]) / 2, (g.a[1] + g.b[1]) / 2)
        if g.kind in ("exit", "door", "evac"):
            truth.doors.append((mid, width, g.kind))
        if not g.block:
            continue
        nx, ny = _outward(polys[g.room], g.a, g.b)
        ux, uy = (g.b[0] - g.a[0]) / width, (g.b[1] - g.a[1]) / width
        cx, cy = g.a[0] + nx * T / 2, g.a[1] + ny * T / 2
        inward = (-nx, -ny)
        if ux * inward[1] - uy * inward[0] < 0:
            cx, cy = g.b[0] + nx * T / 2, g.b[1] + ny * T / 2
            ux, uy = -ux, -uy
        rot = math.degrees(math.atan2(uy, ux)) + case.rotate
        if g.kind == "window":
            msp.add_blockref("C2418", tf(cx, cy), dxfattribs={"layer": names["window"], "rotation": rot})
        else:
            blk = "M1821" if width > 1500 else ("M1021" if width > 950 else "M0921")
            msp.add_blockref(blk, tf(cx, cy), dxfattribs={"layer": names["door"], "rotation": rot})
    for r in case.rooms:
        if r.label:
            p = r.poly.representative_point()
            msp.add_text(r.label, height=350 * scale, dxfattribs={"layer": names["text"], "insert": tf(p.x, p.y)})
    if path is not None:
        doc.saveas(path)
    return doc, truth


def to_mm_frame(case: Case, geom):
    """A recognition's geometry (mm, drawing frame) back into the case's own frame."""
    scale = 1.0  # recognition is already in mm
    g = affinity.translate(
        geom, -case.offset[0] * (1000 if case.metres else 1), -case.offset[1] * (1000 if case.metres else 1)
    )
    return (
        affinity.rotate(g, -case.rotate, origin=(0, 0))
        if case.rotate
        else affinity.scale(g, scale, scale, origin=(0, 0))
    )


def slivers(hall: Polygon, thin: float = SLIVER_MM) -> list[Polygon]:
    """Parts of the hall thinner than ``thin`` (what an opening by thin/2 takes away), larger than 0.05 m²."""
    opened = hall.buffer(-thin / 2, join_style="mitre").buffer(thin / 2, join_style="mitre")
    rest = hall.difference(opened.buffer(1.0, join_style="mitre"))
    return [p for p in getattr(rest, "geoms", [rest]) if p.area > 0.05e6 and 2 * p.area / p.length < thin]


CLASS_OF = {"main": "exit", "exit": "exit", "door": "door", "evac": "evac", "internal": "door"}


@dataclass
class Score:
    name: str
    iou: float
    doors_right: int
    doors_total: int
    wrong: list[str]
    slivers: int

    @property
    def passed(self) -> bool:
        return self.iou >= 0.98 and self.doors_right == self.doors_total and not self.wrong and self.slivers == 0

    def line(self) -> str:
        return (
            f"{self.name:28s} IoU {self.iou:.3f}  doors {self.doors_right}/{self.doors_total}  "
            f"slivers {self.slivers}  {'PASS' if self.passed else 'FAIL'}  {'; '.join(self.wrong)}"
        )


def score(case: Case, truth: Truth, rec) -> Score:
    if not rec.found:
        return Score(case.name, 0.0, 0, len(truth.doors), ["no hall"], 0)
    hall = to_mm_frame(case, rec.hall)
    iou = hall.intersection(truth.hall).area / hall.union(truth.hall).area
    right, wrong = 0, []
    for mid, _width, kind in truth.doors:
        near = [o for o in rec.openings if math.dist(to_mm_frame(case, _pt(o.midpoint)).coords[0], mid) <= 300.0]
        if not near:
            wrong.append(f"{kind} at {mid} missed")
            continue
        got = CLASS_OF.get(near[0].kind, near[0].kind)
        if got == "exit" and getattr(near[0], "leads_to", "") == "corridor":
            got = "evac"
        if got == kind:
            right += 1
        else:
            wrong.append(f"{kind} at {mid} taken as {got}")
    for o in rec.openings:
        m = to_mm_frame(case, _pt(o.midpoint)).coords[0]
        if not any(math.dist(m, mid) <= 300.0 for mid, _, _ in truth.doors):
            wrong.append(f"extra {o.kind} at ({m[0]:.0f}, {m[1]:.0f})")
    if getattr(rec, "hall_setting", case.setting) != case.setting:
        wrong.append(f"setting {rec.hall_setting}, truth {case.setting}")
    return Score(case.name, iou, right, len(truth.doors), wrong, len(slivers(hall)))


def _pt(p):
    from shapely.geometry import Point

    return Point(p)


# ---------------------------------------------------------------------------
# the cases
# ---------------------------------------------------------------------------


def _toilets_back(labels=("男卫", "女卫"), hall_label="便民服务大厅", style="tarch", **kw) -> Case:
    """Hall 18 x 10 m; behind it (north) a 1.8 m corridor-less row: toilets, cleaning room, stair."""
    hall = box(0, 0, 18000, 10000)
    y0 = 10000 + T
    rooms = [
        Room(hall, hall_label, "hall"),
        Room(box(0, y0, 4000, y0 + 5000), labels[0]),
        Room(box(4000 + T, y0, 8000, y0 + 5000), labels[1]),
        Room(box(8000 + T, y0, 11000, y0 + 5000), "保洁间" if style != "acad" else "JANITOR"),
        Room(box(11000 + T, y0, 18000, y0 + 5000), "楼梯间" if style != "acad" else "STAIR", "stair"),
    ]
    gaps = [
        Gap((8000, 0), (9800, 0), 0, "exit"),
        Gap((0, 4000), (0, 5000), 0, "exit"),
        Gap((1500, 10000), (2400, 10000), 0, "door"),
        Gap((5500, 10000), (6400, 10000), 0, "door"),
        Gap((9000, 10000), (9900, 10000), 0, "door"),
        Gap((14000, 10000), (15000, 10000), 0, "exit"),  # to the stair: an exit
        Gap((2000, 0), (4400, 0), 0, "window"),
        Gap((12000, 0), (14400, 0), 0, "window"),
    ]
    return Case("", rooms, gaps, style=style, **kw)


def _corridor(**kw) -> Case:
    """A `room` hall on a corridor: its doors are 疏散门; the corridor has the exits and the stair."""
    hall = box(0, 0, 12000, 8000)
    cor = box(-6000, 8000 + T, 24000, 10000 + T)
    rooms = [
        Room(hall, "便民服务大厅", "hall"),
        Room(cor, "走廊", "corridor"),
        Room(box(12000 + T, 0, 18000, 8000), "办公室"),
        Room(box(18000 + T, 0, 24000, 8000), "楼梯", "stair"),
        Room(box(-6000, 0, -T, 8000), "卫生间"),
    ]
    gaps = [
        Gap((1500, 8000), (3300, 8000), 0, "evac"),
        Gap((9000, 8000), (10000, 8000), 0, "evac"),
        Gap((12000, 3000), (12000, 3900), 0, "door"),
        Gap((-6000, 8500 + T), (-6000, 9500 + T), 1, "other"),
        Gap((24000, 8500 + T), (24000, 9500 + T), 1, "other"),
        Gap((20000, 8000 + T), (21000, 8000 + T), 1, "other"),
        Gap((-3000, 8000 + T), (-2100, 8000 + T), 1, "other"),
        Gap((14000, 8000 + T), (14900, 8000 + T), 1, "other"),
        Gap((3000, 0), (5400, 0), 0, "window"),
    ]
    return Case("", rooms, gaps, setting="room", **kw)


def _pocket(**kw) -> Case:
    """A hall with a 300 mm wide, 2.4 m deep slot in its east wall (a gap left between two wall
    lines, opened to the hall): a sliver to trim."""
    hall = Polygon(
        [(0, 0), (16000, 0), (16000, 5500), (18400, 5500), (18400, 5800), (16000, 5800), (16000, 11000), (0, 11000)]
    )
    rooms = [
        Room(hall, "服务大厅", "hall"),
        Room(box(0, 11000 + T, 5000, 15000), "设备间"),
        Room(box(5000 + T, 11000 + T, 16000, 15000), "库房"),
    ]
    gaps = [
        Gap((7000, 0), (8800, 0), 0, "exit"),
        Gap((0, 5000), (0, 6000), 0, "exit"),
        Gap((2000, 11000), (2900, 11000), 0, "door"),
        Gap((9000, 11000), (10000, 11000), 0, "door"),
    ]
    return Case("", rooms, gaps, hall_truth=box(0, 0, 16000, 11000), **kw)


def _open_toilet(**kw) -> Case:
    """Toilets entered through an open doorway (no door drawn), as a TArch 男卫 often is."""
    c = _toilets_back(**kw)
    c.gaps[2].block = False
    c.gaps[3].block = False
    return c


def _wide_open_toilet(**kw) -> Case:
    """The toilet lobby opens to the hall over 3.0 m with no door drawn: without care it joins the hall."""
    c = _toilets_back(**kw)
    c.gaps[2] = Gap((500, 10000), (3500, 10000), 0, "door", block=False)
    return c


def _office_bigger(**kw) -> Case:
    """No hall label, and an office larger than the hall: the largest room is not the hall."""
    hall = box(0, 0, 14000, 10000)
    rooms = [
        Room(hall, "", "hall"),
        Room(box(14000 + T, 0, 30000, 10000), "办公室"),
        Room(box(0, 10000 + T, 6000, 14000), "卫生间"),
    ]
    gaps = [
        Gap((6000, 0), (7800, 0), 0, "exit"),
        Gap((14000, 4000), (14000, 5000), 0, "door"),
        Gap((2000, 10000), (2900, 10000), 0, "door"),
        Gap((14000 + T, 10000), (15000 + T, 10000), 1, "other"),
    ]
    return Case("", rooms, gaps, **kw)


def _unlabelled_largest(**kw) -> Case:
    c = _toilets_back(hall_label="", **kw)
    return c


def _l_shape(**kw) -> Case:
    hall = Polygon([(0, 0), (20000, 0), (20000, 7000), (12000, 7000), (12000, 13000), (0, 13000)])
    rooms = [
        Room(hall, "便民服务中心", "hall"),
        Room(box(12000 + T, 7000 + T, 16000, 13000), "电梯厅" if kw.get("style") != "acad" else "ELEVATOR"),
        Room(box(16000 + T, 7000 + T, 20000, 13000), "楼梯" if kw.get("style") != "acad" else "STAIRS", "stair"),
        Room(box(0, 13000 + T, 12000, 17000), "办公室" if kw.get("style") != "acad" else "OFFICE"),
    ]
    gaps = [
        Gap((8000, 0), (9800, 0), 0, "exit"),
        Gap((20000, 2000), (20000, 3000), 0, "exit"),
        Gap((13500, 7000), (14400, 7000), 0, "door"),
        Gap((17500, 7000), (18500, 7000), 0, "exit"),
        Gap((5000, 13000), (6000, 13000), 0, "door"),
    ]
    return Case("", rooms, gaps, **kw)


def cases() -> list[Case]:
    out = [
        ("tarch toilets behind", _toilets_back()),
        (
            "acad english labels",
            _toilets_back(labels=("TOILET (M)", "TOILET (F)"), hall_label="SERVICE HALL", style="acad"),
        ),
        ("chinese layers 卫生间", _toilets_back(labels=("卫生间", "洗手间"), style="chinese")),
        ("in metres", _toilets_back(metres=True)),
        ("rotated, far away", _toilets_back(rotate=23.0, offset=(500_000.0, 3_200_000.0))),
        ("hall on a corridor", _corridor()),
        ("thin wall pocket", _pocket()),
        ("toilet open doorway", _open_toilet()),
        ("no hall label", _unlabelled_largest()),
        ("L hall stair elevator", _l_shape()),
        ("acad L hall", _l_shape(style="acad")),
        ("corridor acad", _corridor(style="acad")),
        ("toilet wide open 3 m", _wide_open_toilet()),
        ("office larger than hall", _office_bigger()),
    ]
    for name, c in out:
        c.name = name
    return [c for _, c in out]


if __name__ == "__main__":  # print today's scores
    from bianmin.geometry.recognize import recognize

    for c in cases():
        doc, truth = build(c)
        print(score(c, truth, recognize(doc)).line())
