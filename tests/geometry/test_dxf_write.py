"""The DXF writer: BM- content in place, everything else untouched, saves atomic."""

import os

import pytest
from ezdxf.lldxf.tagwriter import TagCollector

from bianmin.geometry import catalog
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.dxf.write import apply_plan, save_atomic, write_plan
from bianmin.geometry.intake import UNIT_KINDS
from bianmin.geometry.model import Hall, Opening, PlacedObject, Plan, Route, Zone, rectangle
from bianmin.templates.build import street_center


# ezdxf makes these structural markers anew, with new handles, on every load:
# they carry no drawing content of their own
REGENERATED = ("SEQEND", "TABLE")


def entity_tags(doc):
    """Every entity's exported tags by handle (modelspace, blocks, objects alike)."""
    out = {}
    for entity in doc.entitydb.values():
        if not entity.is_alive or entity.dxftype() in REGENERATED:
            continue
        collector = TagCollector(dxfversion=doc.dxfversion)
        try:
            entity.export_dxf(collector)
        except Exception:
            continue
        out[entity.dxf.handle] = collector.tags
    return out


def is_bm(entity_handle, doc):
    e = doc.entitydb.get(entity_handle)
    layer = e.dxf.get("layer", "") if e is not None and e.dxf.hasattr("layer") else ""
    return catalog.is_bm_layer(layer)


@pytest.mark.parametrize("name", ["egg-dxf_1.dxf", "sky-floorplan.dxf"])
def test_real_drawing_round_trip_keeps_every_non_bm_entity(root, tmp_path, name):
    """Edited and saved, a real drawing keeps every non-BM entity, handle and data.

    ezdxf itself normalises some entities on any save (MTEXT tag order), so the
    baseline is the same drawing saved without edits: any difference between the
    two is the writer's doing.
    """
    source = root / "tests" / "fixtures" / "real" / name
    baseline_path = tmp_path / "baseline.dxf"
    base = read_plan(source)
    in_source = set(base.doc.entitydb.keys())  # not what ezdxf adds while saving
    save_atomic(base.doc, baseline_path)
    baseline = read_plan(baseline_path)
    before = entity_tags(baseline.doc)

    first = read_plan(source)
    plan = first.plan
    plan.hall = Hall(outline=rectangle(0, 0, 20000, 12000))
    plan.zones.append(Zone(outline=rectangle(1000, 1000, 6000, 5000), kind="wait"))
    plan.openings.append(Opening("main", (9000, 0), (11000, 0)))
    plan.objects.append(PlacedObject.place("BM_COUNTER", 5000, 9000, 0, attribs={"NO": "1", "TYPE": "general"}))
    plan.routes.append(Route([(5000, 6000), (10000, 200)]))
    out = tmp_path / "edited.dxf"
    apply_plan(first.doc, plan, first.units_factor)
    save_atomic(first.doc, out)

    second = read_plan(out)
    after = entity_tags(second.doc)
    content = [
        h
        for h in before
        if h in in_source
        and not is_bm(h, baseline.doc)
        and baseline.doc.entitydb[h].dxftype() not in ("BLOCK_RECORD", "LAYER", "DICTIONARY")
    ]
    assert len(content) > 500
    missing = [h for h in content if h not in after]
    assert not missing, f"{len(missing)} entities lost, e.g. {missing[:5]}"
    changed = [h for h in content if repr(before[h]) != repr(after[h])]
    assert not changed, (
        f"{len(changed)} non-BM entities changed, e.g. {[(h, baseline.doc.entitydb[h].dxftype()) for h in changed[:5]]}"
    )
    # the BM content is there, in the drawing's own units
    assert second.plan.hall is not None and second.plan.hall_area_m2 == pytest.approx(240)
    assert [z.kind for z in second.plan.zones] == ["wait"]
    assert second.plan.counters[0].attr("NO") == "1"
    assert len(second.plan.routes) == 1


def test_edit_move_delete_keep_handles(tmp_path):
    path = tmp_path / "plan.dxf"
    write_plan(street_center(), path)
    first = read_plan(path)
    plan = first.plan
    counter = plan.counters[0]
    moved = counter.moved(100, 0)
    plan.objects[plan.objects.index(counter)] = moved
    gone = plan.objects_of("BM_TV")[0]
    plan.objects.remove(gone)
    untouched = plan.objects_of("BM_WATER")[0]
    before_water = entity_tags(first.doc)[untouched.id]
    apply_plan(first.doc, plan, first.units_factor)
    save_atomic(first.doc, path)

    second = read_plan(path)
    again = second.plan.find(counter.id)
    assert again is not None, "a moved object keeps its handle"
    assert again.position == pytest.approx((counter.position[0] + 100, counter.position[1]))
    assert again.attr("NO") == counter.attr("NO")
    assert second.plan.find(gone.id) is None and not second.plan.objects_of("BM_TV")
    assert entity_tags(second.doc)[untouched.id] == before_water
    # the moved INSERT's attributes moved with it
    insert = second.doc.entitydb[counter.id]
    for attrib in insert.attribs:
        assert attrib.dxf.insert.x == pytest.approx(insert.dxf.insert.x - 800, abs=1e-6) or attrib.dxf.insert.x > 0


def test_plan_survives_write_and_read(tmp_path):
    plan = street_center()
    path = tmp_path / "s.dxf"
    write_plan(plan, path)
    again = read_plan(path).plan
    assert again.properties == plan.properties
    assert again.hall_area_m2 == pytest.approx(plan.hall_area_m2)
    assert sorted(
        (o.block, round(o.position[0]), round(o.position[1]), round(o.rotation) % 360) for o in again.objects
    ) == sorted((o.block, round(o.position[0]), round(o.position[1]), round(o.rotation) % 360) for o in plan.objects)
    for a, b in zip(
        sorted(again.objects, key=lambda o: (o.block, o.position)),
        sorted(plan.objects, key=lambda o: (o.block, o.position)),
        strict=False,
    ):
        assert a.footprint.symmetric_difference(b.footprint).area < 1.0
        assert a.attribs == b.attribs


def test_writes_into_existing_units(tmp_path):
    """A drawing in metres gets its new BM content in metres."""
    import ezdxf

    doc = ezdxf.new("R2010")
    doc.header["$INSUNITS"] = 6
    doc.modelspace().add_line((0, 0), (20, 0), dxfattribs={"layer": "WALL"})
    path = tmp_path / "m.dxf"
    doc.saveas(path)
    first = read_plan(path)
    first.plan.hall = Hall(outline=rectangle(0, 0, 20000, 12000))
    apply_plan(first.doc, first.plan, first.units_factor)
    save_atomic(first.doc, path)
    again = read_plan(path)
    assert again.units_factor == 1000
    assert again.plan.hall_area_m2 == pytest.approx(240)


def test_failed_save_keeps_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "plan.dxf"
    write_plan(street_center(), path)
    original = path.read_bytes()
    result = read_plan(path)
    result.plan.objects.clear()
    apply_plan(result.doc, result.plan, result.units_factor)

    def broken_write(stream, fmt="asc"):
        stream.write("0\nSECTION\n")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(result.doc, "write", broken_write)
    with pytest.raises(OSError):
        save_atomic(result.doc, path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["plan.dxf"], "no temporary file is left behind"


def test_replace_refused_keeps_old_file_and_no_temp(tmp_path, monkeypatch):
    """Windows refuses the rename while another program holds the file open."""
    path = tmp_path / "plan.dxf"
    write_plan(street_center(), path)
    original = path.read_bytes()

    def refuse(src, dst):
        raise PermissionError(13, "The process cannot access the file because it is being used by another process")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_plan(Plan(hall=Hall(outline=rectangle(0, 0, 1000, 1000))), path)
    assert path.read_bytes() == original
    assert [p.name for p in tmp_path.iterdir()] == ["plan.dxf"]


def test_a_drawing_without_units_read_as_millimetres_is_saved_with_insunits_4(tmp_path):
    """Regression (issue 14): the designer left $INSUNITS = 0, so every later check warned DXF-UNITS."""
    import ezdxf

    from bianmin.geometry.dxf.read import read_plan
    from bianmin.geometry.dxf.write import apply_plan, save_atomic
    from bianmin.templates import path_of

    doc = ezdxf.readfile(path_of("community-station"))
    doc.header["$INSUNITS"] = 0
    src = tmp_path / "no-units.dxf"
    doc.saveas(src)
    read = read_plan(src)
    assert any(i.kind in UNIT_KINDS for i in read.intake.issues)
    apply_plan(read.doc, read.plan, read.units_factor)
    save_atomic(read.doc, tmp_path / "saved.dxf")
    again = read_plan(tmp_path / "saved.dxf")
    assert again.doc.header["$INSUNITS"] == 4 and not any(i.kind in UNIT_KINDS for i in again.intake.issues)
