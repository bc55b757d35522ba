"""The district's summary of a batch: how many plans pass, fail or could not be read, the rules
failed most, and the rates the district tracks (mailboxes, travel distances, extinguishers).

Every report view prints it (standards/report, drawing/report.py)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS
from bianmin.standards.findings import PlanReport


@dataclass
class Summary:
    files: int = 0
    passed: int = 0
    failed: int = 0
    unreadable: int = 0
    not_a_plan: int = 0  # readable drawings without any BM- content
    by_profile: dict = field(default_factory=dict)
    by_rule: dict = field(default_factory=dict)
    mailbox_rate: dict = field(default_factory=dict)
    travel_failures: int = 0
    extinguisher_gaps: int = 0
    mandatory_failures: int = 0  # plans with an error finding of a 强制性条文 (the findings' own flag)

    def to_dict(self) -> dict:
        return {
            "files": self.files,
            "pass": self.passed,
            "fail": self.failed,
            "unreadable": self.unreadable,
            "not_a_plan": self.not_a_plan,
            "by_profile": self.by_profile,
            "by_rule": self.by_rule,
            "mailbox_rate": self.mailbox_rate,
            "mailbox_targets": DISTRICT_MAILBOX_TARGETS,
            "travel_failures": self.travel_failures,
            "extinguisher_gaps": self.extinguisher_gaps,
            "mandatory_failures": self.mandatory_failures,
        }


def summarize(reports: list[PlanReport]) -> Summary:
    s = Summary(files=len(reports))
    rules: Counter = Counter()
    profiles: Counter = Counter()
    mailbox: dict[str, list[bool]] = {k: [] for k in DISTRICT_MAILBOX_TARGETS}
    for r in reports:
        if r.status == "pass":
            s.passed += 1
        elif r.status == "fail":
            s.failed += 1
        elif r.status == "not-a-plan":
            s.not_a_plan += 1
            continue
        else:
            s.unreadable += 1
            continue
        profiles[r.profile] += 1
        failed_rules = {f.rule for f in r.findings if f.severity == "error"}
        rules.update(failed_rules)
        if r.profile in mailbox:
            mailbox[r.profile].append(bool(r.metrics.get("mailbox")))
        if failed_rules & {"EVAC-TRAVEL", "EVAC-ROUTE"}:
            s.travel_failures += 1
        if failed_rules & {"FIRE-EXT-REACH", "FIRE-EXT-COUNT", "FIRE-EXT-RATING"}:
            s.extinguisher_gaps += 1
        if any(f.severity == "error" and getattr(f, "mandatory", False) for f in r.findings):
            s.mandatory_failures += 1
    s.by_rule = dict(sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])))
    s.by_profile = dict(profiles)
    s.mailbox_rate = {k: (round(sum(v) / len(v), 3) if v else None) for k, v in mailbox.items()}
    return s
