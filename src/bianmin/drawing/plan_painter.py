"""Draw a plan model on a Surface: zones, hall, obstacles, objects, doors, routes, dimensions, markers."""

from __future__ import annotations

import math

from bianmin.geometry.catalog import OPENING_KINDS, ZONE_KINDS
from bianmin.geometry.model import Plan
from shapely.geometry import Polygon

from bianmin.drawing.style import (
    EXIT_GREEN,
    GROUP_COLOURS,
    HALL_COLOUR,
    LABELS,
    LINE_MM,
    OBSTACLE_COLOUR,
    SEVERITY_COLOURS,
    ZONE_COLOURS,
)


def _rings(geom):
    for part in getattr(geom, "geoms", [geom]):
        if part.is_empty or part.geom_type != "Polygon":
            continue
        yield list(part.exterior.coords), [list(r.coords) for r in part.interiors]


def paint_plan(s, plan: Plan, *, labels: bool = True, object_labels: bool | None = None) -> None:
    """The whole plan on a Surface, bottom to top: zones, obstacles, hall, objects, openings, routes.
    ``labels``: the zones' and doors' names; ``object_labels`` (as ``labels`` unless given): the
    codes in the symbols (the sheets place the names themselves, clear of the symbols)."""
    for zone in plan.zones:
        paint_zone(s, zone, labels=labels)
    for ob in plan.obstacles:
        paint_obstacle(s, ob)
    if plan.hall is not None:
        paint_hall(s, plan.hall)
    for obj in plan.objects:
        paint_object(s, obj, labels=labels if object_labels is None else object_labels)
    for o in plan.openings:
        paint_opening(s, o, labels=labels)
    for r in plan.routes:
        paint_route(s, r.points)


# -- one function per element kind: the PDF sheets and the designer's canvas both call these,
#    through their own Surface, so the screen and the paper show the same plan ------------------


def zone_label(zone, lang: str = "zh") -> str:
    return ZONE_KINDS.label(zone.kind, lang)


def opening_label(opening, lang: str = "zh") -> str:
    return OPENING_KINDS.label(opening.kind, lang)


def object_label(obj) -> str:
    """What a symbol says: a counter its window number, anything else its one-character code."""
    if obj.is_counter and obj.attr("NO"):
        return obj.attr("NO")
    return LABELS.get(obj.block, "?")


def object_colours(obj) -> tuple[str, str, str]:
    """Stroke, fill and text colour of an object's symbol."""
    spec = obj.spec
    colour = GROUP_COLOURS.get(spec.group if spec else "equipment", "#000000")
    return colour, (colour if obj.is_counter else "#ffffff"), ("#ffffff" if obj.is_counter else colour)


def opening_colour(opening) -> str:
    return EXIT_GREEN if opening.is_exit else "#7f7f7f"


TICK_MM = 300.0  # the longest front tick, mm on the plan


def front_tick(obj, clear: float = 0.0):
    """The short line from the middle of an object's front edge outwards (where it faces), or None
    for mounted objects other than cameras (a sign's front is its face on the wall).  It stands
    outside the footprint, and at least ``clear`` (plan mm) from its centre, so that it never
    strikes through the code or number written in the middle, even on a symbol smaller than that."""
    if obj.mounted and obj.block != "BM_CAMERA":
        return None
    c = obj.footprint.centroid
    if not obj.footprint.area:
        return [(c.x, c.y), (c.x, c.y)]
    (x1, y1), (x2, y2) = obj.front_edge.coords
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    fx, fy = obj.front_direction
    out = clear - ((mx - c.x) * fx + (my - c.y) * fy)
    if out > 0:
        mx, my = mx + fx * out, my + fy * out
    reach = min(TICK_MM, min(obj.depth, obj.length) / 2)
    return [(mx, my), (mx + fx * reach, my + fy * reach)]


def sign_box(obj, glyph: float):
    """The rectangle a wall sign is drawn as: its footprint grown to hold its one-character code
    ``glyph`` plan mm across (a sign 100 mm deep is 1 mm on paper at 1:100, less than its
    character), along its length about its middle and backwards from its face, so that it stays
    clear of what stands in front of it (a window sign hangs over its counter's number).
    None when the footprint holds the character already."""
    if not obj.footprint.area:
        return None
    ax, ay = obj.along_direction
    room = glyph * 1.15 * (abs(ax) + abs(ay))  # an upright character in a turned box needs more room
    if obj.depth >= room and obj.length >= room:
        return None
    (x1, y1), (x2, y2) = obj.front_edge.coords
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2
    fx, fy = obj.front_direction
    hl, d = max(obj.length, room) / 2, max(obj.depth, room)
    return [
        (mx + sa * ax * hl - back * fx * d, my + sa * ay * hl - back * fy * d)
        for sa, back in ((-1, 0), (1, 0), (1, 1), (-1, 1))
    ]


OBJECT_TEXT_MM = 2.0  # a symbol's code or window number, paper mm
ARROW_MM = 600.0  # a route's arrowhead, mm on the plan


def route_arrow(points):
    """The arrowhead at a route's end: a triangle (left, tip, right)."""
    (x1, y1), (x2, y2) = points[-2], points[-1]
    angle = math.atan2(y2 - y1, x2 - x1)
    left = (x2 - ARROW_MM * math.cos(angle - 0.4), y2 - ARROW_MM * math.sin(angle - 0.4))
    right = (x2 - ARROW_MM * math.cos(angle + 0.4), y2 - ARROW_MM * math.sin(angle + 0.4))
    return [left, (x2, y2), right]


def paint_zone(s, zone, *, labels: bool = True, lang: str = "zh") -> None:
    colour = ZONE_COLOURS[zone.kind]
    for ext, holes in _rings(zone.polygon):
        s.polygon(ext, holes=holes, fill=colour, alpha=0.22, stroke=colour, width_mm=LINE_MM["zone"])
    if labels:
        c = zone.polygon.representative_point()
        s.text(c.x, c.y, zone_label(zone, lang), size_mm=3.0, colour=colour)


def paint_obstacle(s, obstacle) -> None:
    for ext, holes in _rings(obstacle.polygon):
        s.polygon(ext, holes=holes, fill=OBSTACLE_COLOUR, alpha=0.8, stroke=OBSTACLE_COLOUR, width_mm=LINE_MM["object"])


def paint_hall(s, hall) -> None:
    for ext, holes in _rings(hall.polygon):
        s.polygon(ext, holes=holes, stroke=HALL_COLOUR, width_mm=LINE_MM["hall"])


def paint_object(s, obj, labels=True):
    stroke, fill, text_colour = object_colours(obj)
    scale = getattr(s, "scale", None)  # plan mm per paper mm, where the surface has a fixed scale
    box = sign_box(obj, OBJECT_TEXT_MM * scale) if labels and obj.mounted and scale else None
    if box is not None:  # the widened box stands for the sign: its own outline would strike the code
        s.polygon(box, stroke=stroke, fill="#ffffff", alpha=0.9, width_mm=LINE_MM["object"])
    for ext, holes in _rings(obj.footprint) if box is None else ():
        s.polygon(
            ext,
            holes=holes,
            stroke=stroke,
            fill=fill,
            alpha=0.85 if obj.is_counter else 0.9,
            width_mm=LINE_MM["object"],
        )
    tick = front_tick(obj, OBJECT_TEXT_MM * scale * 0.75 if labels and scale else 0.0)  # clear of the code
    if tick is not None:
        s.polyline(tick, stroke=stroke if not obj.is_counter else "#ffffff", width_mm=LINE_MM["object"])
    if labels:
        c = obj.footprint.centroid if box is None else Polygon(box).centroid
        s.text(c.x, c.y, object_label(obj), size_mm=OBJECT_TEXT_MM, colour=text_colour)


def paint_opening(s, opening, *, labels: bool = True, lang: str = "zh") -> None:
    colour = opening_colour(opening)
    s.polyline([opening.start, opening.end], stroke="#ffffff", width_mm=LINE_MM["opening"] + 0.3)
    s.polyline([opening.start, opening.end], stroke=colour, width_mm=LINE_MM["opening"])
    if labels:
        mx, my = opening.midpoint
        s.text(mx, my, opening_label(opening, lang), size_mm=2.5, colour=colour)


def paint_route(s, points, colour=EXIT_GREEN):
    if len(points) < 2:
        return
    s.polyline(points, stroke=colour, width_mm=LINE_MM["route"], dash=[6, 3])
    s.polygon(route_arrow(points), fill=colour, stroke=colour, width_mm=0.1)


DIM_OFFSET_MM = 8.0  # overall dimensions this far (paper mm) below and right of the hall


def dimension_lines(plan: Plan, scale: float, offset_mm_paper: float = DIM_OFFSET_MM):
    """The two overall dimension lines (plan mm), below and right of the hall; [] without a hall."""
    if plan.hall is None:
        return []
    minx, miny, maxx, maxy = plan.hall.polygon.bounds
    off = offset_mm_paper * scale
    return [[(minx, miny - off), (maxx, miny - off)], [(maxx + off, miny), (maxx + off, maxy)]]


def paint_dimensions(s, plan: Plan, offset_mm_paper: float = DIM_OFFSET_MM) -> None:
    """Overall hall dimensions below and right of the hall, in mm (Chinese drawing practice)."""
    if plan.hall is None:
        return
    minx, miny, maxx, maxy = plan.hall.polygon.bounds
    off = offset_mm_paper * s.scale
    tick = 1.5 * s.scale
    y = miny - off
    s.polyline([(minx, y), (maxx, y)], stroke="#000000", width_mm=LINE_MM["dim"])
    for x in (minx, maxx):
        s.polyline([(x, miny - off / 3), (x, y - tick)], stroke="#000000", width_mm=LINE_MM["dim"])
        s.polyline([(x - tick, y - tick), (x + tick, y + tick)], stroke="#000000", width_mm=LINE_MM["dim"] * 2)
    s.text((minx + maxx) / 2, y + 2.0 * s.scale, f"{maxx - minx:.0f}", size_mm=2.5)
    x = maxx + off
    s.polyline([(x, miny), (x, maxy)], stroke="#000000", width_mm=LINE_MM["dim"])
    for yy in (miny, maxy):
        s.polyline([(maxx + off / 3, yy), (x + tick, yy)], stroke="#000000", width_mm=LINE_MM["dim"])
        s.polyline([(x - tick, yy - tick), (x + tick, yy + tick)], stroke="#000000", width_mm=LINE_MM["dim"] * 2)
    s.text(x - 2.0 * s.scale, (miny + maxy) / 2, f"{maxy - miny:.0f}", size_mm=2.5, rotation=90)


def paint_markers(s, findings) -> list[tuple[int, object]]:
    """Numbered markers at the findings' locations; returns (number, finding) in drawing order."""
    numbered = []
    placed: list[tuple[float, float]] = []
    step = 4.8 * s.scale  # markers 4.4 mm across on paper: fan out those that would overlap
    for n, f in enumerate(findings, 1):
        numbered.append((n, f))
        if f.location is None:
            continue
        x, y = f.location
        while any(abs(x - px) < step and abs(y - py) < step for px, py in placed):
            x += step
        placed.append((x, y))
        colour = SEVERITY_COLOURS.get(f.severity, "#000000")
        s.circle(x, y, 2.2, fill="#ffffff", stroke=colour, width_mm=0.35)
        s.text(x, y, str(n), size_mm=2.2, colour=colour)
    return numbered


def plan_extent(plan: Plan, margin: float = 3000.0):
    """The part of the drawing a sheet shows: the hall and all BM content, with room for dimensions."""
    import shapely

    geoms = [e.polygon for e in ([plan.hall] if plan.hall else [])]
    geoms += [z.polygon for z in plan.zones] + [o.footprint for o in plan.objects]
    geoms = [g for g in geoms if not g.is_empty]
    if not geoms:
        return None
    # the bounds of the bounds: a union would fail on an invalid outline (a bow-tie zone)
    minx, miny, maxx, maxy = shapely.total_bounds(geoms)
    return (minx - margin, miny - margin, maxx + margin, maxy + margin)
