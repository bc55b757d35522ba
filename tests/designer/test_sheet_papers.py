"""The drawing set on every paper A0-A4, landscape and portrait, read back from the PDF.

For a sample plan with many kinds of objects and a plan with 90 counters (the window list
must flow over several sheets): every word stays inside the frame, every schedule row is on
some page, no two words of a schedule overlap (tables used to run into each other on A4), the
legend is on the plan sheet and names every symbol the plan shows, and the zone and exit
labels are not covered by anything else written on the plan.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
from dataclasses import replace

import pdfplumber
import pytest

from bianmin.drawing.drawing import write_drawing
from bianmin.drawing.furniture import layout_sheet
from bianmin.drawing.labels import place_labels
from bianmin.drawing.paper import MM, PAPER_MM
from bianmin.drawing.style import LABELS
from bianmin.geometry.catalog import BLOCKS
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.model import PlacedObject
from ..conftest import ROOT

PAPERS = [(p, o) for p in PAPER_MM for o in ("landscape", "portrait")]
EXIT_WORDS = {"主入口", "安全出口"}


@pytest.fixture(scope="module")
def sample():
    return read_plan(ROOT / "samples" / "xiyilu-street-center.dxf")


@pytest.fixture(scope="module")
def many_counters():
    """The street-centre template with 90 numbered counters added in a grid over the hall."""
    read = read_plan(ROOT / "src" / "bianmin" / "templates" / "street-center.dxf")
    x0, y0, x1, y1 = read.plan.hall.polygon.bounds
    counters = []
    for i in range(90):
        row, col = divmod(i, 10)
        counters.append(
            PlacedObject.place(
                "BM_COUNTER",
                x0 + 1500 + col * (x1 - x0 - 3000) / 9,
                y0 + 1200 + row * (y1 - y0 - 2400) / 8,
                attribs={"NO": f"W{i + 1:03d}", "TYPE": "general", "HEIGHT": "750", "SEATS": "1", "DEVICES": "计算机"},
            )
        )
    plan = replace(read.plan, objects=[o for o in read.plan.objects if not o.is_counter] + counters)
    return read.with_plan(plan)


WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
PAGE = re.compile(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', re.S)


def words_of(pdf_path):
    """Each page's (width, height, words), a word a dict with x0, x1, top, bottom (points, y down)
    and text: poppler's ``pdftotext -bbox`` (which .ci/run installs; 0.1 s a file), else pdfplumber
    (the same words, a hundred times slower on the plan sheet's paths)."""
    exe = shutil.which("pdftotext")
    if exe is None:
        with pdfplumber.open(pdf_path) as pdf:
            return [(float(p.width), float(p.height), p.extract_words()) for p in pdf.pages]
    xhtml = subprocess.run([exe, "-bbox", str(pdf_path), "-"], capture_output=True, check=True).stdout.decode()
    pages = []
    for pw, ph, body in PAGE.findall(xhtml):
        words = [
            {"x0": float(a), "top": float(b), "x1": float(c), "bottom": float(d), "text": html.unescape(t)}
            for a, b, c, d, t in WORD.findall(body)
        ]
        pages.append((float(pw), float(ph), words))
    return pages


def overlap(a, b) -> float:
    """Area shared by two words' boxes, as a share of the smaller one."""
    w = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
    h = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
    if w <= 0 or h <= 0:
        return 0.0
    smaller = min((a["x1"] - a["x0"]) * (a["bottom"] - a["top"]), (b["x1"] - b["x0"]) * (b["bottom"] - b["top"]))
    return w * h / smaller if smaller > 0 else 0.0


def check_sheet_set(read, out, paper, orientation):
    write_drawing(read, out, paper=paper, orientation=orientation)
    pages = words_of(out)
    plan = read.plan
    width, height = PAPER_MM[paper] if orientation == "landscape" else PAPER_MM[paper][::-1]
    fx0, fy0, fx1, fy1 = layout_sheet(width, height).frame
    for n, (pw, ph, words) in enumerate(pages, 1):
        assert (pw / MM, ph / MM) == pytest.approx((width, height), abs=0.5)
        assert words, f"page {n} has no text"
        for w in words:
            # inside the frame line (1 mm wide, drawn on the frame): pdfplumber's y runs down the page
            assert fx0 * MM < w["x0"] and w["x1"] < fx1 * MM, f"page {n}: {w['text']!r} runs out sideways"
            assert (height - fy1) * MM < w["top"] and w["bottom"] < (height - fy0) * MM, (
                f"page {n}: {w['text']!r} runs out at the top or bottom"
            )

    # every schedule row is on some schedule sheet, by the name a builder reads (not the block code)
    schedule_text = " ".join(w["text"] for _, _, words in pages[1:] for w in words)
    for o in plan.objects:
        if o.spec is not None:
            assert o.spec.zh in schedule_text.replace(" ", ""), f"{o.spec.zh} ({o.block}) missing from the schedule"
        if o.is_counter and o.attr("NO"):
            assert o.attr("NO") in schedule_text.split(), f"window {o.attr('NO')} missing from the window list"
    # ... and no two words of a schedule sheet overlap (tables drawn over each other did)
    for n, (_, _, words) in enumerate(pages[1:], 2):
        for i, a in enumerate(words):
            for b in words[i + 1 :]:
                assert overlap(a, b) < 0.2, f"page {n}: {a['text']!r} overlaps {b['text']!r}"

    # the legend is on the plan sheet and explains every code drawn on an object
    plan_words = pages[0][2]
    plan_text = "".join(w["text"] for w in plan_words)
    assert "图例" in plan_text
    for block in {o.block for o in plan.objects if not o.is_counter}:
        assert BLOCKS[block].zh in plan_text, f"legend lacks {BLOCKS[block].zh}"
        assert LABELS[block] in plan_text
    assert "窗口号" in plan_text  # 服务柜台（数字为窗口号）

    # zone and exit labels are not covered by other text on the plan (object codes, dimensions)
    label_words = {z.kind for z in plan.zones}
    from bianmin.drawing.plan_painter import zone_label

    names = {zone_label(z) for z in plan.zones} | EXIT_WORDS
    labels = [w for w in plan_words if w["text"] in names]
    assert len(labels) >= len(label_words), "a zone label is missing from the plan"
    for a in labels:
        for b in plan_words:
            if b is not a and b["text"] not in names | {"图例"}:
                assert overlap(a, b) < 0.05, f"{a['text']!r} is covered by {b['text']!r}"
    return pages


@pytest.mark.parametrize("paper,orientation", PAPERS)
def test_sample_plan_on_every_paper(sample, tmp_path, paper, orientation):
    check_sheet_set(sample, tmp_path / "set.pdf", paper, orientation)


@pytest.mark.parametrize("paper,orientation", PAPERS)
def test_ninety_counters_flow_over_sheets(many_counters, tmp_path, paper, orientation):
    pages = check_sheet_set(many_counters, tmp_path / "set.pdf", paper, orientation)
    if (paper, orientation) == ("A4", "portrait"):
        assert len(pages) >= 4, "90 windows cannot fit one A4 sheet: the list must flow"
        continued = [
            n for n, (_, _, words) in enumerate(pages[2:], 3) if "窗口一览表（续）" in "".join(w["text"] for w in words)
        ]
        assert continued, "the flowing window list is headed 窗口一览表（续） on its later sheets"
        numbers = [w["text"] for _, _, words in pages[1:] for w in words if w["text"].startswith("W0")]
        assert len(numbers) == len(set(numbers)) == 90, "each window is listed exactly once"


def test_labels_clear_of_every_symbol(sample):
    from reportlab.pdfbase.pdfmetrics import getRegisteredFontNames

    from bianmin.drawing.fonts import chinese_font

    font, _ = chinese_font()
    assert font in getRegisteredFontNames()
    labels = place_labels(sample.plan, 100, font)
    assert len(labels) == len(sample.plan.zones) + len(sample.plan.openings)
    for label in labels:
        assert label.free, f"{label.text} found no free spot"
        for obj in sample.plan.objects:
            assert not label.box.intersects(obj.footprint), f"{label.text} covers {obj.block}"
        for o in sample.plan.openings:
            from shapely.geometry import LineString

            assert not label.box.intersects(LineString([o.start, o.end])), f"{label.text} crosses a door"
    for z in sample.plan.zones:
        mine = [lb for lb in labels if lb.text == zone_label_of(z)]
        assert any(z.polygon.contains(lb.box) for lb in mine), "a zone's name lies inside its zone"


def zone_label_of(zone):
    from bianmin.drawing.plan_painter import zone_label

    return zone_label(zone)


def test_a_bow_tie_zone_and_an_empty_hall_still_make_sheets(tmp_path):
    """An invalid zone outline (it crosses itself) made the plan's extent a GEOS error and no sheet."""
    from bianmin.geometry.model import Zone

    read = read_plan(ROOT / "src" / "bianmin" / "templates" / "street-center.dxf")
    x0, y0, _, _ = read.plan.hall.polygon.bounds
    bow = Zone(
        kind="wait",
        outline=[
            (x0 + 1000, y0 + 1000, 0),
            (x0 + 5000, y0 + 5000, 0),
            (x0 + 5000, y0 + 1000, 0),
            (x0 + 1000, y0 + 5000, 0),
        ],
    )
    assert not bow.polygon.is_valid
    bowed = read.with_plan(replace(read.plan, zones=[*read.plan.zones, bow]))
    bare = read.with_plan(replace(read.plan, zones=[], objects=[], openings=[], routes=[], obstacles=[]))
    for name, plan in (("bow", bowed), ("bare", bare)):
        out = tmp_path / f"{name}.pdf"
        write_drawing(plan, out, paper="A4", orientation="portrait")
        pages = words_of(out)
        assert len(pages) >= 2 and "图例" in "".join(w["text"] for w in pages[0][2])
