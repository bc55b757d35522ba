"""The engine on plans as the designer holds them (regressions)."""

from bianmin.geometry.dxf_read import ReadResult
from bianmin.geometry.model import Hall, Plan, rectangle
from bianmin.standards.engine import check


def test_hall_drawn_after_opening_is_not_reported_missing():
    """Regression: DXF-HALL read the hall count of the file as opened, not the plan."""
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 10000, 8000)))
    read = ReadResult(plan=plan, doc=None, units_factor=1.0, hall_count=0)
    assert "DXF-HALL" not in {f.rule for f in check(read).findings}
    read.plan.hall = None
    assert "DXF-HALL" in {f.rule for f in check(read).findings}


def test_a_rule_that_raises_becomes_a_finding_not_a_crash(monkeypatch):
    from bianmin.standards.rules import all_rules

    rule = all_rules()["HALL-AREA"]

    def broken(ctx, p):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(rule, "check", broken)
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 10000, 8000)))
    report = check(ReadResult(plan=plan, doc=None, units_factor=1.0, hall_count=1))
    (f,) = [f for f in report.findings if f.rule == "HALL-AREA"]
    assert "内部错误" in f.message and "boom" in f.message and report.status == "fail"


def test_findings_about_a_u_shaped_hall_are_marked_inside_it():
    """Regression (tryout): a finding about the whole hall was marked at its centroid, which lies
    outside a U-shaped hall, so the designer's marker stood on empty ground."""
    from shapely.geometry import Point, Polygon

    u = [(0, 0), (12000, 0), (12000, 9000), (9000, 9000), (9000, 2000), (3000, 2000), (3000, 9000), (0, 9000)]
    assert not Polygon(u).contains(Polygon(u).centroid)
    plan = Plan(hall=Hall(outline=[(x, y, 0.0) for x, y in u]))
    findings = check(ReadResult(plan=plan, doc=None, units_factor=1.0, hall_count=1)).findings
    area = [f for f in findings if f.rule == "HALL-AREA"]
    assert area, "a 78 m² hall is too small"
    assert Polygon(u).buffer(1.0).contains(Point(area[0].location))
