"""Findings of one round against another, by fingerprint (never by handle or by position in a list)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class Comparison:
    fixed: list = field(default_factory=list)  # in the earlier round, gone now
    new: list = field(default_factory=list)  # not in the earlier round, open
    unchanged: list = field(default_factory=list)  # in both, open
    waived: list = field(default_factory=list)  # in the later round, waived (new or not)

    def counts(self) -> dict[str, int]:
        return {
            "fixed": len(self.fixed),
            "new": len(self.new),
            "unchanged": len(self.unchanged),
            "waived": len(self.waived),
        }


def compare(before, after, waived: dict | None = None) -> Comparison:
    """``before`` / ``after``: the findings of two rounds (``before`` None or [] for a first round);
    ``waived``: fingerprint -> waiver in force.  A finding is identified by its fingerprint."""
    waived = waived or {}
    earlier = {f.fingerprint for f in before or []}
    later = {f.fingerprint for f in after}
    out = Comparison()
    seen: set[str] = set()
    for f in before or []:
        if f.fingerprint not in later and f.fingerprint not in seen:
            seen.add(f.fingerprint)
            out.fixed.append(f)
    for f in after:
        if f.fingerprint in waived:
            out.waived.append(f)
        elif f.fingerprint in earlier:
            out.unchanged.append(f)
        else:
            out.new.append(f)
    return out
