"""One self-contained HTML file a reviewer can e-mail: summary first, failing plans first."""

from datetime import date
from html import escape

from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS

from bianmin.standards.report import labels as L
from bianmin.standards.report.common import grouped, legend, mark

CSS = """
body{font-family:"Microsoft YaHei","PingFang SC","Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:2em;color:#222}
h1{font-size:1.5em;margin-bottom:.2em}h2{font-size:1.2em;margin-top:2em;border-bottom:2px solid #ccc}
table{border-collapse:collapse;margin:.5em 0 1em}td,th{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}
th{background:#f2f2f2}.error{color:#b00020;font-weight:bold}.warning{color:#a15c00}.info{color:#555}
.error,.warning,.info{white-space:nowrap}.pass{color:#1b7a2e;font-weight:bold}.fail{color:#b00020;font-weight:bold}.unreadable{color:#6a1b9a;font-weight:bold}
.meta{color:#666;font-size:.9em}.mandatory{color:#b00020;font-weight:bold}.rule{font-family:Consolas,monospace;white-space:nowrap}
"""

T = {
    "zh": {
        "title": "便民服务中心平面校验报告",
        "summary": "汇总",
        "files": "文件",
        "status": "结论",
        "profile": "类型",
        "errors": "错误",
        "warnings": "警告",
        "rule": "规则",
        "severity": "级别",
        "message": "说明",
        "source": "依据",
        "where": "位置 (m)",
        "most": "最常见的问题",
        "count": "次数",
        "mailbox": "24小时自助信包箱投放率",
        "target": "目标",
        "metrics": "指标",
        "no_findings": "没有发现问题。",
        "ruleset": "规则集",
        "config": "配置",
        "date": "日期",
        "reason": "原因",
        "plans": "个图纸",
        "travel": "疏散距离不合格的图纸",
        "ext": "灭火器配置不足的图纸",
        "mandatory": "违反强制性条文的图纸",
        "sources": "依据的文件",
    },
    "en": {
        "title": "Service hall plan check report",
        "summary": "Summary",
        "files": "File",
        "status": "Status",
        "profile": "Profile",
        "errors": "Errors",
        "warnings": "Warnings",
        "rule": "Rule",
        "severity": "Severity",
        "message": "Message",
        "source": "Source",
        "where": "Where (m)",
        "most": "Most often failed",
        "count": "Plans",
        "mailbox": "24-hour locker rate",
        "target": "target",
        "metrics": "Figures",
        "no_findings": "No findings.",
        "ruleset": "Rule set",
        "config": "configuration",
        "date": "Date",
        "reason": "Reason",
        "plans": "plans",
        "travel": "Plans with travel-distance failures",
        "ext": "Plans with extinguisher gaps",
        "mandatory": "Plans breaking a mandatory clause (强制性条文)",
        "sources": "Sources cited",
    },
}

ORDER = {"unreadable": 0, "not-a-plan": 0, "fail": 1, "pass": 2}


def _css(status: str) -> str:
    return "unreadable" if status == "not-a-plan" else status  # both: the file could not be checked


def render(reports, summary, ruleset, lang="zh") -> str:
    t = T[lang]
    e = escape
    parts = [
        f"<!DOCTYPE html><html lang='{'en' if lang == 'en' else 'zh-CN'}'><head><meta charset='utf-8'>",
        f"<title>{t['title']}</title><style>{CSS}</style></head><body>",
        f"<h1>{t['title']}</h1>",
        f"<p class='meta'>{t['date']} {date.today().isoformat()} · {t['ruleset']} {e(ruleset['version'])} · "
        f"{t['config']} <code>{e(ruleset['config_sha256'][:16])}</code></p>",
        f"<h2>{t['summary']}</h2>",
        f"<p>{summary.files} {t['plans']}: <span class='pass'>{L.status('pass', lang)} {summary.passed}</span> · "
        f"<span class='fail'>{L.status('fail', lang)} {summary.failed}</span> · "
        f"<span class='unreadable'>{L.status('unreadable', lang)} {summary.unreadable}</span>"
        + (
            f" · <span class='unreadable'>{L.status('not-a-plan', lang)} {summary.not_a_plan}</span>"
            if summary.not_a_plan
            else ""
        )
        + "</p>",
    ]
    ordered = sorted(reports, key=lambda r: (ORDER.get(r.status, 9), -r.count("error"), r.path))
    parts.append(
        f"<table><tr><th>{t['files']}</th><th>{t['status']}</th><th>{t['profile']}</th>"
        f"<th>{t['errors']}</th><th>{t['warnings']}</th></tr>"
    )
    for i, r in enumerate(ordered):
        parts.append(
            f"<tr><td><a href='#f{i}'>{e(r.path)}</a></td><td class='{_css(r.status)}'>{L.status(r.status, lang)}</td>"
            f"<td>{e(L.PROFILE[lang].get(r.profile, r.profile or '—'))}</td><td>{r.count('error')}</td>"
            f"<td>{r.count('warning')}</td></tr>"
        )
    parts.append("</table>")
    if summary.by_rule:
        parts.append(f"<p><b>{t['most']}</b></p><table><tr><th>{t['rule']}</th><th>{t['count']}</th></tr>")
        for rule, n in list(summary.by_rule.items())[:10]:
            parts.append(f"<tr><td class='rule'>{e(rule)}</td><td>{n}</td></tr>")
        parts.append("</table>")
    rates = []
    for k, target in DISTRICT_MAILBOX_TARGETS.items():
        v = summary.mailbox_rate.get(k)
        rates.append(
            f"{e(L.PROFILE[lang][k])} {'—' if v is None else f'{v * 100:.0f}%'} ({t['target']} {target * 100:.0f}%)"
        )
    parts.append(f"<p><b>{t['mailbox']}</b>: {' · '.join(rates)}</p>")
    parts.append(
        f"<p>{t['travel']}: {summary.travel_failures} · {t['ext']}: {summary.extinguisher_gaps} · "
        f"{t['mandatory']}: {summary.mandatory_failures}</p>"
    )
    for i, r in enumerate(ordered):
        parts.append(
            f"<h2 id='f{i}'>{e(r.path)} — <span class='{_css(r.status)}'>{L.status(r.status, lang)}</span></h2>"
        )
        if r.error:
            parts.append(f"<p class='unreadable'>{t['reason']}: {e(r.error)}</p>")
        if r.properties.get("BM_NAME"):
            parts.append(f"<p>{e(r.properties['BM_NAME'])}</p>")
        if r.metrics:
            cells = "".join(
                f"<tr><th>{e(L.metric_label(k, lang))}</th><td>{e(L.metric_value(v))}</td></tr>"
                for k, v in r.metrics.items()
            )
            parts.append(f"<table>{cells}</table>")
        findings = r.sorted_findings()
        if not findings:
            parts.append(f"<p class='pass'>{t['no_findings']}</p>")
            continue
        parts.append(
            f"<table><tr><th>#</th><th>{t['rule']}</th><th>{t['severity']}</th><th>{t['message']}</th>"
            f"<th>{t['source']}</th><th>{t['where']}</th></tr>"
        )
        for n, f in enumerate(grouped(findings), 1):
            where = f"{f.location[0] / 1000:.1f}, {f.location[1] / 1000:.1f}" if f.location else ""
            strong = f"<span class='mandatory'>{e(mark(f, lang))}</span>" if mark(f, lang) else ""
            parts.append(
                f"<tr><td>{n}</td><td class='rule'>{e(f.rule)}</td><td class='{f.severity}'>"
                f"{L.severity(f.severity, lang)}</td><td>{strong}{e(f.text(lang))}</td><td>{e(f.source)}</td>"
                f"<td>{where}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f"<h2>{t['sources']}</h2><table>")
    parts.extend(f"<tr><th>{e(k)}</th><td>{e(title)}</td></tr>" for k, title in legend(reports, lang))
    parts.append("</table></body></html>\n")
    return "".join(parts)
