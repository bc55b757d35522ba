"""The bureau's review (issue 12): two rounds of one plan through add, diff, waive, status and letter;
two processes adding at once; the audit trail; the store."""

import copy
import json
import sqlite3
import subprocess
import sys
import textwrap

import pytest

from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.dxf.write import write_plan
from bianmin.geometry.model import new_id
from bianmin.cli.main import main

PLAN = "samples/hansenzhai-missing-signs.dxf"
NAME = "西安市新城区韩森寨街道便民服务中心"


def second_round(src, out):
    """The plan as the street sends it back: written anew by another program (every handle new), the
    opening hours fixed (SIGN-HOURS-MIN gone), the reading glasses taken out (a new finding) and the
    water dispenser moved (unrelated to any finding)."""
    plan = copy.deepcopy(read_plan(src).plan)
    plan.loaded = {}
    for element in plan.elements():
        element.id = new_id()  # nothing of the old drawing is reused
    plan.properties, problems = plan.properties.updated({"BM_HOURS": "08:30-12:00;13:30-17:30"})
    assert not problems
    plan.objects = [o for o in plan.objects if o.block != "BM_GLASSES"]
    i = next(k for k, o in enumerate(plan.objects) if o.block == "BM_WATER")
    plan.objects[i] = plan.objects[i].moved(400.0, 250.0)
    from bianmin.geometry.dxf.write import new_document

    doc = new_document()  # another program numbers its entities from elsewhere: every handle new
    doc.entitydb.handles.reset(f"{int(str(doc.entitydb.handles), 16) + 0x4000:X}")
    write_plan(plan, out, doc=doc)
    return out


def run(args, capsys, fmt="json"):
    code = main(["review", *args, "--format", fmt] if fmt else ["review", *args])
    out = capsys.readouterr().out
    return code, (json.loads(out) if fmt == "json" else out)


@pytest.fixture
def rounds(root, tmp_path):
    first = tmp_path / "round1.dxf"
    first.write_bytes((root / PLAN).read_bytes())
    return tmp_path / "review.sqlite", first, second_round(first, tmp_path / "round2.dxf")


def test_two_rounds_add_diff_waive_status_letter(rounds, capsys, tmp_path):
    db, first, second = rounds
    ids = [{e.id for e in read_plan(f).plan.elements()} for f in (first, second)]
    assert ids[0] and ids[1] and not ids[0] & ids[1]  # every handle of the second round is new
    handles1 = {h for f in json.loads(_validate(first, capsys))["findings"] for h in f["handles"]}

    code, data = run(["add", str(first), "--db", str(db)], capsys)
    s1 = data["submissions"][0]
    assert code == 1 and (s1["name"], s1["round"], s1["verdict"]) == (NAME, 1, "fail")
    # rule set 2019.3 adds five warnings to this sample (ACC-ENTRANCE, knee space, route turn, second hydrant
    # jet, smoke exhaust): facts a reviewer asks for
    assert s1["errors"] == 4 and s1["warnings"] == 6

    code, data = run(["add", str(first), "--db", str(db)], capsys)  # the same file again: one submission
    assert data["submissions"][0]["round"] == 1 and data["submissions"][0]["added"] is False

    code, data = run(["add", str(second), "--db", str(db)], capsys)
    s2 = data["submissions"][0]
    assert s2["round"] == 2 and s2["fixed"] == 1 and s2["new"] >= 1

    code, diff = run(["diff", NAME, "--db", str(db)], capsys)
    assert code == 0 and (diff["from"], diff["to"]) == (1, 2)
    assert [f["rule"] for f in diff["fixed"]] == ["SIGN-HOURS-MIN"]
    assert {f["rule"] for f in diff["new"]} == {"EQUIP-CONVENIENCE"}
    unchanged = {f["rule"] for f in diff["unchanged"]}
    # with rule set 2019.3's warnings (ACC-ENTRANCE, CNTR-HEIGHT's knee space, FIRE-EVAC-SIGN's turn,
    # FIRE-HYDRANT-REACH's second jet, FIRE-SMOKE), unchanged in both rounds
    third = {"ACC-ENTRANCE", "CNTR-HEIGHT", "FIRE-EVAC-SIGN", "FIRE-HYDRANT-REACH", "FIRE-SMOKE"}
    assert unchanged == {"SIGN-FLOORPLAN", "SIGN-GUIDE", "SIGN-HOURS", "SIGN-COMPLAINT"} | third
    handles2 = {h for f in diff["unchanged"] for h in f["handles"]}
    assert handles1 and not handles1 & handles2  # unchanged although every handle changed
    assert all(len(f["fingerprint"]) == 16 for f in diff["unchanged"])

    # waive every SIGN-FLOORPLAN finding; one fingerprint of SIGN-GUIDE
    code, w = run(
        ["waive", NAME, "SIGN-FLOORPLAN", "--reason", "入口有电子屏平面图", "--by", "王审查", "--db", str(db)], capsys
    )
    assert code == 0 and len(w["fingerprints"]) == 1
    guide = next(f["fingerprint"] for f in diff["unchanged"] if f["rule"] == "SIGN-GUIDE")
    run(
        [
            "waive",
            NAME,
            "SIGN-GUIDE",
            "--fingerprint",
            guide,
            "--reason",
            "导引台兼作导引 <b>",
            "--by",
            "王审查",
            "--db",
            str(db),
        ],
        capsys,
    )
    code, diff = run(["diff", NAME, "--db", str(db)], capsys)
    assert {f["rule"] for f in diff["waived"]} == {"SIGN-FLOORPLAN", "SIGN-GUIDE"}
    assert all(f["waiver"]["by"] == "王审查" for f in diff["waived"])
    assert not {f["rule"] for f in diff["unchanged"]} & {"SIGN-FLOORPLAN", "SIGN-GUIDE"}

    code, status = run(["status", "--db", str(db)], capsys)
    plan = status["plans"][0]
    assert set(plan) == {
        "name",
        "round",
        "verdict",
        "errors",
        "warnings",
        "waived",
        "fixed",
        "new",
        "sha256",
        "submitted",
    }
    # open errors: SIGN-HOURS and the new EQUIP-HALL ones; the two waived do not count
    assert plan["round"] == 2 and plan["waived"] == 2 and plan["fixed"] == 1 and plan["verdict"] == "fail"
    assert plan["errors"] == 1 + sum(f["severity"] == "error" for f in diff["new"])
    assert code == 1

    # waiving what is left makes the plan pass: waived findings do not fail it
    for rule in {"SIGN-HOURS"} | {f["rule"] for f in diff["new"] if f["severity"] == "error"}:
        run(["waive", NAME, rule, "--reason", "另行整改", "--by", "李复核", "--db", str(db)], capsys)
    code, status = run(["status", "--db", str(db)], capsys)
    assert code == 0 and status["plans"][0]["verdict"] == "pass" and status["plans"][0]["errors"] == 0
    code, _ = run(["unwaive", NAME, "SIGN-HOURS", "--reason", "豁免有误", "--by", "李复核", "--db", str(db)], capsys)
    code, status = run(["status", "--db", str(db)], capsys)
    assert code == 1 and status["plans"][0]["errors"] == 1

    code, html = run(["status", "--db", str(db)], capsys, fmt="html")
    assert "韩森寨" in html and "修改后重新报审" in html and "信包箱" in html

    letter = tmp_path / "意见书.pdf"
    cfg = tmp_path / "bureau.toml"
    cfg.write_text(
        '[review]\nbureau = "西安市新城区行政审批服务局"\nletterhead = "地址：新城区 <测试> 路 1 号"\n',
        encoding="utf-8",
    )
    code = main(["review", "letter", NAME, "-o", str(letter), "--db", str(db), "--config", str(cfg)])
    assert code == 0
    import pdfplumber

    with pdfplumber.open(letter) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages).replace("\n", "")
        assert abs(pdf.pages[0].width - 595.3) < 1 and abs(pdf.pages[0].height - 841.9) < 1  # A4
    for words in (
        "西安市新城区行政审批服务局",
        "<测试>",
        "审查意见书",
        "修改后重新报审",
        "第 2 轮",
        "SIGN-HOURS",
        "入口有电子屏平面图",
        "导引台兼作导引 <b>",
        "问题（上一轮）",  # the fixed section lists SIGN-HOURS-MIN's finding
        "审查人",
        "审定人",
        "日期",
        "审查依据",
        "第 1 页 共",
    ):
        assert words in text, words
    from pypdf import PdfReader

    embedded = set()
    for page in PdfReader(letter).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            desc = font.get("/FontDescriptor")
            if desc is not None and "/FontFile2" in desc.get_object():
                embedded.add(str(font["/BaseFont"]))
    assert any("WenQuanYi" in name or "Hei" in name or "Noto" in name for name in embedded)  # Chinese font embedded
    # the 实测/要求 columns in Chinese words (tryout: "5 devices | 0 devices" in an official letter)
    english_units = ("devices", "counters", "objects", "windows", "missing", "lights", "seats")
    assert not [u for u in english_units if f" {u}" in text], text


def test_letter_figures_are_said_in_chinese():
    from bianmin.drawing.letter import _figure

    assert _figure(5, "devices") == "缺 5 台" and _figure(0, "devices") == "缺 0 台"
    assert _figure(2, "counters") == "2 个柜台" and _figure(1.5, "m²") == "1.5 m²"
    assert _figure([700.0, 800.0], "mm") == "700–800 mm" and _figure(None, "mm") == "—"


def _validate(path, capsys):
    main(["validate", str(path), "--format", "json"])
    return json.dumps(json.loads(capsys.readouterr().out)["files"][0])


def test_store_keeps_exact_bytes_and_nothing_is_updated_or_deleted(rounds, capsys):
    db, first, second = rounds
    run(["add", str(first), "--db", str(db)], capsys)
    run(["waive", NAME, "SIGN-GUIDE", "--reason", "r", "--by", "a", "--db", str(db)], capsys)
    run(["unwaive", NAME, "SIGN-GUIDE", "--reason", "r2", "--by", "b", "--db", str(db)], capsys)
    import hashlib

    sha = hashlib.sha256(first.read_bytes()).hexdigest()
    kept = db.with_name(db.name + ".files") / f"{sha}.dxf"
    assert kept.read_bytes() == first.read_bytes()
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA user_version").fetchone()[0] >= 1
    trail = con.execute("SELECT action, reason, reviewer FROM waivers ORDER BY id").fetchall()
    assert trail == [("waive", "r", "a"), ("unwaive", "r2", "b")]


def test_errors_exit_2(rounds, capsys, tmp_path):
    db, first, _ = rounds
    assert main(["review", "diff", "没有这份图纸", "--db", str(db)]) == 2
    run(["add", str(first), "--db", str(db)], capsys)
    assert (
        main(
            [
                "review",
                "waive",
                NAME,
                "SIGN-GUIDE",
                "--fingerprint",
                "0" * 16,
                "--reason",
                "x",
                "--by",
                "y",
                "--db",
                str(db),
            ]
        )
        == 2
    )
    assert main(["review", "diff", NAME, "--from", "1", "--to", "7", "--db", str(db)]) == 2
    assert "没有第 7 轮" in capsys.readouterr().err
    broken = tmp_path / "junk.sqlite"
    broken.write_bytes(b"not a database at all" * 100)
    assert main(["review", "status", "--db", str(broken)]) == 2


@pytest.mark.parametrize("command", [["status"], ["diff", NAME], ["letter", NAME, "-o", "x.pdf"]])
def test_a_mistyped_db_is_named_not_made(tmp_path, capsys, command):
    """Regression (tryout): `review status --db typo.sqlite` made a new, empty database and said
    尚无报审 (nothing submitted) with exit 0; only `review add` starts a record."""
    typo = tmp_path / "reveiw.sqlite"
    assert main(["review", *command, "--db", str(typo)]) == 2
    err = capsys.readouterr().err
    assert "不存在" in err and str(typo) in err
    assert not typo.exists()


WRITER = textwrap.dedent("""
    import sys, time
    from bianmin.standards.findings import Finding, PlanReport
    from bianmin.review import db as D
    con = D.connect(sys.argv[1])
    who = sys.argv[2]
    while time.time() < float(sys.argv[3]):
        time.sleep(0.005)
    for i in range(40):
        report = PlanReport(path=f"{who}-{i}.dxf", status="fail",
                            findings=[Finding("HALL-AREA", "error", "m", "m", subject=("hall", who + str(i)))])
        D.add_submission(con, "同一图纸", filename=f"{who}-{i}.dxf", sha256=f"{who}-{i}", size=1,
                         ruleset={"version": "t", "config_sha256": "c"}, report=report)
""")


OPENER = textwrap.dedent("""
    import sys, time
    from bianmin.review import db as D
    while time.time() < float(sys.argv[2]):
        pass
    D.connect(sys.argv[1]).close()
""")


@pytest.mark.slow
def test_two_processes_creating_one_database_both_open_it(tmp_path):
    """Regression: switching a new database to WAL answered "database is locked" at once to the
    second of two processes (one time in three), so one reviewer's `review add` failed."""
    import time

    script = tmp_path / "opener.py"
    script.write_text(OPENER, encoding="utf-8")
    for attempt in range(6):
        db = tmp_path / f"new-{attempt}.sqlite"
        start = str(time.time() + 1.0)
        procs = [subprocess.Popen([sys.executable, str(script), str(db), start]) for _ in range(2)]
        assert [p.wait(timeout=120) for p in procs] == [0, 0], attempt


def test_two_processes_adding_at_once_lose_no_row(tmp_path):
    import time

    db = tmp_path / "shared.sqlite"
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    start = str(time.time() + 1.5)  # both start writing at the same moment
    procs = [subprocess.Popen([sys.executable, str(script), str(db), who, start]) for who in ("a", "b")]
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    con = sqlite3.connect(db)
    rounds = [r[0] for r in con.execute("SELECT round FROM submissions ORDER BY round")]
    assert rounds == list(range(1, 81))
    assert con.execute("SELECT COUNT(*) FROM findings").fetchone()[0] == 80
    names = {r[0] for r in con.execute("SELECT filename FROM submissions")}
    assert len(names) == 80


def test_two_drawings_under_one_name_in_one_batch_are_not_two_rounds(root, tmp_path, capsys):
    """Regression (tryout): `review add samples/` took two different 东新 plans that share a BM_NAME
    as rounds 1 and 2 of one plan, and the passing one vanished from status and the dashboard."""
    db = tmp_path / "review.sqlite"
    a, b = root / "samples/dongxin-community-station.dxf", root / "samples/dongxin-missing-equipment.dxf"
    code, out = run(["add", str(a), str(b), "--db", str(db)], capsys)
    states = out["submissions"]
    assert code == 2
    (recorded,) = [s for s in states if "verdict" in s]
    assert recorded["round"] == 1 and recorded["file"] == str(a)
    (refused,) = [s for s in states if "error" in s and "verdict" not in s]
    assert refused["file"] == str(b) and "机构名称相同" in refused["error"]
    code, again = run(["add", str(a), str(a), "--db", str(db)], capsys)  # the same file twice is still one
    assert all("error" not in s for s in again["submissions"])
