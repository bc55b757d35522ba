"""Run the rules over a plan and make its report.  Never raises for a plan's sake."""

from __future__ import annotations

import itertools
import time
import traceback
from pathlib import Path

from bianmin.geometry.atomic import clean_text
from bianmin.geometry.dxf.read import PlanReadError, read_plan
from bianmin.geometry.intake import Intake

from bianmin.standards.config import Config
from bianmin.standards.context import CheckContext
from bianmin.standards.findings import Finding, PlanReport, number_repeats
from bianmin.standards.registry import Hit
from bianmin.standards.rules import all_rules

# a plan with 2,000 exits 1 m apart has two million pairs too close: one rule may not flood a
# report (or take minutes to say the same thing); it stops after this many findings
MAX_FINDINGS_PER_RULE = 200


def check(intake: Intake, config: Config | None = None, profile: str | None = None, path: str = "") -> PlanReport:
    """Findings for a plan that has been read (or made: ``Intake(plan=...)``)."""
    return check_with_context(intake, config, profile, path)[0]


def check_with_context(
    intake: Intake, config: Config | None = None, profile: str | None = None, path: str = ""
) -> tuple[PlanReport, CheckContext]:
    """The report and the context it was made in (whose analysis the designer shows)."""
    config = config or Config()
    plan = intake.plan
    profile = profile or plan.properties.kind
    ctx = CheckContext(intake, profile)
    findings: list[Finding] = []
    rules = [
        rule
        for rule in all_rules().values()
        if config.enabled(rule) and profile in rule.profiles and not (rule.needs_hall and plan.hall is None)
    ]
    for rule in rules:
        if rule.prepare is not None:
            try:
                rule.prepare(ctx, config.params_for(rule))
            except Exception:  # noqa: BLE001 - a hint only: the rule meets the same trouble and reports it
                pass
    # the rules that began work in the background run last, when it is most likely done; the
    # findings are put back in the rules' order below
    order = {rule.id: i for i, rule in enumerate(rules)}
    for rule in sorted(rules, key=lambda r: r.prepare is not None):
        try:
            if rule.when is not None and not rule.when(ctx):
                continue
            hits = list(itertools.islice(rule.run(ctx, config.params_for(rule)), MAX_FINDINGS_PER_RULE + 1))
        except Exception as exc:  # a rule's own bug must not cost the reviewer the report
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            findings.append(
                Finding(
                    rule.id,
                    "error",
                    f"规则内部错误，未能完成检查：{detail}",
                    f"internal error, the check did not complete: {detail}",
                    rule.source,
                )
            )
            continue
        configured = config.severities.get(rule.id)
        if len(hits) > MAX_FINDINGS_PER_RULE:
            last = hits[MAX_FINDINGS_PER_RULE - 1]
            hits[MAX_FINDINGS_PER_RULE - 1 :] = [
                Hit(
                    f"此规则的问题超过 {MAX_FINDINGS_PER_RULE - 1} 处，其余未再列出；请先改正以上各处后重新校验",
                    f"more than {MAX_FINDINGS_PER_RULE - 1} findings of this rule; the rest are not listed: "
                    f"correct those above and check again",
                    location=last.location,
                    severity=last.severity,
                )
            ]
        for h in hits:
            findings.append(
                Finding(
                    rule.id,
                    configured or h.severity or rule.severity,
                    h.message,
                    h.message_en,
                    h.source or rule.source,
                    h.handles,
                    h.location,
                    h.subject,
                    h.measured,
                    h.limit,
                    h.unit,
                    h.details,
                    mandatory=rule.mandatory if h.mandatory is None else h.mandatory,
                )
            )
    findings.sort(key=lambda f: order[f.rule])
    metrics = dict(ctx.base_metrics)  # a copy: the analysis figures are added to it
    if plan.hall is not None:
        try:
            metrics.update(ctx.analysis.metrics())
        except Exception:
            pass  # the figures are extras; a failure here already shows in the rules
    findings = number_repeats(merge_related(findings, plan))
    status = "fail" if any(f.severity == "error" for f in findings) else "pass"
    props = {k: v for k, v in plan.properties.to_mapping().items() if v}
    props["BM_KIND"] = plan.properties.kind
    return PlanReport(
        path=path, status=status, profile=profile, properties=props, metrics=metrics, findings=findings
    ), ctx


# Findings that say the same thing once (issue 9): when the plan has none of a thing at all, the
# rule that says so stands for the rules that would each measure the missing thing again.
# (what the plan lacks, the rule that reports it, the rules whose findings it makes redundant)
RELATED = (
    (lambda plan: not plan.objects_of("BM_EXTINGUISHER"), "FIRE-EXT-COUNT", ("FIRE-EXT-REACH", "FIRE-EXT-RATING")),
    (
        lambda plan: not plan.exits,
        "EVAC-EXIT-COUNT",
        ("EVAC-TRAVEL", "EVAC-REACH", "EVAC-PASSAGE", "EVAC-TOTAL-WIDTH", "EVAC-ROUTE", "FIRE-EVAC-SIGN", "ACC-ROUTE"),
    ),
    (lambda plan: not plan.objects_of("BM_CAMERA"), "SAFE-CAMERA", ("SAFE-CAMERA-COVER",)),
    (lambda plan: not plan.counters, "ZONE-WINDOW-COUNTERS", ("CNTR-GENERAL", "ACC-COUNTER", "CAP-WINDOWS")),
)


def merge_related(findings: list[Finding], plan) -> list[Finding]:
    """Drop the findings another finding already says (no extinguisher at all: one finding, not three)."""
    fired = {f.rule for f in findings}
    drop: set[str] = set()
    for lacks, keeper, redundant in RELATED:
        if keeper in fired and lacks(plan):
            drop.update(redundant)
    return [f for f in findings if f.rule not in drop] if drop else findings


def validate_path(
    path, config: Config | None = None, profile: str | None = None, overrides: dict[str, str] | None = None
) -> PlanReport:
    """Read and check one file; an unreadable file is a report with status ``unreadable``."""
    start = time.perf_counter()
    shown = clean_text(str(path))
    try:
        # a large drawing's simple background (the architect's LINEs, TEXTs …) is not read: nothing checks it
        read = read_plan(Path(path), overrides=overrides, split="check")
        report = check(read.intake, config, profile, path=shown)
        if not read.bm_content:
            # what the file itself is worth saying (its repairs) stays; what a plan would lack does not
            report = not_a_plan_report(shown, [f for f in report.findings if f.rule == "DXF-RECOVERED"])
    except PlanReadError as exc:
        report = unreadable_report(shown, str(exc))
    except RecursionError:
        report = unreadable_report(shown, "图纸嵌套过深，无法读取 / nesting too deep to read")
    except Exception as exc:
        detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
        report = unreadable_report(shown, f"读取时出错 / error while reading: {detail}")
    report.seconds = time.perf_counter() - start
    return report


# a drawing with nothing of the convention (no BM- layer, block or property): the architect's drawing
# as it came, not a plan that fails with four unrelated errors (issue 14)
NOT_A_PLAN = (
    "不是按本约定绘制的平面图：没有 BM- 图层",
    "not a plan drawn to the convention: no BM- layers",
)
NOT_A_PLAN_ADVICE = (
    "若这是建筑底图，请先运行 bianmin recognize 识别大厅、出入口和柱，或在设计器中绘制大厅及布置后再校验",
    "if this is the architect's drawing, run `bianmin recognize` on it first (it finds the hall, doors and "
    "columns), or draw the hall and the layout in the designer, then check again",
)


def not_a_plan_report(path: str, also: list[Finding] | None = None) -> PlanReport:
    """The verdict on a readable drawing without any BM- content: status ``not-a-plan``, its one finding
    (and ``also``: the findings about the file itself, such as its repairs)."""
    finding = Finding(
        "DXF-NOT-A-PLAN",
        "error",
        f"{NOT_A_PLAN[0]}；{NOT_A_PLAN_ADVICE[0]}",
        f"{NOT_A_PLAN[1]}; {NOT_A_PLAN_ADVICE[1]}",
    )
    return PlanReport(
        path=clean_text(path),
        status="not-a-plan",
        error=f"{NOT_A_PLAN[0]} / {NOT_A_PLAN[1]}",
        findings=[finding, *(also or [])],
    )


def unreadable_report(path: str, reason: str) -> PlanReport:
    """The report of a file that could not be read; ``reason`` is "中文 / English"."""
    path = clean_text(path)
    zh, _, en = reason.partition(" / ")
    if not en and "/ " in reason:  # "不是 DXF 文件（……）/ not a DXF file": no space before the slash
        zh, _, en = reason.partition("/ ")
    zh, en = zh.strip(), en.strip()
    finding = Finding("DXF-READ", "error", f"无法读取文件：{zh}", f"the file cannot be read: {en or zh}")
    return PlanReport(path=path, status="unreadable", error=reason, findings=[finding])
