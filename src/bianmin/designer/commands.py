"""Edits as commands: every change to a plan is one object with apply and revert (no Qt).

The plan's elements are treated as immutable: an edit puts a new element in the old
one's place (``ReplaceElement``), so the writer can tell changed from unchanged, and a
whole drag is one command from where it started to where it ended.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bianmin.geometry.intake import UNIT_KINDS
from bianmin.geometry.model import Hall, Plan, list_for  # noqa: F401  (list_for: used by the commands below)


@dataclass
class Change:
    """What a command did, for views to follow: removed and added elements, or a property change."""

    removed: list = field(default_factory=list)
    added: list = field(default_factory=list)
    properties: bool = False
    reset: bool = False


class Command:
    text = ("编辑", "Edit")

    def apply(self, plan: Plan) -> Change:
        raise NotImplementedError

    def revert(self, plan: Plan) -> Change:
        raise NotImplementedError


class AddElement(Command):
    def __init__(self, element, text=("添加", "Add")):
        self.element = element
        self.text = text

    def apply(self, plan):
        if isinstance(self.element, Hall):
            raise TypeError("use SetHall for the hall")
        list_for(plan, self.element).append(self.element)
        return Change(added=[self.element])

    def revert(self, plan):
        list_for(plan, self.element).remove(self.element)
        return Change(removed=[self.element])


class RemoveElement(Command):
    def __init__(self, element, text=("删除", "Delete")):
        self.element = element
        self.text = text
        self.index = None

    def apply(self, plan):
        items = list_for(plan, self.element)
        self.index = items.index(self.element)
        items.pop(self.index)
        return Change(removed=[self.element])

    def revert(self, plan):
        list_for(plan, self.element).insert(self.index, self.element)
        return Change(added=[self.element])


class ReplaceElement(Command):
    """Put ``new`` in ``old``'s place: a move, a turn, an attribute edit."""

    def __init__(self, old, new, text=("修改", "Change")):
        self.old, self.new = old, new
        self.text = text

    def _swap(self, plan, a, b):
        if isinstance(a, Hall):
            plan.hall = b
        else:
            items = list_for(plan, a)
            items[items.index(a)] = b
        return Change(removed=[a], added=[b])

    def apply(self, plan):
        return self._swap(plan, self.old, self.new)

    def revert(self, plan):
        return self._swap(plan, self.new, self.old)


class SetHall(Command):
    def __init__(self, old: Hall | None, new: Hall | None, text=("设置大厅", "Set hall")):
        self.old, self.new = old, new
        self.text = text

    def apply(self, plan):
        plan.hall = self.new
        return Change(removed=[self.old] if self.old else [], added=[self.new] if self.new else [])

    def revert(self, plan):
        plan.hall = self.old
        return Change(removed=[self.new] if self.new else [], added=[self.old] if self.old else [])


class SetProperties(Command):
    def __init__(self, old, new, text=("图纸属性", "Plan properties")):
        self.old, self.new = old, new
        self.text = text

    def apply(self, plan):
        plan.properties = self.new
        return Change(properties=True)

    def revert(self, plan):
        plan.properties = self.old
        return Change(properties=True)


class Batch(Command):
    """Several commands as one undo step (copy of a selection, delete of a selection)."""

    def __init__(self, commands, text=("批量编辑", "Edit")):
        self.commands = list(commands)
        self.text = text

    def apply(self, plan):
        change = Change()
        for c in self.commands:
            _merge(change, c.apply(plan))
        return change

    def revert(self, plan):
        change = Change()
        for c in reversed(self.commands):
            _merge(change, c.revert(plan))
        return change


def _merge(total: Change, part: Change) -> None:
    total.removed += part.removed
    total.added += part.added
    total.properties |= part.properties
    total.reset |= part.reset


class SetUnits(Command):
    """Say what the drawing's units are (mm / cm / m), as one undo step.

    The drawing's coordinates stay as they are; what they mean changes: the plan, which is
    in millimetres, is scaled by new/old units, the architect's drawing is shown at the new
    size, $INSUNITS says the units (so the next reading need not guess) and the reader's
    DXF-UNITS notes go.  The elements as read (``plan.loaded``) are scaled alike, so the
    writer sees them unchanged and rewrites nothing but the header.
    """

    text = ("设置图纸单位", "Set drawing units")

    def __init__(self, read, factor: float, code: int | None):
        from bianmin.geometry.transform import scaled_element

        plan = read.plan
        self.read = read
        self.old_factor, self.new_factor = read.units_factor, factor
        k = factor / (read.units_factor or 1.0)
        header = read.doc.header if code is not None else None
        self.codes = (header.get("$INSUNITS", 0), code) if header is not None else None
        every = {id(e): e for e in list(plan.elements()) + list(plan.loaded.values())}
        new = {key: scaled_element(e, k) for key, e in every.items()}
        self.states = (self._state(plan, lambda e: e), self._state(plan, lambda e: new[id(e)]))
        issues = read.intake.issues
        self.issues = (list(issues), [i for i in issues if i.kind not in UNIT_KINDS])

    @staticmethod
    def _state(plan, f):
        lists = {name: [f(e) for e in getattr(plan, name)] for name in ("zones", "openings", "obstacles", "routes")}
        lists["objects"] = [f(e) for e in plan.objects]
        return (
            f(plan.hall) if plan.hall is not None else None,
            lists,
            {key: f(e) for key, e in plan.loaded.items()},
        )

    def _set(self, plan, which: int) -> Change:
        hall, lists, loaded = self.states[which]
        plan.hall = hall
        for name, items in lists.items():
            getattr(plan, name)[:] = items
        plan.loaded = dict(loaded)
        self.read.units_factor = (self.old_factor, self.new_factor)[which]
        self.read.intake.issues[:] = self.issues[which]
        if self.codes is not None:
            self.read.doc.header["$INSUNITS"] = self.codes[which]
        return Change(reset=True, properties=True)

    def apply(self, plan):
        return self._set(plan, 1)

    def revert(self, plan):
        return self._set(plan, 0)


class InsertLayout(Batch):
    """A template's layout brought into the plan (zones, objects; with the building, its hall, doors,
    columns and routes too, the hall replacing the plan's): one undo step removes all of it."""

    def __init__(self, plan: Plan, elements, hall: Hall | None = None, text=("插入模板布局", "Insert template layout")):
        steps: list[Command] = [SetHall(plan.hall, hall)] if hall is not None else []
        steps += [AddElement(e) for e in elements]
        super().__init__(steps, text)
        self.elements = list(elements)
        self.hall = hall
