"""A recognition as plan elements, as JSON-ready data and as a text report; writing it into the drawing."""

from __future__ import annotations

from bianmin.geometry.model import Hall, Obstacle, Opening, Plan

from bianmin.geometry.recognize import Recognition
from bianmin.geometry.recognize.units import FACTORS

# every unit the guess can give ($INSUNITS code by factor): inches and feet too, which the tryout
# found left at 0, so that validate read an inch drawing as millimetres (a 96 m² hall as 0.1 m²)
INSUNITS_OF = {factor: code for code, factor in FACTORS.items()}
OPENING_LAYERS = {"main": "BM-DOOR-MAIN", "exit": "BM-DOOR-EXIT", "door": "BM-DOOR"}
KIND_NAMES = {"main": ("主入口", "main entrance"), "exit": ("安全出口", "exit"), "door": ("内门", "internal door")}


def _vertices(poly):
    return [(float(x), float(y), 0.0) for x, y in list(poly.exterior.coords)[:-1]]


def elements(rec: Recognition) -> tuple[Hall | None, list[Opening], list[Obstacle]]:
    """The hall, openings and obstacles as new plan elements (mm)."""
    if rec.hall is None:
        return None, [], []
    hall = Hall(_vertices(rec.hall))
    openings = [
        Opening(f.kind, (float(f.start[0]), float(f.start[1])), (float(f.end[0]), float(f.end[1])))
        for f in rec.openings
    ]
    obstacles = [Obstacle(_vertices(o)) for o in rec.obstacles]
    return hall, openings, obstacles


def apply_to_plan(plan: Plan, rec: Recognition) -> None:
    """Put the recognized hall, openings and obstacles in the plan, replacing any it had."""
    hall, openings, obstacles = elements(rec)
    plan.hall = hall
    plan.openings = openings
    plan.obstacles = obstacles


def set_units(doc, rec: Recognition) -> bool:
    """Record guessed units in the header, so that validate reads the plan the same way."""
    code = INSUNITS_OF.get(rec.factor)
    if not rec.units_guessed or code is None or doc.dxfversion <= "AC1009":
        return False
    doc.header["$INSUNITS"] = code
    return True


def write_recognized(doc, rec: Recognition, path) -> None:
    """The drawing as it was plus the recognized plan on BM- layers, saved atomically at ``path``."""
    from bianmin.geometry.dxf.read import plan_from_document
    from bianmin.geometry.dxf.write import write_plan

    plan = plan_from_document(doc).plan
    apply_to_plan(plan, rec)
    set_units(doc, rec)
    write_plan(plan, path, doc=doc, units_factor=rec.factor)


def to_dict(rec: Recognition, source: str = "") -> dict:
    """JSON-ready: coordinates in drawing units (as the CAD program shows them), sizes in mm."""
    f = rec.factor

    def pts(poly):
        return [[round(x / f, 4), round(y / f, 4)] for x, y in list(poly.exterior.coords)[:-1]]

    return {
        "file": source,
        "found": rec.found,
        "units": {"mm_per_unit": f, "guessed": rec.units_guessed},
        "walls": {"by": rec.walls_by, "layers": rec.wall_layers, "segments": rec.wall_segments},
        "rooms": rec.rooms,
        "hall": None
        if rec.hall is None
        else {"outline": pts(rec.hall), "area_m2": round(rec.hall.area / 1e6, 2), "label": rec.hall_label},
        "openings": [
            {
                "kind": o.kind,
                "layer": OPENING_LAYERS[o.kind],
                "start": [round(o.start[0] / f, 4), round(o.start[1] / f, 4)],
                "end": [round(o.end[0] / f, 4), round(o.end[1] / f, 4)],
                "width_mm": round(o.width),
                "source": o.source,
            }
            for o in rec.openings
        ],
        "windows_on_hall": rec.windows,
        "obstacles": [{"outline": pts(o), "area_m2": round(o.area / 1e6, 3)} for o in rec.obstacles],
        "notes": [{"zh": zh, "en": en} for zh, en in rec.notes],
        "doubts": [{"zh": zh, "en": en} for zh, en in rec.doubts],
    }


def _n(v: float) -> str:
    return f"{v:.3f}".rstrip("0").rstrip(".")


def to_text(rec: Recognition, source: str = "", lang: str = "zh") -> str:
    zh = lang != "en"
    lines = [f"{'识别' if zh else 'Recognized'}: {source}" if source else ""]
    if rec.hall is not None:
        f = rec.factor
        minx, miny, maxx, maxy = rec.hall.bounds
        lines.append(
            f"{'大厅' if zh else 'Hall'}: {rec.hall.area / 1e6:.1f} m², "
            f"{len(rec.hall.exterior.coords) - 1} {'个顶点' if zh else 'vertices'}, "
            f"({_n(minx / f)}, {_n(miny / f)}) – ({_n(maxx / f)}, {_n(maxy / f)})"
        )
        for o in rec.openings:
            name = KIND_NAMES[o.kind][0 if zh else 1]
            mx, my = o.midpoint
            src = o.source or ("无门块（门洞）" if zh else "no door drawn (doorway)")
            lines.append(f"  {name}: {'宽' if zh else 'width'} {o.width:.0f} mm @ ({_n(mx / f)}, {_n(my / f)}) [{src}]")
        for o in rec.obstacles:
            c = o.centroid
            lines.append(
                f"  {'障碍物（柱）' if zh else 'obstacle (column)'}: {o.area / 1e6:.2f} m² @ "
                f"({_n(c.x / f)}, {_n(c.y / f)})"
            )
    if rec.doubts:
        lines.append("请核对：" if zh else "Check:")
        lines += [f"  ! {z if zh else e}" for z, e in rec.doubts]
    lines.append("识别说明：" if zh else "What was found and guessed:")
    lines += [f"  - {z if zh else e}" for z, e in rec.notes]
    if rec.hall is None:
        lines.append(
            "未找到房间：无法识别大厅（可用 --at X,Y 指定大厅内一点）"
            if zh
            else "no room found: the hall could not be recognized (give a point inside it with --at X,Y)"
        )
    return "\n".join(line for line in lines if line) + "\n"
