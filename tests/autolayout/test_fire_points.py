"""Issue 24: extinguisher and call points at the exits, evacuation signs along every passage.
Each test failed on the layout before (one direction sign per hall; fire points wherever the set
cover put them)."""

from __future__ import annotations

import pytest
import shapely

from bianmin.autolayout import layout
from bianmin.autolayout.fire import EXIT_SHARED_MM, _zone_walks
from bianmin.autolayout.params import Distances
from bianmin.autolayout.site import Site
from bianmin.geometry.analysis import Analysis

from tests.autolayout.layout_halls import HALLS


@pytest.mark.parametrize("name", sorted(HALLS))
def test_every_exit_has_an_extinguisher_and_a_call_point_beside_it(name):
    plan = layout(HALLS[name]()).plan
    for door in plan.exits:
        for block in ("BM_EXTINGUISHER", "BM_ALARM"):
            d = min(o.footprint.distance(door.line) for o in plan.objects_of(block))
            assert d <= EXIT_SHARED_MM, (name, block, door.kind, round(d))


@pytest.mark.parametrize("name", sorted(HALLS))
def test_no_passage_goes_farther_than_the_sign_spacing_without_a_sign(name):
    plan = layout(HALLS[name]()).plan
    an = Analysis(plan)
    spacing = Distances().evac_spacing
    signs = [s.footprint.centroid for s in plan.objects_of("BM_EVAC_SIGN", "BM_EXIT_SIGN")]
    paths = (
        [p["points"] for p in an.evacuation_paths()]
        + [pts for _, pts in an.passages_by_exit()]
        + _zone_walks(Site(plan), an)
    )
    assert paths
    for pts in paths:
        if len(pts) < 2:
            continue
        line = shapely.LineString(pts)
        marks = sorted([0.0, line.length] + [line.project(s) for s in signs if line.distance(s) <= 2000.0])
        gap = max(b - a for a, b in zip(marks, marks[1:], strict=False))
        assert gap <= spacing + 1.0, (name, round(gap), round(line.length))


def test_the_drawn_route_has_a_sign_at_each_turn():
    plan = layout(HALLS["l-shaped"]()).plan
    assert plan.routes
    from bianmin.standards.rules.fire import _turns

    signs = plan.objects_of("BM_EVAC_SIGN", "BM_EXIT_SIGN")
    for r in plan.routes:
        for corner in _turns(r.points, 45.0):
            assert min(s.footprint.distance(shapely.Point(corner)) for s in signs) <= 1000.0
