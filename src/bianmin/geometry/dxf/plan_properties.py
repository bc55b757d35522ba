"""The plan properties a drawing carries (docs/dxf-convention.md): the header's custom properties
first, then a BM_PLANINFO insert's attributes for any key still unset; a value that cannot be used,
a second BM_PLANINFO, or a key set differently in both is an issue.
"""

from __future__ import annotations

from bianmin.geometry.intake import IntakeIssue, IssueKind
from bianmin.geometry.properties import KEYS, PlanProperties


def header_properties(doc) -> dict[str, str]:
    """The plan-property keys among the header's custom properties (upper case)."""
    mapping = {}
    if doc.dxfversion > "AC1009":
        try:
            mapping = {tag: value for tag, value in doc.header.custom_vars}
        except Exception:  # a malformed custom property table is not worth failing over
            mapping = {}
    return {k.upper(): v for k, v in mapping.items() if k.upper() in KEYS}


def plan_properties(
    mapping: dict[str, str], overrides: dict[str, str] | None, issues: list[IntakeIssue]
) -> PlanProperties:
    """The properties of ``mapping`` with ``overrides`` applied; each value that cannot be used is an issue."""
    props, problems = PlanProperties.from_mapping(mapping)
    if overrides:
        props, more = props.updated(overrides)
        problems += more
    for problem in problems:
        # "KEY='raw': 中文 / English": each language gets its own half of the reason
        where, _, why = problem.partition(": ")
        why_zh, _, why_en = why.partition(" / ")
        issues.append(
            IntakeIssue(
                IssueKind.PROPERTY_INVALID,
                f"图纸属性 {where} 无效：{why_zh}",
                f"invalid plan property {where}: {why_en or why_zh}",
                severity="warning",
            )
        )
    return props


def _handle_order(entity) -> int:
    try:
        return int(entity.dxf.handle, 16)
    except (TypeError, ValueError):
        return 0


def planinfo_values(insert) -> dict[str, str]:
    """The plan-property keys a BM_PLANINFO insert carries as ATTRIBs (non-empty values only)."""
    values = {}
    for attrib in insert.attribs:
        tag = attrib.dxf.tag.strip().upper()
        text = (attrib.dxf.text or "").strip()
        if tag in KEYS and text:
            values[tag] = text
    return values


def fill_from_planinfo(mapping: dict[str, str], inserts, issues: list[IntakeIssue]) -> None:
    """docs/dxf-convention.md: header custom properties first, then BM_PLANINFO for any key still unset;
    a key set in both with different values is a warning naming both (the header wins)."""
    if not inserts:
        return
    inserts = sorted(inserts, key=_handle_order)
    if len(inserts) > 1:
        issues.append(
            IntakeIssue(
                IssueKind.PLANINFO_REPEATED,
                f"图中有 {len(inserts)} 个图纸信息表（BM_PLANINFO），应只有 1 个；按句柄最小的一个读取",
                f"{len(inserts)} BM_PLANINFO inserts; expected one: the first by handle is used",
                handles=[i.dxf.handle for i in inserts],
                severity="warning",
            )
        )
    for key, value in planinfo_values(inserts[0]).items():
        if key not in mapping or not str(mapping[key]).strip():
            mapping[key] = value
        elif str(mapping[key]).strip() != value:
            issues.append(
                IntakeIssue(
                    IssueKind.PLANINFO_CONFLICT,
                    f"图纸属性 {key} 在自定义属性中为“{mapping[key]}”，在图纸信息表中为“{value}”；按自定义属性“{mapping[key]}”",
                    f"plan property {key} is '{mapping[key]}' in the custom properties but '{value}' in BM_PLANINFO; "
                    f"the custom property is used",
                    handles=[inserts[0].dxf.handle],
                    severity="warning",
                )
            )
