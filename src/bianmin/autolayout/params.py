"""The distances the layout keeps, read from the rules' parameters in the active configuration.

A bureau's ``--config`` (standards/config.py) that widens a passage or shortens an extinguisher's
reach changes what the layout places, as it changes what the check asks; without one, the rules'
declared defaults (standards/rules/*.py).  The layout keeps a margin over each (it must pass the
check on a grid that differs from the rules' by a cell).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from bianmin.standards.tables import HAZARD_DISTANCE

if TYPE_CHECKING:  # the configuration, and the rules it imports, load only when the layout runs
    from bianmin.standards.config import Config

MARGIN_MM = 100.0  # a clearance kept this much over what its rule asks
SIGN_MARGIN_MM = 500.0  # a sign placed this much nearer than its rule's farthest


class Distances:
    """Every distance (mm) the layout uses, from ``config`` (the default rules when None)."""

    def __init__(self, config: Config | None = None):
        from bianmin.standards.config import Config

        self.config = config or Config()

    def param(self, rule_id: str, key: str):
        return self.config.param(rule_id, key)

    @property
    def passage(self) -> float:  # an object standing free keeps a passage this wide all round
        return float(self.param("EVAC-PASSAGE", "min_width_mm")) + MARGIN_MM

    @property
    def exit_clear(self) -> float:
        return float(self.param("EVAC-EXIT-CLEAR", "depth_mm")) + MARGIN_MM

    @property
    def counter_front(self) -> float:
        return float(self.param("CNTR-FRONT-CLEAR", "depth_mm")) + MARGIN_MM

    @property
    def fire_front(self) -> float:
        return float(self.param("FIRE-EQUIP-CLEAR", "clear_mm")) + MARGIN_MM

    def extinguisher_reach(self, hazard: str) -> float:
        table = self.param("FIRE-EXT-REACH", "max_distance_m")
        return float(table.get(hazard, HAZARD_DISTANCE[hazard])) * 1000.0

    @property
    def k_sprinklers(self) -> float:
        return float(self.param("FIRE-EXT-RATING", "k_sprinklers"))

    @property
    def alarm_walk(self) -> float:
        return float(self.param("FIRE-ALARM", "max_walk_m")) * 1000.0

    @property
    def light_radius(self) -> float:
        return float(self.param("FIRE-EMERGENCY-LIGHT", "radius_mm"))

    @property
    def evac_spacing(self) -> float:  # ceiling-hung signs, well inside the wall-mounted limit
        return 0.9 * float(self.param("FIRE-EVAC-SIGN", "max_gap_wall_m")) * 1000.0

    @property
    def exit_sign_near(self) -> float:
        return 0.8 * float(self.param("FIRE-EXIT-SIGN", "max_distance_mm"))

    def sign_near(self, rule_id: str) -> float:
        """How near its target a sign of ``rule_id`` (SIGN-HOURS, SIGN-GUIDE …) is placed."""
        return float(self.param(rule_id, "max_distance_mm")) - SIGN_MARGIN_MM

    @property
    def camera_share(self) -> float:  # the share the cameras are placed to see, over SAFE-CAMERA-COVER's
        return float(self.param("SAFE-CAMERA-COVER", "min_share")) + 0.1
