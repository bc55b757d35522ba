"""Architect-style drawings with known truth, made with ezdxf for the recognition tests.

A building is a set of rooms (shapely polygons, mm) whose walls are the footprint
grown by the wall thickness minus the rooms minus the door and window gaps; the wall
body's edges are drawn as LINEs (double-line walls with jambs, as TArch draws them).
Doors are TArch-style blocks (M1021: frame lines across the wall, leaf, swing arc),
windows C2418 blocks (four lines in the gap), columns squares with a SOLID hatch.
Variants turn the whole drawing, draw it in metres, put it all inside one block, use
Chinese layer names, leave out the labels, draw walls on a layer that says nothing
(found by shape), or hatch columns without an outline.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, field

import ezdxf
from shapely import affinity
from shapely.geometry import LineString, Polygon, box
from shapely.ops import unary_union

T = 240.0  # wall thickness


@dataclass
class Door:
    room: int  # index of the room whose face it is drawn on (the hall is room 0)
    a: tuple[float, float]  # the opening on the room's face, mm
    b: tuple[float, float]
    kind: str  # main, exit, door (truth as seen from the hall), or "window"
    swing_in: bool = True


@dataclass
class Truth:
    hall: Polygon
    doors: list[tuple[tuple[float, float], float, str]] = field(default_factory=list)  # midpoint, width, kind
    windows: list[tuple[float, float]] = field(default_factory=list)
    columns: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Variant:
    rotate: float = 0.0
    metres: bool = False
    insunits: bool = True
    one_block: bool = False
    chinese: bool = False
    label: bool = True
    wall_layer: str | None = None  # None: WALL (or 墙); "0" to leave walls unnamed
    hatch_only_columns: bool = False
    l_shape: bool = False
    wall_style: str = "lines"  # lines, polylines (closed LWPOLYLINE outlines of the wall body), hatch (HATCH only)
    offset: tuple[float, float] = (0.0, 0.0)


def _layers(v: Variant) -> dict[str, str]:
    if v.chinese:
        names = {"wall": "墙", "door": "门", "window": "窗", "column": "柱", "text": "文字"}
    else:
        names = {"wall": "WALL", "door": "DOOR", "window": "WINDOW", "column": "COLUMN", "text": "PUB_TEXT"}
    if v.wall_layer is not None:
        names["wall"] = v.wall_layer
    if v.hatch_only_columns:
        names["column"] = "PUB_HATCH"
    return names


def standard_building(v: Variant):
    """A hall with two offices beside it, doors, windows and two free-standing columns."""
    if v.l_shape:
        hall = Polygon([(0, 0), (18000, 0), (18000, 7000), (12000, 7000), (12000, 12000), (0, 12000)])
    else:
        hall = box(0, 0, 18000, 12000)
    office1 = box(18000 + T, 0, 24000, 6000)
    office2 = box(18000 + T, 6000 + T, 24000, 12000)
    rooms = [hall, office1, office2]
    doors = [
        Door(0, (8000, 0), (9800, 0), "main", swing_in=False),  # double door, the widest exit
        Door(0, (0, 4000), (0, 5000), "exit", swing_in=False),
        Door(0, (18000, 2000), (18000, 3000), "door"),
        Door(0, (18000, 9000), (18000, 9900), "door"),
        Door(1, (24000, 2000), (24000, 3000), "other"),  # the office's own door out, not on the hall
        Door(0, (2000, 12000), (4400, 12000), "window"),
        Door(0, (7000, 12000), (9400, 12000), "window"),
        Door(0, (13000, 0), (15400, 0), "window"),
    ]
    if v.l_shape:
        doors[6] = Door(0, (14000, 7000), (16400, 7000), "window")
        doors[3] = Door(0, (18000, 5000), (18000, 5900), "door")
    columns = [(6000.0, 6000.0), (10500.0, 6000.0)]
    return rooms, doors, columns


def _outward(room: Polygon, a, b) -> tuple[float, float]:
    (x1, y1), (x2, y2) = a, b
    length = math.dist(a, b)
    nx, ny = -(y2 - y1) / length, (x2 - x1) / length
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    if room.contains(LineString([(mx, my), (mx + nx * 50, my + ny * 50)]).interpolate(1.0, normalized=True)):
        nx, ny = -nx, -ny
    return nx, ny


def build(v: Variant | None = None, path=None):
    """``(doc, truth)``: the drawing (saved to ``path`` if given) and what recognition should find."""
    v = v or Variant()
    rooms, doors, columns = standard_building(v)
    names = _layers(v)
    footprint = unary_union(rooms).buffer(T, join_style="mitre")
    body = footprint.difference(unary_union(rooms))
    gaps = []
    for d in doors:
        nx, ny = _outward(rooms[d.room], d.a, d.b)
        (x1, y1), (x2, y2) = d.a, d.b
        e = 5.0
        gaps.append(
            Polygon(
                [
                    (x1 - nx * e, y1 - ny * e),
                    (x2 - nx * e, y2 - ny * e),
                    (x2 + nx * (T + e), y2 + ny * (T + e)),
                    (x1 + nx * (T + e), y1 + ny * (T + e)),
                ]
            )
        )
    body = body.difference(unary_union(gaps))

    scale = 0.001 if v.metres else 1.0
    ang = v.rotate
    ox, oy = v.offset

    def tf(x, y):
        c, s = math.cos(math.radians(ang)), math.sin(math.radians(ang))
        return ((x * c - y * s) * scale + ox, (x * s + y * c) * scale + oy)

    doc = ezdxf.new("R2010", setup=False)
    if v.insunits:
        doc.header["$INSUNITS"] = 6 if v.metres else 4
    else:
        doc.header["$INSUNITS"] = 0
    for name in set(names.values()):
        if name not in doc.layers:
            doc.layers.add(name)
    _door_blocks(doc, scale)
    target = doc.blocks.new("BUILDING") if v.one_block else doc.modelspace()

    for poly in getattr(body, "geoms", [body]):
        rings = [[tf(*p) for p in ring.coords] for ring in [poly.exterior, *poly.interiors]]
        if v.wall_style == "hatch":
            hatch = target.add_hatch(color=1, dxfattribs={"layer": names["wall"]})
            for k, pts in enumerate(rings):
                hatch.paths.add_polyline_path(pts[:-1], is_closed=True, flags=1 if k == 0 else 0)
            continue
        for pts in rings:
            if v.wall_style == "polylines":
                target.add_lwpolyline(pts[:-1], close=True, dxfattribs={"layer": names["wall"]})
            else:
                for p, q in itertools.pairwise(pts):
                    target.add_line(p, q, dxfattribs={"layer": names["wall"]})

    truth_hall = affinity.affine_transform(rooms[0], _affine(ang, scale, ox, oy))
    truth = Truth(hall=truth_hall)
    for d in doors:
        nx, ny = _outward(rooms[d.room], d.a, d.b)
        width = math.dist(d.a, d.b)
        mid = ((d.a[0] + d.b[0]) / 2, (d.a[1] + d.b[1]) / 2)
        # block origin at one jamb on the wall's centre line; local x along the opening, local +y into the swing side
        ux, uy = (d.b[0] - d.a[0]) / width, (d.b[1] - d.a[1]) / width
        cx, cy = d.a[0] + nx * T / 2, d.a[1] + ny * T / 2
        inward = (-nx, -ny) if d.swing_in else (nx, ny)
        # local y must be +90° from local x, else mirror by swapping the jamb
        cross = ux * inward[1] - uy * inward[0]
        if cross < 0:
            cx, cy = d.b[0] + nx * T / 2, d.b[1] + ny * T / 2
            ux, uy = -ux, -uy
        rot = math.degrees(math.atan2(uy, ux)) + ang
        if d.kind == "window":
            block, layer = "C2418", names["window"]
            truth.windows.append(tf(*mid))
        else:
            block = "M1821" if width > 1500 else ("M1021" if width > 950 else "M0921")
            layer = names["door"]
            if d.kind in ("main", "exit", "door"):
                truth.doors.append((tf(*mid), width, d.kind))
        target.add_blockref(block, tf(cx, cy), dxfattribs={"layer": layer, "rotation": rot})

    for x, y in columns:
        sq = [tf(x - 250, y - 250), tf(x + 250, y - 250), tf(x + 250, y + 250), tf(x - 250, y + 250)]
        if not v.hatch_only_columns:
            target.add_lwpolyline(sq, close=True, dxfattribs={"layer": names["column"]})
        hatch = target.add_hatch(color=8, dxfattribs={"layer": names["column"]})
        hatch.paths.add_polyline_path(sq, is_closed=True)
        truth.columns.append(tf(x, y))

    if v.label:
        target.add_text(
            "便民服务大厅", height=500 * scale, dxfattribs={"layer": names["text"], "insert": tf(7000, 8000)}
        )
        target.add_text("办公室", height=500 * scale, dxfattribs={"layer": names["text"], "insert": tf(20000, 3000)})
    if v.one_block:
        doc.modelspace().add_blockref("BUILDING", (0, 0))
    if path is not None:
        doc.saveas(path)
    return doc, truth


def _affine(ang, scale, ox, oy):
    c, s = math.cos(math.radians(ang)) * scale, math.sin(math.radians(ang)) * scale
    return (c, -s, s, c, ox, oy)


def _door_blocks(doc, scale: float) -> None:
    """TArch-style door (M0921, M1021, M1821) and window (C2418) blocks in drawing units."""
    h = T / 2 * scale
    for name, width, leaves in (("M0921", 900, 1), ("M1021", 1000, 1), ("M1821", 1800, 2)):
        blk = doc.blocks.new(name)
        w = width * scale
        blk.add_line((0, -h), (0, h))
        blk.add_line((w, -h), (w, h))
        if leaves == 1:
            blk.add_line((0, h), (0, h + w))
            blk.add_arc((0, h), w, 0, 90)
        else:
            half = w / 2
            blk.add_line((0, h), (0, h + half))
            blk.add_arc((0, h), half, 0, 90)
            blk.add_line((w, h), (w, h + half))
            blk.add_arc((w, h), half, 90, 180)
    blk = doc.blocks.new("C2418")
    w = 2400 * scale
    for y in (-h, -h / 3, h / 3, h):
        blk.add_line((0, y), (w, y))
