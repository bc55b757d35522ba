"""``bianmin design [PLAN.dxf] [--screenshot OUT.png]``: start the desktop designer."""
from __future__ import annotations

import os
import sys
from pathlib import Path


def run(plan: str | None = None, *, screenshot: str | None = None, lang: str = "zh", settings=None) -> int:
    if screenshot and not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PyQt6.QtCore import QSettings
    from PyQt6.QtWidgets import QApplication

    from .document import PlanDocument
    from .i18n import set_language
    from .main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Bianmin")
    app.setOrganizationName("bianmin")
    settings = settings or QSettings("bianmin", "designer")
    set_language(lang if lang != "zh" else str(settings.value("language", "zh")))
    _chinese_ui_font(app)
    window = MainWindow(PlanDocument.new(), settings=settings, interactive=screenshot is None)
    if plan:
        if not window.open_path(Path(plan)) and screenshot:
            print(f"bianmin: 无法打开 / cannot open {plan}", file=sys.stderr)
            return 2
    window.show()
    if screenshot:
        return _screenshot(app, window, Path(screenshot))
    return app.exec()


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
    for name in ("Microsoft YaHei UI", "Microsoft YaHei", "SimHei", "WenQuanYi Micro Hei", "Noto Sans CJK SC",
                 "Source Han Sans SC", "PingFang SC"):
        if name in families:
            font = QFont(name)
            font.setPointSize(9)
            app.setFont(font)
            return
