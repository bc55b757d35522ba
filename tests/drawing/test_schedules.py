"""The schedules sheet speaks the builder's language (issue 25): 设施一览表 lists things by their
Chinese names, not by block codes such as BM_PRINTER."""

from __future__ import annotations

from pathlib import Path

import pdfplumber

from bianmin.drawing.drawing import facility_rows, write_drawing
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.model import PlacedObject

TEMPLATE = Path(__file__).resolve().parents[2] / "src" / "bianmin" / "templates" / "street-center.dxf"


def test_facility_schedule_names_things_without_block_codes():
    plan = read_plan(TEMPLATE).plan
    rows = facility_rows(plan)
    assert rows[0] == ["类别", "名称", "数量"]
    names = [r[1] for r in rows[1:]]
    assert "免费打印复印机" in names and "服务柜台" in names
    assert not any("BM_" in cell for row in rows for cell in row)


def test_a_block_outside_the_catalogue_keeps_its_own_name():
    plan = read_plan(TEMPLATE).plan
    odd = PlacedObject.place("BM_PRINTER", 0, 0)
    odd.block = "ARCH_PIANO"
    plan.objects.append(odd)
    assert ["其他", "图块 ARCH_PIANO", "1"] in facility_rows(plan)


def test_the_schedule_sheet_shows_names_not_codes(tmp_path):
    out = tmp_path / "set.pdf"
    write_drawing(read_plan(TEMPLATE), out)
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages[1:])
    assert "设施一览表" in text and "免费打印复印机" in text
    assert "BM_PRINTER" not in text and "BM_" not in text
