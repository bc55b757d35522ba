"""What the designer and the command line call: recognize at a point (drawing units or metres from
the drawing's lower-left), or as room N of the list; list the rooms. No Qt here."""

from __future__ import annotations

from bianmin.geometry.recognize import Recognition, RoomInfo, recognize_drawing
from bianmin.geometry.recognize.collect import collect
from bianmin.geometry.recognize.patterns import DEFAULT, Patterns

__all__ = ["list_rooms", "recognize_at", "to_drawing_units"]


def to_drawing_units(doc, x_m: float, y_m: float, patterns: Patterns = DEFAULT) -> tuple[float, float]:
    """A point given in metres from the lower-left of the drawing's content, in drawing units."""
    raw = collect(doc, patterns)
    return _from_metres(raw, x_m, y_m)


def _from_metres(raw, x_m: float, y_m: float) -> tuple[float, float]:
    from bianmin.geometry.recognize.units import infer

    factor = infer(raw)[0]
    minx, miny = _lower_left(raw)
    return minx + x_m * 1000.0 / factor, miny + y_m * 1000.0 / factor


def _lower_left(raw) -> tuple[float, float]:
    """The lower-left corner of every line, polyline and hatch drawn (the drawing's extents)."""
    mins = [pts.min(axis=0) for _, pts in raw.polylines if len(pts)]
    mins += [r.min(axis=0) for _, rings in raw.hatches for r in rings if len(r)]
    if not mins:
        return 0.0, 0.0
    x = min(float(m[0]) for m in mins)
    y = min(float(m[1]) for m in mins)
    return x, y


def recognize_at(
    doc,
    *,
    at: tuple[float, float] | None = None,
    metres: bool = False,
    room: int | None = None,
    patterns: Patterns = DEFAULT,
) -> Recognition:
    """Recognize with the hall at ``at`` (drawing units, or metres from the lower-left when ``metres``),
    or as room ``room`` of :func:`list_rooms` (1-based, largest first), or chosen by the rules."""
    raw = collect(doc, patterns)
    if at is not None and metres:
        at = _from_metres(raw, *at)
    return recognize_drawing(raw, at=at, room=room, patterns=patterns)


def list_rooms(doc, patterns: Patterns = DEFAULT) -> list[RoomInfo]:
    """Every room the walls enclose, largest first (mm): number, label, role, area, doors."""
    return recognize_drawing(collect(doc, patterns), patterns=patterns).room_list
