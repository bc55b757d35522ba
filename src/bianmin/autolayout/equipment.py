"""Hall equipment and convenience facilities in their zones (EQUIP-HALL, EQUIP-CONVENIENCE,
ZONE-CONSULT-DESK, ZONE-SELF-DEVICES, EQUIP-MAILBOX): each missing item against a wall (or a
column) as near its zone's centre as it fits."""

from __future__ import annotations

from bianmin.autolayout.site import Site
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
                f"大厅中放不下 {block}；需腾出靠墙位置",
                f"no room for {block} in the hall: free some wall space",
            )
