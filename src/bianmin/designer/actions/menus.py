"""The menus, from one table: every entry's key, Chinese and English text, shortcut, handler and menu.

:func:`build` makes the menu bar and its QActions (``window.acts[key]``) from :data:`MENUS` and
:data:`ENTRIES`; :func:`retranslate` gives them the texts of the language now chosen.  A handler is
"module.function" of this package (actions/), called with the window, the entry's ``args`` and,
for a checkable entry, whether it is now checked.
"""

from __future__ import annotations

from dataclasses import dataclass

from PyQt6.QtGui import QAction, QKeySequence

from bianmin.templates import NAMES

from bianmin.designer.actions import (
    autolayout,
    compare,
    config,
    edit,
    export,
    file,
    language,
    printing,
    recognize,
    templates,
    tools,
    view,
)
from bianmin.designer.autolayout import EVERYTHING, FIRE_AND_SIGNS
from bianmin.designer.i18n import tr

HANDLERS = {
    "autolayout": autolayout,
    "compare": compare,
    "config": config,
    "edit": edit,
    "export": export,
    "file": file,
    "language": language,
    "printing": printing,
    "recognize": recognize,
    "templates": templates,
    "tools": tools,
    "view": view,
}

# the menu bar, left to right: key, Chinese, English
MENUS = (
    ("file", "文件(&F)", "&File"),
    ("edit", "编辑(&E)", "&Edit"),
    ("view", "视图(&V)", "&View"),
    ("tools", "工具(&T)", "&Tools"),
    ("language", "语言 / Language", "语言 / Language"),
)


@dataclass(frozen=True)
class Entry:
    """One line of a menu. ``kind``: "action" (calls ``handler``), "menu" (a submenu, its entries
    name it as their ``menu``), "separator", or "dock" (the dock ``key``'s show/hide action)."""

    key: str
    zh: str = ""
    en: str = ""
    shortcut: str | None = None
    handler: str | None = None
    menu: str = "file"
    checkable: bool = False
    args: tuple = ()
    kind: str = "action"


def _separator(menu: str) -> Entry:
    return Entry("-", menu=menu, kind="separator")


ENTRIES: tuple[Entry, ...] = (
    # 文件
    Entry("new", "新建空白图纸", "New blank plan", "Ctrl+N", "file.new_plan"),
    Entry("templates", "从模板新建", "New from template", kind="menu"),
    *(
        Entry(f"template:{name}", zh, en, None, "file.new_from_template", "templates", args=(name,))
        for name, (zh, en) in NAMES.items()
    ),
    Entry("insert_template", "插入模板布局…", "Insert template layout…", None, "templates.insert_template_dialog"),
    Entry("open", "打开…", "Open…", "Ctrl+O", "file.open_dialog"),
    Entry("recent", "最近打开", "Recent files", kind="menu"),  # filled by file.fill_recent
    Entry("recognize", "识别建筑底图", "Recognize architect's drawing", None, "recognize.recognize_open_drawing"),
    Entry("compare", "与上一版对比…", "Compare with earlier version…", None, "compare.compare_with_earlier"),
    _separator("file"),
    Entry("rules_config", "校验配置…", "Rules config…", None, "config.choose_config"),
    Entry("rules_default", "使用默认规则", "Use the default rules", None, "config.use_config", args=(None,)),
    _separator("file"),
    Entry("save", "保存", "Save", "Ctrl+S", "file.save"),
    Entry("save_as", "另存为…", "Save as…", "Ctrl+Shift+S", "file.save_as"),
    _separator("file"),
    Entry("export_pdf", "导出施工图 PDF…", "Export drawing set PDF…", None, "export.export_drawing"),
    Entry("export_report", "导出校验报告 PDF…", "Export check report PDF…", None, "export.export_report"),
    Entry("print", "打印施工图…", "Print drawing set…", "Ctrl+P", "printing.print_sheets"),
    _separator("file"),
    Entry("quit", "退出", "Quit", "Ctrl+Q", "file.close_window"),
    # 编辑
    Entry("undo", "撤销", "Undo", "Ctrl+Z", "edit.undo", "edit"),
    Entry("redo", "重做", "Redo", "Ctrl+Y", "edit.redo", "edit"),
    _separator("edit"),
    Entry("delete", "删除", "Delete", "Del", "edit.delete", "edit"),
    Entry("duplicate", "复制", "Duplicate", "Ctrl+D", "edit.duplicate", "edit"),
    Entry("select_all", "全选", "Select all", "Ctrl+A", "edit.select_all", "edit"),
    Entry("turn", "旋转 15°", "Turn 15°", None, "edit.turn", "edit", args=(15.0,)),
    Entry("turn_back", "旋转 -15°", "Turn -15°", None, "edit.turn", "edit", args=(-15.0,)),
    _separator("edit"),
    Entry("plan_properties", "图纸属性…", "Plan properties…", None, "edit.edit_plan_properties", "edit"),
    # 视图
    Entry("fit", "缩放至全图", "Zoom to fit", "F", "view.zoom_fit", "view"),
    Entry("evacuation", "疏散视图", "Evacuation view", "E", "view.toggle_evacuation", "view", checkable=True),
    *(Entry(key, menu="view", kind="dock") for key in ("palette", "layers", "properties", "findings")),
    # 工具
    Entry("tool_select", "选择", "Select", "Esc", "tools.use_select_tool", "tools"),
    Entry("tool_measure", "测量", "Measure", "M", "tools.choose_tool", "tools", args=(("measure",),)),
    Entry("tool_pick", "拾取大厅", "Pick hall", None, "tools.choose_tool", "tools", args=(("pick-hall",),)),
    Entry(
        "tool_recognize_at",
        "单击识别房间",
        "Click a room to recognize",
        None,
        "tools.choose_tool",
        "tools",
        args=(("recognize-at",),),
    ),
    Entry("tool_route", "疏散路线", "Evacuation route", None, "tools.choose_tool", "tools", args=(("route",),)),
    Entry(
        "computed_routes",
        "将计算的疏散路径存为路线",
        "Save computed paths as routes",
        None,
        "tools.save_computed_routes",
        "tools",
    ),
    _separator("tools"),
    Entry(
        "auto_layout",
        "自动布置（补全全部）",
        "Auto layout (everything missing)",
        None,
        "autolayout.run_layout",
        "tools",
        args=(EVERYTHING,),
    ),
    Entry(
        "auto_layout_fire",
        "自动布置（仅消防与标识）",
        "Auto layout (fire and signs only)",
        None,
        "autolayout.run_layout",
        "tools",
        args=(FIRE_AND_SIGNS,),
    ),
    # 语言 / Language
    Entry("zh", "中文", "中文", None, "language.set_language", "language", args=("zh",)),
    Entry("en", "English", "English", None, "language.set_language", "language", args=("en",)),
)


def handler_of(entry: Entry):
    module, name = entry.handler.split(".")
    return getattr(HANDLERS[module], name)


def build(window) -> None:
    """The menu bar from the table: ``window.menus[key]`` the menus, ``window.acts[key]`` the actions."""
    bar = window.menuBar()
    bar.clear()
    window.menus = {key: bar.addMenu(tr(zh, en)) for key, zh, en in MENUS}
    window.acts = {}
    for entry in ENTRIES:
        menu = window.menus[entry.menu]
        if entry.kind == "separator":
            menu.addSeparator()
        elif entry.kind == "menu":
            window.menus[entry.key] = menu.addMenu(tr(entry.zh, entry.en))
        elif entry.kind == "dock":
            menu.addAction(window.docks[entry.key].toggleViewAction())
        else:
            menu.addAction(_action(window, entry))
    window.recent_menu = window.menus["recent"]
    file.fill_recent(window)


def _action(window, entry: Entry) -> QAction:
    action = QAction(tr(entry.zh, entry.en), window)
    if entry.shortcut:
        action.setShortcut(QKeySequence(entry.shortcut))
    action.setCheckable(entry.checkable)
    handler = handler_of(entry)
    if entry.checkable:
        action.triggered.connect(lambda checked=False: handler(window, *entry.args, checked))
    else:
        action.triggered.connect(lambda _=False: handler(window, *entry.args))
    window.acts[entry.key] = action
    return action


def retranslate(window) -> None:
    """The menus' and actions' texts in the language now chosen; the checkable entries as things are."""
    for key, zh, en in MENUS:
        window.menus[key].setTitle(tr(zh, en))
    for entry in ENTRIES:
        if entry.kind == "menu":
            window.menus[entry.key].setTitle(tr(entry.zh, entry.en))
        elif entry.kind == "action":
            window.acts[entry.key].setText(tr(entry.zh, entry.en))
    window.acts["evacuation"].setChecked("evacuation" not in window.scene.hidden)
    update_undo(window)


def update_undo(window) -> None:
    """撤销 and 重做: enabled when there is something to undo or redo, and say what."""
    acts = getattr(window, "acts", None)
    if not acts:
        return
    document = window.document
    acts["undo"].setEnabled(document.can_undo)
    acts["redo"].setEnabled(document.can_redo)
    if document.undo_text:
        acts["undo"].setText(tr("撤销", "Undo") + " " + tr(*document.undo_text))
    if document.redo_text:
        acts["redo"].setText(tr("重做", "Redo") + " " + tr(*document.redo_text))
