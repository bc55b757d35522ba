"""The drawing's units in the designer: set in the plan dialog as one undo step, and guessed again
(and offered) once a hall is drawn in a drawing without units (issue 14)."""

import ezdxf
import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.designer.panels.plan_dialog import PlanPropertiesDialog  # noqa: E402
from bianmin.designer.units import guess_factor  # noqa: E402
from bianmin.geometry.dxf.read import read_plan  # noqa: E402
from bianmin.geometry.intake import UNIT_KINDS  # noqa: E402

from .gui import click, wait_validation  # noqa: E402


def _metres_drawing(path, *, insunits=0, with_plan=False):
    """An architect's 16 m x 10 m room drawn in metres; $INSUNITS as given (0: none)."""
    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = insunits
    msp = doc.modelspace()
    msp.add_lwpolyline([(0, 0), (16, 0), (16, 10), (0, 10)], close=True, dxfattribs={"layer": "WALL"})
    msp.add_line((4, 0), (4, 10), dxfattribs={"layer": "WALL"})
    if with_plan:
        msp.add_lwpolyline([(0, 0), (16, 0), (16, 10), (0, 10)], close=True, dxfattribs={"layer": "BM-HALL"})
        msp.add_lwpolyline([(1, 1), (5, 1), (5, 4), (1, 4)], close=True, dxfattribs={"layer": "BM-ZONE-WAIT"})
        msp.add_line((7, 0), (9, 0), dxfattribs={"layer": "BM-DOOR-MAIN"})
    doc.saveas(path)
    return path


def _units_notes(window):
    return [f for f in window.validator.last_report.findings if f.rule == "DXF-UNITS"]


def test_the_guess_from_a_hall():
    assert guess_factor(16) == 1000.0  # 16 units: metres
    assert guess_factor(1600) == 10.0  # centimetres
    assert guess_factor(16000) == 1.0  # millimetres
    assert guess_factor(0) is None and guess_factor(1e9) is None


def test_a_hall_picked_in_a_drawing_without_units_offers_metres_and_one_undo_takes_it_back(
    make_window, qtbot, tmp_path
):
    path = _metres_drawing(tmp_path / "metres.dxf")
    window = make_window(PlanDocument.open(path))
    assert window.document.read.units_factor == 1.0  # no hall yet: read as millimetres
    assert _units_notes(window) and window.units_offer is None
    window.choose_tool(("pick-hall",))
    click(window, (10, 5))  # inside the 16 x 10 room, as the screen shows it now (16 mm across)
    assert window.document.plan.hall.polygon.area == pytest.approx(160)  # 160 mm²
    assert window.units_offer == 1000.0 and window.units_button.isVisible() and "米" in window.units_button.text()

    steps = len(window.document._undo)
    with qtbot.waitSignal(window.validator.finished, timeout=20000):
        window.units_button.click()
    assert len(window.document._undo) == steps + 1 and not window.units_button.isVisible()
    assert window.document.plan.hall_area_m2 == pytest.approx(160)
    assert window.document.read.doc.header["$INSUNITS"] == 6 and not _units_notes(window)
    assert window.scene.background.boundingRect().width() == pytest.approx(16000, rel=0.01)

    window.document.undo()
    assert window.document.plan.hall.polygon.area == pytest.approx(160)  # mm² again
    assert window.document.read.units_factor == 1.0 and window.document.read.doc.header["$INSUNITS"] == 0
    assert window.scene.background.boundingRect().width() == pytest.approx(16, rel=0.01)
    assert wait_validation(qtbot, window) and _units_notes(window)
    window.document.redo()
    assert window.document.plan.hall_area_m2 == pytest.approx(160)

    out = tmp_path / "saved.dxf"
    window.document.save(out)
    again = read_plan(out)
    assert again.units_factor == 1000.0 and again.plan.hall_area_m2 == pytest.approx(160)
    assert not [i for i in again.intake.issues if i.kind in UNIT_KINDS]
    hall = next(e for e in again.doc.modelspace() if e.dxf.layer == "BM-HALL")
    assert max(x for x, *_ in hall.get_points()) == pytest.approx(16)  # the drawing's own numbers, in metres


def test_no_offer_when_the_drawing_says_its_units_or_the_guess_was_declined(make_window, tmp_path):
    window = make_window(PlanDocument.open(_metres_drawing(tmp_path / "says-mm.dxf", insunits=4)))
    window.choose_tool(("pick-hall",))
    click(window, (10, 5))
    assert window.document.plan.hall is not None and window.units_offer is None

    window = make_window(PlanDocument.open(_metres_drawing(tmp_path / "none.dxf")))
    window.units_declined.add(1000.0)
    window.choose_tool(("pick-hall",))
    click(window, (10, 5))
    assert window.document.plan.hall is not None and window.units_offer is None


def test_the_plan_dialog_sets_wrong_units_as_one_undo_step(make_window, qtbot, tmp_path):
    path = _metres_drawing(tmp_path / "wrong.dxf", insunits=4, with_plan=True)  # says mm, drawn in metres
    window = make_window(PlanDocument.open(path))
    plan = window.document.plan
    assert plan.hall.polygon.area == pytest.approx(160)
    zone_before = plan.zones[0]
    read = window.document.read
    dialog = PlanPropertiesDialog(plan.properties, units=(read.units_factor, True))
    qtbot.addWidget(dialog)
    assert dialog.units.currentText() == "毫米" and "已设单位" in dialog.units_note.text()
    dialog.units.setCurrentIndex(dialog.units.findData(1000.0))
    dialog.name.setText("新城区×××街道便民服务中心")
    steps = len(window.document._undo)
    window.apply_plan_dialog(dialog)
    assert len(window.document._undo) == steps + 1  # units and name: one step
    plan = window.document.plan
    assert plan.hall_area_m2 == pytest.approx(160) and plan.zones[0].polygon.area == pytest.approx(12e6)
    assert plan.openings[0].width == pytest.approx(2000) and plan.properties.name.startswith("新城区")
    assert read.doc.header["$INSUNITS"] == 6 and read.units_factor == 1000.0

    window.document.undo()
    plan = window.document.plan
    assert plan.zones[0] is zone_before and plan.hall.polygon.area == pytest.approx(160)
    assert plan.properties.name == "" and read.doc.header["$INSUNITS"] == 4 and read.units_factor == 1.0
    window.document.redo()
    side = read_plan(window.document.autosave(force=True))  # the autosave keeps the units set here
    assert side.units_factor == 1000.0 and side.plan.zones[0].polygon.area == pytest.approx(12e6)
    out = tmp_path / "saved.dxf"
    window.document.save(out)
    again = read_plan(out)
    assert again.units_factor == 1000.0 and again.plan.zones[0].polygon.area == pytest.approx(12e6)
    assert again.plan.properties.name.startswith("新城区")


def test_the_dialog_says_when_units_were_guessed(qtbot):
    from bianmin.geometry.properties import PlanProperties

    dialog = PlanPropertiesDialog(PlanProperties(), units=(1.0, False))
    qtbot.addWidget(dialog)
    assert "未设单位" in dialog.units_note.text() and dialog.result_units() is None
    dialog.units.setCurrentIndex(dialog.units.findData(10.0))
    assert dialog.result_units() == 10.0
    inches = PlanPropertiesDialog(PlanProperties(), units=(25.4, True))
    qtbot.addWidget(inches)
    assert inches.units.currentData() == 25.4 and inches.result_units() is None


def test_the_offer_asked_in_a_dialog_and_declined_is_not_asked_again(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(PlanDocument.open(_metres_drawing(tmp_path / "none.dxf")))
    asked = []
    monkeypatch.setattr(window, "_ask", lambda title, text: asked.append(text) or False)
    monkeypatch.setattr(window, "interactive", True)  # the question, as a user gets it (answered by _ask)
    monkeypatch.setattr(window, "confirm_discard", lambda: True)
    window.choose_tool(("pick-hall",))
    click(window, (10, 5))
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
    assert "米" in asked[0] and "16" in asked[0]  # the hall's long side as the new units would make it
    assert window.units_offer is None and not window.units_button.isVisible()
    window.document.undo()
    window.choose_tool(("pick-hall",))
    click(window, (10, 5))
    qtbot.wait(200)
    assert len(asked) == 1 and window.document.read.units_factor == 1.0
