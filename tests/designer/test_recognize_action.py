"""文件 > 识别建筑底图 in the designer: one undoable step, saved as BM- layers."""

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.geometry.dxf.read import read_plan  # noqa: E402

from ..geometry.recognize_drawings import Variant, build  # noqa: E402


def test_recognize_menu_is_one_undo_step_and_saves(make_window, tmp_path):
    src = tmp_path / "architect.dxf"
    _, truth = build(Variant(metres=True, insunits=False), path=src)
    window = make_window(PlanDocument.open(src))
    assert window.document.plan.hall is None
    window.acts["recognize"].trigger()
    plan = window.document.plan
    assert plan.hall is not None and plan.hall_area_m2 == pytest.approx(216.0, rel=0.01)
    assert sorted(o.kind for o in plan.openings) == ["door", "door", "exit", "main"]
    assert len(plan.obstacles) == 2
    assert window.document.read.units_factor == 1000.0
    assert "主入口" in window.last_recognition
    window.document.undo()
    assert window.document.plan.hall is None and not window.document.plan.openings
    assert window.document.read.units_factor == 1.0
    window.document.redo()
    assert window.document.plan.hall is not None
    out = tmp_path / "plan.dxf"
    assert window._save_to(out)
    again = read_plan(out)
    assert again.units_factor == 1000.0  # the guessed units were written to $INSUNITS
    assert again.plan.hall_area_m2 == pytest.approx(216.0, rel=0.01)
    assert len(again.plan.openings) == 4 and len(again.plan.obstacles) == 2


def test_recognize_menu_on_a_drawing_without_rooms_says_so(make_window):
    window = make_window(PlanDocument.new())
    window.acts["recognize"].trigger()
    assert window.document.plan.hall is None
    assert not window.document.can_undo
    assert window.last_error[0] in ("未找到房间", "No room found")
