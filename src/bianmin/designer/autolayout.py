"""工具 > 自动布置 and the findings panel's 修复: layout results as undoable commands (no Qt).

A thin adapter: ``auto_layout_command(plan, only)`` runs bianmin.autolayout on a copy of the plan
and returns one :class:`Batch` that adds what it placed (one undo step); ``quick_fix(plan,
finding)`` turns the fix autolayout/fixes.py makes for the finding (the one table from rule to
fix) into a command, or None when the finding has no mechanical fix.
"""

from __future__ import annotations

from bianmin.geometry.model import Plan
from bianmin.autolayout import api, fixes

from bianmin.designer.commands import AddElement, Batch, Command, ReplaceElement, SetProperties

EVERYTHING = api.KINDS
FIRE_AND_SIGNS = ("signs", "fire")
FIXABLE = fixes.FIXABLE


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
    # checked: when its check leaves an error the layout tries the next arrangement (issue 24), as
    # `bianmin layout` does; the designer's own live check then runs on the result as on any edit
    result = api.layout(plan, only, config=config)
    return _adding(plan, result.plan, ("自动布置", "Auto layout")), result


def has_fix(finding, plan: Plan | None = None) -> bool:
    """Whether the finding has a mechanical fix (autolayout/fixes.py).

    Cheap by design: the findings panel asks for every finding each time a check ends, on
    the interface thread. Running the layout here to see whether it finds a place froze the
    window for minutes on a plan with 3,000 seats; whether a place is found is told on the
    click instead (apply_fix), and that finding's button goes."""
    return fixes.has_fix(finding, plan)


def quick_fix(plan: Plan, finding, config=None) -> Command | None:
    """The one-step fix of ``finding``, or None when there is none (or nothing to do)."""
    return quick_fix_with_notes(plan, finding, config)[0]


def quick_fix_with_notes(plan: Plan, finding, config=None) -> tuple[Command | None, list]:
    """quick_fix, and the layout's notes: what it could not do and what would (site.Note), so that
    a fix that adds too little, or nothing, can say why (the tryout saw 已修复 FIRE-ALARM with the
    finding still standing, and then 没有可自动完成的修复 against it)."""
    fixed = fixes.fix(plan, finding, config)
    if fixed is None:
        return None, []
    text = ("修复 " + finding.rule, "Fix " + finding.rule)
    if fixed.plan is None:
        commands = [ReplaceElement(old, new) for old, new in fixed.replaced]
        return (Batch(commands, text) if commands else None), fixed.notes
    return _adding(plan, fixed.plan, text), fixed.notes
