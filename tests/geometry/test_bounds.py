"""The intake bound (geometry/dxf/bounds.py, issue 27): absurd numbers and sizes are left out in one
place, named by handle, kept in the file, and nothing downstream meets them."""

import subprocess
import sys

import ezdxf
import pytest

from bianmin.geometry.dxf.bounds import MAX_OBJECTS, bounds_of
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.intake import IssueKind
from tests.fixtures.hostile import write_case

SMALL = [
    "door-arc-radius-1e300",
    "door-line-end-1e300",
    "insert-scale-1e300",
    "insert-scale-minus-1e300",
    "coordinates-1e308",
    "mtext-2500000-characters",
    "wall-minsert-5000x5000",
]


@pytest.mark.parametrize("case", SMALL)
def test_an_absurd_entity_is_left_out_named_and_kept_in_the_file(tmp_path, case):
    path = write_case(case, tmp_path)
    read = read_plan(path)
    issues = [i for i in read.intake.issues if i.kind is IssueKind.OUT_OF_BOUNDS]
    assert issues, case
    handle = issues[0].handles[0]
    assert f"#{handle}" in issues[0].message
    assert read.doc.entitydb.get(handle) is not None  # left out of the plan, not out of the file


@pytest.mark.parametrize("case", SMALL)
def test_no_rule_breaks_on_an_absurd_entity(tmp_path, case):
    from bianmin.standards.engine import check

    report = check(read_plan(write_case(case, tmp_path)).intake)
    internal = [f.message for f in report.findings if "内部错误" in f.message]
    assert internal == []
    assert any(f.rule == "DXF-BOUNDS" for f in report.findings)


def test_a_plan_within_the_bound_is_left_whole(tmp_path):
    from bianmin.templates import path_of

    doc = ezdxf.readfile(path_of("street-center"))
    assert bounds_of(doc).excluded == frozenset()


def test_survey_grid_coordinates_are_within_the_bound():
    """a real drawing in a city grid, in millimetres: 6,227,582,200 mm north is a real place"""
    doc = ezdxf.new()
    line = doc.modelspace().add_line((185_795_300, 6_227_582_200), (185_800_300, 6_227_582_200))
    assert bounds_of(doc).keeps(line)


def test_objects_beyond_the_limit_are_counted_in_one_finding(tmp_path):
    doc = ezdxf.new()
    block = doc.blocks.new("BM_SEAT")
    block.add_lwpolyline([(0, 0), (500, 0), (500, 500), (0, 500)], close=True)
    for i in range(MAX_OBJECTS + 30):
        doc.modelspace().add_blockref("BM_SEAT", (i * 10, 0))
    b = bounds_of(doc)
    assert len(b.excluded) == 30
    assert "另有 10 个" in b.issues[-1].message


def test_a_block_holding_an_absurd_arc_is_not_drawn_but_its_other_inserts_read(tmp_path):
    doc = ezdxf.new()
    block = doc.blocks.new("DOOR")
    block.add_arc((0, 0), 1e300, 0, 90)
    ref = doc.modelspace().add_blockref("DOOR", (0, 0))
    b = bounds_of(doc)
    assert not b.draws(ref)
    assert b.keeps(ref)


@pytest.mark.slow
@pytest.mark.parametrize("command", ["recognize", "layout", "export pdf", "export report", "validate"])
def test_every_command_gets_through_an_arc_of_radius_1e300_promptly(tmp_path, command):
    """issue 27: recognize and the designer flattened this arc for minutes; now it is never read"""
    path = write_case("door-arc-radius-1e300", tmp_path)
    out = tmp_path / ("out.pdf" if command.startswith("export") else "out.dxf")
    args = [*command.split(), str(path)] + (["-o", str(out)] if command != "validate" else [])
    cli = "import sys; from bianmin.cli.main import main; sys.exit(main())"
    try:
        done = subprocess.run([sys.executable, "-c", cli, *args], capture_output=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{command} still runs after 60 s")
    assert b"Traceback" not in done.stderr, done.stderr[-2000:]
    assert done.returncode in (0, 1, 2)


def test_a_damaged_block_reference_is_said_in_words_not_the_library_s(monkeypatch, tmp_path):
    """issue 27: "'Attrib' object has no attribute 'dxf'" reached a reviewer's report"""
    from bianmin.geometry.dxf import plan_reader
    from bianmin.templates import path_of

    def broken(self, insert, matrix, nested):
        raise AttributeError("'Attrib' object has no attribute 'dxf'")

    monkeypatch.setattr(plan_reader.PlanReader, "_object", broken)
    read = read_plan(path_of("community-station"))
    issues = [i for i in read.intake.issues if i.kind is IssueKind.ENTITY_UNREADABLE]
    assert issues
    assert all("Attrib" not in i.message and "数据不完整" in i.message for i in issues)
    assert "'Attrib' object has no attribute 'dxf'" in issues[0].details[0]


def test_a_text_rotated_by_infinity_is_left_out_before_any_frontend_draws_it():
    """fuzz mutant 87: a TEXT with rotation inf made ezdxf's frontend flatten a glyph forever when the
    designer drew the background"""
    doc = ezdxf.new()
    text = doc.modelspace().add_text("1 (IMG.jpg)", dxfattribs={"height": 0.1, "rotation": float("inf")})
    fine = doc.modelspace().add_text("ok", dxfattribs={"height": 0.1, "rotation": 30.0})
    b = bounds_of(doc)
    assert not b.draws(text) and b.draws(fine)
    assert "旋转角" in b.issues[0].message


def test_writing_a_plan_into_a_drawing_with_a_nameless_insert(tmp_path):
    """fuzz mutant 351: an INSERT without a block name made `layout` end in a traceback when it
    wrote the plan back (the BM_PLANINFO lookup called .upper() on None)"""
    from bianmin.geometry.dxf.write import write_plan
    from bianmin.templates import path_of

    read = read_plan(path_of("street-center"))
    odd = read.doc.modelspace().add_blockref("BM_WATER", (1000, 1000))
    odd.dxf.discard("name")
    assert odd.dxf.get("name") is None
    write_plan(read.plan, tmp_path / "out.dxf", doc=read.doc, units_factor=read.units_factor)
    assert read_plan(tmp_path / "out.dxf").plan.hall is not None
