"""工具 > 自动布置 and the findings panel's 修复 buttons (Qt side; the layout itself is designer/autolayout.py)."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QMessageBox

from bianmin.designer.autolayout import auto_layout_command, has_fix, quick_fix_with_notes
from bianmin.designer.i18n import language, tr
from bianmin.designer.in_thread import run_in_thread


def wire_fixes(window) -> None:
    """The findings panel offers 修复 where a fix may exist, and runs it (the menu entries are in actions/menus.py)."""
    panel = window.findings
    if panel.fixable is None:
        panel.fixable = lambda f: window.document is not None and has_fix(f, window.document.plan)
        panel.fix_requested.connect(lambda f: apply_fix(window, f))


def layout_summary(added: int, notes) -> tuple[str, list[str]]:
    """What 自动布置 tells the user, in the chosen language: a one-line summary and the list of what
    it could not do (each note names its rule and what would fix it)."""

    def label(n) -> str:  # a note on the arrangements tried is not a rule's: it gets a name, not an id
        return tr("布置方案", "Arrangements") if n.rule == "LAYOUT-OPTIONS" else n.rule

    lines = [f"{label(n)}：{n.zh}" if language() != "en" else f"{label(n)}: {n.en}" for n in notes]
    if added:
        head = tr(f"自动布置：已添加 {added} 个对象（可撤销）", f"Auto layout: added {added} objects (undoable)")
    elif lines:
        head = tr("自动布置：没有添加对象", "Auto layout: nothing was added")
    else:
        head = tr("没有需要补充的对象", "nothing is missing")
    if lines:
        head += tr(f"；{len(lines)} 条说明，见列表", f"; {len(lines)} note(s), see the list")
    return head, lines


def notes_box(window, head: str, lines: list[str]) -> QMessageBox:
    """The message box listing the layout's notes: what it could not do or chose (the status bar cut them off)."""
    box = QMessageBox(QMessageBox.Icon.Information, tr("自动布置", "Auto layout"), head, parent=window)
    box.setInformativeText("\n".join(f"• {line}" for line in lines))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return box


def _config(window):
    """The configuration the designer checks with (designer/validation.py), for the layout's distances."""
    return window.validator.config if window.validator is not None else None


def run_layout(window, only) -> None:
    plan = window.document.plan
    if plan.hall is None:
        window.status(tr("请先绘制或拾取大厅外形", "draw or pick the hall outline first"))
        return
    command, result = run_in_thread(
        window, ("正在自动布置", "Laying out"), auto_layout_command, plan, only, _config(window)
    )
    if command is not None:
        window.document.do(command)
    head, lines = layout_summary(len(result.added) if command is not None else 0, result.notes)
    window.layout_notes = lines
    window.status(head)
    if lines and window.interactive:
        notes_box(window, head, lines).exec()


def apply_fix(window, finding) -> None:
    words = (f"正在修复 {finding.rule}", f"Fixing {finding.rule}")
    command, notes = run_in_thread(window, words, quick_fix_with_notes, window.document.plan, finding, _config(window))
    why_zh = f"：{notes[0].zh}" if notes else ""
    why_en = f": {notes[0].en}" if notes else ""
    if command is None:
        if notes:
            window.status(
                tr(f"{finding.rule}：无法自动修复{why_zh}", f"{finding.rule}: cannot be fixed automatically{why_en}")
            )
        else:
            window.status(
                tr(
                    f"{finding.rule}：没有可自动完成的修复（已无需补充）",
                    f"{finding.rule}: no mechanical fix (nothing is missing)",
                )
            )
        window.findings.drop_fix(finding)
        window.view.setFocus()
        return
    window.document.do(command)
    window.view.setFocus()  # Ctrl+Z now undoes the fix, not an edit in the properties panel
    if notes:  # it placed what it could; the finding may stand, and this says why
        window.status(
            tr(f"已部分修复 {finding.rule}（可撤销）{why_zh}", f"partly fixed {finding.rule} (undoable){why_en}")
        )
    else:
        window.status(tr(f"已修复 {finding.rule}（可撤销）", f"fixed {finding.rule} (undoable)"))
