"""Driving the designer as a person would: mouse and key events at plan coordinates."""

from PyQt6.QtCore import QEvent, QPointF, Qt
from PyQt6.QtGui import QMouseEvent
from PyQt6.QtWidgets import QApplication


def mouse(window, kind, xy, button=Qt.MouseButton.LeftButton, held=None, modifiers=Qt.KeyboardModifier.NoModifier):
    """Send a mouse event at plan point xy (mm) to the view."""
    view = window.view
    local = view.mapFromScene(QPointF(*xy))
    types = {
        "press": QEvent.Type.MouseButtonPress,
        "move": QEvent.Type.MouseMove,
        "release": QEvent.Type.MouseButtonRelease,
        "double": QEvent.Type.MouseButtonDblClick,
    }
    buttons = held if held is not None else (button if kind in ("press", "move", "double") else Qt.MouseButton.NoButton)
    event = QMouseEvent(
        types[kind],
        QPointF(local),
        QPointF(view.viewport().mapToGlobal(local)),
        button if kind != "move" else Qt.MouseButton.NoButton,
        buttons,
        modifiers,
    )
    QApplication.sendEvent(view.viewport(), event)


def key(window, k, modifiers=Qt.KeyboardModifier.NoModifier):
    from PyQt6.QtTest import QTest

    QTest.keyClick(window.view, k, modifiers)


def click(window, xy):
    mouse(window, "press", xy)
    mouse(window, "release", xy)


def wait_validation(qtbot, window):
    with qtbot.waitSignal(window.validator.finished, timeout=20000):
        pass
    return window.validator.last_report


def double_click(window, xy):
    """What Qt delivers for a double click: press, release, double-click, release."""
    mouse(window, "press", xy)
    mouse(window, "release", xy)
    mouse(window, "double", xy)
    mouse(window, "release", xy)
