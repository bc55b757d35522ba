"""``bianmin recognize`` from the command line, on generated and real drawings."""

import json
import subprocess
import sys

import pytest
from bianmin.geometry.dxf.load import load_document
from bianmin.geometry.dxf.read import read_plan
from bianmin.cli.main import main

from ..conftest import CORPUS, FIXTURES
from ..geometry.recognize_drawings import Variant, build


@pytest.fixture
def architect(tmp_path):
    path = tmp_path / "建筑底图.dxf"
    build(Variant(), path=path)
    return path


def test_recognize_writes_the_drawing_unchanged_plus_the_plan(architect, tmp_path, capsys):
    out = tmp_path / "plan.dxf"
    assert main(["recognize", str(architect), "-o", str(out)]) == 0
    text = capsys.readouterr().out
    assert "按最宽外门定为主入口" in text and "主入口" in text and "窗 3（窗不计为门）" in text
    before, _ = load_document(architect)
    after, _ = load_document(out)
    old = {e.dxf.handle: (e.dxftype(), e.dxf.layer) for e in before.modelspace()}
    new = {e.dxf.handle: (e.dxftype(), e.dxf.layer) for e in after.modelspace()}
    assert all(new.get(h) == v for h, v in old.items()), "an entity of the architect's drawing changed"
    added = {v[1] for h, v in new.items() if h not in old}
    # BM-ROOM: the two offices behind the hall's internal doors (issue 26: back rooms for HALL-AREA)
    assert added == {"BM-HALL", "BM-DOOR-MAIN", "BM-DOOR-EXIT", "BM-DOOR", "BM-OBSTACLE", "BM-ROOM"}
    plan = read_plan(out).plan
    assert plan.hall_area_m2 == pytest.approx(216.0, rel=1e-3)
    assert main(["validate", str(out), "--quiet"]) in (0, 1)  # a checkable plan, not an unreadable file


def test_json_gives_coordinates_in_drawing_units(tmp_path, capsys):
    src = tmp_path / "m.dxf"
    build(Variant(metres=True), path=src)
    assert main(["recognize", str(src), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["found"] and data["units"]["mm_per_unit"] == 1000.0
    xs = [p[0] for p in data["hall"]["outline"]]
    assert min(xs) == pytest.approx(0.0, abs=0.01) and max(xs) == pytest.approx(18.0, abs=0.01)
    main_door = next(o for o in data["openings"] if o["kind"] == "main")
    assert main_door["width_mm"] == pytest.approx(1800, abs=60) and main_door["layer"] == "BM-DOOR-MAIN"
    assert {n["zh"] for n in data["notes"]} and data["windows_on_hall"] == 3


def test_english_report_and_the_at_option(architect, capsys):
    assert main(["recognize", str(architect), "--lang", "en", "--at", "21000,9000"]) == 0
    text = capsys.readouterr().out
    assert "hall chosen at the given point" in text and "internal door" in text


def test_own_layer_names_from_the_command_line(tmp_path, capsys):
    src = tmp_path / "own.dxf"
    build(Variant(wall_layer="AR-W-EXT"), path=src)
    assert main(["recognize", str(src), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["walls"]["by"] == "shape"  # the name says nothing by default
    assert main(["recognize", str(src), "--format", "json", "--wall-layers", "^ar-w"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["walls"] == {"by": "layer", "layers": ["AR-W-EXT"], "segments": data["walls"]["segments"]}
    assert data["hall"]["area_m2"] == pytest.approx(216.0, rel=1e-3)
    assert main(["recognize", str(src), "--wall-layers", "(["]) == 2
    assert "不是有效的正则表达式" in capsys.readouterr().err


def test_no_room_is_exit_2_with_a_message(tmp_path, capsys):
    import ezdxf

    src = tmp_path / "empty.dxf"
    doc = ezdxf.new("R2010")
    doc.modelspace().add_line((0, 0), (1000, 0))
    doc.saveas(src)
    out = tmp_path / "out.dxf"
    assert main(["recognize", str(src), "-o", str(out)]) == 2
    captured = capsys.readouterr()
    assert "未找到房间" in captured.err and "no room found" in captured.err
    assert not out.exists()


def test_bad_arguments_are_exit_2(architect, tmp_path, capsys):
    assert main(["recognize", str(tmp_path / "missing.dxf")]) == 2
    assert main(["recognize", str(architect), "--at", "12;5"]) == 2
    assert main(["recognize", str(architect), "-o", str(architect)]) == 2
    out = tmp_path / "o.dxf"
    out.write_text("keep")
    assert main(["recognize", str(architect), "-o", str(out)]) == 2
    assert out.read_text() == "keep"
    garbage = tmp_path / "garbage.dxf"
    garbage.write_bytes(b"\x00\x01 not a drawing")
    assert main(["recognize", str(garbage)]) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_recognize_does_not_import_qt(architect):
    code = (
        "import sys; from bianmin.cli.main import main; "
        f"main(['recognize', {str(architect)!r}]); "
        "assert not [m for m in sys.modules if m.startswith('PyQt6')], 'PyQt6 imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def test_the_tarch_plan_is_no_longer_the_corridor_with_its_toilets(tmp_path, capsys):
    """issue 26: the TArch plan's hall was the public corridor with the toilets and the cleaning room
    (107.7 m², five "exits" 0.4–4.4 m apart). That face is labelled 清洁 and is now kept apart; the
    plan's 门厅 lies in no closed room, so what is found is small and doubted, and --list offers the
    rooms to pick from (docs/recognition.md)."""
    src = FIXTURES / "real" / "egg-dxf_1.dxf"
    out = tmp_path / "egg.dxf"
    assert main(["recognize", str(src), "-o", str(out), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["units"]["mm_per_unit"] == 1.0 and data["units"]["guessed"]  # from the door swings
    assert sum(o["kind"] in ("main", "exit") for o in data["openings"]) <= 2  # not five facade "exits"
    assert any(o["source"].upper().startswith("$DORLIB") for o in data["openings"])
    assert data["doubts"]  # the planner is told to check
    assert any(r["label"] == "清洁" and r["role"] for r in data["rooms_found"])  # kept apart, by its label
    assert read_plan(out).plan.hall is not None


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the shared corpus is not beside the repository")
@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.glob("*.dxf")) if CORPUS.is_dir() else [])
def test_every_real_drawing_gives_a_result_or_a_clear_message(name, capsys):
    code = main(["recognize", str(CORPUS / name), "--format", "json"])
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err
    if code == 0:
        assert json.loads(captured.out)["hall"]["area_m2"] > 0
    else:
        assert code == 2 and ("未找到房间" in captured.err or "无法" in captured.err or "不是" in captured.err)


DWG = CORPUS.parent.parent / "dwg-corpus" / "sample_AC1018.dwg"


def test_a_broken_dwg_is_a_clear_message(tmp_path, capsys):
    bad = tmp_path / "底图.dwg"
    bad.write_bytes(b"AC1018" + bytes(200))
    assert main(["recognize", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "底图.dwg" in err and "Traceback" not in err


@pytest.mark.skipif(not DWG.is_file(), reason="the shared DWG corpus is not beside the repository")
def test_a_dwg_is_read(capsys):
    code = main(["recognize", str(DWG), "--format", "json"])
    captured = capsys.readouterr()
    assert json.loads(captured.out)["walls"]["segments"] >= 0  # read and looked at: a report, not an error
    assert code == 2 and "未找到房间" in captured.err
