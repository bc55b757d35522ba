"""Zones by the seed's logic (XA 三(四)): 咨询导引区 beside the main entrance, 自助服务区 on its
other side, 窗口办理区 along the wall farthest from the entrance, 服务等候区 between them.

Worked out in the entrance frame (site.py) on the hall's own outline, so L-shaped and
irregular halls, columns and cores are clipped out of each zone; only kinds the plan lacks
are drawn.
"""

from __future__ import annotations

from shapely.ops import unary_union

from bianmin.geometry.model import Zone

from bianmin.autolayout.site import Site, clean, largest_part, local_box

WINDOW_DEPTH = 4000.0  # staff 800 + counter 800 + the public's 1.2 m in front + margin


def _outline(poly) -> list:
    coords = list(poly.exterior.coords)[:-1]
    return [(round(x, 1), round(y, 1), 0.0) for x, y in coords]


def plan_zones(site: Site) -> dict:
    """The local-frame polygons of the five zones (whether or not they are drawn)."""
    hall = site.local_hall
    u0, _, u1, vmax = site.local_bounds
    depth = max(vmax, 1.0)
    win_depth = min(WINDOW_DEPTH, depth * 0.45)
    front = max(1500.0, min(4000.0, (depth - win_depth) * 0.45))
    half = site.entrance.width / 2 if site.entrance is not None else 0.0
    gap = half + 300.0
    right, left = u1 - gap, -gap - u0  # room on each side of the entrance
    side = 1.0 if right >= left else -1.0
    width_c = min(6000.0, max(2500.0, (right if side > 0 else left) * 0.6))
    width_s = min(6500.0, max(2500.0, (left if side > 0 else right) * 0.8))
    zones = {
        "window": local_box(u0, vmax - win_depth, u1, vmax + 1),
        "consult": local_box(side * gap, -1, side * (gap + width_c), front),
        "self": local_box(-side * gap, -1, -side * (gap + width_s), front),
        "wait": local_box(u0, front + 200.0, u1, vmax - win_depth - 200.0),
    }
    out = {}
    for kind, shape in zones.items():
        part = largest_part(clean(hall.intersection(shape)))
        if kind == "wait" and part.area < 4e6:  # a shallow hall: wait beside the entrance instead
            alt = local_box(u0, -1, u1, vmax - win_depth - 200.0).difference(
                unary_union([zones["consult"], zones["self"]]).buffer(200)
            )
            part = largest_part(clean(hall.intersection(alt)))
        out[kind] = part
    return out


def run(site: Site) -> None:
    if site.entrance is None:
        site.note(
            "ZONE-CONSULT-ENTRANCE",
            "图中没有主入口（BM-DOOR-MAIN），分区按大厅南侧为入口布置；请绘制主入口",
            "the plan has no main entrance (BM-DOOR-MAIN); zones assume the south side; draw the entrance",
        )
    have = {z.kind for z in site.plan.zones}
    taken = site.to_local_geom(unary_union([z.polygon for z in site.plan.zones])) if site.plan.zones else None
    needed = (
        ("consult", "wait", "window", "self")
        if site.plan.properties.kind == "street-center"
        else ("wait", "window", "self")
    )
    for kind, local in plan_zones(site).items():
        if kind in have or kind not in needed:
            continue
        if taken is not None:  # never over a zone the user drew
            local = largest_part(clean(local.difference(taken.buffer(100))))
        if local.is_empty or local.area < 1e6:
            site.note(
                "ZONE-REQUIRED",
                f"大厅中没有足够的地方设{_ZH[kind]}；需扩大大厅或减少其它分区",
                f"no room for the {kind} zone; enlarge the hall",
            )
            continue
        poly = site.to_plan_geom(local.simplify(1.0))
        site.plan.zones.append(Zone(outline=_outline(poly), kind=kind))
        site.new_zones.append(site.plan.zones[-1])


_ZH = {
    "consult": "咨询导引区",
    "wait": "服务等候区",
    "window": "窗口办理区",
    "self": "自助服务区",
    "office": "后台办公区",
}


def zone_area(site: Site, kind: str):
    zones = [z.polygon for z in site.plan.zones_of(kind)]
    return unary_union(zones) if zones else None
