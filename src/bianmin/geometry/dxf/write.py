"""Write a plan's BM- content into a DXF drawing, in place, and save atomically.

Everything the drawing holds that is not plan content (the architect's walls,
text, dimensions, hatches, blocks, layers, header) is left as it is: the
writer touches only entities it read as plan elements (``Plan.loaded``) and
the ones it adds.  An element that is still the very object the reader made
is not rewritten at all, so an unchanged element keeps its entity byte for
byte; a changed one is updated in place and keeps its handle; only a removed
one is deleted.
"""

from __future__ import annotations


import ezdxf
from ezdxf.math import Matrix44

from bianmin.geometry import catalog
from bianmin.geometry.atomic import atomic_output
from bianmin.geometry.model import Opening, PlacedObject, Plan, Route, Shape, new_id

SYMBOL_LAYER = "0"


# ---------------------------------------------------------------------------
# documents
# ---------------------------------------------------------------------------


def new_document():
    """An empty R2010 drawing in millimetres with the convention's layers and blocks."""
    doc = ezdxf.new("R2010", setup=False)
    doc.header["$INSUNITS"] = 4
    doc.header["$MEASUREMENT"] = 1
    doc.header["$LUNITS"] = 2
    ensure_layers(doc)
    for name in catalog.BLOCKS:
        ensure_block(doc, name)
    return doc


def ensure_layers(doc) -> None:
    for spec in catalog.LAYERS.values():
        if _existing_layer(doc, spec) is None:
            doc.layers.add(spec.name, color=spec.color)


def _existing_layer(doc, spec) -> str | None:
    for name in (spec.name, spec.alias):
        if name in doc.layers:  # ezdxf's layer table is case-insensitive
            return doc.layers.get(name).dxf.name
    return None


def layer_for(doc, layer_name: str) -> str:
    """The drawing's own spelling of a convention layer (its Chinese alias, if that is what it uses)."""
    spec = catalog.LAYERS[layer_name]
    return _existing_layer(doc, spec) or spec.name


def ensure_block(doc, name: str) -> None:
    """Define a BM_ block from the catalogue unless the drawing has its own."""
    if name in doc.blocks:
        return
    spec = catalog.BLOCKS[name]
    block = doc.blocks.new(name)
    if doc.dxfversion > "AC1009":
        block.block_record.dxf.units = MM_UNITS  # drawn in mm: inserted at 1/f in a drawing in other units
    w, d = spec.size
    corners = [(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)]
    if spec.round:
        block.add_circle((0, 0), w / 2, dxfattribs={"layer": SYMBOL_LAYER})
    elif doc.dxfversion <= "AC1009":  # R12 has no LWPOLYLINE (it raised DXFVersionError and aborted the designer)
        block.add_polyline2d(corners, close=True, dxfattribs={"layer": SYMBOL_LAYER})
    else:
        block.add_lwpolyline(corners, close=True, dxfattribs={"layer": SYMBOL_LAYER})
    # the front (local -Y) tick, so a person sees where the object faces
    block.add_line((0, 0), (0, -d / 2), dxfattribs={"layer": SYMBOL_LAYER})
    for i, tag in enumerate(spec.attributes):
        block.add_attdef(
            tag,
            insert=(-w / 2, d / 2 + 50 + 150 * i),
            text="",
            dxfattribs={"height": 120, "flags": 0 if tag == "NO" else 1},
        )


# ---------------------------------------------------------------------------
# applying a plan
# ---------------------------------------------------------------------------


def apply_plan(doc, plan: Plan, units_factor: float = 1.0) -> None:
    """Make the drawing's BM- content match the plan; sets new elements' ids to their handles."""
    ensure_layers(doc)
    msp = doc.modelspace()
    f = units_factor or 1.0
    loaded = plan.loaded
    current = {e.id for e in plan.elements()}
    # deleted: read from this drawing, gone from the plan
    for element_id, element in loaded.items():
        if element_id not in current and not getattr(element, "nested", False):
            entity = _modelspace_entity(doc, msp, element_id)
            if entity is not None:
                msp.delete_entity(entity)
    for element in plan.elements():
        if getattr(element, "nested", False):
            continue
        if loaded.get(element.id) is element:
            continue  # unchanged since it was read
        entity = _modelspace_entity(doc, msp, element.id)
        handle = _write_element(doc, msp, element, entity, loaded.get(element.id), f)
        element.id = handle
    _write_properties(doc, plan, units_factor)
    if units_factor == 1.0 and not doc.header.get("$INSUNITS", 0):
        # the drawing was read as millimetres without saying so: say it (the convention's 4), so that
        # later checks need not guess and warn again (issue 14)
        doc.header["$INSUNITS"] = 4
    plan.loaded = {e.id: e for e in plan.elements()}


def _modelspace_entity(doc, msp, handle: str):
    """The live modelspace entity with this handle, or None.  An id that names something else in
    this drawing (a layer, a block's entity: the plan was read from another file) is not ours."""
    entity = doc.entitydb.get(handle)
    if entity is None or not entity.is_alive or entity.dxf.get("owner") != msp.layout_key:
        return None
    return entity


def _write_element(doc, msp, element, entity, old, f: float) -> str:
    if isinstance(element, PlacedObject):
        return _write_object(doc, msp, element, entity, old, f)
    if isinstance(element, Shape):
        layer = element.layer
        pts = [(x / f, y / f, b) for x, y, b in element.outline]
        return _write_polyline(doc, msp, entity, layer, pts, closed=True)
    if isinstance(element, Opening):
        layer = element.layer
        start = (element.start[0] / f, element.start[1] / f)
        end = (element.end[0] / f, element.end[1] / f)
        if entity is not None and entity.dxftype() == "LINE" and _same_role(entity, layer):
            entity.dxf.start, entity.dxf.end = start, end
        elif entity is not None and entity.dxftype() == "LWPOLYLINE" and _same_role(entity, layer):
            entity.set_points([start, end], format="xy")
        else:
            _delete(msp, entity)
            entity = msp.add_line(start, end, dxfattribs={"layer": layer_for(doc, layer)})
        _write_opening_attribs(doc, entity, element.attribs)
        return entity.dxf.handle
    if isinstance(element, Route):
        pts = [(x / f, y / f, 0.0) for x, y in element.points]
        return _write_polyline(doc, msp, entity, element.layer, pts, closed=False)
    raise TypeError(type(element))


def _write_opening_attribs(doc, entity, attribs: dict[str, str]) -> None:
    """A door's attributes as XDATA "TAG=value" strings (catalog.OPENING_APPID); none: no XDATA."""
    appid = catalog.OPENING_APPID
    values = [(1000, f"{k}={v}") for k, v in sorted(attribs.items()) if v]
    if not values:
        if entity.has_xdata(appid):
            entity.discard_xdata(appid)
        return
    if appid not in doc.appids:
        doc.appids.new(appid)
    entity.set_xdata(appid, values)


def _same_role(entity, layer: str) -> bool:
    return catalog.layer_spec(entity.dxf.layer) is catalog.LAYERS[layer]


def _write_polyline(doc, msp, entity, layer: str, pts, *, closed: bool) -> str:
    if entity is not None and entity.dxftype() == "LWPOLYLINE" and _same_role(entity, layer):
        entity.set_points([(x, y, 0, 0, b) for x, y, b in pts], format="xyseb")
        entity.closed = closed
        return entity.dxf.handle
    target_layer = entity.dxf.layer if entity is not None and _same_role(entity, layer) else layer_for(doc, layer)
    _delete(msp, entity)
    if doc.dxfversion <= "AC1009":
        poly = msp.add_polyline2d([(x, y) for x, y, _ in pts], close=closed, dxfattribs={"layer": target_layer})
        for vertex, (_, _, b) in zip(poly.vertices, pts, strict=False):
            vertex.dxf.bulge = b
        return poly.dxf.handle
    poly = msp.add_lwpolyline(
        [(x, y, 0, 0, b) for x, y, b in pts], format="xyseb", close=closed, dxfattribs={"layer": target_layer}
    )
    return poly.dxf.handle


def _delete(msp, entity) -> None:
    if entity is not None and entity.is_alive:
        msp.delete_entity(entity)


def _matrix(transform, f: float) -> Matrix44:
    a, b, d, e, x, y = transform
    return Matrix44([a, d, 0, 0, b, e, 0, 0, 0, 0, 1, 0, x / f, y / f, 0, 1])


def _write_object(doc, msp, obj: PlacedObject, entity, old, f: float) -> str:
    if (
        entity is not None
        and entity.dxftype() == "INSERT"
        and isinstance(old, PlacedObject)
        and (entity.dxf.get("name") or "").upper() == obj.block
    ):
        if old.transform != obj.transform:
            old_m = _matrix(old.transform, f)
            old_m.inverse()
            entity.transform(old_m * _matrix(obj.transform, f))
        _write_attribs(entity, obj)
        return entity.dxf.handle
    _delete(msp, entity)
    ensure_block(doc, obj.block)
    block = doc.blocks.get(obj.block)
    base = block.block.dxf.get("base_point", (0, 0, 0))
    x, y = obj.map_point(base[0] * f, base[1] * f)
    sx, sy = obj.scale
    spec = catalog.BLOCKS[obj.block]
    # the catalogue's blocks are drawn in mm: in a drawing in metres (f = 1000) the INSERT scales them
    # by 1/f, else a counter placed in such a drawing came back a thousand times larger (a drawing's own
    # block is in its own units and is inserted as it is)
    k = f if _block_units(block) == MM_UNITS else 1.0
    insert = msp.add_blockref(
        obj.block,
        (x / f, y / f),
        dxfattribs={
            "layer": layer_for(doc, spec.layer),
            "rotation": obj.rotation,
            "xscale": sx / k,
            "yscale": sy / k,
        },
    )
    _write_attribs(insert, obj)
    return insert.dxf.handle


MM_UNITS = 4


def _block_units(block) -> int:
    try:
        return int(block.block_record.dxf.get("units", 0) or 0)
    except (AttributeError, TypeError, ValueError):
        return 0


def _write_attribs(insert, obj: PlacedObject) -> None:
    existing = {a.dxf.tag.upper(): a for a in insert.attribs}
    block = insert.doc.blocks.get(insert.dxf.name) if insert.doc else None
    defaults = {}
    if block is not None:
        defaults = {a.dxf.tag.upper(): a.dxf.text for a in block if a.dxftype() == "ATTDEF"}
    for tag, value in obj.attribs.items():
        tag = tag.upper()
        if tag in existing:
            if existing[tag].dxf.text != value:
                existing[tag].dxf.text = value
        elif value != defaults.get(tag):  # a value equal to the ATTDEF's default needs no ATTRIB
            x, y, _ = insert.dxf.insert
            attrib = insert.add_attrib(tag, value, insert=(x, y), dxfattribs={"height": 120})
            attrib.is_invisible = tag != "NO"


def has_custom_properties(doc) -> bool:
    """ezdxf writes header custom properties from R2004 on; R12 and R2000 drawings have none."""
    return doc.dxfversion >= "AC1018"


def _write_properties(doc, plan: Plan, units_factor: float = 1.0) -> None:
    """Plan properties where the version keeps them (header custom properties); in BM_PLANINFO where
    it does not (R12, R2000: created beside the hall when missing); an existing BM_PLANINFO is always
    updated too, so that the two never disagree (docs/dxf-convention.md)."""
    mapping = plan.properties.to_mapping()
    if has_custom_properties(doc):
        custom = doc.header.custom_vars
        for key, value in mapping.items():
            if value:
                if custom.has_tag(key):
                    custom.replace(key, value)
                else:
                    custom.append(key, value)
            elif custom.has_tag(key):
                custom.remove(key, all=True)
    msp = doc.modelspace()
    # an INSERT without a name (a damaged file, fuzz mutant 351) is no BM_PLANINFO
    inserts = [e for e in msp.query("INSERT") if (e.dxf.get("name") or "").upper() == catalog.PLANINFO_BLOCK]
    if not inserts and not has_custom_properties(doc) and any(mapping.values()):
        inserts = [_add_planinfo(doc, plan, units_factor)]
    for insert in inserts:
        _write_planinfo(insert, mapping)


_PLANINFO_ROW_MM = 500.0  # row height of the information panel, mm on the plan


def _planinfo_block(doc, f: float) -> str:
    """The panel's block: a two-column table, the properties' Chinese labels on the left and an
    ATTDEF for each value on the right (visible, so the table reads as a title-block panel)."""
    name = catalog.PLANINFO_BLOCK
    if name in doc.blocks:
        return name
    block = doc.blocks.new(name)
    row, label_w, value_w = _PLANINFO_ROW_MM / f, 3500.0 / f, 9000.0 / f
    n = len(catalog.PLAN_PROPERTIES)
    frame = [(0, 0), (label_w + value_w, 0), (label_w + value_w, -n * row), (0, -n * row)]
    attribs = {"layer": SYMBOL_LAYER}
    if doc.dxfversion <= "AC1009":
        block.add_polyline2d(frame, close=True, dxfattribs=attribs)
    else:
        block.add_lwpolyline(frame, close=True, dxfattribs=attribs)
    block.add_line((label_w, 0), (label_w, -n * row), dxfattribs=attribs)
    for i, spec in enumerate(catalog.PLAN_PROPERTIES):
        y = -(i + 1) * row
        block.add_line((0, y), (label_w + value_w, y), dxfattribs=attribs)
        block.add_text(spec.zh, height=row * 0.45, dxfattribs={**attribs, "insert": (row * 0.2, y + row * 0.25)})
        block.add_attdef(
            spec.key,
            insert=(label_w + row * 0.2, y + row * 0.25),
            text="",
            dxfattribs={"height": row * 0.45, "layer": SYMBOL_LAYER},
        )
    return name


def _add_planinfo(doc, plan: Plan, f: float):
    name = _planinfo_block(doc, f)
    if plan.hall is not None:
        minx, miny, maxx, maxy = plan.hall.polygon.bounds
        at = ((maxx + 2000.0) / f, maxy / f)
    else:
        at = (0.0, 0.0)
    return doc.modelspace().add_blockref(name, at, dxfattribs={"layer": layer_for(doc, catalog.PLANINFO_LAYER)})


def _write_planinfo(insert, mapping: dict[str, str]) -> None:
    block = insert.doc.blocks.get(insert.dxf.name) if insert.doc else None
    attdefs = {a.dxf.tag.upper(): a for a in block if a.dxftype() == "ATTDEF"} if block is not None else {}
    existing = {a.dxf.tag.upper(): a for a in insert.attribs}
    for key, value in mapping.items():
        if key in existing:
            if existing[key].dxf.text != value:
                existing[key].dxf.text = value
        elif value:
            attdef = attdefs.get(key)
            if attdef is not None:
                loc = insert.matrix44().transform(attdef.dxf.insert)
                insert.add_attrib(key, value, insert=(loc.x, loc.y), dxfattribs={"height": attdef.dxf.height})
            else:
                x, y, _ = insert.dxf.insert
                insert.add_attrib(key, value, insert=(x, y), dxfattribs={"height": 120})


# ---------------------------------------------------------------------------
# saving
# ---------------------------------------------------------------------------


def save_atomic(doc, path, *, allow_readonly: bool = False) -> None:
    """Write the drawing through :func:`~bianmin.geometry.atomic.atomic_output`: beside ``path``
    first, into its place only when the write succeeded (links, mode and read-only kept)."""
    _ensure_lastsavedby(doc)
    try:
        _write(doc, path, allow_readonly)
    except OSError:
        raise
    except Exception:  # noqa: BLE001 - an entity ezdxf will not export (e.g. an ELLIPSE ratio out of range,
        # which the plain reader does not repair): let ezdxf's auditor repair the drawing as the recover
        # reader would have, and write again; nothing was written the first time
        doc.audit()
        _write(doc, path, allow_readonly)


def _write(doc, path, allow_readonly: bool) -> None:
    with atomic_output(
        path, "wt", encoding=doc.output_encoding, errors="dxfreplace", newline="", allow_readonly=allow_readonly
    ) as fp:
        doc.write(fp)


def _ensure_lastsavedby(doc) -> None:
    """ezdxf writes the custom properties only after ``$LASTSAVEDBY``; a header without it (some
    exporters leave it out) would lose every plan property on save."""
    if doc.dxfversion > "AC1015" and "$LASTSAVEDBY" not in doc.header:
        doc.header["$LASTSAVEDBY"] = "bianmin"


def document_text(doc) -> str:
    """The drawing as DXF text: a snapshot to go back to when a save fails."""
    import io

    buffer = io.StringIO()
    doc.write(buffer)
    return buffer.getvalue()


def document_from_text(text: str):
    import io

    return ezdxf.read(io.StringIO(text))


def write_plan(plan: Plan, path, *, doc=None, units_factor: float = 1.0):
    """Apply the plan to ``doc`` (a new drawing when None) and save it atomically; returns the doc."""
    if doc is None:
        doc = new_document()
        units_factor = 1.0
        # nothing of the plan is in a new drawing: every element is written, under a fresh id (ids
        # that are handles of another file would name entities this drawing creates on the way)
        plan.loaded = {}
        for element in plan.elements():
            element.id = new_id()
    apply_plan(doc, plan, units_factor)
    save_atomic(doc, path)
    return doc
