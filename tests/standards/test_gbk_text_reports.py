"""Issue 15: GBK text in an R2007+ DXF with an unknown $DWGCODEPAGE (read as UTF-8, so surrogate-escaped
bytes): every report and the drawing are still written, and the name is shown as the Chinese it was."""

import json

import pytest

from bianmin.geometry.atomic import clean_text
from bianmin.cli.main import main

NAME = "西安市新城区示例街道便民服务中心"


@pytest.fixture
def gbk_plan(root, tmp_path):
    src = (root / "src" / "bianmin" / "templates" / "street-center.dxf").read_bytes()
    assert NAME.encode() in src and b"AC1024" in src  # an R2010 drawing: ezdxf reads it as UTF-8
    plan = tmp_path / "gbk.dxf"
    plan.write_bytes(src.replace(NAME.encode(), NAME.encode("gbk")).replace(b"ANSI_1252", b"ANSI_9999"))
    return plan


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_gbk_text_in_r2007_plus_unknown_codepage_reports_show_the_name(gbk_plan, tmp_path, fmt):
    out = tmp_path / f"report.{fmt}"
    assert main(["validate", str(gbk_plan), "--format", fmt, "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8-sig")
    assert NAME in text
    if fmt == "json":
        assert json.loads(text)["files"][0]["properties"]["BM_NAME"] == NAME


def test_gbk_text_in_r2007_plus_unknown_codepage_on_the_terminal(gbk_plan, capsys):
    assert main(["validate", str(gbk_plan)]) == 0
    assert NAME in capsys.readouterr().out


@pytest.mark.parametrize("what", ["pdf", "report"])
def test_gbk_text_in_r2007_plus_unknown_codepage_export(gbk_plan, tmp_path, what):
    out = tmp_path / f"{what}.pdf"
    assert main(["export", what, str(gbk_plan), "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_clean_text_decodes_escaped_gbk_and_keeps_utf8():
    import os

    escaped = os.fsdecode("平面图".encode("gbk"))
    assert clean_text(f"机构名称“{escaped}”samples/{escaped}.dxf") == "机构名称“平面图”samples/平面图.dxf"
    assert clean_text("普通 text") == "普通 text"
    assert clean_text("\ud800x") == "?x"
