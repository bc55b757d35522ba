"""Sheet furniture in the manner of GB/T 50001: border, title block, scale bar, north arrow (the legend: legend.py)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from bianmin.drawing.paper import MM

BINDING_MM = 25.0
MARGIN_MM = 10.0
TITLE_W, TITLE_H = 180.0, 32.0
SIDE_W = 72.0


@dataclass
class SheetLayout:
    width: float
    height: float
    frame: tuple[float, float, float, float]  # x0, y0, x1, y1 (mm)
    title: tuple[float, float, float, float]
    side: tuple[float, float, float, float] | None
    area: tuple[float, float, float, float]  # where the plan is drawn
    legend: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # where the legend goes
    scale_bar: tuple[float, float] = (0.0, 0.0)  # the scale bar's lower-left corner
    legend_text: float = 3.0  # the legend's largest text size (mm): larger in a tall side panel

    @property
    def area_size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.area
        return (x1 - x0, y1 - y0)


PAD = 5.0
SCALE_BAR_STRIP = 13.0  # the scale bar with its figures and 比例 line below the plan, narrow sheets
NORTH_STRIP = 14.0  # the north arrow above the plan, narrow sheets


def layout_sheet(width: float, height: float, band: float = 0.0, side_panel: bool | None = None) -> SheetLayout:
    """The frame, title block and plan area of a sheet. With a side panel (by default on a frame
    300 mm wide or more) the legend, north arrow and scale bar stand right of the plan; without,
    the legend is a band ``band`` mm high between the title block and the plan."""
    frame = (BINDING_MM, MARGIN_MM, width - MARGIN_MM, height - MARGIN_MM)
    fw = frame[2] - frame[0]
    tw = min(TITLE_W, fw)
    title = (frame[2] - tw, frame[1], frame[2], frame[1] + TITLE_H)
    pad = PAD
    if side_panel if side_panel is not None else fw >= 300:
        side = (frame[2] - SIDE_W, title[3], frame[2], frame[3])
        area = (frame[0] + pad, title[3] + pad, side[0] - pad, frame[3] - pad)
        legend = (side[0] + 4, side[1] + 24, side[2] - 4, side[3] - 30)
        bar = (side[0] + 4, side[1] + 10)
    else:
        side = None
        legend = (frame[0] + pad, title[3] + pad, frame[2] - pad, title[3] + pad + band)
        bar = (frame[0] + pad, legend[3] + 6.5)
        area = (frame[0] + pad, legend[3] + SCALE_BAR_STRIP, frame[2] - pad, frame[3] - pad - NORTH_STRIP)
    return SheetLayout(width, height, frame, title, side, area, legend, bar, 4.0 if side else 3.0)


def _font(c, font, size_mm):
    c.setFont(font, size_mm * MM)


def draw_border(c, lay: SheetLayout, *, side: bool = True) -> None:
    c.saveState()
    c.setStrokeColor(black)
    c.setLineWidth(0.25 * MM)
    c.rect(0.5 * MM, 0.5 * MM, (lay.width - 1) * MM, (lay.height - 1) * MM)  # trimming line
    c.setLineWidth(1.0 * MM)
    x0, y0, x1, y1 = lay.frame
    c.rect(x0 * MM, y0 * MM, (x1 - x0) * MM, (y1 - y0) * MM)
    if lay.side and side:
        c.setLineWidth(0.5 * MM)
        sx0, sy0, sx1, sy1 = lay.side
        c.line(sx0 * MM, sy0 * MM, sx0 * MM, sy1 * MM)
    c.restoreState()


def _cell(c, font, x, y, w, h, text, size=3.0, align="center"):
    c.rect(x * MM, y * MM, w * MM, h * MM)
    if text:
        _font(c, font, size)
        tw = stringWidth(text, font, size * MM) / MM
        while tw > w - 2 and size > 1.6:  # shrink long names to fit their cell
            size -= 0.2
            _font(c, font, size)
            tw = stringWidth(text, font, size * MM) / MM
        tx = x + (w - tw) / 2 if align == "center" else x + 1.5
        c.drawString(tx * MM, (y + h / 2 - size * 0.35) * MM, text)


def draw_title_block(
    c,
    lay: SheetLayout,
    font: str,
    *,
    project: str,
    title: str,
    number: str,
    scale: str,
    designer: str = "",
    checker: str = "",
    approver: str = "",
    when: date | None = None,
) -> None:
    x0, y0, x1, y1 = lay.title
    w = x1 - x0
    h = (y1 - y0) / 4
    c.saveState()
    c.setLineWidth(0.35 * MM)
    c.setStrokeColor(black)
    c.setFillColor(black)
    lw = 18.0
    when = when or date.today()
    rows = [
        [("项目名称", lw), (project, w - lw)],
        [("图名", lw), (title, w - 3 * lw - 30), ("图号", lw), (number, 30 + lw)],
        [("比例", lw), (scale, w - 3 * lw - 30), ("日期", lw), (when.isoformat(), 30 + lw)],
        [
            ("设计", lw),
            (designer, (w - 3 * lw) / 3),
            ("校对", lw),
            (checker, (w - 3 * lw) / 3),
            ("审核", lw),
            (approver, (w - 3 * lw) / 3),
        ],
    ]
    for i, row in enumerate(rows):
        y = y1 - (i + 1) * h
        x = x0
        for text, cw in row:
            _cell(c, font, x, y, cw, h, text, size=3.0 if cw > lw else 2.8)
            x += cw
    c.setLineWidth(0.7 * MM)
    c.rect(x0 * MM, y0 * MM, w * MM, (y1 - y0) * MM)
    c.restoreState()


def nice_bar_length(scale: int, max_paper_mm: float) -> int:
    """A round length in metres whose bar fits in max_paper_mm."""
    for metres in (50, 20, 10, 5, 2, 1):
        if metres * 1000 / scale <= max_paper_mm:
            return metres
    return 1


def draw_scale_bar(c, font, x: float, y: float, scale: int, max_paper_mm: float) -> None:
    """Alternating black and white segments with metre figures, at (x, y) paper mm."""
    metres = nice_bar_length(scale, max_paper_mm)
    steps = 5 if metres in (5, 10, 50) else (4 if metres == 20 else metres * 2 if metres <= 2 else 5)
    seg = metres * 1000 / scale / steps
    c.saveState()
    c.setLineWidth(0.25 * MM)
    c.setStrokeColor(black)
    for i in range(steps):
        c.setFillColor(black if i % 2 == 0 else white)
        c.rect((x + i * seg) * MM, y * MM, seg * MM, 1.5 * MM, stroke=1, fill=1)
    c.setFillColor(black)
    _font(c, font, 2.5)
    for i in (0, steps):
        label = f"{metres * i / steps:g}"
        c.drawCentredString((x + i * seg) * MM, (y + 2.5) * MM, label)
    c.drawString((x + steps * seg + 2) * MM, y * MM, "m")
    c.drawString(x * MM, (y - 4.5) * MM, f"比例 1:{scale}")
    c.restoreState()


def draw_north_arrow(c, font, x: float, y: float, size: float = 14.0, angle: float = 0.0) -> None:
    """A circle with a filled half-arrow pointing north (up on the sheet unless rotated)."""
    c.saveState()
    c.translate(x * MM, y * MM)
    c.rotate(angle)
    r = size / 2
    c.setLineWidth(0.35 * MM)
    c.circle(0, 0, r * MM)
    p = c.beginPath()
    p.moveTo(0, r * MM)
    p.lineTo(-r * 0.35 * MM, -r * 0.8 * MM)
    p.lineTo(0, -r * 0.45 * MM)
    p.close()
    c.setFillColor(black)
    c.drawPath(p, stroke=1, fill=1)
    p = c.beginPath()
    p.moveTo(0, r * MM)
    p.lineTo(r * 0.35 * MM, -r * 0.8 * MM)
    p.lineTo(0, -r * 0.45 * MM)
    p.close()
    c.drawPath(p, stroke=1, fill=0)
    _font(c, font, 3.5)
    c.drawCentredString(0, (r + 1.5) * MM, "北")
    c.restoreState()
