"""The designer's 工具 > 自动布置 menu entries and the findings panel's 修复 buttons (Qt side)."""

from __future__ import annotations

from .autolayout import EVERYTHING, FIRE_AND_SIGNS, auto_layout_command, has_fix, quick_fix
from .i18n import tr


def install(window, menu, act) -> None:
    """Add the menu entries to ``menu`` (``act`` is the window's action factory) and wire the panel."""
    menu.addSeparator()
    menu.addAction(
        act(
            "auto_layout",
            ("自动布置（补全全部）", "Auto layout (everything missing)"),
            lambda: run_layout(window, EVERYTHING),
        )
    )
    menu.addAction(
        act(
            "auto_layout_fire",
            ("自动布置（仅消防与标识）", "Auto layout (fire and signs only)"),
            lambda: run_layout(window, FIRE_AND_SIGNS),
        )
    )
    panel = window.findings
    if panel.fixable is None:
        panel.fixable = lambda f: window.document is not None and has_fix(f, window.document.plan)
        panel.fix_requested.connect(lambda f: apply_fix(window, f))


def run_layout(window, only) -> None:
    plan = window.document.plan
    if plan.hall is None:
        window.status(tr("请先绘制或拾取大厅外形", "draw or pick the hall outline first"))
        return
    command, result = auto_layout_command(plan, only)
    if command is None:
        window.status(tr("没有需要补充的对象", "nothing is missing"))
        return
    window.document.do(command)
    notes = "；".join(n.zh for n in result.notes) if result.notes else ""
    window.status(
        tr(
            f"自动布置：已添加 {len(result.added)} 个对象（可撤销）" + (f"。{notes}" if notes else ""),
            f"auto layout: added {len(result.added)} objects (undoable)",
        )
    )


def apply_fix(window, finding) -> None:
    command = quick_fix(window.document.plan, finding)
    if command is None:
        window.status(tr(f"{finding.rule}：没有可自动完成的修复", f"{finding.rule}: no mechanical fix"))
        return
    window.document.do(command)
    window.status(tr(f"已修复 {finding.rule}（可撤销）", f"fixed {finding.rule} (undoable)"))
