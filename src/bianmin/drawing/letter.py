"""The bureau's review opinion letter (审查意见书): ``bianmin review letter NAME -o LETTER.pdf``.

A4, the Chinese font embedded.  The letterhead (the bureau's name and text from the config's
[review] section), the plan, round and date, the conclusion (同意 / 修改后重新报审), the open
findings grouped by rule with their clause and measured against required value and a plan
thumbnail with numbered markers, the waived findings with their reasons, what was fixed since
the last round, and the sign-off lines.  It prints data it is given; it never runs the checks.
Every text that comes from a drawing or the database is escaped before reportlab sees it.
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.platypus import HRFlowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from bianmin.standards.findings import SEVERITY_RANK
from bianmin.standards.report import labels as L

from bianmin.drawing.fonts import chinese_font
from bianmin.drawing.paper import MM
from bianmin.drawing.report import PlanFigure, _build, _styles, _table
from bianmin.drawing.text_fit import shorten

TITLE = "审查意见书"
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
    story: list = []
    story.append(Paragraph(escape(data.get("bureau") or "区行政审批局"), head))
    if data.get("letterhead"):
        for line in str(data["letterhead"]).splitlines():
            story.append(Paragraph(escape(line), sub))
    story.append(HRFlowable(width="100%", thickness=1.6, color=colors.HexColor("#b00020"), spaceBefore=4, spaceAfter=2))
    story.append(Paragraph(TITLE, title))
    word, colour = CONCLUSION.get(data["verdict"], (data["verdict"], "#000000"))
    rows = [
        ["图纸名称", shorten(data["name"])],
        ["报审轮次", f"第 {data['round']} 轮"],
        ["报审文件", f"{data['filename']}（SHA-256 {data['sha256'][:16]}…）"],
        ["报审时间", data["submitted"]],
        ["规则集 / 配置", f"{data['ruleset']} / {data['config_sha256'][:16]}…"],
        ["日期", data["date"]],
    ]
    story.append(_table(rows, [32, 138], st, header=False))
    story.append(Spacer(1, 3 * MM))
    story.append(Paragraph(f'审查结论：<font color="{colour}"><b>{escape(word)}</b></font>', st["verdict"]))
    open_ = ordered(data["open"])
    errors = sum(f.severity == "error" for f in open_)
    summary = (
        f"本轮共有 {len(open_)} 项未豁免的问题（其中错误 {errors} 项），已豁免 {len(data['waived'])} 项，"
        f"较上一轮已改正 {len(data['fixed'])} 项。"
    )
    story.append(Paragraph(summary, st["body"]))

    story.append(Paragraph("一、需修改的问题", st["h2"]))
    if open_:
        if read is not None and read.plan.hall is not None:
            story.append(PlanFigure(read, open_, font, 170, 95))
            story.append(Paragraph("平面图中圆圈内的数字对应下列问题的序号。", st["small"]))
            story.append(Spacer(1, 2 * MM))
        n = 0
        by_rule: dict[str, list] = {}
        for f in open_:
            by_rule.setdefault(f.rule, []).append(f)
        for rule, members in by_rule.items():
            sev = members[0].severity
            heading = Paragraph(
                f'<b>{escape(rule)}</b>　<font color="#555555">{escape(members[0].source or "")}</font>'
                f"　{escape(L.severity(sev, 'zh'))}",
                st["body"],
            )
            figures = any(f.measured not in (None, "") or f.limit not in (None, "") for f in members)
            rows = [["序号", "问题", "实测", "要求"] if figures else ["序号", "问题（含实测值与要求）"]]
            for f in members:
                n += 1
                row = [str(n), f.message]
                rows.append(row + [_figure(f.measured, f.unit), _figure(f.limit, f.unit)] if figures else row)
            widths = [12, 108, 25, 25] if figures else [12, 158]
            story.append(KeepTogether([Spacer(1, 2 * MM), heading, _table(rows, widths, st)]))
    else:
        story.append(Paragraph("无。", st["body"]))

    story.append(Paragraph("二、已豁免的问题", st["h2"]))
    if data["waived"]:
        rows = [["规则", "问题", "豁免理由", "审查人 / 时间"]]
        for f, w in data["waived"]:
            rows.append([f.rule, f.message, w["reason"], f"{w['reviewer']} {str(w['at'])[:10]}"])
        story.append(_table(rows, [28, 70, 44, 28], st))
    else:
        story.append(Paragraph("无。", st["body"]))

    story.append(Paragraph("三、较上一轮已改正的问题", st["h2"]))
    if data["fixed"]:
        rows = [["规则", "问题（上一轮）"]] + [[f.rule, f.message] for f in ordered(data["fixed"])]
        story.append(_table(rows, [34, 136], st))
        last = []
    else:
        # a short last section goes with the signatures: they stood alone on a page (tryout)
        last = [
            story.pop(),
            Paragraph("无（首轮报审或上一轮问题均仍存在）。" if data["round"] > 1 else "无（首轮报审）。", st["body"]),
        ]

    last.append(Spacer(1, 14 * MM))
    reviewer = escape(data.get("reviewer") or "")
    sign = Table(
        [
            [
                Paragraph(f"审查人：{reviewer or '＿＿＿＿＿＿'}", st["body"]),
                Paragraph("复核人：＿＿＿＿＿＿", st["body"]),
                Paragraph("日期：＿＿＿＿年＿＿月＿＿日", st["body"]),
            ]
        ],
        colWidths=[52 * MM, 52 * MM, 66 * MM],
    )
    sign.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "BOTTOM")]))
    last += [sign, Spacer(1, 6 * MM), Paragraph(f"（{escape(data.get('bureau') or '审批局')}　盖章）", st["body"])]
    story.append(KeepTogether(last))
    return story


def write_letter(data: dict, read, out: Path) -> None:
    """Write the letter; ``read`` (the submitted plan as read) draws the thumbnail, None leaves it out."""
    font, _ = chinese_font()
    _build(letter_story(data, read, font), Path(out), font, f"{TITLE} · {shorten(data['name'], 60)}")
