"""Finding markers leave what they point at readable: one small badge per spot, beside it, with the
number of findings it stands for (a tryout saw 19 markers in a row hiding six counters)."""

from pathlib import Path

from PyQt6.QtCore import QPointF

from bianmin.designer.document import PlanDocument

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "taihualu-counters-wrong.dxf"


def screen_rect(window, item):
    """An item's bounding box in the view's pixels."""
    return item.deviceTransform(window.view.viewportTransform()).mapRect(item.boundingRect())


def test_one_marker_per_spot_beside_the_counter(make_window, tmp_path):
    window = make_window(PlanDocument.open(SAMPLE))
    findings = window.validator.last_report.findings
    counters = [o for o in window.document.plan.objects if o.is_counter]
    from shapely.geometry import Point

    def on(obj):
        return [f for f in findings if f.location is not None and obj.footprint.buffer(1).contains(Point(f.location))]

    assert all(len(on(o)) >= 3 for o in counters)  # several findings on each counter
    markers = window.scene.markers
    spots = {tuple(round(v) for v in f.location) for f in findings if f.location is not None}
    assert len(markers) == len(spots)
    assert sum(len(m.findings) for m in markers) == sum(1 for f in findings if f.location is not None)
    for obj in counters:
        item = window.scene.items_by_id[obj.id]
        (number,) = [c for c in item.childItems()]
        label = screen_rect(window, number)
        mine = [m for m in markers if m.pos() == QPointF(*on(obj)[0].location)]
        assert len(mine) == 1 and set(map(id, mine[0].findings)) == set(map(id, on(obj)))
        text = mine[0].childItems()[0].text()
        assert text == f"×{len(mine[0].findings)}"
        badge = screen_rect(window, mine[0])
        assert badge.width() < 30  # small
        assert not badge.intersects(label.adjusted(1, 1, -1, -1)), (badge, label)  # the number stays in view
        for other in markers:  # and no other marker sits on it
            assert other is mine[0] or not screen_rect(window, other).intersects(label)
        for sign in window.document.plan.objects_of("BM_SIGN_WINDOW"):  # nor the sign over it, framed
            (code,) = window.scene.items_by_id[sign.id].childItems()
            (frame,) = code.childItems()
            assert code.text() == "牌" and not screen_rect(window, frame).intersects(label), (label, code.text())
    window.view.viewport().grab().save(str(tmp_path / "markers.png"))


def test_a_marker_at_a_door_leaves_its_name_readable(make_window, tmp_path):
    """dongxin's SIGN-HOURS finding sits at the entrance, where the door's name is written."""
    window = make_window(PlanDocument.open(SAMPLE.with_name("dongxin-missing-equipment.dxf")))
    doors = {tuple(round(v) for v in o.midpoint): o for o in window.document.plan.openings}
    at_doors = [m for m in window.scene.markers if (round(m.pos().x()), round(m.pos().y())) in doors]
    assert at_doors
    for m in at_doors:
        door = doors[(round(m.pos().x()), round(m.pos().y()))]
        (name,) = window.scene.items_by_id[door.id].childItems()
        assert not screen_rect(window, m).intersects(screen_rect(window, name)), name.text()
    window.view.viewport().grab().save(str(tmp_path / "door.png"))
