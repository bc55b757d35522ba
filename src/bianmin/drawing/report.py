"""The validation report as PDF: ``bianmin export report PLAN.dxf`` and ``validate --format pdf``.

A cover with the plan's name, the verdict, the rule-set version and configuration hash; the
plan drawn with a numbered marker at each finding; the findings table, errors first; the
figures. A batch gets a summary page first and a section per plan.
"""

from __future__ import annotations

from bianmin.geometry.atomic import atomic_output
from bianmin.geometry.catalog import DISTRICT_MAILBOX_TARGETS

from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from bianmin.standards.report import labels as L
from bianmin.standards.report.common import grouped, legend, mark

from bianmin.drawing.style import SEVERITY_COLOURS
from bianmin.drawing.background import draw_background
from bianmin.drawing.fonts import chinese_font
from bianmin.drawing.paper import MM
from bianmin.drawing.plan_painter import paint_markers, paint_plan, plan_extent
from bianmin.drawing.streams import binary_streams
from bianmin.drawing.surface import ReportLabSurface
from bianmin.drawing.text_fit import cell_limit, shorten

TITLE = {"zh": "便民服务中心平面校验报告", "en": "Service hall plan check report"}
WORDS = {
    "zh": {
        "plan": "图纸",
        "file": "文件",
        "verdict": "结论",
        "ruleset": "规则集",
        "config": "配置哈希",
        "date": "日期",
        "errors": "错误",
        "warnings": "警告",
        "infos": "信息",
        "findings": "问题清单",
        "no": "序号",
        "rule": "规则",
        "severity": "级别",
        "message": "说明",
        "source": "依据",
        "metrics": "指标",
        "summary": "汇总",
        "files": "图纸数",
        "most": "最常见的问题",
        "mailbox": "24小时自助信包箱投放率",
        "target": "目标",
        "reason": "原因",
        "none": "没有发现问题。",
        "drawing": "平面图（圆圈中的数字对应问题清单序号）",
        "count": "次数",
        "travel": "疏散距离不合格的图纸",
        "ext": "灭火器配置不足的图纸",
        "mandatory": "违反强制性条文的图纸",
    },
    "en": {
        "plan": "Plan",
        "file": "File",
        "verdict": "Verdict",
        "ruleset": "Rule set",
        "config": "Configuration hash",
        "date": "Date",
        "errors": "Errors",
        "warnings": "Warnings",
        "infos": "Info",
        "findings": "Findings",
        "no": "No.",
        "rule": "Rule",
        "severity": "Severity",
        "message": "Message",
        "source": "Source",
        "metrics": "Figures",
        "summary": "Summary",
        "files": "Plans",
        "most": "Most often failed",
        "mailbox": "24-hour locker rate",
        "target": "target",
        "reason": "Reason",
        "none": "No findings.",
        "drawing": "Plan (numbers in circles refer to the findings table)",
        "count": "Plans",
        "travel": "Plans with travel-distance failures",
        "ext": "Plans with extinguisher gaps",
        "mandatory": "Plans breaking a mandatory clause",
    },
}
STATUS_COLOUR = {"pass": "#1b7a2e", "fail": "#b00020", "unreadable": "#6a1b9a", "not-a-plan": "#6a1b9a"}


class PlanFigure(Flowable):
    """The plan, scaled to fit the given box, with a numbered marker per finding."""

    def __init__(self, read, findings, font, width_mm, height_mm):
        super().__init__()
        self.read, self.findings, self.font = read, findings, font
        self.w_mm, self.h_mm = width_mm, height_mm
        extent = plan_extent(read.plan, margin=1500.0)
        self.extent = extent
        if extent:
            ex, ey = extent[2] - extent[0], extent[3] - extent[1]
            self.scale = max(ex / width_mm, ey / height_mm)
            self.h_mm = min(height_mm, ey / self.scale)

    def wrap(self, avail_w, avail_h):
        return self.w_mm * MM, self.h_mm * MM

    def draw(self):
        if not self.extent:
            return
        e = self.extent
        s = ReportLabSurface(
            self.canv, self.font, self.scale, ((e[0] + e[2]) / 2, (e[1] + e[3]) / 2), (self.w_mm / 2, self.h_mm / 2)
        )
        c = self.canv
        c.saveState()
        clip = c.beginPath()
        clip.rect(0, 0, self.w_mm * MM, self.h_mm * MM)
        c.clipPath(clip, stroke=0, fill=0)
        half_w, half_h = self.w_mm / 2 * self.scale, self.h_mm / 2 * self.scale
        cx, cy = (e[0] + e[2]) / 2, (e[1] + e[3]) / 2
        draw_background(
            self.read.doc,
            s,
            self.read.units_factor,
            (cx - half_w, cy - half_h, cx + half_w, cy + half_h),
            simple=getattr(self.read, "background", None),
        )
        paint_plan(s, self.read.plan, labels=False)
        paint_markers(s, self.findings)
        c.restoreState()


def _styles(font):
    body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12.5, wordWrap="CJK")
    return {
        "body": body,
        "small": ParagraphStyle("small", parent=body, fontSize=8, leading=10.5),
        "head": ParagraphStyle("head", parent=body, textColor=colors.white),
        "h1": ParagraphStyle("h1", parent=body, fontSize=18, leading=24, spaceAfter=10),
        "h2": ParagraphStyle("h2", parent=body, fontSize=13, leading=18, spaceBefore=8, spaceAfter=6),
        "verdict": ParagraphStyle("verdict", parent=body, fontSize=22, leading=28, spaceBefore=6, spaceAfter=10),
    }


def _table(rows, widths, st, header=True):
    # every text cell is plain text from a drawing or a path: escaped, so that markup in a plan name
    # ("<img src=...>", a lone "<") is printed as written and never parsed by reportlab
    # a cell holds at most about 40 lines of its column's width: a longer text (a 3,000-character plan
    # name inside a finding) made a row taller than the page and reportlab stopped the whole PDF
    limits = [cell_limit(w) for w in widths]
    data = [
        [
            v
            if isinstance(v, Flowable)
            else Paragraph(escape(shorten(str(v), limits[j])), st["head"] if header and i == 0 else st["small"])
            for j, v in enumerate(row)
        ]
        for i, row in enumerate(rows)
    ]
    t = Table(data, colWidths=[w * MM for w in widths], repeatRows=1 if header else 0)
    style = [("GRID", (0, 0), (-1, -1), 0.25, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")))
    t.setStyle(TableStyle(style))
    return t


def plan_section(report, read, ruleset, font, lang, *, cover=True):
    w = WORDS[lang]
    st = _styles(font)
    story = []
    name = shorten(report.properties.get("BM_NAME") or Path(report.path).stem)
    if cover:
        story.append(Paragraph(TITLE[lang], st["h1"]))
    else:
        story.append(Paragraph(escape(name), st["h2"]))
    colour = STATUS_COLOUR.get(report.status, "#000000")
    story.append(Paragraph(f'<font color="{colour}">{L.status(report.status, lang)}</font>', st["verdict"]))
    rows = [
        [w["plan"], name],
        [w["file"], report.path],
        [
            w["errors"] + " / " + w["warnings"] + " / " + w["infos"],
            f"{report.count('error')} / {report.count('warning')} / {report.count('info')}",
        ],
        [w["ruleset"], f"{ruleset['version']}"],
        [w["config"], ruleset["config_sha256"]],
        [w["date"], date.today().isoformat()],
    ]
    if report.error:
        rows.append([w["reason"], report.error])
    story.append(_table(rows, [40, 130], st, header=False))
    findings = grouped(report.sorted_findings())
    if read is not None and read.plan.hall is not None:
        story.append(Paragraph(w["drawing"], st["h2"]))
        story.append(PlanFigure(read, findings, font, 170, 120))
    story.append(Paragraph(w["findings"], st["h2"]))
    if findings:
        rows = [[w["no"], w["rule"], w["severity"], w["message"], w["source"]]]
        for n, f in enumerate(findings, 1):
            sev = Paragraph(
                f'<font color="{SEVERITY_COLOURS.get(f.severity, "#000")}">{L.severity(f.severity, lang)}</font>',
                st["small"],
            )
            rows.append([str(n), f.rule, sev, mark(f, lang) + f.text(lang), f.source])
        story.append(_table(rows, [10, 34, 13, 85, 28], st))
    else:
        story.append(Paragraph(w["none"], st["body"]))
    if report.metrics:
        story.append(Paragraph(w["metrics"], st["h2"]))
        rows = [[L.metric_label(k, lang), L.metric_value(v)] for k, v in report.metrics.items()]
        story.append(_table(rows, [80, 40], st, header=False))
    if cover:
        story += sources_section([report], st, lang)
    return story


def sources_section(reports, st, lang) -> list:
    """The legend of the documents the findings cite, spelled out once."""
    rows = legend(reports, lang)
    return [
        Paragraph("依据的文件" if lang != "en" else "Sources cited", st["h2"]),
        _table([[k, title] for k, title in rows], [28, 142], st, header=False),
    ]


def _build(story, out: Path, font, title, *, canvasmaker=None, author: str = "bianmin"):
    """Write ``story`` on A4 atomically; the footer is the title and page number, or what
    ``canvasmaker`` (a reportlab canvas class) draws instead (the letter's 第 N 页 共 M 页)."""

    def footer(canvas, doc):
        canvas.saveState()
        canvas.setFont(font, 8)
        canvas.setFillColor(colors.grey)
        canvas.drawString(20 * MM, 10 * MM, f"{title} · bianmin")
        canvas.drawRightString((210 - 20) * MM, 10 * MM, str(doc.page))
        canvas.restoreState()

    with atomic_output(out, "wb") as fp, binary_streams():
        doc = SimpleDocTemplate(
            fp,
            pagesize=A4,
            leftMargin=20 * MM,
            rightMargin=20 * MM,
            topMargin=18 * MM,
            bottomMargin=18 * MM,
            title=title,
            author=author,
        )
        if canvasmaker is not None:
            doc.build(story, canvasmaker=canvasmaker)
        else:
            doc.build(story, onFirstPage=footer, onLaterPages=footer)


def write_plan_report(report, read, ruleset, out: Path, lang="zh") -> None:
    """The report of one plan; ``read`` (the plan as read or edited) draws it, None leaves the drawing out."""
    font, _ = chinese_font()
    _build(plan_section(report, read, ruleset, font, lang), Path(out), font, TITLE[lang])


def write_batch_report(reports, summary, ruleset, out: Path, lang="zh", *, read_plan=None) -> None:
    """The batch's PDF: the district summary, then one section per plan. ``read_plan(path)`` gives
    a plan's drawing for its figure (None leaves the figure out); the caller reads, not this module."""
    font, _ = chinese_font()
    st = _styles(font)
    w = WORDS[lang]
    story = [Paragraph(TITLE[lang], st["h1"]), Paragraph(w["summary"], st["h2"])]
    rows = [
        [w["files"], str(summary.files)],
        [L.status("pass", lang), str(summary.passed)],
        [L.status("fail", lang), str(summary.failed)],
        [L.status("unreadable", lang), str(summary.unreadable)],
        *([[L.status("not-a-plan", lang), str(summary.not_a_plan)]] if getattr(summary, "not_a_plan", 0) else []),
        [w["travel"], str(summary.travel_failures)],
        [w["ext"], str(summary.extinguisher_gaps)],
        [w["mandatory"], str(getattr(summary, "mandatory_failures", 0))],
        [w["ruleset"], ruleset["version"]],
        [w["config"], ruleset["config_sha256"]],
        [w["date"], date.today().isoformat()],
    ]
    story.append(_table(rows, [50, 120], st, header=False))
    order = {"unreadable": 0, "not-a-plan": 0, "fail": 1, "pass": 2}
    ordered = sorted(reports, key=lambda r: (order.get(r.status, 9), -r.count("error"), r.path))
    rows = [[w["file"], w["verdict"], w["errors"], w["warnings"]]]
    for r in ordered:
        rows.append(
            [
                r.path,
                Paragraph(
                    f'<font color="{STATUS_COLOUR.get(r.status)}">{L.status(r.status, lang)}</font>', st["small"]
                ),
                str(r.count("error")),
                str(r.count("warning")),
            ]
        )
    story.append(Spacer(1, 4 * MM))
    story.append(_table(rows, [110, 20, 20, 20], st))
    if summary.by_rule:
        story.append(Paragraph(w["most"], st["h2"]))
        story.append(
            _table(
                [[w["rule"], w["count"]]] + [[k, str(v)] for k, v in list(summary.by_rule.items())[:12]], [60, 30], st
            )
        )
    rates = []
    for k, target in DISTRICT_MAILBOX_TARGETS.items():
        v = summary.mailbox_rate.get(k)
        rates.append(
            [L.PROFILE[lang][k], "—" if v is None else f"{v * 100:.0f}%", f"{w['target']} {target * 100:.0f}%"]
        )
    # heading and its two rows on one page (the tryout found one row alone on an empty page 2)
    story.append(KeepTogether([Paragraph(w["mailbox"], st["h2"]), _table(rates, [60, 30, 40], st, header=False)]))
    for r in ordered:
        story.append(PageBreak())
        read = read_plan(r.path) if read_plan is not None and r.status not in ("unreadable", "not-a-plan") else None
        story += plan_section(r, read, ruleset, font, lang, cover=False)
    story += sources_section(reports, st, lang)
    _build(story, Path(out), font, TITLE[lang])
