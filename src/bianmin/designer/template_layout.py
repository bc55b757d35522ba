"""文件 > 插入模板布局…: a template's layout (templates/*.dxf) brought into the open drawing, placed at
a point and turned (no Qt here: the dialog and the placing tool are in panels/ and tools/)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from bianmin.geometry.model import Plan
from bianmin.geometry.transform import placed_element, turn_and_move

from bianmin.designer.commands import InsertLayout


@lru_cache(maxsize=8)
def _template_plan(name: str) -> Plan:
    from bianmin.geometry.dxf.read import read_plan
    from bianmin.templates import path_of

    return read_plan(path_of(name)).plan


def template_plan(name: str) -> Plan:
    """The template's plan (read once; never handed out to be edited: elements are copied when placed)."""
    return _template_plan(name)


def reference_point(plan: Plan) -> tuple[float, float]:
    """What is put at the chosen point: the centre of the template's hall (of all its content without one)."""
    if plan.hall is not None:
        x0, y0, x1, y1 = plan.hall.polygon.bounds
    else:
        import shapely

        x0, y0, x1, y1 = shapely.GeometryCollection([e.geometry for e in plan.elements()]).bounds
    return ((x0 + x1) / 2, (y0 + y1) / 2)


@dataclass
class Placement:
    name: str
    at: tuple[float, float]  # plan mm: where the template's hall centre goes
    degrees: float = 0.0  # anticlockwise
    building: bool = False  # with the template's hall, doors, columns and routes (the hall replaces the plan's)


def placed(placement: Placement):
    """(hall or None, the other elements) of the template as placed: new elements with new ids."""
    source = template_plan(placement.name)
    m = turn_and_move(placement.degrees, reference_point(source), placement.at)
    layout = list(source.zones) + list(source.objects)
    if placement.building:
        layout += list(source.openings) + list(source.obstacles) + list(source.routes)
    hall = placed_element(source.hall, m) if placement.building and source.hall is not None else None
    return hall, [placed_element(e, m) for e in layout if not getattr(e, "nested", False)]


def insert_command(plan: Plan, placement: Placement) -> InsertLayout:
    hall, elements = placed(placement)
    return InsertLayout(plan, _numbered_after(plan, elements), hall)


def _numbered_after(plan: Plan, elements: list) -> list:
    """The template's windows numbered after the plan's own (two window 1s would be one 窗口 1 twice)."""
    from dataclasses import replace

    taken = [int(c.attr("NO")) for c in plan.counters if c.attr("NO").isdigit()]
    if not taken:
        return elements
    offset = max(taken)
    out = []
    for e in elements:
        number = e.attribs.get("NO", "").strip() if getattr(e, "is_counter", False) else ""
        if number.isdigit():
            e = replace(e, attribs={**e.attribs, "NO": str(int(number) + offset)})
        out.append(e)
    return out


def default_point(plan: Plan, view_centre: tuple[float, float]) -> tuple[float, float]:
    """The hall's centre when the plan has one, else the middle of the view."""
    if plan.hall is not None:
        x0, y0, x1, y1 = plan.hall.polygon.bounds
        return ((x0 + x1) / 2, (y0 + y1) / 2)
    return view_centre
