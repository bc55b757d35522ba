"""The 审查意见书 in a bureau's form (issue 23): disciplines, 强条, 必须/建议修改, words not program
names, header fields remembered, replies and 复核, the Word version."""

import csv
import shutil

import pytest

from bianmin.cli.main import main
from bianmin.standards.findings import Finding
from bianmin.standards.report.letter_form import chinese_date, discipline, form, plain_words, where

NAME = "西安市新城区长乐西路街道便民服务中心"
PLAN = "samples/changlexi-small-hall.dxf"


def test_rules_fall_into_the_five_disciplines():
    assert discipline("EVAC-TRAVEL") == "消防" and discipline("FIRE-EVAC-SIGN") == "消防"
    assert discipline("ACC-ROUTE") == "无障碍" and discipline("HALL-AREA") == "建筑"
    assert discipline("CNTR-DEPTH") == "功能布置" and discipline("SIGN-GUIDE") == "标识"


def test_opinions_are_numbered_within_disciplines_with_action_and_mandatory_mark():
    findings = [
        Finding("SIGN-GUIDE", "warning", "缺少 BM_SIGN_GUIDE", "", "XA 五(二)"),
        Finding("EVAC-TRAVEL", "error", "疏散距离 30 m", "", "GB 55037-2022 7.1.x", mandatory=True),
        Finding("EVAC-EXIT-COUNT", "error", "只有 1 个出口", "", "GB 55037 7.4.2", mandatory=True),
    ]
    letter = form(findings)
    fire = letter.disciplines["消防"]
    assert [o.number for o in fire] == [1, 2] and all(o.mandatory and o.action == "必须修改" for o in fire)
    sign = letter.disciplines["标识"][0]
    assert sign.number == 1 and sign.action == "建议修改" and "导引牌" in sign.text and "BM_" not in sign.text
    assert any("GB 55037—2022" in line and "建筑防火通用规范" in line for line in letter.basis)
    assert any("西安市基层便民服务中心" in line for line in letter.basis)  # XA spelled out


def test_program_words_are_left_out_of_official_text():
    assert "TYPE=" not in plain_words("请把一个窗口设为低位窗口（TYPE=accessible）")
    assert "BM_CENTRE_AREA_M2" not in plain_words("未填中心面积 BM_CENTRE_AREA_M2")


def test_where_is_said_in_words_and_dates_in_chinese():
    from datetime import date

    assert where((9000, 9000), (0, 0, 10000, 10000)) == "大厅东北部"
    assert where((5000, 5000), (0, 0, 10000, 10000)) == "大厅中部"
    assert chinese_date(date(2026, 12, 5)) == "2026年12月5日"


@pytest.fixture
def reviewed(root, tmp_path, capsys):
    db = tmp_path / "r.db"
    plan = tmp_path / "round1.dxf"
    shutil.copy(root / PLAN, plan)
    assert main(["review", "add", "--db", str(db), str(plan)]) == 1
    capsys.readouterr()
    return db, plan


def test_header_fields_are_remembered_for_the_next_letter(reviewed, tmp_path, capsys):
    pdfplumber = pytest.importorskip("pdfplumber")
    db, _ = reviewed
    first = tmp_path / "1.pdf"
    assert main(["review", "letter", NAME, "-o", str(first), "--db", str(db), "--builder", "长乐西路街道办事处"]) == 0
    again = tmp_path / "2.pdf"
    assert main(["review", "letter", NAME, "-o", str(again), "--db", str(db)]) == 0
    with pdfplumber.open(again) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "长乐西路街道办事处" in text and "必须修改" in text and "【强条】" in text
    assert "（一）建筑" in text.replace("\n", "") and "第 1 页 共" in text


def test_replies_round_trip_into_the_next_letter(reviewed, tmp_path, capsys):
    pdfplumber = pytest.importorskip("pdfplumber")
    db, plan = reviewed
    sheet = tmp_path / "reply.csv"
    assert (
        main(["review", "letter", NAME, "-o", str(tmp_path / "l1.pdf"), "--db", str(db), "--reply-sheet", str(sheet)])
        == 0
    )
    rows = list(csv.reader(sheet.open(encoding="utf-8-sig")))
    assert rows[0] == ["意见编号", "审查意见", "回复"] and len(rows) > 2
    rows[1][2] = "已补充中心面积说明"
    with sheet.open("w", encoding="utf-8-sig", newline="") as fp:
        csv.writer(fp).writerows(rows)
    assert main(["review", "reply", "--db", str(db), NAME, "--round", "1", str(sheet)]) == 0
    second = tmp_path / "round2.dxf"
    second.write_bytes(b"999\nround 2\n" + plan.read_bytes())
    capsys.readouterr()
    main(["review", "add", "--db", str(db), str(second)])
    letter = tmp_path / "l2.pdf"
    assert main(["review", "letter", NAME, "-o", str(letter), "--db", str(db)]) == 0
    with pdfplumber.open(letter) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
    assert "上一轮意见的回复与复核" in text and "已补充中心面积说明" in text and "已说明" in text and "未修改" in text


def test_a_reply_to_an_opinion_the_letter_never_had_is_refused(reviewed, tmp_path, capsys):
    db, _ = reviewed
    sheet = tmp_path / "reply.csv"
    sheet.write_text("意见编号,审查意见,回复\n消防 99,x,y\n", encoding="utf-8")
    assert main(["review", "reply", "--db", str(db), NAME, "--round", "1", str(sheet)]) == 2
    assert "消防 99" in capsys.readouterr().err


def test_the_letter_in_word_reads_back_with_chinese_fonts(reviewed, tmp_path):
    docx = pytest.importorskip("docx")
    db, _ = reviewed
    out = tmp_path / "意见书.docx"
    assert main(["review", "letter", NAME, "-o", str(out), "--db", str(db)]) == 0
    document = docx.Document(str(out))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "审查依据" in text and "修改后重新报审" in text
    assert "必须修改" in cells and "【强条】" in cells and "BM_" not in cells
    from docx.oxml.ns import qn

    fonts = document.styles["Normal"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:eastAsia")) == "SimSun"


def test_the_word_letter_opens_in_libreoffice(reviewed, tmp_path):
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed here")
    db, _ = reviewed
    out = tmp_path / "letter.docx"
    assert main(["review", "letter", NAME, "-o", str(out), "--db", str(db)]) == 0
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)], check=True, timeout=180
    )
    import pdfplumber

    with pdfplumber.open(tmp_path / "letter.pdf") as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "审查意见书" in text


def test_diff_marks_each_earlier_opinion_fixed_unchanged_or_explained(reviewed, tmp_path, capsys):
    import json

    db, plan = reviewed
    sheet = tmp_path / "reply.csv"
    assert (
        main(["review", "letter", NAME, "-o", str(tmp_path / "l1.pdf"), "--db", str(db), "--reply-sheet", str(sheet)])
        == 0
    )
    rows = list(csv.reader(sheet.open(encoding="utf-8-sig")))
    rows[1][2] = "已说明理由"
    with sheet.open("w", encoding="utf-8-sig", newline="") as fp:
        csv.writer(fp).writerows(rows)
    assert main(["review", "reply", "--db", str(db), NAME, "--round", "1", str(sheet)]) == 0
    second = tmp_path / "round2.dxf"
    second.write_bytes(b"999\nround 2\n" + plan.read_bytes())
    main(["review", "add", "--db", str(db), str(second)])
    capsys.readouterr()
    main(["review", "diff", "--db", str(db), NAME, "--format", "json"])
    marks = {m["opinion"]: m["recheck"] for m in json.loads(capsys.readouterr().out)["opinions"]}
    assert marks[rows[1][0]] == "已说明"
    assert set(marks.values()) <= {"已修改", "未修改", "已说明"} and "未修改" in marks.values()
