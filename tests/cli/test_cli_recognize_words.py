"""issue 26: the report in words, --at in metres, --list and --room, BM_HALL_SETTING written."""

from __future__ import annotations

import json
import re

import ezdxf
from bianmin.cli.main import main
from bianmin.geometry.recognize.api import list_rooms, recognize_at

from tests.geometry.recognize_gen import build, cases

CASES = {c.name: c for c in cases()}


def _drawing(tmp_path, name):
    path = tmp_path / (name.replace(" ", "_") + ".dxf")
    build(CASES[name], path)
    return path


def test_the_report_names_doors_by_wall_and_number_without_coordinates_or_block_names(tmp_path, capsys):
    path = _drawing(tmp_path, "tarch toilets behind")
    assert main(["recognize", str(path)]) == 0
    out = capsys.readouterr().out
    assert "大厅：“便民服务大厅”，180.0 m²" in out
    assert "南墙 1 号门，宽 1.80 m，通向室外（主入口）" in out
    assert "北墙 4 号门，宽 1.00 m，通向楼梯间（安全出口）" in out
    assert "通向“男卫”（内门）" in out
    assert "M1821" not in out and "M1021" not in out
    assert not re.search(r"\(\s*-?\d+(\.\d+)?,\s*-?\d+(\.\d+)?\)", out), out  # no (x, y)


def test_json_keeps_coordinates_leads_to_and_the_hall_setting(tmp_path, capsys):
    path = _drawing(tmp_path, "hall on a corridor")
    assert main(["recognize", str(path), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["hall_setting"] == "room"
    assert sorted(o["leads_to"] for o in data["openings"]) == ["corridor", "corridor", "room"]
    assert all("start" in o and "source" in o for o in data["openings"])
    assert {r["label"] for r in data["rooms_found"]} >= {"走廊", "卫生间", "楼梯"}


def test_list_and_room(tmp_path, capsys):
    path = _drawing(tmp_path, "tarch toilets behind")
    assert main(["recognize", str(path), "--list"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"1\s+便民服务大厅\s+180.0 m²\s+6\s+← 大厅", out), out
    assert re.search(r"3\s+男卫\s+20.0 m²\s+1\s+\[不作大厅\]", out), out
    assert main(["recognize", str(path), "--room", "3"]) == 0
    assert "大厅：“男卫”，20.0 m²" in capsys.readouterr().out
    assert main(["recognize", str(path), "--room", "9"]) == 2
    assert main(["recognize", str(path), "--room", "3", "--at", "1,1"]) == 2


def test_at_in_metres_from_the_lower_left_and_in_drawing_units(tmp_path, capsys):
    path = _drawing(tmp_path, "tarch toilets behind")  # walls' lower-left at (-240, -240) mm
    assert main(["recognize", str(path), "--at", "2.24m,12.24m"]) == 0  # (2000, 12000): 男卫
    assert "大厅：“男卫”" in capsys.readouterr().out
    assert main(["recognize", str(path), "--at", "2000,12000"]) == 0
    assert "大厅：“男卫”" in capsys.readouterr().out
    assert main(["recognize", str(path), "--at", "2m,12000"]) == 2  # one in metres, one not: refused
    metres = CASES["in metres"]
    path = tmp_path / "m.dxf"
    build(metres, path)
    assert main(["recognize", str(path), "--at", "5.24m,5.24m"]) == 0
    assert "大厅：“便民服务大厅”" in capsys.readouterr().out


def test_the_designer_functions(tmp_path):
    doc, _ = build(CASES["hall on a corridor"])
    rooms = list_rooms(doc)
    assert [r.number for r in rooms] == list(range(1, len(rooms) + 1))
    assert rooms[0].label == "便民服务大厅"
    rec = recognize_at(doc, at=(3.0, 4.0), metres=True)  # lower-left (-6240, -240): the toilet, west of the hall
    assert rec.hall_label == "卫生间"


def test_the_hall_setting_is_written_as_a_plan_property(tmp_path):
    path = _drawing(tmp_path, "hall on a corridor")
    out = tmp_path / "out.dxf"
    assert main(["recognize", str(path), "-o", str(out)]) == 0
    doc = ezdxf.readfile(out)
    assert dict(doc.header.custom_vars).get("BM_HALL_SETTING") == "room"
    assert doc.layers.has_entry("BM-DOOR-EXIT")


def test_back_rooms_are_written_as_bm_room_outlines_with_their_names(tmp_path):
    path = _drawing(tmp_path, "tarch toilets behind")
    out = tmp_path / "out.dxf"
    assert main(["recognize", str(path), "-o", str(out)]) == 0
    doc = ezdxf.readfile(out)
    outlines = doc.modelspace().query('LWPOLYLINE[layer=="BM-ROOM"]')
    names = {t.dxf.text for t in doc.modelspace().query('TEXT[layer=="BM-ROOM"]')}
    assert names == {"男卫", "女卫", "保洁间"}  # the stair is no back room
    assert len(outlines) == 3
    assert dict(doc.header.custom_vars).get("BM_HALL_SETTING") == "building"
    assert main(["validate", str(out)]) in (0, 1)  # read as a plan, BM-ROOM and all


def test_the_centre_area_counts_the_back_rooms_for_hall_area(tmp_path, capsys):
    """issue 22/26: HALL-AREA measures the centre (hall and back rooms, XA 三(二)); recognize states it"""
    from bianmin.geometry.dxf.read import read_plan

    path = _drawing(tmp_path, "tarch toilets behind")
    out = tmp_path / "out.dxf"
    assert main(["recognize", str(path), "-o", str(out)]) == 0
    plan = read_plan(out).plan
    doc = ezdxf.readfile(out)
    rooms = sum(
        __import__("shapely").Polygon([(x, y) for x, y, *_ in e.get_points()]).area
        for e in doc.modelspace().query('LWPOLYLINE[layer=="BM-ROOM"]')
    )
    hall = plan.hall.polygon.area
    assert abs(plan.properties.centre_area_m2 - (hall + rooms) / 1e6) < 0.2
    assert plan.properties.centre_area_m2 > hall / 1e6  # HALL-AREA reads this (standards/rules/hall.py)
