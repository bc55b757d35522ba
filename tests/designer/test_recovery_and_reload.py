"""Issue 15, what main's first pass left open: untitled autosaves offered at start-up (each, and only
orphaned ones); a file changed by another program is never written over (Save As or Reload, no
Overwrite), also when saved through a link; lost properties said before 已保存 is final."""

import os
import sys

import ezdxf
import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.app import recover_orphans  # noqa: E402
from bianmin.designer.commands import AddElement  # noqa: E402
from bianmin.designer.autosave import orphaned_autosaves, untitled_autosaves  # noqa: E402
from bianmin.designer.document import ExternalChangeError, PlanDocument  # noqa: E402
from bianmin.geometry.dxf import write as dxf_write
from bianmin.geometry.dxf.read import read_plan  # noqa: E402
from bianmin.geometry.model import PlacedObject  # noqa: E402

DEAD = 2**22 + 99  # above Linux's pid_max: no such process


@pytest.fixture(autouse=True)
def app_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "appdata"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))


def untitled_with_water(x):
    document = PlanDocument.new()
    document.do(AddElement(PlacedObject.place("BM_WATER", x, 1000)))
    return document


@pytest.mark.skipif(sys.platform == "win32", reason="a made-up dead pid")
def test_untitled_autosaves_offered_at_start_each_orphan_once(make_window):
    crashed = []
    for x in (1000, 2000):
        side = untitled_with_water(x).autosave()
        crashed.append(side.rename(side.with_name(side.name.replace(f"-p{os.getpid()}-", f"-p{DEAD}-"))))
    live = untitled_with_water(3000)
    live_side = live.autosave()  # this designer's own: not offered
    window = make_window(PlanDocument.new())
    asked = []
    opened = recover_orphans(window, window.settings, ask=lambda side: asked.append(side) or "recover")
    assert sorted(asked) == sorted(crashed)
    assert len(opened) == 2 and all(w.document.dirty and w.document.path is None for w in opened)
    assert sorted(w.document.plan.objects[0].position[0] for w in opened) == [1000, 2000]
    assert orphaned_autosaves() == [], "recovered autosaves belong to this designer now"
    assert live_side in untitled_autosaves()
    for w in opened:
        w.document._clean_depth = len(w.document._undo)
        w.close()


@pytest.mark.skipif(sys.platform == "win32", reason="a made-up dead pid")
def test_untitled_autosave_declined_can_be_deleted(make_window):
    side = untitled_with_water(1000).autosave()
    side = side.rename(side.with_name(side.name.replace(f"-p{os.getpid()}-", f"-p{DEAD}-")))
    window = make_window(PlanDocument.new())
    assert recover_orphans(window, window.settings, ask=lambda s: "later") == []
    assert side.exists()
    assert recover_orphans(window, window.settings, ask=lambda s: "delete") == []
    assert not side.exists()


def test_file_changed_by_another_program_reload_not_overwrite(make_window, plan_file):
    window = make_window(PlanDocument.open(plan_file))
    window.document.do(AddElement(PlacedObject.place("BM_WATER", 15000, 6000)))
    other = ezdxf.readfile(plan_file)
    wall = other.modelspace().add_line((0, 0), (30000, 0), dxfattribs={"layer": "A-WALL"})
    other.saveas(plan_file)
    theirs = plan_file.read_bytes()
    assert window.save() is False
    assert plan_file.read_bytes() == theirs
    assert "重新载入" in window.last_error[1] and "覆盖" not in window.last_error[1].split("\n")[-1]
    waters = len(window.document.plan.objects_of("BM_WATER"))
    assert window.reload_from_disk()
    assert wall.dxf.handle in {e.dxf.handle for e in window.document.read.doc.modelspace()}
    side = window.document.autosave_target()
    assert len(read_plan(side).plan.objects_of("BM_WATER")) == waters, "this window's edits kept in the autosave"
    assert not window.document.dirty


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_file_changed_by_another_program_saved_through_a_link_refused(plan_file):
    document = PlanDocument.open(plan_file)
    document.do(AddElement(PlacedObject.place("BM_WATER", 15000, 6000)))
    other = ezdxf.readfile(plan_file)
    other.modelspace().add_line((0, 0), (1, 1))
    other.saveas(plan_file)
    theirs = plan_file.read_bytes()
    link = plan_file.with_name("link.dxf")
    link.symlink_to(plan_file)
    with pytest.raises(ExternalChangeError):
        document.save(link)
    assert plan_file.read_bytes() == theirs


def test_properties_lost_said_before_saved(make_window, plan_file, monkeypatch):
    window = make_window(PlanDocument.open(plan_file))
    window.document.do(AddElement(PlacedObject.place("BM_WATER", 15000, 6000)))
    # a writer that loses the properties (as R12/R2000 and a header without $LASTSAVEDBY once did)
    monkeypatch.setattr(
        dxf_write, "_write_properties", lambda doc, plan, units_factor=1.0: doc.header.custom_vars.clear()
    )
    assert window.save()
    assert "BM_NAME" in window.last_error[1]
    assert "缺少图纸属性" in window.statusBar().currentMessage()


def test_designer_export_over_the_plan_refused(make_window, plan_file):
    window = make_window(PlanDocument.open(plan_file))
    original = plan_file.read_bytes()
    assert window.export_report_to(plan_file) is False
    assert window.export_drawing_to(plan_file) is False
    assert plan_file.read_bytes() == original
    assert "正在编辑的图纸" in window.last_error[1]
    if sys.platform != "win32":
        link = plan_file.with_name("report.pdf")
        link.symlink_to(plan_file)
        assert window.export_report_to(link) is False
        assert plan_file.read_bytes() == original


def test_designer_export_error_of_any_kind_is_a_message(make_window, plan_file, monkeypatch, tmp_path):
    window = make_window(PlanDocument.open(plan_file))

    def broken(*a, **k):
        raise KeyError("a bug in the report")

    monkeypatch.setattr("bianmin.drawing.report.write_plan_report", broken)
    assert window.export_report_to(tmp_path / "r.pdf") is False
    assert "KeyError" in window.last_error[1]
    assert window.isVisible()
