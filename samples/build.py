"""Write the sample plans in samples/ (described in samples/README.md).

``python samples/build.py`` rewrites them from the templates; each sample is a
template with the mistakes a street office typically makes, or the template laid
over an architect's drawing.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import ezdxf

from bianmin.geometry.dxf.read import plan_from_document
from bianmin.geometry.dxf.write import apply_plan, save_atomic, write_plan
from bianmin.geometry.model import Hall, rectangle
from bianmin.templates.build import community_station, street_center

HERE = Path(__file__).resolve().parent


def architect_drawing(width=20000, depth=12500, wall=240):
    """An architect's plan the way a design institute sends it: walls, columns, doors, text, dimensions, hatch."""
    doc = ezdxf.new("R2010", setup=True)
    doc.header["$INSUNITS"] = 4
    for name, color in (
        ("WALL", 7),
        ("COLUMN", 8),
        ("DOOR", 3),
        ("WINDOW", 4),
        ("TEXT", 2),
        ("DIM", 1),
        ("AXIS", 1),
        ("HATCH", 8),
    ):
        doc.layers.add(name, color=color)
    doc.styles.add("HZ", font="simhei.ttf")
    msp = doc.modelspace()
    # walls: outer face and inner face, with gaps for the doors
    outer = [(-wall, -wall), (width + wall, -wall), (width + wall, depth + wall), (-wall, depth + wall)]
    msp.add_lwpolyline(outer, close=True, dxfattribs={"layer": "WALL"})
    inner = [(0, 0), (9000, 0)], [(11000, 0), (width, 0), (width, depth), (0, depth), (0, 6500)], [(0, 5000), (0, 0)]
    for run in inner:
        msp.add_lwpolyline(run, dxfattribs={"layer": "WALL"})
    hatch = msp.add_hatch(color=8, dxfattribs={"layer": "HATCH"})
    hatch.set_pattern_fill("ANSI31", scale=20)
    hatch.paths.add_polyline_path(
        [(-wall, -wall), (width + wall, -wall), (width + wall, 0), (-wall, 0)], is_closed=True
    )
    # structural columns on an 8.4 m grid, as hatched squares
    for x in (0, 8400, 16800):
        for y in (0, depth):
            pts = [(x - 250, y - 250), (x + 250, y - 250), (x + 250, y + 250), (x - 250, y + 250)]
            msp.add_lwpolyline(pts, close=True, dxfattribs={"layer": "COLUMN"})
            h = msp.add_hatch(color=8, dxfattribs={"layer": "COLUMN"})
            h.paths.add_polyline_path(pts, is_closed=True)
    # axis lines with bubbles
    for i, x in enumerate((0, 8400, 16800)):
        msp.add_line((x, -3000), (x, depth + 1500), dxfattribs={"layer": "AXIS", "linetype": "CENTER"})
        msp.add_circle((x, -3400), 400, dxfattribs={"layer": "AXIS"})
        msp.add_text(str(i + 1), height=400, dxfattribs={"layer": "AXIS"}).set_placement(
            (x, -3400), align=ezdxf.enums.TextEntityAlignment.MIDDLE_CENTER
        )
    # door swings
    msp.add_arc((9000, 0), 1000, 0, 90, dxfattribs={"layer": "DOOR"})
    msp.add_arc((11000, 0), 1000, 90, 180, dxfattribs={"layer": "DOOR"})
    msp.add_arc((0, 6500), 1500, 270, 360, dxfattribs={"layer": "DOOR"})
    # windows in the back wall
    for x in (3000, 8000, 13000):
        msp.add_lwpolyline(
            [(x, depth), (x + 2400, depth), (x + 2400, depth + wall), (x, depth + wall)],
            close=True,
            dxfattribs={"layer": "WINDOW"},
        )
    # room names and title text in Chinese
    msp.add_mtext(
        "便民服务大厅\\P建筑面积 约 260 m²", dxfattribs={"layer": "TEXT", "char_height": 500, "style": "HZ"}
    ).set_location((width / 2, depth / 2 + 600), attachment_point=5)
    msp.add_text("首层平面图 1:100", height=600, dxfattribs={"layer": "TEXT", "style": "HZ"}).set_placement(
        (width / 2, -5200), align=ezdxf.enums.TextEntityAlignment.MIDDLE_CENTER
    )
    # dimensions
    dim = msp.add_linear_dim(base=(0, -1800), p1=(0, 0), p2=(width, 0), dimstyle="EZDXF", dxfattribs={"layer": "DIM"})
    dim.render()
    dim = msp.add_linear_dim(
        base=(width + 1800, 0),
        p1=(width, 0),
        p2=(width, depth),
        angle=90,
        dimstyle="EZDXF",
        dxfattribs={"layer": "DIM"},
    )
    dim.render()
    return doc


def on_architect_drawing(plan, path: Path) -> None:
    doc = architect_drawing()
    result = plan_from_document(doc)
    result.plan.__dict__.update({k: v for k, v in plan.__dict__.items() if k != "loaded"})
    apply_plan(doc, result.plan, 1.0)
    save_atomic(doc, path)


def small_hall():
    """A new street centre squeezed into 15 m × 12 m (180 m²): the sixth, low window no longer fits."""
    from bianmin.geometry.model import Zone
    from bianmin.templates.build import facing, obj

    plan = street_center()
    plan.properties.name = "西安市新城区长乐西路街道便民服务中心"
    w, h = 15000, 12000
    plan.hall = Hall(outline=rectangle(0, 0, w, h))
    zones = []
    for z in plan.zones:
        (x0, y0), (x1, y1) = z.polygon.bounds[:2], z.polygon.bounds[2:]
        zones.append(Zone(outline=rectangle(x0, y0, min(x1, w - 500), min(y1, h)), kind=z.kind))
    plan.zones = zones
    keep = [
        o
        for o in plan.objects
        if o.footprint.bounds[2] <= w
        and o.footprint.bounds[3] <= h
        and o.block not in ("BM_GUIDE_DESK", "BM_INFO_KIOSK", "BM_EMERGENCY_LIGHT")
    ]
    keep += [
        obj("BM_GUIDE_DESK", 13300, 2800, 180),
        obj("BM_INFO_KIOSK", 14300, 1000, 180),
        obj("BM_TV", 14700, 6000, 90),
        obj("BM_SUGGESTION_BOX", 14750, 3000, 90),
        obj("BM_EVALUATION_BOX", 14750, 3600, 90),
        obj("BM_EXTINGUISHER", 14600, 7800, 270, count=2, rating="2A"),
        obj("BM_ALARM", 14800, 4500),
        obj("BM_EVAC_SIGN", 14850, 9500, 90, mount="wall"),
        obj("BM_CAMERA", 14700, 11700, facing(14700, 11700, 10000, 0), fov=90, range=14000),
    ]
    keep += [obj("BM_EMERGENCY_LIGHT", x, y) for x in (4000, 11000) for y in (2100, 6000, 10000)]
    plan.objects = keep
    plan.routes = plan.routes[:1]
    return plan


def missing_signs():
    plan = street_center()
    plan.properties.name = "西安市新城区韩森寨街道便民服务中心"
    plan.properties.hours = "09:00-12:00;14:00-17:00"
    drop = {"BM_SIGN_HOURS", "BM_SIGN_GUIDE", "BM_SIGN_FLOORPLAN", "BM_SIGN_COMPLAINT"}
    plan.objects = [o for o in plan.objects if o.block not in drop]
    return plan


def counters_wrong():
    plan = street_center()
    plan.properties.name = "新城区太华路便民大厅"
    out = []
    for o in plan.objects:
        if o.is_counter:
            attribs = dict(
                o.attribs,
                TYPE="special" if o.attr("TYPE") == "accessible" else o.attr("TYPE"),
                HEIGHT="1050",
                DEVICES="computer",
            )
            if o.attr("NO") == "2":
                attribs["NO"] = "1"
            a, b, d, e, x, y = o.transform
            o = replace(o, attribs=attribs, transform=(a, b * 0.75, d, e * 0.75, x, y))
        out.append(o)
    plan.objects = out
    return plan


def community_missing_equipment():
    plan = community_station()
    plan.properties.name = "西一路街道东新社区便民服务站"
    plan.objects = [o for o in plan.objects if o.block not in ("BM_MAILBOX_24H", "BM_SIGN_HOURS")]
    return plan


def chinese_r12():
    """An R12 drawing in GBK with Chinese layer names and no units, as old CAD seats still send."""
    doc = ezdxf.new("R12")
    doc.encoding = "gbk"
    doc.header["$DWGCODEPAGE"] = "ANSI_936"
    msp = doc.modelspace()
    layers = {"hall": "BM-大厅", "wait": "BM-服务等候区", "window": "BM-窗口办理区", "main": "BM-主入口"}
    for name in layers.values():
        doc.layers.add(name)
    # drawn in metres
    msp.add_polyline2d([(0, 0), (12, 0), (12, 9), (0, 9)], close=True, dxfattribs={"layer": layers["hall"]})
    msp.add_polyline2d([(1, 1), (11, 1), (11, 5), (1, 5)], close=True, dxfattribs={"layer": layers["wait"]})
    msp.add_polyline2d([(1, 6), (11, 6), (11, 9), (1, 9)], close=True, dxfattribs={"layer": layers["window"]})
    msp.add_line((5, 0), (6.5, 0), dxfattribs={"layer": layers["main"]})
    msp.add_text("老版本 CAD 图纸（GBK 编码）", dxfattribs={"layer": "0", "height": 0.3, "insert": (1, -1)})
    return doc


SAMPLES = {
    "xiyilu-street-center.dxf": lambda p: on_architect_drawing(
        _named(street_center(), "西安市新城区西一路街道便民服务中心"), p
    ),
    "dongxin-community-station.dxf": lambda p: write_plan(
        _named(community_station(), "西一路街道东新社区便民服务站"), p
    ),
    "changlexi-small-hall.dxf": lambda p: write_plan(small_hall(), p),
    "hansenzhai-missing-signs.dxf": lambda p: write_plan(missing_signs(), p),
    "taihualu-counters-wrong.dxf": lambda p: write_plan(counters_wrong(), p),
    "dongxin-missing-equipment.dxf": lambda p: write_plan(community_missing_equipment(), p),
    "old-cad-r12-gbk.dxf": lambda p: chinese_r12().saveas(p),
}


def _named(plan, name):
    plan.properties.name = name
    return plan


def main():
    for name, make in SAMPLES.items():
        make(HERE / name)
        print(HERE / name)
    broken = HERE / "broken-cut-short.dxf"
    data = (HERE / "dongxin-community-station.dxf").read_bytes()
    broken.write_bytes(data[:900])
    print(broken)
    not_dxf = HERE / "submitted-as-pdf.dxf"
    not_dxf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n")
    print(not_dxf)


if __name__ == "__main__":
    main()
