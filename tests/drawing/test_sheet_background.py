"""The architect's drawing on the PDF sheet: legible text, curves as curves, nothing the sheet does not show.

The TArch plan's sheet was 4.3 MB: glyphs and arcs flattened into half a million line
segments, every line with its own colour and width, the drawing's other floors drawn under
the clip. Read back from the page's content stream here.
"""

from __future__ import annotations

from pypdf import PdfReader

from bianmin.drawing.background import ReportLabBackend
from bianmin.drawing.drawing import write_drawing
from bianmin.geometry.dxf.read import read_plan


def plan_page_ops(path):
    data = PdfReader(str(path)).pages[0].get_contents().get_data()
    return data, data.split()


def pdf_colour(rgb, op: bytes) -> bytes:
    """A colour as reportlab spells it in the stream: 0.42 -> .42, 1.0 -> 1."""
    return b" ".join(("%g" % v).lstrip("0").encode() if 0 < v < 1 else b"%g" % v for v in rgb) + b" " + op


def with_background(root, far: bool):
    read = read_plan(root / "src" / "bianmin" / "templates" / "street-center.dxf")
    msp = read.doc.modelspace()
    x0, y0, x1, y1 = read.plan.hall.polygon.bounds
    msp.add_text("门厅", height=600, dxfattribs={"color": 7, "layer": "A-TEXT", "insert": (x0 + 2000, y0 + 2000)})
    msp.add_circle(((x0 + x1) / 2, (y0 + y1) / 2), 1500, dxfattribs={"layer": "A-COLU"})
    if far:  # another floor of the same drawing, 1 km away: not on this sheet
        points = [(1_000_000 + i * 50.0, (i % 2) * 300.0) for i in range(3000)]
        msp.add_lwpolyline(points, dxfattribs={"layer": "A-WALL"})
        for i in range(20):
            msp.add_text("办公室", height=600, dxfattribs={"layer": "A-TEXT", "insert": (1_000_000 + i * 4000, 5000)})
    return read


def test_text_dark_curves_as_curves_and_far_content_left_out(root, tmp_path):
    near, far = tmp_path / "near.pdf", tmp_path / "far.pdf"
    write_drawing(with_background(root, far=False), near, paper="A3")
    write_drawing(with_background(root, far=True), far, paper="A3")
    data, ops = plan_page_ops(near)
    far_data, _ = plan_page_ops(far)

    # 3000 vertices and 20 texts a kilometre away add nothing to the page
    assert abs(len(far_data) - len(data)) < 200, (len(data), len(far_data))

    # the circle and the glyphs of 门厅 are Bézier curves, not hundreds of short lines
    assert ops.count(b"c") >= 4
    assert ops.count(b"l") < 3000, ops.count(b"l")

    # colour 7 text is filled dark enough to read on white (it was the hatch grey, 0.84)
    r, g, b = ReportLabBackend.TEXT
    assert 0.299 * r + 0.587 * g + 0.114 * b < 0.5
    assert pdf_colour(ReportLabBackend.TEXT, b"rg") in data, "the text of the architect's drawing was not drawn"

    # colour and width are set once for all the architect's lines, not once per line
    assert data.count(pdf_colour(ReportLabBackend.STROKE, b"RG")) == 1


def test_streams_are_deflated_not_ascii85(root, tmp_path):
    out = tmp_path / "set.pdf"
    write_drawing(read_plan(root / "src" / "bianmin" / "templates" / "street-center.dxf"), out, paper="A3")
    raw = out.read_bytes()
    assert b"/ASCII85Decode" not in raw and b"/FlateDecode" in raw
    from reportlab import rl_config

    assert rl_config.useA85 == 1, "reportlab's setting is restored for anyone else"


def test_a_block_whose_insertion_point_is_far_but_whose_lines_are_on_the_sheet_is_drawn(root, tmp_path):
    """Block references wholly outside the sheet are skipped before ezdxf explodes them; one that
    is inserted a kilometre away but whose geometry lands in the hall must still be drawn."""
    counts = {}
    for case in ("none", "far-base", "far-block"):
        read = read_plan(root / "src" / "bianmin" / "templates" / "street-center.dxf")
        x0, y0, x1, y1 = read.plan.hall.polygon.bounds
        cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
        block = read.doc.blocks.new(name="FAR_GEOMETRY")
        block.add_circle((1_000_000, 0), 1200, dxfattribs={"layer": "A-COLU"})
        msp = read.doc.modelspace()
        if case == "far-base":  # insertion point 1 km off, the circle at the hall's centre
            msp.add_blockref("FAR_GEOMETRY", (cx - 1_000_000, cy), dxfattribs={"layer": "A-COLU"})
        elif case == "far-block":  # everything 1 km off
            msp.add_blockref("FAR_GEOMETRY", (cx, cy), dxfattribs={"layer": "A-COLU"})
        out = tmp_path / f"{case}.pdf"
        write_drawing(read, out, paper="A3")
        counts[case] = plan_page_ops(out)[1].count(b"c")
    assert counts["far-base"] >= counts["none"] + 4, counts  # a circle is four Bézier curves
    assert counts["far-block"] == counts["none"], counts
