"""Issue 25 item 8: recognition in the designer — clicking a room of the architect's drawing makes
it the hall, the recognized outline's corners can be dragged, the dialog speaks of the designer's
tool and not of a command-line flag, and the units it found are the units the findings say."""

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import Qt  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402

from ..geometry.recognize_drawings import Variant, build  # noqa: E402
from .gui import click, mouse, wait_validation  # noqa: E402


def _choose_in_palette(window, qtbot, words):
    palette = window.palette
    for g in range(palette.topLevelItemCount()):
        group = palette.topLevelItem(g)
        for c in range(group.childCount()):
            item = group.child(c)
            if item.text(0) == words:
                palette.scrollToItem(item)
                rect = palette.visualItemRect(item)
                qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
                return
    raise AssertionError(f"no {words} in the palette")


def test_click_a_room_to_recognize_it_then_drag_a_corner(make_window, qtbot, tmp_path):
    src = tmp_path / "architect.dxf"
    build(Variant(), path=src)
    window = make_window(PlanDocument.open(src))
    assert window.document.plan.hall is None
    _choose_in_palette(window, qtbot, "单击识别房间")
    click(window, (9000, 8000))  # inside the hall of the architect's drawing
    hall = window.document.plan.hall
    assert hall is not None and hall.polygon.area / 1e6 == pytest.approx(216.0, rel=0.01)
    assert window.tool is window.select_tool and window.scene.items_by_id[hall.id].isSelected()
    assert len(window.select_tool._handles) == len(hall.outline), "its corners are shown to be grabbed"
    # the corner at (0, 12000) dragged up by 1 m: the hall grows by a triangle of 18 m x 1 m / 2
    corner = min(hall.outline, key=lambda v: (v[0] - 0) ** 2 + (v[1] - 12000) ** 2)
    mouse(window, "press", corner[:2])
    mouse(window, "move", (corner[0], corner[1] + 500), held=Qt.MouseButton.LeftButton)
    mouse(window, "move", (corner[0], corner[1] + 1000), held=Qt.MouseButton.LeftButton)
    mouse(window, "release", (corner[0], corner[1] + 1000))
    grown = window.document.plan.hall
    assert grown.polygon.area / 1e6 == pytest.approx(216.0 + 9.0, rel=0.01)
    window.document.undo()
    assert window.document.plan.hall.polygon.area / 1e6 == pytest.approx(216.0, rel=0.01)


def test_pick_hall_without_a_closed_polyline_recognizes_the_room(make_window, qtbot, tmp_path):
    src = tmp_path / "architect.dxf"
    build(Variant(), path=src)  # walls as LINEs: no closed polyline to pick
    window = make_window(PlanDocument.open(src))
    window.choose_tool(("pick-hall",))
    click(window, (9000, 8000))
    hall = window.document.plan.hall
    assert hall is not None and hall.polygon.area / 1e6 == pytest.approx(216.0, rel=0.01)


def test_the_dialog_speaks_of_the_tool_not_of_a_flag(make_window):
    window = make_window(PlanDocument.new())
    window.acts["recognize"].trigger()
    said = window.last_error[1] + window.last_recognition
    assert "--at" not in said
    assert "单击识别房间" in said or "Click a room" in said


def test_units_in_the_findings_agree_with_the_recognition(make_window, qtbot, tmp_path):
    src = tmp_path / "architect-in-metres.dxf"
    build(Variant(metres=True, insunits=False), path=src)
    window = make_window(PlanDocument.open(src))
    window.acts["recognize"].trigger()
    assert "米" in window.last_recognition
    report = wait_validation(qtbot, window)
    units = [f for f in report.findings if f.rule == "DXF-UNITS"]
    assert not any("毫米" in f.message for f in units), [f.message for f in units]
