"""Work begun ahead on a background thread (geometry/ahead.py, issue 10): the same result as
computing it when asked, on any plan, and nothing waits for a thread a forked child lacks."""

from __future__ import annotations

import os
import sys
import threading

import numpy as np
import pytest
import shapely
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bianmin.geometry.ahead import Ahead
from bianmin.geometry.analysis import Analysis, passable_parts, start_passable
from bianmin.geometry.model import Hall, Obstacle, Opening, Plan, rectangle


def test_take_gives_the_begun_result_or_computes_it():
    a = Ahead()
    ran_on = []

    def job(x):
        ran_on.append(threading.current_thread().name)
        return x * 2

    a.ahead("k", job, 21)
    assert a.begun("k")
    assert a.take("k", job, 21) == 42
    assert ran_on[0].startswith("bianmin-geos")
    assert not a.begun("k")
    assert a.take("k", job, 5) == 10 and ran_on[-1] == threading.current_thread().name  # not begun: here


def test_a_failing_job_raises_where_it_is_taken():
    a = Ahead()
    a.ahead("k", lambda: 1 / 0)
    with pytest.raises(ZeroDivisionError):
        a.take("k", lambda: 1)


@pytest.mark.skipif(sys.platform != "linux", reason="fork")
def test_a_forked_child_computes_what_its_parent_began():
    """A child forked after a job was begun has no worker thread: it must compute, not wait."""
    a = Ahead()
    gate = threading.Event()
    a.ahead("k", lambda: gate.wait(30) and "parent")
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the child
        try:
            os.write(w, a.take("k", lambda: "child").encode())
        finally:
            os._exit(0)
    os.close(w)
    got = os.read(r, 100).decode()
    os.waitpid(pid, 0)
    gate.set()
    assert got == "child"
    assert a.take("k", lambda: "here") == "parent"


def _seated_plan(rows: int, cols: int, gap: float, seed: int) -> Plan:
    rnd = np.random.default_rng(seed)
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 40000, 30000)))
    plan.openings.append(Opening("exit", (0, 14000), (0, 15800)))
    for i in range(rows):
        for j in range(cols):
            x, y = 2000 + j * (500 + gap), 2000 + i * 1200 + rnd.uniform(-100, 100)
            plan.obstacles.append(Obstacle(outline=rectangle(x, y, x + 500, y + 500)))
    return plan


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gap=st.floats(0, 1500), width=st.sampled_from([1100.0, 1800.0]), seed=st.integers(0, 99))
def test_passable_begun_ahead_is_the_one_computed_when_asked(gap, width, seed):
    plan = _seated_plan(18, 20, gap, seed)  # 360 seats: worth a thread
    here = Analysis(plan).passable(width)
    a = Analysis(plan)
    start_passable(a.ahead, a.hall, a.blocking, width)
    assert a.ahead.begun(("passable", width))
    begun = a.passable(width)
    assert len(begun) == len(here)
    assert all(x.equals_exact(y, 0.0) for x, y in zip(begun, here, strict=True))


def test_a_small_plan_is_not_worth_a_thread():
    plan = _seated_plan(2, 3, 800, 1)
    a = Analysis(plan)
    start_passable(a.ahead, a.hall, a.blocking, 1100.0)
    assert not a.ahead.begun(("passable", 1100.0))
    assert a.passable(1100.0) == passable_parts(a.hall, a.blocking, 550.0)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gap=st.floats(0, 1500), seed=st.integers(0, 99), grow=st.floats(100, 3000))
def test_floor_area_within_is_the_area_of_the_free_floor_inside(gap, seed, grow):
    plan = _seated_plan(6, 8, gap, seed)
    plan.obstacles.append(Obstacle(outline=rectangle(-500, 10000, 800, 12000)))  # into the wall
    a = Analysis(plan)
    rnd = np.random.default_rng(seed)
    probes = shapely.buffer(shapely.points(rnd.uniform(-2000, 42000, (25, 2))), grow)
    expected = shapely.area(shapely.intersection(probes, a.free_floor))
    assert np.allclose(a.floor_area_within(probes), expected, rtol=1e-9, atol=1e-3)
