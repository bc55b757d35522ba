"""``bianmin design [PLAN.dxf] [--screenshot OUT.png]``: start the desktop designer."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path


def run(plan: str | None = None, *, screenshot: str | None = None, lang: str = "zh", settings=None) -> int:
    if (
        screenshot
        and not os.environ.get("QT_QPA_PLATFORM")
        and not os.environ.get("DISPLAY")
        and sys.platform.startswith("linux")
    ):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PyQt6.QtCore import QSettings
    from PyQt6.QtWidgets import QApplication

    from bianmin.designer.document import PlanDocument
    from bianmin.designer.i18n import language, set_language
    from bianmin.designer.qt_language import use_qt_language
    from bianmin.designer.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Bianmin")
    app.setOrganizationName("bianmin")
    settings = settings or QSettings("bianmin", "designer")
    set_language(lang if lang != "zh" else str(settings.value("language", "zh")))
    use_qt_language(language())
    _chinese_ui_font(app)
    window = MainWindow(PlanDocument.new(), settings=settings, interactive=screenshot is None)
    window.show()  # the window first, then the drawing with its progress dialog: never a frozen nothing
    if plan:
        if not window.open_path(Path(plan)) and screenshot:
            _, text = getattr(window, "last_error", ("", ""))
            reason = text.split("\n\n", 1)[-1] if text else ""
            print(f"bianmin: 无法打开 / cannot open {plan}" + (f"：{reason}" if reason else ""), file=sys.stderr)
            return 2
    if screenshot:
        return _screenshot(app, window, Path(screenshot))
    recovered = recover_orphans(window, settings)  # noqa: F841 - the windows live as long as the app
    return app.exec()


def recover_orphans(window, settings, ask=None) -> list:
    """Offer each untitled plan a crashed designer left in an autosave (issue 15): a recovered one opens,
    unsaved, in a window of its own; a declined one may be deleted or kept for later.  ``ask(side)``
    answers "recover", "delete" or "later" (tests); by default a dialog asks.  Returns the new windows."""
    from PyQt6.QtWidgets import QMessageBox

    from bianmin.designer.autosave import orphaned_autosaves
    from bianmin.designer.document import PlanDocument
    from bianmin.designer.i18n import tr
    from bianmin.designer.main_window import MainWindow

    opened = []
    for side in orphaned_autosaves():
        if ask is not None:
            answer = ask(side)
        else:
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(side.stat().st_mtime))
            box = QMessageBox(
                QMessageBox.Icon.Question,
                tr("恢复未命名图纸", "Recover an untitled plan"),
                tr(
                    f"发现一份未命名图纸的自动保存（{when}），是上次异常退出时留下的：\n{side}\n是否恢复？",
                    f"An autosave of an untitled plan ({when}) was left by a designer that ended "
                    f"unexpectedly:\n{side}\nRecover it?",
                ),
                parent=window,
            )
            yes = box.addButton(tr("恢复", "Recover"), QMessageBox.ButtonRole.AcceptRole)
            drop = box.addButton(tr("删除", "Delete"), QMessageBox.ButtonRole.DestructiveRole)
            box.addButton(tr("以后再说", "Later"), QMessageBox.ButtonRole.RejectRole)
            box.exec()
            answer = "recover" if box.clickedButton() is yes else "delete" if box.clickedButton() is drop else "later"
        if answer == "recover":
            try:
                document = PlanDocument.recover_untitled(side)
            except Exception as exc:  # noqa: BLE001 - a broken autosave is a message, never an abort
                window.error(tr("无法恢复自动保存", "Cannot recover the autosave"), f"{side}\n\n{exc}")
                continue
            other = MainWindow(document, settings=settings, interactive=window.interactive)
            other.show()
            opened.append(other)
        elif answer == "delete":
            try:
                side.unlink()
            except OSError:
                pass
    return opened


def _screenshot(app, window, out: Path) -> int:
    """Wait for the first validation, grab the whole window, exit."""
    from PyQt6.QtCore import QTimer

    done = {"code": 1}

    def grab():
        window.view.zoom_fit()
        app.processEvents()
        ok = window.grab().save(str(out))
        done["code"] = 0 if ok else 2
        if not ok:
            print(f"bianmin: 无法写入截图 / cannot write {out}", file=sys.stderr)
        app.quit()

    def validated(*_):
        QTimer.singleShot(200, grab)

    window.validator.finished.connect(validated)
    if window.validator.last_report is not None:
        validated()
    QTimer.singleShot(60_000, grab)  # never hang: a minute at most
    app.exec()
    return done["code"]


def _chinese_ui_font(app) -> None:
    """Prefer the Chinese UI fonts of Windows and Linux for the interface."""
    from PyQt6.QtGui import QFont, QFontDatabase

    families = set(QFontDatabase.families())
    for name in (
        "Microsoft YaHei UI",
        "Microsoft YaHei",
        "SimHei",
        "WenQuanYi Micro Hei",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "PingFang SC",
    ):
        if name in families:
            font = QFont(name)
            font.setPointSize(9)
            app.setFont(font)
            return
