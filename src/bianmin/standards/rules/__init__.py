"""One module per rule family; the package owns the list of them and :func:`all_rules`.

The registry (standards/registry.py) is a leaf: it knows how a rule is declared, not which rules
exist. This package imports every family module, in the order the reports list them.
"""

from __future__ import annotations

from bianmin.standards.registry import REGISTRY, Rule
from bianmin.standards.rules import (
    intake,
    hall,
    zones,
    counters,
    signs,
    evacuation,
    fire,
    access,
    equipment,
    safety,
    meta,
    capacity,
    design,
)  # noqa: I001 (the order of the reports)

MODULES = (intake, hall, zones, counters, signs, evacuation, fire, access, equipment, safety, meta, capacity, design)


def all_rules() -> dict[str, Rule]:
    """Every rule, by id (the family modules registered them when this package was imported)."""
    return REGISTRY
