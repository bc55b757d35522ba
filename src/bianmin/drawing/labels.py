"""The plan on paper with its zone and exit labels where no symbol covers them.

On screen a label can be read by zooming; on paper a zone name under a row of seats or an
安全出口 crossed by its own exit sign is lost. ``paint_labelled_plan`` draws the plan as
``paint_plan`` does, then places each exit's label beside its door (on the side where
nothing is drawn, outside the hall first) and each zone's name in its zone, as near its
middle as a free spot allows, clear of every symbol, door, route, column, the hall's wall
and the labels already placed; on a white ground so the architect's lines under it do not
cross it. Only when a zone has no free spot at all is the label put where it covers least.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import shapely
from reportlab.pdfbase.pdfmetrics import stringWidth
from shapely.geometry import LineString, box

from bianmin.drawing.style import LINE_MM, ZONE_COLOURS, hex_rgb
from bianmin.drawing.paper import MM
from bianmin.drawing.plan_painter import (
    dimension_lines,
    object_label,
    opening_colour,
    opening_label,
    paint_plan,
    zone_label,
)

ZONE_TEXT_MM = 3.0
EXIT_TEXT_MM = 2.5
CODE_TEXT_MM = 2.0  # the character in a symbol (plan_painter.paint_object)
MAX_CANDIDATES = 2500


@dataclass
class Label:
    text: str
    x: float  # centre, plan mm
    y: float
    size_mm: float
    colour: str
    box: object  # shapely box, plan mm
    free: bool  # False: no free spot, put where it covers least


def paint_labelled_plan(s, plan, view=None, avoid=()) -> list[Label]:
    """The plan on a Surface, labels placed clear of the symbols; returns the labels placed.
    ``avoid``: boxes (plan mm) to keep clear of where there is room, the architect's texts."""
    paint_plan(s, plan, labels=False, object_labels=True)
    labels = place_labels(plan, s.scale, s.font, view, avoid)
    for label in labels:
        x0, y0, x1, y1 = label.box.bounds
        s.polygon([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], fill="#ffffff", alpha=0.8)
        s.text(label.x, label.y, label.text, size_mm=label.size_mm, colour=label.colour)
    return labels


def darker(colour: str, k: float = 0.6) -> str:
    """A zone's colour darkened for its name: the light fill colours do not read as text on paper."""
    r, g, b = hex_rgb(colour)
    return "#{:02x}{:02x}{:02x}".format(*(round(v * k * 255) for v in (r, g, b)))


def _text_box(text, font, size_mm, scale):
    """A label's extent in plan mm around its centre (a little air on each side)."""
    w = (stringWidth(text, font, size_mm * MM) / MM + 1.0) * scale
    h = size_mm * 1.25 * scale
    return w, h


def blockers(plan, scale: float, font: str):
    """Everything a label must not cover, as one geometry in plan mm."""
    parts = []
    for obj in plan.objects:
        parts.append(obj.footprint.buffer(0.4 * scale))
        c = obj.footprint.centroid
        w, h = _text_box(object_label(obj), font, CODE_TEXT_MM, scale)
        parts.append(box(c.x - w / 2, c.y - h / 2, c.x + w / 2, c.y + h / 2))
    for ob in plan.obstacles:
        parts.append(ob.polygon.buffer(0.4 * scale))
    for o in plan.openings:
        parts.append(LineString([o.start, o.end]).buffer((LINE_MM["opening"] / 2 + 0.6) * scale))
    for r in plan.routes:
        if len(r.points) >= 2:
            parts.append(LineString(r.points).buffer((LINE_MM["route"] / 2 + 0.3) * scale))
    if plan.hall is not None:
        parts.append(plan.hall.polygon.boundary.buffer((LINE_MM["hall"] / 2 + 0.3) * scale))
    for line in dimension_lines(plan, scale):  # the line, its ticks and its figure beside it
        parts.append(LineString(line).buffer(3.5 * scale))
    return shapely.union_all(parts) if parts else shapely.Polygon()


class Taken:
    """What a label must keep clear of: the blockers, one prepared geometry, and the labels placed
    so far, compared by their bounds (they are upright boxes). One ever-growing union of them cost
    2,000 exits 22 s of a sheet (the hostile-input fuzz)."""

    def __init__(self, base):
        self.base = base
        shapely.prepare(base)
        self._boxes: list[tuple[float, float, float, float]] = []

    def add(self, label_box) -> None:
        self._boxes.append(tuple(label_box.bounds))

    def _overlaps(self, cands):
        """Per candidate and placed box: the overlap's width and height (<= 0: apart)."""
        c = shapely.bounds(cands)[:, None, :]
        b = np.asarray(self._boxes)[None, :, :]
        w = np.minimum(c[..., 2], b[..., 2]) - np.maximum(c[..., 0], b[..., 0])
        h = np.minimum(c[..., 3], b[..., 3]) - np.maximum(c[..., 1], b[..., 1])
        return w, h

    def hits(self, cands) -> np.ndarray:
        hit = shapely.intersects(self.base, cands)
        if self._boxes:
            w, h = self._overlaps(cands)
            hit |= ((w >= 0) & (h >= 0)).any(axis=1)
        return hit

    def overlap_area(self, cands) -> np.ndarray:
        """How much of each candidate is covered. The blockers are first cut to the candidates'
        extent: 2,500 intersections with the whole plan's union took 5,000 obstacles 36 s."""
        b = shapely.bounds(cands)
        local = shapely.clip_by_rect(self.base, b[:, 0].min(), b[:, 1].min(), b[:, 2].max(), b[:, 3].max())
        area = shapely.area(shapely.intersection(cands, local))
        if self._boxes:
            w, h = self._overlaps(cands)
            area = area + (np.clip(w, 0, None) * np.clip(h, 0, None)).sum(axis=1)
        return area


def place_labels(plan, scale: float, font: str, view=None, avoid=()) -> list[Label]:
    """Exit labels first (they have the least room), then zone labels, each clear of the rest;
    a zone's name also clear of the ``avoid`` boxes where the zone has room for it."""
    taken = Taken(blockers(plan, scale, font))
    soft = shapely.union_all([box(*b) for b in avoid]) if len(avoid) else None
    view_box = box(*view) if view is not None else None
    out: list[Label] = []
    for o in plan.openings:
        try:
            label = _place_opening(o, plan, scale, font, taken, view_box)
        except Exception:  # a degenerate door (zero length, NaN): its label at its middle, as before
            label = _at(opening_label(o), o.midpoint, EXIT_TEXT_MM, opening_colour(o), font, scale)
        out.append(label)
        taken.add(label.box)
    for zone in plan.zones:
        try:
            label = _place_zone(zone, scale, font, taken, view_box, soft)
        except Exception:  # an invalid zone outline (a bow tie): the label at a point of it, as before
            p = zone.polygon.representative_point()
            label = _at(zone_label(zone), (p.x, p.y), 2.0, darker(ZONE_COLOURS[zone.kind]), font, scale)
        if label is not None:
            out.append(label)
            taken.add(label.box)
    return out


def _at(text, xy, size, colour, font, scale) -> Label:
    w, h = _text_box(text, font, size, scale)
    x, y = xy
    return Label(text, x, y, size, colour, box(x - w / 2, y - h / 2, x + w / 2, y + h / 2), False)


def _boxes(xs, ys, w, h):
    return shapely.box(xs - w / 2, ys - h / 2, xs + w / 2, ys + h / 2)


def _place_zone(zone, scale, font, taken, view_box, soft=None) -> Label | None:
    text = zone_label(zone)
    colour = darker(ZONE_COLOURS[zone.kind])
    poly = zone.polygon
    if poly.is_empty:
        return None
    best = None
    for size in (ZONE_TEXT_MM, 2.5, 2.0):
        w, h = _text_box(text, font, size, scale)
        x0, y0, x1, y1 = poly.bounds
        step = max(h / 3, math.sqrt(max((x1 - x0) * (y1 - y0), 1.0) / MAX_CANDIDATES))
        gx, gy = np.meshgrid(
            np.arange(x0 + w / 2, x1 - w / 2 + 1e-6, step), np.arange(y0 + h / 2, y1 - h / 2 + 1e-6, step)
        )
        xs, ys = gx.ravel(), gy.ravel()
        if not len(xs):
            continue
        cands = _boxes(xs, ys, w, h)
        inside = shapely.contains(poly, cands)
        if view_box is not None:
            inside &= shapely.contains(view_box, cands)
        if not inside.any():
            continue
        centre = poly.centroid if poly.contains(poly.centroid) else poly.representative_point()
        dist = np.hypot(xs - centre.x, ys - centre.y)
        free = inside & ~taken.hits(cands)
        if soft is not None and (free & ~shapely.intersects(soft, cands)).any():
            free &= ~shapely.intersects(soft, cands)  # clear of the architect's texts too, where there is room
        if free.any():
            i = int(np.argmin(np.where(free, dist, np.inf)))
            return Label(text, float(xs[i]), float(ys[i]), size, colour, cands[i], True)
        if best is None:  # nowhere free at this size: remember where it covers least
            overlap = np.full(len(cands), np.inf)
            overlap[inside] = taken.overlap_area(cands[inside])
            i = int(np.lexsort((dist, overlap))[0])
            best = Label(text, float(xs[i]), float(ys[i]), size, colour, cands[i], False)
    if best is None:  # a zone narrower than its name: at its middle, as before
        p = poly.representative_point()
        w, h = _text_box(text, font, 2.0, scale)
        best = Label(text, p.x, p.y, 2.0, colour, box(p.x - w / 2, p.y - h / 2, p.x + w / 2, p.y + h / 2), False)
    return best


def _place_opening(o, plan, scale, font, taken, view_box) -> Label:
    text = opening_label(o)
    colour = opening_colour(o)
    w, h = _text_box(text, font, EXIT_TEXT_MM, scale)
    (sx, sy), (ex, ey) = o.start, o.end
    length = math.hypot(ex - sx, ey - sy) or 1.0
    ux, uy = (ex - sx) / length, (ey - sy) / length
    nx, ny = -uy, ux
    mx, my = o.midpoint
    if plan.hall is not None:  # the normal pointing out of the hall first: outside, nothing else is drawn
        probe = shapely.Point(mx + nx * 0.5 * scale, my + ny * 0.5 * scale)
        if plan.hall.polygon.contains(probe):
            nx, ny = -nx, -ny
    half_n = abs(nx) * w / 2 + abs(ny) * h / 2  # the label's half extent across the door
    clear = (LINE_MM["opening"] / 2 + 0.8) * scale
    centres = []
    for k, extra in enumerate((0.0, h, 2 * h, 4 * h)):
        for side in (1, -1):
            for along in (0.0, 0.5, -0.5, 1.0, -1.0):
                t = side * (clear + half_n + extra)
                a = along * (abs(ux) * w + abs(uy) * h)
                centres.append((k, 0 if side == 1 else 1, abs(along), mx + nx * t + ux * a, my + ny * t + uy * a))
    centres.sort(key=lambda c: c[:3])
    xs = np.array([c[3] for c in centres])
    ys = np.array([c[4] for c in centres])
    cands = _boxes(xs, ys, w, h)
    ok = ~taken.hits(cands)
    if view_box is not None:
        ok &= shapely.contains(view_box, cands)
    i = int(np.argmax(ok)) if ok.any() else 0
    return Label(text, float(xs[i]), float(ys[i]), EXIT_TEXT_MM, colour, cands[i], bool(ok.any()))
