"""Drawing units, once for the reader, recognition and the designer: the table of $INSUNITS codes
and the one guess from a hall's size (no ezdxf, no Qt).

Before, the reader (geometry/dxf/units.py), recognition (geometry/recognize/units.py) and the
designer (designer/units.py) each kept a table, and the reader and the designer guessed a drawing
without units differently: a hall 2,500 units across was 毫米 in the finding and 厘米 in the
designer's offer (issue 25). Now they all read this module.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class DrawingUnit:
    """One unit a drawing may be in: its $INSUNITS code, millimetres per unit, names, and whether
    the convention (docs/dxf-convention.md: mm, cm or m) allows it as it is."""

    code: int
    mm: float
    zh: str
    en: str
    convention: bool


UNITS: tuple[DrawingUnit, ...] = (
    DrawingUnit(4, 1.0, "毫米", "millimetres", True),
    DrawingUnit(5, 10.0, "厘米", "centimetres", True),
    DrawingUnit(6, 1000.0, "米", "metres", True),
    DrawingUnit(14, 100.0, "分米", "decimetres", False),
    DrawingUnit(1, 25.4, "英寸", "inches", False),
    DrawingUnit(2, 304.8, "英尺", "feet", False),
    DrawingUnit(7, 1_000_000.0, "千米", "kilometres", False),
)
BY_CODE = {u.code: u for u in UNITS}
BY_MM = {u.mm: u for u in UNITS}
CONVENTION = tuple(u for u in UNITS if u.convention)  # what the designer offers and records

HALL_SPAN_M = (4.0, 400.0)  # a service hall's larger side lies between these (metres)
GUESS_ORDER = (1.0, 1000.0, 10.0)  # mm, then m, then cm: the first that makes the hall plausible


def name_of(mm_per_unit: float) -> tuple[str, str]:
    """(Chinese, English) name of the unit that is ``mm_per_unit`` millimetres."""
    unit = BY_MM.get(mm_per_unit)
    if unit is not None:
        return unit.zh, unit.en
    return f"{mm_per_unit:g} 毫米", f"{mm_per_unit:g} mm"


def guess_from_hall(extent_units: float) -> float | None:
    """Millimetres per unit that make a hall ``extent_units`` across (its larger side) a plausible
    hall (4–400 m), preferring mm, then m, then cm; None when none does (or there is no hall)."""
    if not extent_units or extent_units <= 0:
        return None
    for mm in GUESS_ORDER:
        if HALL_SPAN_M[0] <= extent_units * mm / 1000.0 <= HALL_SPAN_M[1]:
            return mm
    return None
