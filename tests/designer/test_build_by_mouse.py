"""Acceptance: a planner builds a compliant plan from an empty drawing with the mouse alone.

Every element of the community-station template is drawn or placed through the tools'
mouse events; attributes are set in the properties panel's widgets and the plan
properties through the dialog's fields, as a person would; the live check must then
report no error.
"""

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import Qt  # noqa: E402

from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.designer.panels.plan_dialog import PlanPropertiesDialog  # noqa: E402
from bianmin.designer.commands import SetProperties  # noqa: E402
from bianmin.templates.build import community_station  # noqa: E402

from .gui import click, double_click, mouse, wait_validation  # noqa: E402


def drag(window, a, b):
    mouse(window, "press", a)
    mouse(window, "move", b, held=Qt.MouseButton.LeftButton)
    mouse(window, "release", b)


def place(window, block, xy, rotation=0.0):
    window.choose_tool(("place", block))
    window.tool.rotation = 0.0
    mouse(window, "move", xy)
    click(window, xy)
    obj = window.document.plan.objects[-1]
    if rotation:
        set_fields(window, obj, rotation=rotation)
    return window.document.plan.objects[-1]


def set_fields(window, obj, **fields):
    """Select the object and edit its fields in the properties panel, then press Apply."""
    window.use_select_tool()
    window.scene.clearSelection()
    window.scene.items_by_id[obj.id].setSelected(True)
    panel = window.properties
    assert panel.element is obj
    for name, value in fields.items():
        editor = panel.editors[name.upper() if name != "rotation" else "rotation"]
        if hasattr(editor, "findData"):
            editor.setCurrentIndex(editor.findData(value))
        elif hasattr(editor, "setValue"):
            editor.setValue(value)
        else:
            editor.setText(str(value))
    panel.apply()


def test_build_the_community_station_by_mouse(make_window, qtbot):
    window = make_window(PlanDocument.new())
    view = window.view
    # the hall: a 10 m x 8 m rectangle; then fit the view to it
    window.choose_tool(("rect", "hall"))
    drag(window, (0, 0), (10000, 8000))
    assert window.document.plan.hall_area_m2 == pytest.approx(80.0)
    view.zoom_fit()
    # zones
    for kind, a, b in (
        ("window", (1000, 5000), (9000, 8000)),
        ("wait", (1000, 1500), (9000, 4800)),
        ("self", (6500, 0), (10000, 1400)),
    ):
        window.choose_tool(("rect", kind))
        drag(window, a, b)
    # the main entrance: two clicks on the outline
    window.choose_tool(("opening", "main"))
    click(window, (4000, 0))
    click(window, (5500, 0))
    template = community_station()
    # everything else where the template has it, through the place tool and the panel
    for obj in template.objects:
        x, y = obj.position
        placed = place(window, obj.block, (x, y))
        fields = {}
        if round(obj.rotation) % 360:
            fields["rotation"] = round(obj.rotation, 1)
        for tag, value in obj.attribs.items():
            if tag in ("HEIGHT", "SEATS", "COUNT", "FOV", "RANGE"):
                fields[tag.lower()] = int(float(value))
            elif tag in ("TYPE", "MOUNT"):
                fields[tag.lower()] = value
            elif tag in ("NO", "RATING"):
                fields[tag.lower()] = value
        if fields:
            set_fields(window, placed, **fields)
        if obj.block == "BM_SEAT":  # a row of four: the template scales the seat block
            from dataclasses import replace
            from bianmin.designer.commands import ReplaceElement

            seat = window.document.plan.objects[-1]
            window.document.do(ReplaceElement(seat, replace(seat, transform=obj.transform)))
    # the evacuation route, clicked point by point
    window.choose_tool(("route",))
    for xy in template.routes[0].points[:-1]:
        click(window, xy)
    double_click(window, template.routes[0].points[-1])
    # plan properties through the dialog's fields
    dialog = PlanPropertiesDialog(window.document.plan.properties, window)
    dialog.name.setText("新城区西一路街道示例社区便民服务站")
    dialog.kind.setCurrentIndex(dialog.kind.findData("community-station"))
    dialog.construction.setCurrentIndex(dialog.construction.findData("existing"))
    dialog.hours.setText("08:30-12:00;14:00-17:30")
    dialog.hazard.setCurrentIndex(dialog.hazard.findData("light"))
    window.document.do(SetProperties(window.document.plan.properties, dialog.result_properties()))

    report = wait_validation(qtbot, window)
    errors = [f"{f.rule}: {f.message}" for f in report.findings if f.severity == "error"]
    assert not errors, errors
    assert report.status == "pass"
    assert len(window.document.plan.objects) == len(template.objects)
