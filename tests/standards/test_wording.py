"""The words for places and things in rule messages."""

import math

from bianmin.geometry.model import Hall, Opening, PlacedObject, Plan, rectangle
from bianmin.standards import wording


def hall_with_exits():
    plan = Plan(hall=Hall(outline=rectangle(0, 0, 20000, 12000)))
    plan.openings = [
        Opening("main", (9000, 0), (11000, 0)),
        Opening("exit", (20000, 5000), (20000, 6000)),
        Opening("exit", (2000, 12000), (3000, 12000)),
        Opening("door", (0, 5000), (0, 6000)),
    ]
    return plan


def test_exits_are_named_by_wall_and_number_along_the_outline():
    plan = hall_with_exits()
    main, east, north, door = plan.openings
    assert wording.exit_name(plan, main) == ("南墙主入口", "the main entrance (south wall)")
    assert wording.exit_name(plan, east) == ("东墙 2 号出口", "exit 2 (east wall)")
    assert wording.exit_name(plan, north) == ("北墙 3 号出口", "exit 3 (north wall)")
    assert wording.exit_name(plan, door)[0] == "西墙内部门"
    assert wording.exit_subject(plan, east) == ("exit", "2")


def test_places_and_windows():
    plan = hall_with_exits()
    assert wording.place(plan, (19000, 500)) == ("大厅东南角", "the hall's south-east corner")
    assert wording.place(plan, (10000, 6000))[0] == "大厅中部"
    assert wording.place(plan, (math.nan, 0))[0] == "大厅内"
    counter = PlacedObject.place("BM_COUNTER", 5000, 10000, attribs={"NO": "3"})
    assert wording.window_name(plan, counter) == ("3 号窗口", "window 3")
    assert wording.window_subject(plan, counter) == ("window", "3")
    unnumbered = PlacedObject.place("BM_COUNTER", 1000, 11000)
    assert "西北角" in wording.window_name(plan, unnumbered)[0]


def test_figures_never_read_inf_or_nan():
    assert wording.number(math.inf) == "—" and wording.number(math.nan, 0, "m") == "—"
    assert wording.metres(31234) == "31.2 m" and wording.number(2.0, 0, "个") == "2 个"
