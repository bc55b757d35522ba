"""The drawing set: ``bianmin export pdf PLAN.dxf -o OUT.pdf``.

Sheet 1 is the plan at a true scale over the architect's drawing, with border, title
block, scale bar, north arrow and legend; sheet 2 (and on) the schedules: objects by kind
and the window list. A plan that does not fit the paper at the asked scale is an error
naming a scale that fits, never a clipped drawing.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import Frame, Paragraph, Table, TableStyle

from bianmin.geometry.atomic import atomic_output, clean_text
from bianmin.geometry import catalog
from bianmin.geometry.catalog import COUNTER_TYPES, DEVICES, split_list
from bianmin.geometry.dxf_read import PlanReadError, read_plan

from .background import draw_background
from .fonts import chinese_font
from .furniture import draw_border, draw_legend, draw_north_arrow, draw_scale_bar, draw_title_block, layout_sheet
from .paper import MM, SheetError, choose_scale, paper_size, parse_scale
from .plan_painter import paint_dimensions, paint_plan, plan_extent
from .surface import ReportLabSurface

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
    lay = layout_sheet(width, height)
    ex = (extent[2] - extent[0], extent[3] - extent[1])
    used = choose_scale(ex, lay.area_size, parse_scale(scale))
    font, _ = chinese_font()
    project = clean_text(plan.properties.name or "便民服务中心")  # GBK bytes read as UTF-8 never stop the export
    with atomic_output(out, "wb") as fp:
        c = rl_canvas.Canvas(fp, pagesize=(width * MM, height * MM), pageCompression=1)
        c.setTitle(f"{project} {SHEET_TITLE}")
        c.setAuthor("bianmin")
        c.setCreator("bianmin export pdf")
        _plan_sheet(c, read, lay, font, extent, used, project, drawing_no, designer, checker, approver)
        _schedule_sheets(c, plan, lay, font, project, drawing_no, designer, checker, approver, used)
        c.save()
    return used


def _plan_sheet(c, read, lay, font, extent, scale, project, number, designer, checker, approver):
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
    visible = (
        (ax0 - s.ox) * scale + s.x0,
        (ay0 - s.oy) * scale + s.y0,
        (ax1 - s.ox) * scale + s.x0,
        (ay1 - s.oy) * scale + s.y0,
    )
    draw_background(read.doc, s, read.units_factor, simple=getattr(read, "background", None), visible=visible)
    paint_plan(s, plan)
    paint_dimensions(s, plan)
    c.restoreState()
    if lay.side:
        sx0, sy0, sx1, sy1 = lay.side
        draw_north_arrow(c, font, (sx0 + sx1) / 2, sy1 - 14)
        draw_legend(c, font, sx0 + 4, sy1 - 32, sx1 - sx0 - 8, plan)
        draw_scale_bar(c, font, sx0 + 4, sy0 + 10, scale, sx1 - sx0 - 16)
    else:
        draw_north_arrow(c, font, ax1 - 8, ay1 + 7, size=10)
        draw_scale_bar(c, font, ax0, ay0 - 8, scale, 60)
    c.showPage()


def _styles(font):
    base = ParagraphStyle("cell", fontName=font, fontSize=8.5, leading=11, wordWrap="CJK")
    head = ParagraphStyle("head", parent=base, fontSize=9, textColor=colors.white)
    title = ParagraphStyle("title", parent=base, fontSize=13, leading=17, spaceAfter=4)
    return base, head, title


def _table(rows, widths, base, head):
    data = [[Paragraph(str(v), head if i == 0 else base) for v in row] for i, row in enumerate(rows)]
    t = Table(data, colWidths=[w * MM for w in widths], repeatRows=1)
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


def schedule_stories(plan, font, width_mm):
    """Two stories: the objects by kind, and the window list."""
    base, head, title = _styles(font)
    story = [Paragraph("设施一览表", title)]
    counts = Counter(o.block for o in plan.objects)
    rows = [["类别", "名称", "图块", "数量"]]
    for group, (zh, _) in catalog.GROUPS.items():
        for name, spec in catalog.BLOCKS.items():
            if spec.group == group and counts.get(name):
                n = (
                    sum(o.count() for o in plan.objects if o.block == name)
                    if name in ("BM_SEAT", "BM_EXTINGUISHER")
                    else counts[name]
                )
                unit = "座" if name == "BM_SEAT" else ("具" if name == "BM_EXTINGUISHER" else "处")
                rows.append([zh, spec.zh, name, f"{n} {unit}" if name in ("BM_SEAT", "BM_EXTINGUISHER") else str(n)])
    story.append(_table(rows, [26, 46, 52, 22], base, head))
    windows = [Paragraph("窗口一览表", title)]
    rows = [["窗口号", "类型", "台面高 (mm)", "台面宽 (mm)", "窗口位", "设备"]]
    counters = sorted(plan.counters, key=lambda o: (len(o.attr("NO")), o.attr("NO")))
    for o in counters:
        kind = COUNTER_TYPES.label(o.attr("TYPE").lower())
        devices = [DEVICES.label(d) for d in split_list(o.attr("DEVICES"))]
        rows.append(
            [o.attr("NO") or "—", kind, o.attr("HEIGHT"), f"{o.depth:.0f}", o.attr("SEATS"), "、".join(devices) or "—"]
        )
    if len(rows) == 1:
        rows.append(["—", "图中没有服务柜台", "", "", "", ""])
    windows.append(_table(rows, [14, 28, 20, 20, 14, max(40, width_mm - 100)], base, head))
    return story, windows


def _schedule_sheets(c, plan, lay, font, project, number, designer, checker, approver, scale):
    x0, y0, x1, y1 = lay.frame
    top = y1 - 8
    bottom = lay.title[3] + 6
    stories = list(schedule_stories(plan, font, (x1 - x0 - 24) / 2))
    page = 2
    while any(stories):
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
        half = (x1 - x0 - 24) / 2
        frames = [
            Frame((x0 + 8) * MM, bottom * MM, half * MM, (top - bottom) * MM, showBoundary=0),
            Frame((x0 + 16 + half) * MM, bottom * MM, half * MM, (top - bottom) * MM, showBoundary=0),
        ]
        before = sum(map(len, stories))
        for frame, story in zip(frames, stories, strict=False):
            frame.addFromList(story, c)
        c.showPage()
        page += 1
        if sum(map(len, stories)) == before:  # a flowable that fits no page: stop rather than loop
            break


def _next(number: str, k: int) -> str:
    head, sep, tail = number.rpartition("-")
    if sep and tail.isdigit():
        return f"{head}-{int(tail) + k:0{len(tail)}d}"
    return f"{number}-{k + 1}"
