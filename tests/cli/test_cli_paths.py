"""Every path the bureau names is accounted for, bad options are command-line errors (issues 14, 16)."""

import argparse
import json
import os
import shutil

import pytest

from bianmin.cli.main import _parser, main


def _json(capsys, args):
    code = main(["validate", *args, "--format", "json"])
    return code, json.loads(capsys.readouterr().out)


def test_a_missing_path_is_listed_in_the_report_not_only_counted(root, tmp_path, capsys):
    missing = tmp_path / "西一路街道.dxf"
    code, data = _json(capsys, [str(root / "src" / "bianmin" / "templates" / "community-station.dxf"), str(missing)])
    assert code == 2
    listed = {f["path"]: f for f in data["files"]}
    assert str(missing) in listed and listed[str(missing)]["status"] == "unreadable"
    assert "找不到" in listed[str(missing)]["findings"][0]["message"]
    assert data["summary"]["files"] == 2 and data["summary"]["unreadable"] == 1


def test_a_folder_named_like_a_plan_is_reported_not_dropped(root, tmp_path, capsys):
    batch = tmp_path / "报审"
    (batch / "odd.dxf").mkdir(parents=True)
    shutil.copy(root / "src" / "bianmin" / "templates" / "community-station.dxf", batch / "good.dxf")
    code, data = _json(capsys, [str(batch)])
    reasons = {os.path.basename(f["path"]): f for f in data["files"]}
    assert set(reasons) == {"good.dxf", "odd.dxf"}
    assert "文件夹" in reasons["odd.dxf"]["findings"][0]["message"] and code == 2


@pytest.mark.skipif(os.name == "nt", reason="symbolic links need privileges on Windows")
def test_dangling_and_looping_links_are_reported(tmp_path, capsys):
    (tmp_path / "dangling.dxf").symlink_to(tmp_path / "gone.dxf")
    (tmp_path / "loop.dxf").symlink_to(tmp_path / "loop.dxf")
    code, data = _json(capsys, [str(tmp_path)])
    messages = {os.path.basename(f["path"]): f["findings"][0]["message"] for f in data["files"]}
    assert "不存在" in messages["dangling.dxf"] and "循环" in messages["loop.dxf"] and code == 2


def test_a_bad_set_value_is_a_command_line_error(root, capsys):
    code = main(
        ["validate", str(root / "src" / "bianmin" / "templates" / "community-station.dxf"), "--set", "BM_FLOOR=ground"]
    )
    err = capsys.readouterr().err
    assert code == 2 and "BM_FLOOR" in err


def test_quiet_hides_the_progress_not_the_report(root, capsys):
    code = main(["validate", str(root / "src" / "bianmin" / "templates" / "community-station.dxf"), "--quiet"])
    assert code == 0 and "通过" in capsys.readouterr().out


def _all_actions(parser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _all_actions(sub)
        elif not isinstance(action, (argparse._HelpAction, argparse._VersionAction)):
            yield parser.prog, action


def test_every_option_has_a_help_line():
    missing = [f"{prog} {a.dest}" for prog, a in _all_actions(_parser()) if not a.help]
    assert not missing, missing
