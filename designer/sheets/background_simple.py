"""The architect's simple entities on a sheet, from plain numbers (geometry/dxf_split.py).

A large drawing's LINEs, plain LWPOLYLINEs, CIRCLEs, ARCs and TEXTs on its own layers never
pass through ezdxf's drawing frontend (200,000 of them took minutes): their lines go into
one PDF path in the same grey and width as the rest of the background, their texts are
written as text in the Chinese font in the grey of the frontend's text. Only what lies in
the visible part of the sheet is written; layers switched off or frozen are left out, as
the frontend does.
"""

from __future__ import annotations

import math

from ..style import LINE_MM
from .paper import MM

STROKE = (0.5, 0.5, 0.5)  # as ReportLabBackend: the architect's lines in one mid grey
TEXT = (0.84, 0.84, 0.84)  # and its text in the lighter grey ezdxf's text fills get
CAP_TO_EM = 0.74  # a DXF text height is a capital's height; the font size is the em


def hidden_layers(doc) -> set[str]:
    """Layers switched off or frozen (upper case): the frontend leaves their entities out."""
    out: set[str] = set()
    if doc is None:
        return out
    try:
        for layer in doc.layers:
            if layer.is_off() or layer.is_frozen():
                out.add(layer.dxf.name.upper())
    except Exception:  # noqa: BLE001 -- an odd layer table: draw everything
        pass
    return out


def draw_simple(surface, simple, units_factor: float, doc=None, visible=None) -> int:
    """Draw ``simple`` (a SimpleBackground) on ``surface``; returns how many entities were written.
    ``visible``: (x0, y0, x1, y1) in plan mm, what the sheet shows (None: everything)."""
    if simple is None:
        return 0
    c = surface.c
    f = units_factor or 1.0
    a = f / surface.scale * MM
    bx = (surface.ox - surface.x0 / surface.scale) * MM
    by = (surface.oy - surface.y0 / surface.scale) * MM
    if visible is not None:
        vx0, vy0, vx1, vy1 = (v / f for v in visible)
    else:
        vx0 = vy0 = -math.inf
        vx1 = vy1 = math.inf
    hidden = hidden_layers(doc)
    ops: list[str] = []
    written = 0
    for layer, lines in simple.lines.items():
        if layer in hidden:
            continue
        for x1, y1, x2, y2 in lines:
            if max(x1, x2) < vx0 or min(x1, x2) > vx1 or max(y1, y2) < vy0 or min(y1, y2) > vy1:
                continue
            ops.append(f"{a * x1 + bx:.2f} {a * y1 + by:.2f} m {a * x2 + bx:.2f} {a * y2 + by:.2f} l")
            written += 1
    for layer, polylines in simple.polylines.items():
        if layer in hidden:
            continue
        for points, closed in polylines:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            if max(xs) < vx0 or min(xs) > vx1 or max(ys) < vy0 or min(ys) > vy1 or len(points) < 2:
                continue
            ops.append(_polyline(points, closed, a, bx, by))
            written += 1
    for layer, circles in simple.circles.items():
        if layer in hidden:
            continue
        for cx, cy, r, a0, a1 in circles:
            if cx + r < vx0 or cx - r > vx1 or cy + r < vy0 or cy - r > vy1 or r <= 0:
                continue
            ops.append(_polyline(_arc(cx, cy, r, a0, a1, r * a), a1 - a0 >= 360, a, bx, by))
            written += 1
    c.saveState()
    if ops:
        c.setStrokeColorRGB(*STROKE)
        c.setLineWidth(LINE_MM["background"] * MM)
        c.setDash([])
        c.setLineCap(1)
        c.addLiteral("\n".join(ops) + "\nS")
    written += _texts(c, surface.font, simple, hidden, a, bx, by, (vx0, vy0, vx1, vy1))
    c.restoreState()
    return written


def _polyline(points, closed: bool, a: float, bx: float, by: float) -> str:
    x, y = points[0]
    parts = [f"{a * x + bx:.2f} {a * y + by:.2f} m"]
    parts += [f"{a * x + bx:.2f} {a * y + by:.2f} l" for x, y in points[1:]]
    if closed:
        parts.append("h")
    return " ".join(parts)


def _arc(cx, cy, r, a0, a1, r_points: float):
    """An arc (degrees, counter-clockwise) as points, about one per 2 points on paper, 8 … 128."""
    if a1 - a0 >= 360:
        a0, a1 = 0.0, 360.0
    else:
        a0, a1 = a0 % 360, a1 % 360
        if a1 <= a0:
            a1 += 360
    sweep = math.radians(a1 - a0)
    n = max(8, min(128, int(r_points * sweep / 2)))
    return [
        (cx + r * math.cos(math.radians(a0) + sweep * i / n), cy + r * math.sin(math.radians(a0) + sweep * i / n))
        for i in range(n + 1)
    ]


def _texts(c, font, simple, hidden, a, bx, by, view) -> int:
    vx0, vy0, vx1, vy1 = view
    written = 0
    c.setFillColorRGB(*TEXT)
    for layer, texts in simple.texts.items():
        if layer in hidden:
            continue
        for content, x, y, height, rotation, width, halign, valign in texts:
            size = a * height / CAP_TO_EM
            reach = height * (len(content) + 1) * max(1.0, width)
            if size < 0.5 or x + reach < vx0 or x - reach > vx1 or y + reach < vy0 or y - reach > vy1:
                continue  # under 0.2 mm on paper, or off the sheet
            c.saveState()
            c.translate(a * x + bx, a * y + by)
            if rotation:
                c.rotate(rotation)
            if width != 1.0:
                c.scale(width, 1.0)
            c.setFont(font, size)
            dy = {1: 0.25, 2: -0.5, 3: -1.0}.get(valign, 0.0) * size * CAP_TO_EM
            if halign == 1:
                c.drawCentredString(0, dy, content)
            elif halign == 2:
                c.drawRightString(0, dy, content)
            else:
                c.drawString(0, dy, content)
            c.restoreState()
            written += 1
    return written
