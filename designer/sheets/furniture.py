"""Sheet furniture in the manner of GB/T 50001: border, title block, scale bar, north arrow, legend."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from bianmin.geometry.catalog import LAYERS, ZONE_LAYER

from ..style import EXIT_GREEN, GROUP_COLOURS, ZONE_COLOURS, hex_rgb
from .paper import MM

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

    @property
    def area_size(self) -> tuple[float, float]:
        x0, y0, x1, y1 = self.area
        return (x1 - x0, y1 - y0)


def layout_sheet(width: float, height: float) -> SheetLayout:
    frame = (BINDING_MM, MARGIN_MM, width - MARGIN_MM, height - MARGIN_MM)
    fw = frame[2] - frame[0]
    tw = min(TITLE_W, fw)
    title = (frame[2] - tw, frame[1], frame[2], frame[1] + TITLE_H)
    pad = 5.0
    if fw >= 300:
        side = (frame[2] - SIDE_W, title[3], frame[2], frame[3])
        area = (frame[0] + pad, title[3] + pad, side[0] - pad, frame[3] - pad)
    else:
        side = None
        area = (frame[0] + pad, title[3] + pad + 12.0, frame[2] - pad, frame[3] - pad - 14.0)
    return SheetLayout(width, height, frame, title, side, area)


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


def draw_legend(c, font, x: float, top: float, width: float, plan) -> float:
    """Zone colours with each zone kind's area, doors, routes and symbol groups; returns the y below it."""
    y = top
    _font(c, font, 4.0)
    c.setFillColor(black)
    c.drawString(x * MM, y * MM, "图例")
    y -= 7
    areas = {}
    for z in plan.zones:
        areas[z.kind] = areas.get(z.kind, 0.0) + z.polygon.area / 1e6
    for kind, colour in ZONE_COLOURS.items():
        if kind not in areas:
            continue
        r, g, b = hex_rgb(colour)
        c.setFillColor(Color(r, g, b, alpha=0.35))
        c.setStrokeColor(Color(r, g, b))
        c.setLineWidth(0.25 * MM)
        c.rect(x * MM, y * MM, 8 * MM, 4 * MM, stroke=1, fill=1)
        c.setFillColor(black)
        _font(c, font, 3.0)
        c.drawString((x + 10) * MM, (y + 0.8) * MM, f"{LAYERS[ZONE_LAYER[kind]].zh}  {areas[kind]:.1f} m²")
        y -= 6
    y -= 2
    entries = [("line", EXIT_GREEN, "主入口 / 安全出口"), ("dash", EXIT_GREEN, "疏散路线")]
    entries += [
        ("box", GROUP_COLOURS[g], zh)
        for g, zh in (
            ("counter", "服务柜台（数字为窗口号）"),
            ("equipment", "设施"),
            ("sign", "标识"),
            ("fire", "消防与安全"),
        )
    ]
    for kind, colour, text in entries:
        r, g, b = hex_rgb(colour)
        c.setStrokeColor(Color(r, g, b))
        c.setFillColor(Color(r, g, b))
        if kind == "line":
            c.setLineWidth(0.7 * MM)
            c.line(x * MM, (y + 2) * MM, (x + 8) * MM, (y + 2) * MM)
        elif kind == "dash":
            c.setLineWidth(0.35 * MM)
            c.setDash(6, 3)
            c.line(x * MM, (y + 2) * MM, (x + 8) * MM, (y + 2) * MM)
            c.setDash([])
        else:
            c.setLineWidth(0.25 * MM)
            c.rect(x * MM, y * MM, 8 * MM, 4 * MM, stroke=1, fill=1 if colour == GROUP_COLOURS["counter"] else 0)
        c.setFillColor(black)
        _font(c, font, 3.0)
        c.drawString((x + 10) * MM, (y + 0.8) * MM, text)
        y -= 6
    return y
