"""The DXF reader: transforms, units, aliases, encodings, arcs and bad input."""

import math

import ezdxf
import pytest
from shapely.geometry import Point

from bianmin.geometry.dxf.read import PlanReadError, read_plan
from bianmin.geometry.intake import UNIT_KINDS, IssueKind

from .helpers import counter_block, drawing, hall


def read(doc, tmp_path, name="plan.dxf"):
    path = tmp_path / name
    doc.saveas(path)
    return read_plan(path)


# -- INSERT transforms -----------------------------------------------------------


def test_rotated_insert_footprint_and_front(tmp_path):
    doc = drawing()
    hall(doc)
    counter_block(doc)
    doc.modelspace().add_blockref("BM_COUNTER", (5000, 6000), dxfattribs={"rotation": 90, "layer": "BM-COUNTER"})
    obj = read(doc, tmp_path).plan.objects[0]
    minx, miny, maxx, maxy = obj.footprint.bounds
    # 1600 x 800 turned by 90°: 800 wide in x, 1600 in y
    assert (maxx - minx, maxy - miny) == pytest.approx((800, 1600))
    assert obj.front_direction == pytest.approx((1.0, 0.0), abs=1e-9)  # local -Y turned 90° CCW
    assert obj.depth == pytest.approx(800)
    assert obj.rotation == pytest.approx(90)


def test_scaled_and_mirrored_insert(tmp_path):
    doc = drawing()
    hall(doc)
    counter_block(doc)
    doc.modelspace().add_blockref(
        "BM_COUNTER", (5000, 6000), dxfattribs={"xscale": -0.5, "yscale": 1.25, "layer": "BM-COUNTER"}
    )
    obj = read(doc, tmp_path).plan.objects[0]
    minx, miny, maxx, maxy = obj.footprint.bounds
    assert (minx, maxx) == pytest.approx((4600, 5400))
    assert (miny, maxy) == pytest.approx((5500, 6500))
    assert obj.depth == pytest.approx(1000)
    assert obj.length == pytest.approx(800)


def test_nested_insert_follows_both_transforms_and_base_point(tmp_path):
    doc = drawing()
    hall(doc)
    counter_block(doc)
    group = doc.blocks.new("ARCH_FURNITURE", base_point=(1000, 0))
    group.add_blockref("BM_COUNTER", (1000, 0), dxfattribs={"rotation": 90})
    doc.modelspace().add_blockref("ARCH_FURNITURE", (8000, 4000), dxfattribs={"rotation": 90})
    plan = read(doc, tmp_path).plan
    (obj,) = plan.objects
    assert obj.nested
    c = obj.footprint.centroid
    assert (c.x, c.y) == pytest.approx((8000, 4000))
    minx, miny, maxx, maxy = obj.footprint.bounds
    assert (maxx - minx, maxy - miny) == pytest.approx((1600, 800))  # turned twice: 180°


def test_block_footprint_is_union_of_closed_shapes_without_text(tmp_path):
    doc = drawing()
    hall(doc)
    blk = doc.blocks.new("BM_WATER")
    blk.add_lwpolyline([(0, 0), (400, 0), (400, 400), (0, 400)], close=True)
    blk.add_circle((600, 200), 100)
    blk.add_text("饮水机很长的说明文字", dxfattribs={"insert": (0, 5000), "height": 300})
    blk.add_point((9000, 9000))
    doc.modelspace().add_blockref("BM_WATER", (1000, 1000))
    obj = read(doc, tmp_path).plan.objects[0]
    minx, miny, maxx, maxy = obj.footprint.bounds
    assert (minx, miny, maxx) == pytest.approx((1000, 1000, 1700))
    assert maxy == pytest.approx(1400)
    assert obj.footprint.area == pytest.approx(400 * 400 + math.pi * 100**2, rel=0.01)


def test_block_of_lines_only_uses_their_extent(tmp_path):
    doc = drawing()
    hall(doc)
    blk = doc.blocks.new("BM_CHARGER")
    blk.add_line((0, 0), (500, 0))
    blk.add_line((500, 0), (500, 300))
    doc.modelspace().add_blockref("BM_CHARGER", (2000, 2000))
    obj = read(doc, tmp_path).plan.objects[0]
    assert obj.footprint.bounds == pytest.approx((2000, 2000, 2500, 2300))


def test_attributes_are_read(tmp_path):
    doc = drawing()
    hall(doc)
    counter_block(doc)
    ref = doc.modelspace().add_blockref("BM_COUNTER", (5000, 6000))
    ref.add_attrib("NO", "7")
    ref.add_attrib("type", "accessible")
    ref.add_attrib("HEIGHT", "780")
    obj = read(doc, tmp_path).plan.objects[0]
    assert obj.attr("NO") == "7" and obj.attr("TYPE") == "accessible"
    assert obj.attr_number("HEIGHT", 750) == 780


# -- units -------------------------------------------------------------------


@pytest.mark.parametrize("units,scale", [(4, 1.0), (5, 10.0), (6, 1000.0)])
def test_units_convert_to_millimetres(tmp_path, units, scale):
    doc = drawing(units)
    hall(doc, w=20000 / scale, h=12000 / scale)
    counter_block(doc)
    doc.modelspace().add_blockref(
        "BM_COUNTER", (5000 / scale, 6000 / scale), dxfattribs={"xscale": 1 / scale, "yscale": 1 / scale}
    )
    result = read(doc, tmp_path)
    assert result.plan.hall_area_m2 == pytest.approx(240.0)
    obj = result.plan.objects[0]
    assert obj.position == pytest.approx((5000, 6000))
    assert obj.depth == pytest.approx(800)
    assert not [i for i in result.intake.issues if i.kind in UNIT_KINDS]


@pytest.mark.parametrize("width,guess,factor", [(20000, "毫米", 1.0), (20, "米", 1000.0)])
def test_missing_units_are_guessed_from_hall_extent(tmp_path, width, guess, factor):
    doc = drawing(0)
    hall(doc, w=width, h=width * 0.6)
    result = read(doc, tmp_path)
    (issue,) = [i for i in result.intake.issues if i.kind in UNIT_KINDS]
    assert issue.kind is IssueKind.UNITS_GUESSED
    assert guess in issue.message
    assert result.units_factor == factor
    assert result.plan.hall_area_m2 == pytest.approx(240.0)


def test_inches_are_converted_and_reported(tmp_path):
    doc = drawing(1)
    hall(doc, w=1000, h=500)
    result = read(doc, tmp_path)
    assert result.plan.hall_area_m2 == pytest.approx(1000 * 500 * 25.4**2 / 1e6, rel=1e-6)
    assert any(i.kind is IssueKind.UNITS_CONVERTED and "英寸" in i.message for i in result.intake.issues)


# -- layer names ---------------------------------------------------------------


def test_chinese_aliases_and_any_case(tmp_path):
    doc = drawing()
    hall(doc, layer="BM-大厅")
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (4000, 0), (4000, 3000), (0, 3000)], close=True, dxfattribs={"layer": "bm-zone-wait"})
    msp.add_lwpolyline(
        [(5000, 0), (9000, 0), (9000, 3000), (5000, 3000)], close=True, dxfattribs={"layer": "BM-咨询导引区"}
    )
    msp.add_line((9000, 0), (11000, 0), dxfattribs={"layer": "BM-主入口"})
    msp.add_line((0, 5000), (0, 6500), dxfattribs={"layer": "Bm-Door-Exit"})
    plan = read(doc, tmp_path).plan
    assert plan.hall is not None
    assert sorted(z.kind for z in plan.zones) == ["consult", "wait"]
    assert sorted(o.kind for o in plan.openings) == ["exit", "main"]


def test_r12_gbk_file_with_chinese_layers(tmp_path):
    doc = ezdxf.new("R12")
    doc.encoding = "gbk"
    doc.header["$DWGCODEPAGE"] = "ANSI_936"
    for name in ("BM-大厅", "BM-服务等候区"):
        doc.layers.add(name)
    msp = doc.modelspace()
    msp.add_polyline2d([(0, 0), (20000, 0), (20000, 12000), (0, 12000)], close=True, dxfattribs={"layer": "BM-大厅"})
    msp.add_polyline2d(
        [(1000, 1000), (5000, 1000), (5000, 4000), (1000, 4000)], close=True, dxfattribs={"layer": "BM-服务等候区"}
    )
    path = tmp_path / "r12.dxf"
    doc.saveas(path)
    raw = path.read_bytes()
    assert "服务等候区".encode("gbk") in raw and "服务等候区".encode("utf-8") not in raw
    result = read_plan(path)
    assert result.doc.dxfversion == "AC1009"
    assert result.plan.hall_area_m2 == pytest.approx(240)
    assert [z.kind for z in result.plan.zones] == ["wait"]
    assert any(layer.dxf.name == "BM-服务等候区" for layer in result.doc.layers)


# -- arcs -----------------------------------------------------------------------


def test_bulge_arc_within_one_millimetre(tmp_path):
    doc = drawing()
    # a 10 m x 10 m hall whose top edge is a half circle of radius 5 m
    doc.modelspace().add_lwpolyline(
        [(0, 0, 0, 0, 0), (10000, 0, 0, 0, 0), (10000, 10000, 0, 0, 1.0), (0, 10000, 0, 0, 0)],
        format="xyseb",
        close=True,
        dxfattribs={"layer": "BM-HALL"},
    )
    poly = read(doc, tmp_path).plan.hall.polygon
    exact = 100.0 + math.pi * 25 / 2  # m²
    assert poly.area / 1e6 == pytest.approx(exact, abs=0.05)
    # every vertex of the arc lies on the circle; every chord within 1 mm of it
    centre = Point(5000, 10000)
    arc_pts = [p for p in poly.exterior.coords if p[1] > 10000 + 1e-6]
    assert len(arc_pts) > 10
    assert all(abs(centre.distance(Point(p)) - 5000) < 1e-6 for p in arc_pts)
    top = Point(5000, 15000)
    assert poly.exterior.distance(top) <= 1.0


def test_circle_is_a_closed_shape(tmp_path):
    doc = drawing()
    hall(doc)
    doc.modelspace().add_circle((5000, 5000), 1000, dxfattribs={"layer": "BM-OBSTACLE"})
    (obstacle,) = read(doc, tmp_path).plan.obstacles
    # chords within 1 mm of the arc: the area lost is under perimeter x 1 mm
    assert math.pi * 1e6 - 2 * math.pi * 1000 * 1.0 < obstacle.polygon.area <= math.pi * 1e6


# -- bad input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "content,words",
    [
        (b"", "空文件"),
        (b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "不是 DXF"),
        ("随便写的文字".encode("gbk"), "不是 DXF"),
    ],
)
def test_unreadable_files_raise_plan_read_error(tmp_path, content, words):
    path = tmp_path / "bad.dxf"
    path.write_bytes(content)
    with pytest.raises(PlanReadError, match=words):
        read_plan(path)


def test_missing_file(tmp_path):
    with pytest.raises(PlanReadError, match="不存在"):
        read_plan(tmp_path / "nope.dxf")


def test_file_cut_short_is_unreadable_or_recovered(tmp_path):
    src = tmp_path / "whole.dxf"
    doc = drawing()
    hall(doc)
    doc.saveas(src)
    data = src.read_bytes()
    for cut in (200, len(data) // 2, len(data) - 30):
        path = tmp_path / f"cut{cut}.dxf"
        path.write_bytes(data[:cut])
        try:
            result = read_plan(path)
        except PlanReadError as exc:
            assert "DXF" in str(exc)
        else:
            assert result.plan is not None


def test_self_inserting_block_is_a_finding_not_a_hang(tmp_path):
    doc = drawing()
    hall(doc)
    loop = doc.blocks.new("BM_WATER")
    loop.add_lwpolyline([(0, 0), (400, 0), (400, 400), (0, 400)], close=True)
    loop.add_blockref("BM_WATER", (100, 100))
    doc.modelspace().add_blockref("BM_WATER", (1000, 1000))
    result = read(doc, tmp_path)
    assert len(result.plan.objects) == 1
    assert any(i.kind is IssueKind.BLOCK_CYCLE and "引用自身" in i.message for i in result.intake.issues)


def test_broken_shapes_are_findings_with_handles(tmp_path):
    doc = drawing()
    hall(doc)
    msp = doc.modelspace()
    bowtie = msp.add_lwpolyline(
        [(0, 0), (1000, 1000), (1000, 0), (0, 1000)], close=True, dxfattribs={"layer": "BM-ZONE-WAIT"}
    )
    open_one = msp.add_lwpolyline([(0, 0), (1000, 0), (1000, 1000)], dxfattribs={"layer": "BM-ZONE-SELF"})
    flat = msp.add_lwpolyline([(0, 0), (1000, 0), (2000, 0)], close=True, dxfattribs={"layer": "BM-OBSTACLE"})
    dot = msp.add_line((500, 0), (500, 0), dxfattribs={"layer": "BM-DOOR-EXIT"})
    result = read(doc, tmp_path)
    issues = {tuple(i.handles): i.message for i in result.intake.issues if i.kind is IssueKind.SHAPE_UNUSABLE}
    assert "自相交" in issues[(bowtie.dxf.handle,)]
    assert "未闭合" in issues[(open_one.dxf.handle,)]
    assert "面积为零" in issues[(flat.dxf.handle,)]
    assert "宽度为零" in issues[(dot.dxf.handle,)]
    assert not result.plan.zones and not result.plan.obstacles and not result.plan.openings


def test_two_halls_leave_the_plan_without_hall(tmp_path):
    doc = drawing()
    hall(doc)
    hall(doc, w=5000, h=5000)
    result = read(doc, tmp_path)
    assert result.intake.hall_count == 2 and result.plan.hall is None


def test_recovered_real_file_reports_fixes(root):
    result = read_plan(root / "tests" / "fixtures" / "real" / "ezdxf-recover01.dxf")
    messages = [i.message for i in result.intake.issues if i.kind is IssueKind.RECOVERY_FIXED]
    assert any("68 处" in m for m in messages), messages


def test_recovered_summary_is_chinese_counts_by_kind_and_the_raw_words_are_details(root):
    """issue 14: the Chinese message counts the repairs by kind; ezdxf's English stays in the English
    message and in the details (JSON), never in the Chinese summary."""
    result = read_plan(root / "tests" / "fixtures" / "real" / "ezdxf-recover01.dxf")
    fixed = next(i for i in result.intake.issues if i.kind is IssueKind.RECOVERY_FIXED and "已自动修复" in i.message)
    assert "未定义的文字样式 63 处" in fixed.message and "文件段结构 5 处" in fixed.message
    assert not any(c.isascii() and c.isalpha() for c in fixed.message), fixed.message
    assert "undefined text style ×63" in fixed.message_en and "$EXTMIN" in fixed.message_en
    assert len(fixed.details) == 68 and any("ROMANS" in d for d in fixed.details)


def test_binary_dxf_is_read(tmp_path):
    doc = drawing()
    hall(doc)
    path = tmp_path / "bin.dxf"
    doc.saveas(path, fmt="bin")
    assert path.read_bytes().startswith(b"AutoCAD Binary DXF")
    assert read_plan(path).plan.hall_area_m2 == pytest.approx(240)


def test_a_block_of_collinear_lines_still_has_a_place(tmp_path):
    """Fuzz (issue 16): a camera block whose only entities lie on one line had an empty footprint, and
    SAFE-CAMERA broke on its centre ("getX called on empty Point")."""
    doc = drawing()
    hall(doc)
    block = doc.blocks.new("BM_CAMERA")
    block.add_line((-200, 0), (200, 0))
    block.add_line((0, 0), (100, 0))
    doc.modelspace().add_blockref("BM_CAMERA", (5000, 5000), dxfattribs={"layer": "BM-EQUIP"})
    cam = read(doc, tmp_path).plan.objects_of("BM_CAMERA")[0]
    assert not cam.footprint.is_empty and cam.footprint.area > 0
    assert cam.footprint.centroid.distance(Point(5000, 5000)) < 1
