"""视图 menu: zoom to fit, the evacuation view (also a layer in the layers panel), and going to
a finding chosen in the findings panel."""

from __future__ import annotations

from PyQt6.QtCore import QRectF

from bianmin.designer.i18n import language


def zoom_fit(window) -> None:
    window.view.zoom_fit()


def toggle_evacuation(window, checked: bool) -> None:
    window.scene.set_layer_visible("evacuation", checked)
    window.layers.set_checked("evacuation", checked)


def layer_toggled(window, key: str, visible: bool) -> None:
    """The layers panel hid or showed a layer; the evacuation layer's menu entry follows."""
    window.scene.set_layer_visible(key, visible)
    if key == "evacuation" and "evacuation" in getattr(window, "acts", {}):
        window.acts["evacuation"].setChecked(visible)


def go_to_finding(window, finding) -> None:
    if finding is None:
        return
    window.scene.clearSelection()
    rect = QRectF()
    for handle in finding.handles:
        item = window.scene.items_by_id.get(handle)
        if item is not None:
            item.setSelected(True)
            rect = rect.united(item.sceneBoundingRect())
    if finding.location is not None:
        x, y = finding.location
        rect = rect.united(QRectF(x - 3000, y - 3000, 6000, 6000))
    if not rect.isEmpty():
        window.view.zoom_to(rect, margin=0.3)
    window.status(f"{finding.rule}：{finding.text(language())}")
