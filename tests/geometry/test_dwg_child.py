"""DWG conversion in a child process (issue 27): a damaged DWG that makes ezdwg abort or ask for
gigabytes costs the child, never the designer or the batch that asked."""

import os
from pathlib import Path

import pytest

from bianmin.geometry.dxf import load
from bianmin.geometry.dxf.load import PlanReadError

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "dwg-corpus"
pytest.importorskip("ezdwg")


def aborting_child(path, out, send):
    """what a Rust allocation failure does: the process ends at once, no answer, no exception"""
    os.abort()


def _a_dwg() -> Path:
    dwgs = sorted(CORPUS.glob("*.dwg"))
    if not dwgs:
        pytest.skip("the DWG corpus is not beside the checkout")
    return dwgs[0]


def test_a_child_that_aborts_is_an_unreadable_file_not_a_dead_program(monkeypatch, tmp_path):
    monkeypatch.setattr(load, "CHILD", aborting_child)
    with pytest.raises(PlanReadError) as err:
        load.convert_dwg(_a_dwg(), tmp_path / "out.dxf", "AC1018")
    assert "意外终止" in str(err.value)


def test_a_child_past_its_time_limit_is_stopped(monkeypatch, tmp_path):
    monkeypatch.setattr(load, "DWG_TIME_LIMIT_S", 0.001)
    with pytest.raises(PlanReadError) as err:
        load.convert_dwg(_a_dwg(), tmp_path / "out.dxf", "AC1018")
    assert "超过" in str(err.value)


def test_a_good_dwg_still_converts_in_the_child(tmp_path):
    out = tmp_path / "out.dxf"
    skipped = load.convert_dwg(_a_dwg(), out, "AC1018")
    assert isinstance(skipped, dict)
    assert out.stat().st_size > 1000
