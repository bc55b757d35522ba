"""The drawing's units: millimetres per drawing unit from ``$INSUNITS``, or, when the drawing does
not say, a guess from the hall's extent (wider than 1000 units: mm, else m), each said as an issue.

The names of the codes (UNIT_NAMES) are the reader's; geometry/recognize/units.py and
designer/units.py keep tables of their own.
"""

from __future__ import annotations

from ezdxf.units import conversion_factor

from bianmin.geometry.intake import IntakeIssue, IssueKind

UNIT_NAMES = {
    1: ("英寸", "inches"),
    2: ("英尺", "feet"),
    4: ("毫米", "mm"),
    5: ("厘米", "cm"),
    6: ("米", "m"),
    7: ("千米", "km"),
    14: ("分米", "dm"),
}


def declared_units(doc) -> tuple[float, bool, list[IntakeIssue]]:
    """``(factor, known, issues)``: mm per drawing unit as ``$INSUNITS`` says; ``known`` is False
    when it says nothing (missing, 0, or an R12 drawing), and the factor is then to be guessed."""
    units = 0
    if doc.dxfversion > "AC1009":
        try:
            units = int(doc.header.get("$INSUNITS", 0) or 0)
        except (TypeError, ValueError):
            units = 0
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
        zh, en = UNIT_NAMES.get(units, (str(units), str(units)))
        converted = IntakeIssue(
            IssueKind.UNITS_CONVERTED,
            f"图纸单位为{zh}（$INSUNITS={units}），已换算为毫米；约定单位为毫米、厘米或米",
            f"drawing units are {en} ($INSUNITS={units}), converted to mm; the convention expects mm, cm or m",
        )
        return factor, True, [converted]
    return factor, True, []


def guessed_units(width: float, has_hall: bool) -> tuple[float, IntakeIssue]:
    """``(factor, issue)`` for a drawing without units, from the widest hall's extent in drawing units."""
    if width > 1000 or not has_hall:
        factor = 1.0
        zh, en = "毫米", "millimetres"
    else:
        factor = 1000.0
        zh, en = "米", "metres"
    basis_zh = f"大厅外形尺寸 {width:g} 个单位" if has_hall else "图中没有大厅"
    basis_en = f"hall extent {width:g} units" if has_hall else "no hall in the drawing"
    return factor, IntakeIssue(
        IssueKind.UNITS_GUESSED,
        f"图纸未设置单位（$INSUNITS 缺失或为 0）；{basis_zh}，推定为{zh}",
        f"the drawing has no units ($INSUNITS missing or 0); guessed {en} from the {basis_en}",
    )
