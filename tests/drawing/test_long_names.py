"""Issue 27: a plan name of 3,000 characters ended `validate --format pdf` and `review letter` in a
reportlab LayoutError and `export report` wrote nothing; names on paper are cut (drawing/text_fit.py)."""

import pytest

from bianmin.cli.main import main
from bianmin.drawing.text_fit import NAME_LIMIT, shorten
from tests.fixtures.hostile import write_case


def test_shorten_keeps_short_text_and_says_how_long_a_cut_one_was():
    assert shorten("西关街道便民服务中心") == "西关街道便民服务中心"
    cut = shorten("长" * 3000)
    assert len(cut) <= NAME_LIMIT + 12 and "共 3000 字" in cut


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{plan}", "--format", "pdf", "-o", "{out}"],
        ["export", "report", "{plan}", "-o", "{out}"],
        ["export", "pdf", "{plan}", "-o", "{out}"],
    ],
    ids=["validate-pdf", "export-report", "export-pdf"],
)
def test_a_3000_character_plan_name_makes_a_pdf(tmp_path, args, capsys):
    pdfplumber = pytest.importorskip("pdfplumber")
    plan = write_case("name-3000-characters", tmp_path)
    out = tmp_path / "out.pdf"
    code = main([a.format(plan=plan, out=out) for a in args])
    err = capsys.readouterr().err
    assert code in (0, 1), err
    assert "LayoutError" not in err and out.stat().st_size > 1000
    with pdfplumber.open(out) as pdf:
        text = "".join(page.extract_text() or "" for page in pdf.pages[:2])
    assert "很长的便民服务中心名称" in text


def test_a_3000_character_plan_name_makes_a_review_letter(tmp_path, capsys):
    plan = write_case("name-3000-characters", tmp_path)
    db = tmp_path / "r.db"
    assert main(["review", "add", "--db", str(db), str(plan)]) in (0, 1)
    name = "很长的便民服务中心名称" * (3000 // 11 + 1)
    out = tmp_path / "letter.pdf"
    code = main(["review", "letter", "--db", str(db), name, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 0, err
    assert out.stat().st_size > 1000
