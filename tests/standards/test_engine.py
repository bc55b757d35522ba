"""The engine on plans as the designer holds them (regressions)."""

from bianmin.geometry.intake import Intake
from bianmin.geometry.model import Hall, Plan, rectangle
from bianmin.standards.engine import check


def test_hall_drawn_after_opening_is_not_reported_missing():
    """Regression: DXF-HALL read the hall count of the file as opened, not the plan."""
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 10000, 8000)))
    intake = Intake(plan=plan, hall_count=0)
    assert "DXF-HALL" not in {f.rule for f in check(intake).findings}
    intake.plan.hall = None
    assert "DXF-HALL" in {f.rule for f in check(intake).findings}


def test_a_rule_that_raises_becomes_a_finding_not_a_crash(monkeypatch):
    from bianmin.standards.rules import all_rules

    rule = all_rules()["HALL-AREA"]

    def broken(ctx, p):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(rule, "check", broken)
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 10000, 8000)))
    report = check(Intake(plan=plan, hall_count=1))
    (f,) = [f for f in report.findings if f.rule == "HALL-AREA"]
    assert "内部错误" in f.message and "boom" in f.message and report.status == "fail"


def test_findings_about_a_u_shaped_hall_are_marked_inside_it():
    """Regression (tryout): a finding about the whole hall was marked at its centroid, which lies
    outside a U-shaped hall, so the designer's marker stood on empty ground."""
    from shapely.geometry import Point, Polygon

    u = [(0, 0), (12000, 0), (12000, 9000), (9000, 9000), (9000, 2000), (3000, 2000), (3000, 9000), (0, 9000)]
    assert not Polygon(u).contains(Polygon(u).centroid)
    plan = Plan(hall=Hall(outline=[(x, y, 0.0) for x, y in u]))
    findings = check(Intake(plan=plan, hall_count=1)).findings
    area = [f for f in findings if f.rule == "HALL-AREA"]
    assert area, "a 78 m² hall is too small"
    assert Polygon(u).buffer(1.0).contains(Point(area[0].location))


def test_a_cut_off_sliver_is_reported_as_the_floor_it_stands_for(root, monkeypatch):
    """Regression (tryout): EVAC-PASSAGE said "约 0.0 m² 的区域": the area of the shrunk floor, a
    sliver where a person 1.1 m wide just fits; the message gives the floor it stands for."""
    from shapely.geometry import box

    from bianmin.geometry.dxf.read import read_plan
    from bianmin.standards.context import CheckContext
    from bianmin.standards.rules import all_rules
    from bianmin.standards.config import Config

    read = read_plan(root / "tests/fixtures/rules/EVAC-PASSAGE/fail-staff-area-through-400mm-gaps.dxf")
    ctx = CheckContext(read.intake, read.plan.properties.kind)
    (part,) = ctx.analysis.narrow_cut_off(1100.0)
    sliver = box(*part.representative_point().buffer(5).bounds)  # 10 mm x 10 mm
    monkeypatch.setattr(type(ctx.analysis), "narrow_cut_off", lambda self, width, min_area=0.0: [sliver])
    rule = all_rules()["EVAC-PASSAGE"]
    (h,) = list(rule.run(ctx, Config().params_for(rule)))
    assert "约 0.0 m²" not in h.message
    assert "约 0.9 m²" in h.message or "约 1.0 m²" in h.message  # a 1.1 m circle's floor


def _rule_order():
    from bianmin.standards.rules import all_rules

    return {rid: i for i, rid in enumerate(all_rules())}


def test_rules_that_begin_work_ahead_still_report_in_the_rules_order(root):
    """EVAC-PASSAGE and ACC-ROUTE run last (their passages are grown ahead on a second core);
    their findings are put back in the rules' order, as the reports and the review's rounds list them."""
    from bianmin.standards.engine import validate_path
    from bianmin.standards.rules import all_rules

    assert all_rules()["EVAC-PASSAGE"].prepare is not None and all_rules()["ACC-ROUTE"].prepare is not None
    order = _rule_order()
    plan = root / "tests/fixtures/rules/EVAC-PASSAGE/fail-staff-area-through-400mm-gaps.dxf"
    for path in [plan, *sorted((root / "samples").glob("*.dxf"))]:
        ranks = [order[f.rule] for f in validate_path(path).findings if f.rule in order]
        assert ranks == sorted(ranks), path.name
    rules = [f.rule for f in validate_path(plan).findings]
    assert "EVAC-PASSAGE" in rules and rules[-1] != "EVAC-PASSAGE"


def test_a_prepare_that_raises_is_only_a_hint(root, monkeypatch):
    from bianmin.standards.engine import validate_path
    from bianmin.standards.rules import all_rules

    plan = root / "tests/fixtures/rules/EVAC-PASSAGE/fail-staff-area-through-400mm-gaps.dxf"
    before = validate_path(plan).to_state()

    def broken(ctx, p):
        raise RuntimeError("boom")

    monkeypatch.setattr(all_rules()["EVAC-PASSAGE"], "prepare", broken)
    after = validate_path(plan).to_state()
    before.pop("seconds"), after.pop("seconds")
    assert after == before
