"""The designer's model side, without Qt: commands, undo/redo, dirty state, save, autosave."""

import pytest

from bianmin.designer.commands import AddElement, Batch, RemoveElement, ReplaceElement, SetHall, SetProperties
from bianmin.designer.autosave import autosave_path, recoverable
from bianmin.designer.document import PlanDocument
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.model import Hall, Opening, PlacedObject, Zone, rectangle


@pytest.fixture
def document(root, tmp_path):
    import shutil

    path = tmp_path / "plan.dxf"
    shutil.copy(root / "src" / "bianmin" / "templates" / "street-center.dxf", path)
    return PlanDocument.open(path)


def snapshot(plan):
    from bianmin.geometry.model import as_geometry

    return sorted((type(e).__name__, e.id, tuple(round(v) for v in as_geometry(e).bounds)) for e in plan.elements())


@pytest.mark.parametrize(
    "make",
    [
        lambda p: AddElement(Zone(outline=rectangle(0, 0, 1000, 1000), kind="office")),
        lambda p: AddElement(PlacedObject.place("BM_WATER", 5000, 5000)),
        lambda p: RemoveElement(p.objects[3]),
        lambda p: ReplaceElement(p.objects[0], p.objects[0].moved(250, 0)),
        lambda p: ReplaceElement(p.zones[0], p.zones[0].with_outline(rectangle(2000, 9000, 18000, 12000))),
        lambda p: SetHall(p.hall, Hall(outline=rectangle(0, 0, 25000, 12500))),
        lambda p: Batch([RemoveElement(p.objects[1]), RemoveElement(p.objects[2])]),
    ],
)
def test_every_command_applies_and_reverts(document, make):
    plan = document.plan
    before = snapshot(plan)
    area = plan.hall_area_m2
    positions = [o.position for o in plan.objects]
    command = make(plan)
    events = []
    document.subscribe(events.append)
    document.do(command)
    assert snapshot(plan) != before
    assert document.dirty and document.can_undo
    document.undo()
    assert snapshot(plan) == before and plan.hall_area_m2 == area
    assert [o.position for o in plan.objects] == positions
    assert not document.dirty
    document.redo()
    assert document.dirty
    assert len(events) == 3


def test_properties_command(document):
    old = document.plan.properties
    from dataclasses import replace

    document.do(SetProperties(old, replace(old, name="西安市新城区测试街道便民服务中心")))
    assert document.plan.properties.name.startswith("西安市新城区测试")
    document.undo()
    assert document.plan.properties is old


def test_save_reopen_same_plan_and_background(document, tmp_path):
    plan = document.plan
    counter = plan.counters[0]
    document.do(ReplaceElement(counter, counter.moved(0, -100).rotated_to(0)))
    document.do(AddElement(Opening("door", (20000, 10500), (20000, 11500))))
    document.do(AddElement(PlacedObject.place("BM_SIGN_DIRECTION", 19900, 12000, 90)))
    document.save()
    assert not document.dirty
    again = read_plan(document.path).plan
    assert [x[:2] for x in snapshot(again)] == [x[:2] for x in snapshot(document.plan)], (
        "new elements were given their handles as ids"
    )
    assert again.find(counter.id).position == pytest.approx((counter.position[0], counter.position[1] - 100))
    assert [o.kind for o in again.openings].count("door") == 1


def test_autosave_is_a_side_file_and_leaves_the_plan_alone(document):
    original = document.path.read_bytes()
    assert document.autosave() is None, "nothing to save when clean"
    new = PlacedObject.place("BM_WATER", 15000, 6000)
    document.do(AddElement(new))
    side = document.autosave()
    assert side == autosave_path(document.path) and side.exists()
    assert document.path.read_bytes() == original, "autosave never touches the plan itself"
    assert new.id.startswith("new-"), "the autosave's handles do not leak into the live plan"
    recovered = read_plan(side).plan
    assert len(recovered.objects_of("BM_WATER")) == len(document.plan.objects_of("BM_WATER"))
    assert recoverable(document.path) == side
    document.save()
    assert not side.exists(), "a real save removes the autosave"
    assert recoverable(document.path) is None


def test_autosave_of_an_unsaved_template(monkeypatch, tmp_path):
    monkeypatch.setattr("pathlib.Path.home", lambda: tmp_path)
    document = PlanDocument.from_template("community-station")
    document.do(AddElement(PlacedObject.place("BM_WATER", 5000, 4000)))
    side = document.autosave()
    recovered = read_plan(side).plan
    assert len(recovered.objects) == len(document.plan.objects), "every element is in the autosave"
    assert recovered.hall is not None


def test_failed_save_keeps_old_file_and_stays_dirty(document, monkeypatch):
    original = document.path.read_bytes()
    document.do(RemoveElement(document.plan.objects[0]))

    def refuse(*a, **k):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("bianmin.designer.document.save_atomic", refuse)
    with pytest.raises(PermissionError):
        document.save()
    assert document.dirty
    assert document.path.read_bytes() == original


def test_sign_snapped_onto_the_wall_is_pushed_inside():
    """Regression: a wall sign snapped to the hall outline stood half outside (HALL-CONTAINS)."""
    from bianmin.designer.canvas.snapping import inside_hall

    hall = Hall(outline=rectangle(0, 0, 10000, 8000))
    sign = PlacedObject.place("BM_EXIT_SIGN", 4750, 0)  # centred on the wall line
    moved = inside_hall(sign, hall)
    assert hall.polygon.buffer(1).contains(moved.footprint)
    assert moved.footprint.bounds[1] == pytest.approx(0, abs=1e-6), "its back touches the wall"
    side = PlacedObject.place("BM_EXTINGUISHER", 10000, 4000, 270)
    assert inside_hall(side, hall).footprint.bounds[2] == pytest.approx(10000, abs=1e-6)
    middle = PlacedObject.place("BM_WATER", 5000, 4000)
    assert inside_hall(middle, hall) is middle, "objects inside are left alone"
