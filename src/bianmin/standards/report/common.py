"""What every report view shares: the legend of sources, grouping of repeated findings, safe text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bianmin.standards import findings as _findings
from bianmin.standards.codes import CODES, cited_keys, mandatory_mark

# every source a rule cites, spelled out once in every report (issue 9); the editions are in
# standards/codes.py (issue 22), which the letter's 审查依据 reads too
SOURCES: dict[str, tuple[str, str]] = {k: (c.full("zh"), c.full("en")) for k, c in CODES.items()}


def cited(source: str) -> list[str]:
    """The documents a finding's source names ("GB 50016 5.5.17; GA 654" -> ["GB 50016", "GA 654"])."""
    return cited_keys(source)


def sources_of(reports) -> list[str]:
    """The documents cited anywhere in these reports, in the legend's order (XA always)."""
    keys = {"XA"}
    for r in reports:
        for f in r.findings:
            keys.update(cited(f.source))
    return [k for k in SOURCES if k in keys]


def legend(reports, lang: str) -> list[tuple[str, str]]:
    """(abbreviation, full title) for each document the reports cite."""
    return [(k, SOURCES[k][1] if lang == "en" else SOURCES[k][0]) for k in sources_of(reports)]


def _badness(f) -> float:
    """How far a finding's measured value is from its limit (0 when it has no numbers)."""
    try:
        m, lim = float(f.measured), float(f.limit)
        return abs(m - lim) if math.isfinite(m) and math.isfinite(lim) else 0.0
    except (TypeError, ValueError):
        return 0.0


GROUP_OVER = 5  # more findings of one rule in one plan than this are shown as one line


@dataclass
class Group:
    """Several findings of one rule in one plan, shown as one line with the worst three."""

    rule: str
    severity: str
    source: str
    members: list

    def text(self, lang: str = "zh") -> str:
        shown: list[str] = []
        for f in self.worst(len(self.members)):  # three different texts: two counters numbered 1 say the same
            if f.text(lang) not in shown:
                shown.append(f.text(lang))
            if len(shown) == 3:
                break
        n, k = len(self.members), len(shown)
        ranked = any(_badness(f) > 0 for f in self.members)
        if lang == "en":
            return f"{n} findings of this rule; {'the worst' if ranked else 'for example'}: " + "; ".join(shown)
        return f"共 {n} 处同类问题，{'最严重的' if ranked else '其中'} {k} 处：" + "；".join(shown)

    def worst(self, k: int) -> list:
        return sorted(self.members, key=_badness, reverse=True)[:k]

    @property
    def location(self):
        return self.worst(1)[0].location

    @property
    def mandatory(self) -> bool:
        return any(getattr(f, "mandatory", False) for f in self.members)

    @property
    def handles(self):
        return [h for f in self.worst(3) for h in f.handles]


def grouped(findings) -> list:
    """The findings for a person to read: a rule that fired more than GROUP_OVER times is one Group."""
    by_rule: dict[str, list] = {}
    for f in findings:
        by_rule.setdefault(f.rule, []).append(f)
    out: list = []
    done: set[str] = set()
    for f in findings:
        members = by_rule[f.rule]
        if len(members) > GROUP_OVER:
            if f.rule not in done:
                done.add(f.rule)
                out.append(Group(f.rule, members[0].severity, members[0].source, members))
        else:
            out.append(f)
    return out


def mark(finding, lang: str = "zh") -> str:
    """【强条】 (followed by nothing) for a finding of a 强制性条文, else ""; the views put it before the message."""
    return mandatory_mark(lang) if getattr(finding, "mandatory", False) else ""


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def plain(text) -> str:
    """Text from a drawing or a path on one line: a newline in a file name cannot forge report lines."""
    s = str(text)
    s = s.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t")
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", s)


def csv_cell(value) -> str:
    """A spreadsheet cell that Excel will not run as a formula (OWASP CSV injection)."""
    s = str(value)
    return "'" + s if s[:1] in ("=", "+", "-", "@", "\t", "\r") else s


def finite(value):
    """JSON-safe: non-finite floats become None, recursively (JSON has no NaN or Infinity)."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


SEVERITIES = _findings.SEVERITIES
