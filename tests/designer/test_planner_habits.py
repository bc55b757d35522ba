"""Issue 25: the designer as a planner drives it — keys after 应用/修复, editable counter sizes,
several objects edited at once, window/crossing selection and Ctrl+A (pytest-qt, offscreen)."""

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import QPointF, Qt  # noqa: E402
from PyQt6.QtTest import QTest  # noqa: E402
from PyQt6.QtWidgets import QApplication, QLabel, QPushButton, QWidget  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402

from .gui import click, mouse, wait_validation  # noqa: E402


def _street(make_window, qtbot):
    window = make_window(PlanDocument.from_template("street-center"))
    window.activateWindow()
    qtbot.waitActive(window)
    return window


def _apply_button(window) -> QPushButton:
    return window.properties.findChild(QPushButton, "apply")


def _type_into(spin, value):
    """What a person does: click into the field, select all, type the number."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, str(value))


def test_ctrl_z_after_apply_undoes_instead_of_editing_a_field(make_window, qtbot):
    window = _street(make_window, qtbot)
    counter = window.document.plan.counters[0]
    click(window, counter.position)
    panel = window.properties
    assert panel.element is counter
    _type_into(panel.editors["HEIGHT"], 1100)
    qtbot.mouseClick(_apply_button(window), Qt.MouseButton.LeftButton)
    assert window.document.plan.find(counter.id).attr("HEIGHT") == "1100"
    focus = QApplication.focusWidget()
    assert focus is window.view or window.view.isAncestorOf(focus), f"the keys went to {focus!r}"
    QTest.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.find(counter.id).attr("HEIGHT") == "750", "Ctrl+Z undid 应用"
    rotation = window.document.plan.find(counter.id).rotation
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_5)
    assert window.document.plan.find(counter.id).rotation == pytest.approx(rotation), "a digit turned nothing"


def test_ctrl_z_after_fix_undoes_the_fix(make_window, qtbot, monkeypatch):
    window = _street(make_window, qtbot)
    from bianmin.designer.actions import autolayout
    from bianmin.designer.commands import ReplaceElement

    counter = window.document.plan.counters[0]
    moved = counter.moved(300, 0)
    monkeypatch.setattr(autolayout, "run_in_thread", lambda *a, **k: (ReplaceElement(counter, moved), []))
    click(window, counter.position)  # the properties panel shows its fields
    window.properties.editors["rotation"].setFocus()
    autolayout.apply_fix(window, type("F", (), {"rule": "CNTR-DEPTH"})())
    focus = QApplication.focusWidget()
    assert focus is window.view or window.view.isAncestorOf(focus), f"the keys went to {focus!r}"
    QTest.keyClick(focus, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.find(counter.id).position == pytest.approx(counter.position)


def test_counter_depth_and_width_are_editable(make_window, qtbot):
    window = _street(make_window, qtbot)
    counter = window.document.plan.counters[0]
    click(window, counter.position)
    panel = window.properties
    _type_into(panel.editors["_depth"], 900)
    _type_into(panel.editors["_length"], 1800)
    qtbot.mouseClick(_apply_button(window), Qt.MouseButton.LeftButton)
    edited = window.document.plan.find(counter.id)
    assert edited.depth == pytest.approx(900, abs=1)
    assert edited.length == pytest.approx(1800, abs=1)
    assert edited.position == pytest.approx(counter.position)
    assert edited.rotation == pytest.approx(counter.rotation)
    window.document.undo()
    assert window.document.plan.find(counter.id).depth == pytest.approx(counter.depth)


def test_apply_on_several_counters_changes_all_and_says_how_many(make_window, qtbot):
    window = _street(make_window, qtbot)
    counters = window.document.plan.counters[:3]
    click(window, counters[0].position)
    for c in counters[1:]:
        mouse(window, "press", c.position, modifiers=Qt.KeyboardModifier.ShiftModifier)
        mouse(window, "release", c.position, modifiers=Qt.KeyboardModifier.ShiftModifier)
    panel = window.properties
    words = panel.findChild(QLabel, "selection_count")
    assert words is not None and "3" in words.text()
    _type_into(panel.editors["_depth"], 900)
    qtbot.mouseClick(_apply_button(window), Qt.MouseButton.LeftButton)
    for c in counters:
        edited = window.document.plan.find(c.id)
        assert edited.depth == pytest.approx(900, abs=1), c.attr("NO")
        assert edited.attr("NO") == c.attr("NO"), "only the changed field is copied to the others"
    window.document.undo()  # one undo step for all of them
    assert all(window.document.plan.find(c.id).depth == pytest.approx(c.depth) for c in counters)


def _box_around(plan, objects, margin=50):
    xs = [p for o in objects for p in o.footprint.bounds[0::2]]
    ys = [p for o in objects for p in o.footprint.bounds[1::2]]
    return (min(xs) - margin, min(ys) - margin), (max(xs) + margin, max(ys) + margin)


def _drag(window, a, b):
    mouse(window, "press", a)
    mid = ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2)
    mouse(window, "move", mid, held=Qt.MouseButton.LeftButton)
    mouse(window, "move", b, held=Qt.MouseButton.LeftButton)
    mouse(window, "release", b)


def test_window_selection_left_to_right_takes_what_is_inside(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    tv = plan.objects_of("BM_TV")[0]
    (x0, y0), (x1, y1) = _box_around(plan, [tv], margin=300)
    assert window.scene.element_at(QPointF(x0, y0), 6 * window.view.pixel_mm) is None, "the drag starts on nothing"
    _drag(window, (x0, y0), (x1, y1))
    selected = {i.element.id for i in window.scene.selectedItems() if hasattr(i, "element")}
    assert tv.id in selected
    assert plan.hall.id not in selected
    # the same box shrunk a little: the TV is no longer wholly inside, so a window takes nothing of it
    window.scene.clearSelection()
    w = (x1 - x0) / 2
    _drag(window, (x0, y0), (x1 - w, y1))
    assert tv.id not in {i.element.id for i in window.scene.selectedItems() if hasattr(i, "element")}
    # right to left (crossing): touching is enough
    window.scene.clearSelection()
    _drag(window, (x1 - w, y1), (x0, y0))
    assert tv.id in {i.element.id for i in window.scene.selectedItems() if hasattr(i, "element")}
    assert not window.select_tool.previews, "the band is gone after the release"
    assert plan.find(tv.id).position == tv.position, "a box selection moves nothing"


def test_ctrl_a_selects_everything(make_window, qtbot):
    window = _street(make_window, qtbot)
    window.view.setFocus()
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    selected = [i for i in window.scene.selectedItems() if hasattr(i, "element")]
    assert len(selected) >= len(window.document.plan.counters) + 5
    assert window.properties.findChild(QLabel, "selection_count") is not None


# -- item 7: a counter and the window sign over it ------------------------------------------------


def _sign_over(plan, counter):
    return next(
        s
        for s in plan.objects_of("BM_SIGN_WINDOW")
        if s.attr("NO") == counter.attr("NO") and s.footprint.distance(counter.footprint) < 300
    )


def test_dragging_a_counter_by_its_back_moves_counter_and_sign(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    counter = plan.counters[0]
    sign = _sign_over(plan, counter)
    x, y = sign.position  # on the sign itself, which lies over the counter's back half
    mouse(window, "press", (x, y))
    mouse(window, "move", (x + 500, y - 400), held=Qt.MouseButton.LeftButton)
    mouse(window, "move", (x + 1000, y - 800), held=Qt.MouseButton.LeftButton)
    mouse(window, "release", (x + 1000, y - 800))
    moved = plan.find(counter.id)
    assert moved.position != pytest.approx(counter.position), "the counter moved, not only its sign"
    dx = moved.position[0] - counter.position[0]
    dy = moved.position[1] - counter.position[1]
    assert plan.find(sign.id).position == pytest.approx((sign.position[0] + dx, sign.position[1] + dy))
    window.document.undo()  # one step for both
    assert plan.find(counter.id).position == counter.position and plan.find(sign.id).position == sign.position


def test_deleting_counters_takes_their_signs(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    counter = plan.counters[0]
    sign = _sign_over(plan, counter)
    click(window, counter.position)
    QTest.keyClick(window.view, Qt.Key.Key_Delete)
    assert plan.find(counter.id) is None
    assert plan.find(sign.id) is None, "no orphan sign left behind"
    window.document.undo()
    assert plan.find(counter.id) is not None and plan.find(sign.id) is not None


def test_a_box_drawn_from_inside_a_zone_selects_the_counters_in_it(make_window, qtbot):
    from bianmin.geometry.model import Zone

    window = _street(make_window, qtbot)
    plan = window.document.plan
    counters = plan.counters[:3]
    (x0, y0), (x1, y1) = _box_around(plan, counters, margin=200)
    under = window.scene.element_at(QPointF(x0, y0), 6 * window.view.pixel_mm)
    assert under is not None and isinstance(under.element, Zone), "the box starts inside the 窗口办理区"
    _drag(window, (x0, y0), (x1, y1))
    selected = {i.element.id for i in window.scene.selectedItems() if hasattr(i, "element")}
    assert {c.id for c in counters} <= selected
    assert under.element.id not in selected and plan.find(under.element.id).polygon.equals(under.element.polygon)
    # a plain click inside the zone still selects it
    click(window, (x0, y0))
    assert [i.element.id for i in window.scene.selectedItems()] == [under.element.id]


# -- item 5: a finding's location ----------------------------------------------------------------


def test_clicking_a_finding_zooms_to_its_location_and_rings_it(make_window, qtbot):
    from bianmin.standards.findings import Finding

    window = _street(make_window, qtbot)
    plan = window.document.plan
    window.view.zoom_fit()
    whole = window.view.pixel_mm
    entrance = plan.openings[0]
    pinch = (15000.0, 2500.0)
    finding = Finding(
        "ACC-ROUTE",
        "error",
        "无障碍通道最窄处 0.70 m，应不小于 1.20 m",
        "accessible route narrows to 0.70 m (needs 1.20 m)",
        handles=[plan.hall.id, entrance.id],  # names the hall: its extent used to zoom out to everything
        location=pinch,
    )
    report = window.validator.last_report
    report.findings.append(finding)
    window.findings.set_report(report)
    tree = window.findings.tree
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, Qt.ItemDataRole.UserRole) is finding
    )
    tree.scrollToItem(row)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualItemRect(row).center())
    centre = window.view.mapToScene(window.view.viewport().rect().center())
    assert (centre.x(), centre.y()) == pytest.approx(pinch, abs=300), "the view is centred on the pinch"
    assert window.view.pixel_mm < whole * 0.7, "it zoomed in, not out"
    ring = window.scene.focus_ring
    assert ring is not None and ring.scene() is window.scene
    assert ring.sceneBoundingRect().center().x() == pytest.approx(pinch[0], abs=50)


# -- the "also" list --------------------------------------------------------------------------


def test_findings_and_properties_show_block_names_not_codes(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    from bianmin.designer.commands import RemoveElement

    window.document.do(RemoveElement(plan.objects_of("BM_WATER")[0]))  # a missing-equipment finding names it
    report = wait_validation(qtbot, window)
    assert any("BM_WATER" in f.message for f in report.findings), "the check itself names the block"
    tree = window.findings.tree
    shown = [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())]
    assert not any("BM_WATER" in t for t in shown) and any("饮水机" in t for t in shown)
    click(window, plan.counters[0].position)
    labels = [w.text() for w in window.properties.findChildren(QLabel) if w.objectName() != ""]
    texts = [w.text() for w in window.properties.findChildren(QLabel)]
    assert "服务柜台" in texts and not any("BM_COUNTER" in t for t in texts), labels


def test_palette_items_have_tooltips(make_window, qtbot):
    window = _street(make_window, qtbot)
    palette = window.palette
    for g in range(palette.topLevelItemCount()):
        group = palette.topLevelItem(g)
        for c in range(group.childCount()):
            assert group.child(c).toolTip(0), group.child(c).text(0)


def test_a_row_of_seats_in_one_click(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    before = len(plan.objects_of("BM_SEAT"))
    window.choose_tool(("seat-row",))
    options = window.properties.findChild(QWidget, "seat_count").parent()
    _type_into(options.count, 5)
    _type_into(options.spacing, 700)
    options.facing.setCurrentIndex(2)  # facing east
    window.view.setFocus()
    mouse(window, "move", (12000, 6000))
    click(window, (12000, 6000))
    seats = plan.objects_of("BM_SEAT")[before:]
    assert len(seats) == 5
    ys = sorted(s.position[1] for s in seats)
    assert [b - a for a, b in zip(ys, ys[1:], strict=False)] == pytest.approx([700] * 4, abs=1)
    assert all(s.position[0] == pytest.approx(12000, abs=1) for s in seats)
    assert all(s.front_direction == pytest.approx((1.0, 0.0), abs=1e-6) for s in seats)
    window.document.undo()
    assert len(plan.objects_of("BM_SEAT")) == before, "one undo step"
    assert window.properties.findChild(QWidget, "seat_count") is not None, "the options stay for the next row"


def test_a_counter_placed_at_a_wall_faces_the_room(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    hall = plan.hall.polygon
    x0, y0, x1, y1 = hall.bounds
    window.choose_tool(("place", "BM_COUNTER"))
    mouse(window, "move", (x1 - 300, (y0 + y1) / 2))  # against the east wall
    click(window, (x1 - 300, (y0 + y1) / 2))
    counter = plan.counters[-1]
    assert counter.front_direction == pytest.approx((-1.0, 0.0), abs=1e-6), "its front looks into the hall"
    assert hall.buffer(1).contains(counter.footprint)
    assert counter.footprint.bounds[2] == pytest.approx(x1, abs=5), "its back against the wall"


def test_the_heat_map_legend_does_not_cover_the_hall(make_window, qtbot):
    window = _street(make_window, qtbot)
    window.resize(1000, 640)  # a laptop's window: little room around the hall
    qtbot.wait(50)
    window.view.zoom_fit()
    legend = window.view.heat_legend
    QTest.keyClick(window.view, Qt.Key.Key_E)  # 疏散视图
    assert legend.isVisible()
    assert not _legend_over_hall(window), legend.geometry()
    QTest.keyClick(window.view, Qt.Key.Key_F)  # zoom to fit keeps it clear too
    assert not _legend_over_hall(window), legend.geometry()


def _legend_over_hall(window):
    from PyQt6.QtCore import QRectF

    x0, y0, x1, y1 = window.document.plan.hall.polygon.bounds
    hall = window.view.mapFromScene(QRectF(x0, y0, x1 - x0, y1 - y0)).boundingRect()
    return window.view.heat_legend.geometry().intersects(hall)


def test_the_palette_fits_without_scrolling(make_window, qtbot):
    window = _street(make_window, qtbot)  # 1400 x 900
    palette = window.palette
    for g in range(palette.topLevelItemCount()):
        group = palette.topLevelItem(g)
        if not group.isExpanded():
            rect = palette.visualItemRect(group)
            qtbot.mouseClick(palette.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
            qtbot.wait(10)
        assert group.isExpanded(), group.text(0)
        assert palette.verticalScrollBar().maximum() == 0, f"scrolling needed with {group.text(0)} open"


def _drag(window, a, b):
    mouse(window, "press", a)
    mouse(window, "move", ((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    mouse(window, "move", b)
    mouse(window, "release", b)


def test_an_object_dragged_to_another_wall_turns_to_face_the_room(make_window, qtbot):
    """issue 25: placing at a wall turned an object to face the room, dragging it along or onto a wall did not."""
    window = _street(make_window, qtbot)
    plan = window.document.plan
    x0, y0, x1, y1 = plan.hall.polygon.bounds
    ext = min(plan.objects_of("BM_EXTINGUISHER"), key=lambda o: o.position[0])  # on the west wall
    assert ext.front_direction == pytest.approx((1.0, 0.0), abs=1e-6)
    _drag(window, ext.position, (x1 - 300, ext.position[1]))
    moved = plan.find(ext.id)
    assert moved.position[0] > (x0 + x1) / 2, "it went to the east wall"
    assert moved.front_direction == pytest.approx((-1.0, 0.0), abs=1e-6), "its front looks into the hall"
    assert plan.hall.polygon.buffer(1).contains(moved.footprint)
    window.document.undo()
    assert plan.find(ext.id).position == ext.position and plan.find(ext.id).rotation == ext.rotation, "one step"


def test_a_counter_dragged_to_a_side_wall_turns_with_its_window_sign(make_window, qtbot):
    window = _street(make_window, qtbot)
    plan = window.document.plan
    x0, y0, x1, y1 = plan.hall.polygon.bounds
    counter = plan.counters[0]
    (sign,) = [s for s in plan.objects_of("BM_SIGN_WINDOW") if s.attr("NO") == counter.attr("NO")]
    grab = (counter.position[0], counter.position[1] - 200)  # the counter's front half, not its sign
    _drag(window, grab, (x1 - 700, (y0 + y1) / 2 - 200))
    turned, carried = plan.find(counter.id), plan.find(sign.id)
    assert turned.front_direction == pytest.approx((-1.0, 0.0), abs=1e-6)
    assert carried.rotation == pytest.approx(turned.rotation)
    assert carried.footprint.distance(turned.footprint) <= 300.0, "the sign stays over its counter"
