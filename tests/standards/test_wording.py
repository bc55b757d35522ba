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
    # a single-storey hall is the building: its exits lead out (安全出口); a room's are 疏散门 (rule set 2019.3)
    assert wording.exit_name(plan, east) == ("东墙 2 号安全出口", "exit 2 (east wall)")
    assert wording.exit_name(plan, north) == ("北墙 3 号安全出口", "exit 3 (north wall)")
    plan.properties.hall_setting = "room"
    assert wording.exit_name(plan, east) == ("东墙 2 号疏散门", "exit door 2 (east wall)")
    plan.properties.hall_setting = None
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


def test_exit_numbers_follow_the_plan_as_it_changes():
    """The order along the outline is remembered per plan (2,000 exits sorted again for each number took
    40 s, issue 16); an exit added, moved or another plan must not see a stale number."""
    plan = hall_with_exits()
    main, east, north, _ = plan.openings
    assert [wording.exit_number(plan, o) for o in (main, east, north)] == [1, 2, 3]
    west = Opening("exit", (0, 9000), (0, 10000))
    plan.openings.append(west)
    assert [wording.exit_number(plan, o) for o in (main, east, north, west)] == [1, 2, 3, 4]
    first = Opening("exit", (1000, 0), (2000, 0))
    plan.openings.append(first)
    assert [wording.exit_number(plan, o) for o in (first, main, east)] == [1, 2, 3]
    east.start, east.end = (20000, 0 + 500), (20000, 1500)  # moved along the east wall, still after main
    other = hall_with_exits()
    assert wording.exit_number(other, other.openings[1]) == 2 and wording.exit_number(plan, east) == 3
    many = Plan(hall=Hall(outline=rectangle(0, 0, 200000, 12000)))
    many.openings = [Opening("exit", (x, 12000), (x + 800, 12000)) for x in range(199000, 0, -1000)]
    numbers = [wording.exit_number(many, o) for o in many.openings]
    assert numbers == list(range(1, len(many.openings) + 1))  # counter-clockwise along the north wall
