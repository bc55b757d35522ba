"""The codes' tables of numbers, read by the rules (standards/rules/) and the layout (autolayout/).

Qt-free and rule-free: a table here is the code's, a rule's parameter defaults are taken from it
(standards/rules/fire.py, evacuation.py), and a bureau's ``--config`` overrides those parameters,
not these tables (standards/config.py).
"""

from __future__ import annotations

import re

from bianmin.geometry import catalog

# GB 50140 table 5.2.1: an extinguisher's maximum protection distance (m) by the fire hazard of
# an A-class place (FIRE-EXT-REACH's max_distance_m defaults).
HAZARD_DISTANCE = {"light": 25.0, "medium": 20.0, "severe": 15.0}

# GB 50140 table 6.2.1: the minimum rating of one extinguisher (nA) and, as U in Q = K·S/U of
# 7.3.2, the largest area (m²) one A of rating protects.
MIN_RATING = {"light": 1, "medium": 2, "severe": 3}
U_M2_PER_A = {"light": 100.0, "medium": 75.0, "severe": 50.0}

# GB 50016 table 5.5.21-1 (GB 55037 table 7.4.7): exit width (m) per 100 people by storeys (and, below
# ground, by depth ΔH <= 10 m, > 10 m) for fire-resistance grade 1-2, grade 3 and grade 4 (a grade 4
# building has 1-2 storeys only); "basement-crowded": 地下、半地下人员密集的厅、室 at any depth (5.5.21(3))
# (EVAC-TOTAL-WIDTH's defaults).
WIDTH_TABLE = {
    "1-2": [0.65, 0.75, 1.0],
    "3": [0.75, 1.0],
    "4+": [1.0, 1.25],
    "basement": [0.75, 1.0],
    "basement-crowded": [1.0],
}

# GB 50016 5.5.17 and table 5.5.17: the straight-line travel limit (m) by fire-resistance grade,
# between two exits and in a dead end (EVAC-TRAVEL's defaults; sprinklers ×1.25 is the rule's).
TRAVEL_DISTANCE_M = {
    "max_distance_m": 30.0,
    "dead_end_m": 22.0,
    "dead_end_high_rise_m": 20.0,
    "dead_end_grade3_m": 20.0,
    "dead_end_grade4_m": 15.0,
}

_RATING = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*A", re.I)


def a_rating(text: str) -> float:
    """The A of an extinguisher's RATING ("2A" -> 2.0); the catalogue's default when empty."""
    m_ = _RATING.match(text or catalog.attribute_spec("BM_EXTINGUISHER", "RATING").default)
    return float(m_.group(1)) if m_ else 0.0
