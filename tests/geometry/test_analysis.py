"""The shared analysis: distances checked against hand computation and the exact solver."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import LineString, box

from bianmin.geometry.analysis import Analysis
from bianmin.geometry.exact import VisibilityGraph
from bianmin.geometry.grid import DIRECTION_ERROR
from bianmin.geometry.model import Hall, Obstacle, Opening, Plan, rectangle


def plan_with(outline, openings, obstacles=()):
    plan = Plan(hall=Hall(outline=[(x, y, 0.0) for x, y in outline]))
    plan.openings = [Opening(kind, a, b) for kind, a, b in openings]
    plan.obstacles = [Obstacle(outline=rectangle(*r)) for r in obstacles]
    return plan


def within_bound(grid_value, exact, cell):
    """The grid's stated error: D - cell·√2/2 <= d <= (1 + 2.7 %)·D + cell·√2."""
    return (
        exact - cell * math.sqrt(2) / 2 - 1e-6
        <= grid_value
        <= (1 + DIRECTION_ERROR) * exact + cell * math.sqrt(2) + 1e-6
    )


# -- hand-computed walking distances ---------------------------------------------


def test_l_shaped_hall_walk_goes_round_the_corner():
    # an L: 20 m along x (0..4 m deep), then 16 m up along y at the right end (16..20 m)
    outline = [(0, 0), (20000, 0), (20000, 20000), (16000, 20000), (16000, 4000), (0, 4000)]
    plan = plan_with(outline, [("main", (0, 1000), (0, 3000))])
    a = Analysis(plan, cell=100)
    # from the top of the L's leg to the exit: round the inner corner (16000, 4000)
    p = (18000, 19000)
    exact = math.dist(p, (16000, 4000)) + math.dist((16000, 4000), (0, 3000))
    assert within_bound(a.exit_field.at(*p), exact, 100)
    assert a.straight_exit[0] == pytest.approx(math.dist((20000, 20000), (0, 3000)), abs=1)
    # the exact solver agrees with the hand value
    vg = VisibilityGraph(a.free_floor, a.exit_lines)
    assert vg.distance(*p) == pytest.approx(exact, abs=1.0)


def test_wall_with_a_gap():
    # a 20 m x 10 m hall cut by a wall at x = 10 m, with a 1.2 m gap at the top
    plan = plan_with(
        [(0, 0), (20000, 0), (20000, 10000), (0, 10000)],
        [("main", (0, 4000), (0, 6000))],
        obstacles=[(9900, 0, 10100, 8800)],
    )
    a = Analysis(plan, cell=100)
    p = (19000, 1000)
    corner = (10100, 8800)
    exact = math.dist(p, corner) + 200 + math.dist((9900, 8800), (0, 6000))
    got = a.exit_field.at(*p)
    assert within_bound(got, exact, 100), (got, exact)
    # by hand: walking 22.32 m against 19.24 m straight
    assert got > a.straight_to(a.exit_lines, np.array([p]))[0] + 3000, "walking is longer than the straight line"


def test_columns_against_the_exact_solver():
    plan = plan_with(
        [(0, 0), (24000, 0), (24000, 16000), (0, 16000)],
        [("main", (11000, 0), (13000, 0)), ("exit", (0, 12000), (0, 13500))],
        obstacles=[(x - 300, y - 300, x + 300, y + 300) for x in (6000, 12000, 18000) for y in (5000, 11000)],
    )
    for cell in (100, 200, 400):
        a = Analysis(plan, cell=cell)
        vg = VisibilityGraph(a.free_floor, a.exit_lines)
        rng = np.random.default_rng(cell)
        for k in rng.choice(a.grid.n, 25, replace=False):
            x, y = a.grid.xy[k]
            assert within_bound(a.exit_field.dist[k], vg.distance(x, y), cell)


def test_path_is_walkable_and_ends_at_an_exit():
    plan = plan_with(
        [(0, 0), (20000, 0), (20000, 10000), (0, 10000)],
        [("main", (0, 4000), (0, 6000))],
        obstacles=[(9900, 0, 10100, 8800)],
    )
    a = Analysis(plan, cell=100)
    (path,) = a.evacuation_paths()
    line = LineString(path["points"])
    assert a.free_floor.buffer(2).covers(line)
    assert a.exit_lines[0].distance(LineString(path["points"][-2:]).interpolate(1, normalized=True)) < 1
    assert len(path["points"]) <= 5, "string-pulling leaves only the corners"
    assert path["length"] == pytest.approx(a.exit_field.worst()[0], rel=0.04)


def test_walled_in_area_has_no_exit_and_infinite_distance():
    plan = plan_with(
        [(0, 0), (20000, 0), (20000, 10000), (0, 10000)],
        [("main", (0, 4000), (0, 6000))],
        obstacles=[(9900, 0, 10100, 10000)],
    )
    a = Analysis(plan, cell=200)
    reached = [bool(exits) for _, exits in a.parts]
    assert sorted(reached) == [False, True]
    assert not np.isfinite(a.exit_field.dist).all()
    assert math.isfinite(a.exit_field.worst()[0])


def test_narrow_passage_found_exactly():
    # the right room is reached only through a 1.0 m gap
    plan = plan_with(
        [(0, 0), (20000, 0), (20000, 10000), (0, 10000)],
        [("main", (0, 4000), (0, 6000))],
        obstacles=[(9900, 0, 10100, 9000)],
    )
    a = Analysis(plan, cell=200)
    assert len(a.narrow_cut_off(1100)) == 1
    assert a.narrow_cut_off(900) == []


# -- degenerate input never raises -------------------------------------------------


def test_degenerate_plans_do_not_raise():
    from bianmin.standards.engine import check
    from bianmin.geometry.intake import Intake

    cases = [
        plan_with([(0, 0), (10000, 0), (10000, 8000), (0, 8000)], []),  # no exits at all
        plan_with(
            [(0, 0), (10000, 0), (10000, 8000), (0, 8000)], [("main", (5000, 4000), (6000, 4000))]
        ),  # exit mid-floor
        plan_with(
            [(0, 0), (10000, 0), (10000, 8000), (0, 8000)],
            [("main", (0, 0), (0, 1000))],
            obstacles=[(-5000, -5000, 15000, 13000)],
        ),  # an obstacle covering the hall
        plan_with(
            [(0, 0), (10000, 0), (10000, 8000), (0, 8000)],
            [("main", (0, 0), (0, 1000))],
            obstacles=[(1000, 1000, 5000, 5000), (3000, 3000, 7000, 7000), (2000, 2000, 6000, 6000)],
        ),
        plan_with([(0, 0), (10000, 0), (10000, 8000), (0, 8000)], [("main", (20000, 0), (21000, 0))]),  # exit far away
    ]
    for plan in cases:
        report = check(Intake(plan=plan), path="x")
        assert not [f for f in report.findings if "内部错误" in f.message], [f.message for f in report.findings]


# -- properties ---------------------------------------------------------------------

rects = st.tuples(st.integers(500, 18000), st.integers(500, 10000), st.integers(200, 3000), st.integers(200, 3000))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(obstacles=st.lists(rects, max_size=6), door=st.integers(0, 17000), side=st.booleans())
def test_random_halls(obstacles, door, side):
    """Never raises; never below the straight line; triangle inequality along lines of sight."""
    exit_line = ("main", (door, 0), (door + 1500, 0)) if side else ("main", (0, door % 10000), (0, door % 10000 + 1500))
    plan = plan_with(
        [(0, 0), (20000, 0), (20000, 12000), (0, 12000)],
        [exit_line],
        obstacles=[(x, y, min(x + w, 19900), min(y + h, 11900)) for x, y, w, h in obstacles],
    )
    a = Analysis(plan, cell=250)
    field = a.exit_field
    if a.grid.n == 0:
        return
    finite = np.isfinite(field.dist)
    straight = a.straight_to(a.exit_lines, a.grid.xy)
    assert np.all(field.dist[finite] >= straight[finite] - 1e-6)
    rng = np.random.default_rng(len(obstacles))
    idx = np.nonzero(finite)[0]
    for _ in range(20):
        i, j = rng.choice(idx, 2)
        p, q = a.grid.xy[i], a.grid.xy[j]
        if a.free_floor.covers(LineString([p, q])):
            slack = DIRECTION_ERROR * math.dist(p, q) + 2 * a.cell
            assert field.dist[i] <= field.dist[j] + math.dist(p, q) * (1 + DIRECTION_ERROR) + slack
    a.metrics()
    a.evacuation_paths()


# -- cameras and large inputs (issue 16) ---------------------------------------------


def _coverage_by_sight_lines(a: Analysis) -> float:
    """The first edition's way: a cell is seen when the line from the camera to it crosses no obstacle."""
    import shapely

    grid, seen = a.grid, np.zeros(a.grid.n, bool)
    for cam in a.plan.objects_of("BM_CAMERA"):
        sector = a.camera_sector(cam)
        c = cam.footprint.centroid
        for i in np.nonzero(shapely.contains_xy(sector, grid.xy[:, 0], grid.xy[:, 1]))[0]:
            line = LineString([(c.x, c.y), tuple(grid.xy[i])])
            if not any(line.crosses(o.polygon) for o in a.plan.obstacles):
                seen[i] = True
    return float(seen.mean())


def test_camera_shadows_agree_with_sight_lines():
    from bianmin.geometry.model import PlacedObject

    plan = plan_with(
        [(0, 0), (16000, 0), (16000, 10000), (0, 10000)],
        [("main", (0, 1000), (0, 3000))],
        obstacles=[(5000, 4000, 5600, 4600), (9000, 2000, 9600, 7000), (3000, 7000, 4200, 7600)],
    )
    plan.objects = [
        PlacedObject.place("BM_CAMERA", 500, 5000, rotation=90, attribs={"FOV": "100"}),
        PlacedObject.place("BM_CAMERA", 15500, 500, rotation=225),
    ]
    a = Analysis(plan, cell=250)
    assert a.camera_coverage == pytest.approx(_coverage_by_sight_lines(a), abs=0.01)
    import shapely

    in_sectors = np.zeros(a.grid.n, bool)
    for cam in plan.objects:
        in_sectors |= shapely.contains_xy(a.camera_sector(cam), a.grid.xy[:, 0], a.grid.xy[:, 1])
    assert 0.0 < a.camera_coverage < in_sectors.mean()  # the columns do hide something


def test_camera_coverage_with_5000_obstacles_takes_seconds():
    """Regression (issue 16): 5,000 obstacles took 41 s, almost all in the sight-line queries."""
    import time

    from bianmin.geometry.model import PlacedObject

    obstacles = [(1000 + i * 380, 1000 + j * 170, 1050 + i * 380, 1050 + j * 170) for i in range(70) for j in range(72)]
    plan = plan_with(
        [(0, 0), (28000, 0), (28000, 14000), (0, 14000)], [("main", (0, 1000), (0, 3000))], obstacles=obstacles[:5000]
    )
    plan.objects = [PlacedObject.place("BM_CAMERA", 14000, 13500, rotation=180, attribs={"FOV": "120"})]
    start = time.perf_counter()
    coverage = Analysis(plan).camera_coverage
    assert time.perf_counter() - start < 10 and 0.0 < coverage < 1.0


def test_a_hall_traced_with_100000_vertices_is_simplified_to_within_a_millimetre():
    n = 100_000
    outline = [(20000 * math.cos(2 * math.pi * i / n), 12000 * math.sin(2 * math.pi * i / n)) for i in range(n)]
    plan = plan_with(outline, [("main", (20000, -1000), (20000, 1000))])
    hall = plan.hall.polygon
    assert len(hall.exterior.coords) < 5000
    from shapely.geometry import Polygon

    assert hall.hausdorff_distance(Polygon(outline)) <= 1.0
    a = Analysis(plan)
    assert len(a.sample_points) > a.grid.n  # the corners that touch the floor are still sampled


# -- the numpy walk against scipy's Dijkstra (issue 10: scipy is no longer imported to validate) ---------


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(st.integers(0, 18000), st.integers(0, 10000), st.integers(200, 4000), st.integers(200, 4000)),
        max_size=12,
    ),
    st.integers(0, 3),
)
def test_walk_gives_scipy_dijkstras_distances_bit_for_bit(obstacles, seed_kind):
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import dijkstra

    plan = plan_with(
        [(0, 0), (20000, 0), (20000, 12000), (0, 12000)],
        [("main", (0, 5000), (0, 6500)), ("exit", (20000, 1000), (20000, 2500))],
        obstacles=[(x, y, min(x + w, 19900), min(y + h, 11900)) for x, y, w, h in obstacles],
    )
    a = Analysis(plan, cell=(150, 200, 250, 400)[seed_kind])
    grid = a.grid
    targets = a.exit_lines if seed_kind % 2 else [box(9000, 5000, 9500, 5500)]
    seeds, offsets = grid.seeds(targets)
    field = grid.field(targets)
    if grid.n == 0 or len(seeds) == 0:
        assert not np.isfinite(field.dist).any()
        return
    r0, c0, w0 = grid.graph_parts
    source = grid.n
    rows = np.concatenate([r0, c0, np.full(len(seeds), source)])
    cols = np.concatenate([c0, r0, seeds])
    w = np.concatenate([w0, w0, np.maximum(offsets, 1e-9)])
    graph = coo_matrix((w, (rows, cols)), shape=(grid.n + 1, grid.n + 1)).tocsr()
    dist, pred = dijkstra(graph, directed=True, indices=source, return_predecessors=True)
    assert np.array_equal(field.dist, dist[: grid.n])
    reached = np.isfinite(field.dist)
    assert np.array_equal(field.pred < 0, pred[: grid.n] < 0)
    # each predecessor is a neighbour the distance really came from (ties may pick another than scipy's)
    table, lengths = grid.neighbours
    for k in np.nonzero(reached)[0]:
        p = field.pred[k]
        if p == grid.n:
            assert k in set(seeds.tolist())
            continue
        j = list(table[k]).index(p)
        assert field.dist[p] + lengths[j] == field.dist[k]


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 20000), st.integers(0, 12000), st.integers(50, 3000)), min_size=1, max_size=40),
    st.integers(0, 10_000),
)
def test_farthest_finds_the_point_measuring_every_point_finds(discs, seed):
    """The pruned search gives the same distance and the same (first) point as measuring all of them,
    with few targets (numpy) and many (STRtree), points inside targets included."""
    import shapely

    from bianmin.geometry.distance import farthest, to_geometries

    rng = np.random.default_rng(seed)
    points = np.column_stack([rng.uniform(0, 20000, 3000), rng.uniform(0, 12000, 3000)])
    points[:10] = [(x, y) for x, y, _ in discs[:10]] + [(0.0, 0.0)] * (10 - min(10, len(discs)))  # inside, and ties
    targets = [shapely.Point(x, y).buffer(r, quad_segs=int(seed % 8) + 1) for x, y, r in discs]
    d = to_geometries(points, targets)
    assert farthest(points, targets) == (float(d.max()), int(np.argmax(d)))
