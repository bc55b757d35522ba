"""The one vocabulary: every attribute and enumeration value defined once, with both labels."""

import re

import pytest

from bianmin.geometry import catalog
from bianmin.geometry.model import PlacedObject

VOCABS = {name: v for name, v in vars(catalog).items() if isinstance(v, catalog.Vocab)}
HAN = re.compile(r"[\u4e00-\u9fff]")


def test_the_enumerations_are_all_found():
    assert {
        "KINDS",
        "CONSTRUCTIONS",
        "HAZARDS",
        "FIRE_RESISTANCE",
        "OPENING_KINDS",
        "ZONE_KINDS",
        "SEVERITIES",
        "COUNTER_TYPES",
        "DEVICES",
        "MOUNTS",
        "RATINGS",
    } <= set(VOCABS)


@pytest.mark.parametrize("name", sorted(VOCABS))
def test_every_enumeration_value_has_both_labels(name):
    for key, (zh, en) in VOCABS[name].items():
        assert zh.strip() and en.strip(), (name, key)
        assert not HAN.search(en), (name, key, en)


# figures no default can stand for: a rule asks for them when they are missing (CNTR-HEIGHT's knee space)
STATED_BY_THE_DESIGNER = {("BM_COUNTER", "KNEE_W"), ("BM_COUNTER", "KNEE_H"), ("BM_COUNTER", "KNEE_D")}


@pytest.mark.parametrize("block", sorted(catalog.ATTRIBUTES))
def test_every_attribute_has_a_valid_default_and_both_labels(block):
    assert block in catalog.BLOCKS
    for spec in catalog.ATTRIBUTES[block]:
        assert spec.zh.strip() and spec.en.strip() and not HAN.search(spec.en), (block, spec.tag)
        assert spec.type in ("int", "float", "text", "choice", "list")
        assert spec.problem(spec.default) is None, (block, spec.tag, spec.default)
        if spec.type in ("int", "float") and (block, spec.tag) not in STATED_BY_THE_DESIGNER:
            assert spec.default and spec.range and spec.range[0] <= float(spec.default) <= spec.range[1]
        if spec.type in ("choice", "list"):
            assert spec.choices is not None and spec.default


def test_zone_and_opening_layers_use_the_enumeration_labels():
    # one name per opening kind: 内部门 on screen, on paper, in the tools and the panel alike
    for layer in catalog.LAYERS.values():
        if layer.role == "zone":
            assert (layer.zh, layer.en) == catalog.ZONE_KINDS[layer.kind]
        if layer.role == "opening":
            assert (layer.zh, layer.en) == catalog.OPENING_KINDS[layer.kind]


def test_absent_attributes_take_the_table_default():
    ext = PlacedObject.place("BM_EXTINGUISHER", 0, 0)
    assert ext.count() == 2 and ext.attr("RATING") == "2A"
    seat = PlacedObject.place("BM_SEAT", 0, 0)
    assert seat.count() == 1
    counter = PlacedObject.place("BM_COUNTER", 0, 0)
    assert counter.attr_number("HEIGHT") == 750.0 and counter.attr_number("SEATS") == 1.0


@pytest.mark.parametrize(
    "block,tag,raw,clamped",
    [
        ("BM_COUNTER", "SEATS", "1e9", 20.0),
        ("BM_COUNTER", "SEATS", "1e300", 20.0),
        ("BM_EXTINGUISHER", "COUNT", "1e18", 50.0),
        ("BM_SEAT", "COUNT", "1e300", 200.0),
        ("BM_CAMERA", "RANGE", "-5", 1000.0),
    ],
)
def test_absurd_numbers_are_clamped_and_reported(block, tag, raw, clamped):
    obj = PlacedObject.place(block, 0, 0, attribs={tag: raw})
    assert obj.attr_number(tag) == clamped
    problems = obj.attribute_problems()
    assert [p[0] for p in problems] == [tag]
    assert "范围" in problems[0][2][0] and "range" in problems[0][2][1]


def test_bad_choices_and_lists_are_reported():
    sign = PlacedObject.place("BM_EVAC_SIGN", 0, 0, attribs={"MOUNT": "sky"})
    assert sign.attribute_problems()[0][0] == "MOUNT"
    counter = PlacedObject.place("BM_COUNTER", 0, 0, attribs={"DEVICES": "computer,fax"})
    assert "fax" in counter.attribute_problems()[0][2][1]
    assert PlacedObject.place("BM_COUNTER", 0, 0, attribs={"DEVICES": "computer，scanner"}).attribute_problems() == []
    nan = PlacedObject.place("BM_CAMERA", 0, 0, attribs={"FOV": "nan"})
    assert nan.attr_number("FOV") is None and nan.number_or_default("FOV") == 90.0


def test_an_absurd_attribute_is_a_finding_and_the_check_ends():
    """Regression (issue 16): SEATS=1e9 on a counter ran the queue model for minutes."""
    import time

    from bianmin.geometry.dxf.read import read_plan
    from bianmin.standards.engine import check
    from bianmin.templates import path_of

    read = read_plan(path_of("community-station"))
    plan = read.plan
    counter = plan.counters[0]
    plan.objects[plan.objects.index(counter)] = PlacedObject(
        counter.block, counter.transform, counter.local, {**counter.attribs, "SEATS": "1e9"}, counter.id
    )
    plan.properties.peak_daily_visits = 400
    start = time.perf_counter()
    report = check(read.intake)
    assert time.perf_counter() - start < 20
    geometry = [f for f in report.findings if f.rule == "DXF-GEOMETRY"]
    assert geometry and "SEATS" in geometry[0].message and "1e9" in geometry[0].message


def test_docs_dxf_convention_md_is_generated_and_current():
    from pathlib import Path

    from bianmin.geometry.convention_doc import markdown

    current = (Path(__file__).resolve().parents[2] / "docs" / "dxf-convention.md").read_text(encoding="utf-8")
    assert current == markdown(), (
        "docs/dxf-convention.md is stale: run `python -m bianmin.geometry.convention_doc > docs/dxf-convention.md`"
    )


def test_every_plan_property_the_reader_knows_has_labels():
    from bianmin.geometry.properties import KEYS

    documented = {p.key for p in catalog.PLAN_PROPERTIES}
    assert set(KEYS) <= documented
    for p in catalog.PLAN_PROPERTIES:
        assert p.zh and p.en and not HAN.search(p.en) and p.default_en and not HAN.search(p.default_en)


def test_plan_property_defaults_come_from_the_catalogue():
    """The defaults the convention doc states are the ones the model uses (one place: catalog.py)."""
    from bianmin.geometry.catalog import PLAN_PROPERTIES
    from bianmin.geometry.properties import PlanProperties

    stated = {spec.key: spec.default for spec in PLAN_PROPERTIES if spec.default}
    assert stated, "the catalogue states no defaults"
    from_catalogue, problems = PlanProperties.from_mapping(stated)
    assert problems == []
    assert from_catalogue == PlanProperties()
    assert PlanProperties().kind == "street-center" and PlanProperties().service_minutes == 10.0


@pytest.mark.parametrize("plan", ["xiyilu-street-center.dxf", "taihualu-counters-wrong.dxf"])
def test_every_metric_a_check_reports_is_named_in_the_catalogue(root, plan):
    """Metric keys are produced by the analysis and the check context and named once, in
    catalog.METRICS; a new figure without a name would print as its key in every report."""
    from bianmin.geometry.catalog import METRICS
    from bianmin.standards.engine import validate_path

    report = validate_path(root / "samples" / plan)
    assert report.metrics, "the check reported no figures"
    assert set(report.metrics) - set(METRICS) == set()
