"""The split reader (issue 16): a large drawing's simple background is left out before ezdxf reads it,
and the plan read from the rest is exactly the plan read from the whole file."""

from pathlib import Path

import ezdxf
import pytest

from bianmin.geometry.dxf import load as dxf_load, read as dxf_read, split as dxf_split
from bianmin.templates import path_of

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def split_everything(monkeypatch):
    monkeypatch.setattr(dxf_load, "SPLIT_ABOVE_BYTES", 0)
    monkeypatch.setattr(dxf_split, "MIN_ENTITIES", 1)


def signature(result):
    plan = result.plan
    return (
        plan.hall.outline if plan.hall else None,
        sorted((o.kind, o.start, o.end) for o in plan.openings),
        sorted((o.block, o.transform, tuple(sorted(o.attribs.items()))) for o in plan.objects),
        sorted(str(z.outline) for z in plan.zones),
        len(plan.obstacles),
        len(plan.routes),
        sorted((i.kind, i.message) for i in result.intake.issues),
        result.bm_content,
        result.units_factor,
        plan.properties.to_mapping(),
    )


PLANS = [
    path_of("street-center"),
    path_of("community-station"),
    *sorted((ROOT / "samples").glob("*.dxf")),
    *sorted((ROOT / "tests" / "fixtures" / "real").glob("*.dxf")),
]


@pytest.mark.parametrize("path", PLANS, ids=lambda p: p.name)
def test_the_plan_read_without_the_simple_background_is_the_same(path, split_everything):
    try:
        whole = dxf_read.read_plan(path)
    except dxf_read.PlanReadError:
        pytest.skip("unreadable sample")
    split = dxf_read.read_plan(path, split="draw")
    assert signature(split) == signature(whole)


def test_architects_entities_are_taken_out_and_kept_as_numbers(tmp_path, split_everything):
    doc = ezdxf.readfile(path_of("street-center"))
    msp = doc.modelspace()
    doc.layers.add("墙体")
    for i in range(50):
        msp.add_line((i * 100, 0), (i * 100, 3000), dxfattribs={"layer": "墙体"})
    msp.add_text("门厅", height=300, dxfattribs={"layer": "墙体", "insert": (100, 200), "rotation": 90})
    msp.add_lwpolyline([(0, 0), (10, 0), (10, 10)], close=True, dxfattribs={"layer": "墙体"})
    msp.add_lwpolyline([(0, 0), (10, 0, 0, 0, 0.5)], dxfattribs={"layer": "墙体"})  # a bulge: ezdxf's
    msp.add_line((0, 0), (1, 1), dxfattribs={"layer": "BM-HALL"})  # a convention layer: the reader's
    path = tmp_path / "plan.dxf"
    doc.saveas(path)
    read = dxf_read.read_plan(path, split="draw")
    bg = read.background
    assert len(bg.lines["墙体"]) == 50 and bg.texts["墙体"][0][:5] == ("门厅", 100.0, 200.0, 300.0, 90.0)
    assert bg.polylines["墙体"] == [([(0.0, 0.0), (10.0, 0.0), (10.0, 10.0)], True)]
    left = [(e.dxftype(), e.dxf.layer) for e in read.doc.modelspace()]
    assert [x for x in left if x[1] == "墙体"] == [("LWPOLYLINE", "墙体")] and ("LINE", "BM-HALL") in left
    assert dxf_read.read_plan(path, split="check").background is None


def test_small_or_odd_files_are_read_whole():
    assert dxf_split.split(b"AutoCAD Binary DXF\r\n\x1a\x00") is None
    assert dxf_split.split(b"0\nSECTION\n2\nHEADER\n0\nENDSEC\n0\nEOF\n") is None
