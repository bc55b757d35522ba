"""The documents the rules cite: each code's edition (number and year), full title, and whether it is a
通用规范 (every clause of which is a 强制性条文).

A rule's ``source`` cites short names ("GB 55037 7.4.2; GB 50016 5.5.15"); the reports' 依据 list, the
rules doc and the review letter's 审查依据 read the editions from here (:func:`codes_cited`,
:func:`edition_line`), so a citation names the edition year once, in the list.

Editions in force (2026): GB 55037-2022 建筑防火通用规范 took effect on 2023-06-01; its clauses are all
mandatory and replace GB 50016's 强制性条文 where they differ (the 2022 announcement of GB 55037 repealed
those 强制性条文 of GB 50016-2014 (2018)); GB 50016 still governs, as a non-mandatory standard, what GB 55037
does not say (the travel-distance table, the widths per 100 people by storey, the one-door room's cases
in their older wording).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Code:
    key: str  # the short name a rule's source cites: "GB 55037", "XA"
    number: str  # the edition: "GB 55037—2022"
    title: str  # 《建筑防火通用规范》
    title_en: str
    year: int
    general: bool = False  # a 通用规范: every clause is a 强制性条文
    in_force: str = ""  # the date it took effect, when a reviewer will ask

    def full(self, lang: str = "zh") -> str:
        """ "GB 55037—2022《建筑防火通用规范》" / "GB 55037-2022 General code for fire protection of buildings"."""
        if lang == "en":
            number = self.number.replace("—", "-").replace("（2018 年版）", " (2018)")
            return self.title_en if self.key in ("XA", "XC") else f"{number} {self.title_en}"
        if self.number.startswith("GB") or self.number.startswith("GA"):
            return f"{self.number}《{self.title}》"
        return f"《{self.title}》（{self.year}）"


CODES: dict[str, Code] = {
    c.key: c
    for c in (
        Code(
            "XA",
            "XA 2019",
            "西安市基层便民服务中心(站)标准化建设指导意见",
            "Xi'an guidance on standardised grassroots service centres and stations (2019)",
            2019,
        ),
        Code(
            "XC",
            "XC 2019",
            "新城区基层便民服务中心(站)标准化建设实施方案",
            "Xincheng district implementation plan for standardised service centres (2019)",
            2019,
        ),
        Code(
            "GB 55037",
            "GB 55037—2022",
            "建筑防火通用规范",
            "General code for fire protection of buildings and constructions",
            2022,
            general=True,
            in_force="2023-06-01",
        ),
        Code(
            "GB 50016",
            "GB 50016—2014（2018 年版）",
            "建筑设计防火规范",
            "Code for fire protection design of buildings",
            2018,
        ),
        Code(
            "GB 55019",
            "GB 55019—2021",
            "建筑与市政工程无障碍通用规范",
            "General code for accessibility of buildings and municipal engineering",
            2021,
            general=True,
            in_force="2022-04-01",
        ),
        Code("GB 50763", "GB 50763—2012", "无障碍设计规范", "Codes for accessibility design", 2012),
        Code(
            "GB 51309",
            "GB 51309—2018",
            "消防应急照明和疏散指示系统技术标准",
            "Technical standard for fire emergency lighting and evacuation indicating systems",
            2018,
        ),
        Code(
            "GB 50140",
            "GB 50140—2005",
            "建筑灭火器配置设计规范",
            "Code for design of extinguisher distribution in buildings",
            2005,
        ),
        Code(
            "GB 50116",
            "GB 50116—2013",
            "火灾自动报警系统设计规范",
            "Code for design of automatic fire alarm systems",
            2013,
        ),
        Code(
            "GB 50974",
            "GB 50974—2014",
            "消防给水及消火栓系统技术规范",
            "Technical code for fire protection water supply and hydrant systems",
            2014,
        ),
        Code(
            "GB 51251",
            "GB 51251—2017",
            "建筑防烟排烟系统技术标准",
            "Technical standard for smoke management systems in buildings",
            2017,
        ),
        Code(
            "GA 654",
            "GA 654—2006",
            "人员密集场所消防安全管理",
            "Fire safety management of crowded places",
            2006,
        ),
        Code(
            "GB 15630",
            "GB 15630—1995",
            "消防安全标志设置要求",
            "Requirements for setting fire safety signs",
            1995,
        ),
        Code(
            "GB 13495.1",
            "GB 13495.1—2015",
            "消防安全标志 第1部分：标志",
            "Fire safety signs, part 1",
            2015,
        ),
        Code("GB 2893", "GB 2893—2008", "安全色", "Safety colours", 2008),
    )
}
_KEYS = sorted(CODES, key=len, reverse=True)  # "GB 13495.1" before "GB 1…"


def cited_keys(source: str) -> list[str]:
    """The short names a citation names, in its order ("GB 55037 7.4.2; GB 50016 5.5.15" -> both)."""
    found: list[str] = []
    for part in re.split(r"[;；]", source or ""):
        part = part.strip()
        for key in _KEYS:
            if part.startswith(key) and (len(part) == len(key) or not part[len(key)].isdigit()):
                if key not in found:
                    found.append(key)
                break
    return found


def codes_cited(source: str) -> list[Code]:
    """The codes (with edition and full title) a citation string cites, in its order."""
    return [CODES[k] for k in cited_keys(source)]


def edition_line(key: str, lang: str = "zh") -> str:
    """The line a 依据 list prints for one short name."""
    return CODES[key].full(lang)


def governing(source: str) -> Code | None:
    """The code cited first: the governing clause comes first in a rule's source."""
    keys = cited_keys(source)
    return CODES[keys[0]] if keys else None


def is_general(source: str) -> bool:
    """Whether the citation's governing clause is in a 通用规范 (so it is a 强制性条文)."""
    code = governing(source)
    return bool(code and code.general)


MANDATORY_MARK = {"zh": "【强条】", "en": "[mandatory]"}


def mandatory_mark(lang: str = "zh") -> str:
    """The mark a finding of a 强制性条文 carries in the text, HTML and PDF reports and the letter."""
    return MANDATORY_MARK["en" if lang == "en" else "zh"]
