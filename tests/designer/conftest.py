"""Fixtures for the designer tests: a main window on a plan, offscreen, with its first check done."""

import shutil

import pytest

pytest.importorskip("PyQt6")

from PyQt6.QtCore import QSettings  # noqa: E402

from bianmin.designer.main_window import MainWindow  # noqa: E402


def pytest_configure(config):
    config.addinivalue_line("markers", "crash_expected: the test raises inside a slot on purpose")


@pytest.fixture
def make_window(qtbot, tmp_path, request):
    """A main window; the test fails if any exception escaped into Qt while it ran (the designer's
    crash hook keeps the window alive, so without this check a bug in a slot would go unnoticed)."""
    windows = []
    yield_make = _maker(qtbot, tmp_path, windows)
    yield yield_make
    if request.node.get_closest_marker("crash_expected") is None:
        crashed = [w.crash_text for w in windows if getattr(w, "crash_text", None)]
        assert not crashed, "an exception escaped into Qt:\n" + crashed[0]


def _maker(qtbot, tmp_path, windows):
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
        windows.append(window)
        return window

    return make


@pytest.fixture
def plan_file(root, tmp_path):
    path = tmp_path / "plan.dxf"
    shutil.copy(root / "src" / "bianmin" / "templates" / "street-center.dxf", path)
    return path
