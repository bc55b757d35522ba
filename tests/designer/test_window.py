"""The designer, driven through its events (pytest-qt, offscreen)."""

import shutil
import subprocess
import sys

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import Qt  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.geometry.dxf.read import read_plan  # noqa: E402

from .gui import click, double_click, key, mouse, wait_validation  # noqa: E402


# -- tools ------------------------------------------------------------------------------------


def test_rectangle_zone_tool(make_window, qtbot):
    window = make_window(PlanDocument.from_template("street-center"))
    before = len(window.document.plan.zones)
    window.choose_tool(("rect", "office"))
    mouse(window, "press", (18050, 9020))
    mouse(window, "move", (19430, 12010))
    mouse(window, "release", (19430, 12010))
    zones = window.document.plan.zones
    assert len(zones) == before + 1
    new = zones[-1]
    assert new.kind == "office"
    minx, miny, maxx, maxy = new.polygon.bounds
    # snapped to the 100 mm grid (or to the hall outline and the architect's points)
    assert (minx, maxx) == pytest.approx((18000, 19400), abs=100)
    assert (miny, maxy) == pytest.approx((9000, 12000), abs=100)
    window.document.undo()
    assert len(window.document.plan.zones) == before


def test_polygon_obstacle_tool_and_enter(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    window.choose_tool(("poly", "obstacle"))
    for xy in [(16500, 5000), (17500, 5000), (17500, 6000)]:
        click(window, xy)
    key(window, Qt.Key.Key_Return)
    (ob,) = window.document.plan.obstacles
    assert ob.polygon.area == pytest.approx(0.5e6, rel=0.05)


def test_opening_tool_snaps_to_hall_outline(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    window.choose_tool(("opening", "door"))
    click(window, (19950, 10500))  # a little inside: lands on the outline
    click(window, (20060, 11500))
    door = window.document.plan.openings_of("door")[0]
    assert door.start[0] == pytest.approx(20000, abs=1) and door.end[0] == pytest.approx(20000, abs=1)
    assert door.width == pytest.approx(1000, abs=110)


def test_place_tool_turn_and_numbers(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    window.choose_tool(("place", "BM_COUNTER"))
    key(window, Qt.Key.Key_R)
    mouse(window, "move", (16500, 6000))
    click(window, (16500, 6000))
    counter = window.document.plan.counters[-1]
    assert counter.position == pytest.approx((16500, 6000), abs=100)
    assert counter.rotation == pytest.approx(15)
    assert counter.attr("NO") == "7", "the next free window number"


def test_route_and_measure_tools(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    window.choose_tool(("route",))
    for xy in [(17000, 11000), (17000, 6000)]:
        click(window, xy)
    double_click(window, (16000, 300))
    route = window.document.plan.routes[-1]
    assert len(window.document.plan.routes) == 3 and route.points[0] == pytest.approx((17000, 11000), abs=100)
    assert route.points[-1] == pytest.approx((16000, 300), abs=100) and len(route.points) == 3
    window.choose_tool(("measure",))
    click(window, (0, 0))
    click(window, (3000, 4000))
    assert window.tool.last == pytest.approx(5000, abs=150)


def test_select_drag_is_one_undo_step(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    plan = window.document.plan
    water = plan.objects_of("BM_WATER")[0]
    start = water.position
    depth = len(window.document._undo)
    mouse(window, "press", start)
    for step in range(1, 6):
        mouse(window, "move", (start[0] + 200 * step, start[1] + 300 * step), held=Qt.MouseButton.LeftButton)
    mouse(window, "release", (start[0] + 1000, start[1] + 1500))
    assert len(window.document._undo) == depth + 1, "the whole drag is one command"
    moved = plan.find(water.id)
    assert moved.position == pytest.approx((start[0] + 1000, start[1] + 1500), abs=100)
    window.document.undo()
    assert plan.find(water.id).position == pytest.approx(start)
    window.document.redo()
    assert plan.find(water.id).position != pytest.approx(start)


def test_keys_turn_delete_duplicate(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    plan = window.document.plan
    tv = plan.objects_of("BM_TV")[0]
    click(window, tv.position)
    assert window.scene.items_by_id[tv.id].isSelected()
    key(window, Qt.Key.Key_R)
    assert plan.find(tv.id).rotation == pytest.approx((tv.rotation + 15) % 360)
    key(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert len(plan.objects_of("BM_TV")) == 2
    key(window, Qt.Key.Key_Delete)
    assert len(plan.objects_of("BM_TV")) == 1
    for _ in range(3):
        window.document.undo()
    assert plan.find(tv.id).rotation == pytest.approx(tv.rotation)


def test_pick_hall_from_background(make_window, root):
    document = PlanDocument.open(root / "samples" / "xiyilu-street-center.dxf")
    window = make_window(document)
    window.document.do(__import__("bianmin.designer.commands", fromlist=["SetHall"]).SetHall(document.plan.hall, None))
    window.choose_tool(("pick-hall",))
    click(window, (10000, 6000))
    hall = window.document.plan.hall
    assert hall is not None
    # the architect's outer wall face: 20.48 m x 12.98 m
    assert hall.polygon.area / 1e6 == pytest.approx(20.48 * 12.98, rel=1e-3)


def test_properties_panel_edits_attributes(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    counter = window.document.plan.counters[0]
    window.scene.items_by_id[counter.id].setSelected(True)
    panel = window.properties
    assert panel.element is counter
    panel.editors["HEIGHT"].setValue(1100)
    panel.editors["DEVICES"].checks["scanner"].setChecked(False)
    panel.apply()
    edited = window.document.plan.find(counter.id)
    assert edited.attr("HEIGHT") == "1100" and "scanner" not in edited.attr("DEVICES")
    window.document.undo()
    assert window.document.plan.find(counter.id).attr("HEIGHT") == "750"


# -- live validation ----------------------------------------------------------------------------


def test_findings_follow_an_edit_and_its_undo(make_window, qtbot):
    window = make_window(PlanDocument.from_template("street-center"))
    assert window.validator.last_report.status == "pass"
    # the template passes with the third edition's warnings (smoke exhaust, knee space … to be stated)
    before = window.findings.tree.topLevelItemCount()
    sign = window.document.plan.objects_of("BM_SIGN_HOURS")[0]
    from bianmin.designer.commands import RemoveElement

    window.document.do(RemoveElement(sign))
    report = wait_validation(qtbot, window)
    assert "SIGN-HOURS" in {f.rule for f in report.findings}
    rules_in_panel = [
        window.findings.tree.topLevelItem(i).text(2) for i in range(window.findings.tree.topLevelItemCount())
    ]
    assert "SIGN-HOURS" in rules_in_panel
    assert any(f.rule == "SIGN-HOURS" for m in window.scene.markers for f in m.findings)
    # clicking the finding selects what it names and zooms there
    item = window.findings.tree.topLevelItem(rules_in_panel.index("SIGN-HOURS"))
    window.findings.tree.itemClicked.emit(item, 0)
    window.document.undo()
    report = wait_validation(qtbot, window)
    assert "SIGN-HOURS" not in {f.rule for f in report.findings}
    assert window.findings.tree.topLevelItemCount() == before


def test_evacuation_view(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    assert window.last_evacuation is not None and window.last_evacuation["paths"]
    assert window.scene.evacuation and not window.scene.evacuation[0].isVisible()
    window.toggle_evacuation(True)
    assert window.scene.evacuation[0].isVisible()
    before = len(window.document.plan.routes)
    window.save_computed_routes()
    assert len(window.document.plan.routes) == before + len(window.last_evacuation["paths"])


def test_the_heat_map_has_a_legend_while_it_is_shown(make_window, tmp_path):
    """Issue 14: the heat map's colours are explained (0 m green to the limit red, the limit named)."""
    window = make_window(PlanDocument.from_template("street-center"))
    legend = window.view.heat_legend
    assert legend.isHidden(), "no legend while the evacuation view is off"
    window.toggle_evacuation(True)
    assert legend.isVisible()
    limit_mm = window.last_evacuation["grid"]["limit"]
    assert legend.limit_mm == limit_mm
    assert f"{limit_mm / 1000:.0f} m" in legend.texts()[2]
    image = legend.grab().toImage()
    left, right = image.pixelColor(14, 28), image.pixelColor(14 + 175, 28)
    assert left.green() > 150 and left.red() < 80, f"green at 0 m, not veiled: {left.getRgb()}"
    assert right.red() > 200 and right.green() < 80, f"red at the limit: {right.getRgb()}"
    corner = window.view.viewport().height() - legend.geometry().bottom()
    assert 0 < corner < 40, "in the view's bottom corner"
    window.toggle_evacuation(False)
    assert legend.isHidden()


# -- files ----------------------------------------------------------------------------------------


def test_open_broken_file_keeps_window_usable(make_window, tmp_path, plan_file):
    window = make_window(PlanDocument.open(plan_file))
    bad = tmp_path / "broken.dxf"
    bad.write_bytes(b"%PDF-1.4 not a drawing")
    assert window.open_path(bad) is False
    assert "不是 DXF" in window.last_error[1]
    assert window.document.path == plan_file, "the open plan stays"
    window.choose_tool(("place", "BM_WATER"))
    click(window, (15000, 6000))
    assert window.document.dirty


def test_failed_save_says_so_and_keeps_old_file(make_window, plan_file, monkeypatch):
    window = make_window(PlanDocument.open(plan_file))
    original = plan_file.read_bytes()
    from bianmin.designer.commands import RemoveElement

    window.document.do(RemoveElement(window.document.plan.objects[0]))

    def full_disk(doc, path, **options):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("bianmin.designer.document.save_atomic", full_disk)
    assert window.save() is False
    assert "No space left" in window.last_error[1]
    assert window.document.dirty and plan_file.read_bytes() == original
    assert window.windowTitle().startswith("*")


def test_edit_save_reopen(make_window, root, tmp_path):
    path = tmp_path / "xiyilu.dxf"
    shutil.copy(root / "samples" / "xiyilu-street-center.dxf", path)
    background_before = {
        e.dxf.handle for e in read_plan(path).doc.modelspace() if not e.dxf.layer.upper().startswith("BM-")
    }
    window = make_window(PlanDocument.open(path))
    window.choose_tool(("place", "BM_WATER"))
    click(window, (15500, 6500))
    assert window.save()
    again = read_plan(path)
    assert {
        e.dxf.handle for e in again.doc.modelspace() if not e.dxf.layer.upper().startswith("BM-")
    } == background_before
    assert len(again.plan.objects_of("BM_WATER")) == 2
    assert sorted(e.id for e in again.plan.elements()) == sorted(e.id for e in window.document.plan.elements())


def test_language_switch(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    window.set_language("en")
    titles = [a.text() for a in window.menuBar().actions()]
    assert "&File" in titles and "&Edit" in titles
    assert window.docks["findings"].windowTitle() == "Findings"
    window.set_language("zh")
    assert "文件(&F)" in [a.text() for a in window.menuBar().actions()]


def test_screenshot_command(root, tmp_path):
    out = tmp_path / "shot.png"
    env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bianmin.cli.main",
            "design",
            str(root / "src" / "bianmin" / "templates" / "street-center.dxf"),
            "--screenshot",
            str(out),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 0, result.stderr
    from PyQt6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() >= 1000 and image.height() >= 600


def test_screenshot_of_a_file_that_cannot_open_says_why(tmp_path):
    """Regression (tryout): `design missing.dxf --screenshot` said only 无法打开, not why."""
    env = dict(__import__("os").environ, QT_QPA_PLATFORM="offscreen")
    missing = tmp_path / "没有这个文件.dxf"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bianmin.cli.main",
            "design",
            str(missing),
            "--screenshot",
            str(tmp_path / "x.png"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert result.returncode == 2
    assert "文件不存在" in result.stderr and str(missing) in result.stderr


def test_file_menu_exports_the_edited_plan(make_window, monkeypatch, tmp_path):
    from pypdf import PdfReader
    from bianmin.designer.commands import RemoveElement

    window = make_window(PlanDocument.from_template("street-center"))
    window.document.do(RemoveElement(window.document.plan.objects_of("BM_SIGN_HOURS")[0]))
    targets = iter([str(tmp_path / "report.pdf"), str(tmp_path / "drawing.pdf")])
    monkeypatch.setattr(
        "bianmin.designer.actions.export.QFileDialog.getSaveFileName", lambda *a, **k: (next(targets), "PDF (*.pdf)")
    )
    monkeypatch.setattr("bianmin.designer.panels.export_dialog.ExportDrawingDialog.exec", lambda self: 1)
    window.export_report()
    report = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "report.pdf")).pages)
    assert "未通过" in report and "SIGN-HOURS" in report, "the report is of the plan as edited, not as saved"
    window.export_drawing()
    drawing = PdfReader(str(tmp_path / "drawing.pdf")).pages[0].extract_text()
    assert "便民服务中心平面布置图" in drawing and "1:100" in drawing
