"""The status bar: messages, and beside them the units offer, the rules config in use, the hall's
area, what the cursor snaps to and where it is."""

from __future__ import annotations

from PyQt6.QtWidgets import QLabel, QPushButton

from bianmin.designer.actions.units import accept_units_offer
from bianmin.designer.i18n import tr

SNAP_NAMES = {
    "endpoint": ("端点", "endpoint"),
    "midpoint": ("中点", "midpoint"),
    "edge": ("边线", "edge"),
    "hall": ("大厅外墙线", "hall outline"),
    "grid": ("网格", "grid"),
}


def build(window) -> None:
    window.coords = QLabel()
    window.snap_label = QLabel()
    window.area_label = QLabel()
    window.config_label = QLabel()
    # a better guess of the drawing's units, offered once a hall is drawn (hidden otherwise)
    window.units_button = QPushButton()
    window.units_button.setStyleSheet("color: #b06000")
    window.units_button.clicked.connect(lambda _=False: accept_units_offer(window))
    window.units_button.setVisible(False)
    for w in (window.units_button, window.config_label, window.area_label, window.snap_label, window.coords):
        window.statusBar().addPermanentWidget(w)


def say(window, text: str) -> None:
    window.statusBar().showMessage(text, 8000)


def show_snap(window, kind) -> None:
    window.snap_label.setText(tr("吸附：", "snap: ") + tr(*SNAP_NAMES[kind]) if kind in SNAP_NAMES else "")


def show_cursor(window, x: float, y: float) -> None:
    window.coords.setText(f"X {x / 1000:.2f} m   Y {y / 1000:.2f} m")


def show_hall_area(window) -> None:
    plan = window.document.plan
    area = plan.hall_area_m2
    window.area_label.setText(
        tr(f"大厅 {area:.1f} m²", f"hall {area:.1f} m²") if plan.hall else tr("未设置大厅", "no hall")
    )
