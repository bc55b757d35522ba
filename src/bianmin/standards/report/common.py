"""What every report view shares: the legend of sources, grouping of repeated findings, safe text."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bianmin.standards import findings as _findings

# every source a rule cites, spelled out once in every report (issue 9)
SOURCES: dict[str, tuple[str, str]] = {
    "XA": (
        "《西安市基层便民服务中心(站)标准化建设指导意见》（2019）",
        "Xi'an guidance on standardised grassroots service centres and stations (2019)",
    ),
    "XC": (
        "《新城区基层便民服务中心(站)标准化建设实施方案》（2019）",
        "Xincheng district implementation plan for standardised service centres (2019)",
    ),
    "GB 50016": (
        "GB 50016—2014（2018 年版）《建筑设计防火规范》",
        "GB 50016-2014 (2018) Code for fire protection design of buildings",
    ),
    "GB 50140": (
        "GB 50140—2005《建筑灭火器配置设计规范》",
        "GB 50140-2005 Code for design of extinguisher distribution in buildings",
    ),
    "GB 51309": (
        "GB 51309—2018《消防应急照明和疏散指示系统技术标准》",
        "GB 51309-2018 Technical standard for fire emergency lighting and evacuation indicating systems",
    ),
    "GB 50116": (
        "GB 50116—2013《火灾自动报警系统设计规范》",
        "GB 50116-2013 Code for design of automatic fire alarm systems",
    ),
    "GB 55019": (
        "GB 55019—2021《建筑与市政工程无障碍通用规范》",
        "GB 55019-2021 General code for accessibility of buildings and municipal engineering",
    ),
    "GB 50763": ("GB 50763—2012《无障碍设计规范》", "GB 50763-2012 Codes for accessibility design"),
    "GA 654": ("GA 654—2006《人员密集场所消防安全管理》", "GA 654-2006 Fire safety management of crowded places"),
    "GB 15630": ("GB 15630—1995《消防安全标志设置要求》", "GB 15630-1995 Requirements for setting fire safety signs"),
    "GB 13495.1": ("GB 13495.1—2015《消防安全标志 第1部分：标志》", "GB 13495.1-2015 Fire safety signs, part 1"),
    "GB 2893": ("GB 2893—2008《安全色》", "GB 2893-2008 Safety colours"),
}
_SOURCE_KEYS = sorted(SOURCES, key=len, reverse=True)


def cited(source: str) -> list[str]:
    """The documents a finding's source names ("GB 50016 5.5.17; GA 654" -> ["GB 50016", "GA 654"])."""
    found = []
    for part in re.split(r"[;；]", source or ""):
        part = part.strip()
        for key in _SOURCE_KEYS:
            if part.startswith(key) and key not in found:
                found.append(key)
                break
    return found


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
