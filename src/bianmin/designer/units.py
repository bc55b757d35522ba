"""The drawing's units in the designer (no Qt): what they are, and a guess from the hall.

A drawing without $INSUNITS is read with guessed units (``geometry.dxf.read``: from the
hall's size, or millimetres when there is no hall yet).  The plan dialog lets the user say
the units (mm / cm / m); once a hall is drawn in a drawing still without units, the guess is
made again from that hall and offered (:func:`guess_factor`).
"""

from __future__ import annotations

# millimetres per drawing unit -> ($INSUNITS code, zh, en): the units the convention allows
UNITS = {
    1.0: (4, "毫米", "millimetres"),
    10.0: (5, "厘米", "centimetres"),
    1000.0: (6, "米", "metres"),
}
HALL_M = (4.0, 400.0)  # a service hall's larger side lies between these (metres)


def insunits(doc) -> int:
    """The drawing's $INSUNITS (0: not set; an R12 drawing has none)."""
    if doc is None or doc.dxfversion <= "AC1009":
        return 0
    try:
        return int(doc.header.get("$INSUNITS", 0) or 0)
    except (TypeError, ValueError):
        return 0


def can_record(doc) -> bool:
    """Whether the drawing can say its units (R12 has no $INSUNITS)."""
    return doc is not None and doc.dxfversion > "AC1009"


def name_of(factor: float) -> tuple[str, str]:
    if factor in UNITS:
        return UNITS[factor][1], UNITS[factor][2]
    return f"{factor:g} 毫米", f"{factor:g} mm"


def hall_extent_units(plan, factor: float) -> float:
    """The hall's larger side in drawing units (0 without a hall)."""
    if plan.hall is None:
        return 0.0
    x0, y0, x1, y1 = plan.hall.polygon.bounds
    return max(x1 - x0, y1 - y0) / (factor or 1.0)


def guess_factor(extent_units: float) -> float | None:
    """The units (mm per unit) that make a hall ``extent_units`` across a plausible hall
    (4–400 m), preferring mm, then m, then cm; None when none does."""
    if extent_units <= 0:
        return None
    for factor in (1.0, 1000.0, 10.0):
        if HALL_M[0] <= extent_units * factor / 1000.0 <= HALL_M[1]:
            return factor
    return None
