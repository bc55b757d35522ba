"""Fixtures for the designer tests: a main window on a plan, offscreen, with its first check done."""
import shutil

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import QSettings  # noqa: E402

from bianmin.designer.main_window import MainWindow  # noqa: E402


@pytest.fixture
def make_window(qtbot, tmp_path):
    def make(document=None):
        settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(document, settings=settings, interactive=False)
        qtbot.addWidget(window)
        window.resize(1400, 900)
        window.show()
        qtbot.waitExposed(window)
        with qtbot.waitSignal(window.validator.finished, timeout=20000):
            pass
        window.view.zoom_fit()
        return window
    return make


@pytest.fixture
def plan_file(root, tmp_path):
    path = tmp_path / "plan.dxf"
    shutil.copy(root / "templates" / "street-center.dxf", path)
    return path
