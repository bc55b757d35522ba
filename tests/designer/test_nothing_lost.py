"""Writes that lost or damaged work (issue 15), each with its regression test; no Qt needed."""

import shutil

import ezdxf
import pytest

from bianmin.designer import document as document_module
from bianmin.designer.commands import AddElement, RemoveElement, ReplaceElement
from bianmin.designer.autosave import untitled_autosaves
from bianmin.designer.document import ExternalChangeError, PlanDocument
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.model import PlacedObject


@pytest.fixture(autouse=True)
def private_app_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "appdata"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))


@pytest.fixture
def plan_path(root, tmp_path):
    p = tmp_path / "plan.dxf"
    shutil.copy(root / "src" / "bianmin" / "templates" / "street-center.dxf", p)
    return p


def test_a_failed_save_leaves_every_edit_unsaved_for_the_next_autosave(plan_path, monkeypatch):
    doc = PlanDocument.open(plan_path)
    removed = doc.plan.objects_of("BM_WATER")[0]
    moved = doc.plan.objects_of("BM_TV")[0]
    doc.do(RemoveElement(removed))
    doc.do(ReplaceElement(moved, moved.moved(500, 0)))
    original = plan_path.read_bytes()

    def full_disk(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(document_module, "save_atomic", full_disk)
    with pytest.raises(OSError):
        doc.save()
    monkeypatch.undo()
    assert doc.dirty and plan_path.read_bytes() == original
    side = doc.autosave()
    kept = read_plan(side).plan
    assert (
        not kept.objects_of("BM_WATER")
        or len(kept.objects_of("BM_WATER")) == len(read_plan(plan_path).plan.objects_of("BM_WATER")) - 1
    )
    tv = kept.objects_of("BM_TV")[0]
    assert tv.position[0] == pytest.approx(moved.position[0] + 500)
    # and the next real save writes the edits exactly once (the TV moved 500 mm, not 1000)
    doc.save()
    again = read_plan(plan_path).plan.objects_of("BM_TV")[0]
    assert again.position[0] == pytest.approx(moved.position[0] + 500)


def test_untitled_plans_autosave_to_files_of_their_own_and_are_all_offered(tmp_path):
    first, second = PlanDocument.new(), PlanDocument.new()
    for d, x in ((first, 1000), (second, 2000)):
        d.do(AddElement(PlacedObject.place("BM_WATER", x, 1000)))
    a, b = first.autosave(), second.autosave()
    assert a != b and a.exists() and b.exists()
    assert set(untitled_autosaves()) == {a, b}
    assert read_plan(a).plan.objects[0].position[0] == pytest.approx(1000)
    assert read_plan(b).plan.objects[0].position[0] == pytest.approx(2000)


def test_a_file_changed_by_another_program_is_not_overwritten_and_its_content_survives(plan_path):
    doc = PlanDocument.open(plan_path)
    doc.do(RemoveElement(doc.plan.counters[0]))
    # another program rewrites the file: the architect adds a wall, every handle may change
    other = ezdxf.readfile(plan_path)
    wall = other.modelspace().add_line((0, 0), (99999, 0), dxfattribs={"layer": "A-WALL"})
    other.saveas(plan_path)
    changed = plan_path.read_bytes()
    with pytest.raises(ExternalChangeError):
        doc.save()
    assert plan_path.read_bytes() == changed
    # the autosave does not apply handle-based edits to the new content either
    side = doc.autosave()
    assert side.exists() and plan_path.read_bytes() == changed
    assert any(e.dxf.handle == wall.dxf.handle for e in ezdxf.readfile(plan_path).modelspace())
    counters_in_autosave = len(read_plan(side).plan.counters)
    assert counters_in_autosave == len(doc.plan.counters)
    # overwriting is a decision the user makes
    doc.save(overwrite_external=True)
    assert len(read_plan(plan_path).plan.counters) == counters_in_autosave


@pytest.mark.parametrize("version", ["R12", "R2000", "R2004", "R2010", "R2018"])
def test_plan_properties_survive_save_and_reopen_in_every_version(tmp_path, version):
    src = ezdxf.new(version)
    src.modelspace().add_line((0, 0), (1000, 0))
    path = tmp_path / f"{version}.dxf"
    src.saveas(path)
    doc = PlanDocument.open(path)
    from bianmin.designer.commands import SetProperties
    from dataclasses import replace

    new = replace(
        doc.plan.properties,
        name="西安市新城区西一路街道便民服务中心",
        construction="existing",
        hours="08:30-12:00;14:00-17:30",
        building_floors=6,
        sprinklers=True,
    )
    doc.do(SetProperties(doc.plan.properties, new))
    doc.save()  # raises PropertiesNotSaved if reading back misses any
    back = read_plan(path).plan.properties
    assert (back.name, back.construction, back.hours, back.building_floors, back.sprinklers) == (
        "西安市新城区西一路街道便民服务中心",
        "existing",
        "08:30-12:00;14:00-17:30",
        6,
        True,
    )
