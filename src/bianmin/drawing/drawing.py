"""The drawing set: ``bianmin export pdf PLAN.dxf -o OUT.pdf``.

Sheet 1 is the plan at a true scale over the architect's drawing, with border, title
block, scale bar, north arrow and legend; sheet 2 (and on) the schedules: objects by kind
and the window list. A plan that does not fit the paper at the asked scale is an error
naming a scale that fits, never a clipped drawing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Frame, Paragraph, Table, TableStyle

from bianmin.geometry.atomic import atomic_output, clean_text
from bianmin.geometry import catalog
from bianmin.geometry.catalog import COUNTER_TYPES, DEVICES, split_list
from bianmin.geometry.dxf.read import PlanReadError, read_plan

from bianmin.drawing.background import draw_background
from bianmin.drawing.fonts import chinese_font
from bianmin.drawing.furniture import (
    PAD,
    draw_border,
    draw_north_arrow,
    draw_scale_bar,
    draw_title_block,
    layout_sheet,
)
from bianmin.drawing.labels import paint_labelled_plan
from bianmin.drawing.legend import draw_legend, legend_entries, legend_layout
from bianmin.drawing.paper import MM, SheetError, choose_scale, fits, paper_size, parse_scale
from bianmin.drawing.plan_painter import paint_dimensions, plan_extent
from bianmin.drawing.streams import binary_streams
from bianmin.drawing.surface import ReportLabSurface
from bianmin.drawing.text_fit import shorten

SHEET_TITLE = "便民服务中心平面布置图"


def export_drawing(
    plan_path: Path,
    out: Path,
    *,
    paper="A3",
    orientation="landscape",
    scale="auto",
    drawing_no="BM-01",
    designer="",
    checker="",
    approver="",
) -> int:
    """Write the drawing set; returns the scale used. Raises SheetError (a ValueError) with a reason."""
    try:
        read = read_plan(plan_path, split="draw")  # a large drawing's simple background as plain numbers
    except PlanReadError as exc:
        raise SheetError(f"{plan_path}: {exc}") from None
    return write_drawing(
        read,
        Path(out),
        paper=paper,
        orientation=orientation,
        scale=scale,
        drawing_no=drawing_no,
        designer=designer,
        checker=checker,
        approver=approver,
    )


def write_drawing(
    read,
    out: Path,
    *,
    paper="A3",
    orientation="landscape",
    scale="auto",
    drawing_no="BM-01",
    designer="",
    checker="",
    approver="",
) -> int:
    plan = read.plan
    extent = plan_extent(plan)
    if extent is None:
        raise SheetError("图中没有大厅和布置内容，无法出图 / the plan has no hall or content to draw")
    width, height = paper_size(paper, orientation)
    font, _ = chinese_font()
    entries = legend_entries(plan)
    ex = (extent[2] - extent[0], extent[3] - extent[1])
    lay, used = choose_layout(width, height, entries, font, ex, parse_scale(scale))
    project = shorten(
        clean_text(plan.properties.name or "便民服务中心"), 60
    )  # GBK bytes read as UTF-8 never stop the export
    with atomic_output(out, "wb") as fp, binary_streams():
        c = rl_canvas.Canvas(fp, pagesize=(width * MM, height * MM), pageCompression=1)
        c.setTitle(f"{project} {SHEET_TITLE}")
        c.setAuthor("bianmin")
        c.setCreator("bianmin export pdf")
        _plan_sheet(c, read, lay, font, entries, extent, used, project, drawing_no, designer, checker, approver)
        _schedule_sheets(c, plan, lay, font, project, drawing_no, designer, checker, approver, used)
        c.save()
    return used


def sheet_layouts(width, height, entries, font) -> list:
    """The plan sheet's two arrangements, the customary one for the paper first: legend in a side
    panel right of the plan (if it fits there), or in a band above the title block."""
    fx0, _, fx1, _ = layout_sheet(width, height).frame
    band = layout_sheet(width, height, band=legend_layout(entries, font, fx1 - fx0 - 2 * PAD).height, side_panel=False)
    side = layout_sheet(width, height, side_panel=True)
    lx0, ly0, lx1, ly1 = side.legend
    options = [band]
    if ly1 > ly0 and legend_layout(entries, font, lx1 - lx0, ly1 - ly0, side.legend_text).height <= ly1 - ly0:
        options.insert(0 if fx1 - fx0 >= 300 else 1, side)
    return options


def choose_layout(width, height, entries, font, extent_mm, asked: int | None):
    """The arrangement that shows the plan largest, and its scale. An asked scale: the first
    arrangement it fits; if none, the error names the largest scale that fits either."""
    layouts = sheet_layouts(width, height, entries, font)
    if asked is not None:
        for lay in layouts:
            if fits(extent_mm, lay.area_size, asked):
                return lay, asked
    best = None
    for lay in layouts:
        try:
            used = choose_scale(extent_mm, lay.area_size, None)
        except SheetError:
            continue
        if best is None or used < best[1]:
            best = (lay, used)
    if best is None:
        choose_scale(extent_mm, layouts[0].area_size, None)  # raises: not even the smallest scale fits
    assert best is not None
    if asked is not None:
        choose_scale(extent_mm, best[0].area_size, asked)  # raises, naming the scale that fits
    return best


def _plan_sheet(c, read, lay, font, entries, extent, scale, project, number, designer, checker, approver):
    plan = read.plan
    draw_border(c, lay)
    draw_title_block(
        c,
        lay,
        font,
        project=project,
        title=SHEET_TITLE,
        number=number,
        scale=f"1:{scale}",
        designer=designer,
        checker=checker,
        approver=approver,
    )
    ax0, ay0, ax1, ay1 = lay.area
    centre_plan = ((extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2)
    centre_page = ((ax0 + ax1) / 2, (ay0 + ay1) / 2)
    s = ReportLabSurface(c, font, scale, centre_plan, centre_page)
    c.saveState()
    clip = c.beginPath()
    clip.rect(ax0 * MM, ay0 * MM, (ax1 - ax0) * MM, (ay1 - ay0) * MM)
    c.clipPath(clip, stroke=0, fill=0)
    half_w, half_h = (ax1 - ax0) / 2 * scale, (ay1 - ay0) / 2 * scale
    view = (centre_plan[0] - half_w, centre_plan[1] - half_h, centre_plan[0] + half_w, centre_plan[1] + half_h)
    texts: list = []
    draw_background(read.doc, s, read.units_factor, view, texts, simple=getattr(read, "background", None))
    paint_labelled_plan(s, plan, view, avoid=texts)
    paint_dimensions(s, plan)
    c.restoreState()
    lx0, ly0, lx1, ly1 = lay.legend
    draw_legend(c, font, lx0, ly1, lx1 - lx0, entries, height=ly1 - ly0, largest=lay.legend_text)
    if lay.side:
        sx0, sy0, sx1, sy1 = lay.side
        draw_north_arrow(c, font, (sx0 + sx1) / 2, sy1 - 14)
        draw_scale_bar(c, font, *lay.scale_bar, scale, sx1 - sx0 - 16)
    else:
        draw_north_arrow(c, font, ax1 - 8, ay1 + 7, size=10)
        draw_scale_bar(c, font, *lay.scale_bar, scale, 60)
    c.showPage()


def _styles(font, k: float = 1.0):
    """Cell, header and title styles; ``k`` enlarges them on A1 and A0, read from farther away."""
    base = ParagraphStyle("cell", fontName=font, fontSize=8.5 * k, leading=11 * k, wordWrap="CJK")
    head = ParagraphStyle("head", parent=base, fontSize=9 * k, textColor=colors.white)
    title = ParagraphStyle("title", parent=base, fontSize=13 * k, leading=17 * k, spaceBefore=6 * k, spaceAfter=4 * k)
    return base, head, title


def schedule_enlargement(frame_width_mm: float) -> float:
    """1.3 on A1 and A0 (frames 800 mm wide and more), else 1."""
    return 1.3 if frame_width_mm >= 800 else 1.0


def _fit(widths, available_mm):
    """Column widths (mm) scaled down to the frame when the table's natural width does not fit it."""
    total = sum(widths)
    k = min(1.0, available_mm / total)
    return [w * k for w in widths]


def _table(rows, widths, base, head, title=""):
    # the header row is ours (it may break a line); every other cell is text from the drawing, escaped
    data = [
        [Paragraph(str(v) if i == 0 else escape(str(v)), head if i == 0 else base) for v in row]
        for i, row in enumerate(rows)
    ]
    t = Table(data, colWidths=[w * MM for w in widths], repeatRows=1, hAlign="LEFT")
    t.bm_title = title  # for the （续） heading over the part that flows on
    t.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#1f4e79")),
                ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f5f9")]),
            ]
        )
    )
    return t


FACILITY_WIDTHS = [24, 60, 24]  # 类别, 名称, 数量 (mm at their natural size)
WINDOW_WIDTHS = [16, 30, 18, 18, 14, 64]  # 窗口号, 类型, 台面高, 台面宽, 窗口位, 设备


def facility_rows(plan) -> list[list[str]]:
    """设施一览表: what the builder buys and installs, by its name (issue 25: the block codes such as
    BM_PRINTER meant nothing to a builder); a block outside the catalogue keeps its own name."""
    rows = [["类别", "名称", "数量"]]
    counts = Counter(o.block for o in plan.objects)
    for group, (zh, _) in catalog.GROUPS.items():
        for name, spec in catalog.BLOCKS.items():
            if spec.group == group and counts.get(name):
                if name in ("BM_SEAT", "BM_EXTINGUISHER"):
                    n = sum(o.count() for o in plan.objects if o.block == name)
                    rows.append([zh, spec.zh, f"{n} {'座' if name == 'BM_SEAT' else '具'}"])
                else:
                    rows.append([zh, spec.zh, str(counts[name])])
    unknown = Counter(o.block for o in plan.objects if o.spec is None)
    for name, n in sorted(unknown.items()):
        rows.append(["其他", f"图块 {name}", str(n)])
    return rows


def window_rows(plan) -> list[list[str]]:
    rows = [["窗口号", "类型", "台面高<br/>(mm)", "台面宽<br/>(mm)", "窗口位", "设备"]]
    counters = sorted(plan.counters, key=lambda o: (len(o.attr("NO")), o.attr("NO")))
    for o in counters:
        kind = COUNTER_TYPES.label(o.attr("TYPE").lower())
        devices = [DEVICES.label(d) for d in split_list(o.attr("DEVICES"))]
        rows.append(
            [o.attr("NO") or "—", kind, o.attr("HEIGHT"), f"{o.depth:.0f}", o.attr("SEATS"), "、".join(devices) or "—"]
        )
    if len(rows) == 1:
        rows.append(["—", "图中没有服务柜台", "", "", "", ""])
    return rows


def schedule_story(plan, font, width_mm, k: float = 1.0) -> list:
    """The schedules as one story for frames ``width_mm`` wide: objects by kind, then the window list."""
    base, head, title = _styles(font, k)
    inner = width_mm - 2 * FRAME_PAD_PT / MM
    return [
        Paragraph("设施一览表", title),
        _table(facility_rows(plan), _fit([w * k for w in FACILITY_WIDTHS], inner), base, head, "设施一览表"),
        Paragraph("窗口一览表", title),
        _table(window_rows(plan), _fit([w * k for w in WINDOW_WIDTHS], inner), base, head, "窗口一览表"),
    ]


FRAME_PAD_PT = 6.0  # reportlab Frame's default padding
COLUMN_GAP_MM = 8.0


def schedule_columns(frame_width_mm: float, k: float = 1.0) -> tuple[int, float]:
    """How many table columns a sheet takes side by side (1 to 3), and their width (mm)."""
    natural = max(sum(FACILITY_WIDTHS), sum(WINDOW_WIDTHS)) * k + 2 * FRAME_PAD_PT / MM
    usable = frame_width_mm - 2 * 8.0
    n = max(1, min(3, int((usable + COLUMN_GAP_MM) // (natural + COLUMN_GAP_MM))))
    return n, (usable - (n - 1) * COLUMN_GAP_MM) / n


def _schedule_sheets(c, plan, lay, font, project, number, designer, checker, approver, scale):
    """The schedules flowed through as many sheets as they need, each with its frame and title block;
    on a wide sheet in columns side by side, on a narrow one in one column."""
    x0, y0, x1, y1 = lay.frame
    top = y1 - 8
    bottom = lay.title[3] + 6
    k = schedule_enlargement(x1 - x0)
    n, width = schedule_columns(x1 - x0, k)
    story = schedule_story(plan, font, width, k)
    page = 2
    while story:
        draw_border(c, lay, side=False)
        draw_title_block(
            c,
            lay,
            font,
            project=project,
            title="设施与窗口一览表",
            number=_next(number, page - 1),
            scale="—",
            designer=designer,
            checker=checker,
            approver=approver,
        )
        before = len(story), id(story[0])
        for i in range(n):
            frame = Frame((x0 + 8 + i * (width + COLUMN_GAP_MM)) * MM, bottom * MM, width * MM, (top - bottom) * MM)
            _fill(frame, story, c, _styles(font, k)[2])
            if not story:
                break
        c.showPage()
        page += 1
        if story and (len(story), id(story[0])) == before:  # nothing fitted a whole empty sheet
            raise SheetError("一览表中有一行比整张图纸还高，无法排版 / a schedule row is taller than the sheet")


def _fill(frame, story: list, c, title_style) -> None:
    """Draw from the front of ``story`` into ``frame``, splitting a table that does not fit (its
    header row repeats on the rest, under the table's name and （续）); what is left stays in
    ``story`` for the next frame."""
    while story:
        first = story[0]
        if isinstance(first, Paragraph) and len(story) > 1 and isinstance(story[1], Table):
            # a table's name goes with at least its first rows, never alone at the foot of a column
            need = first.wrap(frame._getAvailableWidth(), frame._aH)[1] + title_style.spaceBefore + 60
            if not frame._atTop and frame._y - frame._y1p < need:
                return  # the name and the header and two rows do not fit here: all to the next column
        if frame.add(first, c):
            story.pop(0)
            continue
        parts = frame.split(first, c)
        if len(parts) < 2 or not frame.add(parts[0], c):
            return  # not even one row fits what is left of this frame
        title = getattr(first, "bm_title", "")
        for part in parts[1:]:
            part.bm_title = title
        story[0:1] = ([Paragraph(f"{title}（续）", title_style)] if title else []) + parts[1:]


def _next(number: str, k: int) -> str:
    head, sep, tail = number.rpartition("-")
    if sep and tail.isdigit():
        return f"{head}-{int(tail) + k:0{len(tail)}d}"
    return f"{number}-{k + 1}"
