"""Nothing from a drawing may act (issue 16): an IMAGE's file is never opened, on paper or on screen."""

import ezdxf
import pytest

from bianmin.templates import path_of


@pytest.fixture
def plan_naming_an_image(tmp_path):
    doc = ezdxf.readfile(path_of("community-station"))
    secret = tmp_path / "private.png"
    secret.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    image_def = doc.add_image_def(filename=str(secret), size_in_pixel=(13000, 13000))
    doc.modelspace().add_image(image_def, insert=(0, 0), size_in_units=(2000, 2000))
    out = tmp_path / "plan.dxf"
    doc.saveas(out)
    return out, secret


def test_the_pdf_draws_an_image_as_its_frame_without_opening_it(plan_naming_an_image, tmp_path, monkeypatch):
    import PIL.Image

    opened = []
    real_open = PIL.Image.open
    monkeypatch.setattr(PIL.Image, "open", lambda fp, *a, **k: opened.append(str(fp)) or real_open(fp, *a, **k))
    plan, secret = plan_naming_an_image
    from bianmin.cli.main import main

    assert main(["export", "pdf", str(plan), "-o", str(tmp_path / "a.pdf")]) == 0
    assert main(["export", "report", str(plan), "-o", str(tmp_path / "r.pdf")]) == 0
    assert not any("private.png" in p for p in opened)


def test_the_canvas_draws_an_image_as_its_frame_without_opening_it(plan_naming_an_image, monkeypatch, qapp):
    import PIL.Image

    opened = []
    monkeypatch.setattr(PIL.Image, "open", lambda fp, *a, **k: opened.append(str(fp)))
    from bianmin.designer.canvas.background import background_item
    from bianmin.geometry.dxf.read import read_plan

    plan, _ = plan_naming_an_image
    read = read_plan(plan)
    assert background_item(read.doc, read.units_factor) is not None
    assert opened == []


def test_a_block_bomb_or_a_self_inserting_block_is_left_out_and_the_rest_drawn(tmp_path, capsys):
    """Regression (issue 16): a few-KB file whose 8 block levels each insert the next 10 times hung
    `export pdf`; a block that inserts itself dropped the whole background."""
    import time

    from bianmin.cli.main import main
    from tests.fixtures.hostile import write_case

    for case in ("block-bomb-8x10", "block-inserts-itself"):
        plan = write_case(case, tmp_path)
        start = time.perf_counter()
        assert main(["export", "pdf", str(plan), "-o", str(tmp_path / f"{case}.pdf")]) == 0
        assert time.perf_counter() - start < 60
        err = capsys.readouterr().err
        assert "left out" in err and ("BOMB" in err or "SELF" in err), err
