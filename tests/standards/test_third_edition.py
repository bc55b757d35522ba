"""The third edition of the rule set (issue 22): the codes in force and their editions, 强制性条文 and their
【强条】 marks, the hall's building context (BM_HALL_SETTING, BM_CROWDED), and the verdicts it corrected."""

import json
from pathlib import Path

import pytest

from bianmin.cli.summary import summarize
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.dxf.write import write_plan
from bianmin.geometry.properties import PlanProperties
from bianmin.standards import RULESET_VERSION
from bianmin.standards.codes import CODES, cited_keys, codes_cited, governing, is_general
from bianmin.standards.engine import validate_path
from bianmin.standards.findings import Finding, PlanReport
from bianmin.standards.report import WRITERS
from bianmin.standards.rule_docs import rules_json, rules_markdown, rules_text
from bianmin.standards.rules import all_rules
from bianmin.templates.build import community_station

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "rules"
RULESET = {"version": RULESET_VERSION, "config_sha256": "0" * 64}


def fired(rule_id, name):
    return [f for f in validate_path(FIX / rule_id / name).findings if f.rule == rule_id]


# -- codes and editions ---------------------------------------------------------------------------


def test_a_citation_names_its_codes_with_edition_and_full_title():
    codes = codes_cited("GB 55037 7.4.1, 7.4.2; GB 50016 5.5.8, 5.5.15")
    assert [c.key for c in codes] == ["GB 55037", "GB 50016"]
    assert codes[0].full("zh") == "GB 55037—2022《建筑防火通用规范》" and codes[0].general
    assert codes[1].full("zh") == "GB 50016—2014（2018 年版）《建筑设计防火规范》" and not codes[1].general
    assert codes[1].full("en").startswith("GB 50016-2014 (2018) ")
    assert cited_keys("GB 13495.1 3; GB 2893") == ["GB 13495.1", "GB 2893"]
    assert cited_keys("GB 501400 1.1") == []  # a short name is a whole number, not a prefix of another
    assert governing("XA 三(四)3; GB 55019 3.6.2") is CODES["XA"] and not is_general("XA 三(四)3; GB 55019 3.6.2")


def test_every_rule_cites_codes_the_table_knows_and_a_general_code_makes_it_mandatory():
    for r in all_rules().values():
        if r.source in ("", "—"):
            assert not r.mandatory, r.id
            continue
        parts = [p for p in r.source.replace("；", ";").split(";") if p.strip()]
        assert len(cited_keys(r.source)) == len(parts), f"{r.id}: {r.source} cites a code not in standards/codes.py"
        if is_general(r.source):
            assert r.mandatory, f"{r.id}: its governing clause is in a 通用规范, so it is a 强制性条文"
        if governing(r.source).key in ("XA", "XC", "GA 654"):
            assert not r.mandatory, f"{r.id}: the seed and GA 654 have no 强制性条文"


def test_the_fire_rules_cite_gb_55037_where_it_governs():
    rules = all_rules()
    for rid in ("EVAC-EXIT-COUNT", "EVAC-EXIT-WIDTH", "EVAC-TOTAL-WIDTH", "EVAC-PASSAGE"):
        assert rules[rid].source.startswith("GB 55037 "), rid
        assert rules[rid].mandatory
    assert rules["ACC-ROUTE"].source.startswith("GB 55019 ") and rules["ACC-ROUTE"].mandatory
    assert not rules["HALL-AREA"].mandatory and not rules["CNTR-DEPTH"].mandatory


def test_the_rules_doc_lists_the_editions_once_and_marks_mandatory_rules():
    md = rules_markdown()
    assert "## 依据的规范版本 / Code editions" in md
    assert md.count("GB 55037—2022") == 1  # the edition year in the table only; rules cite the short name
    assert "| GB 55037 | GB 55037—2022 | 建筑防火通用规范" in md
    assert "- source: GB 55037 7.4.1, 7.4.2; GB 50016 5.5.8, 5.5.15; 【强条】" in md
    assert "# 规则 / Rules (rule set 2019.3)" in md
    assert "【强条】" in rules_text("zh") and "GB 55037—2022《建筑防火通用规范》" in rules_text("zh")
    by_id = {r["id"]: r for r in rules_json()}
    assert by_id["EVAC-EXIT-WIDTH"]["mandatory"] is True and by_id["HALL-AREA"]["mandatory"] is False


# -- 【强条】 in the reports and the summary --------------------------------------------------------


def _report(*findings, path="plan.dxf"):
    status = "fail" if any(f.severity == "error" for f in findings) else "pass"
    return PlanReport(path=path, status=status, profile="street-center", findings=list(findings))


def _finding(rule, severity, mandatory, source="GB 55037 7.1.4"):
    return Finding(
        rule, severity, f"{rule} 不合格", f"{rule} fails", source, ["1A2B"], (1000.0, 2000.0), mandatory=mandatory
    )


def test_text_html_and_pdf_mark_mandatory_findings_and_text_shows_no_handles(tmp_path):
    reports = [
        _report(_finding("EVAC-EXIT-WIDTH", "error", True), _finding("CNTR-DEPTH", "warning", False, "XA 三(四)3"))
    ]
    summary = summarize(reports)
    text = WRITERS["text"](reports, summary, RULESET, "zh")
    line = next(x for x in text.splitlines() if "EVAC-EXIT-WIDTH" in x)
    assert "【强条】EVAC-EXIT-WIDTH 不合格" in line
    assert "【强条】" not in next(x for x in text.splitlines() if "CNTR-DEPTH" in x)
    assert "1A2B" not in text  # handles only in JSON
    assert "[mandatory]" in WRITERS["text"](reports, summary, RULESET, "en")
    html = WRITERS["html"](reports, summary, RULESET, "zh")
    assert "<span class='mandatory'>【强条】</span>EVAC-EXIT-WIDTH 不合格" in html and "1A2B" not in html
    data = json.loads(WRITERS["json"](reports, summary, RULESET, "zh"))
    assert [f["mandatory"] for f in data["files"][0]["findings"]] == [True, False]
    assert data["files"][0]["findings"][0]["handles"] == ["1A2B"]
    assert "GB 55037—2022《建筑防火通用规范》" in text


def test_the_pdf_report_marks_mandatory_findings(tmp_path):
    pdfplumber = pytest.importorskip("pdfplumber")
    from bianmin.drawing.report import write_batch_report

    reports = [_report(_finding("EVAC-EXIT-WIDTH", "error", True))]
    out = tmp_path / "r.pdf"
    write_batch_report(reports, summarize(reports), RULESET, out, "zh")
    with pdfplumber.open(out) as pdf:
        words = "".join(page.extract_text() or "" for page in pdf.pages)
    assert "【强条】" in words and "违反强制性条文的图纸" in words


def test_the_summary_counts_plans_breaking_mandatory_clauses_from_the_findings():
    reports = [
        _report(_finding("EVAC-EXIT-WIDTH", "error", True), path="a.dxf"),
        _report(_finding("CNTR-SIGN", "error", False, "XA 五(三)"), path="b.dxf"),
        _report(_finding("FIRE-EMERGENCY-LIGHT", "warning", True), path="c.dxf"),  # a warning breaks nothing
    ]
    s = summarize(reports)
    assert s.mandatory_failures == 1 and s.to_dict()["mandatory_failures"] == 1
    assert "违反强制性条文的图纸：1" in WRITERS["text"](reports, s, RULESET, "zh")


def test_a_rule_may_say_a_finding_is_advice_not_a_mandatory_clause():
    general = fired("CNTR-HEIGHT", "fail-general-820-warning.dxf")
    accessible = fired("CNTR-HEIGHT", "fail-accessible-900-error.dxf")
    assert [f.mandatory for f in general] == [False] and [f.mandatory for f in accessible] == [True]
    assert not fired("CNTR-HEIGHT", "pass-accessible-840-within-850.dxf")  # GB 55019: 700-850 mm


# -- the hall's building context ---------------------------------------------------------------------


def test_hall_setting_and_crowded_parse_and_default():
    props, problems = PlanProperties.from_mapping({"BM_HALL_SETTING": "Room", "BM_CROWDED": "否"})
    assert not problems and props.setting == "room" and props.is_crowded(500) is False
    _, problems = PlanProperties.from_mapping({"BM_HALL_SETTING": "corridor"})
    assert problems
    default = PlanProperties()
    assert default.setting == "building" and default.is_crowded(50)  # a street centre
    assert PlanProperties(building_floors=3).setting == "room"
    station = PlanProperties(kind="community-station")
    assert not station.is_crowded(200) and station.is_crowded(201)
    assert "BM_HALL_SETTING" not in {k for k, v in default.to_mapping().items() if v}  # unset stays unset


@pytest.mark.parametrize("version", ["R2010", "R2000"])
def test_hall_setting_and_crowded_survive_a_save(tmp_path, version):
    import ezdxf

    plan = community_station()
    plan.properties.hall_setting = "room"
    plan.properties.crowded = True
    path = tmp_path / "p.dxf"
    write_plan(plan, path, doc=ezdxf.new(version))  # R2000 keeps them in the BM_PLANINFO panel
    back = read_plan(path).plan.properties
    assert back.hall_setting == "room" and back.crowded is True


def test_one_door_room_verdicts():
    assert not fired("EVAC-EXIT-COUNT", "pass-110m2-room-one-door.dxf")
    (end,) = fired("EVAC-EXIT-COUNT", "fail-150m2-room-one-door-at-corridor-end-warning.dxf")
    assert end.severity == "warning" and "走道尽端" in end.message and "13.8 m" in end.message
    (far,) = fired("EVAC-EXIT-COUNT", "fail-180m2-room-one-door-16m-away.dxf")
    assert far.severity == "error" and "疏散门" in far.message and "16.0 m" in far.message
    (building,) = fired("EVAC-EXIT-COUNT", "fail-110m2-one-exit-55-people.dxf")
    assert "安全出口" in building.message and "55" in building.message


def test_exit_width_by_setting_and_crowding():
    (main,) = fired("EVAC-EXIT-WIDTH", "fail-1000-main-entrance-ground-floor.dxf")
    assert main.limit == 1100 and "首层疏散外门" in main.message
    assert not fired("EVAC-EXIT-WIDTH", "pass-1100-exterior-door-single-storey.dxf")
    assert fired("EVAC-EXIT-WIDTH", "fail-1000-exterior-door-single-storey.dxf")[0].limit == 1100
    assert fired("EVAC-EXIT-WIDTH", "fail-1000-wide-3-storeys-crowded.dxf")[0].limit == 1400


def test_total_width_grade_4_and_crowded_basement():
    (g4,) = fired("EVAC-TOTAL-WIDTH", "fail-800m2-2-storeys-grade-4.dxf")
    assert g4.limit == 4000 and "四级" in g4.message
    assert not fired("EVAC-TOTAL-WIDTH", "pass-800m2-2-storeys-grade-2.dxf")
    (below,) = fired("EVAC-TOTAL-WIDTH", "fail-800m2-first-basement-crowded.dxf")
    assert below.limit == 4000 and "人员密集" in below.message
    assert not fired("EVAC-TOTAL-WIDTH", "pass-800m2-first-basement-not-crowded.dxf")


def test_travel_distance_for_grade_3_and_4_is_not_the_grade_1_2_figure():
    assert not fired("EVAC-TRAVEL", "pass-two-exits-19.5m-grade-3.dxf")  # 20 m
    (f,) = fired("EVAC-TRAVEL", "fail-two-exits-19.5m-grade-4.dxf")
    assert f.limit == 15000 and "四级" in f.message


def test_landing_only_in_crowded_premises_and_its_depth_is_measured():
    assert not fired("EVAC-EXIT-CLEAR", "pass-water-dispenser-at-door-not-crowded.dxf")
    (f,) = fired("EVAC-EXIT-CLEAR", "fail-water-dispenser-at-door-crowded.dxf")
    assert f.unit == "mm" and f.measured == 300 and f.limit == 1400 and "0.3 m" in f.message


def test_accessible_route_gives_its_narrowest_width_at_the_pinch():
    (f,) = fired("ACC-ROUTE", "fail-low-window-behind-900mm-gap.dxf")
    assert f.measured == 900 and "0.90 m" in f.message and f.limit == 1800
    x, y = f.location  # the gap between the obstacles at x 14000-14900, y 7000-7200
    assert 14000 <= x <= 14900 and 6900 <= y <= 7300
    assert not fired("ACC-ROUTE", "pass-1500mm-gap-not-crowded.dxf")  # 1.20 m when not crowded
    assert fired("ACC-ROUTE", "fail-low-window-behind-1500mm-gap.dxf")[0].measured == 1500


def test_emergency_light_names_the_lux_that_applies():
    (f,) = fired("FIRE-EMERGENCY-LIGHT", "fail-one-light.dxf")
    assert "3.0 lx" in f.message and "3.0 lx" in f.message_en


def test_counter_depth_is_advice():
    (f,) = fired("CNTR-DEPTH", "fail-600-deep-warning.dxf")
    assert f.severity == "warning" and "进深" in f.message and "宽 " not in f.message and not f.mandatory


def test_the_advice_on_an_ordinary_counter_cites_the_seed_not_gb_55019():
    (general,) = fired("CNTR-HEIGHT", "fail-general-820-warning.dxf")
    (accessible,) = fired("CNTR-HEIGHT", "fail-accessible-900-error.dxf")
    assert general.source == "XA 三(四)3" and accessible.source.startswith("GB 55019 3.6.2")


def test_hall_area_measures_the_centre_when_stated():
    assert not fired("HALL-AREA", "pass-180m2-hall-260m2-centre.dxf")
    (f,) = fired("HALL-AREA", "fail-180m2-hall-190m2-centre.dxf")
    assert f.measured == 190.0 and "BM_CENTRE_AREA_M2" in f.message and "180.0 m²" in f.message
    (hall,) = fired("HALL-AREA", "fail-180m2-new.dxf")
    assert hall.measured == 180.0 and "按大厅计" in hall.message


def test_smoke_exhaust_is_asked_over_100m2():
    assert not fired("FIRE-SMOKE", "pass-80m2-station-not-asked.dxf")
    assert not fired("FIRE-SMOKE", "pass-250m2-natural-6m2-vents.dxf")
    (missing,) = fired("FIRE-SMOKE", "fail-250m2-not-stated.dxf")
    assert missing.severity == "warning" and missing.mandatory and "5.0 m²" in missing.message
    (small,) = fired("FIRE-SMOKE", "fail-250m2-natural-3m2-vents.dxf")
    assert small.measured == 3.0 and small.limit == 5.0


def test_hydrant_reach_one_jet_is_an_error_two_jets_a_warning():
    (far,) = fired("FIRE-HYDRANT-REACH", "fail-60m-hall-one-hydrant.dxf")
    assert far.severity == "error" and far.limit == 28000 and far.measured > 28000
    (two,) = fired("FIRE-HYDRANT-REACH", "fail-one-hydrant-needs-two-jets-warning.dxf")
    assert two.severity == "warning" and "2 股" in two.message
    assert two.location[0] < 5000  # the point farthest from the one hydrant on the east wall
    assert not fired("FIRE-HYDRANT-REACH", "pass-hydrants-on-both-walls.dxf")
    assert not fired("FIRE-HYDRANT-REACH", "pass-one-hydrant-one-jet-allowed.dxf")


def test_evacuation_signs_along_every_passage_and_at_route_turns():
    (bare,) = fired("FIRE-EVAC-SIGN", "fail-bare-passage-to-the-main-entrance.dxf")
    assert bare.subject == ("walk", "main") and bare.measured > 20000 and "主入口" in bare.message
    assert not fired("FIRE-EVAC-SIGN", "pass-signs-on-both-passages.dxf")
    (turn,) = fired("FIRE-EVAC-SIGN", "fail-route-turn-3m-from-sign-warning.dxf")
    assert turn.severity == "warning" and turn.limit == 1000 and turn.location == (3000.0, 11200.0)
    assert not fired("FIRE-EVAC-SIGN", "pass-short-walks.dxf")  # a hung sign 0.3 m from the turn


def test_exit_door_type_and_swing():
    (revolving,) = fired("EVAC-DOOR-TYPE", "fail-revolving-main-entrance.dxf")
    assert revolving.subject == ("exit", "main") and "旋转门" in revolving.message and revolving.mandatory
    assert "卷帘门" in fired("EVAC-DOOR-TYPE", "fail-roller-shutter-exit.dxf")[0].message
    assert fired("EVAC-DOOR-TYPE", "fail-auto-sliding-without-swing.dxf")
    assert not fired("EVAC-DOOR-TYPE", "pass-auto-sliding-with-breakout-swing.dxf")
    (inward,) = fired("EVAC-DOOR-TYPE", "fail-exit-opens-inward-125-people.dxf")
    assert inward.measured == 125 and inward.limit == 60
    assert not fired("EVAC-DOOR-TYPE", "pass-door-opens-inward-40-people.dxf")  # 80 m²: 40 people


@pytest.mark.parametrize("version", ["R2010", "R12"])
def test_door_attributes_survive_a_save_as_xdata(tmp_path, version):
    import ezdxf

    from bianmin.templates.build import street_center

    plan = street_center()
    exit_ = next(o for o in plan.openings if o.kind == "exit")
    exit_.attribs = {"TYPE": "auto-sliding", "FAILSAFE": "yes"}
    path = tmp_path / "p.dxf"
    write_plan(plan, path, doc=ezdxf.new(version))
    back = {o.kind: o for o in read_plan(path).plan.openings}
    assert back["exit"].attribs == {"TYPE": "auto-sliding", "FAILSAFE": "yes"}
    assert back["main"].attribs == {} and back["main"].attr("TYPE") == "swing"  # the catalogue's default


def test_accessible_entrance_and_toilet():
    assert not fired("ACC-ENTRANCE", "pass-ramp-before-the-main-entrance.dxf")
    assert not fired("ACC-ENTRANCE", "pass-level-entrance-marked.dxf")
    (far,) = fired("ACC-ENTRANCE", "fail-ramp-5m-away.dxf")
    assert far.severity == "warning" and far.measured > 2000 and "5.3 m" in far.message
    assert not [
        f
        for f in validate_path(FIX / "ACC-ENTRANCE" / "pass-ramp-before-the-main-entrance.dxf").findings
        if f.rule == "HALL-CONTAINS"
    ]  # a ramp stands outside the hall by nature
    (toilet,) = fired("ACC-TOILET", "fail-two-toilets-no-accessible-one.dxf")
    assert "2 处卫生间" in toilet.message
    for name in ("pass-no-toilets-drawn.dxf", "pass-toilet-with-accessible-cubicle.dxf"):
        assert not fired("ACC-TOILET", name)


def test_knee_space_under_the_accessible_counter():
    (short,) = fired("CNTR-HEIGHT", "fail-knee-space-400-deep.dxf")
    assert short.severity == "error" and short.mandatory and short.measured == 400 and short.limit == 450
    (unstated,) = fired("CNTR-HEIGHT", "fail-knee-space-not-stated-warning.dxf")
    assert unstated.severity == "warning" and "KNEE_D" in unstated.message
    assert not fired("CNTR-HEIGHT", "fail-height-not-a-number.dxf")[0].mandatory  # an ordinary counter


def test_a_room_off_the_ground_floor_states_its_corridor_to_the_exit():
    (long_,) = fired("EVAC-TRAVEL", "fail-second-floor-room-14m-corridor.dxf")
    assert long_.measured == 14.0 and long_.limit == 10.0 and long_.subject == ("hall", "corridor-to-exit")
    assert not fired("EVAC-TRAVEL", "pass-second-floor-room-8m-corridor.dxf")
    props, problems = PlanProperties.from_mapping({"BM_CORRIDOR_TO_EXIT_M": "0"})
    assert not problems and props.corridor_to_exit_m == 0.0


def test_the_csv_report_has_a_mandatory_column_last():
    import csv as _csv
    import io

    reports = [_report(_finding("EVAC-EXIT-WIDTH", "error", True), _finding("CNTR-DEPTH", "warning", False))]
    rows = list(_csv.reader(io.StringIO(WRITERS["csv"](reports, summarize(reports), RULESET, "zh"))))
    assert rows[0][-1] == "强条" and rows[1][-1] == "是" and rows[2][-1] == ""
    assert all(len(r) == len(rows[0]) for r in rows)
