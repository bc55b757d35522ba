"""A large drawing's simple background on paper from plain numbers (issue 16: 200,000 entities took
minutes through ezdxf's frontend): drawn where the sheet shows, as text where it is text, never a
layer the architect switched off."""

import ezdxf
import pdfplumber
import pytest

from bianmin.drawing.drawing import export_drawing
from bianmin.geometry.dxf import load as dxf_load, read as dxf_read, split as dxf_split
from bianmin.templates import path_of


@pytest.fixture
def split_everything(monkeypatch):
    monkeypatch.setattr(dxf_load, "SPLIT_ABOVE_BYTES", 0)
    monkeypatch.setattr(dxf_split, "MIN_ENTITIES", 1)


def test_simple_background_is_drawn_from_numbers(tmp_path, split_everything):
    doc = ezdxf.readfile(path_of("street-center"))
    msp = doc.modelspace()
    doc.layers.add("墙体")
    doc.layers.add("隐藏").off()
    for i in range(30):
        msp.add_line((i * 500, -3000), (i * 500, -1000), dxfattribs={"layer": "墙体"})
    msp.add_text("门厅", height=500, dxfattribs={"layer": "墙体", "insert": (2000, 3000)})
    msp.add_text("关掉", height=500, dxfattribs={"layer": "隐藏", "insert": (3000, 3000)})
    msp.add_text("远处", height=500, dxfattribs={"layer": "墙体", "insert": (9e6, 9e6)})
    msp.add_circle((5000, 5000), 800, dxfattribs={"layer": "墙体"})
    plan = tmp_path / "plan.dxf"
    doc.saveas(plan)
    assert dxf_read.read_plan(plan, split="draw").background.count == 34
    out = tmp_path / "plan.pdf"
    export_drawing(plan, out)
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        text = page.extract_text()
        greys = [x for x in page.lines + page.curves if x.get("stroking_color") in ((0.5, 0.5, 0.5), [0.5, 0.5, 0.5])]
    assert "门厅" in text and "关掉" not in text and "远处" not in text
    assert len(greys) >= 30  # the thirty walls (and the circle)
