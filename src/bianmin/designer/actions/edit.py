"""编辑 menu: undo and redo, delete, duplicate and turn the selection, the plan's properties (and
units, one undo step), and an element edited in the properties panel."""

from __future__ import annotations

from bianmin.designer import units
from bianmin.designer.actions.units import units_changed, units_command
from bianmin.designer.commands import Batch, ReplaceElement, SetProperties
from bianmin.designer.panels.plan_dialog import PlanPropertiesDialog


def undo(window) -> None:
    window.document.undo()


def redo(window) -> None:
    window.document.redo()


def delete(window) -> None:
    window.select_tool.delete()


def duplicate(window) -> None:
    window.select_tool.duplicate()


def select_all(window) -> None:
    window.use_select_tool()
    window.select_tool.select_all()


def turn(window, degrees: float) -> None:
    window.select_tool.turn(degrees)


def edit_plan_properties(window) -> None:
    read = window.document.read
    dialog = PlanPropertiesDialog(
        window.document.plan.properties, window, units=(read.units_factor, bool(units.insunits(read.doc)))
    )
    if dialog.exec():
        apply_plan_dialog(window, dialog)


def apply_plan_dialog(window, dialog) -> None:
    """The dialog's properties and units as one undo step (units: the whole plan rescaled)."""
    steps = []
    factor = dialog.result_units()
    if factor is not None:
        steps.append(units_command(window, factor))
    new = dialog.result_properties()
    if new != window.document.plan.properties:
        steps.append(SetProperties(window.document.plan.properties, new))
    if len(steps) == 1:
        window.document.do(steps[0])
    elif steps:
        window.document.do(Batch(steps, ("图纸属性与单位", "Plan properties and units")))
    if factor is not None:
        units_changed(window, factor)


def property_changed(window, old, new) -> None:
    """The properties panel edited an element: one undo step, and the element stays selected."""
    properties_changed(window, [(old, new)])


def properties_changed(window, pairs) -> None:
    """应用 on one or several selected elements: one undo step; they stay selected, and the keys go
    back to the plan (Ctrl+Z undoes, R turns) instead of staying in the panel's fields."""
    steps = [ReplaceElement(old, new, ("修改属性", "Edit properties")) for old, new in pairs if old is not new]
    if steps:
        window.document.do(steps[0] if len(steps) == 1 else Batch(steps, ("修改属性", "Edit properties")))
        for _, new in pairs:
            item = window.scene.items_by_id.get(new.id)
            if item is not None:
                item.setSelected(True)
    give_keys_to_plan(window)


def give_keys_to_plan(window) -> None:
    window.view.setFocus()
