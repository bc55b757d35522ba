"""Recognition on architect-style drawings with known truth (tests/geometry/recognize_drawings.py)."""

from __future__ import annotations

import math

import pytest
from bianmin.geometry.recognize import recognize
from shapely.geometry import Point, Polygon

from .recognize_drawings import Variant, build

VARIANTS = {
    "double-line walls": Variant(),
    "rotated 30 degrees": Variant(rotate=30.0, offset=(500_000.0, 3_200_000.0)),
    "in metres": Variant(metres=True),
    "metres, no $INSUNITS": Variant(metres=True, insunits=False),
    "everything inside one block": Variant(one_block=True),
    "Chinese layer names": Variant(chinese=True),
    "no label": Variant(label=False),
    "walls on an unnamed layer (by shape)": Variant(wall_layer="0"),
    "hatched columns without outline": Variant(hatch_only_columns=True),
    "L-shaped hall": Variant(l_shape=True),
    "walls as closed polylines": Variant(wall_style="polylines"),
    "walls as hatches only": Variant(wall_style="hatch", rotate=12.0),
    "L-shaped, rotated, in one block, Chinese": Variant(l_shape=True, rotate=-73.0, one_block=True, chinese=True),
}


def _check(rec, truth, unit: float) -> None:
    """unit: mm per drawing unit; truth is in drawing units, the recognition in mm."""
    assert rec.found, rec.notes
    hall_truth = Polygon([(x * unit, y * unit) for x, y in truth.hall.exterior.coords])
    iou = rec.hall.intersection(hall_truth).area / rec.hall.union(hall_truth).area
    assert iou >= 0.98, f"hall IoU {iou:.4f}"
    for (mx, my), width, kind in truth.doors:
        mid = (mx * unit, my * unit)
        near = [o for o in rec.openings if math.dist(o.midpoint, mid) <= 200.0]
        assert near, f"no opening found near the {kind} door at {mid}"
        assert abs(near[0].width - width) <= 60.0, f"{kind} door width {near[0].width:.0f}, truth {width:.0f}"
        assert near[0].kind == kind, f"door at {mid} found as {near[0].kind}, truth {kind}"
    assert len(rec.openings) == len(truth.doors)
    for wx, wy in truth.windows:
        window = (wx * unit, wy * unit)
        assert all(math.dist(o.midpoint, window) > 300.0 for o in rec.openings), "window taken as a door"
    for cx, cy in truth.columns:
        assert any(o.contains(Point(cx * unit, cy * unit)) for o in rec.obstacles), f"column at {(cx, cy)} missed"
    assert len(rec.obstacles) == len(truth.columns)


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant(name):
    v = VARIANTS[name]
    doc, truth = build(v)
    rec = recognize(doc)
    unit = 1000.0 if v.metres else 1.0
    assert rec.factor == unit
    _check(rec, truth, unit)
    assert rec.doubts == []  # a hall with its doors found raises no doubt


def test_label_chooses_the_hall_and_the_point_overrides_it():
    doc, _truth = build(Variant())
    rec = recognize(doc)
    assert rec.hall_label == "便民服务大厅"
    office = recognize(doc, at=(21000.0, 9000.0))
    assert office.found and abs(office.hall.area - (24000 - 18240) * (12000 - 6240)) < 1.0
    # seen from the office, the door to the hall leads to a room: an internal door, no exit
    assert [o.kind for o in office.openings] == ["door"]


def test_no_label_takes_the_largest_room():
    doc, _ = build(Variant(label=False))
    rec = recognize(doc)
    assert any("最大的房间" in zh for zh, _ in rec.notes)
    assert rec.hall.area == pytest.approx(18000 * 12000, rel=1e-3)


def test_entrance_text_decides_the_main_entrance():
    doc, _truth = build(Variant())
    doc.modelspace().add_text("主入口", height=500, dxfattribs={"insert": (-1500, 4500)})  # by the west exit
    rec = recognize(doc)
    main = [o for o in rec.openings if o.kind == "main"]
    assert len(main) == 1 and math.dist(main[0].midpoint, (0.0, 4500.0)) < 200.0
    assert [o.kind for o in rec.openings].count("exit") == 1


def test_units_inferred_from_doors_when_missing():
    doc, _ = build(Variant(metres=True, insunits=False))
    rec = recognize(doc)
    assert rec.units_guessed and rec.factor == 1000.0
    assert any("门扇半径" in zh for zh, _ in rec.notes)


def test_a_drawing_without_walls_finds_no_room():
    import ezdxf

    doc = ezdxf.new("R2010")
    doc.modelspace().add_text("说明", dxfattribs={"insert": (0, 0)})
    doc.modelspace().add_circle((0, 0), 500)
    rec = recognize(doc)
    assert not rec.found and rec.notes


def test_a_block_that_inserts_itself_is_skipped():
    doc, truth = build(Variant())
    blk = doc.blocks.new("LOOP")
    blk.add_blockref("LOOP", (10, 0))
    blk.add_line((0, 0), (100, 0))
    doc.modelspace().add_blockref("LOOP", (50_000, 0))
    rec = recognize(doc)
    assert rec.found and any("LOOP" in zh for zh, _ in rec.notes)
    _check(rec, truth, 1.0)


def test_units_that_do_not_fit_the_drawing_are_not_believed():
    doc, truth = build(Variant(metres=True))
    doc.header["$INSUNITS"] = 4  # says millimetres: an 18 mm hall
    rec = recognize(doc)
    assert rec.factor == 1000.0 and rec.units_guessed
    assert any("不符" in zh for zh, _ in rec.notes)
    _check(rec, truth, 1000.0)


def test_a_block_bomb_is_cut_short_and_the_walls_drawn_first_still_count():
    doc, truth = build(Variant())
    prev = None
    for level in range(7):  # 8**6 = 262,144 lines if expanded
        blk = doc.blocks.new(f"BOMB{level}")
        if prev is None:
            blk.add_line((0, 0), (10, 0))
        else:
            for i in range(8):
                blk.add_blockref(prev, (i * 10, 0))
        prev = blk.name
    doc.modelspace().add_blockref(prev, (60_000, 0))
    rec = recognize(doc)
    assert any("图纸过大" in zh for zh, _ in rec.notes)
    _check(rec, truth, 1.0)


@pytest.mark.parametrize("factor, code", [(1.0, 4), (10.0, 5), (1000.0, 6), (25.4, 1), (304.8, 2)])
def test_every_guessed_unit_is_written_to_the_header(factor, code):
    """Regression (tryout): an inch drawing was recognized as inches, but $INSUNITS stayed 0, so
    validate read the saved plan as millimetres (a 96 m² hall as 0.1 m²)."""
    from types import SimpleNamespace

    import ezdxf

    from bianmin.geometry.recognize.output import set_units

    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 0
    assert set_units(doc, SimpleNamespace(factor=factor, units_guessed=True))
    assert doc.header["$INSUNITS"] == code
