"""The designer never aborts and never loses work (issue 15): each trigger found, and the hook behind them."""

import math
import shutil

import pytest
from PyQt6.QtCore import QTimer

from bianmin.designer.document import PlanDocument
from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.model import PlacedObject


@pytest.fixture(autouse=True)
def private_app_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "appdata"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "appdata"))


@pytest.mark.qt_no_exception_capture
@pytest.mark.crash_expected
def test_an_exception_in_a_slot_keeps_the_window_and_writes_an_emergency_autosave(make_window, qtbot, tmp_path, root):
    path = tmp_path / "plan.dxf"
    shutil.copy(root / "src" / "bianmin" / "templates" / "community-station.dxf", path)
    window = make_window(PlanDocument.open(path))
    window.choose_tool(("place", "BM_WATER"))
    from bianmin.designer.commands import AddElement

    window.document.do(AddElement(PlacedObject.place("BM_WATER", 3000, 3000)))

    def broken_slot():
        raise RuntimeError("a bug in some slot")

    QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: window.last_crash is not None, timeout=5000)
    exc, side, log = window.last_crash
    assert isinstance(exc, RuntimeError) and window.isVisible()
    assert (
        side is not None
        and side.exists()
        and len(read_plan(side).plan.objects_of("BM_WATER")) == len(window.document.plan.objects_of("BM_WATER"))
    )
    assert log is not None and "a bug in some slot" in log.read_text(encoding="utf-8")
    window.document.do(AddElement(PlacedObject.place("BM_WATER", 4000, 3000)))  # still usable


@pytest.mark.parametrize("name", ["ezdxf-Leica_Disto_S910.dxf", "bcn-plan_exported.dxf"])
def test_place_and_save_in_a_real_r12_file(make_window, tmp_path, name):
    """Regression: the block of a placed object was an LWPOLYLINE, which R12 cannot hold (DXFVersionError)."""
    source = __import__("pathlib").Path(__file__).resolve().parents[3] / "shared" / "dxf-corpus" / "real" / name
    if not source.exists():
        pytest.skip("the real corpus is not beside the checkout")
    path = tmp_path / name
    shutil.copy(source, path)
    window = make_window(PlanDocument.open(path))
    from bianmin.designer.commands import AddElement

    window.document.do(AddElement(PlacedObject.place("BM_EXTINGUISHER", 1000, 1000)))
    assert window.document.autosave() is not None
    window.save()  # the architect's drawing: saved as NAME-布置.dxf beside it, never over it (issue 25)
    assert not window.document.dirty
    assert len(read_plan(path.with_name(f"{path.stem}-布置.dxf")).plan.objects_of("BM_EXTINGUISHER")) == 1


@pytest.mark.parametrize("version", ["R12", "R2000", "R2004", "R2007", "R2010", "R2013", "R2018"])
def test_place_and_save_in_every_dxf_version(make_window, tmp_path, version):
    """Also the regression test of a drawing of one straight line: its background had no height,
    and the cached image divided by it inside a paint event."""
    import ezdxf

    doc = ezdxf.new(version)
    doc.modelspace().add_line((0, 0), (20000, 0))
    path = tmp_path / f"{version}.dxf"
    doc.saveas(path)
    window = make_window(PlanDocument.open(path))
    from bianmin.designer.commands import AddElement

    for block in ("BM_COUNTER", "BM_CAMERA", "BM_SEAT"):
        window.document.do(AddElement(PlacedObject.place(block, 5000, 5000)))
    assert window.save() and not window.document.dirty
    saved = path.with_name(f"{path.stem}-布置.dxf")  # a drawing the program did not make: never over it
    assert {o.block for o in read_plan(saved).plan.objects} == {"BM_COUNTER", "BM_CAMERA", "BM_SEAT"}


def test_export_report_with_markup_in_the_plan_name(make_window, tmp_path, root):
    """Regression: '<' in the plan name broke reportlab's paragraph parser (and aborted the designer)."""
    from dataclasses import replace

    window = make_window(PlanDocument.open(root / "src" / "bianmin" / "templates" / "community-station.dxf"))
    window.document.read.plan.properties = replace(window.document.plan.properties, name="西一路<社区>便民服务站 <b")
    from bianmin.drawing.report import write_plan_report
    from bianmin.standards.engine import check

    out = tmp_path / "r.pdf"
    report = check(window.document.read.intake, path="x.dxf")
    report.properties["BM_NAME"] = window.document.plan.properties.name
    write_plan_report(report, window.document.read, window.validator.config.ruleset, out, "zh")
    import pdfplumber

    with pdfplumber.open(out) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "西一路<社区>便民服务站 <b" in text


def test_findings_at_nan_or_infinity_are_shown_without_a_marker(make_window, root):
    """Regression: round(nan) in the scene aborted the designer."""
    from bianmin.standards.findings import Finding

    window = make_window(PlanDocument.open(root / "src" / "bianmin" / "templates" / "community-station.dxf"))
    findings = [
        Finding("X", "error", "坏", "bad", location=(math.nan, 1.0)),
        Finding("Y", "error", "坏", "bad", location=(math.inf, 1.0)),
        Finding("Z", "error", "好", "good", location=(1000.0, 1000.0)),
    ]
    window.scene.set_findings(findings)
    assert len(window.scene.markers) == 1
    from bianmin.standards.registry import hit

    assert hit("a", "b", at=(math.nan, 0)).location is None
