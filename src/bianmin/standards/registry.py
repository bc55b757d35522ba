"""The rule registry: one rule, one place (id, severity, profiles, parameters, source, docs).

A rule is a function decorated with :func:`rule`.  Its docstring has the fixed
sections ``Checks:``, ``Why:``, ``Parameters:``, ``Passes:`` and ``Fails:``;
``bianmin rules`` and docs/rules.md are generated from it.  The function gets a
:class:`~bianmin.standards.context.CheckContext` and the rule's effective
parameters and yields :class:`Hit` objects; the engine turns them into
findings carrying the rule's id, severity and source.
"""

from __future__ import annotations

import inspect
import math
from dataclasses import dataclass, field
from typing import Callable, Iterable

from bianmin.geometry.catalog import KINDS

PROFILES = tuple(KINDS)  # the plan kinds of the catalogue: a rule applies to some or all of them
ALL = PROFILES
STREET = (PROFILES[0],)  # street-center
DOC_SECTIONS = ("Checks:", "Why:", "Parameters:", "Passes:", "Fails:")


@dataclass
class Hit:
    message: str
    message_en: str
    handles: list[str] = field(default_factory=list)
    location: tuple[float, float] | None = None
    severity: str | None = None  # a second severity the rule allows (CNTR-DEVICES); None: the rule's
    subject: tuple[str, str] | None = (
        None  # (kind, stable identity): ("window", "3"), ("exit", "2"), ("block", "BM_TV")
    )
    measured: float | str | None = None
    limit: float | str | None = None
    unit: str = ""
    details: list[str] = field(default_factory=list)  # the raw words behind a summary (JSON only)
    # whether this finding breaks a 强制性条文; None: the rule's flag (CNTR-HEIGHT's advice on an
    # ordinary counter is the seed's 宜, while its accessible counter is GB 55019's)
    mandatory: bool | None = None
    source: str | None = None  # the clause this finding breaks when it is not the rule's governing one


def hit(
    zh: str,
    en: str,
    *,
    handles=(),
    at=None,
    severity: str | None = None,
    subject: tuple[str, str] | None = None,
    measured=None,
    limit=None,
    unit: str = "",
    details=(),
    mandatory: bool | None = None,
    source: str | None = None,
) -> Hit:
    """One finding of a rule.  ``subject`` names what it is about by a stable identity (never a
    handle alone): the review's fingerprint is made from it, so a re-saved drawing (new handles)
    keeps its findings' identities.  ``measured``/``limit``/``unit`` are the figures the message quotes."""
    location = (float(at[0]), float(at[1])) if at is not None else None
    if location is not None and not (math.isfinite(location[0]) and math.isfinite(location[1])):
        location = None  # a finding without a place beats a marker at NaN (which aborted the designer)
    subj = (str(subject[0]), str(subject[1])) if subject is not None else None
    return Hit(
        zh,
        en,
        [h for h in handles if h],
        location,
        severity,
        subj,
        measured,
        limit,
        unit,
        list(details),
        mandatory,
        source,
    )


@dataclass
class Rule:
    id: str
    severity: str
    profiles: tuple[str, ...]
    title: str
    title_en: str
    source: str
    params: dict[str, object]
    check: Callable
    family: str
    when: Callable | None = None  # extra applicability on the context
    when_text: str = ""
    needs_hall: bool = True
    # work the rule will need, begun before the rules run so that it overlaps them
    # (prepare(ctx, params); e.g. Analysis.start_passable): a hint, never a finding
    prepare: Callable | None = None
    mandatory: bool = False  # its clause is a 强制性条文

    @property
    def doc(self) -> str:
        return inspect.cleandoc(self.check.__doc__ or "")

    def run(self, ctx, params) -> Iterable[Hit]:
        return self.check(ctx, params) or ()


class Params(dict):
    """Rule parameters, readable as attributes (p.min_area_m2)."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


REGISTRY: dict[str, Rule] = {}


class DuplicateRuleError(ValueError):
    pass


def rule(
    id: str,
    *,
    severity: str,
    title: str,
    title_en: str,
    source: str = "—",
    profiles: tuple[str, ...] = ALL,
    params: dict | None = None,
    when=None,
    when_text: str = "",
    needs_hall: bool = True,
    prepare=None,
    mandatory: bool = False,
):
    """Register a rule function under ``id``; a second rule with the same id is refused."""

    def register(func):
        if id in REGISTRY:
            raise DuplicateRuleError(f"rule {id} is defined twice")
        REGISTRY[id] = Rule(
            id=id,
            severity=severity,
            profiles=tuple(profiles),
            title=title,
            title_en=title_en,
            source=source,
            params=dict(params or {}),
            check=func,
            family=id.split("-")[0],
            when=when,
            when_text=when_text,
            needs_hall=needs_hall,
            prepare=prepare,
            mandatory=mandatory,
        )
        return func

    return register
