"""Bare halls for the layout tests and benchmark: only a hall, its openings and obstacles."""

from __future__ import annotations

from shapely import affinity
from shapely.geometry import Polygon

from bianmin.geometry.model import Hall, Obstacle, Opening, Plan, rectangle
from bianmin.geometry.properties import PlanProperties


def _plan(kind="street-center", **props) -> Plan:
    return Plan(properties=PlanProperties(kind=kind, name="测试便民服务中心", **props))


def street_20x14() -> Plan:
    plan = _plan(population=30000, peak_daily_visits=120)
    plan.hall = Hall(outline=rectangle(0, 0, 20000, 14000))
    plan.openings += [Opening("main", (9000, 0), (11000, 0)), Opening("exit", (0, 6000), (0, 7500))]
    return plan


def community_12x8() -> Plan:
    plan = _plan("community-station", fire_hazard="light", peak_daily_visits=30)
    plan.hall = Hall(outline=rectangle(0, 0, 12000, 8000))
    plan.openings.append(Opening("main", (5000, 0), (6500, 0)))
    return plan


def columns_30x20() -> Plan:
    plan = _plan(peak_daily_visits=200)
    plan.hall = Hall(outline=rectangle(0, 0, 30000, 20000))
    plan.openings += [
        Opening("main", (14000, 0), (16000, 0)),
        Opening("exit", (0, 9000), (0, 10500)),
        Opening("exit", (30000, 12000), (30000, 13500)),
    ]
    for x in (10000, 20000):
        for y in (7000, 13000):
            plan.obstacles.append(Obstacle(outline=rectangle(x - 300, y - 300, x + 300, y + 300)))
    return plan


def l_shaped() -> Plan:
    plan = _plan(peak_daily_visits=120)
    plan.hall = Hall(
        outline=[(0, 0, 0), (24000, 0, 0), (24000, 10000, 0), (12000, 10000, 0), (12000, 20000, 0), (0, 20000, 0)]
    )
    plan.openings += [
        Opening("main", (15000, 0), (17000, 0)),
        Opening("exit", (0, 15000), (0, 16500)),
        Opening("exit", (24000, 4000), (24000, 5500)),
    ]
    return plan


def long_40x8() -> Plan:
    plan = _plan(peak_daily_visits=120)
    plan.hall = Hall(outline=rectangle(0, 0, 40000, 8000))
    plan.openings += [
        Opening("main", (19000, 0), (21000, 0)),
        Opening("exit", (0, 3000), (0, 4500)),
        Opening("exit", (40000, 3000), (40000, 4500)),
    ]
    return plan


def fixed_core() -> Plan:
    plan = _plan(peak_daily_visits=120)
    plan.hall = Hall(outline=rectangle(0, 0, 24000, 18000))
    plan.openings += [Opening("main", (5000, 0), (7000, 0)), Opening("exit", (24000, 14000), (24000, 15500))]
    plan.obstacles.append(Obstacle(outline=rectangle(10000, 7000, 14000, 13000)))
    return plan


def rotated() -> Plan:
    base = street_20x14()
    hall = affinity.rotate(Polygon([(x, y) for x, y, _ in base.hall.outline]), 30, origin=(0, 0))
    plan = _plan(peak_daily_visits=120)
    plan.hall = Hall(outline=[(x, y, 0.0) for x, y in list(hall.exterior.coords)[:-1]])
    for o in base.openings:
        a, b = (
            affinity.rotate(Polygon([o.start, o.end, o.start]), 30, origin=(0, 0)).exterior.coords[i] for i in (0, 1)
        )
        plan.openings.append(Opening(o.kind, a, b))
    return plan


def sprinklered_basement() -> Plan:
    plan = _plan(peak_daily_visits=150, floor=-1, sprinklers=True, fire_hazard="medium")
    plan.hall = Hall(outline=rectangle(0, 0, 25000, 16000))
    plan.openings += [Opening("main", (11500, 0), (13500, 0)), Opening("exit", (25000, 12000), (25000, 13500))]
    return plan


def u_shaped() -> Plan:
    plan = _plan(peak_daily_visits=150)
    plan.hall = Hall(
        outline=[
            (0, 0, 0),
            (30000, 0, 0),
            (30000, 20000, 0),
            (21000, 20000, 0),
            (21000, 9000, 0),
            (9000, 9000, 0),
            (9000, 20000, 0),
            (0, 20000, 0),
        ]
    )
    plan.openings += [
        Opening("main", (14000, 0), (16000, 0)),
        Opening("exit", (0, 15000), (0, 16500)),
        Opening("exit", (30000, 15000), (30000, 16500)),
    ]
    return plan


def long_40x12() -> Plan:
    """The reviewer's case: 40 m x 12 m, the entrance in the middle of a long side."""
    plan = _plan(peak_daily_visits=150)
    plan.hall = Hall(outline=rectangle(0, 0, 40000, 12000))
    plan.openings += [
        Opening("main", (19000, 0), (21000, 0)),
        Opening("exit", (0, 5000), (0, 6500)),
        Opening("exit", (40000, 5000), (40000, 6500)),
    ]
    return plan


def furnished_20x14() -> Plan:
    """The plain 20 x 14 m hall with its wall furniture (fixed cabinets, a riser) as obstacles."""
    plan = street_20x14()
    plan.obstacles += [
        Obstacle(outline=rectangle(0, 10000, 600, 13400)),
        Obstacle(outline=rectangle(14000, 13400, 19400, 14000)),
        Obstacle(outline=rectangle(19200, 2000, 20000, 3200)),
    ]
    return plan


def l_station() -> Plan:
    """An L-shaped community station, entrance at the inner corner's long leg."""
    plan = _plan("community-station", fire_hazard="light", peak_daily_visits=40)
    plan.hall = Hall(
        outline=[(0, 0, 0), (16000, 0, 0), (16000, 6000, 0), (7000, 6000, 0), (7000, 12000, 0), (0, 12000, 0)]
    )
    plan.openings += [Opening("main", (10000, 0), (11500, 0)), Opening("exit", (0, 9000), (0, 10200))]
    return plan


def columns_rotated() -> Plan:
    """The 30 x 20 m hall with columns, turned by 15 degrees."""
    base = columns_30x20()
    turn = lambda pts: list(affinity.rotate(Polygon(pts), 15, origin=(0, 0)).exterior.coords)[:-1]  # noqa: E731
    plan = _plan(peak_daily_visits=200)
    plan.hall = Hall(outline=[(x, y, 0.0) for x, y in turn([(x, y) for x, y, _ in base.hall.outline])])
    for o in base.openings:
        a, b, _ = turn([o.start, o.end, (o.start[0] + 1, o.start[1] + 1)])
        plan.openings.append(Opening(o.kind, a, b))
    for ob in base.obstacles:
        plan.obstacles.append(Obstacle(outline=[(x, y, 0.0) for x, y in turn([p[:2] for p in ob.outline])]))
    return plan


HALLS = {
    "street-20x14": street_20x14,
    "community-12x8": community_12x8,
    "columns-30x20": columns_30x20,
    "l-shaped": l_shaped,
    "long-40x8": long_40x8,
    "fixed-core": fixed_core,
    "rotated": rotated,
    "sprinklered-basement": sprinklered_basement,
    "u-shaped": u_shaped,
    "long-40x12": long_40x12,
    "furnished-20x14": furnished_20x14,
    "l-station": l_station,
    "columns-rotated": columns_rotated,
}
