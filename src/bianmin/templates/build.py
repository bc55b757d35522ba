"""The starter plans, built in code and written with the plan writer.

``python -m bianmin.templates.build`` rewrites templates/*.dxf.  The samples
and the rule fixtures start from these plans too, so a fix to a template is a
fix everywhere; tests keep the templates free of error findings.
"""

from __future__ import annotations

import math
from pathlib import Path

from bianmin.geometry.dxf.write import write_plan
from bianmin.geometry.model import Hall, Opening, PlacedObject, Plan, Route, Zone, rectangle
from bianmin.geometry.properties import PlanProperties

from bianmin.templates import HERE

ALL_DEVICES = "computer,id_reader,barcode,evaluator,scanner,doc_camera"


def facing(x, y, tx, ty) -> float:
    """The INSERT rotation (degrees) that turns an object's front (local -Y) toward (tx, ty)."""
    return math.degrees(math.atan2(tx - x, -(ty - y)))


def obj(block, x, y, rotation=0.0, sx=1.0, sy=1.0, **attribs) -> PlacedObject:
    return PlacedObject.place(block, x, y, rotation, sx, sy, {k.upper(): str(v) for k, v in attribs.items()})


def street_center() -> Plan:
    """A compliant street service centre: a 20 m × 12.5 m hall (250 m²)."""
    plan = Plan(
        properties=PlanProperties(
            name="西安市新城区示例街道便民服务中心",
            kind="street-center",
            construction="new",
            hours="08:30-12:00;14:00-17:30",
            floor=1,
            building_floors=3,
            sprinklers=False,
            fire_hazard="medium",
            population=30000,
            peak_daily_visits=120,
            service_minutes=10,
        )
    )
    plan.hall = Hall(outline=rectangle(0, 0, 20000, 12500))
    plan.openings += [Opening("main", (9000, 0), (11000, 0)), Opening("exit", (0, 5000), (0, 6500))]
    plan.zones += [
        Zone(outline=rectangle(2000, 9000, 18000, 12500), kind="window"),
        Zone(outline=rectangle(4000, 4300, 16000, 8700), kind="wait"),
        Zone(outline=rectangle(12000, 0, 17500, 4000), kind="consult"),
        Zone(outline=rectangle(1000, 0, 7500, 3800), kind="self"),
    ]
    o = plan.objects
    # window zone: six counters facing the public (local -Y = plan -Y), a sign over each
    types = ["general", "general", "general", "general", "instant", "accessible"]
    for i, kind in enumerate(types):
        x = 4500 + 2000 * i
        o.append(obj("BM_COUNTER", x, 9800, no=i + 1, type=kind, height=750, seats=1, devices=ALL_DEVICES))
        o.append(obj("BM_SIGN_WINDOW", x, 10000, no=i + 1))
    # waiting zone: four rows of five seats, a form desk, a TV
    for x in (6500, 11500):
        for y in (5500, 7000):
            o.append(obj("BM_SEAT", x, y, 180, sx=5, count=5))
    o.append(obj("BM_FORM_DESK", 15500, 5000))
    # consultation and guidance by the entrance
    o += [
        obj("BM_GUIDE_DESK", 14500, 2500, 180),
        obj("BM_INFO_KIOSK", 16500, 1000, 180),
        obj("BM_QUEUE_MACHINE", 12500, 800, 180),
    ]
    # self-service zone along the front wall
    o += [
        obj("BM_SELF_SERVICE", 2000, 400, 180),
        obj("BM_SELF_SERVICE", 3000, 400, 180),
        obj("BM_PRINTER", 4500, 400, 180),
        obj("BM_CHARGER", 5500, 300, 180),
        obj("BM_WATER", 6300, 300, 180),
        obj("BM_GLASSES", 7000, 250, 180),
    ]
    o += [
        obj("BM_MAILBOX_24H", 400, 3000, 270),
        obj("BM_TV", 19700, 6000, 90),
        obj("BM_SUGGESTION_BOX", 19750, 3000, 90),
        obj("BM_EVALUATION_BOX", 19750, 3600, 90),
    ]
    # signs
    o += [
        obj("BM_SIGN_HOURS", 8200, 100),
        obj("BM_SIGN_FLOORPLAN", 11900, 100),
        obj("BM_SIGN_GUIDE", 13200, 100),
        obj("BM_SIGN_COMPLAINT", 6500, 3700),
        obj("BM_SIGN_DISPLAY", 100, 8000, 90),
        obj("BM_SIGN_ZONE_SCREEN", 15000, 3900),
        obj("BM_SIGN_ZONE_SCREEN", 10000, 8600),
        obj("BM_SIGN_ZONE_SCREEN", 4000, 3700),
    ]
    # fire and safety
    o += [
        obj("BM_EXIT_SIGN", 10000, 150),
        obj("BM_EXIT_SIGN", 150, 5750, 90),
        obj("BM_EVAC_SIGN", 150, 10500, 90, mount="ceiling"),
        obj("BM_EVAC_SIGN", 19850, 3000, 90, mount="ceiling"),
        obj("BM_EVAC_SIGN", 19850, 10000, 90, mount="ceiling"),
        obj("BM_EVAC_SIGN", 7000, 12350, mount="ceiling"),
        obj("BM_EXTINGUISHER", 400, 7800, 90, count=2, rating="2A"),
        obj("BM_EXTINGUISHER", 19600, 7800, 270, count=2, rating="2A"),
        obj("BM_HYDRANT", 19880, 9000, 270),
        obj("BM_ALARM", 300, 6800),
        obj("BM_ALARM", 19800, 4500),
        obj("BM_ALARM", 9000, 12400),
    ]
    for x in (5000, 15000):
        for y in (2100, 6250, 10400):
            o.append(obj("BM_EMERGENCY_LIGHT", x, y))
    o.append(obj("BM_CAMERA", 19700, 12200, facing(19700, 12200, 10000, 0), fov=90, range=17000))
    plan.routes += [
        Route([(10000, 11200), (3000, 11200), (1500, 8500), (200, 5750)]),
        Route([(17000, 7000), (12000, 4200), (10000, 300)]),
    ]
    return plan


def community_station() -> Plan:
    """A compliant community service station: a 10 m × 8 m room (80 m²)."""
    plan = Plan(
        properties=PlanProperties(
            name="新城区西一路街道示例社区便民服务站",
            kind="community-station",
            construction="existing",
            hours="08:30-12:00;14:00-17:30",
            floor=1,
            building_floors=2,
            fire_hazard="light",
            population=8000,
            peak_daily_visits=30,
            service_minutes=10,
        )
    )
    plan.hall = Hall(outline=rectangle(0, 0, 10000, 8000))
    plan.openings.append(Opening("main", (4000, 0), (5500, 0)))
    plan.zones += [
        Zone(outline=rectangle(1000, 5000, 9000, 8000), kind="window"),
        Zone(outline=rectangle(1000, 1500, 9000, 4800), kind="wait"),
        Zone(outline=rectangle(6500, 0, 10000, 1400), kind="self"),
    ]
    o = plan.objects
    for no, x, kind in ((1, 3000, "general"), (2, 6500, "accessible")):
        o.append(obj("BM_COUNTER", x, 6000, no=no, type=kind, height=750, seats=1, devices=ALL_DEVICES))
        o.append(obj("BM_SIGN_WINDOW", x, 6200, no=no))
    for x in (2500, 7500):
        o.append(obj("BM_SEAT", x, 3000, 180, sx=4, count=4))
    o += [
        obj("BM_FORM_DESK", 2000, 1800),
        obj("BM_SELF_SERVICE", 8000, 400, 180),
        obj("BM_WATER", 9500, 300, 180),
        obj("BM_MAILBOX_24H", 9700, 3000, 90),
    ]
    o += [
        obj("BM_SIGN_HOURS", 3300, 100),
        obj("BM_SIGN_COMPLAINT", 6500, 100),
        obj("BM_EXIT_SIGN", 4750, 150),
        obj("BM_EVAC_SIGN", 150, 6000, 90, mount="ceiling"),
        obj("BM_EXTINGUISHER", 400, 4000, 90, count=2, rating="2A"),
        obj("BM_EXTINGUISHER", 9600, 4500, 270, count=2, rating="2A"),
        obj("BM_ALARM", 300, 2000),
        obj("BM_ALARM", 9700, 7000),
    ]
    for x in (2500, 7500):
        for y in (2000, 6000):
            o.append(obj("BM_EMERGENCY_LIGHT", x, y))
    o.append(obj("BM_CAMERA", 9700, 7700, facing(9700, 7700, 4750, 0), fov=90, range=10000))
    plan.routes.append(Route([(5000, 7400), (4750, 5000), (4750, 200)]))
    return plan


BUILDERS = {"street-center": street_center, "community-station": community_station}


def main(out: Path = HERE) -> list[Path]:
    written = []
    for name, build in BUILDERS.items():
        path = Path(out) / f"{name}.dxf"
        write_plan(build(), path)
        written.append(path)
    return written


if __name__ == "__main__":
    for p in main():
        print(p)
