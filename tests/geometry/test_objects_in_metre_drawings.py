"""An object placed in a drawing in metres or centimetres keeps its size when saved and read again (issue 14:
the designer lets a drawing's units be set to m or cm; the catalogue's blocks are drawn in mm)."""

import ezdxf
import pytest

from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.dxf.write import apply_plan, save_atomic
from bianmin.geometry.model import PlacedObject


def _drawing(path, insunits, own_block=False):
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = insunits
    k = {6: 1000.0, 5: 10.0, 4: 1.0}[insunits]
    doc.modelspace().add_lwpolyline(
        [(0, 0), (16000 / k, 0), (16000 / k, 10000 / k), (0, 10000 / k)], close=True, dxfattribs={"layer": "BM-HALL"}
    )
    if own_block:  # the drawing's own counter symbol, drawn in its own units (2 m x 1 m)
        block = doc.blocks.new("BM_COUNTER")
        block.add_lwpolyline([(-1, -0.5), (1, -0.5), (1, 0.5), (-1, 0.5)], close=True)
    doc.saveas(path)
    return path


@pytest.mark.parametrize("insunits", [6, 5, 4])
def test_a_placed_counter_keeps_its_size_and_place(tmp_path, insunits):
    read = read_plan(_drawing(tmp_path / "plan.dxf", insunits))
    counter = PlacedObject.place("BM_COUNTER", 5000, 4000, 30, attribs={"NO": "1"})
    read.plan.objects.append(counter)
    apply_plan(read.doc, read.plan, read.units_factor)
    save_atomic(read.doc, tmp_path / "saved.dxf")
    (again,) = read_plan(tmp_path / "saved.dxf").plan.objects
    assert again.footprint.area == pytest.approx(counter.footprint.area, rel=1e-6)
    assert again.position == pytest.approx((5000, 4000)) and again.rotation == pytest.approx(30)
    assert again.footprint.symmetric_difference(counter.footprint).area < 1.0  # mm²


def test_a_drawings_own_block_is_inserted_in_its_own_units(tmp_path):
    read = read_plan(_drawing(tmp_path / "plan.dxf", 6, own_block=True))
    read.plan.objects.append(PlacedObject.place("BM_COUNTER", 5000, 4000))
    apply_plan(read.doc, read.plan, read.units_factor)
    save_atomic(read.doc, tmp_path / "saved.dxf")
    (again,) = read_plan(tmp_path / "saved.dxf").plan.objects
    assert again.footprint.area == pytest.approx(2e6)  # its 2 m x 1 m, as drawn
