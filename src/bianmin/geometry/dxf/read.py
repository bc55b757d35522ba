"""Reading a plan from a DXF or DWG file (docs/dxf-convention.md): the entry point.

:func:`read_plan` opens the file (load.py), reads the modelspace into the plan (plan_reader.py),
the plan properties (plan_properties.py) and what recovery repaired (audit.py).  It returns a
:class:`ReadResult`: the ezdxf document, for those that edit or draw it, and its
:class:`~bianmin.geometry.intake.Intake`, which is all the checks need.  Only a file that cannot
be read at all raises :class:`PlanReadError`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable

from bianmin.geometry.dxf.audit import audit_issues, cut_short
from bianmin.geometry.dxf.load import PlanReadError, has_eof, load_document
from bianmin.geometry.dxf.plan_properties import fill_from_planinfo, header_properties, plan_properties
from bianmin.geometry.dxf.plan_reader import PlanReader, has_bm_layer
from bianmin.geometry.intake import Intake
from bianmin.geometry.model import Plan

__all__ = ["PlanReadError", "ReadResult", "plan_from_document", "read_plan"]


@dataclass
class ReadResult:
    """A drawing as read: its intake (the plan and the issues) and the ezdxf document it came from."""

    intake: Intake
    doc: object  # ezdxf Drawing
    units_factor: float  # drawing units -> mm
    # False for a drawing with nothing of the convention at all (no BM- layer, no BM_ block, no BM_
    # property): the architect's drawing itself, to be recognized first, not a plan that fails
    bm_content: bool = True
    path: Path | None = None
    source: str = "dxf"  # dxf | binary-dxf | dwg: a DWG is saved as DXF beside it, never over it
    # read_plan(split=...): the architect's simple entities were taken out before ezdxf read the file;
    # ``doc`` lacks them (never save it), and for split="draw" they are here as plain numbers
    background: object = None

    @property
    def plan(self) -> Plan:
        return self.intake.plan

    @plan.setter
    def plan(self, plan: Plan) -> None:
        self.intake.plan = plan

    def with_plan(self, plan: Plan) -> ReadResult:
        """A copy that holds ``plan`` (the same document and issues): to check or draw a plan being edited."""
        return replace(self, intake=replace(self.intake, plan=plan))


def read_plan(
    path,
    overrides: dict[str, str] | None = None,
    progress: Callable[[str], None] | None = None,
    split: str | None = None,
) -> ReadResult:
    """Read a plan; raises PlanReadError only when the file is unreadable.

    ``progress`` is told each stage as it starts ("load", then "plan"), for a window that shows it.
    ``split``: None reads the whole drawing (the designer, anything that saves); "check" leaves a
    large drawing's simple background unread (validate); "draw" hands it over as plain numbers in
    ``result.background`` for the PDF (see load.load_document)."""
    path = Path(path)
    if progress is not None:
        progress("load")
    doc, notes = load_document(path, split=split)
    if progress is not None:
        progress("plan")
    result = plan_from_document(doc, notes, overrides=overrides)
    result.path = path
    result.source = notes.source
    result.background = notes.background
    if notes.source == "dxf" and not has_eof(path):
        result.intake.issues.append(cut_short())
    return result


def plan_from_document(doc, auditor=None, overrides: dict[str, str] | None = None) -> ReadResult:
    """The plan of an ezdxf document; ``auditor``: load.LoadNotes (or ezdxf's Auditor) of its reading."""
    reader = PlanReader(doc)
    intake = reader.read()
    issues = intake.issues
    if auditor is not None:
        issues.extend(audit_issues(auditor))
    mapping = header_properties(doc)
    fill_from_planinfo(mapping, reader.planinfo, issues)
    bm_content = bool(mapping) or reader.bm_entities > 0 or has_bm_layer(doc)
    intake.plan.properties = plan_properties(mapping, overrides, issues)
    intake.plan.loaded = {e.id: e for e in intake.plan.elements()}
    return ReadResult(intake=intake, doc=doc, units_factor=reader.factor, bm_content=bm_content)
