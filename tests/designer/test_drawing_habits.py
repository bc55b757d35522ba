"""Issue 25 item 10: typed sizes while drawing (Enter accepts), right-click finishes a polygon, snap
markers, sizes written on what is drawn or dragged, Ctrl+P prints the sheet set (pytest-qt, offscreen)."""

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import Qt  # noqa: E402
from PyQt6.QtTest import QTest  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402

from .gui import click, mouse  # noqa: E402


def _window(make_window, qtbot, document=None):
    window = make_window(document or PlanDocument.from_template("street-center"))
    window.activateWindow()
    qtbot.waitActive(window)
    window.view.setFocus()
    return window


def _type(window, text):
    """Keys as a person types them, into whatever has the focus (menu shortcuts included)."""
    for ch in text:
        QTest.keyClicks(window.view, ch)


def _enter(window):
    QTest.keyClick(window.view, Qt.Key.Key_Return)


def test_typed_lengths_and_angles_draw_a_polygon(make_window, qtbot):
    window = _window(make_window, qtbot)
    window.choose_tool(("poly", "obstacle"))
    before = len(window.document.plan.obstacles)
    _type(window, "2000,3000")  # the first corner by coordinates (mm)
    _enter(window)
    mouse(window, "move", (6000, 3000))  # the cursor shows the direction of a bare length
    _type(window, "2.5m")  # metres; m is also the measure tool's shortcut
    _enter(window)
    assert window.tool.points[-1] == pytest.approx((4500, 3000), abs=1)
    _type(window, "1500<90")
    _enter(window)
    _type(window, "@-2500,0")
    _enter(window)
    _enter(window)  # Enter with nothing typed finishes
    obstacles = window.document.plan.obstacles
    assert len(obstacles) == before + 1
    assert obstacles[-1].polygon.area == pytest.approx(2500 * 1500, rel=1e-6)
    assert obstacles[-1].polygon.bounds == pytest.approx((2000, 3000, 4500, 4500), abs=1)


def test_rectangle_by_a_click_and_a_typed_size(make_window, qtbot):
    window = _window(make_window, qtbot)
    window.choose_tool(("rect", "obstacle"))
    before = len(window.document.plan.obstacles)
    click(window, (3000, 2000))  # one corner, by a click (snapped to the 100 mm grid)
    mouse(window, "move", (5000, 4000))
    _type(window, "1200,800")
    _enter(window)
    obstacles = window.document.plan.obstacles
    assert len(obstacles) == before + 1
    assert obstacles[-1].polygon.bounds == pytest.approx((3000, 2000, 4200, 2800), abs=1)


def test_right_click_finishes_a_polygon(make_window, qtbot):
    window = _window(make_window, qtbot)
    window.choose_tool(("poly", "obstacle"))
    before = len(window.document.plan.obstacles)
    for xy in ((2000, 2000), (4000, 2000), (4000, 3000)):
        click(window, xy)
    mouse(window, "press", (4000, 3000), button=Qt.MouseButton.RightButton)
    mouse(window, "release", (4000, 3000), button=Qt.MouseButton.RightButton)
    assert len(window.document.plan.obstacles) == before + 1
    assert window.document.plan.obstacles[-1].polygon.area == pytest.approx(1000 * 2000 / 2, rel=1e-3)


def test_snaps_are_shown_as_markers(make_window, qtbot):
    window = _window(make_window, qtbot)
    window.choose_tool(("poly", "obstacle"))
    hall = window.document.plan.hall.polygon
    x0, y0, x1, y1 = hall.bounds
    mouse(window, "move", (x0 + 30, y0 + 30))  # near the hall's corner
    marker = window.tool._snap_marker
    assert marker is not None and marker.isVisible() and marker.scene() is window.scene
    assert (marker.pos().x(), marker.pos().y()) == pytest.approx((x0, y0), abs=1)
    mouse(window, "move", ((x0 + x1) / 2 + 30, y0 + 30))  # near the middle of the bottom wall
    assert marker.data(1) == "midpoint"
    assert (marker.pos().x(), marker.pos().y()) == pytest.approx(((x0 + x1) / 2, y0), abs=1)


def test_sizes_written_on_the_plan_while_drawing_and_dragging(make_window, qtbot):
    window = _window(make_window, qtbot)
    window.choose_tool(("rect", "obstacle"))
    mouse(window, "press", (3000, 2000))
    mouse(window, "move", (5000, 3500), held=Qt.MouseButton.LeftButton)
    assert window.tool.dimension_text() == "2.00 × 1.50 m"
    mouse(window, "release", (5000, 3500))
    window.use_select_tool()
    water = window.document.plan.objects_of("BM_WATER")[0]
    x, y = water.position
    mouse(window, "press", (x, y))
    mouse(window, "move", (x + 1000, y), held=Qt.MouseButton.LeftButton)
    text = window.select_tool.dimension_text()
    assert f"{water.length:.0f} × {water.depth:.0f} mm" in text and "+1.00" in text
    mouse(window, "release", (x + 1000, y))
    assert window.select_tool.dimension_text() == ""


def test_ctrl_p_prints_the_sheet_set(make_window, qtbot, tmp_path, monkeypatch):
    from PyQt6.QtPrintSupport import QPrinter

    from bianmin.designer.actions import printing

    out = tmp_path / "printed.pdf"
    shown = []

    class PrintDialog:  # the user picks "print to PDF" and presses OK
        def __init__(self, printer, parent=None):
            self.printer = printer
            shown.append(printer)

        def setWindowTitle(self, _):
            pass

        def exec(self):
            self.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            self.printer.setOutputFileName(str(out))
            return 1

    monkeypatch.setattr(printing, "QPrintDialog", PrintDialog)
    window = _window(make_window, qtbot)
    QTest.keyClick(window.view, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert shown, "Ctrl+P opened the print dialog"
    assert out.exists() and out.stat().st_size > 10000
    from pypdf import PdfReader

    pages = PdfReader(str(out)).pages
    assert len(pages) >= 1
    w, h = float(pages[0].mediabox.width), float(pages[0].mediabox.height)
    assert w > h, "the sheet's landscape A3 page"
    assert max(w, h) == pytest.approx(420 / 25.4 * 72, rel=0.02)
