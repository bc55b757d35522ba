"""Rooms from wall faces: node, polygonize, and keep the faces a person could stand in."""

from __future__ import annotations

import numpy as np
import shapely
from shapely.geometry import Point, Polygon

ROOM_MIN_AREA = 2.0e6  # mm²
ROOM_MIN_WIDTH = 600.0  # mm, 2·area/perimeter: wall bodies between two faces are thinner


def faces(segments: np.ndarray) -> list[Polygon]:
    """Every face the segments enclose (with holes where closed rings lie inside)."""
    if len(segments) == 0:
        return []
    lines = shapely.linestrings(np.stack([segments[:, :2], segments[:, 2:]], axis=1))
    lines = shapely.set_precision(lines, 0.5)
    lines = lines[~shapely.is_empty(lines)]
    noded = shapely.unary_union(lines)
    result = shapely.polygonize(shapely.get_parts(noded))
    return [g for g in shapely.get_parts(result) if g.area > 0]


def is_room(face: Polygon) -> bool:
    return face.area >= ROOM_MIN_AREA and 2 * face.area / face.length >= ROOM_MIN_WIDTH


def outline(face: Polygon) -> Polygon:
    """The face without its holes, redundant vertices dropped."""
    return Polygon(face.exterior).simplify(1.0)


def containing(rooms: list[Polygon], x: float, y: float) -> int | None:
    pt = Point(x, y)
    hits = [i for i, r in enumerate(rooms) if Polygon(r.exterior).contains(pt)]
    if not hits:
        return None
    return min(hits, key=lambda i: rooms[i].area)  # the innermost
