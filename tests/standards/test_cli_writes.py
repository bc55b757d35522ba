"""Commands that write: never over an input, never a traceback, nothing left behind (issue 15)."""
import errno
import os
import shutil

import pytest

from bianmin.standards.cli import main


@pytest.fixture
def plan(root, tmp_path):
    p = tmp_path / "西一路.dxf"
    shutil.copy(root / "templates" / "community-station.dxf", p)
    return p


def untouched(path, original: bytes):
    return path.read_bytes() == original


@pytest.mark.parametrize("args", [["validate", "{plan}", "-o", "{plan}"],
                                  ["validate", "{plan}", "--format", "json", "-o", "{plan}"],
                                  ["export", "pdf", "{plan}", "-o", "{plan}"],
                                  ["export", "report", "{plan}", "-o", "{plan}"]])
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
