"""The named hostile plans of issue 16 (tests/fixtures/hostile.py), all in one batch: each ends in a
verdict, the JSON is valid, no rule breaks, junk is unreadable. bench/fuzz.py adds random mutants."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bianmin.cli.main import main
from tests.fixtures.hostile import CASES, write_case, write_junk


@pytest.mark.slow
def test_every_hostile_plan_ends_in_a_verdict_with_valid_json(tmp_path, capsys):
    folder = tmp_path / "hostile"
    folder.mkdir()
    for name in CASES:
        write_case(name, folder)
    junk = {p.name for p in write_junk(folder)}
    out = tmp_path / "report.json"
    code = main(["validate", str(folder), "--format", "json", "--jobs", "2", "--timeout", "90", "-o", str(out)])
    assert code == 2  # the junk files are unreadable
    data = json.loads(out.read_text(encoding="utf-8"), parse_constant=lambda c: (_ for _ in ()).throw(ValueError(c)))
    by_name = {f["path"].replace("\\", "/").rsplit("/", 1)[-1]: f for f in data["files"]}
    assert set(by_name) == {f"{n}.dxf" for n in CASES} | junk
    for name, f in by_name.items():
        messages = [x["message"] for x in f["findings"]]
        assert not any("内部错误" in m for m in messages), (name, messages)
        assert f["status"] in ("pass", "fail", "unreadable", "not-a-plan"), name
        assert "两次意外终止" not in (f["error"] or ""), name  # no worker ran out of memory
    assert all(by_name[n]["status"] == "unreadable" for n in junk)
    assert by_name["no-bm-content.dxf"]["status"] == "not-a-plan"
    for name in (
        "seats-1e9",
        "extinguisher-count-1e18",
        "mount-sky",
        "floors-zero",
        "visits-negative",
        "hall-vertex-1e18",
        "hall-vertex-1e300",
    ):
        assert any(x["rule"] == "DXF-GEOMETRY" for x in by_name[f"{name}.dxf"]["findings"]), name


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_an_image_naming_a_fifo_hangs_no_command(tmp_path):
    """issue 16: an IMAGE whose file is a FIFO hung `export pdf`, `validate --format pdf` and `export report`
    (opening a FIFO for reading waits for a writer forever). Each runs in a child with a time limit."""
    import ezdxf

    from bianmin.templates import path_of

    fifo = tmp_path / "pipe.png"
    os.mkfifo(fifo)
    doc = ezdxf.readfile(path_of("community-station"))
    image_def = doc.add_image_def(filename=str(fifo), size_in_pixel=(100, 100))
    doc.modelspace().add_image(image_def, insert=(0, 0), size_in_units=(2000, 2000))
    plan = tmp_path / "plan.dxf"
    doc.saveas(plan)
    cli = "import sys; from bianmin.cli.main import main; sys.exit(main())"
    for args in (
        ["export", "pdf", str(plan), "-o", str(tmp_path / "a.pdf")],
        ["validate", str(plan), "--format", "pdf", "-o", str(tmp_path / "v.pdf")],
        ["export", "report", str(plan), "-o", str(tmp_path / "r.pdf")],
    ):
        try:
            done = subprocess.run([sys.executable, "-c", cli, *args], capture_output=True, timeout=120)
        except subprocess.TimeoutExpired:
            pytest.fail(f"{args[:2]} hung on an IMAGE naming a FIFO")
        assert done.returncode in (0, 1), (args[:2], done.stderr[-2000:])
        assert Path(args[-1]).stat().st_size > 1000
