"""Small hand-made drawings for reader tests."""

import ezdxf

from bianmin.geometry.dxf.write import ensure_block


def drawing(units=4, version="R2010"):
    doc = ezdxf.new(version)
    if version != "R12":
        doc.header["$INSUNITS"] = units
    return doc


def hall(doc, w=20000, h=12000, layer="BM-HALL"):
    return doc.modelspace().add_lwpolyline([(0, 0), (w, 0), (w, h), (0, h)], close=True, dxfattribs={"layer": layer})


def counter_block(doc):
    ensure_block(doc, "BM_COUNTER")
