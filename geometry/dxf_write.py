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

import os
from pathlib import Path

import ezdxf
from ezdxf.math import Matrix44

from . import catalog
from .model import Opening, PlacedObject, Plan, Route, Shape

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
    w, d = spec.size
    if spec.round:
        block.add_circle((0, 0), w / 2, dxfattribs={"layer": SYMBOL_LAYER})
    else:
        block.add_lwpolyline([(-w / 2, -d / 2), (w / 2, -d / 2), (w / 2, d / 2), (-w / 2, d / 2)],
                             close=True, dxfattribs={"layer": SYMBOL_LAYER})
    # the front (local -Y) tick, so a person sees where the object faces
    block.add_line((0, 0), (0, -d / 2), dxfattribs={"layer": SYMBOL_LAYER})
    for i, tag in enumerate(spec.attributes):
        block.add_attdef(tag, insert=(-w / 2, d / 2 + 50 + 150 * i), text="",
                         dxfattribs={"height": 120, "flags": 0 if tag == "NO" else 1})


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
            entity = doc.entitydb.get(element_id)
            if entity is not None and entity.is_alive:
                msp.delete_entity(entity)
    for element in plan.elements():
        if getattr(element, "nested", False):
            continue
        if loaded.get(element.id) is element:
            continue  # unchanged since it was read
        entity = doc.entitydb.get(element.id)
        if entity is not None and not entity.is_alive:
            entity = None
        handle = _write_element(doc, msp, element, entity, loaded.get(element.id), f)
        element.id = handle
    _write_properties(doc, plan)
    plan.loaded = {e.id: e for e in plan.elements()}


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
            return entity.dxf.handle
        if entity is not None and entity.dxftype() == "LWPOLYLINE" and _same_role(entity, layer):
            entity.set_points([start, end], format="xy")
            return entity.dxf.handle
        _delete(msp, entity)
        return msp.add_line(start, end, dxfattribs={"layer": layer_for(doc, layer)}).dxf.handle
    if isinstance(element, Route):
        pts = [(x / f, y / f, 0.0) for x, y in element.points]
        return _write_polyline(doc, msp, entity, element.layer, pts, closed=False)
    raise TypeError(type(element))


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
        for vertex, (_, _, b) in zip(poly.vertices, pts):
            vertex.dxf.bulge = b
        return poly.dxf.handle
    poly = msp.add_lwpolyline([(x, y, 0, 0, b) for x, y, b in pts], format="xyseb", close=closed,
                              dxfattribs={"layer": target_layer})
    return poly.dxf.handle


def _delete(msp, entity) -> None:
    if entity is not None and entity.is_alive:
        msp.delete_entity(entity)


def _matrix(transform, f: float) -> Matrix44:
    a, b, d, e, x, y = transform
    return Matrix44([a, d, 0, 0, b, e, 0, 0, 0, 0, 1, 0, x / f, y / f, 0, 1])


def _write_object(doc, msp, obj: PlacedObject, entity, old, f: float) -> str:
    if entity is not None and entity.dxftype() == "INSERT" and isinstance(old, PlacedObject) \
            and entity.dxf.name.upper() == obj.block:
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
    insert = msp.add_blockref(obj.block, (x / f, y / f), dxfattribs={
        "layer": layer_for(doc, spec.layer), "rotation": obj.rotation, "xscale": sx, "yscale": sy})
    _write_attribs(insert, obj)
    return insert.dxf.handle


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


def _write_properties(doc, plan: Plan) -> None:
    if doc.dxfversion <= "AC1009":
        return  # R12 has no custom properties; the CLI's --set carries them
    custom = doc.header.custom_vars
    for key, value in plan.properties.to_mapping().items():
        if value:
            if custom.has_tag(key):
                custom.replace(key, value)
            else:
                custom.append(key, value)
        elif custom.has_tag(key):
            custom.remove(key, all=True)


# ---------------------------------------------------------------------------
# saving
# ---------------------------------------------------------------------------

def save_atomic(doc, path) -> None:
    """Write next to ``path`` first; replace ``path`` only when the write succeeded."""
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wt", encoding=doc.output_encoding, errors="dxfreplace", newline="") as fp:
            doc.write(fp)
            fp.flush()
            os.fsync(fp.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise


def write_plan(plan: Plan, path, *, doc=None, units_factor: float = 1.0):
    """Apply the plan to ``doc`` (a new drawing when None) and save it atomically; returns the doc."""
    if doc is None:
        doc = new_document()
        units_factor = 1.0
    apply_plan(doc, plan, units_factor)
    save_atomic(doc, path)
    return doc
