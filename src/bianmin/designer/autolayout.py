"""工具 > 自动布置 and the findings panel's 修复: layout results as undoable commands (no Qt).

``auto_layout_command(plan, only)`` runs bianmin.autolayout on a copy of the plan and
returns one :class:`Batch` that adds what it placed (one undo step).  ``quick_fix(plan, finding)``
returns the command that mends one finding mechanically (a missing sign, extinguisher, exit
sign, equipment item, window sign; an attribute out of range set to its default), or None when
the finding has no mechanical fix.
"""

from __future__ import annotations

from dataclasses import replace

from bianmin.geometry import catalog
from bianmin.geometry.model import Plan
from bianmin.autolayout import api, counters, equipment, fire, signs
from bianmin.autolayout.site import Site

from bianmin.designer.commands import AddElement, Batch, Command, ReplaceElement, SetProperties

EVERYTHING = api.KINDS
FIRE_AND_SIGNS = ("signs", "fire")

_SIGN_RULES = {
    "SIGN-HOURS": ("BM_SIGN_HOURS",),
    "SIGN-GUIDE": ("BM_SIGN_GUIDE",),
    "SIGN-FLOORPLAN": ("BM_SIGN_FLOORPLAN",),
    "SIGN-DIRECTION": ("BM_SIGN_DIRECTION",),
    "SIGN-DISPLAY": ("BM_SIGN_DISPLAY",),
    "SIGN-ZONE-SCREEN": ("BM_SIGN_ZONE_SCREEN",),
    "SIGN-COMPLAINT": ("BM_SIGN_COMPLAINT",),
}
_FIRE_RULES = {
    "FIRE-EXIT-SIGN": None,  # the exit the finding names: see quick_fix
    "FIRE-EXT-REACH": lambda s: fire.extinguishers(s, {}),
    "FIRE-EXT-COUNT": lambda s: fire.extinguishers(s, {}),
    "FIRE-ALARM": lambda s: fire.alarms(s, {}),
    "FIRE-EMERGENCY-LIGHT": lambda s: fire.lights(s, {}),
    "FIRE-EVAC-SIGN": lambda s: fire.evac_signs(s, {}),
    "SAFE-CAMERA": lambda s: fire.cameras(s, {}),
    "CNTR-SIGN": lambda s: counters._signs_for(s),
}
_EQUIP_RULES = ("EQUIP-HALL", "EQUIP-CONVENIENCE", "ZONE-CONSULT-DESK", "ZONE-SELF-DEVICES", "EQUIP-MAILBOX")
FIXABLE = frozenset([*_SIGN_RULES, *_FIRE_RULES, *_EQUIP_RULES, "DXF-GEOMETRY"])


def _adding(plan: Plan, work: Plan, text) -> Batch | None:
    """Commands that bring ``plan`` to ``work`` (which only appended elements)."""
    commands: list[Command] = []
    if work.properties != plan.properties:
        commands.append(SetProperties(plan.properties, work.properties))
    for name in ("zones", "routes", "objects"):
        old = {id(e) for e in getattr(plan, name)}
        commands += [AddElement(e) for e in getattr(work, name) if id(e) not in old]
    return Batch(commands, text) if commands else None


def auto_layout_command(plan: Plan, only=EVERYTHING, config=None) -> tuple[Batch | None, api.LayoutResult]:
    """工具 > 自动布置: everything missing, or ``FIRE_AND_SIGNS`` only; one undo step.  ``config``: the
    configuration the designer checks with (its distances are the layout's)."""
    result = api.layout(plan, only, config=config, check=False)
    return _adding(plan, result.plan, ("自动布置", "Auto layout")), result


def has_fix(finding, plan: Plan | None = None) -> bool:
    """Whether the finding has a mechanical fix: by its rule alone, or, when ``plan`` is given,
    whether the plan gives the fix something to work on (no 修复 button that can only answer
    "没有可自动完成的修复": a plan without a hall, attributes already valid).

    Cheap by design: the findings panel asks for every finding each time a check ends, on
    the interface thread. Running the layout here to see whether it finds a place froze the
    window for minutes on a plan with 3,000 seats; whether a place is found is told on the
    click instead (apply_fix), and that finding's button goes."""
    if finding.rule not in FIXABLE:
        return False
    if finding.rule == "DXF-GEOMETRY":
        if not finding.handles:
            return False
        if plan is None:
            return True
        return any(_invalid_attributes(plan, h)[1] for h in finding.handles)
    return plan is None or plan.hall is not None


def _invalid_attributes(plan: Plan, handle) -> tuple:
    """The object ``handle`` names and its attribute problems (none for anything without attributes)."""
    obj = plan.find(handle)
    if obj is None or not hasattr(obj, "attribute_problems"):
        return obj, []
    return obj, obj.attribute_problems()


def quick_fix(plan: Plan, finding, config=None) -> Command | None:
    """The one-step fix of ``finding``, or None when there is none (or nothing to do)."""
    return quick_fix_with_notes(plan, finding, config)[0]


def quick_fix_with_notes(plan: Plan, finding, config=None) -> tuple[Command | None, list]:
    """quick_fix, and the layout's notes: what it could not do and what would (site.Note), so that
    a fix that adds too little, or nothing, can say why (the tryout saw 已修复 FIRE-ALARM with the
    finding still standing, and then 没有可自动完成的修复 against it)."""
    if plan.hall is None and finding.rule != "DXF-GEOMETRY":
        return None, []
    text = ("修复 " + finding.rule, "Fix " + finding.rule)
    if finding.rule == "DXF-GEOMETRY":
        return _reset_attributes(plan, finding, text), []
    work = plan.copy()
    site = Site(work, config)
    if finding.rule in _SIGN_RULES:
        signs.run(site, _SIGN_RULES[finding.rule])
    elif finding.rule == "FIRE-EXIT-SIGN":
        fire.exit_signs(site, set(finding.handles or ()) or None)
    elif finding.rule in _FIRE_RULES:
        _FIRE_RULES[finding.rule](site)
    elif finding.rule in _EQUIP_RULES:
        equipment.run(site)
    else:
        return None, []
    return _adding(plan, work, text), list(site.notes)


def _reset_attributes(plan: Plan, finding, text) -> Command | None:
    """Every invalid attribute of the objects the finding names set to the table's default."""
    commands = []
    for handle in finding.handles:
        obj, problems = _invalid_attributes(plan, handle)
        if not problems:
            continue
        attribs = dict(obj.attribs)
        for tag, _raw, _why in problems:
            spec = catalog.attribute_spec(obj.block, tag)
            attribs[tag] = spec.default if spec else ""
        commands.append(ReplaceElement(obj, replace(obj, attribs=attribs)))
    return Batch(commands, text) if commands else None
