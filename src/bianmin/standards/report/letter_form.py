"""The 审查意见书's content in the form a bureau sends (issue 23), as plain data for any writer.

Opinions are grouped by discipline (建筑 / 消防 / 无障碍 / 功能布置 / 标识) and numbered 1…n within
each; each says where in words, what was found against what is required, the clause, 【强条】 for
a 强制性条文 and 必须修改 (an error) or 建议修改 (a warning).  Block code names (BM_SIGN_GUIDE)
become the catalogue's Chinese names; rule ids go only to the appendix.  The codes cited are
listed once, with full titles and editions, as the 审查依据.  No PDF or Word here: drawing/letter.py
and drawing/letter_docx.py print this.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from bianmin.geometry import catalog
from bianmin.standards.codes import CODES, codes_cited

# the review disciplines, in the order the letter lists them, and which rule families each reviews
DISCIPLINES = ("建筑", "消防", "无障碍", "功能布置", "标识")
DISCIPLINE_OF_FAMILY = {
    "DXF": "建筑",
    "HALL": "建筑",
    "META": "建筑",
    "EVAC": "消防",
    "FIRE": "消防",
    "SAFE": "消防",
    "ACC": "无障碍",
    "ZONE": "功能布置",
    "CNTR": "功能布置",
    "CAP": "功能布置",
    "EQUIP": "功能布置",
    "DESIGN": "功能布置",
    "SIGN": "标识",
}
# rules whose family says less than their subject: the evacuation signs are fire protection
DISCIPLINE_OF_RULE = {"FIRE-EXIT-SIGN": "消防", "FIRE-EVAC-SIGN": "消防", "CNTR-SIGN": "标识"}

ACTION = {"error": "必须修改", "warning": "建议修改", "info": "建议修改"}

# the conclusions a bureau writes (wording configurable in the bureau config's [review] section)
CONCLUSIONS = {"pass": "合格", "fail": "修改后重新报审", "unreadable": "不合格", "not-a-plan": "不合格"}

_BLOCK = re.compile(r"BM_[A-Z][A-Z0-9_]*")
_HANDLE_LIST = re.compile(r"\s*[（(]?(?:图元|handles?)\s*[#＃]?[0-9A-F, ]+[)）]?", re.I)


def discipline(rule: str) -> str:
    return DISCIPLINE_OF_RULE.get(rule) or DISCIPLINE_OF_FAMILY.get(rule.split("-")[0], "建筑")


_PROPERTY_NAMES = {p.key: p.zh for p in catalog.PLAN_PROPERTIES}
# "（TYPE=accessible）", "（ACCESSIBLE=yes，平坡出入口）": how to set it in the program, not review text
_SETTING = re.compile(r"[（(][^（）()]*\b[A-Z_]{3,}=[^（）()]*[）)]")


def plain_words(text: str) -> str:
    """A finding's message without program words: block code names as the catalogue's Chinese names,
    plan property keys as the property's name, attribute settings left out."""

    def name(m: re.Match) -> str:
        key = m.group(0)
        spec = catalog.block_spec(key)
        if spec is not None:
            return f"“{spec.zh}”"
        if key in _PROPERTY_NAMES:
            return f"“{_PROPERTY_NAMES[key]}”"
        return key

    return _BLOCK.sub(name, _SETTING.sub("", str(text)))


def where(location, hall_bounds) -> str:
    """A finding's place in words: the part of the hall it is in (大厅东北部 …), or ''."""
    if location is None or hall_bounds is None:
        return ""
    x0, y0, x1, y1 = hall_bounds
    if x1 <= x0 or y1 <= y0:
        return ""
    fx = (location[0] - x0) / (x1 - x0)
    fy = (location[1] - y0) / (y1 - y0)
    if not (-0.2 <= fx <= 1.2 and -0.2 <= fy <= 1.2):
        return "大厅外"
    ns = "北" if fy > 2 / 3 else ("南" if fy < 1 / 3 else "")
    ew = "东" if fx > 2 / 3 else ("西" if fx < 1 / 3 else "")
    if not ns and not ew:
        return "大厅中部"
    if ns and ew:
        return f"大厅{ew}{ns}部"
    return f"大厅{ns or ew}部"


@dataclass
class Opinion:
    number: int  # within its discipline
    discipline: str
    rule: str  # for the appendix and the JSON only
    where: str
    text: str
    clause: str
    mandatory: bool
    action: str  # 必须修改 | 建议修改
    fingerprint: str
    reply: str = ""  # the street office's 回复 (review reply)
    recheck: str = ""  # 复核: 已修改 | 未修改 | 已说明


@dataclass
class LetterForm:
    disciplines: dict[str, list[Opinion]] = field(default_factory=dict)
    basis: list[str] = field(default_factory=list)  # 审查依据: full titles with editions
    appendix: list[tuple[str, str]] = field(default_factory=list)  # (discipline number, rule id)

    @property
    def opinions(self) -> list[Opinion]:
        return [o for d in DISCIPLINES for o in self.disciplines.get(d, [])]


def form(open_findings, *, hall_bounds=None, replies: dict[str, str] | None = None, fixed=None) -> LetterForm:
    """The letter's opinions from the open findings, in discipline order, errors first within each.
    ``fixed`` (the findings gone since, when an earlier round is rechecked) gives each opinion its
    复核: 已修改, 已说明 (replied, still there) or 未修改."""
    replies = replies or {}
    rechecking = fixed is not None
    fixed_prints = {f.fingerprint for f in fixed or ()}
    out = LetterForm()
    cited: dict[str, None] = {}
    ordered = sorted(
        open_findings, key=lambda f: (DISCIPLINES.index(discipline(f.rule)), f.severity != "error", f.rule)
    )
    for f in ordered:
        d = discipline(f.rule)
        mine = out.disciplines.setdefault(d, [])
        reply = replies.get(f.fingerprint, "")
        opinion = Opinion(
            number=len(mine) + 1,
            discipline=d,
            rule=f.rule,
            where=where(f.location, hall_bounds),
            text=plain_words(_HANDLE_LIST.sub("", f.message)),
            clause=f.source or "",
            mandatory=bool(getattr(f, "mandatory", False)),
            action=ACTION.get(f.severity, "建议修改"),
            fingerprint=f.fingerprint,
            reply=reply,
            recheck=_recheck(f.fingerprint in fixed_prints, reply) if rechecking else "",
        )
        mine.append(opinion)
        out.appendix.append((f"{d} {opinion.number}", f.rule))
        for code in codes_cited(f.source or ""):
            cited[code.key] = None
    for key in cited:
        code = CODES[key]
        out.basis.append(code.full("zh") if hasattr(code, "full") else f"{code.number}《{code.title}》")
    if "XA" not in cited:  # the standard the whole review rests on
        out.basis.insert(0, CODES["XA"].full("zh"))
    return out


def _recheck(fixed: bool, reply: str) -> str:
    if fixed:
        return "已修改"
    return "已说明" if reply else "未修改"


def chinese_date(day: date | None = None) -> str:
    """2026年12月5日 (local time), as official documents write it."""
    day = day or date.today()
    return f"{day.year}年{day.month}月{day.day}日"
