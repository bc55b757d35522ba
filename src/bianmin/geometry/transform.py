"""Plan elements scaled (the drawing's units said anew) or turned and moved (a template's layout
brought into another drawing).  New elements are returned; the model's elements are not changed."""

from __future__ import annotations

import math
from dataclasses import replace

from shapely import affinity

from bianmin.geometry.model import Affine, Opening, PlacedObject, Route, Shape, new_id


def scaled_element(element, k: float):
    """``element`` as the reader would give it with units ``k`` times larger: coordinates scaled about
    the origin; an object keeps its INSERT's rotation and scale, its block footprint grows (the same
    id: the same entity of the drawing, read differently)."""
    if isinstance(element, Shape):
        return element.with_outline([(x * k, y * k, b) for x, y, b in element.outline])
    if isinstance(element, Opening):
        return replace(element, start=_times(element.start, k), end=_times(element.end, k))
    if isinstance(element, Route):
        return replace(element, points=[_times(p, k) for p in element.points])
    if isinstance(element, PlacedObject):
        a, b, d, e, x, y = element.transform
        local = affinity.scale(element.local, k, k, origin=(0, 0))
        return replace(element, transform=(a, b, d, e, x * k, y * k), local=local)
    raise TypeError(f"not a plan element: {type(element).__name__}")


def turn_and_move(degrees: float, about: tuple[float, float], to: tuple[float, float]) -> Affine:
    """The affine that turns by ``degrees`` about ``about`` and then puts ``about`` at ``to``."""
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    # snap the quarter turns, so that 90° leaves no 6e-17 in the coordinates
    c, s = (round(c) if abs(c - round(c)) < 1e-12 else c), (round(s) if abs(s - round(s)) < 1e-12 else s)
    ax, ay = about
    return (c, -s, s, c, to[0] - (c * ax - s * ay), to[1] - (s * ax + c * ay))


def placed_element(element, m: Affine):
    """A new element (a new id, not nested) at ``m`` (a rotation and move, no mirror, no scale)."""
    a, b, d, e, xo, yo = m

    def p(xy):
        x, y = xy[0], xy[1]
        return (a * x + b * y + xo, d * x + e * y + yo)

    if isinstance(element, Shape):
        return replace(element, outline=[(*p((x, y)), bulge) for x, y, bulge in element.outline], id=new_id())
    if isinstance(element, Opening):
        return replace(element, start=p(element.start), end=p(element.end), id=new_id())
    if isinstance(element, Route):
        return replace(element, points=[p(q) for q in element.points], id=new_id())
    if isinstance(element, PlacedObject):
        ta, tb, td, te, tx, ty = element.transform
        transform = (a * ta + b * td, a * tb + b * te, d * ta + e * td, d * tb + e * te, *p((tx, ty)))
        return replace(element, transform=transform, attribs=dict(element.attribs), id=new_id(), nested=False)
    raise TypeError(f"not a plan element: {type(element).__name__}")


def _times(xy, k: float) -> tuple[float, float]:
    return (xy[0] * k, xy[1] * k)
