"""What every rule sees: the plan, its profile, the reader's issues (its intake), and shared analysis.

Per-plan facts that several rules need (the free floor, the spatial index of
objects, the evacuation analysis) are computed once, on first use, and cached
here: rules never recompute them.
"""

from __future__ import annotations

from functools import cached_property

import numpy as np
from shapely import STRtree
from shapely.ops import unary_union

from bianmin.geometry.ahead import Ahead
from bianmin.geometry.analysis import Analysis, blocked_union, blockers, free_floor_of, start_passable
from bianmin.geometry.intake import Intake
from bianmin.geometry.model import PlacedObject, Plan, as_geometry, prime_footprints


class CheckContext:
    def __init__(self, intake: Intake, profile: str):
        self.intake = intake
        self.plan: Plan = intake.plan
        self.props = intake.plan.properties
        self.profile = profile
        prime_footprints(self.plan.objects)  # every rule reads them
        self.ahead = Ahead()  # GEOS work begun before the rules that need it (Rule.prepare)

    # -- facts ---------------------------------------------------------------
    @property
    def hall(self):
        return self.plan.hall.polygon if self.plan.hall else None

    @property
    def main_entrance(self):
        return self.plan.main_entrance

    def objects(self, *blocks: str) -> list[PlacedObject]:
        return self.plan.objects_of(*blocks)

    @cached_property
    def blocking(self):
        """Obstacles and floor objects as one geometry array, with their ids."""
        elements = blockers(self.plan)
        return np.array([as_geometry(e) for e in elements], dtype=object), [e.id for e in elements]

    @cached_property
    def blocking_tree(self) -> STRtree:
        return STRtree(self.blocking[0])

    @cached_property
    def blocked(self):
        """The floor obstacles and floor objects take, as one geometry."""
        return blocked_union(self.blocking[0])

    @cached_property
    def free_floor(self):
        """The hall minus obstacles, counters and furniture (docs/rules.md "free floor")."""
        return free_floor_of(self.plan, blocked=self.blocked)

    def start_passable(self, width: float) -> None:
        """Begin analysis.passable(width) ahead, before the free floor is made (analysis.start_passable)."""
        start_passable(self.ahead, self.hall, self.blocking[0], width)

    def zone_union(self, kind: str):
        zones = [z.polygon for z in self.plan.zones_of(kind)]
        return unary_union(zones) if zones else None

    def inside(self, obj: PlacedObject, area, tolerance: float = 50.0) -> bool:
        """An object stands in an area when its centre does (within the tolerance)."""
        if area is None:
            return False
        return area.distance(obj.footprint.centroid) <= tolerance

    def blockers_hit(self, geometry, *, exclude=(), min_area: float = 1e3) -> list[str]:
        """Ids of obstacles and floor objects whose interior the geometry enters."""
        geoms, ids = self.blocking
        if len(geoms) == 0:
            return []
        areal = geometry.geom_type in ("Polygon", "MultiPolygon")
        out = []
        for i in self.blocking_tree.query(geometry, predicate="intersects"):
            if ids[i] in exclude:
                continue
            overlap = geometry.intersection(geoms[i])
            if (overlap.area if areal else overlap.length) > (min_area if areal else 1.0):
                out.append(ids[i])
        return out

    @cached_property
    def analysis(self):
        """The evacuation and reach analysis (bianmin.geometry.analysis), built on first use."""
        return Analysis(
            self.plan, free_floor=self.free_floor, blocking=self.blocking[0], blocked=self.blocked, ahead=self.ahead
        )

    # -- figures ---------------------------------------------------------------
    @cached_property
    def base_metrics(self) -> dict:
        """Counts every report shows (and the CAP- rules use): computed once per plan."""
        counters = self.plan.counters
        windows = 0
        for c in counters:
            n = c.attr_number("SEATS")
            windows += int(n) if n and n > 0 else 1
        seats = sum(o.count() for o in self.objects("BM_SEAT"))
        return {
            "hall_area_m2": round(self.plan.hall_area_m2, 1),
            "counters": len(counters),
            "windows": windows,
            "seats": seats,
            "mailbox": bool(self.objects("BM_MAILBOX_24H")),
        }


def centre(geometry) -> tuple[float, float]:
    """Where a finding about an area is marked: its centroid, or, when that falls outside (an L- or
    U-shaped hall), a point inside it, so the marker never stands on empty ground beyond the wall."""
    if geometry.is_empty:
        return (0.0, 0.0)
    c = geometry.centroid
    if geometry.geom_type in ("Polygon", "MultiPolygon") and not geometry.covers(c):
        c = geometry.point_on_surface()
    return (c.x, c.y)
