"""The one table from rule to fix: for each rule id, what the layout places or mends for it (the
findings panel's 修复), and the words said when the layout cannot meet it (``bianmin layout``'s
notes).  Qt-free; the designer turns a :class:`Fixed` into undoable commands
(designer/autolayout.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from bianmin.geometry import catalog
from bianmin.geometry.model import Plan

if TYPE_CHECKING:  # the configuration, and the rules it imports, load only when the layout runs
    from bianmin.standards.config import Config

from bianmin.autolayout import counters, equipment, fire, signs
from bianmin.autolayout.site import Site


def _sign(block: str) -> Callable:
    return lambda site, finding: signs.run(site, (block,))


def _equipment(site: Site, finding) -> None:
    equipment.run(site)


# What the layout places for a finding of the rule: place(site, finding) appends to site.plan.
PLACES: dict[str, Callable] = {
    "SIGN-HOURS": _sign("BM_SIGN_HOURS"),
    "SIGN-GUIDE": _sign("BM_SIGN_GUIDE"),
    "SIGN-FLOORPLAN": _sign("BM_SIGN_FLOORPLAN"),
    "SIGN-DIRECTION": _sign("BM_SIGN_DIRECTION"),
    "SIGN-DISPLAY": _sign("BM_SIGN_DISPLAY"),
    "SIGN-ZONE-SCREEN": _sign("BM_SIGN_ZONE_SCREEN"),
    "SIGN-COMPLAINT": _sign("BM_SIGN_COMPLAINT"),
    "FIRE-EXIT-SIGN": lambda site, finding: fire.exit_signs(site, set(finding.handles or ()) or None),
    "FIRE-EXT-REACH": lambda site, finding: fire.extinguishers(site, {}),
    "FIRE-EXT-COUNT": lambda site, finding: fire.extinguishers(site, {}),
    "FIRE-ALARM": lambda site, finding: fire.alarms(site, {}),
    "FIRE-EMERGENCY-LIGHT": lambda site, finding: fire.lights(site, {}),
    "FIRE-EVAC-SIGN": lambda site, finding: fire.evac_signs(site, {}),
    "SAFE-CAMERA": lambda site, finding: fire.cameras(site, {}),
    "CNTR-SIGN": lambda site, finding: counters._signs_for(site),
    "EQUIP-HALL": _equipment,
    "EQUIP-CONVENIENCE": _equipment,
    "ZONE-CONSULT-DESK": _equipment,
    "ZONE-SELF-DEVICES": _equipment,
    "EQUIP-MAILBOX": _equipment,
}
# DXF-GEOMETRY: an object's attributes out of range are set to the catalogue's defaults.
MENDS = "DXF-GEOMETRY"
FIXABLE = frozenset([*PLACES, MENDS])

# What to do by hand when the layout leaves an error of the rule: (zh, en), with {zh}/{en} the
# side of the hall it concerns and {m} the rule's distance (its parameter ``key``, in metres).
UNMET: dict[str, tuple[str, str, tuple[str, str] | None]] = {
    "EVAC-EXIT-COUNT": ("需增设一个安全出口：大厅{zh}端", "add an emergency exit at the {en} end of the hall", None),
    "EVAC-TRAVEL": (
        "需增设一个安全出口：大厅{zh}端（疏散距离过长）",
        "add an exit at the {en} end (travel too long)",
        None,
    ),
    "EVAC-EXIT-SPACING": (
        "需将两个安全出口相距 {m} m 以上",
        "move the exits at least {m} m apart",
        ("EVAC-EXIT-SPACING", "min_spacing_mm"),
    ),
    "EVAC-EXIT-WIDTH": (
        "需加宽安全出口至 {m} m 以上",
        "widen the exit to at least {m} m",
        ("EVAC-EXIT-WIDTH", "min_width_mm"),
    ),
    "HALL-AREA": (
        "大厅面积不足该类型的要求，需换用更大的大厅",
        "the hall is too small for its kind: use a larger one",
        None,
    ),
    "EVAC-PASSAGE": (
        "需在{zh}侧腾出 {m} m 宽的疏散通道",
        "clear a {m} m passage on the {en} side",
        ("EVAC-PASSAGE", "min_width_mm"),
    ),
}
BY_HAND = ("自动布置未能满足，需人工调整", "the layout could not meet it; adjust by hand")


def unmet_words(rule_id: str, zh_side: str, en_side: str, config: Config | None = None) -> tuple[str, str]:
    """What would meet ``rule_id`` when the layout could not (both languages)."""
    entry = UNMET.get(rule_id)
    if entry is None:
        return BY_HAND
    zh, en, param = entry
    m = ""
    if param:
        from bianmin.standards.config import Config

        m = f"{float((config or Config()).param(*param)) / 1000.0:g}"
    return zh.format(zh=zh_side, en=en_side, m=m), en.format(zh=zh_side, en=en_side, m=m)


@dataclass
class Fixed:
    """What a fix did: ``plan`` a copy with elements appended (None when it only replaced), the
    ``replaced`` objects as (old, new) pairs, and the layout's notes (what it could not do)."""

    plan: Plan | None = None
    replaced: list = field(default_factory=list)
    notes: list = field(default_factory=list)


def has_fix(finding, plan: Plan | None = None) -> bool:
    """Whether the finding has a mechanical fix: by its rule alone, or, when ``plan`` is given,
    whether the plan gives the fix something to work on (a hall; attributes not yet valid)."""
    if finding.rule not in FIXABLE:
        return False
    if finding.rule == MENDS:
        if not finding.handles:
            return False
        if plan is None:
            return True
        return any(invalid_attributes(plan, h)[1] for h in finding.handles)
    return plan is None or plan.hall is not None


def invalid_attributes(plan: Plan, handle) -> tuple:
    """The object ``handle`` names and its attribute problems (none for anything without attributes)."""
    obj = plan.find(handle)
    if obj is None or not hasattr(obj, "attribute_problems"):
        return obj, []
    return obj, obj.attribute_problems()


def fix(plan: Plan, finding, config: Config | None = None) -> Fixed | None:
    """The mechanical fix of ``finding`` on a copy of ``plan``; None when it has none."""
    if plan.hall is None and finding.rule != MENDS:
        return None
    if finding.rule == MENDS:
        return Fixed(replaced=_reset_attributes(plan, finding))
    place = PLACES.get(finding.rule)
    if place is None:
        return None
    work = plan.copy()
    site = Site(work, config)
    place(site, finding)
    return Fixed(plan=work, notes=list(site.notes))


def _reset_attributes(plan: Plan, finding) -> list:
    """Every invalid attribute of the objects the finding names set to the table's default."""
    out = []
    for handle in finding.handles:
        obj, problems = invalid_attributes(plan, handle)
        if not problems:
            continue
        attribs = dict(obj.attribs)
        for tag, _raw, _why in problems:
            spec = catalog.attribute_spec(obj.block, tag)
            attribs[tag] = spec.default if spec else ""
        out.append((obj, replace(obj, attribs=attribs)))
    return out
