"""The architect's simple entities on a sheet, from plain numbers (geometry/dxf/split.py).

A large drawing's LINEs, plain LWPOLYLINEs, CIRCLEs, ARCs and TEXTs on its own layers never
pass through ezdxf's drawing frontend (200,000 of them took minutes, issue 16): their lines
join the background's own paths (ReportLabBackend.strokes, the same grey and width), their
texts are written as text in the Chinese font, in the background's text grey, after it.
Only what lies in the backend's view is put on the page; layers switched off or frozen are
left out, as the frontend does.
"""

from __future__ import annotations

import math

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


def add_simple(backend, simple, doc=None) -> list:
    """Put ``simple``'s lines, polylines and arcs into ``backend.strokes`` (page operators), add its
    texts' boxes to ``backend.text_boxes``; returns the texts to write (see write_texts)."""
    k, bx, by = backend.k, backend.bx, backend.by  # page point = drawing units * k + b
    if backend.view is not None:
        vx0, vy0, vx1, vy1 = backend.view  # drawing units
    else:
        vx0 = vy0 = -math.inf
        vx1 = vy1 = math.inf
    hidden = hidden_layers(doc)
    strokes = backend.strokes
    for layer, lines in simple.lines.items():
        if layer in hidden:
            continue
        for x1, y1, x2, y2 in lines:
            if max(x1, x2) < vx0 or min(x1, x2) > vx1 or max(y1, y2) < vy0 or min(y1, y2) > vy1:
                continue
            strokes.append(f"{k * x1 + bx:.2f} {k * y1 + by:.2f} m {k * x2 + bx:.2f} {k * y2 + by:.2f} l")
    for layer, polylines in simple.polylines.items():
        if layer in hidden:
            continue
        for points, closed in polylines:
            xs = [p[0] for p in points]
            ys = [p[1] for p in points]
            if len(points) < 2 or max(xs) < vx0 or min(xs) > vx1 or max(ys) < vy0 or min(ys) > vy1:
                continue
            strokes.append(_polyline(points, closed, k, bx, by))
    for layer, circles in simple.circles.items():
        if layer in hidden:
            continue
        for cx, cy, r, a0, a1 in circles:
            if r <= 0 or cx + r < vx0 or cx - r > vx1 or cy + r < vy0 or cy - r > vy1:
                continue
            strokes.append(_polyline(_arc(cx, cy, r, a0, a1, r * k), a1 - a0 >= 360, k, bx, by))
    texts = []
    f = backend.f
    for layer, items in simple.texts.items():
        if layer in hidden:
            continue
        for content, x, y, height, rotation, width, halign, valign in items:
            size = k * height / CAP_TO_EM
            reach = height * (len(content) + 1) * max(1.0, width)
            if size < 0.5 or x + reach < vx0 or x - reach > vx1 or y + reach < vy0 or y - reach > vy1:
                continue  # under 0.2 mm on paper, or off the sheet
            texts.append((content, k * x + bx, k * y + by, size, rotation, width, halign, valign))
            length = height * len(content) * width
            x0 = x - (length if halign == 2 else length / 2 if halign == 1 else 0)
            y0 = y - {2: height / 2, 3: height}.get(valign, 0)
            if not rotation:
                backend.text_boxes.append((x0 * f, y0 * f, (x0 + length) * f, (y0 + height) * f))
    return texts


def write_texts(surface, backend, texts) -> None:
    """Write the texts add_simple returned, in the background's text grey, in the Chinese font."""
    if not texts:
        return
    c = surface.c
    c.saveState()
    c.setFillColorRGB(*backend.TEXT)
    for content, px, py, size, rotation, width, halign, valign in texts:
        c.saveState()
        c.translate(px, py)
        if rotation:
            c.rotate(rotation)
        if width != 1.0:
            c.scale(width, 1.0)
        c.setFont(surface.font, size)
        dy = {1: 0.25, 2: -0.5, 3: -1.0}.get(valign, 0.0) * size * CAP_TO_EM
        if halign == 1:
            c.drawCentredString(0, dy, content)
        elif halign == 2:
            c.drawRightString(0, dy, content)
        else:
            c.drawString(0, dy, content)
        c.restoreState()
    c.restoreState()


def _polyline(points, closed: bool, k: float, bx: float, by: float) -> str:
    x, y = points[0]
    parts = [f"{k * x + bx:.2f} {k * y + by:.2f} m"]
    parts += [f"{k * x + bx:.2f} {k * y + by:.2f} l" for x, y in points[1:]]
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
