"""A recognized hall that looks unlike a service hall is flagged for checking (tryout: a 91 m x 2.5 m
strip between two walls and a 9 m² room labelled HALL were reported as plain successes)."""

from pathlib import Path

import pytest
from shapely.geometry import box

from bianmin.geometry.recognize import hall_doubts

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "dxf-corpus" / "real"


def test_a_service_hall_raises_no_doubt():
    assert hall_doubts(box(0, 0, 20000, 14000)) == []
    assert hall_doubts(box(0, 0, 8200, 17900)) == []  # the TArch plan's hall


def test_a_corridor_a_thin_strip_and_a_closet_are_doubted():
    (strip,) = hall_doubts(box(0, 0, 91000, 2500))
    assert "2.5 m 宽" in strip[0] and "--at" in strip[0]
    (long_room,) = hall_doubts(box(0, 0, 45000, 4000))
    assert "长宽比" in long_room[0]
    small = hall_doubts(box(0, 0, 4000, 2300))
    assert any("小于 20 m²" in zh for zh, _ in small)


@pytest.mark.skipif(not (CORPUS / "ezdxf-wipeout_door.dxf").is_file(), reason="the shared corpus is not here")
def test_the_cli_says_check_on_a_strip(capsys):
    from bianmin.cli.main import main

    main(["recognize", str(CORPUS / "ezdxf-wipeout_door.dxf")])
    out = capsys.readouterr().out
    assert "请核对" in out and "更像走廊" in out


@pytest.mark.skipif(not (CORPUS / "tim-Test4.dxf").is_file(), reason="the shared corpus is not here")
def test_a_hall_without_any_door_is_doubted(capsys):
    """Regression (tryout): a landscape site plan's frame came out as a 756 m² hall with no door, and
    no word of doubt; `layout` then filled the frame."""
    from bianmin.cli.main import main

    main(["recognize", str(CORPUS / "tim-Test4.dxf")])
    out = capsys.readouterr().out
    assert "请核对" in out and "没有找到任何门洞" in out
