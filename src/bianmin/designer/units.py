"""The drawing's units in the designer (no Qt): what they are, and a guess from the hall.

A drawing without $INSUNITS is read with guessed units (``geometry.dxf.read``: from the
hall's size, or millimetres when there is no hall yet).  The plan dialog lets the user say
the units (mm / cm / m); once a hall is drawn in a drawing still without units, the guess is
made again from that hall and offered (:func:`guess_factor`).
"""

from __future__ import annotations

from bianmin.geometry.units import CONVENTION, HALL_SPAN_M as HALL_M, name_of  # noqa: F401  (re-exported)
from bianmin.geometry.units import guess_from_hall as guess_factor  # noqa: F401  (the reader's guess too)
from bianmin.geometry.dxf.units import can_record, insunits  # noqa: F401  (as the reader reads them)

# millimetres per drawing unit -> ($INSUNITS code, zh, en): the units the convention allows
UNITS = {u.mm: (u.code, u.zh, u.en) for u in CONVENTION}


def hall_extent_units(plan, factor: float) -> float:
    """The hall's larger side in drawing units (0 without a hall)."""
    if plan.hall is None:
        return 0.0
    x0, y0, x1, y1 = plan.hall.polygon.bounds
    return max(x1 - x0, y1 - y0) / (factor or 1.0)
