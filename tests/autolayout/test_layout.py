"""bianmin layout (issue 13): bare halls come out passing, nothing the user placed moves."""

import math

import pytest

from bianmin.geometry.dxf.read import read_plan
from bianmin.cli.main import main
from bianmin.autolayout import KINDS, layout

from .layout_halls import HALLS


def _errors(report):
    return [(f.rule, f.message) for f in report.findings if f.severity == "error"]


def _shape(plan):
    """Everything the layout may not change: hall, openings and obstacles, by value."""
    return (
        tuple(plan.hall.outline),
        tuple((o.id, o.kind, o.start, o.end) for o in plan.openings),
        tuple((o.id, tuple(o.outline)) for o in plan.obstacles),
    )


@pytest.mark.parametrize("name", sorted(HALLS))
def test_bare_hall_comes_out_with_no_error(name):
    plan = HALLS[name]()
    before = _shape(plan)
    result = layout(plan)
    assert _errors(result.report) == []
    assert _shape(result.plan) == before
    assert plan.objects == [] and plan.zones == []  # the input plan itself is not touched
    blocks = {o.block for o in result.added}
    assert {"BM_COUNTER", "BM_SEAT", "BM_EXIT_SIGN", "BM_EXTINGUISHER", "BM_EMERGENCY_LIGHT"} <= blocks
    # every cover reports what it placed against its lower bound, never under the bound
    for placed, bound in result.covers.values():
        assert placed >= bound


def test_layout_is_deterministic():
    a, b = layout(HALLS["l-shaped"]()), layout(HALLS["l-shaped"]())
    key = [(o.block, tuple(round(v, 3) for v in o.transform), sorted(o.attribs.items())) for o in a.added]
    assert key == [(o.block, tuple(round(v, 3) for v in o.transform), sorted(o.attribs.items())) for o in b.added]
    assert [z.outline for z in a.plan.zones] == [z.outline for z in b.plan.zones]


def test_accessible_window_is_nearest_the_entrance_and_windows_are_numbered():
    result = layout(HALLS["street-20x14"]())
    counters = result.plan.counters
    entrance = result.plan.main_entrance
    nearest = min(counters, key=lambda c: c.footprint.distance(entrance.line))
    assert nearest.attr("TYPE") == "accessible"
    assert sorted(int(c.attr("NO")) for c in counters) == list(range(1, len(counters) + 1))


@pytest.mark.parametrize("template", ["street-center", "community-station"])
def test_template_without_fire_and_signs_gets_a_compliant_set_back(root, template):
    read = read_plan(root / "src" / "bianmin" / "templates" / f"{template}.dxf")
    plan = read.plan
    plan.objects = [o for o in plan.objects if o.spec.group not in ("fire", "sign")]
    kept = [(o.id, o.block, o.transform, dict(o.attribs)) for o in plan.objects]
    result = layout(plan)
    assert _errors(result.report) == []
    assert [(o.id, o.block, o.transform, dict(o.attribs)) for o in result.plan.objects[: len(kept)]] == kept
    added = {o.block for o in result.added}
    assert {"BM_EXIT_SIGN", "BM_EXTINGUISHER", "BM_SIGN_HOURS", "BM_SIGN_WINDOW"} <= added
    assert "BM_COUNTER" not in added  # the template's counters are enough


def test_only_fire_adds_fire_objects_only():
    result = layout(HALLS["street-20x14"](), only=["fire"])
    assert result.added and {o.spec.group for o in result.added} == {"fire"}
    assert result.plan.zones == []


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError):
        layout(HALLS["street-20x14"](), only=["furniture"])


def test_too_few_exits_is_said_with_the_fix():
    plan = HALLS["street-20x14"]()
    plan.openings = [o for o in plan.openings if o.kind == "main"]  # 280 m² with a single exit
    result = layout(plan)
    notes = [n for n in result.notes if n.rule == "EVAC-EXIT-COUNT"]
    assert notes and "需增设一个安全出口：大厅" in notes[0].zh
    assert result.added  # the rest is still laid out


def test_cli_writes_a_passing_plan(tmp_path, capsys):
    from bianmin.geometry.dxf.write import write_plan

    src, out = tmp_path / "bare.dxf", tmp_path / "done.dxf"
    write_plan(HALLS["l-shaped"](), src)
    assert main(["layout", str(src), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "下界" in text and "通过" in text
    assert main(["validate", str(out)]) == 0
    capsys.readouterr()
    assert main(["layout", str(src), "-o", str(src)]) == 2  # never over the input
    assert main(["layout", str(src), "-o", str(out), "--only", "zones,bogus"]) == 2
    # regression (tryout): -o over another file replaced it silently (another street's plan, the README)
    other = tmp_path / "other.dxf"
    other.write_bytes(b"another street's plan")
    assert main(["layout", str(src), "-o", str(other)]) == 2
    assert "--force" in capsys.readouterr().err
    assert other.read_bytes() == b"another street's plan"
    assert main(["layout", str(src), "-o", str(other), "--force"]) == 0
    assert other.read_bytes().startswith(b"  0\r\nSECTION") or b"SECTION" in other.read_bytes()[:100]
    assert set(KINDS) == {"zones", "counters", "seats", "equipment", "signs", "fire"}


def test_back_office_is_behind_the_counters_and_zones_do_not_overlap():
    result = layout(HALLS["street-20x14"]())
    plan = result.plan
    (office,) = plan.zones_of("office")
    # the entrance is on the south wall (y = 0): the office lies north of every counter's back
    assert office.polygon.bounds[1] >= max(c.footprint.bounds[3] for c in plan.counters) - 1.0
    zones = plan.zones
    for i, a in enumerate(zones):
        for b in zones[i + 1 :]:
            assert a.polygon.intersection(b.polygon).area < 1e5


def test_absurd_hall_is_refused_with_a_note_not_a_hang():
    from bianmin.geometry.model import Hall

    plan = HALLS["street-20x14"]()
    plan.hall = Hall(outline=[(0, 0, 0), (1e18, 0, 0), (1e18, 8000, 0), (0, 8000, 0)])
    result = layout(plan)
    assert result.added == [] and result.notes[0].rule == "DXF-HALL" and "异常" in result.notes[0].zh


def test_a_config_shortening_the_extinguisher_reach_places_more_extinguishers():
    """The layout's distances are the rules' parameters in the active configuration (autolayout/params.py)."""
    from bianmin.standards.config import Config

    short = Config.from_dict({"rules": {"FIRE-EXT-REACH": {"max_distance_m": {"medium": 10.0}}}})
    plan = HALLS["columns-30x20"]()
    plan.properties.fire_hazard = "medium"
    default = layout(plan, ("fire",))
    shorter = layout(plan, ("fire",), config=short)
    n_default = len([o for o in default.added if o.block == "BM_EXTINGUISHER"])
    n_short = len([o for o in shorter.added if o.block == "BM_EXTINGUISHER"])
    assert n_short > n_default
    assert "FIRE-EXT-REACH" not in [r for r, _ in _errors(shorter.report)]  # checked with the same config


def test_a_config_widening_the_passage_changes_where_objects_stand(tmp_path):
    from bianmin.standards.config import Config

    wide = Config.from_dict({"rules": {"EVAC-PASSAGE": {"min_width_mm": 2500.0}}})
    plan = HALLS["street-20x14"]()

    def spots(result):
        return [(o.block, tuple(round(v) for v in o.transform)) for o in result.added]

    assert spots(layout(plan, config=wide, check=False)) != spots(layout(plan, check=False))


def test_cli_layout_reads_the_config(tmp_path, capsys):
    from bianmin.geometry.dxf.write import write_plan

    src, toml = tmp_path / "hall.dxf", tmp_path / "bureau.toml"
    write_plan(HALLS["columns-30x20"](), src)
    toml.write_text('[rules."FIRE-EXT-REACH"]\nmax_distance_m = { medium = 10.0 }\n', encoding="utf-8")
    counts = []
    for extra in ([], ["--config", str(toml)]):
        out = tmp_path / f"out{len(extra)}.dxf"
        assert main(["layout", str(src), "-o", str(out), "--only", "fire", *extra]) in (0, 1)
        counts.append(len(read_plan(out).plan.objects_of("BM_EXTINGUISHER")))
    assert counts[1] > counts[0]
    bad = tmp_path / "bad.toml"
    bad.write_text("nonsense = 1\n", encoding="utf-8")
    assert main(["layout", str(src), "-o", str(tmp_path / "x.dxf"), "--config", str(bad)]) == 2


def test_the_fix_table_names_only_rules_that_exist():
    """autolayout/fixes.py: the one table from rule id to fix; a misspelt id would never be fixed."""
    from bianmin.autolayout import fixes
    from bianmin.standards.rules import all_rules

    assert {*fixes.PLACES, *fixes.UNMET, fixes.MENDS} <= set(all_rules())
    assert fixes.unmet_words("EVAC-PASSAGE", "东", "east") == (
        "需在东侧腾出 1.1 m 宽的疏散通道",
        "clear a 1.1 m passage on the east side",
    )


@pytest.mark.parametrize("name", ["street-20x14", "long-40x8", "rotated", "l-shaped"])
def test_windows_are_numbered_left_to_right_as_seen_from_the_waiting_area(name):
    """issue 24/25: windows came out numbered 5 4 2 1 3 (sorted by distance from the door)"""
    import math

    from bianmin.autolayout.site import Site

    result = layout(HALLS[name]())
    site = Site(result.plan)
    counters = sorted(result.plan.counters, key=lambda c: int(c.attr("NO")))
    # facing the counters from the waiting area (+v), each next number stands further right (+u)
    us = []
    for c in counters:
        dx, dy = c.position[0] - site.origin[0], c.position[1] - site.origin[1]
        a = math.radians(site.angle)
        us.append(dx * math.cos(a) + dy * math.sin(a))
    assert us == sorted(us), [round(u) for u in us]


def test_the_counter_row_is_centred_on_the_entrance_axis_in_a_long_hall():
    """issue 24: the row was packed from the back wall's left end, 21 m from a central entrance"""
    import math

    from bianmin.autolayout.site import Site

    result = layout(HALLS["long-40x8"]())
    site = Site(result.plan)
    a = math.radians(site.angle)
    us = [
        (c.position[0] - site.origin[0]) * math.cos(a) + (c.position[1] - site.origin[1]) * math.sin(a)
        for c in result.plan.counters
    ]
    assert abs(sum(us) / len(us)) < 3000.0, [round(u) for u in us]


@pytest.mark.parametrize("name", ["street-20x14", "long-40x12", "columns-30x20"])
def test_windows_are_numbered_left_to_right_and_the_accessible_one_is_nearest_the_entrance(name):
    # issue 25 item 12: 自动布置 numbered the windows 5 4 2 1 3 (sorted by distance from the entrance)
    result = layout(HALLS[name]())
    counters = result.plan.objects_of("BM_COUNTER")
    assert len(counters) >= 3
    # these halls have their entrance on the wall y = 0: seen from the waiting area (facing +y) left is -x
    by_x = sorted(counters, key=lambda c: c.position[0])
    assert [int(c.attr("NO")) for c in by_x] == sorted(int(c.attr("NO")) for c in counters)
    door = next(o for o in result.plan.openings if o.kind == "main").midpoint
    nearest = min(counters, key=lambda c: math.hypot(c.position[0] - door[0], c.position[1] - door[1]))
    assert nearest.attr("TYPE").lower() == "accessible"


@pytest.mark.parametrize("name", ["street-20x14", "l-shaped", "long-40x8"])
def test_no_wall_sign_hangs_in_or_beside_a_doorway(name):
    """issue 25 item 6: wall signs placed by the layout and the fixes sat in the entrance opening,
    over the 主入口 label"""
    result = layout(HALLS[name]())
    hall = result.plan.hall.polygon
    for o in result.added:
        if not o.block.startswith("BM_SIGN"):  # (the exit sign belongs over its door, GB 51309 3.2.8)
            continue
        for door in result.plan.openings:
            assert o.footprint.distance(door.line) >= 250.0, (o.block, door.kind)
        assert hall.buffer(1.0).contains(o.footprint), o.block  # inside the hall, against its wall
