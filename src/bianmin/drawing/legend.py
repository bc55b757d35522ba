"""The plan sheet's legend: every colour, line and one-character code the sheet draws, explained.

``legend_entries(plan)`` lists what this plan shows (zones with their areas, exits and doors,
routes, columns, and each symbol's code with its name: 灭 灭火器设置点, 1 服务柜台 …);
``legend_layout`` flows them into as many columns as the box is wide, shrinking the text when
the box is short; ``draw_legend`` draws them. The side panel of a wide sheet and the band
above the title block of a narrow one use the same three calls.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from reportlab.lib.colors import Color, black, white
from reportlab.pdfbase.pdfmetrics import stringWidth

from bianmin.geometry.catalog import BLOCKS, GROUPS, LAYERS, OPENING_KINDS, ZONE_LAYER

from bianmin.drawing.style import EXIT_GREEN, GROUP_COLOURS, LABELS, OBSTACLE_COLOUR, ZONE_COLOURS, hex_rgb
from bianmin.drawing.paper import MM
from bianmin.drawing.plan_painter import opening_colour

HEADING_MM = 7.0  # the word 图例 and the gap below it
SWATCH_W, SWATCH_H = 7.0, 3.6  # paper mm
GAP_MM = 3.0  # between columns


@dataclass(frozen=True)
class Entry:
    kind: str  # zone, line, dash, obstacle, hall, code
    colour: str
    text: str
    code: str = ""  # the character drawn in a symbol
    filled: bool = False  # a counter's symbol is filled, the others white


def legend_entries(plan) -> list[Entry]:
    """What this plan's sheet shows, in the order a reader meets it: areas, lines, then symbols."""
    out: list[Entry] = []
    areas: dict[str, float] = {}
    for z in plan.zones:
        areas[z.kind] = areas.get(z.kind, 0.0) + z.polygon.area / 1e6
    for kind, colour in ZONE_COLOURS.items():
        if kind in areas:
            out.append(Entry("zone", colour, f"{LAYERS[ZONE_LAYER[kind]].zh} {areas[kind]:.1f} m²"))
    if plan.hall is not None:
        out.append(Entry("hall", "#000000", "大厅轮廓"))
    kinds = {o.kind: o for o in plan.openings}
    for kind in ("main", "exit", "door"):
        if kind in kinds:
            out.append(Entry("line", opening_colour(kinds[kind]), OPENING_KINDS.label(kind)))
    if plan.routes:
        out.append(Entry("dash", EXIT_GREEN, "疏散路线"))
    if plan.obstacles:
        out.append(Entry("obstacle", OBSTACLE_COLOUR, "柱 / 障碍物"))
    present = {o.block for o in plan.objects}
    counters = [o for o in plan.objects if o.is_counter]
    colour = GROUP_COLOURS["counter"]
    if any(o.attr("NO") for o in counters):
        first = next(o.attr("NO") for o in counters if o.attr("NO"))
        out.append(Entry("code", colour, "服务柜台（数字为窗口号）", code=first[:3], filled=True))
    for group in GROUPS:
        for name, spec in BLOCKS.items():
            if spec.group != group or name not in present:
                continue
            if name == "BM_COUNTER" and all(o.attr("NO") for o in counters):
                continue  # explained by its window number above
            code = LABELS.get(name, "?")
            out.append(
                Entry("code", GROUP_COLOURS.get(group, "#000000"), spec.zh, code=code, filled=spec.group == "counter")
            )
    if any(o.spec is None for o in plan.objects):
        out.append(Entry("code", GROUP_COLOURS["equipment"], "其他图块", code="?"))
    return out


@dataclass(frozen=True)
class LegendLayout:
    size: float  # text size, paper mm
    row: float  # row height, paper mm
    columns: int
    column_width: float
    rows: int

    @property
    def height(self) -> float:
        return HEADING_MM + self.rows * self.row


def _entry_width(entry: Entry, font: str, size: float) -> float:
    return SWATCH_W + 2.0 + stringWidth(entry.text, font, size * MM) / MM


SIZES = (4.0, 3.5, 3.0, 2.7, 2.4, 2.2, 2.0)  # text sizes tried, paper mm


def legend_layout(entries, font: str, width: float, height: float | None = None, largest: float = 3.0) -> LegendLayout:
    """Columns as many as fit ``width``; the largest text (``largest`` down to 2.0 mm) whose rows fit ``height``.

    A column is as wide as most entries need; the few longer ones (服务柜台（数字为窗口号）) are
    set smaller in their cell."""
    chosen = None
    for size in [s for s in SIZES if s <= largest]:
        widths = sorted(_entry_width(e, font, size) for e in entries) or [20.0]
        column = min(widths[int(0.85 * (len(widths) - 1))], width)
        columns = max(1, int((width + GAP_MM) // (column + GAP_MM)))
        rows = math.ceil(len(entries) / columns) if entries else 0
        row = size * 1.75
        chosen = LegendLayout(size, row, columns, (width - (columns - 1) * GAP_MM) / columns, rows)
        if height is None or chosen.height <= height:
            return chosen
    assert chosen is not None
    return chosen


def draw_legend(
    c, font: str, x: float, top: float, width: float, entries, height: float | None = None, largest: float = 3.0
) -> float:
    """The legend with its top-left corner at (x, top) paper mm; returns the y below it."""
    lay = legend_layout(entries, font, width, height, largest)
    c.saveState()
    c.setFillColor(black)
    c.setFont(font, 4.0 * MM)
    c.drawString(x * MM, (top - 4.0) * MM, "图例")
    y0 = top - HEADING_MM
    for i, entry in enumerate(entries):
        col, row = divmod(i, lay.rows) if lay.rows else (0, 0)
        ex = x + col * (lay.column_width + GAP_MM)
        ey = y0 - (row + 1) * lay.row + (lay.row - SWATCH_H) / 2
        _swatch(c, font, entry, ex, ey, lay.size)
        c.setFillColor(black)
        text, size = entry.text, lay.size
        room = lay.column_width - SWATCH_W - 2.0
        while size > 1.6 and stringWidth(text, font, size * MM) / MM > room:
            size -= 0.1  # a longer entry: smaller in its cell
        while text and stringWidth(text, font, size * MM) / MM > room:
            text = text[:-1]  # a column narrower than the text (a very narrow box): cut, never overrun
        c.setFont(font, size * MM)
        c.drawString((ex + SWATCH_W + 2.0) * MM, (ey + SWATCH_H / 2 - size * 0.35) * MM, text)
    c.restoreState()
    return y0 - lay.rows * lay.row


def _swatch(c, font, entry: Entry, x: float, y: float, size: float) -> None:
    r, g, b = hex_rgb(entry.colour)
    solid = Color(r, g, b)
    c.setStrokeColor(solid)
    c.setDash([])
    mid = y + SWATCH_H / 2
    if entry.kind == "zone":
        c.setFillColor(Color(r, g, b, alpha=0.35))
        c.setLineWidth(0.25 * MM)
        c.rect(x * MM, y * MM, SWATCH_W * MM, SWATCH_H * MM, stroke=1, fill=1)
    elif entry.kind in ("line", "hall"):
        c.setLineWidth(0.7 * MM)
        c.line(x * MM, mid * MM, (x + SWATCH_W) * MM, mid * MM)
    elif entry.kind == "dash":
        c.setLineWidth(0.35 * MM)
        c.setDash(6, 3)
        c.line(x * MM, mid * MM, (x + SWATCH_W) * MM, mid * MM)
        c.setDash([])
    elif entry.kind == "obstacle":
        c.setFillColor(Color(r, g, b, alpha=0.8))
        c.setLineWidth(0.18 * MM)
        c.rect((x + 1.5) * MM, y * MM, SWATCH_H * MM, SWATCH_H * MM, stroke=1, fill=1)
    else:  # a symbol with its code, drawn as on the plan
        c.setLineWidth(0.18 * MM)
        c.setFillColor(solid if entry.filled else white)
        c.rect(x * MM, y * MM, SWATCH_W * MM, SWATCH_H * MM, stroke=1, fill=1)
        c.setFillColor(white if entry.filled else solid)
        text_size = min(size, SWATCH_H - 0.6)
        c.setFont(font, text_size * MM)
        c.drawCentredString((x + SWATCH_W / 2) * MM, (mid - text_size * 0.35) * MM, entry.code)
