"""Draw the 256x256 application icon (packaging/linux/bianmin.png) with Qt offscreen.

A floor plan seen from above: the hall's outline, a row of counters and a door gap, in the
blue of a service-hall sign. Run once when the icon should change; build_deb.py ships the PNG.

    QT_QPA_PLATFORM=offscreen python packaging/linux/draw_icon.py
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PyQt6.QtCore import QRectF, Qt
from PyQt6.QtGui import QColor, QGuiApplication, QImage, QPainter, QPen

SIZE = 256
BLUE = QColor("#1f5fa8")
WHITE = QColor("#ffffff")
ORANGE = QColor("#f29a2e")


def draw(path: Path) -> None:
    """Paint the icon and save it as PNG at *path*."""
    image = QImage(SIZE, SIZE, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(BLUE)
    p.drawRoundedRect(QRectF(8, 8, 240, 240), 40, 40)
    # the hall's walls with a door gap at the bottom
    pen = QPen(WHITE, 14)
    pen.setCapStyle(Qt.PenCapStyle.FlatCap)
    p.setPen(pen)
    p.drawLine(48, 48, 208, 48)
    p.drawLine(48, 48, 48, 208)
    p.drawLine(208, 48, 208, 208)
    p.drawLine(48, 208, 104, 208)
    p.drawLine(152, 208, 208, 208)
    # a row of counters and the waiting seats
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(ORANGE)
    for x in (70, 112, 154):
        p.drawRect(QRectF(x, 70, 32, 22))
    p.setBrush(WHITE)
    for x in (76, 118, 160):
        for y in (128, 160):
            p.drawEllipse(QRectF(x, y, 20, 20))
    p.end()
    if not image.save(str(path), "PNG"):
        sys.exit(f"could not write {path}")


if __name__ == "__main__":
    app = QGuiApplication(sys.argv)
    draw(Path(__file__).with_name("bianmin.png"))
