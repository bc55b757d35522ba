"""工具 > 自动布置 and the findings panel's 修复 buttons: one undo step each."""

import os
from pathlib import Path

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.autolayout import auto_layout_command, has_fix, quick_fix  # noqa: E402
from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.geometry.model import PlacedObject  # noqa: E402
from bianmin.autolayout.site import Note  # noqa: E402

from ..autolayout.layout_halls import HALLS  # noqa: E402
from .gui import wait_validation  # noqa: E402

SHOTS = os.environ.get("BIANMIN_SCREENSHOTS")  # a folder: write the README's screenshots there


def _doc(plan):
    doc = PlanDocument.new()
    doc.read.plan = plan
    return doc


def test_auto_layout_is_one_undo_step_and_leaves_no_error(make_window, qtbot):
    window = make_window(_doc(HALLS["l-shaped"]()))
    window.acts["auto_layout"].trigger()
    report = wait_validation(qtbot, window)
    plan = window.document.plan
    assert plan.counters and plan.objects_of("BM_EXTINGUISHER")
    assert {z.kind for z in plan.zones} == {"consult", "wait", "window", "self", "office"}
    assert report.count("error") == 0
    if SHOTS:
        window.view.zoom_fit()
        window.grab().save(str(Path(SHOTS) / "layout-l-shaped.png"))
    window.document.undo()
    assert plan.objects == [] and plan.zones == []


def test_fire_and_signs_only_adds_no_furniture(make_window):
    window = make_window(PlanDocument.from_template("street-center"))
    plan = window.document.plan
    plan.objects[:] = [o for o in plan.objects if o.spec.group not in ("fire", "sign")]
    before = list(plan.objects)
    window.acts["auto_layout_fire"].trigger()
    assert plan.objects[: len(before)] == before
    assert {o.spec.group for o in plan.objects[len(before) :]} <= {"fire", "sign"}
    assert plan.objects_of("BM_EXIT_SIGN")


def test_fix_button_adds_the_missing_exit_sign(make_window, qtbot):
    doc = PlanDocument.from_template("street-center")
    doc.plan.objects[:] = [o for o in doc.plan.objects if o.block != "BM_EXIT_SIGN"]
    window = make_window(doc)
    panel = window.findings
    rows = [i for i, f in enumerate(panel.findings) if f.rule == "FIRE-EXIT-SIGN"]
    assert rows
    item = panel.tree.topLevelItem(rows[0])
    button = panel.tree.itemWidget(item, 5)
    assert button is not None and button.text() == "修复"
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "quick-fix-before.png"))
    button.click()
    report = wait_validation(qtbot, window)
    assert len(window.document.plan.objects_of("BM_EXIT_SIGN")) == 1
    if SHOTS:
        window.grab().save(str(Path(SHOTS) / "quick-fix-after.png"))
    assert window.document.undo_text[0].startswith("修复")
    window.document.undo()
    assert window.document.plan.objects_of("BM_EXIT_SIGN") == []
    del report


def test_attribute_out_of_range_is_set_to_its_default():
    plan = HALLS["street-20x14"]()
    bad = PlacedObject.place("BM_COUNTER", 5000, 12000, attribs={"HEIGHT": "5000"})
    plan.objects.append(bad)

    class F:
        rule, handles = "DXF-GEOMETRY", [bad.id]

    assert has_fix(F, plan)
    command = quick_fix(plan, F)
    command.apply(plan)
    assert plan.objects[-1].attribs["HEIGHT"] == "750" and plan.objects[-1].id == bad.id
    assert not has_fix(F, plan)
    command.revert(plan)
    assert plan.objects[-1] is bad


def test_auto_layout_command_without_anything_missing_is_none():
    plan = HALLS["street-20x14"]()
    first, _ = auto_layout_command(plan)
    first.apply(plan)
    again, _ = auto_layout_command(plan, ("fire",))
    assert again is None or all(c.element.spec.group == "fire" for c in again.commands)


def test_no_fix_is_offered_where_it_would_do_nothing():
    """sample_AC1032.dwg offered 修复 on EQUIP-HALL, EQUIP-CONVENIENCE, EQUIP-MAILBOX without a hall;
    clicking answered 没有可自动完成的修复."""
    from bianmin.geometry.model import Plan

    class F:
        handles = []

    plan = HALLS["street-20x14"]()
    for rule in ("EQUIP-HALL", "EQUIP-CONVENIENCE", "EQUIP-MAILBOX", "SIGN-HOURS"):
        F.rule = rule
        assert has_fix(F) and has_fix(F, plan) and quick_fix(plan, F) is not None, rule
        assert not has_fix(F, Plan()), rule  # no hall: nothing to place things in


def test_offering_fixes_runs_no_layout(monkeypatch):
    """Regression (tryout): the panel asked has_fix for every finding on the interface thread, and
    has_fix ran the layout to see whether it found a place: on a hall of 3,000 seats the window
    froze for minutes after each check. Offering a fix is now cheap; the click tells."""
    from bianmin.autolayout import equipment, fire, signs

    def no_layout(*args, **kwargs):
        raise AssertionError("has_fix ran a layout")

    for module, name in ((equipment, "run"), (signs, "run"), (fire, "extinguishers"), (fire, "exit_signs")):
        monkeypatch.setattr(module, name, no_layout)

    class F:
        handles = []

    plan = HALLS["street-20x14"]()
    for rule in ("EQUIP-HALL", "SIGN-HOURS", "FIRE-EXT-COUNT", "FIRE-EXIT-SIGN"):
        F.rule = rule
        assert has_fix(F, plan), rule


def test_a_fix_with_nothing_to_do_says_so_and_its_button_goes(make_window, qtbot, monkeypatch):
    from bianmin.designer.actions import autolayout as autolayout_actions

    doc = PlanDocument.from_template("street-center")
    doc.plan.objects[:] = [o for o in doc.plan.objects if o.block != "BM_EXIT_SIGN"]
    window = make_window(doc)
    panel = window.findings
    (row, finding) = next((i, f) for i, f in enumerate(panel.findings) if f.rule == "FIRE-EXIT-SIGN")
    item = panel.tree.topLevelItem(row)
    note = Note("FIRE-EXIT-SIGN", "出口上方没有可安装的墙面", "no wall above the exit")
    monkeypatch.setattr(autolayout_actions, "quick_fix_with_notes", lambda plan, f, config=None: (None, [note]))
    panel.tree.itemWidget(item, 5).click()
    assert panel.tree.itemWidget(item, 5) is None
    assert "无法自动修复：出口上方没有可安装的墙面" in window.statusBar().currentMessage()
    assert window.document.undo_text is None  # nothing was done


def test_a_fix_that_places_too_little_says_why(make_window, monkeypatch):
    """Regression (tryout): 已修复 FIRE-ALARM, 17 call points added, and the finding still stood."""
    from bianmin.designer import autolayout
    from bianmin.designer.actions import autolayout as autolayout_actions

    doc = PlanDocument.from_template("street-center")
    doc.plan.objects[:] = [o for o in doc.plan.objects if o.block != "BM_ALARM"]
    window = make_window(doc)
    finding = next(f for f in window.findings.findings if f.rule == "FIRE-ALARM")
    note = Note("FIRE-ALARM", "有的地面在任何靠墙设置点的保护距离之外", "some floor is out of reach of every wall")
    real = autolayout.quick_fix_with_notes
    monkeypatch.setattr(
        autolayout_actions, "quick_fix_with_notes", lambda plan, f, config=None: (real(plan, f, config)[0], [note])
    )
    autolayout_actions.apply_fix(window, finding)
    assert window.document.plan.objects_of("BM_ALARM")
    assert "已部分修复 FIRE-ALARM（可撤销）：有的地面" in window.statusBar().currentMessage()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_layout_notes_are_listed_in_the_chosen_language(make_window, tmp_path, lang):
    """The notes were only in the status bar, cut off, and dropped in English."""
    from bianmin.designer.actions.autolayout import notes_box

    window = make_window(_doc(HALLS["street-20x14"]()))
    window.set_language(lang)
    try:
        window.acts["auto_layout"].trigger()
        _, result = auto_layout_command(HALLS["street-20x14"]())
        assert result.notes
        for note, line in zip(result.notes, window.layout_notes, strict=True):
            assert note.rule in line and (note.zh if lang == "zh" else note.en) in line
        status = window.statusBar().currentMessage()
        assert str(len(result.notes)) in status and ("条说明" if lang == "zh" else "note(s)") in status
        box = notes_box(window, status, window.layout_notes)
        assert all(line in box.informativeText() for line in window.layout_notes)
        box.show()
        box.grab().save(str(tmp_path / f"notes-{lang}.png"))
        box.close()
    finally:
        window.set_language("zh")


def test_auto_layout_uses_the_configuration_the_designer_checks_with(make_window):
    """自动布置 passes window.validator.config: a shorter extinguisher reach places more extinguishers."""
    from bianmin.standards.config import Config

    counts = []
    for config in (None, Config.from_dict({"rules": {"FIRE-EXT-REACH": {"max_distance_m": {"medium": 10.0}}}})):
        plan = HALLS["columns-30x20"]()
        plan.properties.fire_hazard = "medium"
        window = make_window(_doc(plan))
        if config is not None:
            window.validator.config = config
        window.acts["auto_layout_fire"].trigger()
        counts.append(len(window.document.plan.objects_of("BM_EXTINGUISHER")))
    assert counts[1] > counts[0]


def test_auto_layout_names_the_arrangements_it_tried_in_words(make_window, qtbot):
    """issue 24: when its check leaves an error the layout tries the next counter arrangement; the
    designer lists that under 布置方案 (not as if it were a rule id)."""
    from bianmin.geometry.model import Obstacle, rectangle

    plan = HALLS["long-40x12"]()
    plan.obstacles.append(Obstacle(outline=rectangle(14000, 3800, 26000, 7600)))
    window = make_window(_doc(plan))
    window.acts["auto_layout"].trigger()
    report = wait_validation(qtbot, window)
    assert [f.rule for f in report.findings if f.severity == "error"] == []
    (line,) = [n for n in window.layout_notes if n.startswith("布置方案：")]
    assert "方案1" in line and "采用方案3" in line
    assert not any(n.startswith("LAYOUT-OPTIONS") for n in window.layout_notes)


def test_fix_button_on_acc_route_moves_the_bench_that_pinches_the_way(make_window, qtbot):
    """issue 25 item 5: the ACC-ROUTE finding had no 修复. Now the click moves the movable object at the
    pinch to a wall (one undo step) and the finding goes; Ctrl+Z puts it back."""
    from PyQt6.QtCore import Qt

    from ..autolayout.test_fix_checks import _pinched

    window = make_window(_doc(_pinched()))
    panel = window.findings
    rows = [i for i, f in enumerate(panel.findings) if f.rule == "ACC-ROUTE"]
    assert rows
    button = panel.tree.itemWidget(panel.tree.topLevelItem(rows[0]), 5)
    assert button is not None and button.text() == "修复"
    (bench,) = window.document.plan.objects_of("BM_SEAT")
    button.click()
    report = wait_validation(qtbot, window)
    assert not [f for f in report.findings if f.rule == "ACC-ROUTE"]
    (moved,) = window.document.plan.objects_of("BM_SEAT")
    assert moved.id == bench.id and moved.position != bench.position
    qtbot.keyClick(window.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.document.plan.objects_of("BM_SEAT")[0].position == bench.position
