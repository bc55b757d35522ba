"""Issue 25 item 11: Save never writes over the architect's drawing unasked; the first Save dialog
opens in the drawing's folder or Documents, never the templates folder; Save As offers the DXF version."""

from pathlib import Path

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import Qt  # noqa: E402
from PyQt6.QtTest import QTest  # noqa: E402
from PyQt6.QtWidgets import QFileDialog  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.geometry.dxf.read import read_plan  # noqa: E402

from ..geometry.recognize_drawings import Variant, build  # noqa: E402


class Dialog:
    """Stands for the user in the save dialog: records what it was offered, answers with a choice."""

    def __init__(self, answer=None, file_type=None):
        self.calls, self.answer, self.file_type = [], answer, file_type

    def __call__(self, parent, caption, start, filters, selected=None, *rest):
        self.calls.append((start, filters.split(";;"), selected))
        if self.answer is None:
            return "", ""
        return str(self.answer), self.file_type or selected


def _press_ctrl_s(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_s_on_the_architects_drawing_proposes_a_new_name(make_window, qtbot, tmp_path, monkeypatch):
    src = tmp_path / "建筑平面.dxf"
    build(Variant(metres=True, insunits=False), path=src)
    before = src.read_bytes()
    window = make_window(PlanDocument.open(src))
    window.acts["recognize"].trigger()  # an edit: there is something to save
    window.interactive = True  # from here on the window asks, as it does for a person
    dialog = Dialog()  # the user cancels
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    _press_ctrl_s(window, qtbot)
    assert dialog.calls, "Ctrl+S asked where to save"
    assert Path(dialog.calls[0][0]) == tmp_path / "建筑平面-布置.dxf"
    assert src.read_bytes() == before, "the architect's drawing is untouched"
    # accepted: the plan goes to the new file, and the next Ctrl+S writes there without asking
    dialog.answer = tmp_path / "建筑平面-布置.dxf"
    _press_ctrl_s(window, qtbot)
    assert src.read_bytes() == before
    assert read_plan(tmp_path / "建筑平面-布置.dxf").plan.hall is not None
    asked = len(dialog.calls)
    _press_ctrl_s(window, qtbot)
    assert len(dialog.calls) == asked, "the planner's own copy is saved in place"
    window.interactive = False


def test_save_without_questions_writes_the_planner_copy(make_window, tmp_path):
    src = tmp_path / "建筑平面.dxf"
    build(Variant(metres=True, insunits=False), path=src)
    before = src.read_bytes()
    window = make_window(PlanDocument.open(src))
    window.acts["recognize"].trigger()
    assert window.save()
    assert src.read_bytes() == before
    assert read_plan(tmp_path / "建筑平面-布置.dxf").plan.hall is not None


def test_first_save_of_a_template_plan_opens_outside_the_templates_folder(make_window, qtbot, monkeypatch):
    from bianmin.templates import path_of

    window = make_window(PlanDocument.from_template("street-center"))
    templates = path_of("street-center").parent.resolve()
    window.settings.setValue("last_dir", str(templates))  # as a template opened earlier left it
    dialog = Dialog()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    _press_ctrl_s(window, qtbot)
    start = Path(dialog.calls[0][0]).resolve()
    assert templates not in start.parents and start != templates
    assert start.suffix == ".dxf"


def test_save_as_offers_the_dxf_version_and_writes_it(make_window, qtbot, tmp_path, monkeypatch):
    window = make_window(PlanDocument.from_template("street-center"))
    out = tmp_path / "plan.dxf"
    dialog = Dialog(answer=out)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    window.acts["save_as"].trigger()
    _, filters, selected = dialog.calls[0]
    assert any("2004" in f for f in filters) and any("2018" in f for f in filters)
    assert selected in filters
    dialog.file_type = next(f for f in filters if "2004" in f)
    out2 = tmp_path / "plan-2004.dxf"
    dialog.answer = out2
    window.acts["save_as"].trigger()
    head = out2.read_text(encoding="utf-8", errors="replace")
    assert "AC1018" in head[:2000]
