"""Findings and reports: one plain structure; text, JSON, CSV, HTML and PDF are views of it."""

from __future__ import annotations

import hashlib
from collections import defaultdict
from dataclasses import asdict, dataclass, field

from bianmin.geometry.catalog import SEVERITIES as _SEVERITY_WORDS

SEVERITIES = _SEVERITY_WORDS.keys()
SEVERITY_RANK = {s: i for i, s in enumerate(SEVERITIES)}


@dataclass
class Finding:
    rule: str
    severity: str
    message: str  # Chinese
    message_en: str
    source: str = ""
    handles: list[str] = field(default_factory=list)
    location: tuple[float, float] | None = None
    subject: tuple[str, str] | None = None  # (kind, stable identity), see registry.hit
    measured: float | str | None = None
    limit: float | str | None = None
    unit: str = ""
    details: list[str] = field(default_factory=list)  # e.g. ezdxf's own repair messages behind DXF-RECOVERED
    occurrence: int = 0  # 1, 2 … when another finding of the plan has the same identity (see number_repeats)
    mandatory: bool = False  # the clause it breaks is a 强制性条文 (every clause of a 通用规范; bold ones elsewhere)

    def text(self, lang: str = "zh") -> str:
        return self.message_en if lang == "en" else self.message

    @property
    def fingerprint(self) -> str:
        """A finding's identity across rounds: rule + subject identity, never a handle, so a
        drawing re-saved by another CAD program (every handle new) keeps it; a finding about a
        place only (no subject) adds its location rounded to 0.5 m."""
        if self.subject is not None:
            key = f"{self.rule}|{self.subject[0]}|{self.subject[1]}"
        elif self.location is not None:
            key = f"{self.rule}|@|{round(self.location[0] / 500.0)}|{round(self.location[1] / 500.0)}"
        else:
            key = f"{self.rule}|plan"
        if self.occurrence:
            key += f"|#{self.occurrence}"
        return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]

    def to_dict(self, lang: str = "zh") -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity,
            "message": self.text(lang),
            "source": self.source,
            "handles": list(self.handles),
            "location": [round(self.location[0], 1), round(self.location[1], 1)] if self.location else None,
            "subject": {"kind": self.subject[0], "id": self.subject[1]} if self.subject else None,
            "measured": self.measured,
            "limit": self.limit,
            "unit": self.unit,
            "details": list(self.details),
            "fingerprint": self.fingerprint,
            "mandatory": self.mandatory,
        }


def number_repeats(findings: list[Finding]) -> list[Finding]:
    """Give findings that would share a fingerprint (two counters both numbered 3, two messages of
    one rule about the plan as a whole) their own: the second and later, in the order of their
    place on the plan (0.5 m grid) and then their text, are numbered #1, #2 … . Without this the
    review would waive both when the reviewer waives one, and not see one fixed while the other
    stays."""
    groups: dict[str, list[Finding]] = defaultdict(list)
    for f in findings:
        if not f.occurrence:
            groups[f.fingerprint].append(f)
    for same in groups.values():
        if len(same) < 2:
            continue

        def order(f: Finding) -> tuple:
            x, y = f.location if f.location is not None else (0.0, 0.0)
            return (round(x / 500.0), round(y / 500.0), f.message)

        for i, f in enumerate(sorted(same, key=order)):
            f.occurrence = i
    return findings


@dataclass
class PlanReport:
    path: str
    status: str  # pass | fail | unreadable
    error: str | None = None
    profile: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    metrics: dict[str, float | int | None] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    seconds: float = 0.0

    def sorted_findings(self) -> list[Finding]:
        return sorted(self.findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.rule))

    def count(self, severity: str) -> int:
        return sum(1 for f in self.findings if f.severity == severity)

    def to_dict(self, lang: str = "zh") -> dict:
        return {
            "path": self.path,
            "status": self.status,
            "error": self.error,
            "profile": self.profile,
            "properties": dict(self.properties),
            "metrics": dict(self.metrics),
            "findings": [f.to_dict(lang) for f in self.sorted_findings()],
        }

    def to_state(self) -> dict:
        """Everything, both languages: what a worker process sends back."""
        return asdict(self)

    @classmethod
    def from_state(cls, state: dict) -> "PlanReport":
        state = dict(state)
        findings = []
        for f in state["findings"]:
            f = dict(f)
            if f.get("subject") is not None:
                f["subject"] = tuple(f["subject"])
            if f.get("location") is not None:
                f["location"] = tuple(f["location"])
            findings.append(Finding(**f))
        state["findings"] = findings
        return cls(**state)
