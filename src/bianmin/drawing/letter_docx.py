"""The 审查意见书 as a Word document (``review letter --format docx``): the same content as the PDF
(drawing/letter.py, from standards/report/letter_form.py), for a bureau that edits and stamps its
letters in Word or WPS.  python-docx writes it; the Chinese text is set in SimSun (宋体) through the
East Asian font slot, which Word and LibreOffice use for CJK characters (the plain font name alone
leaves them to a Latin font's fallback).
"""

from __future__ import annotations

import io
from pathlib import Path

from bianmin.geometry.atomic import atomic_output
from bianmin.standards.report.letter_form import DISCIPLINES, plain_words

from bianmin.drawing.letter import NUMERALS, TITLE, _date_zh, header_rows, ordered

BODY_FONT = "SimSun"  # 宋体: what official documents are set in
TITLE_FONT = "SimHei"  # 黑体


def _east_asian(run_or_style, name: str) -> None:
    from docx.oxml.ns import qn

    element = run_or_style.element if hasattr(run_or_style, "element") else run_or_style._element
    rpr = element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(fonts)
    for slot in ("w:eastAsia", "w:ascii", "w:hAnsi"):
        fonts.set(qn(slot), name)


def _para(doc, text: str, *, size: float = 10.5, bold: bool = False, centre: bool = False, font: str = BODY_FONT):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc.add_paragraph()
    if centre:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run(text)
    run.font.size = Pt(size)
    run.bold = bold
    _east_asian(run, font)
    return p


def _table(doc, rows, widths_mm, *, header: bool = True):
    from docx.shared import Mm, Pt

    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            cell = table.cell(i, j)
            cell.width = Mm(widths_mm[j])
            cell.text = ""
            run = cell.paragraphs[0].add_run(str(value))
            run.font.size = Pt(9)
            run.bold = header and i == 0
            _east_asian(run, BODY_FONT)
    return table


def letter_document(data: dict):
    """The letter as a python-docx Document."""
    from docx import Document
    from docx.shared import Mm

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)
    section.left_margin = section.right_margin = Mm(20)
    section.top_margin = section.bottom_margin = Mm(18)
    _east_asian(doc.styles["Normal"], BODY_FONT)
    form = data["form"]
    header = data.get("header") or {}
    bureau = data.get("bureau") or header.get("agency") or "区行政审批局"
    _para(doc, bureau, size=20, bold=True, centre=True, font=TITLE_FONT)
    for line in str(data.get("letterhead") or "").splitlines():
        _para(doc, line, size=9, centre=True)
    _para(doc, TITLE, size=16, bold=True, centre=True, font=TITLE_FONT)
    _table(
        doc,
        header_rows(data),
        [28, 142],
        header=False,
    )
    _para(doc, "一、审查依据", size=12, bold=True, font=TITLE_FONT)
    for k, line in enumerate(form.basis, 1):
        _para(doc, f"{k}. {line}")
    _para(doc, "二、审查结论", size=12, bold=True, font=TITLE_FONT)
    _para(doc, data.get("conclusion") or data["verdict"], size=16, bold=True)
    opinions = form.opinions
    must = sum(o.action == "必须修改" for o in opinions)
    strong = sum(o.mandatory and o.action == "必须修改" for o in opinions)
    _para(
        doc,
        f"本轮审查意见共 {len(opinions)} 条，其中必须修改 {must} 条（涉及强制性条文 {strong} 条）、"
        f"建议修改 {len(opinions) - must} 条；已豁免 {len(data['waived'])} 条，较上一轮已改正 {len(data['fixed'])} 条。",
    )
    _para(doc, "三、审查意见", size=12, bold=True, font=TITLE_FONT)
    if not opinions:
        _para(doc, "无。")
    for k, discipline in enumerate(DISCIPLINES):
        mine = form.disciplines.get(discipline)
        if not mine:
            continue
        _para(doc, f"（{NUMERALS[k]}）{discipline}", bold=True)
        rows = [["序号", "位置", "审查意见", "依据", "处理"]]
        for o in mine:
            rows.append(
                [str(o.number), o.where or "—", o.text, ("【强条】" if o.mandatory else "") + o.clause, o.action]
            )
        _table(doc, rows, [10, 20, 90, 32, 18])
    previous = data.get("previous_form")
    part = 4
    if previous is not None and previous.opinions:
        _para(doc, "四、上一轮意见的回复与复核", size=12, bold=True, font=TITLE_FONT)
        rows = [["编号", "意见", "回复", "复核"]]
        for o in previous.opinions:
            rows.append([f"{o.discipline} {o.number}", o.text, o.reply or "（未回复）", o.recheck])
        _table(doc, rows, [18, 70, 62, 20])
        part = 5
    _para(doc, f"{NUMERALS[part - 1]}、已豁免的问题", size=12, bold=True, font=TITLE_FONT)
    if data["waived"]:
        rows = [["问题", "豁免理由", "审查人", "日期"]]
        rows += [[plain_words(f.message), w["reason"], w["reviewer"], _date_zh(w["at"])] for f, w in data["waived"]]
        _table(doc, rows, [80, 50, 20, 20])
    else:
        _para(doc, "无。")
    _para(doc, f"{NUMERALS[part]}、较上一轮已改正的问题", size=12, bold=True, font=TITLE_FONT)
    if data["fixed"]:
        _table(doc, [["问题（上一轮）"]] + [[plain_words(f.message)] for f in ordered(data["fixed"])], [170])
    else:
        _para(doc, "无（首轮报审或上一轮问题均仍存在）。" if data["round"] > 1 else "无（首轮报审）。")
    _para(doc, f"{NUMERALS[part + 1]}、审查人员", size=12, bold=True, font=TITLE_FONT)
    used = [d for d in DISCIPLINES if form.disciplines.get(d)] or list(DISCIPLINES)
    rows = [["专业", "审查人", "审定人", "日期"]] + [
        [d, data.get("reviewer") or "", "", "　　年　　月　　日"] for d in used
    ]
    _table(doc, rows, [30, 45, 45, 50])
    _para(doc, f"（{bureau}　盖章）　　{data.get('date_zh') or ''}")
    if form.appendix:
        _para(doc, "附：意见编号与校验规则编号对照（供核对程序报告）", size=7)
        _para(doc, "；".join(f"{n} → {rule}" for n, rule in form.appendix), size=7)
    return doc


def write_letter_docx(data: dict, read, out: Path) -> None:
    """Write the letter as .docx (``read`` is unused: Word gets no thumbnail, the PDF has it)."""
    buffer = io.BytesIO()
    letter_document(data).save(buffer)
    with atomic_output(Path(out), "wb") as fp:
        fp.write(buffer.getvalue())
