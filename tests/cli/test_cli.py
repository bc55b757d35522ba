"""The bianmin command: exit codes, formats, options, and the batch going past bad files."""

import csv
import io
import json
import shutil
import subprocess
import sys

import pytest

from bianmin.standards import RULESET_VERSION
from bianmin.cli.main import main

FIX = "tests/fixtures/rules"


@pytest.fixture
def plans(tmp_path, root):
    """A folder as a bureau receives it: a good plan, a bad plan, an unreadable file, in a subfolder too."""
    folder = tmp_path / "submitted"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(root / "src" / "bianmin" / "templates" / "street-center.dxf", folder / "good.dxf")
    shutil.copy(root / FIX / "HALL-AREA" / "fail-180m2-new.dxf", folder / "sub" / "small.DXF")
    (folder / "broken.dxf").write_bytes(b"not a drawing at all")
    (folder / "notes.txt").write_text("ignored")
    return folder


def run_json(args, capsys):
    code = main([*args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_passing_plan_exits_0(root, capsys):
    code = main(["validate", str(root / "src" / "bianmin" / "templates" / "street-center.dxf")])
    assert code == 0
    assert "通过" in capsys.readouterr().out


def test_failing_plan_exits_1_with_cited_finding(root, capsys):
    code, data = run_json(["validate", str(root / FIX / "HALL-AREA" / "fail-180m2-new.dxf")], capsys)
    assert code == 1
    (f,) = [f for f in data["files"][0]["findings"] if f["rule"] == "HALL-AREA"]
    assert f["severity"] == "error" and f["source"] == "XA 三(二)"
    assert "180.0 m²" in f["message"] and "200.0 m²" in f["message"]
    assert f["location"] and f["handles"]


def test_folder_batch_goes_past_bad_file_and_exits_2(plans, capsys):
    code, data = run_json(["validate", str(plans), "--jobs", "2"], capsys)
    assert code == 2
    by_name = {f["path"].replace("\\", "/").rsplit("/", 1)[-1]: f for f in data["files"]}
    assert set(by_name) == {"good.dxf", "small.DXF", "broken.dxf"}
    assert by_name["good.dxf"]["status"] == "pass"
    assert by_name["small.DXF"]["status"] == "fail"
    assert by_name["broken.dxf"]["status"] == "unreadable"
    assert "不是 DXF" in by_name["broken.dxf"]["error"]
    s = data["summary"]
    assert (s["files"], s["pass"], s["fail"], s["unreadable"]) == (3, 1, 1, 1)
    assert s["by_rule"]["HALL-AREA"] == 1
    assert s["mailbox_rate"]["street-center"] == 1.0 and s["mailbox_rate"]["community-station"] is None


def test_jobs_1_and_2_agree(plans, capsys):
    _, one = run_json(["validate", str(plans), "--jobs", "1"], capsys)
    _, two = run_json(["validate", str(plans), "--jobs", "2"], capsys)
    assert one["files"] == two["files"] and one["summary"] == two["summary"]


def test_json_shape_matches_docs_json_report(root, capsys):
    _, data = run_json(["validate", str(root / "src" / "bianmin" / "templates" / "street-center.dxf")], capsys)
    assert data["tool"] == "bianmin" and data["version"]
    assert data["ruleset"]["version"] == RULESET_VERSION and len(data["ruleset"]["config_sha256"]) == 64
    f = data["files"][0]
    assert set(f) >= {"path", "status", "error", "profile", "properties", "metrics", "findings"}
    assert f["properties"]["BM_KIND"] == "street-center"
    assert f["metrics"]["hall_area_m2"] == 250.0 and f["metrics"]["windows"] == 6 and f["metrics"]["seats"] == 20


def test_profile_and_set_overrides(root, capsys):
    path = str(root / FIX / "HALL-AREA" / "fail-180m2-new.dxf")
    code, data = run_json(["validate", path, "--set", "BM_CONSTRUCTION=existing"], capsys)
    assert not [f for f in data["files"][0]["findings"] if f["rule"] == "HALL-AREA"]
    code, data = run_json(["validate", path, "--profile", "community-station"], capsys)
    assert data["files"][0]["profile"] == "community-station"
    assert not [f for f in data["files"][0]["findings"] if f["rule"] in ("HALL-AREA", "ZONE-REQUIRED")]


def test_config_changes_parameters_severity_and_hash(root, tmp_path, capsys):
    path = str(root / FIX / "HALL-AREA" / "fail-180m2-new.dxf")
    _, plain = run_json(["validate", path], capsys)
    config = tmp_path / "bureau.toml"
    config.write_text(
        'disable = ["META-NAME"]\n[rules."HALL-AREA"]\nmin_area_m2 = 150\n'
        '[rules."SIGN-COMPLAINT"]\nseverity = "error"\n',
        encoding="utf-8",
    )
    code, data = run_json(["validate", path, "--config", str(config)], capsys)
    rules = {f["rule"]: f["severity"] for f in data["files"][0]["findings"]}
    assert "HALL-AREA" not in rules and "META-NAME" not in rules
    assert data["ruleset"]["config_sha256"] != plain["ruleset"]["config_sha256"]
    # the same settings in another order hash the same
    config.write_text(
        'disable = ["META-NAME"]\n# reordered\n[rules."SIGN-COMPLAINT"]\nseverity = "error"\n'
        '[rules."HALL-AREA"]\nmin_area_m2 = 150.0\n',
        encoding="utf-8",
    )
    _, again = run_json(["validate", path, "--config", str(config)], capsys)
    assert again["ruleset"]["config_sha256"] == data["ruleset"]["config_sha256"]


@pytest.mark.parametrize(
    "text,words",
    [
        ('[rules."NO-SUCH-RULE"]\nx = 1\n', "NO-SUCH-RULE"),
        ('[rules."HALL-AREA"]\nmin_area = 1\n', "min_area"),
        ('[rules."HALL-AREA"]\nmin_area_m2 = "big"\n', "数字"),
        ('[rules."HALL-AREA"]\nseverity = "fatal"\n', "severity"),
        ("this is = = not toml", "TOML"),
    ],
)
def test_bad_config_is_a_clear_error_exit_2(root, tmp_path, capsys, text, words):
    config = tmp_path / "bad.toml"
    config.write_text(text, encoding="utf-8")
    code = main(
        ["validate", str(root / "src" / "bianmin" / "templates" / "street-center.dxf"), "--config", str(config)]
    )
    assert code == 2
    assert words in capsys.readouterr().err


def test_a_missing_config_is_named_in_chinese(root, tmp_path, capsys):
    """Regression (tryout): 无法读取配置文件 …：No such file or directory."""
    missing = tmp_path / "区规则.toml"
    assert (
        main(["validate", str(root / "src" / "bianmin" / "templates" / "street-center.dxf"), "--config", str(missing)])
        == 2
    )
    err = capsys.readouterr().err
    assert f"配置文件 {missing} 不存在" in err and "No such file" not in err


def test_bad_command_lines_exit_2(root, capsys):
    assert main(["validate", str(root / "src" / "bianmin" / "templates"), "--set", "NOPE=1"]) == 2
    assert main(["validate", str(root / "src" / "bianmin" / "templates"), "--format", "pdf"]) == 2
    assert main(["validate", "does-not-exist.dxf"]) == 2
    assert main(["validate"]) == 2
    assert main([]) == 2


def test_english_messages(root, capsys):
    _, data = run_json(["validate", str(root / FIX / "HALL-AREA" / "fail-180m2-new.dxf"), "--lang", "en"], capsys)
    (f,) = [f for f in data["files"][0]["findings"] if f["rule"] == "HALL-AREA"]
    assert f["message"].startswith("the hall is 180.0 m²")


def test_text_csv_html_outputs(plans, tmp_path, capsys):
    assert main(["validate", str(plans), "--jobs", "1"]) == 2  # the folder holds an unreadable file
    text = capsys.readouterr().out
    assert "HALL-AREA" in text and "[XA 三(二)]" in text and "汇总：共 3 个文件" in text
    out = tmp_path / "r.csv"
    main(["validate", str(plans), "--format", "csv", "-o", str(out)])
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[0][:4] == ["文件", "结论", "类型", "规则"]
    assert any(r[3] == "HALL-AREA" and r[4] == "错误" for r in rows[1:])
    html = tmp_path / "r.html"
    main(["validate", str(plans), "--format", "html", "-o", str(html)])
    page = html.read_text(encoding="utf-8")
    assert "<html" in page and "http" not in page.replace("http-equiv", ""), "self-contained, no links out"
    assert page.index("broken.dxf") < page.index("small.DXF") < page.index("good.dxf"), "failures first"


def test_rules_listing(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids)) and "HALL-AREA" in ids
    hall = next(r for r in rules if r["id"] == "HALL-AREA")
    assert hall["parameters"] == {"min_area_m2": 200.0} and hall["source"] == "XA 三(二)"


def test_new_and_templates(tmp_path, capsys):
    assert main(["templates"]) == 0
    assert "street-center" in capsys.readouterr().out
    out = tmp_path / "mine.dxf"
    assert main(["new", "--template", "community-station", "-o", str(out)]) == 0
    assert main(["validate", str(out)]) == 0
    assert main(["new", "--template", "community-station", "-o", str(out)]) == 2, "no silent overwrite"
    assert main(["new", "--template", "nope", "-o", str(tmp_path / "x.dxf")]) == 2


def test_validate_does_not_import_qt(root):
    code = (
        "import sys; from bianmin.cli.main import main; "
        f"main(['validate', {str(root / 'src' / 'bianmin' / 'templates')!r}, '--quiet']); "
        "assert not [m for m in sys.modules if m.startswith('PyQt6')], 'PyQt6 imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_recovered_file_speaks_chinese_and_keeps_the_raw_words_for_json_and_english(root, capsys):
    """issue 14: DXF-RECOVERED in Chinese counts repairs by kind; ezdxf's own text only in English or JSON."""
    path = str(root / "tests" / "fixtures" / "real" / "ezdxf-recover01.dxf")
    main(["validate", path, "--timeout", "0"])
    zh = capsys.readouterr().out
    line = next(x for x in zh.splitlines() if "DXF-RECOVERED" in x and "已自动修复" in x)
    assert "未定义的文字样式 63 处" in line and "ROMANS" not in line and "详见英文" not in line
    main(["validate", path, "--timeout", "0", "--lang", "en"])
    assert "found tag outside section" in capsys.readouterr().out
    _, data = run_json(["validate", path, "--timeout", "0"], capsys)
    fixed = next(f for f in data["files"][0]["findings"] if "已自动修复" in f["message"])
    assert any("ROMANS" in d for d in fixed["details"])


def test_architects_drawing_gets_its_own_verdict_not_a_fail(root, tmp_path, capsys):
    """issue 14: no BM- content at all is 'not a plan' with the advice to recognize it, not four unrelated errors."""
    drawing = root / "tests" / "fixtures" / "rules" / "DXF-NOT-A-PLAN" / "fail-architects-drawing.dxf"
    started = root / "tests" / "fixtures" / "rules" / "DXF-NOT-A-PLAN" / "pass-only-empty-bm-layers.dxf"
    code, data = run_json(["validate", str(drawing), str(started), "--jobs", "1"], capsys)
    assert code == 2
    by_name = {f["path"].replace("\\", "/").rsplit("/", 1)[-1]: f for f in data["files"]}
    mine = by_name[drawing.name]
    assert mine["status"] == "not-a-plan" and [f["rule"] for f in mine["findings"]] == ["DXF-NOT-A-PLAN"]
    assert "没有 BM- 图层" in mine["findings"][0]["message"] and "bianmin recognize" in mine["findings"][0]["message"]
    assert by_name[started.name]["status"] == "fail"  # a plan being started fails as a plan
    assert data["summary"]["not_a_plan"] == 1 and data["summary"]["fail"] == 1
    assert main(["validate", str(drawing), "--timeout", "0"]) == 2
    text = capsys.readouterr().out
    assert "不是按约定绘制的平面图" in text and "EQUIP-HALL" not in text and "SIGN-HOURS-MIN" not in text
    assert main(["export", "report", str(drawing), "-o", str(tmp_path / "r.pdf")]) == 2
    assert "bianmin recognize" in capsys.readouterr().err and not (tmp_path / "r.pdf").exists()
