"""The modelspace's entities to the plan model (docs/dxf-convention.md): the hall, zones, obstacles,
openings and routes from the BM- layers, the BM_ blocks (nested ones too) as placed objects with
their footprints and attributes.

Everything the convention cannot use (an open zone, a block that inserts itself, a block name
nobody knows) becomes an :class:`IntakeIssue` naming the entity's handle; the entity is then left
out of the plan, never raised as an exception.
"""

from __future__ import annotations

import math
import re

from ezdxf.math import Matrix44
from shapely import validation

from bianmin.geometry import catalog
from bianmin.geometry.dxf.blocks import MAX_NESTING, Blocks, affine, scaled
from bianmin.geometry.dxf.bounds import bounds_of
from bianmin.geometry.dxf.outlines import is_closed, raw_points
from bianmin.geometry.dxf.units import declared_units, guessed_units
from bianmin.geometry.intake import Intake, IntakeIssue, IssueKind
from bianmin.geometry.model import Hall, Obstacle, Opening, PlacedObject, Plan, Route, Zone
from bianmin.geometry.shapes import outline_polygon

# a plan lies within a few kilometres of its origin (even in a city's survey grid, within 10,000 km);
# a vertex at 1e18 made the analysis grid ask numpy for 13 GiB, one at 1e300 broke every rule
MAX_COORDINATE_MM = 1e10


def has_bm_layer(doc) -> bool:
    """Whether the layer table has a layer of the convention (even an empty one: a plan being drawn)."""
    try:
        return any(catalog.is_bm_layer(layer.dxf.name) or catalog.layer_spec(layer.dxf.name) for layer in doc.layers)
    except Exception:  # an odd layer table: assume a plan, so the ordinary check says what is wrong
        return True


class PlanReader:
    """Reads a document's modelspace once (:meth:`read`); its block footprints are cached per block."""

    def __init__(self, doc) -> None:
        self.doc = doc
        self.factor, self.units_known, self.issues = declared_units(doc)
        self.blocks = Blocks(doc, self._cycle)
        self.planinfo: list = []  # BM_PLANINFO inserts in the modelspace
        self.bm_entities = 0  # entities of the convention met: BM- layers, BM_ blocks (nested too)
        self.bounds = bounds_of(doc)  # what is beyond the intake bound is never read

    # -- main loop -----------------------------------------------------------
    def read(self) -> Intake:
        """The plan and the issues met; ``factor``, ``planinfo`` and ``bm_entities`` are set on the way."""
        raw: dict[str, list] = {"hall": [], "zone": [], "opening": [], "obstacle": [], "route": []}
        inserts: list[tuple[object, Matrix44, bool]] = []
        msp = self.doc.modelspace()
        self.issues.extend(self.bounds.issues)
        keeps = self.bounds.keeps
        for entity in msp:
            if not keeps(entity):
                continue
            try:
                self._classify(entity, raw, inserts)
            except Exception as exc:  # one odd entity never stops the plan
                self._unreadable(entity, exc)
        if not self.units_known:
            self._guess_units(raw["hall"])
        plan = Plan()
        halls = [h for h in (self._shape(e, "hall") for e in raw["hall"]) if h is not None]
        self.hall_count = len(halls)
        if len(halls) == 1:
            plan.hall = Hall(outline=halls[0][1], id=halls[0][0])
        for entity, kind in raw["zone"]:
            shape = self._shape(entity, "zone")
            if shape:
                plan.zones.append(Zone(outline=shape[1], kind=kind, id=shape[0]))
        for entity in raw["obstacle"]:
            shape = self._shape(entity, "obstacle")
            if shape:
                plan.obstacles.append(Obstacle(outline=shape[1], id=shape[0]))
        for entity, kind in raw["opening"]:
            opening = self._opening(entity, kind)
            if opening:
                plan.openings.append(opening)
        for entity in raw["route"]:
            route = self._route(entity)
            if route:
                plan.routes.append(route)
        for insert, matrix, nested in inserts:
            try:
                obj = self._object(insert, matrix, nested)
            except Exception as exc:  # a damaged block reference (an ATTRIB without its data …)
                self._unreadable(insert, exc)
                continue
            if obj:
                plan.objects.append(obj)
        return Intake(plan=plan, issues=self.issues, hall_count=self.hall_count)

    def _classify(self, entity, raw, inserts) -> None:
        dxftype = entity.dxftype()
        layer_name = entity.dxf.get("layer", "0")
        spec = catalog.layer_spec(layer_name)
        if spec is not None or catalog.is_bm_layer(layer_name):
            self.bm_entities += 1
        if dxftype == "INSERT":
            name = entity.dxf.name
            if name.upper().startswith("BM_"):
                self.bm_entities += 1
            if name.upper() == catalog.PLANINFO_BLOCK:
                self.planinfo.append(entity)
            elif name.upper().startswith("BM_"):
                if catalog.block_spec(name):
                    inserts.append((entity, entity.matrix44(), False))
                else:
                    self._unknown_block(entity)
            elif catalog.is_bm_layer(layer_name):
                self._unknown_block(entity)
            elif self.blocks.has_bm(name):
                self.bm_entities += 1
                self._collect_nested(entity, entity.matrix44(), inserts, (name.upper(),))
            return
        if spec is None:
            return
        if spec.role == "hall" and dxftype in _CLOSED_TYPES:
            raw["hall"].append(entity)
        elif spec.role == "zone" and dxftype in _CLOSED_TYPES:
            raw["zone"].append((entity, spec.kind))
        elif spec.role == "obstacle" and dxftype in _CLOSED_TYPES:
            raw["obstacle"].append(entity)
        elif spec.role == "opening" and dxftype in ("LINE", "LWPOLYLINE", "POLYLINE"):
            raw["opening"].append((entity, spec.kind))
        elif spec.role == "route" and dxftype in ("LINE", "LWPOLYLINE", "POLYLINE"):
            raw["route"].append(entity)
        elif spec.role in ("hall", "zone", "obstacle") and dxftype == "LINE":
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE,
                entity,
                f"{spec.zh}应为闭合多段线，这里是直线",
                f"{spec.en} must be a closed polyline, found a LINE",
            )

    # -- units guess -----------------------------------------------------------
    def _guess_units(self, halls) -> None:
        width = 0.0
        for entity in halls:
            pts = raw_points(entity)
            if pts:
                xs = [p[0] for p in pts]
                ys = [p[1] for p in pts]
                width = max(width, max(xs) - min(xs), max(ys) - min(ys))
        self.factor, issue = guessed_units(width, bool(halls))
        self.issues.append(issue)

    # -- shapes -----------------------------------------------------------
    def _shape(self, entity, role):
        handle = entity.dxf.handle
        spec = catalog.layer_spec(entity.dxf.layer)
        what_zh, what_en = (spec.zh, spec.en) if spec else (role, role)
        pts = raw_points(entity)
        if not is_closed(entity, pts):
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE, entity, f"{what_zh}外形未闭合", f"{what_en} outline is not closed"
            )
            return None
        if len(pts) > 2 and math.dist(pts[0][:2], pts[-1][:2]) < 1e-6 and entity.dxftype() != "CIRCLE":
            pts = pts[:-1]
        if not all(math.isfinite(v) for p in pts for v in p):
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE, entity, f"{what_zh}坐标无效", f"{what_en} has invalid coordinates"
            )
            return None
        f = self.factor
        outline = [(x * f, y * f, b) for x, y, b in pts]
        if any(abs(x) > MAX_COORDINATE_MM or abs(y) > MAX_COORDINATE_MM for x, y, _ in outline):
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE,
                entity,
                f"{what_zh}坐标超出合理范围（大于 {MAX_COORDINATE_MM / 1e6:.0f} km），已忽略",
                f"{what_en} has coordinates beyond {MAX_COORDINATE_MM / 1e6:.0f} km; left out",
            )
            return None
        if len(outline) < 3 and not any(b for _, _, b in outline):
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE, entity, f"{what_zh}顶点少于 3 个", f"{what_en} has fewer than 3 vertices"
            )
            return None
        polygon = outline_polygon(outline)
        if polygon.is_empty or polygon.convex_hull.area < 1.0:
            self._entity_issue(IssueKind.SHAPE_UNUSABLE, entity, f"{what_zh}面积为零", f"{what_en} has zero area")
            return None
        if not polygon.is_valid:
            reason = validation.explain_validity(polygon)
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE,
                entity,
                f"{what_zh}外形自相交或无效（{reason}）",
                f"{what_en} outline is self-intersecting or invalid ({reason})",
                location=_reason_point(reason),
            )
            return None
        return handle, outline

    def _opening(self, entity, kind):
        pts = raw_points(entity)
        spec = catalog.LAYERS[catalog.OPENING_LAYER[kind]]
        if len(pts) != 2:
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE,
                entity,
                f"{spec.zh}应为直线或两个顶点的多段线，这里有 {len(pts)} 个顶点",
                f"{spec.en} must be a LINE or a two-vertex polyline; found {len(pts)} vertices",
            )
            return None
        (x1, y1, _), (x2, y2, _) = pts
        f = self.factor
        if not _within(((x1 * f, y1 * f), (x2 * f, y2 * f))):
            self._beyond(entity, spec.zh, spec.en)
            return None
        if math.dist((x1, y1), (x2, y2)) * f < 1.0:
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE,
                entity,
                f"{spec.zh}宽度为零",
                f"{spec.en} has zero width",
                location=(x1 * f, y1 * f),
            )
            return None
        return Opening(
            kind=kind,
            start=(x1 * f, y1 * f),
            end=(x2 * f, y2 * f),
            id=entity.dxf.handle,
            attribs=opening_attribs(entity),
        )

    def _route(self, entity):
        pts = raw_points(entity)
        if entity.dxftype() != "LINE" and is_closed(entity, pts) and len(pts) > 2:
            pts = pts + [pts[0]]
        if len(pts) < 2:
            self._entity_issue(
                IssueKind.SHAPE_UNUSABLE, entity, "疏散路线少于两个点", "evacuation route has fewer than two points"
            )
            return None
        f = self.factor
        points = [(x * f, y * f) for x, y, _ in pts]
        if not _within(points):
            self._beyond(entity, "疏散路线", "evacuation route")
            return None
        return Route(points=points, id=entity.dxf.handle)

    # -- blocks -----------------------------------------------------------------
    def _unknown_block(self, entity) -> None:
        name = entity.dxf.name
        loc = entity.dxf.insert
        self.issues.append(
            IntakeIssue(
                IssueKind.BLOCK_NOT_IN_CATALOGUE,
                f"图层 {entity.dxf.layer} 上的块 {name} 不是约定中的块，已忽略",
                f"block {name} on layer {entity.dxf.layer} is not a convention block; ignored",
                handles=[entity.dxf.handle],
                location=(loc[0] * self.factor, loc[1] * self.factor),
            )
        )

    def _collect_nested(self, insert, matrix: Matrix44, inserts, stack) -> None:
        block = self.doc.blocks.get(insert.dxf.name)
        if block is None:
            return
        for child in block:
            if child.dxftype() != "INSERT" or not self.bounds.keeps(child):
                continue
            cname = child.dxf.name
            cmatrix = child.matrix44() * matrix
            if cname.upper().startswith("BM_"):
                if catalog.block_spec(cname):
                    inserts.append((child, cmatrix, True))
                else:
                    self._unknown_block(child)
            elif cname.upper() in stack or len(stack) > MAX_NESTING:
                self._cycle(child, stack)
            elif self.blocks.has_bm(cname):
                self._collect_nested(child, cmatrix, inserts, stack + (cname.upper(),))

    def _cycle(self, entity, stack) -> None:
        chain = " → ".join(stack + (entity.dxf.name,))
        self._entity_issue(
            IssueKind.BLOCK_CYCLE,
            entity,
            f"块引用自身（{chain}），已跳过",
            f"a block inserts itself ({chain}); skipped",
        )

    def _object(self, insert, matrix: Matrix44, nested: bool):
        name = insert.dxf.name.upper()
        local = self.blocks.footprint(insert.dxf.name, insert)
        f = self.factor
        local_mm = scaled(local, f)
        a, b, d, e, xo, yo = affine(matrix)
        transform = (a, b, d, e, xo * f, yo * f)
        if not _within([(xo * f, yo * f)]) or not _within(scaled_box(local_mm.bounds, (a, b, d, e))):
            self._beyond(insert, f"块 {name}", f"block {name}")
            return None
        if not all(math.isfinite(v) for v in transform) or abs(a * e - b * d) < 1e-12:
            self._entity_issue(
                IssueKind.INSERT_SCALE_INVALID,
                insert,
                f"块 {name} 的插入比例为零或无效",
                f"block {name} has a zero or invalid scale",
            )
            return None
        attribs = self.blocks.attdefs(insert.dxf.name)
        for attrib in insert.attribs:
            attribs[attrib.dxf.tag.upper()] = attrib.dxf.text
        return PlacedObject(
            block=name, transform=transform, local=local_mm, attribs=attribs, id=insert.dxf.handle, nested=nested
        )

    def _unreadable(self, entity, exc: Exception) -> None:
        """An entity the reader failed on, said in words; the library's own words go to the JSON only
        (the outside test saw "'Attrib' object has no attribute 'dxf'" in a reviewer's report)."""
        self._entity_issue(
            IssueKind.ENTITY_UNREADABLE,
            entity,
            "数据不完整或已损坏，无法读取，已忽略",
            "its data is incomplete or damaged; it cannot be read and was left out",
        )
        self.issues[-1].details.append(f"{type(exc).__name__}: {exc}")

    def _beyond(self, entity, what_zh, what_en) -> None:
        self._entity_issue(
            IssueKind.OUT_OF_BOUNDS,
            entity,
            f"{what_zh}坐标超出合理范围（大于 {MAX_COORDINATE_MM / 1e6:.0f} km），已忽略",
            f"{what_en} has coordinates beyond {MAX_COORDINATE_MM / 1e6:.0f} km; left out",
        )

    def _entity_issue(self, kind: IssueKind, entity, zh, en, location=None) -> None:
        try:
            handle = entity.dxf.handle
            layer = entity.dxf.get("layer", "")
        except Exception:
            handle, layer = None, ""
        prefix_zh = f"{entity.dxftype()} #{handle}（图层 {layer}）：" if handle else ""
        prefix_en = f"{entity.dxftype()} #{handle} (layer {layer}): " if handle else ""
        self.issues.append(
            IntakeIssue(kind, prefix_zh + zh, prefix_en + en, handles=[handle] if handle else [], location=location)
        )


_CLOSED_TYPES = ("LWPOLYLINE", "POLYLINE", "CIRCLE")


def _within(points) -> bool:
    """Whether every point is finite and within MAX_COORDINATE_MM of the origin."""
    return all(math.isfinite(v) and abs(v) <= MAX_COORDINATE_MM for p in points for v in p)


def scaled_box(bounds, linear) -> list[tuple[float, float]]:
    """The corners of a footprint's box (shapely bounds) under the linear part (a, b, d, e) of its transform."""
    a, b, d, e = linear
    if len(bounds) != 4:  # an empty footprint
        return []
    x0, y0, x1, y1 = bounds
    corners = [(x, y) for x in (x0, x1) for y in (y0, y1)]
    return [(a * x + b * y, d * x + e * y) for x, y in corners]


def _reason_point(reason: str):
    m = re.search(r"\[([-\d.eE+]+)\s+([-\d.eE+]+)\]", reason)
    return (float(m.group(1)), float(m.group(2))) if m else None


def opening_attribs(entity) -> dict[str, str]:
    """A door's attributes from its XDATA (catalog.OPENING_APPID: 1000 strings "TAG=value")."""
    try:
        if not entity.has_xdata(catalog.OPENING_APPID):
            return {}
        tags = entity.get_xdata(catalog.OPENING_APPID)
    except Exception:
        return {}
    known = {a.tag for a in catalog.OPENING_ATTRIBUTES}
    out: dict[str, str] = {}
    for code, value in tags:
        if code != 1000 or "=" not in str(value):
            continue
        tag, _, text = str(value).partition("=")
        tag = tag.strip().upper()
        if tag in known and len(text) <= 64:
            out[tag] = text.strip()
    return out
