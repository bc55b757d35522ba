"""The panels docked around the plan view (palette, layers, properties, findings) and what their
signals do (actions/)."""

from __future__ import annotations

from PyQt6.QtCore import Qt
from PyQt6.QtWidgets import QDockWidget

from bianmin.designer.actions import autolayout, edit, tools, view
from bianmin.designer.i18n import tr
from bianmin.designer.panels.findings import FindingsPanel
from bianmin.designer.panels.layers import LayersPanel
from bianmin.designer.panels.palette import Palette
from bianmin.designer.panels.properties import PropertiesPanel

# key, where, title (zh, en)
DOCKS = (
    ("palette", Qt.DockWidgetArea.LeftDockWidgetArea, ("绘制与放置", "Draw and place")),
    ("layers", Qt.DockWidgetArea.LeftDockWidgetArea, ("图层", "Layers")),
    ("properties", Qt.DockWidgetArea.RightDockWidgetArea, ("属性", "Properties")),
    ("findings", Qt.DockWidgetArea.BottomDockWidgetArea, ("校验结果", "Findings")),
)


def build(window) -> None:
    """``window.palette``, ``.layers``, ``.properties``, ``.findings`` and ``window.docks[key]``."""
    window.palette = Palette()
    window.palette.chosen.connect(lambda key: tools.choose_tool(window, key))
    window.properties = PropertiesPanel()
    window.properties.changed.connect(lambda old, new: edit.property_changed(window, old, new))
    window.properties.changed_many.connect(lambda pairs: edit.properties_changed(window, pairs))
    window.findings = FindingsPanel()
    window.findings.activated.connect(lambda finding: view.go_to_finding(window, finding))
    window.layers = LayersPanel()
    window.layers.toggled.connect(lambda key, visible: view.layer_toggled(window, key, visible))
    autolayout.wire_fixes(window)
    window.docks = {}
    for key, area, title in DOCKS:
        dock = QDockWidget(window)
        dock.setObjectName(key)
        dock.setWidget(getattr(window, key))
        dock.setProperty("title_pair", title)
        window.addDockWidget(area, dock)
        window.docks[key] = dock
    # the layers share the palette's place as a tab: the palette has the whole left column
    window.tabifyDockWidget(window.docks["palette"], window.docks["layers"])
    window.docks["palette"].raise_()
    window.resizeDocks([window.docks["palette"], window.docks["properties"]], [260, 300], Qt.Orientation.Horizontal)
    window.resizeDocks([window.docks["findings"]], [230], Qt.Orientation.Vertical)


def retranslate(window) -> None:
    for dock in window.docks.values():
        dock.setWindowTitle(tr(*dock.property("title_pair")))
