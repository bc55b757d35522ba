"""Signs where the sign rules look for them (XA 五): working hours within 3 m of the main
entrance, guide board and floor-plan board within 5 m, a direction sign by every internal door,
the public notice screen, a status screen by every zone, the complaints notice."""

from __future__ import annotations

from bianmin.geometry import catalog

from bianmin.autolayout.site import Site

MOUNTED_GAP = 250.0


def _wall_sign(site: Site, block: str, target, limit: float | None = None, near_geom=None, **attribs):
    """A wall sign on the wall spot nearest ``target`` that no other sign takes."""
    signs = [o.footprint for o in site.plan.objects if o.mounted]
    for x, y, rot in site.nearest(site.wall_spots(block, step=200.0, inset=5.0), target):
        obj = site.make(block, x, y, rot, **attribs)
        if near_geom is not None and limit is not None and obj.footprint.distance(near_geom) > limit:
            continue
        if not site.hall.buffer(1).contains(obj.footprint):
            continue
        if any(obj.footprint.distance(s) < MOUNTED_GAP for s in signs):
            continue
        return site.add(obj)
    return None


def run(site: Site, blocks: tuple[str, ...] | None = None) -> None:
    """Every missing sign, or only those of ``blocks`` (a quick fix)."""
    plan = site.plan
    if blocks is not None:
        site = _Only(site, blocks)
    street = plan.properties.kind == "street-center"
    entrance = plan.main_entrance
    near = site.mm.sign_near  # each sign's rule's distance, less a margin
    wanted = [
        ("BM_SIGN_HOURS", near("SIGN-HOURS"), True),
        ("BM_SIGN_GUIDE", near("SIGN-GUIDE"), street),
        ("BM_SIGN_FLOORPLAN", near("SIGN-FLOORPLAN"), street),
    ]
    if entrance is not None:
        for block, limit, needed in wanted:
            if not needed or any(s.footprint.distance(entrance.line) <= limit for s in plan.objects_of(block)):
                continue
            if _wall_sign(site, block, entrance.midpoint, limit, entrance.line) is None:
                site.note(
                    block,
                    f"主入口 {limit / 1000:g} m 内墙面放不下{catalog.BLOCKS[block].zh}（{block}）",
                    f"no wall within {limit / 1000:g} m of the entrance for the {catalog.BLOCKS[block].en} ({block})",
                )
    direction = near("SIGN-DIRECTION")
    for door in plan.openings_of("door"):
        if not street or any(
            s.footprint.distance(door.line) <= direction for s in plan.objects_of("BM_SIGN_DIRECTION")
        ):
            continue
        _wall_sign(site, "BM_SIGN_DIRECTION", door.midpoint, direction, door.line)
    if street and not plan.objects_of("BM_SIGN_DISPLAY"):
        wait = [z for z in plan.zones if z.kind == "wait"]
        c = wait[0].polygon.centroid if wait else site.hall.centroid
        _wall_sign(site, "BM_SIGN_DISPLAY", (c.x, c.y))
    screen_near = near("SIGN-ZONE-SCREEN")
    if street:
        for zone in plan.zones:
            if zone.kind == "office":
                continue
            if any(s.footprint.distance(zone.polygon) <= screen_near for s in plan.objects_of("BM_SIGN_ZONE_SCREEN")):
                continue
            c = zone.polygon.representative_point()
            screen = _wall_sign(site, "BM_SIGN_ZONE_SCREEN", (c.x, c.y), screen_near, zone.polygon)
            if screen is None:  # hung from the ceiling inside the zone
                site.add(site.make("BM_SIGN_ZONE_SCREEN", c.x, c.y, site.angle))
    if not plan.objects_of("BM_SIGN_COMPLAINT"):
        target = entrance.midpoint if entrance is not None else (site.hall.centroid.x, site.hall.centroid.y)
        _wall_sign(site, "BM_SIGN_COMPLAINT", target)


class _Only:
    """A site that adds only some blocks (the others are asked for and silently dropped)."""

    def __init__(self, site: Site, blocks: tuple[str, ...]):
        self._site, self._blocks = site, blocks

    def __getattr__(self, name):
        return getattr(self._site, name)

    def add(self, obj):
        return self._site.add(obj) if obj.block in self._blocks else obj
