"""The architect's drawing is legible: colour 7 is dark on the light background (issue 14)."""

import ezdxf
from PyQt6.QtGui import QColor

from bianmin.designer.canvas.background import background_item


def luminance(hex_colour: str) -> float:
    c = QColor(hex_colour)
    return 0.299 * c.redF() + 0.587 * c.greenF() + 0.114 * c.blueF()


def test_colour_7_lines_and_texts_are_drawn_dark(qapp):
    doc = ezdxf.new()
    msp = doc.modelspace()
    msp.add_line((0, 0), (5000, 0), dxfattribs={"color": 7})
    msp.add_text("门厅", height=500, dxfattribs={"color": 7, "insert": (0, 1000)})
    item = background_item(doc, 1.0)
    colours = {c for tile in item.tiles.values() for kind in ("stroke", "fill") for c in tile[kind]}
    assert colours and all(luminance(c) < 0.3 for c in colours), colours
