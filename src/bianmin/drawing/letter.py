"""The bureau's review opinion letter (审查意见书): ``bianmin review letter NAME -o LETTER.pdf``.

A4, the Chinese font embedded, in the form a bureau sends (issue 23): the letterhead; a header
with 审查机构, 建设单位, 设计单位, project name and address; 审查依据 (every code cited, with full
title and edition); 审查结论; the opinions numbered within disciplines (建筑 / 消防 / 无障碍 /
功能布置 / 标识), each with where, what against what is required, its clause, 【强条】 and 必须修改
or 建议修改, and a plan thumbnail with numbered markers; the street office's replies to the last
round with 复核; waived and fixed items; a signature block per discipline; dates as 2026年12月5日;
"第 1 页 共 3 页"; rule ids only in a small appendix.  The content is review/letter_form.py's; this
module only prints it, and never runs the checks.  Every text from a drawing or the database is
escaped before reportlab sees it.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer, TableStyle

from bianmin.standards.findings import SEVERITY_RANK
from bianmin.standards.report import labels as L

from bianmin.drawing.fonts import chinese_font
from bianmin.drawing.paper import MM
from bianmin.drawing.report import PlanFigure, _build, _styles, _table
from bianmin.standards.report.letter_form import DISCIPLINES, plain_words
from bianmin.drawing.text_fit import shorten

TITLE = "便民服务中心平面布置审查意见书"
_V = L.REVIEW_VERDICT["zh"]
CONCLUSION = {  # the verdict words of standards/report/labels.py, with the letter's reason for a refusal
    "pass": (_V["pass"], L.VERDICT_COLOUR["pass"]),
    "fail": (_V["fail"], L.VERDICT_COLOUR["fail"]),
    "unreadable": (f"{_V['fail']}（图纸无法读取）", L.VERDICT_COLOUR["fail"]),
    "not-a-plan": (f"{_V['fail']}（不是按约定绘制的平面图）", L.VERDICT_COLOUR["fail"]),
}


# the findings' units (English in the JSON, for machines) as the letter, a Chinese official
# document, says them; counts of what is missing read "缺 5 台", so that 要求 "缺 0 台" is not
# read backwards (the tryout found "5 devices | 0 devices" in the 实测/要求 columns)
UNIT_WORDS = {
    "objects": ("", " 个"),
    "windows": ("", " 个窗口"),
    "units": ("", " 个"),
    "seats": ("", " 个座位"),
    "exits": ("", " 个出口"),
    "counters": ("", " 个柜台"),
    "zones": ("", " 个分区"),
    "points": ("", " 处"),
    "lights": ("", " 盏"),
    "cameras": ("", " 台"),
    "call points": ("", " 个"),
    "h": ("", " 小时"),
    "floor": ("第 ", " 层"),
    "devices": ("缺 ", " 台"),
    "missing": ("缺 ", " 项"),
}


def _figure(value, unit: str) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, (list, tuple)) and len(value) == 2:  # a range
        return f"{_figure(value[0], '')}–{_figure(value[1], unit)}"
    if isinstance(value, float):
        value = f"{value:.2f}".rstrip("0").rstrip(".")
    if unit in UNIT_WORDS:
        before, after = UNIT_WORDS[unit]
        return f"{before}{value}{after}"
    return f"{value} {unit}".strip()


def ordered(findings) -> list:
    """Open findings as the letter numbers them: errors first, grouped by rule."""
    return sorted(findings, key=lambda f: (SEVERITY_RANK.get(f.severity, 9), f.rule))


def letter_story(data: dict, read, font) -> list:
    st = _styles(font)
    centre = dict(alignment=1)
    from reportlab.lib.styles import ParagraphStyle

    head = ParagraphStyle(
        "bureau", parent=st["h1"], fontSize=20, leading=26, textColor=colors.HexColor("#b00020"), spaceAfter=2, **centre
    )
    sub = ParagraphStyle("lh", parent=st["small"], **centre)
    title = ParagraphStyle("title", parent=st["h1"], fontSize=18, leading=24, spaceBefore=8, **centre)
    tiny = ParagraphStyle("tiny", parent=st["small"], fontSize=7, leading=9, textColor=colors.HexColor("#555555"))
    form = data["form"]
    header = data.get("header") or {}
    story: list = []
    story.append(Paragraph(escape(data.get("bureau") or header.get("agency") or "区行政审批局"), head))
    if data.get("letterhead"):
        for line in str(data["letterhead"]).splitlines():
            story.append(Paragraph(escape(line), sub))
    story.append(HRFlowable(width="100%", thickness=1.6, color=colors.HexColor("#b00020"), spaceBefore=4, spaceAfter=2))
    story.append(Paragraph(TITLE, title))
    story.append(_table(header_rows(data), [28, 142], st, header=False))

    story.append(Paragraph("一、审查依据", st["h2"]))
    for k, line in enumerate(form.basis, 1):
        story.append(Paragraph(f"{k}. {escape(line)}", st["body"]))

    word = data.get("conclusion") or data["verdict"]
    colour = L.VERDICT_COLOUR.get("pass" if data["verdict"] == "pass" else "fail", "#000000")
    story.append(Paragraph("二、审查结论", st["h2"]))
    story.append(Paragraph(f'<font color="{colour}"><b>{escape(word)}</b></font>', st["verdict"]))
    opinions = form.opinions
    must = sum(o.action == "必须修改" for o in opinions)
    strong = sum(o.mandatory and o.action == "必须修改" for o in opinions)
    story.append(
        Paragraph(
            f"本轮审查意见共 {len(opinions)} 条，其中必须修改 {must} 条（涉及强制性条文 {strong} 条）、"
            f"建议修改 {len(opinions) - must} 条；已豁免 {len(data['waived'])} 条，较上一轮已改正 {len(data['fixed'])} 条。",
            st["body"],
        )
    )

    story.append(Paragraph("三、审查意见", st["h2"]))
    if opinions:
        if read is not None and read.plan.hall is not None:
            by_print = {f.fingerprint: f for f in data["open"]}
            in_order = [by_print[o.fingerprint] for o in opinions if o.fingerprint in by_print]
            story.append(PlanFigure(read, in_order, font, 170, 90))
            story.append(Paragraph("平面图中圆圈内的数字为下表“图号”。", st["small"]))
        figure_no = 0
        for k, discipline in enumerate(DISCIPLINES):
            mine = form.disciplines.get(discipline)
            if not mine:
                continue
            rows = [["序号", "图号", "位置", "审查意见", "依据", "处理"]]
            for o in mine:
                figure_no += 1
                basis = ("【强条】" if o.mandatory else "") + o.clause
                rows.append([str(o.number), str(figure_no), o.where or "—", o.text, basis, o.action])
            heading = Paragraph(f"（{NUMERALS[k]}）{discipline}", st["body"])
            story.append(KeepTogether([Spacer(1, 2 * MM), heading, _table(rows, [10, 10, 18, 84, 30, 18], st)]))
    else:
        story.append(Paragraph("无。", st["body"]))

    previous = data.get("previous_form")
    if previous is not None and previous.opinions:
        story.append(Paragraph("四、上一轮意见的回复与复核", st["h2"]))
        rows = [["编号", "意见", "回复", "复核"]]
        for o in previous.opinions:
            rows.append([f"{o.discipline} {o.number}", o.text, o.reply or "（未回复）", o.recheck])
        story.append(_table(rows, [18, 70, 62, 20], st))
    part = 5 if previous is not None and previous.opinions else 4

    story.append(Paragraph(f"{NUMERALS_BIG[part - 1]}、已豁免的问题", st["h2"]))
    if data["waived"]:
        rows = [["问题", "豁免理由", "审查人", "日期"]]
        for f, w in data["waived"]:
            rows.append([plain_words(f.message), w["reason"], w["reviewer"], _date_zh(w["at"])])
        story.append(_table(rows, [80, 50, 20, 20], st))
    else:
        story.append(Paragraph("无。", st["body"]))

    story.append(Paragraph(f"{NUMERALS_BIG[part]}、较上一轮已改正的问题", st["h2"]))
    if data["fixed"]:
        rows = [["问题（上一轮）"]] + [[plain_words(f.message)] for f in ordered(data["fixed"])]
        story.append(_table(rows, [170], st))
    else:
        story.append(
            Paragraph("无（首轮报审或上一轮问题均仍存在）。" if data["round"] > 1 else "无（首轮报审）。", st["body"])
        )

    # a signature block per discipline that has opinions (all five when there are none)
    used = [d for d in DISCIPLINES if form.disciplines.get(d)] or list(DISCIPLINES)
    reviewer = data.get("reviewer") or ""
    rows = [["专业", "审查人", "审定人", "日期"]]
    for d in used:
        rows.append([d, reviewer or "", "", "　　年　　月　　日"])
    sign = _table(rows, [30, 45, 45, 50], st)
    sign.setStyle(
        TableStyle([("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white]), ("TOPPADDING", (0, 1), (-1, -1), 9)])
    )
    last = [
        Paragraph(f"{NUMERALS_BIG[part + 1]}、审查人员", st["h2"]),
        sign,
        Spacer(1, 6 * MM),
        Paragraph(
            f"（{escape(data.get('bureau') or header.get('agency') or '审批局')}　盖章）　　{escape(data.get('date_zh') or '')}",
            st["body"],
        ),
    ]
    story.append(KeepTogether(last))
    if form.appendix:
        story.append(Spacer(1, 6 * MM))
        story.append(Paragraph("附：意见编号与校验规则编号对照（供核对程序报告）", tiny))
        pairs = "；".join(f"{n} → {rule}" for n, rule in form.appendix)
        story.append(Paragraph(escape(shorten(pairs, 2000)), tiny))
    return story


def header_rows(data: dict) -> list[list[str]]:
    """The letter's header table (PDF and Word alike): who reviews, for whom, what, when."""
    header = data.get("header") or {}
    blank = "＿＿＿＿＿＿＿＿＿＿"
    return [
        ["审查机构", header.get("agency") or data.get("bureau") or blank],
        ["建设单位", header.get("builder") or blank],
        ["设计单位", header.get("design_org") or blank],
        ["项目名称", shorten(header.get("project") or data["name"])],
        ["项目地址", header.get("address") or blank],
        ["报审图纸", f"{shorten(data['filename'], 80)}（第 {data['round']} 轮报审）"],
        ["日期", data.get("date_zh") or data["date"]],
    ]


NUMERALS = "一二三四五六七八九十"
NUMERALS_BIG = "一二三四五六七八九十"


def _date_zh(text) -> str:
    """An ISO time from the database as 2026年12月5日."""
    try:
        from datetime import datetime

        day = datetime.fromisoformat(str(text)).astimezone()
        return f"{day.year}年{day.month}月{day.day}日"
    except (TypeError, ValueError):
        return str(text)[:10]


def _page_footer(font, title):
    """A canvas class that prints "第 N 页 共 M 页" (the total known only after the last page)."""
    from reportlab.pdfgen import canvas as rl_canvas

    class Numbered(rl_canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._pages: list[dict] = []

        def showPage(self):  # noqa: N802 - reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self.saveState()
                self.setFont(font, 8)
                self.setFillColor(colors.grey)
                self.drawString(20 * MM, 10 * MM, title)
                self.drawRightString((210 - 20) * MM, 10 * MM, f"第 {self._pageNumber} 页 共 {total} 页")
                self.restoreState()
                super().showPage()
            super().save()

    return Numbered


def write_letter(data: dict, read, out: Path) -> None:
    """Write the letter; ``read`` (the submitted plan as read) draws the thumbnail, None leaves it out."""
    font, _ = chinese_font()
    title = f"{TITLE} · {shorten(data['name'], 60)}"
    _build(
        letter_story(data, read, font),
        Path(out),
        font,
        title,
        canvasmaker=_page_footer(font, title),
        author=data.get("bureau") or "bianmin",
    )
