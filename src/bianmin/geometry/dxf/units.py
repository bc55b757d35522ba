"""The drawing's units: millimetres per drawing unit from ``$INSUNITS``, or, when the drawing does
not say, the guess from the hall's extent that the designer makes too (geometry/units.py holds the
table and the guess), each said as an issue.
"""

from __future__ import annotations

from ezdxf.units import conversion_factor

from bianmin.geometry import units as _units
from bianmin.geometry.intake import IntakeIssue, IssueKind


def can_record(doc) -> bool:
    """Whether the drawing can say its units (R12 has no $INSUNITS)."""
    return doc is not None and doc.dxfversion > "AC1009"


def insunits(doc) -> int:
    """The drawing's $INSUNITS (0: not set, unreadable, or an R12 drawing, which has none)."""
    if not can_record(doc):
        return 0
    try:
        return int(doc.header.get("$INSUNITS", 0) or 0)
    except (TypeError, ValueError):
        return 0


def declared_units(doc) -> tuple[float, bool, list[IntakeIssue]]:
    """``(factor, known, issues)``: mm per drawing unit as ``$INSUNITS`` says; ``known`` is False
    when it says nothing (missing, 0, or an R12 drawing), and the factor is then to be guessed."""
    units = insunits(doc)
    if units == 0:
        return 1.0, False, []
    try:
        factor = conversion_factor(units, 4)  # type: ignore[arg-type]  # InsertUnits is an IntEnum
    except Exception:
        unknown = IntakeIssue(
            IssueKind.UNITS_UNKNOWN_CODE,
            f"图纸单位代码 $INSUNITS={units} 无法识别，按毫米读取",
            f"drawing unit code $INSUNITS={units} is not known; read as millimetres",
        )
        return 1.0, True, [unknown]
    if units not in (4, 5, 6):
        known_unit = _units.BY_CODE.get(units)
        zh, en = (known_unit.zh, known_unit.en) if known_unit else (str(units), str(units))
        converted = IntakeIssue(
            IssueKind.UNITS_CONVERTED,
            f"图纸单位为{zh}（$INSUNITS={units}），已换算为毫米；约定单位为毫米、厘米或米",
            f"drawing units are {en} ($INSUNITS={units}), converted to mm; the convention expects mm, cm or m",
        )
        return factor, True, [converted]
    return factor, True, []


def guessed_units(width: float, has_hall: bool) -> tuple[float, IntakeIssue]:
    """``(factor, issue)`` for a drawing without units, from the widest hall's extent in drawing units."""
    factor = _units.guess_from_hall(width) if has_hall else 1.0
    if factor is None:  # no plausible hall in any unit: the old rule of thumb
        factor = 1.0 if width > 1000 else 1000.0
    zh, en = _units.name_of(factor)
    basis_zh = f"大厅外形尺寸 {width:g} 个单位" if has_hall else "图中没有大厅"
    basis_en = f"hall extent {width:g} units" if has_hall else "no hall in the drawing"
    return factor, IntakeIssue(
        IssueKind.UNITS_GUESSED,
        f"图纸未设置单位（$INSUNITS 缺失或为 0）；{basis_zh}，推定为{zh}",
        f"the drawing has no units ($INSUNITS missing or 0); guessed {en} from the {basis_en}",
    )
