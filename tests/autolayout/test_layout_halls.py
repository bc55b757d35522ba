"""The generated test halls (tests/autolayout/layout_halls.py) are valid halls of the shapes issue 24 names."""

from __future__ import annotations

import pytest
from shapely.geometry import LineString, Polygon

from tests.autolayout.layout_halls import HALLS


def test_at_least_twelve_halls_of_the_named_shapes():
    assert len(HALLS) >= 12
    for shape in ("l-shaped", "u-shaped", "long-40x12", "columns-30x20", "rotated", "furnished-20x14"):
        assert shape in HALLS


@pytest.mark.parametrize("name", sorted(HALLS))
def test_each_hall_is_valid_with_its_doors_on_the_outline(name):
    plan = HALLS[name]()
    hall = Polygon([(x, y) for x, y, _ in plan.hall.outline])
    assert hall.is_valid and hall.area > 50e6
    assert sum(o.kind == "main" for o in plan.openings) == 1
    for o in plan.openings:
        assert hall.exterior.distance(LineString([o.start, o.end])) < 1.0, o
    for ob in plan.obstacles:
        assert Polygon([p[:2] for p in ob.outline]).within(hall.buffer(1.0))


def test_the_long_hall_has_its_entrance_on_a_long_side():
    plan = HALLS["long-40x12"]()
    main = next(o for o in plan.openings if o.kind == "main")
    assert main.start[1] == main.end[1] == 0 and 15000 < main.start[0] < 25000
