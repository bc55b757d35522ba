"""文件 > 插入模板布局…: a template's layout in the open drawing, where the dialog says or where the
user clicks (tools/template_place.py), as one undo step.  (文件 > 从模板新建 is in actions/file.py.)"""

from __future__ import annotations

from bianmin.designer.actions.tools import set_tool
from bianmin.designer.i18n import tr


def insert_template_dialog(window) -> None:
    from bianmin.designer.panels.template_dialog import InsertTemplateDialog
    from bianmin.designer.template_layout import default_point

    centre = window.view.mapToScene(window.view.viewport().rect().center())
    dialog = InsertTemplateDialog(
        window.document.plan, default_point(window.document.plan, (centre.x(), centre.y())), window
    )
    if not dialog.exec():
        return
    if dialog.pick:
        from bianmin.designer.tools.template_place import TemplatePlaceTool

        set_tool(window, TemplatePlaceTool(window, dialog.placement()))
        window.view.setFocus()
    else:
        insert_template(window, dialog.placement())


def insert_template(window, placement) -> None:
    """The template's layout at ``placement``, as one undo step."""
    from bianmin.templates import NAMES

    from bianmin.designer.template_layout import insert_command

    command = insert_command(window.document.plan, placement)
    window.document.do(command)
    zh, en = NAMES[placement.name]
    window.status(
        tr(
            f"已插入模板布局“{zh.split('（')[0]}”：{len(command.elements)} 个对象"
            + ("和大厅外墙" if command.hall is not None else "")
            + "（一次撤销即可全部撤回）",
            f"inserted the layout of “{en.split(',')[0]}”: {len(command.elements)} elements"
            + (" and the hall outline" if command.hall is not None else "")
            + " (one undo takes it all back)",
        )
    )
