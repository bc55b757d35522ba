"""The heat map's legend: a colour bar in the corner of the view, from 0 m (green) to the
walking-distance limit (red), with the limit named, shown while the evacuation view is.

The colours come from the same function that paints the heat map (scene.heat_rgba), so the
bar cannot drift from the map.
"""

from __future__ import annotations

import numpy as np
from PyQt6.QtCore import QRectF, Qt
from PyQt6.QtGui import QColor, QFont, QImage, QPainter, QPen
from PyQt6.QtWidgets import QWidget

from bianmin.designer.i18n import tr

BAR_W, BAR_H = 180, 12


class HeatLegend(QWidget):
    """Shown over the view's bottom-left corner; ``show_limit(None)`` hides it."""

    def __init__(self, parent, rgba):
        super().__init__(parent)
        self._rgba = rgba  # distances (mm) and limit -> RGBA array, as the heat map uses
        self.limit_mm: float | None = None
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.resize(BAR_W + 24, 62)
        self.hide()

    def show_limit(self, limit_mm: float | None) -> None:
        self.limit_mm = limit_mm
        self.setVisible(limit_mm is not None)
        self.place()
        self.update()

    def place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            self.move(10, max(0, parent.height() - self.height() - 10))

    def texts(self) -> tuple[str, str, str]:
        """Title, middle and end labels (for the painter and for tests)."""
        limit_m = (self.limit_mm or 0.0) / 1000.0
        title = tr("至最近安全出口的步行距离", "Walking distance to the nearest exit")
        return title, f"{limit_m / 2:.0f} m", tr(f"{limit_m:.0f} m（限值）", f"{limit_m:.0f} m (limit)")

    def paintEvent(self, event):
        if self.limit_mm is None:
            return
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        p.setPen(QPen(QColor("#9e9e9e")))
        p.setBrush(QColor(255, 255, 255, 230))
        p.drawRoundedRect(QRectF(0.5, 0.5, self.width() - 1, self.height() - 1), 4, 4)
        font = QFont(self.font())
        font.setPointSizeF(8.5)
        p.setFont(font)
        p.setPen(QColor("#212121"))
        title, middle, end = self.texts()
        p.drawText(QRectF(12, 4, self.width() - 16, 16), Qt.AlignmentFlag.AlignLeft, title)
        ramp = np.linspace(0.0, self.limit_mm, BAR_W).reshape(1, BAR_W)
        rgba = np.ascontiguousarray(self._rgba(ramp, self.limit_mm))
        rgba[..., 3] = 255
        image = QImage(rgba.data, BAR_W, 1, 4 * BAR_W, QImage.Format.Format_RGBA8888).copy()
        p.drawImage(QRectF(12, 22, BAR_W, BAR_H), image)
        p.setPen(QColor("#616161"))
        p.setBrush(Qt.BrushStyle.NoBrush)  # the frame only: the panel's white brush would veil the bar
        p.drawRect(QRectF(12, 22, BAR_W, BAR_H))
        p.setPen(QColor("#212121"))
        y = 22 + BAR_H + 2
        p.drawText(QRectF(8, y, 40, 16), Qt.AlignmentFlag.AlignLeft, "0")
        p.drawText(QRectF(12 + BAR_W / 2 - 30, y, 60, 16), Qt.AlignmentFlag.AlignHCenter, middle)
        p.drawText(QRectF(12 + BAR_W - 100, y, 100 + 8, 16), Qt.AlignmentFlag.AlignRight, end)
        p.end()
