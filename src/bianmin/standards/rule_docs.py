"""Rule documentation generated from the registry: ``bianmin rules`` and docs/rules.md."""

from __future__ import annotations

import re

from bianmin.geometry.catalog import KINDS, SEVERITIES

from bianmin.standards import RULESET_VERSION
from bianmin.standards.codes import CODES, cited_keys
from bianmin.standards.registry import DOC_SECTIONS
from bianmin.standards.rules import all_rules

FAMILIES = {
    "DXF": ("文件读取", "File intake"),
    "HALL": ("大厅", "Hall"),
    "ZONE": ("服务分区", "Zones"),
    "CNTR": ("柜台", "Counters"),
    "SIGN": ("标识", "Signs"),
    "EVAC": ("疏散", "Evacuation"),
    "FIRE": ("消防", "Fire safety"),
    "ACC": ("无障碍", "Accessibility"),
    "EQUIP": ("设施", "Facilities"),
    "SAFE": ("安全", "Safety"),
    "META": ("图纸属性", "Plan properties"),
    "CAP": ("容量", "Capacity"),
}


# optional docstring sections: "Conditions: 中文 // English" says which limit applies when
OPTIONAL_SECTIONS = ("Conditions:",)


def sections(doc: str) -> dict[str, str]:
    """The docstring's summary and its fixed sections."""
    lines = doc.splitlines()
    out = {"summary": lines[0].strip() if lines else ""}
    current = None
    for line in lines[1:]:
        head = next((s for s in DOC_SECTIONS + OPTIONAL_SECTIONS if line.strip().startswith(s)), None)
        if head:
            current = head[:-1].lower()
            out[current] = line.strip()[len(head) :].strip()
        elif current:
            out[current] = (out[current] + " " + line.strip()).strip()
    return out


def conditions(r, lang: str = "zh") -> str:
    """Which limit applies when, in one language (empty for a rule with one limit)."""
    text = sections(r.doc).get("conditions", "")
    if not text:
        return ""
    zh, _, en = text.partition("//")
    zh = re.sub(r"([，；、：（）])\s+", r"\1", zh)  # a wrapped docstring line leaves a space after Chinese punctuation
    return (en if lang == "en" and en.strip() else zh).strip()


def rules_json() -> list[dict]:
    items = []
    for r in all_rules().values():
        s = sections(r.doc)
        items.append(
            {
                "id": r.id,
                "severity": r.severity,
                "profiles": list(r.profiles),
                "title": r.title,
                "title_en": r.title_en,
                "source": r.source,
                "mandatory": r.mandatory,
                "parameters": r.params,
                "applies_when": r.when_text or None,
                "conditions": {"zh": conditions(r, "zh"), "en": conditions(r, "en")} if s.get("conditions") else None,
                "summary": s["summary"],
                "checks": s.get("checks", ""),
                "why": s.get("why", ""),
                "passes": s.get("passes", ""),
                "fails": s.get("fails", ""),
            }
        )
    return items


def _params(params: dict) -> str:
    return ", ".join(f"{k} = {v}" for k, v in params.items()) or "—"


def rules_text(lang: str = "zh") -> str:
    out = []
    for r in all_rules().values():
        title = r.title_en if lang == "en" else r.title
        profiles = ", ".join(KINDS.label(k, lang) if k in KINDS else k for k in r.profiles)
        sev = SEVERITIES.label(r.severity, lang) if r.severity in SEVERITIES else r.severity
        mark = (" [mandatory]" if lang == "en" else " 【强条】") if r.mandatory else ""
        out.append(f"{r.id:<22} {sev:<{8 if lang == 'en' else 6}} {title}  [{r.source}]{mark}  ({profiles})")
        if r.params:
            out.append(f"{'':<22} {_params(r.params)}")
        cond = conditions(r, lang)
        if cond:
            out.append(f"{'':<22} {'conditions' if lang == 'en' else '适用条件'}: {cond}")
    out.append("")
    out.append("Code editions:" if lang == "en" else "规范版本：")
    out.extend(f"  {k:<11} {CODES[k].full(lang)}" for k in cited_codes())
    return "\n".join(out) + "\n"


def cited_codes() -> list[str]:
    """The short names of the documents the rules cite, in the table of editions' order."""
    keys = {k for r in all_rules().values() for k in cited_keys(r.source)}
    return [k for k in CODES if k in keys]


def editions_markdown() -> list[str]:
    """The table of code editions the rules cite (full title and year; 通用规范 marked)."""
    out = [
        "## 依据的规范版本 / Code editions",
        "",
        "A rule's source cites a short name and the clause, the governing code first; the edition is named "
        "here, once. Every clause of a 通用规范 is a 强制性条文; rules whose clause is one are marked 【强条】 and "
        "their findings carry `mandatory: true`.",
        "",
        "| 简称 short name | 版本 edition | 名称 title | 通用规范 (all clauses mandatory) |",
        "| --- | --- | --- | --- |",
    ]
    for k in cited_codes():
        c = CODES[k]
        general = f"是 / yes (in force {c.in_force})" if c.general else "—"
        number = c.number if k not in ("XA", "XC") else str(c.year)
        out.append(f"| {k} | {number} | {c.title} / {c.title_en} | {general} |")
    return out + [""]


def rules_markdown() -> str:
    out = [
        f"# 规则 / Rules (rule set {RULESET_VERSION})",
        "",
        "Generated by `bianmin rules --format markdown` from the rules' own docstrings; do not edit by hand.",
        "",
        *editions_markdown(),
    ]
    family = None
    for r in all_rules().values():
        if r.family != family:
            family = r.family
            zh, en = FAMILIES.get(family, (family, family))
            out += [f"## {family}-: {zh} / {en}", ""]
        s = sections(r.doc)
        out += [
            f"### {r.id} — {r.title} / {r.title_en}",
            "",
            f"- severity: `{r.severity}`; profiles: {', '.join(r.profiles)}"
            + (f"; applies {r.when_text}" if r.when_text else ""),
            f"- source: {r.source}" + ("; 【强条】 mandatory (强制性条文)" if r.mandatory else ""),
            f"- parameters: {_params(r.params)}",
        ]
        if s.get("conditions"):
            out += [f"- 适用条件: {conditions(r, 'zh')}", f"- conditions: {conditions(r, 'en')}"]
        out += ["", s["summary"], ""]
        for key, label in (("checks", "Checks"), ("why", "Why"), ("passes", "Passes"), ("fails", "Fails")):
            if s.get(key):
                out.append(f"**{label}:** {s[key]}  ")
        out.append("")
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out))
