"""What every report view shares: the sources legend, grouped repeats, safe text, merged findings."""

import csv
import io
import json
import math

from bianmin.geometry.model import Hall, Plan, rectangle
from bianmin.cli.summary import summarize
from bianmin.standards.engine import merge_related
from bianmin.standards.findings import Finding, PlanReport
from bianmin.standards.report import WRITERS
from bianmin.standards.report.common import csv_cell, grouped, plain

RULESET = {"version": "2019.1", "config_sha256": "0" * 64}


def report_with(findings, path="plan.dxf", **kw):
    return PlanReport(path=path, status="fail", profile="street-center", findings=findings, **kw)


def heights(n):
    return [
        Finding(
            "CNTR-HEIGHT",
            "warning",
            f"{i} 号窗口台面高 {800 + i * 10} mm",
            f"window {i} is {800 + i * 10} mm",
            "XA 三(四)3",
            location=(i * 1000.0, 0.0),
            subject=("window", str(i)),
            measured=800 + i * 10,
            limit=800,
        )
        for i in range(1, n + 1)
    ]


def test_more_than_five_findings_of_a_rule_are_one_line_with_the_worst_three():
    items = grouped(heights(6))
    assert len(items) == 1 and "共 6 处" in items[0].text("zh")
    assert [f.measured for f in items[0].worst(3)] == [860, 850, 840]
    assert len(grouped(heights(5))) == 5


def test_a_group_shows_three_different_texts():
    """Regression: two counters both numbered 1 made the group list the same sentence twice; with
    no measured values to rank by it does not claim to show the worst."""
    same = heights(6)
    same[0].message = same[1].message
    same[0].measured = same[1].measured = 860
    text = grouped(same)[0].text("zh")
    assert "最严重的 3 处" in text
    assert len(set(text.split("：", 1)[1].split("；"))) == 3
    plain = [Finding("SIGN-X", "warning", f"{i} 号窗口没有吊牌", f"window {i}", "XA") for i in range(7)]
    text = grouped(plain)[0].text("zh")
    assert "共 7 处同类问题，其中 3 处" in text and "最严重" not in text


def test_text_and_html_group_but_json_keeps_every_finding():
    reports = [report_with(heights(8))]
    summary = summarize(reports)
    text = WRITERS["text"](reports, summary, RULESET, "zh")
    assert text.count("CNTR-HEIGHT") == 1 and "共 8 处" in text
    html = WRITERS["html"](reports, summary, RULESET, "zh")
    assert "共 8 处" in html
    data = json.loads(WRITERS["json"](reports, summary, RULESET, "zh"))
    assert len(data["files"][0]["findings"]) == 8


def test_every_format_spells_the_sources_out():
    reports = [report_with([Finding("EVAC-TRAVEL", "error", "远", "far", "GB 50016 5.5.17(4)")])]
    summary = summarize(reports)
    for fmt in ("text", "html"):
        out = WRITERS[fmt](reports, summary, RULESET, "zh")
        assert "建筑设计防火规范" in out and "西安市基层便民服务中心" in out, fmt
    assert "Code for fire protection design" in WRITERS["text"](reports, summary, RULESET, "en")
    data = json.loads(WRITERS["json"](reports, summary, RULESET, "zh"))
    assert set(data["sources"]) == {"XA", "GB 50016"}


def test_csv_cells_that_would_be_formulas_are_text():
    assert csv_cell("=HYPERLINK(1)") == "'=HYPERLINK(1)" and csv_cell("+1") == "'+1" and csv_cell("@x") == "'@x"
    assert csv_cell("西一路") == "西一路"
    reports = [report_with([Finding("CNTR-NUMBER", "warning", "=cmd|' /C calc'!A0", "=x", "XA")], path="+evil.dxf")]
    rows = list(csv.reader(io.StringIO(WRITERS["csv"](reports, summarize(reports), RULESET, "zh"))))
    cells = [c for row in rows[1:] for c in row]
    assert not any(c[:1] in "=+@" for c in cells if c)


def test_a_newline_in_a_file_name_cannot_forge_report_lines():
    reports = [report_with([], path="a.dxf\nb.dxf：通过")]
    text = WRITERS["text"](reports, summarize(reports), RULESET, "zh")
    assert "a.dxf\\nb.dxf" in text and "\nb.dxf：通过" not in text
    assert plain("x\ty\x07") == "x\\ty\\x07"


def test_json_has_no_nan_or_infinity():
    reports = [report_with([], metrics={"max_travel_m": math.inf, "camera_coverage": math.nan})]
    text = WRITERS["json"](reports, summarize(reports), RULESET, "zh")
    data = json.loads(text, parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    assert data["files"][0]["metrics"] == {"max_travel_m": None, "camera_coverage": None}


def test_no_extinguisher_at_all_is_one_finding_not_three():
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 20000, 12000)))
    findings = [
        Finding("FIRE-EXT-COUNT", "error", "没有灭火器", "none", "GB 50140"),
        Finding("FIRE-EXT-REACH", "error", "远", "far", "GB 50140"),
        Finding("FIRE-EXT-RATING", "error", "级别不足", "rating", "GB 50140"),
        Finding("HALL-AREA", "error", "小", "small", "XA"),
    ]
    assert [f.rule for f in merge_related(findings, plan)] == ["FIRE-EXT-COUNT", "HALL-AREA"]


def test_no_camera_at_all_is_one_finding_not_two():
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 20000, 12000)))
    findings = [
        Finding("SAFE-CAMERA", "warning", "没有摄像机", "none", "XA"),
        Finding("SAFE-CAMERA-COVER", "info", "覆盖率 0%", "coverage 0%", "XA"),
        Finding("HALL-AREA", "error", "小", "small", "XA"),
    ]
    assert [f.rule for f in merge_related(findings, plan)] == ["SAFE-CAMERA", "HALL-AREA"]


def test_chinese_csv_and_rule_list_speak_chinese(root, capsys):
    """Regression (tryout): the Chinese CSV's 类型 column said street-center, and `bianmin rules`
    printed error / warning."""
    import csv
    import io

    from bianmin.cli.main import main

    main(["validate", str(root / "samples/xiyilu-street-center.dxf"), "--format", "csv"])
    rows = list(csv.reader(io.StringIO(capsys.readouterr().out.lstrip("\ufeff"))))
    assert rows[1][2] == "镇/街道便民服务中心"
    main(["rules"])
    text = capsys.readouterr().out
    first = text.splitlines()[0].split()
    assert first[1] == "错误" and "street-center" not in text
