"""What reading a drawing gives the checks: the plan, and what the reader met on the way.

Nothing here knows the file format (geometry/dxf/ fills it in from a DXF or DWG) nor the rules
(standards/rules/intake.py says which rule reports each :class:`IssueKind`). A plan made without
a file (autolayout's working copy, a test's hand-built plan) is simply ``Intake(plan=...)``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum

from bianmin.geometry.model import Plan


class IssueKind(str, Enum):
    """What happened while a drawing was read."""

    # the file itself (geometry/dxf/audit.py)
    CUT_SHORT = "cut-short"  # an ASCII DXF without its EOF marker
    DWG_ENTITIES_SKIPPED = "dwg-entities-skipped"  # entity types ezdwg could not convert
    RECOVERY_FIXED = "recovery-fixed"  # structural errors ezdxf.recover repaired
    RECOVERY_UNFIXED = "recovery-unfixed"  # structural errors it could not repair
    # the drawing's units (geometry/dxf/units.py)
    UNITS_UNKNOWN_CODE = "units-unknown-code"  # a $INSUNITS code with no conversion: read as mm
    UNITS_CONVERTED = "units-converted"  # inches, feet …: converted to mm
    UNITS_GUESSED = "units-guessed"  # no $INSUNITS: mm or m guessed from the hall's extent
    # the entities (geometry/dxf/plan_reader.py)
    ENTITY_UNREADABLE = "entity-unreadable"  # an entity the reader failed on
    SHAPE_UNUSABLE = "shape-unusable"  # open, self-intersecting, zero area, too few vertices …
    BLOCK_CYCLE = "block-cycle"  # a block that inserts itself
    INSERT_SCALE_INVALID = "insert-scale-invalid"  # a BM_ block inserted at zero or invalid scale
    BLOCK_NOT_IN_CATALOGUE = "block-not-in-catalogue"  # a BM_ block, or a block on a BM- layer, unknown
    OUT_OF_BOUNDS = "out-of-bounds"  # an absurd number or size, left out (geometry/dxf/bounds.py)
    # the plan properties (geometry/dxf/plan_properties.py)
    PROPERTY_INVALID = "property-invalid"  # a BM_ property whose value cannot be used
    PLANINFO_REPEATED = "planinfo-repeated"  # more than one BM_PLANINFO insert
    PLANINFO_CONFLICT = "planinfo-conflict"  # a property set differently in the header and BM_PLANINFO


# the kinds a change of the drawing's units makes obsolete (designer/commands.py drops them)
UNIT_KINDS = frozenset({IssueKind.UNITS_UNKNOWN_CODE, IssueKind.UNITS_CONVERTED, IssueKind.UNITS_GUESSED})


@dataclass
class IntakeIssue:
    """Something the reader met, in words a reviewer reads, naming the entities concerned."""

    kind: IssueKind
    message: str
    message_en: str
    handles: list[str] = field(default_factory=list)
    location: tuple[float, float] | None = None
    severity: str | None = None  # None: the reporting rule's own severity
    details: list[str] = field(default_factory=list)  # a library's own words behind the message (JSON only)


@dataclass
class Intake:
    """The plan as read and the issues met reading it; ``hall_count``: the usable hall shapes found
    (the plan has a hall only when there is exactly one)."""

    plan: Plan
    issues: list[IntakeIssue] = field(default_factory=list)
    hall_count: int = 0
