"""The second edition of the rule set (issue 9): the figures each amended rule works out, the conditions
that choose its limit, the new plan properties, and where the conditions are shown."""

import json
from pathlib import Path

import pytest

from bianmin.geometry.properties import PlanProperties
from bianmin.cli.main import main
from bianmin.standards.engine import validate_path
from bianmin.standards.rule_docs import conditions, rules_markdown, rules_text
from bianmin.standards.rules import all_rules

FIX = Path(__file__).resolve().parents[1] / "fixtures" / "rules"

AMENDED = [
    "EVAC-EXIT-COUNT",
    "EVAC-TRAVEL",
    "EVAC-EXIT-WIDTH",
    "EVAC-TOTAL-WIDTH",
    "FIRE-EVAC-SIGN",
    "FIRE-EXT-RATING",
    "FIRE-ALARM",
    "ACC-ROUTE",
    "ACC-TURNING",
    "CNTR-HEIGHT",
    "CNTR-DEVICES",
    "META-NAME",
]


def fired(rule_id, name):
    report = validate_path(FIX / rule_id / name)
    return [f for f in report.findings if f.rule == rule_id]


# -- the new plan properties -------------------------------------------------------


def test_new_properties_parse_with_their_defaults():
    p, problems = PlanProperties.from_mapping({})
    assert not problems
    assert p.fire_resistance == 2 and p.fire_alarm_system is None and p.building_height_m is None
    assert p.alarm_system and not p.high_rise  # a street centre has an alarm system by default
    station, _ = PlanProperties.from_mapping({"BM_KIND": "community-station"})
    assert not station.alarm_system
    declared, _ = PlanProperties.from_mapping({"BM_KIND": "community-station", "BM_FIRE_ALARM_SYSTEM": "是"})
    assert declared.alarm_system


@pytest.mark.parametrize(
    "mapping,high",
    [
        ({"BM_BUILDING_FLOORS": "9"}, False),
        ({"BM_BUILDING_FLOORS": "10"}, True),
        ({"BM_BUILDING_FLOORS": "12", "BM_BUILDING_HEIGHT_M": "23.5"}, False),  # an explicit height decides
        ({"BM_BUILDING_FLOORS": "3", "BM_BUILDING_HEIGHT_M": "24.1"}, True),
    ],
)
def test_high_rise_by_height_or_storeys(mapping, high):
    p, problems = PlanProperties.from_mapping(mapping)
    assert not problems and p.high_rise is high


@pytest.mark.parametrize(
    "key,value",
    [
        ("BM_FIRE_RESISTANCE", "5"),
        ("BM_FIRE_RESISTANCE", "二级"),
        ("BM_FIRE_ALARM_SYSTEM", "maybe"),
        ("BM_BUILDING_HEIGHT_M", "nan"),
        ("BM_BUILDING_HEIGHT_M", "-3"),
        ("BM_BUILDING_HEIGHT_M", "1e300"),
    ],
)
def test_bad_values_are_problems_not_crashes(key, value):
    p, problems = PlanProperties.from_mapping({key: value})
    assert problems and key in problems[0]
    assert p.fire_resistance == 2 and p.building_height_m is None


def test_properties_round_trip_through_the_header_form():
    p, _ = PlanProperties.from_mapping(
        {"BM_FIRE_RESISTANCE": "3", "BM_FIRE_ALARM_SYSTEM": "no", "BM_BUILDING_HEIGHT_M": "31.5"}
    )
    mapping = p.to_mapping()
    assert mapping["BM_FIRE_RESISTANCE"] == "3" and mapping["BM_FIRE_ALARM_SYSTEM"] == "no"
    again, problems = PlanProperties.from_mapping(mapping)
    assert not problems and again == p


def test_set_knows_the_new_properties(capsys):
    path = str(FIX / "FIRE-ALARM" / "fail-no-alarm.dxf")
    code = main(["validate", path, "--set", "BM_FIRE_ALARM_SYSTEM=no", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert not [f for f in data["files"][0]["findings"] if f["rule"] == "FIRE-ALARM"]
    assert data["files"][0]["properties"]["BM_FIRE_ALARM_SYSTEM"] == "no"
    code = main(["validate", path, "--set", "BM_FIRE_RESISTANCE=7"])
    assert code == 2 and "BM_FIRE_RESISTANCE" in capsys.readouterr().err


# -- the figures of the amended rules ---------------------------------------------------


def test_extinguisher_rating_uses_k_rounding_basement_and_shares():
    assert not fired("FIRE-EXT-RATING", "pass-320m2-hydrant-4A.dxf")  # 0.9 × 320 ÷ 75 = 3.84 → 4 A
    total = fired("FIRE-EXT-RATING", "fail-320m2-no-hydrant-4A.dxf")[0]  # 1.0 × 320 ÷ 75 = 4.27 → 5 A
    assert (total.measured, total.limit, total.unit) == (4, 5, "A")
    assert "4.27" in total.message and "5A" in total.message and "K = 1.0" in total.message
    basement = fired("FIRE-EXT-RATING", "fail-320m2-basement-4A.dxf")[0]  # 1.3 × 0.9 × 320 ÷ 75 = 4.99 → 5 A
    assert basement.limit == 5 and "1.3" in basement.message and "K = 0.9" in basement.message
    share = fired("FIRE-EXT-RATING", "fail-1200m2-one-point-below-its-share.dxf")
    assert len(share) == 1 and share[0].limit == 7.5 and share[0].measured == 6  # Qe = 15 A ÷ 2


def test_total_width_by_storeys_grade_and_depth():
    assert not fired("EVAC-TOTAL-WIDTH", "pass-800m2-3-storeys.dxf")  # 400 people × 0.75 = 3.0 m
    six = fired("EVAC-TOTAL-WIDTH", "fail-800m2-ground-floor-of-6-storeys.dxf")[0]  # × 1.00 = 4.0 m
    assert six.limit == 4000 and six.measured == 3500 and "1.00" in six.message and "0.50" in six.message
    assert not fired("EVAC-TOTAL-WIDTH", "pass-800m2-first-basement.dxf")  # at most 10 m deep: 0.75
    assert fired("EVAC-TOTAL-WIDTH", "fail-800m2-third-basement.dxf")[0].limit == 4000
    assert fired("EVAC-TOTAL-WIDTH", "fail-800m2-3-storeys-grade-3.dxf")[0].limit == 4000


def test_travel_limit_for_dead_end_rooms():
    assert not fired("EVAC-TRAVEL", "pass-one-door-21m-3-storeys.dxf")  # 22 m
    high = fired("EVAC-TRAVEL", "fail-one-door-21m-high-rise.dxf")[0]
    assert high.limit == 20000 and 20000 < high.measured < 22000 and "高层" in high.message
    assert fired("EVAC-TRAVEL", "fail-one-door-21m-grade-3.dxf")[0].limit == 20000
    assert "37.5 m" in fired("EVAC-TRAVEL", "fail-60m-hall-exits-at-one-end.dxf")[0].message  # the remedy


def test_exit_count_by_area_and_occupants():
    f = fired("EVAC-EXIT-COUNT", "fail-110m2-one-exit-55-people.dxf")[0]
    assert "55" in f.message and f.limit == 2
    assert not fired("EVAC-EXIT-COUNT", "pass-80m2-one-exit.dxf")


def test_exit_width_on_a_high_rise_ground_floor():
    assert not fired("EVAC-EXIT-WIDTH", "pass-1000-wide-3-storeys-not-crowded.dxf")
    f = fired("EVAC-EXIT-WIDTH", "fail-1000-wide-high-rise-ground-floor.dxf")[0]
    assert f.limit == 1200 and f.measured == 1000 and f.subject == ("exit", "2")


def test_sign_gaps_by_mounting():
    assert not fired("FIRE-EVAC-SIGN", "pass-hung-signs-15m-apart.dxf")
    wall = fired("FIRE-EVAC-SIGN", "fail-wall-signs-15m-apart.dxf")[0]
    assert wall.limit == 10000 and 14500 < wall.measured < 15500
    assert fired("FIRE-EVAC-SIGN", "fail-floor-signs-15m-apart.dxf")[0].limit == 3000


def test_counter_height_advice_is_a_warning_the_accessible_limit_an_error():
    assert [f.severity for f in fired("CNTR-HEIGHT", "fail-general-820-warning.dxf")] == ["warning"]
    assert [f.severity for f in fired("CNTR-HEIGHT", "fail-accessible-900-error.dxf")] == ["error"]
    assert "750" in fired("CNTR-HEIGHT", "fail-1100-warning.dxf")[0].message


def test_doc_camera_missing_is_a_warning():
    f = fired("CNTR-DEVICES", "fail-no-doc-camera.dxf")
    assert [x.severity for x in f] == ["warning"] and "高拍仪" in f[0].message and "document camera" in f[0].message_en


def test_no_extinguisher_is_said_once():
    report = validate_path(FIX / "FIRE-EXT-REACH" / "pass-none-at-all-said-by-fire-ext-count.dxf")
    found = [f for f in report.findings if f.rule.startswith("FIRE-EXT")]
    assert [f.rule for f in found] == ["FIRE-EXT-COUNT"] and "没有灭火器" in found[0].message


# -- the conditions, shown -------------------------------------------------------------


@pytest.mark.parametrize(
    "rule_id",
    [
        "EVAC-EXIT-COUNT",
        "EVAC-TRAVEL",
        "EVAC-EXIT-WIDTH",
        "EVAC-TOTAL-WIDTH",
        "FIRE-EVAC-SIGN",
        "FIRE-EXT-RATING",
        "FIRE-ALARM",
        "ACC-ROUTE",
        "ACC-TURNING",
        "CNTR-HEIGHT",
        "CNTR-DEVICES",
        "META-NAME",
    ],
)
def test_amended_rules_state_their_conditions_in_both_languages(rule_id):
    r = all_rules()[rule_id]
    zh, en = conditions(r, "zh"), conditions(r, "en")
    assert zh and en and zh != en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en)


def test_rules_listing_and_docs_show_the_conditions():
    en = rules_text("en")
    assert "conditions: two or more exits: 30 m (grade 1-2)" in en
    assert "适用条件" in rules_text("zh")
    md = rules_markdown()
    assert "- conditions: gaps by mounting" in md and "- 适用条件: K：" in md


def test_citations_follow_the_amendments():
    rules = all_rules()
    assert rules["EVAC-EXIT-CLEAR"].source == "GB 50016 5.5.19; GA 654"
    assert rules["FIRE-EVAC-SIGN"].source == "GB 51309 3.2.9; GB 50016 10.3.5"
    # third edition (2019.3): the governing clause first, GB 55037 where it governs
    assert rules["FIRE-EXIT-SIGN"].source == "GB 51309 3.2.8; GB 50016 10.3.5"
    assert rules["FIRE-EMERGENCY-LIGHT"].source.startswith("GB 55037 10.1.10; GB 51309 3.2.5")
    assert rules["ACC-TURNING"].source == "GB 55019 3.6.3; GB 50763 3.15.3"
    assert rules["EVAC-EXIT-COUNT"].source.startswith("GB 55037 7.4.1, 7.4.2")
    assert rules["ACC-ROUTE"].params["min_width_mm"] == 1800
    assert "open_hall_m2" not in rules["FIRE-EVAC-SIGN"].params


def test_crowded_premises_width_only_when_the_bureau_says_so():
    from bianmin.standards.config import Config

    # third edition: the plan's BM_CROWDED decides too; a plan that says it is not crowded is forced by the config
    path = FIX / "EVAC-EXIT-WIDTH" / "pass-1000-wide-3-storeys-not-crowded.dxf"
    crowded = Config.from_dict({"rules": {"EVAC-EXIT-WIDTH": {"crowded": True}}})
    found = [f for f in validate_path(path, config=crowded).findings if f.rule == "EVAC-EXIT-WIDTH"]
    assert [f.limit for f in found] == [1400] and "人员密集" in found[0].message
    assert not [f for f in validate_path(path).findings if f.rule == "EVAC-EXIT-WIDTH"]
