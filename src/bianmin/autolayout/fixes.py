"""The one table from rule to fix: for each rule id, what the layout places or mends for it (the
findings panel's 修复), and the words said when the layout cannot meet it (``bianmin layout``'s
notes).  Qt-free; the designer turns a :class:`Fixed` into undoable commands
(designer/autolayout.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Callable

from bianmin.geometry import catalog
from bianmin.geometry.model import Plan, affine_from

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
FIXABLE = frozenset([*PLACES, MENDS, "ACC-ROUTE"])

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
    """The mechanical fix of ``finding`` on a copy of ``plan``; None when it has none.

    A fix never leaves an error the plan did not have: its result is checked, a place that makes a
    new error is barred and the fix runs again (up to ROUNDS times); what still makes one is left
    out, and a note says what and why."""
    if plan.hall is None and finding.rule != MENDS:
        return None
    if finding.rule == MENDS:
        return Fixed(replaced=_reset_attributes(plan, finding))
    if finding.rule == "ACC-ROUTE":
        return _widen_route(plan, finding, config)
    place = PLACES.get(finding.rule)
    if place is None:
        return None
    before = _error_keys(plan, config)
    barred: list = []
    given_up: list = []  # (object, the new errors it made) of the places barred so far
    for _ in range(ROUNDS):
        work = plan.copy()
        site = _Barred(work, config, barred)
        place(site, finding)
        added = [o for o in work.objects if id(o) not in {id(e) for e in plan.objects}]
        new = _new_errors(work, before, config)
        if not new or not added:
            # what a barred place kept out and nothing else took in is said, not silently dropped
            placed = {o.block for o in added}
            left = [_left_out(o, errs) for o, errs in given_up if o.block not in placed]
            return Fixed(plan=work, notes=list(site.notes) + _once(left))
        culprits = _culprits(new, added)
        given_up += [(o, new) for o in culprits]
        barred += [o.footprint.buffer(300.0) for o in culprits]
    # still a new error: leave out what makes it, and say so
    keep = [o for o in work.objects if o not in culprits]
    work.objects[:] = keep
    notes = list(site.notes) + _once([_left_out(o, new) for o in culprits])
    return Fixed(plan=work, notes=notes)


def _once(notes: list) -> list:
    out: list = []
    for n in notes:
        if all(n.zh != m.zh for m in out):
            out.append(n)
    return out


ROUNDS = 4  # placements tried before a fix gives up an object that makes a new error


class _Barred(Site):
    """A site that refuses the places a previous round of the fix found making a new error."""

    def __init__(self, plan: Plan, config, barred: list):
        super().__init__(plan, config)
        self.barred = tuple(barred)

    def fits(self, obj, within=None, extra: tuple = ()) -> bool:
        if self.barred and any(obj.footprint.intersects(b) for b in self.barred):
            return False
        return super().fits(obj, within, extra)


def _key(f) -> tuple:
    """A finding's identity across the fix: the objects it names (their handles stay), else its subject
    (a subject such as ('extinguisher', '1') is an ordinal, which a new point renumbers)."""
    return (f.rule, frozenset(f.handles)) if f.handles else (f.rule, f.subject)


def _check(plan: Plan, config):
    from bianmin.geometry.intake import Intake
    from bianmin.standards import engine

    return engine.check(Intake(plan=plan), config)


def _error_keys(plan: Plan, config) -> set:
    return {_key(f) for f in _check(plan, config).findings if f.severity == "error"}


def _new_errors(plan: Plan, before: set, config) -> list:
    return [f for f in _check(plan, config).findings if f.severity == "error" and _key(f) not in before]


def _culprits(new: list, added: list) -> list:
    """The added objects a new error names, or stands within a metre of; all of them when none is."""
    from shapely.geometry import Point

    out = []
    for o in added:
        for f in new:
            named = o.id in (f.handles or ())
            near = f.location is not None and o.footprint.distance(Point(f.location[:2])) <= 1000.0
            if (named or near) and o not in out:
                out.append(o)
    return out or list(added)


def _left_out(obj, new: list):
    from bianmin.autolayout.site import Note

    f = new[0]
    name = obj.spec.zh if obj.spec else obj.block
    name_en = obj.spec.en if obj.spec else obj.block
    return Note(
        f.rule,
        f"未放置{name}（{obj.block}）：放在可用的位置都会造成新的错误 {f.rule}（{f.message}）；请腾出位置后再修复",
        f"the {name_en} ({obj.block}) was not placed: every free place would make a new {f.rule} error "
        f"({f.message_en}); make room and fix again",
    )


def _widen_route(plan: Plan, finding, config) -> Fixed | None:
    """ACC-ROUTE: move the movable floor object nearest the pinch (the finding's location) to a free
    wall spot in its own zone, away from the pinch; checked like every fix."""
    from shapely.geometry import Point

    if finding.location is None:
        return None
    pinch = Point(finding.location[:2])
    movable = [
        o
        for o in plan.objects
        if not o.mounted
        and not o.nested
        and not o.is_counter
        and o.spec is not None
        and o.footprint.distance(pinch) <= 2000.0
    ]
    if not movable:
        return Fixed(notes=[_no_mover(finding)])
    before = _error_keys(plan, config)
    for obj in sorted(movable, key=lambda o: o.footprint.distance(pinch)):
        work = plan.copy()
        work.objects.remove(obj)
        site = _Barred(work, config, [pinch.buffer(1500.0)])
        zone = next((z.polygon for z in work.zones if z.polygon.buffer(50).contains(obj.footprint.centroid)), None)
        target = (zone or site.hall).centroid
        spots = site.nearest(site.wall_spots(obj.block, step=250.0), (target.x, target.y))
        for spot in spots[:60]:
            # the same entity (handle, attributes, scale) moved and turned with its back on the wall
            moved = replace(obj, transform=affine_from(spot[0], spot[1], spot[2], *obj.scale))
            if not site.fits(moved, zone):
                continue
            trial = plan.copy()
            trial.objects[trial.objects.index(obj)] = moved
            if _key(finding) in _error_keys(trial, config) or _new_errors(trial, before, config):
                continue
            return Fixed(replaced=[(obj, moved)])
    return Fixed(notes=[_no_mover(finding)])


def _no_mover(finding):
    from bianmin.autolayout.site import Note

    return Note(
        finding.rule,
        "无障碍通道最窄处附近没有可移开的设施（柜台、墙、柱需人工调整）；请手动加宽该处通道",
        "nothing movable stands at the narrowest point (counters, walls and columns are for you to move): "
        "widen the way there by hand",
    )


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
