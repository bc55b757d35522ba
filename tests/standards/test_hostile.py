"""The named hostile plans of issue 16 (tests/fixtures/hostile.py), all in one batch: each ends in a
verdict, the JSON is valid, no rule breaks, junk is unreadable. bench/fuzz.py adds random mutants."""

import json

from bianmin.standards.cli import main
from tests.fixtures.hostile import CASES, write_case, write_junk


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
        assert f["status"] in ("pass", "fail", "unreadable"), name
        assert "两次意外终止" not in (f["error"] or ""), name  # no worker ran out of memory
    assert all(by_name[n]["status"] == "unreadable" for n in junk)
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
