"""Issue 27: a same-size edit that kept the file's time is still seen, and two windows on one plan
keep their own autosaves and know of each other. Model side only (no Qt), plus one window test."""

import os
import shutil

import pytest

from bianmin.designer.autosave import autosave_path, recoverable
from bianmin.designer.document import ExternalChangeError, PlanDocument
from bianmin.geometry.model import PlacedObject
from bianmin.designer.commands import AddElement


@pytest.fixture
def plan_file(root, tmp_path):
    path = tmp_path / "plan.dxf"
    shutil.copy(root / "src" / "bianmin" / "templates" / "street-center.dxf", path)
    return path


def test_a_same_size_edit_that_kept_the_time_is_not_overwritten(plan_file):
    document = PlanDocument.open(plan_file)
    document.do(AddElement(PlacedObject.place("BM_WATER", 5000, 5000)))
    st = plan_file.stat()
    data = bytearray(plan_file.read_bytes())
    i = data.index(b"BM-HALL")
    data[i : i + 7] = b"BM-HALX"  # another program's edit, same size
    plan_file.write_bytes(bytes(data))
    os.utime(plan_file, ns=(st.st_atime_ns, st.st_mtime_ns))  # rsync -t, a copy with preserved times
    assert plan_file.stat().st_size == st.st_size and plan_file.stat().st_mtime_ns == st.st_mtime_ns
    assert document.changed_on_disk()
    with pytest.raises(ExternalChangeError):
        document.save()
    document.release()


def test_two_windows_on_one_plan_write_two_autosaves_and_the_second_knows(plan_file):
    first = PlanDocument.open(plan_file)
    second = PlanDocument.open(plan_file)
    assert first.opened_elsewhere == 0
    assert second.opened_elsewhere == 1
    for doc, x in ((first, 4000), (second, 9000)):
        doc.do(AddElement(PlacedObject.place("BM_WATER", x, 5000)))
    a = first.autosave()
    b = second.autosave()
    assert a == autosave_path(plan_file) and b != a and a.exists() and b.exists()
    # while both windows are open neither's autosave is offered to a third; the second window's
    # own file is offered once it is closed without saving (a crash leaves its mark's process gone)
    assert recoverable(plan_file) == a
    second.release()
    assert recoverable(plan_file) in (a, b)
    first.release()


def test_a_mark_left_by_a_process_that_ended_does_not_count(plan_file):
    mark = plan_file.parent / f".{plan_file.name}.deadbeef.bm-open"
    mark.write_text("999999999\n", encoding="utf-8")  # no such process
    document = PlanDocument.open(plan_file)
    assert document.opened_elsewhere == 0
    assert not mark.exists()
    document.release()


def test_a_read_only_folder_opens_without_a_mark(plan_file, monkeypatch):
    from pathlib import Path

    real = Path.write_text

    def refuse(self, *a, **k):
        if self.name.endswith(".bm-open"):
            raise PermissionError(13, "read-only")
        return real(self, *a, **k)

    monkeypatch.setattr(Path, "write_text", refuse)
    document = PlanDocument.open(plan_file)
    assert document.mark is not None and document.mark.file is None
    document.release()


def test_the_second_window_on_a_plan_says_it_is_open_elsewhere(make_window, plan_file):
    from bianmin.designer.actions.file import open_path

    first = make_window()
    assert open_path(first, plan_file)
    assert getattr(first, "last_error", None) is None
    second = make_window()
    assert open_path(second, plan_file)
    assert second.last_error is not None and "已在另一个设计器窗口中打开" in second.last_error[1]
    # once the second window is closed, opening the plan again in the first is not "elsewhere"
    second.close()
    first.last_error = None
    assert open_path(first, plan_file)
    assert first.last_error is None
