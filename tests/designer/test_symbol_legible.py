"""The codes and window numbers in the plan's symbols can be read: no front tick strikes through
them, and a wall sign's box holds its character (a tryout read counters 1 1 3 4 5 6 as 1 1 1 1 1 1)."""

from pathlib import Path

import pytest
from shapely.geometry import LineString, Polygon, box

from bianmin.drawing.plan_painter import front_tick, paint_object
from bianmin.geometry.dxf.read import read_plan

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "taihualu-counters-wrong.dxf"


class Recorder:
    """A Surface at a fixed scale that keeps what is drawn."""

    def __init__(self, scale):
        self.scale = scale
        self.polygons, self.lines, self.texts = [], [], []

    def polygon(self, points, **kw):
        self.polygons.append(Polygon(points))

    def polyline(self, points, **kw):
        self.lines.append(LineString(points))

    def circle(self, *a, **kw):
        pass

    def text(self, x, y, s, *, size_mm=2.5, **kw):
        self.texts.append((x, y, s, size_mm))


@pytest.fixture(scope="module")
def plan():
    return read_plan(SAMPLE).plan


def glyph(s, text):
    x, y, _, size = text
    half = size * s.scale / 2
    return box(x - half, y - half, x + half, y + half)


@pytest.mark.parametrize("scale", [100, 150, 200])
def test_no_tick_crosses_a_code_and_every_box_holds_its_code(plan, scale):
    assert plan.objects
    for obj in plan.objects:
        s = Recorder(scale)
        paint_object(s, obj)
        (text,) = s.texts
        g = glyph(s, text)
        for line in s.lines:
            assert not line.crosses(g) and not line.within(g), (obj.block, text[2])
        if obj.mounted:
            outline = s.polygons[-1]
            assert outline.buffer(1).contains(g), (obj.block, text[2], outline.bounds, g.bounds)
            for other in s.polygons:  # no outline of the sign runs through its character
                assert not other.exterior.crosses(g.buffer(-g.length / 40)), obj.block


def test_the_counters_show_their_own_numbers(plan):
    counters = sorted((o for o in plan.objects if o.is_counter), key=lambda o: o.footprint.centroid.x)
    s = Recorder(150)
    for obj in counters:
        paint_object(s, obj)
    assert [t[2] for t in s.texts] == ["1", "1", "3", "4", "5", "6"]  # as in the DXF: NO 1 twice


def test_the_tick_still_points_to_the_front(plan):
    counter = next(o for o in plan.objects if o.is_counter)
    (x0, y0), (x1, y1) = front_tick(counter)
    fx, fy = counter.front_direction
    assert (x1 - x0) * fx + (y1 - y0) * fy > 0
    assert counter.front_edge.distance(LineString([(x0, y0), (x1, y1)])) < 1e-6
