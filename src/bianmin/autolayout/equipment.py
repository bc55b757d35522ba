"""Hall equipment and convenience facilities in their zones (EQUIP-HALL, EQUIP-CONVENIENCE,
ZONE-CONSULT-DESK, ZONE-SELF-DEVICES, EQUIP-MAILBOX): each missing item against a wall (or a
column) as near its zone's centre as it fits."""

from __future__ import annotations

import math

from shapely.geometry import LineString

from bianmin.geometry import catalog

from bianmin.autolayout.site import Site, facing
from bianmin.autolayout.zones import zone_area

# block, zone it belongs in, profiles that need it (EQUIP-HALL, EQUIP-CONVENIENCE and the zone rules ask the
# street centre; a community station gets the self-service terminal, water and the parcel locker)
ITEMS = [
    ("BM_GUIDE_DESK", "consult", ("street-center",)),
    ("BM_INFO_KIOSK", "consult", ("street-center",)),
    ("BM_QUEUE_MACHINE", "consult", ("street-center",)),
    ("BM_SELF_SERVICE", "self", ("street-center", "community-station")),
    ("BM_PRINTER", "self", ("street-center",)),
    ("BM_CHARGER", "self", ("street-center",)),
    ("BM_WATER", "wait", ("street-center", "community-station")),
    ("BM_GLASSES", "wait", ("street-center",)),
    ("BM_TV", "wait", ("street-center",)),
    ("BM_SUGGESTION_BOX", "wait", ("street-center",)),
    ("BM_EVALUATION_BOX", "wait", ("street-center",)),
    ("BM_MAILBOX_24H", "self", ("street-center", "community-station")),
]


def run(site: Site) -> None:
    profile = site.plan.properties.kind
    for block, zone, profiles in ITEMS:
        if profile not in profiles:
            continue
        area = zone_area(site, zone)
        if area is not None and any(
            area.buffer(50).contains(o.footprint.centroid) for o in site.plan.objects_of(block)
        ):
            continue
        if area is None and site.plan.objects_of(block):
            continue
        if site.plan.objects_of(block) and block not in ("BM_GUIDE_DESK", "BM_INFO_KIOSK", "BM_SELF_SERVICE"):
            continue  # present elsewhere: only the zone rules care where these stand
        if block == "BM_GUIDE_DESK" and area is not None and _guide_desk(site, area) is not None:
            continue
        target = area.centroid if area is not None else None
        target_xy = (target.x, target.y) if target is not None else site.origin
        spots = site.nearest(site.wall_spots(block, step=250.0), target_xy)
        if area is not None:
            inner = site.nearest(site.zone_grid_spots(area, block, rotation=site.angle + 180.0), target_xy)
            placed = site.try_place(block, spots, within=area) or site.try_place(block, inner, within=area)
        else:
            placed = None
        placed = placed or site.try_place(block, spots)
        if placed is None:
            site.note(
                "EQUIP-HALL",
                f"大厅中放不下{catalog.BLOCKS[block].zh}（{block}）；需腾出靠墙位置",
                f"no room for the {catalog.BLOCKS[block].en} ({block}) in the hall: free some wall space",
            )


GUIDE_DISTANCE = (2000.0, 6000.0)  # the guidance desk this far from the entrance: in the way in's view, not in it


def _guide_desk(site: Site, area):
    """The guidance desk standing free in the consult zone, its front turned to the main entrance
    and nothing between them (XA 三(四)1, ZONE-CONSULT-VISIBLE): those coming in see it and the
    staff see them.  None when no such spot fits (the desk then goes against a wall)."""
    if site.entrance is None:
        return None
    ex, ey = site.origin
    nx, ny = site.normal
    eye = (ex + nx * 300.0, ey + ny * 300.0)
    near, far = GUIDE_DISTANCE
    spots = []
    for x, y, _ in site.zone_grid_spots(area, "BM_GUIDE_DESK", step=300.0):
        d = math.dist((x, y), (ex, ey))
        if not near <= d <= far:
            continue
        sight = LineString([eye, (x, y)])
        if not site.obstacles.is_empty and sight.intersects(site.obstacles):
            continue
        if any(sight.intersects(fp) for fp in site.counter_fps):
            continue
        spots.append((abs(d - 3000.0), x, y, facing(ex - x, ey - y)))
    spots.sort()
    return site.try_place("BM_GUIDE_DESK", [(x, y, rot) for _, x, y, rot in spots], within=area)
