"""Plain text, read like a linter's output: file, rule, severity, message, clause."""

from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS

from bianmin.standards.report import labels as L
from bianmin.standards.report.common import grouped, legend, mark, plain


def render(reports, summary, ruleset, lang="zh") -> str:
    out = []
    for r in reports:
        errors, warnings = r.count("error"), r.count("warning")
        path = plain(r.path)
        if lang == "en":
            head = (
                f"{path}: {L.status(r.status, lang)} ({L.PROFILE[lang].get(r.profile, r.profile)}), "
                f"{errors} error(s), {warnings} warning(s)"
            )
        else:
            head = (
                f"{path}：{L.status(r.status, lang)}（{L.PROFILE[lang].get(r.profile, r.profile)}），"
                f"错误 {errors}，警告 {warnings}"
            )
        out.append(head)
        for f in grouped(r.sorted_findings()):
            where = ""
            if f.location:
                where = f" @({f.location[0] / 1000:.1f}, {f.location[1] / 1000:.1f}) m"
            # no handle list: a reviewer reads places, not entity handles (the JSON report keeps them)
            src = f" [{f.source}]" if f.source and f.source != "—" else ""
            text = mark(f, lang) + plain(f.text(lang))
            out.append(f"  {f.rule:<22} {L.severity(f.severity, lang):<7} {text}{src}{where}")
        out.append("")
    out.append(_summary(summary, ruleset, lang))
    out.append("")
    out.append("依据：" if lang != "en" else "Sources:")
    out.extend(f"  {key}  {title}" for key, title in legend(reports, lang))
    return "\n".join(out) + "\n"


def _summary(s, ruleset, lang) -> str:
    lines = []
    if lang == "en":
        lines.append(
            f"Summary: {s.files} file(s): {s.passed} pass, {s.failed} fail, {s.unreadable} unreadable"
            + (f", {s.not_a_plan} not a plan (no BM- layers)" if s.not_a_plan else "")
        )
        if s.by_rule:
            lines.append("Most often failed: " + ", ".join(f"{k} ×{v}" for k, v in list(s.by_rule.items())[:8]))
        rates = ", ".join(
            f"{L.PROFILE['en'][k]} {_pct(v)} (target {_pct(t)})"
            for k, t in DISTRICT_MAILBOX_TARGETS.items()
            for v in [s.mailbox_rate.get(k)]
        )
        lines.append(f"24-hour locker rate: {rates}")
        lines.append(
            f"Plans with travel-distance failures: {s.travel_failures}; with extinguisher gaps: {s.extinguisher_gaps}"
        )
        lines.append(f"Plans breaking a mandatory clause (强制性条文): {s.mandatory_failures}")
        lines.append(f"Rule set {ruleset['version']}, configuration {ruleset['config_sha256'][:12]}")
    else:
        lines.append(
            f"汇总：共 {s.files} 个文件，通过 {s.passed}，未通过 {s.failed}，无法读取 {s.unreadable}"
            + (f"，不是按约定绘制的平面图 {s.not_a_plan}" if s.not_a_plan else "")
        )
        if s.by_rule:
            lines.append("最常见的问题：" + "，".join(f"{k} ×{v}" for k, v in list(s.by_rule.items())[:8]))
        rates = "，".join(
            f"{L.PROFILE['zh'][k]} {_pct(v)}（目标 {_pct(t)}）"
            for k, t in DISTRICT_MAILBOX_TARGETS.items()
            for v in [s.mailbox_rate.get(k)]
        )
        lines.append(f"24小时自助信包箱投放率：{rates}")
        lines.append(f"疏散距离不合格的图纸：{s.travel_failures}；灭火器配置不足的图纸：{s.extinguisher_gaps}")
        lines.append(f"违反强制性条文的图纸：{s.mandatory_failures}")
        lines.append(f"规则集 {ruleset['version']}，配置 {ruleset['config_sha256'][:12]}")
    return "\n".join(lines)


def _pct(v):
    return "—" if v is None else f"{v * 100:.0f}%"
