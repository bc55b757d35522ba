"""Commands that write: never over an input, never a traceback, nothing left behind (issue 15)."""

import errno
import os
import shutil

import pytest

from bianmin.cli.main import main


@pytest.fixture
def plan(root, tmp_path):
    p = tmp_path / "西一路.dxf"
    shutil.copy(root / "src" / "bianmin" / "templates" / "community-station.dxf", p)
    return p


def untouched(path, original: bytes):
    return path.read_bytes() == original


@pytest.mark.parametrize(
    "args",
    [
        ["validate", "{plan}", "-o", "{plan}"],
        ["validate", "{plan}", "--format", "json", "-o", "{plan}"],
        ["export", "pdf", "{plan}", "-o", "{plan}"],
        ["export", "report", "{plan}", "-o", "{plan}"],
    ],
)
def test_an_output_that_is_the_input_is_refused(plan, args, capsys):
    before = plan.read_bytes()
    code = main([a.format(plan=plan) for a in args])
    assert code == 2 and untouched(plan, before)
    assert "不能覆盖" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_an_output_that_links_to_the_input_is_refused(plan, tmp_path, capsys):
    link = tmp_path / "report.json"
    link.symlink_to(plan)
    before = plan.read_bytes()
    assert main(["validate", str(plan), "--format", "json", "-o", str(link)]) == 2 and untouched(plan, before)


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html", "pdf"])
def test_validate_into_a_missing_folder_exits_2_and_leaves_nothing(plan, tmp_path, fmt, capsys):
    out = tmp_path / "no-such-folder" / f"report.{fmt}"
    code = main(["validate", str(plan), "--format", fmt, "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and "不存在" in err and "Traceback" not in err
    assert [p.name for p in tmp_path.iterdir()] == [plan.name]


def test_validate_onto_a_folder_exits_2(plan, tmp_path, capsys):
    (tmp_path / "out").mkdir()
    assert main(["validate", str(plan), "-o", str(tmp_path / "out")]) == 2
    assert "文件夹" in capsys.readouterr().err


def test_validate_on_a_full_disk_exits_2_and_leaves_nothing(plan, tmp_path, monkeypatch, capsys):
    from bianmin.geometry import atomic

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic.os, "fsync", full)
    out = tmp_path / "report.json"
    assert main(["validate", str(plan), "--format", "json", "-o", str(out)]) == 2
    assert "磁盘已满" in capsys.readouterr().err
    assert not out.exists() and not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_export_into_a_missing_folder_exits_2(plan, tmp_path, capsys):
    assert main(["export", "pdf", str(plan), "-o", str(tmp_path / "nope" / "a.pdf")]) == 2
    assert "不存在" in capsys.readouterr().err


@pytest.mark.skipif(os.name != "posix" or os.sys.platform == "darwin", reason="byte file names need Linux")
@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html", "pdf"])
def test_gbk_names_and_text_never_cost_the_batch_its_report(root, tmp_path, fmt, capsys):
    """Regression: one GBK file name (as unzip leaves it) or GBK text in an R2018 DXF made
    `validate -o` fail for the whole batch (UnicodeEncodeError: surrogates)."""
    import ezdxf

    batch = tmp_path / "batch"
    batch.mkdir()
    shutil.copy(
        root / "src" / "bianmin" / "templates" / "community-station.dxf",
        batch / os.fsdecode("西一路".encode("gbk") + b".dxf"),
    )
    doc = ezdxf.readfile(root / "src" / "bianmin" / "templates" / "community-station.dxf")
    doc.header.custom_vars.replace("BM_NAME", "PLACEHOLDER")
    doc.saveas(batch / "gbk-text.dxf")
    data = (batch / "gbk-text.dxf").read_bytes().replace(b"PLACEHOLDER", "西一路街道便民服务中心".encode("gbk"))
    (batch / "gbk-text.dxf").write_bytes(data)
    out = tmp_path / f"report.{fmt}"
    code = main(["validate", str(batch), "--format", fmt, "-o", str(out)])
    assert code in (0, 1) and out.stat().st_size > 0
    if fmt in ("text", "json", "html", "csv"):
        assert "西一路.dxf" in out.read_text(encoding="utf-8-sig")  # the GBK name shown as Chinese


def test_export_report_of_an_unreadable_plan_exits_2_and_writes_nothing(tmp_path, capsys):
    bad = tmp_path / "bad.dxf"
    bad.write_bytes(b"%PDF-1.4 not a drawing")
    out = tmp_path / "r.pdf"
    assert main(["export", "report", str(bad), "-o", str(out)]) == 2
    assert not out.exists() and "无法读取" in capsys.readouterr().err
