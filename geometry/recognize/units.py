"""Drawing units: from $INSUNITS, or inferred from the size of the doors when it is missing."""
from __future__ import annotations

import numpy as np

from .collect import Drawing

# $INSUNITS code -> millimetres per drawing unit (the ones architects use)
FACTORS = {1: 25.4, 2: 304.8, 4: 1.0, 5: 10.0, 6: 1000.0, 14: 100.0}
NAMES = {1.0: ("毫米", "millimetres"), 10.0: ("厘米", "centimetres"), 1000.0: ("米", "metres"),
         25.4: ("英寸", "inches"), 304.8: ("英尺", "feet"), 100.0: ("分米", "decimetres")}

DOOR_MM = (500.0, 2500.0)  # a door leaf's swing radius, mm
CANDIDATES = (1.0, 1000.0, 10.0, 25.4, 304.8)  # in order of preference when the votes tie


def door_radii(drawing: Drawing) -> list[float]:
    """Per door block, the radius of its largest swing arc (a quarter turn, give or take), drawing units."""
    out = []
    for inst in drawing.instances:
        radii = [a.radius for a in inst.arcs if 60 <= a.sweep <= 120]
        if inst.role == "door" and radii:
            out.append(max(radii))
    return out


def _extent(drawing: Drawing) -> float:
    extent = 0.0
    for _, pts in drawing.polylines:
        if len(pts):
            extent = max(extent, float(np.ptp(pts[:, 0])), float(np.ptp(pts[:, 1])))
    return extent


def infer(drawing: Drawing) -> tuple[float, str, str, bool]:
    """``(factor, zh basis, en basis, guessed)``: factor converts drawing units to mm.

    Without $INSUNITS each door swing radius votes for the units that make it 500–2500 mm;
    units that would make the drawing over 5 km across cannot win (US drawings in inches do).
    """
    code = drawing.insunits
    if code in FACTORS:
        zh, en = NAMES[FACTORS[code]]
        return FACTORS[code], f"图纸单位为{zh}（$INSUNITS={code}）", f"drawing units are {en} ($INSUNITS={code})", False
    radii = np.array(door_radii(drawing))
    extent = _extent(drawing)
    if len(radii):
        votes = {f: int(np.count_nonzero((radii * f >= DOOR_MM[0]) & (radii * f <= DOOR_MM[1])))
                 for f in CANDIDATES if extent * f <= 5e6}
        best = max(votes, key=lambda f: (votes[f], -CANDIDATES.index(f)), default=None)
        if best is not None and votes[best]:
            r = float(np.median(radii[(radii * best >= DOOR_MM[0]) & (radii * best <= DOOR_MM[1])]))
            zh, en = NAMES[best]
            return (best, f"图纸未设单位，按门扇半径 {r:g} 推定为{zh}",
                    f"no drawing units set; guessed {en} from the door swing radius {r:g}", True)
    f = 1.0 if extent > 1000 or extent == 0 else 1000.0
    zh, en = NAMES[f]
    return (f, f"图纸未设单位，按图形尺寸 {extent:g} 推定为{zh}",
            f"no drawing units set; guessed {en} from the drawing extent {extent:g}", True)
