"""The intake bound: numbers and sizes no hall drawing has, kept away from everything downstream.

One pass over a document's entities (the model space and every block definition) finds what is
absurd for a floor plan: a coordinate or radius beyond any survey grid, an insert scaled by 1e300, a
polyline of 200,000 vertices, a text of millions of characters, a MINSERT of 25 million cells, more
BM_ objects than any hall holds.  Each such entity is *left out*, never changed: its handle goes into
:attr:`Bounds.excluded`, which the plan reader, recognition and the drawing frontends all skip, and
the document keeps it, so a save writes it back as it came (ezdxf's rule for unknown data).

:func:`bounds_of` is the one place that decides; it is computed once per document.  Its issues are
:class:`~bianmin.geometry.intake.IssueKind.OUT_OF_BOUNDS`, reported by the rule DXF-BOUNDS.

Before this pass such entities reached the rules (an OverflowError in HALL-CONTAINS, GEOS errors in
five others), made recognition flatten an arc of radius 1e300 for minutes, and took validate, layout
and the designer past 8 GB.
"""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field

from bianmin.geometry.intake import IntakeIssue, IssueKind

# drawing units: a city survey grid in millimetres reaches 1e10 (10,000 km); nothing real goes further
MAX_COORDINATE = 1e10
# an arc, circle or ellipse larger than 10 km (in mm; 10,000 km in a metre drawing) is no door swing
MAX_RADIUS = 1e7
# an insert's scale: 1:10,000 either way covers metre blocks in a millimetre drawing and back
MAX_SCALE = 1e4
# one polyline, spline or hatch: a hall outline has tens of vertices, a traced curve a few thousand
MAX_VERTICES = 20_000
# one TEXT, MTEXT or ATTRIB: a long note on a drawing is a few hundred characters
MAX_TEXT = 20_000
# a MINSERT's cells (rows × columns)
MAX_GRID_CELLS = 10_000
# the BM_ objects in a plan: a large centre has a few hundred; 3,254 in the largest test plan; 10,000 took export pdf 22 s and 5,000 the designer 22 s
MAX_OBJECTS = 4_000
# entities named one by one in the finding; the rest are counted
NAMED = 20


@dataclass
class Bounds:
    """What the bound left out: handles, and the issues that say why (one per entity, the first
    :data:`NAMED`, then one that counts the rest)."""

    excluded: frozenset[str] = frozenset()
    issues: list[IntakeIssue] = field(default_factory=list)
    # blocks holding an excluded entity (at any depth): drawn by a frontend that would expand them whole
    tainted_blocks: frozenset[str] = frozenset()

    def draws(self, entity) -> bool:
        """Whether a drawing frontend, which expands blocks itself, may draw ``entity``."""
        if not self.keeps(entity):
            return False
        if self.tainted_blocks and entity.dxftype() == "INSERT":
            return entity.dxf.get("name", "").upper() not in self.tainted_blocks
        return True

    def keeps(self, entity) -> bool:
        """Whether ``entity`` is within the bound (a filter for walkers and drawing frontends)."""
        if not self.excluded:
            return True
        try:
            return entity.dxf.handle not in self.excluded
        except Exception:  # noqa: BLE001 - an entity without a handle was not judged
            return True


_CACHE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def bounds_of(doc) -> Bounds:
    """The bound of ``doc``, computed on first use and kept while the document lives."""
    try:
        return _CACHE[doc]
    except (KeyError, TypeError):
        pass
    result = _scan(doc)
    try:
        _CACHE[doc] = result
    except TypeError:  # a document that cannot be weakly referenced: computed each time
        pass
    return result


def forget(doc) -> None:
    """Drop the cached bound (the designer edits the document; the next reading scans again)."""
    _CACHE.pop(doc, None)


def _scan(doc) -> Bounds:
    found: list[tuple[object, str, str]] = []  # (entity, zh reason, en reason)
    tainted: set[str] = set()
    children: dict[str, set[str]] = {}  # block -> blocks it inserts
    objects = 0
    spaces = [doc.modelspace()]
    try:
        spaces += [b for b in doc.blocks if not b.name.upper().startswith(("*MODEL_SPACE", "*PAPER_SPACE"))]
    except Exception:  # noqa: BLE001 - an odd block table: the model space alone
        pass
    for space_index, space in enumerate(spaces):
        for entity in space:
            try:
                why = _why(entity)
            except Exception:  # noqa: BLE001 - unreadable values are the reader's business (DXF-GEOMETRY)
                why = None
            if why is None and space_index == 0 and entity.dxftype() == "INSERT":
                name = entity.dxf.get("name", "")
                if name.upper().startswith("BM_"):
                    objects += 1
                    if objects > MAX_OBJECTS:
                        why = (f"平面图中的对象超过 {MAX_OBJECTS} 个", f"more than {MAX_OBJECTS} objects in the plan")
            if why is not None:
                found.append((entity, *why))
                if space_index:
                    tainted.add(space.name.upper())
            elif space_index and entity.dxftype() == "INSERT":
                children.setdefault(space.name.upper(), set()).add(entity.dxf.get("name", "").upper())
    if not found:
        return Bounds()
    grown = True
    while grown:  # a block that inserts a tainted block is tainted too
        grown = False
        for name, inner in children.items():
            if name not in tainted and inner & tainted:
                tainted.add(name)
                grown = True
    excluded = frozenset(h for h in (_handle(e) for e, _, _ in found) if h)
    return Bounds(excluded=excluded, issues=_issues(found), tainted_blocks=frozenset(tainted))


# plain numbers of an entity that a drawing frontend computes with: one of them infinite (a TEXT
# rotated by inf, fuzz mutant 87) made ezdxf flatten a glyph forever, in the designer's opening
_NUMBERS = ("rotation", "height", "width", "oblique", "char_height", "start_angle", "end_angle", "ratio", "thickness")
_NUMBER_NAMES = {
    "rotation": "旋转角",
    "height": "高度",
    "width": "宽度",
    "oblique": "倾斜角",
    "char_height": "字高",
    "start_angle": "起始角",
    "end_angle": "终止角",
    "ratio": "长短轴比",
    "thickness": "厚度",
}


def _numbers(dxf) -> tuple[str, str] | None:
    for name in _NUMBERS:
        try:
            if not dxf.hasattr(name):
                continue
            v = dxf.get(name)
        except Exception:  # noqa: BLE001 - not an attribute of this type
            continue
        if isinstance(v, float) and (not math.isfinite(v) or abs(v) > MAX_COORDINATE):
            return (f"{_NUMBER_NAMES[name]} {_n(v)} 无效", f"{name} {_n(v)} is not a usable number")
    if dxf.hasattr("height") or dxf.hasattr("char_height"):
        h = dxf.get("char_height") if dxf.hasattr("char_height") else dxf.get("height")
        if isinstance(h, float) and abs(h) > MAX_RADIUS:
            return (f"文字高 {_n(h)} 超出 {_n(MAX_RADIUS)}", f"text height {_n(h)} beyond {_n(MAX_RADIUS)}")
    return None


def _why(entity) -> tuple[str, str] | None:
    """Why ``entity`` is beyond the bound, in Chinese and English, or None."""
    t = entity.dxftype()
    dxf = entity.dxf
    if t in ("TEXT", "MTEXT", "ATTRIB", "ATTDEF", "ARC", "ELLIPSE", "INSERT", "SHAPE"):
        odd = _numbers(dxf)
        if odd is not None:
            return odd
    if t == "LINE":
        return _points(("起点", "start", dxf.start), ("终点", "end", dxf.end))
    if t in ("ARC", "CIRCLE"):
        return _points(("圆心", "centre", dxf.center)) or _radius(dxf.radius)
    if t == "ELLIPSE":
        major = dxf.major_axis
        return _points(("圆心", "centre", dxf.center)) or _radius(math.hypot(major[0], major[1]))
    if t == "LWPOLYLINE":
        n = len(entity)
        if n > MAX_VERTICES:
            return _too_many(n)
        return _values(entity.lwpoints.values, stride=5, take=2)
    if t == "POLYLINE":
        n = len(entity.vertices)
        if n > MAX_VERTICES:
            return _too_many(n)
        return _points(*(("顶点", "vertex", v.dxf.location) for v in entity.vertices))
    if t == "SPLINE":
        n = max(len(entity.control_points), len(entity.fit_points))
        return _too_many(n) if n > MAX_VERTICES else None
    if t == "HATCH":
        n = sum(len(getattr(p, "vertices", ())) + len(getattr(p, "edges", ())) for p in entity.paths)
        return _too_many(n) if n > MAX_VERTICES else None
    if t in ("TEXT", "ATTRIB", "ATTDEF", "MTEXT"):
        text = entity.text if t == "MTEXT" else dxf.get("text", "")
        if len(text) > MAX_TEXT:
            return (
                f"文字长 {len(text)} 个字符，超过上限 {MAX_TEXT}",
                f"a text of {len(text)} characters (limit {MAX_TEXT})",
            )
        return _points(("插入点", "insertion point", dxf.insert))
    if t == "INSERT":
        return _insert(entity)
    return None


def _insert(entity) -> tuple[str, str] | None:
    dxf = entity.dxf
    out = _points(("插入点", "insertion point", dxf.insert))
    if out:
        return out
    for axis in ("xscale", "yscale", "zscale"):
        s = dxf.get(axis, 1.0)
        if not math.isfinite(s) or abs(s) > MAX_SCALE:
            return (f"插入比例 {_n(s)} 超出 ±{_n(MAX_SCALE)}", f"insert scale {_n(s)} beyond ±{_n(MAX_SCALE)}")
    cells = max(1, int(dxf.get("row_count", 1))) * max(1, int(dxf.get("column_count", 1)))
    if cells > MAX_GRID_CELLS:
        return (
            f"阵列插入 {cells} 个，超过上限 {MAX_GRID_CELLS}",
            f"an array insert of {cells} copies (limit {MAX_GRID_CELLS})",
        )
    for attrib in entity.attribs:
        text = attrib.dxf.get("text", "")
        if len(text) > MAX_TEXT:
            return (f"属性文字长 {len(text)} 个字符，超过上限 {MAX_TEXT}", f"an attribute of {len(text)} characters")
    return None


def _points(*named) -> tuple[str, str] | None:
    for zh, en, p in named:
        for v in (p[0], p[1]):
            if not math.isfinite(v) or abs(v) > MAX_COORDINATE:
                return (
                    f"{zh}坐标 {_n(v)} 超出 ±{_n(MAX_COORDINATE)}",
                    f"{en} coordinate {_n(v)} beyond ±{_n(MAX_COORDINATE)}",
                )
    return None


def _values(values, *, stride: int, take: int) -> tuple[str, str] | None:
    for i in range(0, len(values), stride):
        for v in values[i : i + take]:
            if not math.isfinite(v) or abs(v) > MAX_COORDINATE:
                return (
                    f"顶点坐标 {_n(v)} 超出 ±{_n(MAX_COORDINATE)}",
                    f"vertex coordinate {_n(v)} beyond ±{_n(MAX_COORDINATE)}",
                )
    return None


def _radius(r: float) -> tuple[str, str] | None:
    if not math.isfinite(r) or abs(r) > MAX_RADIUS:
        return (f"半径 {_n(r)} 超出 {_n(MAX_RADIUS)}", f"radius {_n(r)} beyond {_n(MAX_RADIUS)}")
    return None


def _too_many(n: int) -> tuple[str, str]:
    return (f"有 {n} 个顶点，超过上限 {MAX_VERTICES}", f"{n} vertices (limit {MAX_VERTICES})")


def _n(v: float) -> str:
    """A number as a reader writes it: 1.5×10^300, not Python's 1.5e+300."""
    if not math.isfinite(v):
        return "非数" if math.isnan(v) else ("+∞" if v > 0 else "−∞")
    if v == 0 or 1e-3 <= abs(v) < 1e6:
        return f"{v:g}"
    exponent = math.floor(math.log10(abs(v)))
    return f"{v / 10**exponent:.3g}×10^{exponent}"


def _handle(entity) -> str:
    try:
        return entity.dxf.handle or ""
    except Exception:  # noqa: BLE001
        return ""


def _issues(found) -> list[IntakeIssue]:
    out = []
    for entity, zh, en in found[:NAMED]:
        handle = _handle(entity)
        try:
            layer = entity.dxf.get("layer", "0")
        except Exception:  # noqa: BLE001
            layer = "?"
        what = entity.dxftype()
        out.append(
            IntakeIssue(
                IssueKind.OUT_OF_BOUNDS,
                f"{what} #{handle}（图层 {layer}）：{zh}，不是平面图中可能的数值，此对象未读入（文件中保留原样）",
                f"{what} #{handle} (layer {layer}): {en}, not a value a floor plan can have; "
                f"the entity was left out (the file keeps it as it is)",
                handles=[handle] if handle else [],
            )
        )
    rest = found[NAMED:]
    if rest:
        out.append(
            IntakeIssue(
                IssueKind.OUT_OF_BOUNDS,
                f"另有 {len(rest)} 个对象超出合理范围，同样未读入",
                f"{len(rest)} more entities beyond the bound were left out as well",
                handles=[h for h in (_handle(e) for e, _, _ in rest[:1000]) if h],
            )
        )
    return out
