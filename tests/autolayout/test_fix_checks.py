"""Issue 24: a quick fix never leaves a new error behind (it checks its result and tries another
place, or leaves the object out and says why); ACC-ROUTE gets a fix that moves what pinches the way."""

from __future__ import annotations

from pathlib import Path

import pytest

from bianmin.autolayout import fixes
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.intake import Intake
from bianmin.standards import engine

RULES = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


def _key(f) -> tuple:
    # the objects a finding names keep their handles; a subject like ('extinguisher', '1') is an ordinal
    return (f.rule, frozenset(f.handles)) if f.handles else (f.rule, f.subject)


def _errors(plan) -> set:
    return {_key(f) for f in engine.check(Intake(plan=plan)).findings if f.severity == "error"}


def _applied(plan, fixed):
    """The plan the designer would hold after the fix (its appended elements, its replacements)."""
    out = fixed.plan.copy() if fixed.plan is not None else plan.copy()
    for old, new in fixed.replaced:
        out.objects[out.objects.index(old)] = new
    return out


FAILING = sorted(
    (rule, path) for rule in fixes.FIXABLE if rule != fixes.MENDS for path in (RULES / rule).glob("fail-*.dxf")
)


@pytest.mark.parametrize(("rule", "path"), FAILING, ids=[f"{r}/{p.stem}" for r, p in FAILING])
def test_no_fix_leaves_an_error_the_plan_did_not_have(rule, path):
    plan = read_plan(path).plan
    findings = [f for f in engine.check(Intake(plan=plan)).findings if f.rule == rule]
    if not findings or plan.hall is None:
        pytest.skip("the fixture's finding is not one the fix can act on")
    before = _errors(plan)
    fixed = fixes.fix(plan, findings[0])
    assert fixed is not None
    after = _errors(_applied(plan, fixed))
    assert after - before == set(), (rule, path.name, after - before)


def _pinched():
    """A 6 m wide hall whose accessible window is behind a bench of five across the middle: 1.5 m left
    either side, under ACC-ROUTE's 1.8 m."""
    from bianmin.geometry.model import Hall, Opening, PlacedObject, rectangle

    from tests.autolayout.layout_halls import _plan

    plan = _plan(peak_daily_visits=40)
    plan.hall = Hall(outline=rectangle(0, 0, 6000, 14000))
    plan.openings += [Opening("main", (2000, 0), (4000, 0)), Opening("exit", (0, 12000), (0, 13200))]
    knee = {"KNEE_W": "800", "KNEE_H": "700", "KNEE_D": "500"}
    accessible = {"NO": "1", "TYPE": "accessible", "HEIGHT": "750", **knee}
    plan.objects.append(PlacedObject.place("BM_COUNTER", 3000, 12800, 0, attribs=accessible))
    plan.objects.append(PlacedObject.place("BM_SEAT", 3000, 6000, 180, 5, attribs={"COUNT": "5"}))
    return plan


def test_acc_route_fix_moves_what_pinches_the_way_and_the_finding_goes():
    plan = _pinched()
    (finding,) = [f for f in engine.check(Intake(plan=plan)).findings if f.rule == "ACC-ROUTE"]
    assert fixes.has_fix(finding, plan)
    before = _errors(plan)
    fixed = fixes.fix(plan, finding)
    ((old, new),) = fixed.replaced
    assert old.block == "BM_SEAT" and new.id == old.id and new.attribs == old.attribs
    assert new.position != old.position
    after = _applied(plan, fixed)
    assert not [f for f in engine.check(Intake(plan=after)).findings if f.rule == "ACC-ROUTE"]
    assert _errors(after) - before == set()


def test_acc_route_with_nothing_movable_at_the_pinch_says_so():
    path = RULES / "ACC-ROUTE" / "fail-low-window-behind-900mm-gap.dxf"
    plan = read_plan(path).plan
    (finding,) = [f for f in engine.check(Intake(plan=plan)).findings if f.rule == "ACC-ROUTE"]
    fixed = fixes.fix(plan, finding)
    assert fixed.replaced == [] and fixed.plan is None
    assert "无障碍通道" in fixed.notes[0].zh and "widen" in fixed.notes[0].en


def test_a_fix_whose_first_place_makes_a_new_error_tries_another_place(monkeypatch):
    """issue 25 item 5: a fix put equipment where it pinched the accessible way (a new ACC-ROUTE
    error). The fix's place function here offers the pinching place first and a wall place second:
    the checked fix must end on the second."""
    plan = _pinched()
    bench = plan.objects.pop()  # the same hall with its middle free: ACC-ROUTE passes
    assert not [f for f in engine.check(Intake(plan=plan)).findings if f.rule == "ACC-ROUTE"]

    def place(site, finding):  # across the middle first, else against the east wall
        site.try_place("BM_SEAT", [(3000, 6000, 180, 5), (5680, 6875, 270, 5)], count=5)

    monkeypatch.setitem(fixes.PLACES, "ZONE-WAIT-SEATS", place)
    finding = type("F", (), {"rule": "ZONE-WAIT-SEATS", "handles": [], "location": None})()
    before = _errors(plan)
    fixed = fixes.fix(plan, finding)
    (seat,) = [o for o in fixed.plan.objects if o.block == "BM_SEAT"]
    assert seat.footprint.distance(bench.footprint) > 0  # not where it pinched
    assert _errors(fixed.plan) - before == set()


def test_a_fix_with_no_place_free_of_new_errors_leaves_the_object_out_and_says_why(monkeypatch):
    plan = _pinched()
    plan.objects.pop()

    def place(site, finding):  # only the pinching place
        site.try_place("BM_SEAT", [(3000, 6000, 180, 5)], count=5)

    monkeypatch.setitem(fixes.PLACES, "ZONE-WAIT-SEATS", place)
    finding = type("F", (), {"rule": "ZONE-WAIT-SEATS", "handles": [], "location": None})()
    fixed = fixes.fix(plan, finding)
    assert not fixed.plan.objects_of("BM_SEAT")
    (note,) = fixed.notes
    assert note.rule == "ACC-ROUTE" and "等候座椅" in note.zh and "未放置" in note.zh
