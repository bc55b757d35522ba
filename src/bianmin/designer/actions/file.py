"""文件 menu: new, open (with its autosave offered back), save, save as, recent files, reload, and the
check that the file on disk was not changed by another program since it was opened (never write
over it).  Every failure is a message; the plan stays open and unsaved (never an abort)."""

from __future__ import annotations

import time
from pathlib import Path

from PyQt6.QtWidgets import QApplication, QFileDialog, QMessageBox

from bianmin.geometry.atomic import ReadOnlyTargetError
from bianmin.geometry.dxf.read import PlanReadError, read_plan

from bianmin.designer.actions import save_target
from bianmin.designer.autosave import recoverable
from bianmin.designer.document import ExternalChangeError, PlanDocument, PropertiesNotSaved
from bianmin.designer.i18n import tr
from bianmin.designer.open_in_thread import open_with_progress

RECENT_MAX = 8


def confirm_discard(window) -> bool:
    """True when it is fine to drop the current plan (saved, or the user says so)."""
    if not window.document.dirty or not window.interactive:
        return True
    answer = QMessageBox.question(
        window,
        tr("未保存的修改", "Unsaved changes"),
        tr(
            f"“{window.document.title}”有未保存的修改，是否保存？",
            f"“{window.document.title}” has unsaved changes. Save them?",
        ),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
    )
    if answer == QMessageBox.StandardButton.Save:
        return save(window)
    return answer == QMessageBox.StandardButton.Discard


def new_plan(window) -> None:
    if window.confirm_discard():
        window.load(PlanDocument.new())


def new_from_template(window, name: str) -> None:
    if window.confirm_discard():
        window.load(PlanDocument.from_template(name))


def open_dialog(window) -> None:
    path, _ = QFileDialog.getOpenFileName(
        window,
        tr("打开图纸", "Open plan"),
        last_dir(window),
        tr("图纸 (*.dxf *.DXF *.dwg *.DWG)", "Drawings (*.dxf *.DXF *.dwg *.DWG)"),
    )
    if path:
        open_path(window, Path(path))


def open_path(window, path: Path) -> bool:
    """Open a plan; a broken file leaves the current plan as it is and says why."""
    if not window.confirm_discard():
        return False
    path = Path(path)
    if window.document is not None:
        window.document.release()  # the same plan opened again in this window is not "open elsewhere"
    outcome, progress = open_with_progress(window, path, PlanDocument.open)
    if window.document is not None and outcome.document is None:
        window.document.reclaim()
    try:
        if outcome.cancelled:
            window.status(tr(f"已取消打开 {path.name}", f"opening {path.name} cancelled"))
            return False
        if outcome.error is not None:
            exc = outcome.error
            reason = str(exc) if isinstance(exc, PlanReadError) else f"{type(exc).__name__}: {exc}"
            progress.hide()  # never take the window down for a bad file: say why, keep the plan
            window.error(tr("无法打开图纸", "Cannot open the plan"), f"{path}\n\n{reason}")
            return False
        document = outcome.document
        side = recoverable(path)
        if side is not None and window.interactive:
            progress.hide()
            if ask_recover(window, side):
                try:
                    document.release()  # the recovered plan takes its place in this window
                    document = PlanDocument(read_plan(side), path)
                    document._clean_depth = None  # recovered work is unsaved work
                except PlanReadError as exc:
                    document.reclaim()
                    window.error(tr("无法恢复自动保存", "Cannot recover the autosave"), str(exc))
            progress.show()
        progress.set_stage("draw")
        QApplication.processEvents()
        window.load(document)
    finally:
        progress.close()
        progress.deleteLater()
    remember(window, path)
    return True


def ask_recover(window, side: Path) -> bool:
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(side.stat().st_mtime))
    answer = QMessageBox.question(
        window,
        tr("恢复自动保存", "Recover autosave"),
        tr(
            f"发现比图纸更新的自动保存（{when}），可能是上次异常退出时留下的。是否恢复？",
            f"An autosave newer than the plan was found ({when}), probably from a crash. Recover it?",
        ),
    )
    return answer == QMessageBox.StandardButton.Yes


def save(window) -> bool:
    if save_target.is_architects_drawing(window.document):  # never over the architect's drawing unasked
        if not window.interactive:  # no questions (tests, screenshots): straight to NAME-布置.dxf
            return save_to(window, save_target.planner_copy(window.document.path))
        return save_as(window)  # NAME-布置.dxf is proposed
    if window.document.path is None:
        return save_as(window)
    return save_to(window, window.document.path)


def save_as(window) -> bool:
    filters, current = save_target.version_filters(window.document.read.doc)
    path, chosen = QFileDialog.getSaveFileName(
        window, tr("另存为", "Save as"), save_target.start_for_save_as(window), ";;".join(filters), current
    )
    if not path:
        return False
    save_target.apply_version(window.document.read.doc, chosen)
    path = Path(path)
    if path.suffix.lower() != ".dxf":
        path = path.with_suffix(".dxf")  # never over a .dwg: the plan is written as DXF
    return save_to(window, path)


def save_to(window, path: Path, *, allow_readonly: bool = False, overwrite_external: bool = False) -> bool:
    """Save; every failure is a message and the plan stays open and unsaved (never an abort)."""
    try:
        window.document.save(path, allow_readonly=allow_readonly, overwrite_external=overwrite_external)
    except ExternalChangeError:
        return external_change(window, path)
    except ReadOnlyTargetError:
        if window.interactive and window._ask(
            tr("文件只读", "Read-only file"),
            tr(f"{path} 是只读文件。仍然覆盖它吗？", f"{path} is read-only. Replace it anyway?"),
        ):
            return save_to(window, path, allow_readonly=True, overwrite_external=overwrite_external)
        window.error(
            tr("保存失败", "Save failed"),
            tr(
                f"{path} 是只读文件，未保存。请用“另存为”保存到别处。",
                f"{path} is read-only: not saved. Use Save As to save elsewhere.",
            ),
        )
        return False
    except PropertiesNotSaved as exc:
        # said before the status bar says 已保存, and the status bar keeps saying it
        window.error(
            tr("图纸属性未能全部保存", "Plan properties not all saved"),
            tr(
                f"已写入 {path}，但读回时缺少这些图纸属性：{', '.join(exc.missing)}。"
                f"请另存为 AutoCAD 2004 或更新版本的 DXF。",
                f"{path} was written, but reading it back lacks: {', '.join(exc.missing)}. Save as DXF 2004 or newer.",
            ),
        )
        remember(window, path)
        window.update_title()
        window.status(
            tr(
                f"已保存 {path}，但缺少图纸属性：{', '.join(exc.missing)}",
                f"saved {path}, but without the plan properties {', '.join(exc.missing)}",
            )
        )
        return True
    except Exception as exc:  # a full disk, no permission, a DXF version that cannot hold something
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else f"{type(exc).__name__}: {exc}"
        window.error(
            tr("保存失败", "Save failed"),
            tr(
                f"无法写入 {path}：{reason}\n原文件未改动，图纸仍然打开，修改未丢失。",
                f"Cannot write {path}: {reason}\nThe old file is unchanged; the plan stays open with every edit.",
            ),
        )
        return False
    saved(window, path)
    return True


def saved(window, path: Path) -> None:
    remember(window, path)
    window.status(tr(f"已保存 {path}", f"saved {path}"))
    window.update_title()


def external_change(window, path: Path) -> bool:
    """The file changed on disk since it was opened: never write over it (our edits were made against
    its old handles and would drop what it holds now); offer Save As, or Reload."""
    text = tr(
        f"{path} 在打开后被其他程序修改过。保存到原文件会丢失对方的修改，因此未保存。\n"
        f"请“另存为”一个新文件再核对两份图纸，或“重新载入”该文件（放弃本窗口未保存的修改）。",
        f"{path} was changed by another program since it was opened. Saving over it would lose "
        f"those changes, so it was not saved.\nSave As a new file and compare the two, or Reload the "
        f"file (dropping this window's unsaved edits).",
    )
    if window.interactive:
        box = QMessageBox(QMessageBox.Icon.Warning, tr("文件已被修改", "File changed on disk"), text, parent=window)
        save_as_button = box.addButton(tr("另存为…", "Save As…"), QMessageBox.ButtonRole.AcceptRole)
        reload_button = box.addButton(tr("重新载入", "Reload"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is save_as_button:
            return save_as(window)
        if box.clickedButton() is reload_button:
            reload_from_disk(window)
        return False
    window.error(tr("文件已被修改", "File changed on disk"), text)
    return False


def reload_from_disk(window) -> bool:
    """Open the plan file again as it is now (its autosave keeps this window's edits until then)."""
    path = window.document.path
    if path is None:
        return False
    window.autosave(force=True)
    window.document.release()  # the plan read again is this window's, not another's (open_marks.py)
    try:
        document = PlanDocument.open(path)
    except Exception as exc:  # noqa: BLE001 - a broken file is a message; the window keeps its plan
        window.document.reclaim()
        window.error(tr("无法打开图纸", "Cannot open the plan"), f"{path}\n\n{exc}")
        return False
    window.load(document)
    window.status(tr(f"已重新载入 {path}", f"reloaded {path}"))
    return True


def close_window(window) -> None:
    window.close()  # closeEvent asks about unsaved edits


# -- recent files and the folder last used -----------------------------------------------------
def last_dir(window) -> str:
    return str(window.settings.value("last_dir", str(Path.home())))


def remember(window, path: Path) -> None:
    recent = [p for p in (window.settings.value("recent", []) or []) if p != str(path)]
    recent.insert(0, str(path))
    window.settings.setValue("recent", recent[:RECENT_MAX])
    window.settings.setValue("last_dir", str(path.parent))
    fill_recent(window)


def fill_recent(window) -> None:
    """The 最近打开 submenu (made by actions/menus.py) lists the remembered files."""
    menu = getattr(window, "recent_menu", None)
    if menu is None:
        return
    menu.clear()
    for p in window.settings.value("recent", []) or []:
        a = menu.addAction(p)
        a.triggered.connect(lambda _=False, path=p: open_path(window, Path(path)))
