"""A template's layout brought into the open drawing: placed at a point, turned, one undo step (issue 14)."""

import math

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.commands import SetHall  # noqa: E402
from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.designer.panels.template_dialog import InsertTemplateDialog  # noqa: E402
from bianmin.designer.template_layout import Placement  # noqa: E402
from bianmin.geometry.dxf.read import read_plan  # noqa: E402
from bianmin.geometry.model import Hall, rectangle  # noqa: E402
from bianmin.templates import path_of  # noqa: E402

from .gui import click  # noqa: E402

AT = (115000.0, 60000.0)


def _window_with_hall(make_window):
    window = make_window(PlanDocument.new())
    window.document.do(SetHall(None, Hall(outline=rectangle(100000, 50000, 130000, 70000))))
    return window


def _turned(xy, degrees, about, to):
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    x, y = xy[0] - about[0], xy[1] - about[1]
    return (c * x - s * y + to[0], s * x + c * y + to[1])


def test_the_layout_lands_turned_at_the_point_and_one_undo_removes_it(make_window, tmp_path):
    window = _window_with_hall(make_window)
    hall = window.document.plan.hall
    source = read_plan(path_of("community-station")).plan  # 10 m x 8 m, hall centre (5000, 4000)
    window.insert_template(Placement("community-station", AT, 90.0))
    plan = window.document.plan
    assert plan.hall is hall  # without the building the plan's hall stays
    assert len(plan.zones) == len(source.zones) == 3 and len(plan.objects) == len(source.objects) == 23
    assert not plan.openings and not plan.routes
    for old, new in zip(source.zones, plan.zones, strict=True):
        c = old.polygon.centroid
        assert new.polygon.centroid.coords[0] == pytest.approx(_turned((c.x, c.y), 90, (5000, 4000), AT), abs=1e-6)
        assert new.kind == old.kind and new.id != old.id
    for old, new in zip(source.objects, plan.objects, strict=True):
        assert new.position == pytest.approx(_turned(old.position, 90, (5000, 4000), AT), abs=1e-6)
        assert (new.rotation - old.rotation) % 360 == pytest.approx(90)
        assert new.footprint.area == pytest.approx(old.footprint.area) and new.attribs == old.attribs
    assert window.document.undo_text[0] == "插入模板布局"

    window.document.undo()
    plan = window.document.plan
    assert plan.hall is hall and not plan.zones and not plan.objects
    window.document.redo()
    out = tmp_path / "with-layout.dxf"
    window.document.save(out)
    again = read_plan(out).plan
    assert len(again.zones) == 3 and len(again.objects) == 23
    assert sorted(round(z.polygon.area) for z in again.zones) == sorted(round(z.polygon.area) for z in source.zones)
    assert again.objects[0].position == pytest.approx(plan.objects[0].position, abs=1e-3)


def test_with_the_building_the_hall_is_replaced_and_any_angle_turns_it(make_window):
    window = _window_with_hall(make_window)
    old_hall = window.document.plan.hall
    window.insert_template(Placement("street-center", AT, 30.0, building=True))
    plan = window.document.plan
    assert plan.hall is not old_hall and plan.hall_area_m2 == pytest.approx(250)
    assert plan.hall.polygon.centroid.coords[0] == pytest.approx(AT, abs=1e-6)
    x0, y0, x1, y1 = plan.hall.polygon.bounds  # 20 m x 12.5 m turned 30°: its box grows
    assert x1 - x0 == pytest.approx(20000 * math.cos(math.radians(30)) + 12500 * 0.5, abs=1)
    assert len(plan.openings) == 2 and len(plan.routes) == 2
    assert all(plan.hall.polygon.buffer(1).covers(o.line) for o in plan.openings)  # the doors stay on its walls
    window.document.undo()
    assert window.document.plan.hall is old_hall and not window.document.plan.openings


def test_the_dialog_offers_the_hall_centre_and_refuses_a_bad_angle(make_window, qtbot):
    window = _window_with_hall(make_window)
    dialog = InsertTemplateDialog(window.document.plan, (115000, 60000))
    qtbot.addWidget(dialog)
    assert not dialog.building.isChecked()  # the plan has a hall: keep it unless asked
    assert dialog.x.value() == pytest.approx(115) and dialog.y.value() == pytest.approx(60)
    assert "服务分区" in dialog.summary.text() and "大厅外墙" not in dialog.summary.text()
    dialog.rotation.setCurrentIndex(dialog.rotation.findData(270.0))
    dialog.template.setCurrentIndex(dialog.template.findData("community-station"))
    assert dialog.placement() == Placement("community-station", (115000, 60000), 270.0, False)
    dialog.rotation.setEditText("45°")
    assert dialog.placement().degrees == 45.0
    dialog.rotation.setEditText("斜着")
    dialog.accept()
    assert dialog.result() == 0 and "旋转角度应为数字" in dialog.problem.text()
    empty = InsertTemplateDialog(PlanDocument.new().plan, (0, 0))
    qtbot.addWidget(empty)
    assert empty.building.isChecked() and "大厅外墙" in empty.summary.text()


def test_the_point_picked_with_the_mouse(make_window):
    from bianmin.designer.tools.template_place import TemplatePlaceTool

    window = _window_with_hall(make_window)
    window.set_tool(TemplatePlaceTool(window, Placement("community-station", (0, 0), 0.0)))
    click(window, (110000, 55000))
    plan = window.document.plan
    assert len(plan.zones) == 3 and window.tool is window.select_tool
    x0, y0, x1, y1 = plan.zones[0].polygon.bounds
    source = read_plan(path_of("community-station")).plan.zones[0].polygon.bounds
    assert (x0 - source[0], y0 - source[1]) == pytest.approx((105000, 51000), abs=100)  # snapped within the grid


def test_the_windows_are_numbered_after_the_plans_own(make_window):
    window = _window_with_hall(make_window)
    window.insert_template(Placement("community-station", AT, 0.0))
    first = sorted(int(c.attr("NO")) for c in window.document.plan.counters)
    window.insert_template(Placement("community-station", (AT[0], AT[1] - 9000), 0.0))
    numbers = sorted(int(c.attr("NO")) for c in window.document.plan.counters)
    assert first == [1, 2] and numbers == [1, 2, 3, 4]
