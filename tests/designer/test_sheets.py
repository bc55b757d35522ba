"""The PDF sheets, read back: page size, true scale, fonts, title block, findings."""

import pdfplumber
import pytest
from pypdf import PdfReader

from bianmin.drawing.drawing import export_drawing
from bianmin.drawing.paper import MM, SheetError
from bianmin.standards import RULESET_VERSION
from bianmin.cli.main import main

HALL_WIDTH_PT = 0.7 * MM  # the hall outline's line weight (style.LINE_MM["hall"])


def page_mm(page):
    return float(page.width) / MM, float(page.height) / MM


def hall_extent_mm(page):
    """Extent of the strokes at the hall's line weight inside the drawing area.

    The title block's outer line has the same weight (GB/T 50001: 0.7 mm), so only
    strokes above the title block and left of the side panel count.
    """
    from bianmin.drawing.furniture import layout_sheet

    width, height = page_mm(page)
    lay = layout_sheet(width, height)
    x0, y0, x1, y1 = lay.area
    xs, ys = [], []
    for obj in page.curves + page.lines + page.rects:
        inside = float(obj["x1"]) <= x1 * MM and float(obj["bottom"]) <= (height - y0) * MM
        if (
            inside
            and obj.get("stroke")
            and abs(float(obj.get("linewidth") or 0) - HALL_WIDTH_PT) < 0.01
            and tuple(obj.get("stroking_color") or ()) in ((0,), (0, 0, 0), (0.0, 0.0, 0.0))
        ):
            for x, y in obj.get("pts", []):
                xs.append(float(x))
                ys.append(float(y))
    assert xs, "no hall outline found on the page"
    return (max(xs) - min(xs)) / MM, (max(ys) - min(ys)) / MM


def text_of(path):
    return "\n".join(p.extract_text() or "" for p in PdfReader(str(path)).pages)


@pytest.mark.parametrize("paper,orientation,size", [("A3", "landscape", (420, 297)), ("A2", "portrait", (420, 594))])
def test_true_scale_on_paper(root, tmp_path, paper, orientation, size):
    out = tmp_path / "set.pdf"
    used = export_drawing(
        root / "src" / "bianmin" / "templates" / "street-center.dxf",
        out,
        paper=paper,
        orientation=orientation,
        scale="100",
    )
    assert used == 100
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[0]
        assert page_mm(page) == pytest.approx(size, abs=0.5)
        width, depth = hall_extent_mm(page)
    # a 20 m wall is 200 mm at 1:100; the 12.5 m side 125 mm
    assert width == pytest.approx(200.0, abs=0.2)
    assert depth == pytest.approx(125.0, abs=0.2)


def test_auto_scale_is_the_largest_that_fits(root, tmp_path):
    out = tmp_path / "auto.pdf"
    assert (
        export_drawing(root / "src" / "bianmin" / "templates" / "street-center.dxf", out, paper="A3", scale="auto")
        == 100
    )
    assert (
        export_drawing(root / "src" / "bianmin" / "templates" / "community-station.dxf", out, paper="A3", scale="auto")
        == 75
    )
    with pdfplumber.open(out) as pdf:
        width, _ = hall_extent_mm(pdf.pages[0])
    assert width == pytest.approx(10000 / 75, abs=0.2)


def test_too_big_for_the_paper_names_a_scale_that_fits(root, tmp_path):
    # A4 landscape with the legend beside the plan leaves 180 x 148 mm: the 26 x 18.5 m extent fits at 1:150
    with pytest.raises(SheetError, match="1:150"):
        export_drawing(
            root / "src" / "bianmin" / "templates" / "street-center.dxf", tmp_path / "x.pdf", paper="A4", scale="100"
        )
    assert not (tmp_path / "x.pdf").exists(), "no clipped drawing is written"
    code = main(
        [
            "export",
            "pdf",
            str(root / "src" / "bianmin" / "templates" / "street-center.dxf"),
            "-o",
            str(tmp_path / "x.pdf"),
            "--paper",
            "A4",
            "--scale",
            "100",
        ]
    )
    assert code == 2


def test_chinese_font_embedded_and_title_block(root, tmp_path):
    out = tmp_path / "set.pdf"
    export_drawing(
        root / "samples" / "xiyilu-street-center.dxf",
        out,
        scale="100",
        drawing_no="BM-07",
        designer="张工",
        checker="李工",
        approver="王处",
    )
    reader = PdfReader(str(out))
    fonts = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            desc = (descendants[0].get_object() if descendants else font).get("/FontDescriptor")
            fonts[str(font["/BaseFont"])] = desc.get_object() if desc else None
    embedded = [
        name for name, desc in fonts.items() if desc is not None and ("/FontFile2" in desc or "/FontFile3" in desc)
    ]
    assert embedded, f"no embedded font among {list(fonts)}"
    text = text_of(out)
    for words in (
        "项目名称",
        "西安市新城区西一路街道便民服务中心",
        "便民服务中心平面布置图",
        "1:100",
        "BM-07",
        "张工",
        "李工",
        "王处",
        "设计",
        "校对",
        "审核",
        "图例",
        "服务等候区",
        "设施一览表",
        "窗口一览表",
        "低位/无障碍窗口",
    ):
        assert words in text, words


def test_report_lists_findings_errors_first(root, tmp_path):
    out = tmp_path / "report.pdf"
    from unittest import mock

    from bianmin.geometry.dxf import read as dxf_read
    from bianmin.cli.main import main

    with mock.patch.object(dxf_read, "load_document", wraps=dxf_read.load_document) as loads:
        assert main(["export", "report", str(root / "samples" / "hansenzhai-missing-signs.dxf"), "-o", str(out)]) == 0
    assert loads.call_count == 1, "the plan is read once for its check report"
    text = text_of(out)
    assert "依据的文件" in text and "西安市基层便民服务中心" in text  # the legend of sources
    assert "未通过" in text and RULESET_VERSION in text
    for rule in ("SIGN-HOURS", "SIGN-GUIDE", "SIGN-FLOORPLAN", "SIGN-HOURS-MIN", "SIGN-COMPLAINT"):
        assert rule in text
    assert text.index("SIGN-HOURS-MIN") < text.index("SIGN-COMPLAINT"), "errors before warnings"
    assert "XA 五(一)" in text


def test_batch_pdf_report(root, tmp_path):
    out = tmp_path / "batch.pdf"
    code = main(["validate", str(root / "samples"), "--format", "pdf", "-o", str(out), "--jobs", "1"])
    assert code == 2  # the samples hold an unreadable file
    reader = PdfReader(str(out))
    assert len(reader.pages) > 5
    first = reader.pages[0].extract_text()
    assert "汇总" in first and "无法读取" in first
    assert "submitted-as-pdf.dxf" in text_of(out)


def test_export_does_not_import_qt(root, tmp_path):
    import subprocess
    import sys

    code = (
        "import sys; from bianmin.cli.main import main; "
        f"assert main(['export', 'pdf', {str(root / 'src' / 'bianmin' / 'templates' / 'street-center.dxf')!r}, '-o', "
        f"{str(tmp_path / 'q.pdf')!r}]) == 0; "
        "assert not [m for m in sys.modules if m.startswith('PyQt6')], 'PyQt6 imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
