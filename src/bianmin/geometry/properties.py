"""Plan properties: the BM_* custom header variables of docs/dxf-convention.md."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, fields

from bianmin.geometry import catalog

KINDS = catalog.KINDS.keys()
CONSTRUCTIONS = catalog.CONSTRUCTIONS.keys()
HAZARDS = catalog.HAZARDS.keys()

# key -> (attribute, parser name)
KEYS = {
    "BM_NAME": "name",
    "BM_KIND": "kind",
    "BM_CONSTRUCTION": "construction",
    "BM_HOURS": "hours",
    "BM_FLOOR": "floor",
    "BM_BUILDING_FLOORS": "building_floors",
    "BM_SPRINKLERS": "sprinklers",
    "BM_FIRE_HAZARD": "fire_hazard",
    "BM_POPULATION": "population",
    "BM_PEAK_DAILY_VISITS": "peak_daily_visits",
    "BM_SERVICE_MINUTES": "service_minutes",
    "BM_FIRE_RESISTANCE": "fire_resistance",
    "BM_FIRE_ALARM_SYSTEM": "fire_alarm_system",
    "BM_BUILDING_HEIGHT_M": "building_height_m",
    "BM_HALL_SETTING": "hall_setting",
    "BM_CROWDED": "crowded",
    "BM_CENTRE_AREA_M2": "centre_area_m2",
    "BM_CORRIDOR_TO_EXIT_M": "corridor_to_exit_m",
    "BM_SMOKE_EXHAUST": "smoke_exhaust",
    "BM_SMOKE_OPENINGS_M2": "smoke_openings_m2",
    "BM_HYDRANT_ONE_JET": "hydrant_one_jet",
}
SMOKE_EXHAUST = catalog.SMOKE_EXHAUST.keys()
HALL_SETTINGS = catalog.HALL_SETTINGS.keys()
CROWDED_OVER_M2 = 200.0  # a hall over 200 m² is taken as 人员密集 unless the plan says otherwise

HIGH_RISE_HEIGHT_M = 24.0  # GB 50016 2.1.1: a public building over 24 m is high-rise
HIGH_RISE_FLOORS = 9  # without a height: more than 9 storeys above ground counts as high-rise


_DEFAULT = {spec.key: spec.default for spec in catalog.PLAN_PROPERTIES}  # the catalogue says each default once


@dataclass
class PlanProperties:
    name: str = _DEFAULT["BM_NAME"]
    kind: str = _DEFAULT["BM_KIND"]
    construction: str = _DEFAULT["BM_CONSTRUCTION"]
    hours: str = _DEFAULT["BM_HOURS"]
    floor: int = int(_DEFAULT["BM_FLOOR"])
    building_floors: int = int(_DEFAULT["BM_BUILDING_FLOORS"])
    sprinklers: bool = _DEFAULT["BM_SPRINKLERS"] == "yes"
    fire_hazard: str = _DEFAULT["BM_FIRE_HAZARD"]
    population: int | None = None
    peak_daily_visits: int | None = None
    service_minutes: float = float(_DEFAULT["BM_SERVICE_MINUTES"])
    fire_resistance: int = int(_DEFAULT["BM_FIRE_RESISTANCE"])  # 耐火等级 1-4
    fire_alarm_system: bool | None = None  # None: the profile's default (street-center yes, community-station no)
    building_height_m: float | None = None
    hall_setting: str | None = None  # None: building for a single-storey building, else room
    crowded: bool | None = None  # None: yes for street-center or a hall over 200 m²
    centre_area_m2: float | None = None  # the centre's area (hall and back rooms) when the plan says it
    corridor_to_exit_m: float | None = None  # a room's corridor from its door to the nearest exit
    smoke_exhaust: str | None = None  # natural | mechanical; None: not stated
    smoke_openings_m2: float | None = None
    hydrant_one_jet: bool | None = None  # None: no (two jets must reach every point)

    @property
    def setting(self) -> str:
        """``building`` (doors lead outside: 安全出口) or ``room`` (doors lead to corridors: 疏散门)."""
        if self.hall_setting in HALL_SETTINGS:
            return self.hall_setting
        return "building" if self.building_floors <= 1 else "room"

    def is_crowded(self, hall_area_m2: float) -> bool:
        """人员密集场所: as declared, else a street centre or a hall over 200 m²."""
        if self.crowded is not None:
            return self.crowded
        return self.kind == "street-center" or hall_area_m2 > CROWDED_OVER_M2

    @property
    def alarm_system(self) -> bool:
        """Whether an automatic fire alarm system is installed (the declared value, else the kind's default)."""
        if self.fire_alarm_system is not None:
            return self.fire_alarm_system
        return self.kind != "community-station"

    @property
    def high_rise(self) -> bool:
        """高层: an explicit building height over 24 m, else more than 9 storeys above ground."""
        if self.building_height_m is not None:
            return self.building_height_m > HIGH_RISE_HEIGHT_M
        return self.building_floors > HIGH_RISE_FLOORS

    @property
    def below_ground(self) -> bool:
        return self.floor <= -1

    def to_mapping(self) -> dict[str, str]:
        """The header form: every key, values as text (empty for unset)."""
        out = {}
        for key, attr in KEYS.items():
            value = getattr(self, attr)
            if isinstance(value, bool):
                text = "yes" if value else "no"
            elif value is None:
                text = ""
            elif isinstance(value, float) and value.is_integer():
                text = str(int(value))
            else:
                text = str(value)
            out[key] = text
        return out

    def updated(self, mapping: dict[str, str]) -> tuple["PlanProperties", list[str]]:
        """A copy with the given keys set; returns it and the problems met (bad values are skipped)."""
        result = PlanProperties(**{f.name: getattr(self, f.name) for f in fields(self)})
        problems = []
        for key, raw in mapping.items():
            key = key.strip().upper()
            if key not in KEYS:
                continue
            try:
                setattr(result, KEYS[key], _parse(key, str(raw).strip()))
            except ValueError as exc:
                problems.append(f"{key}={raw!r}: {exc}")
        return result, problems

    @classmethod
    def from_mapping(cls, mapping: dict[str, str]) -> tuple["PlanProperties", list[str]]:
        return cls().updated(mapping)


def _parse(key: str, raw: str):
    attr = KEYS[key]
    default = getattr(PlanProperties(), attr)
    if raw == "":
        return default
    if attr == "kind":
        return _choice(raw, KINDS)
    if attr == "construction":
        return _choice(raw, CONSTRUCTIONS)
    if attr == "fire_hazard":
        return _choice(raw, HAZARDS)
    if attr == "hall_setting":
        return _choice(raw, HALL_SETTINGS)
    if attr == "smoke_exhaust":
        return _choice(raw, SMOKE_EXHAUST)
    if attr in ("centre_area_m2", "smoke_openings_m2", "corridor_to_exit_m"):
        try:
            area = float(raw)
        except ValueError:
            raise ValueError("应为正数 / expected a positive number") from None
        if not math.isfinite(area) or area < (0 if attr == "corridor_to_exit_m" else 1e-9) or area > 1_000_000:
            raise ValueError("应为正数 / expected a positive number")
        return area
    if attr in ("sprinklers", "fire_alarm_system", "crowded", "hydrant_one_jet"):
        low = raw.lower()
        if low in ("yes", "y", "true", "1", "是", "有"):
            return True
        if low in ("no", "n", "false", "0", "否", "无"):
            return False
        raise ValueError("应为 yes 或 no / expected yes or no")
    if attr in ("floor", "building_floors", "population", "peak_daily_visits"):
        try:
            value = int(raw)
        except ValueError:
            raise ValueError("应为整数 / expected an integer") from None
        lo, hi, zh, en = _INT_RANGES[attr]
        if not lo <= value <= hi or (attr == "floor" and value == 0):
            raise ValueError(f"{zh} / {en}")
        return value
    if attr == "fire_resistance":
        if raw not in ("1", "2", "3", "4"):
            raise ValueError("应为 1、2、3 或 4 / expected 1, 2, 3 or 4")
        return int(raw)
    if attr in ("service_minutes", "building_height_m"):
        try:
            value_f = float(raw)
        except ValueError:
            raise ValueError("应为正数 / expected a positive number") from None
        if not math.isfinite(value_f) or value_f <= 0 or value_f > 1000:
            raise ValueError("应为正数 / expected a positive number")
        return value_f
    return raw


# what an integer property can sensibly be: a drawing's BM_BUILDING_FLOORS=0 or -1, or a negative
# number of visits, is a finding, not a figure the rules compute with (issue 16)
_INT_RANGES = {
    "floor": (-10, 200, "应为 -10 到 200 之间、不为 0 的楼层", "expected a floor from -10 to 200, not 0"),
    "building_floors": (1, 200, "应为 1 到 200 之间的层数", "expected 1 to 200 storeys"),
    "population": (0, 100_000_000, "应为 0 到 1 亿之间的人数", "expected 0 to 100 million residents"),
    "peak_daily_visits": (0, 1_000_000, "应为 0 到 100 万之间的办件量", "expected 0 to 1 million visits a day"),
}


def _choice(raw: str, options: tuple[str, ...]) -> str:
    low = raw.lower()
    if low not in options:
        raise ValueError("应为 " + " / ".join(options))
    return low


_RANGE = re.compile(r"^\s*(\d{1,2})[:：](\d{2})\s*[-–~～至]\s*(\d{1,2})[:：](\d{2})\s*$")


def parse_hours(text: str) -> list[tuple[int, int]]:
    """``08:30-12:00;14:00-17:30`` to minute ranges; raises ValueError naming the bad part."""
    ranges = []
    for part in re.split(r"[;；,，]", text or ""):
        if not part.strip():
            continue
        m = _RANGE.match(part)
        if not m:
            raise ValueError(part.strip())
        h1, m1, h2, m2 = map(int, m.groups())
        start, end = h1 * 60 + m1, h2 * 60 + m2
        if not (0 <= start < end <= 24 * 60) or m1 > 59 or m2 > 59:
            raise ValueError(part.strip())
        ranges.append((start, end))
    if not ranges:
        raise ValueError(text or "")
    return ranges


def open_minutes(text: str) -> int:
    """Minutes open a day; overlapping ranges counted once."""
    covered: set[int] = set()
    for start, end in parse_hours(text):
        covered.update(range(start, end))
    return len(covered)
