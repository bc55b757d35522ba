"""The designer's PDF export asks for paper, scale and the title block's names and remembers them (issue 14)."""

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import QSettings  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.designer.panels.export_dialog import ExportDrawingDialog  # noqa: E402


def _settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


def test_the_dialog_gives_the_options_and_remembers_them(qtbot, tmp_path):
    dialog = ExportDrawingDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    assert dialog.options() == {
        "paper": "A3",
        "orientation": "landscape",
        "scale": "auto",
        "drawing_no": "BM-01",
        "designer": "",
        "checker": "",
        "approver": "",
    }
    dialog.paper.setCurrentIndex(dialog.paper.findData("A2"))
    dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
    dialog.scale.setCurrentIndex(dialog.scale.findData("150"))
    dialog.designer.setText("张设计 ")
    dialog.checker.setText("李校对")
    dialog.approver.setText("王审核")
    dialog.number.setText("BM-07")
    dialog.accept()
    assert dialog.result() == 1
    again = ExportDrawingDialog(_settings(tmp_path))  # a later session
    qtbot.addWidget(again)
    assert again.options() == {
        "paper": "A2",
        "orientation": "portrait",
        "scale": "150",
        "drawing_no": "BM-07",
        "designer": "张设计",
        "checker": "李校对",
        "approver": "王审核",
    }
    again.scale.setEditText("1:250")  # a scale not in the list, typed
    assert again.options()["scale"] == "250"


def test_a_scale_that_is_no_scale_is_said_in_the_dialog(qtbot, tmp_path):
    dialog = ExportDrawingDialog(_settings(tmp_path))
    qtbot.addWidget(dialog)
    dialog.scale.setEditText("一比一百")
    dialog.accept()
    assert dialog.result() == 0 and "比例应为数字" in dialog.problem.text() and not dialog.problem.isHidden()
    assert _settings(tmp_path).value("export/scale") is None  # nothing remembered from a refused dialog


def test_the_title_block_carries_the_names_and_the_paper_is_used(make_window, monkeypatch, tmp_path):
    from pypdf import PdfReader

    window = make_window(PlanDocument.from_template("community-station"))

    def fill(dialog):
        dialog.paper.setCurrentIndex(dialog.paper.findData("A4"))
        dialog.orientation.setCurrentIndex(dialog.orientation.findData("portrait"))
        dialog.designer.setText("张设计")
        dialog.checker.setText("李校对")
        dialog.approver.setText("王审核")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ExportDrawingDialog, "exec", fill)
    out = tmp_path / "drawing.pdf"
    monkeypatch.setattr(
        "bianmin.designer.actions.export.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "PDF (*.pdf)")
    )
    window.export_drawing()
    first = PdfReader(str(out)).pages[0]
    text = first.extract_text()
    assert "张设计" in text and "李校对" in text and "王审核" in text
    width_mm, height_mm = (float(v) * 25.4 / 72 for v in (first.mediabox.width, first.mediabox.height))
    assert (round(width_mm), round(height_mm)) == (210, 297)
    assert window.settings.value("export/designer") == "张设计"
