"""Drawing units: from $INSUNITS, or inferred from the size of the doors when it is missing."""

from __future__ import annotations

import numpy as np

from bianmin.geometry.recognize.collect import Drawing
from bianmin.geometry.units import UNITS as _UNITS

# $INSUNITS code -> millimetres per drawing unit, and their names (the one table: geometry/units.py)
FACTORS = {u.code: u.mm for u in _UNITS if u.code != 7}  # not kilometres: no architect draws in them
NAMES = {u.mm: (u.zh, u.en) for u in _UNITS}

DOOR_MM = (500.0, 2500.0)  # a door leaf's swing radius, mm
CANDIDATES = (1.0, 1000.0, 10.0, 25.4, 304.8)  # in order of preference when the votes tie
BUILDING_MM = (2_000.0, 5_000_000.0)  # a drawing's walls span more than 2 m and less than 5 km
SITE_MM = (5_000.0, 500_000.0)  # without doors to go by: the first units that make it 5–500 m across


def door_radii(drawing: Drawing) -> list[float]:
    """Per door block, the radius of its largest swing arc (a quarter turn, give or take), drawing units."""
    out = []
    for inst in drawing.instances:
        radii = [a.radius for a in inst.arcs if 60 <= a.sweep <= 120]
        if inst.role == "door" and radii:
            out.append(max(radii))
    return out


def _extent(drawing: Drawing) -> float:
    """The larger side of the box around every line and polyline (drawing units)."""
    parts = [pts for _, pts in drawing.polylines if len(pts)]
    if not parts:
        return 0.0
    lo = np.min([p.min(axis=0) for p in parts], axis=0)
    hi = np.max([p.max(axis=0) for p in parts], axis=0)
    return float(max(hi - lo))


def infer(drawing: Drawing) -> tuple[float, str, str, bool]:
    """``(factor, zh basis, en basis, guessed)``: factor converts drawing units to mm.

    $INSUNITS is believed unless it makes the walls under 2 m or over 5 km across.
    Without $INSUNITS each door swing radius votes for the units that make it 500–2500 mm;
    units that would make the drawing over 5 km across cannot win (US drawings in inches do).
    """
    code = drawing.insunits
    extent = _extent(drawing)
    prefix_zh, prefix_en = "图纸未设单位，", "no drawing units set; "
    if code in FACTORS:
        zh, en = NAMES[FACTORS[code]]
        size = extent * FACTORS[code]
        if extent == 0 or BUILDING_MM[0] <= size <= BUILDING_MM[1]:
            return (
                FACTORS[code],
                f"图纸单位为{zh}（$INSUNITS={code}）",
                f"drawing units are {en} ($INSUNITS={code})",
                False,
            )
        prefix_zh = f"图纸单位 $INSUNITS={code}（{zh}）与图形大小不符（全图 {size / 1000:g} m），"
        prefix_en = f"the drawing units $INSUNITS={code} ({en}) do not fit its size ({size / 1000:g} m across); "
    f, zh, en = _guess(drawing, extent)
    return f, prefix_zh + zh, prefix_en + en, True


def _guess(drawing: Drawing, extent: float) -> tuple[float, str, str]:
    radii = np.array(door_radii(drawing))
    if len(radii):
        votes = {
            f: int(np.count_nonzero((radii * f >= DOOR_MM[0]) & (radii * f <= DOOR_MM[1])))
            for f in CANDIDATES
            if extent * f <= 5e6
        }
        best = max(votes, key=lambda f: (votes[f], -CANDIDATES.index(f)), default=None)
        if best is not None and votes[best]:
            r = float(np.median(radii[(radii * best >= DOOR_MM[0]) & (radii * best <= DOOR_MM[1])]))
            zh, en = NAMES[best]
            return (best, f"按门扇半径 {r:g} 推定单位为{zh}", f"units guessed as {en} from the door swing radius {r:g}")
    f = next((f for f in CANDIDATES if SITE_MM[0] <= extent * f <= SITE_MM[1]), 1.0)
    zh, en = NAMES[f]
    return (f, f"按图形尺寸 {extent:g} 推定单位为{zh}", f"units guessed as {en} from the drawing extent {extent:g}")
