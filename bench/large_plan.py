"""A large plan for benchmarks: a 100 m × 60 m hall, thousands of objects, hundreds of columns."""

from __future__ import annotations

import random
from pathlib import Path

from bianmin.geometry.dxf.write import write_plan
from bianmin.geometry.model import Hall, Obstacle, Opening, Plan, Route, Zone, rectangle
from bianmin.templates.build import obj
from bianmin.geometry.properties import PlanProperties


def large_plan(width=100_000, depth=60_000, seed=1) -> Plan:
    rnd = random.Random(seed)
    plan = Plan(
        properties=PlanProperties(
            name="西安市新城区大型街道便民服务中心", hours="08:30-12:00;14:00-17:30", peak_daily_visits=2000
        )
    )
    plan.hall = Hall(outline=rectangle(0, 0, width, depth))
    plan.openings += [
        Opening("main", (width / 2 - 1500, 0), (width / 2 + 1500, 0)),
        Opening("exit", (0, depth / 2 - 900), (0, depth / 2 + 900)),
        Opening("exit", (width, depth / 2 - 900), (width, depth / 2 + 900)),
        Opening("exit", (width / 2 - 900, depth), (width / 2 + 900, depth)),
    ]
    plan.zones += [
        Zone(outline=rectangle(2000, 45000, width - 2000, 58000), kind="window"),
        Zone(outline=rectangle(5000, 12000, width - 5000, 44000), kind="wait"),
        Zone(outline=rectangle(width / 2 + 2000, 0, width / 2 + 15000, 10000), kind="consult"),
        Zone(outline=rectangle(5000, 0, 30000, 10000), kind="self"),
    ]
    # hundreds of columns on an 8.4 m grid, 600 mm square
    for x in range(4200, width, 4200):
        for y in range(4200, depth, 8400):
            plan.obstacles.append(Obstacle(outline=rectangle(x - 300, y - 300, x + 300, y + 300)))
    # counters along the window zone
    for i in range(40):
        x = 4000 + i * 2300
        plan.objects.append(
            obj(
                "BM_COUNTER",
                x,
                50000,
                no=i + 1,
                type="general" if i else "accessible",
                height=750,
                devices="computer,id_reader,barcode,evaluator,scanner",
            )
        )
        plan.objects.append(obj("BM_SIGN_WINDOW", x, 50200, no=i + 1))
    # thousands of seats and other furniture in the waiting zone, kept off the columns
    blocks = ["BM_SEAT"] * 8 + ["BM_FORM_DESK", "BM_WATER", "BM_TV", "BM_SELF_SERVICE"]
    columns = [o.polygon for o in plan.obstacles]
    from shapely import STRtree

    tree = STRtree(columns)
    placed = 0
    while placed < 3000:
        x, y = rnd.uniform(6000, width - 6000), rnd.uniform(13000, 43000)
        o = obj(rnd.choice(blocks), x, y, rnd.choice((0, 90, 180, 270)))
        if len(tree.query(o.footprint, predicate="intersects")):
            continue
        plan.objects.append(o)
        placed += 1
    for x in range(3000, width, 6000):
        for y in range(3000, depth, 6000):
            plan.objects.append(obj("BM_EMERGENCY_LIGHT", x, y))
    for x, y, r in ((500, 20000, 90), (width - 500, 20000, 270), (500, 40000, 90), (width - 500, 40000, 270)):
        plan.objects.append(obj("BM_EXTINGUISHER", x, y, r, count=2, rating="3A"))
    plan.routes.append(Route([(width / 2, 30000), (width / 2, 300)]))
    return plan


def write_large(path: Path, **kwargs) -> Path:
    write_plan(large_plan(**kwargs), path)
    return path
