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
    from bianmin.standards.cli import main

    assert main(["export", "pdf", str(plan), "-o", str(tmp_path / "a.pdf")]) == 0
    assert main(["export", "report", str(plan), "-o", str(tmp_path / "r.pdf")]) == 0
    assert not any("private.png" in p for p in opened)


def test_the_canvas_draws_an_image_as_its_frame_without_opening_it(plan_naming_an_image, monkeypatch, qapp):
    import PIL.Image

    opened = []
    monkeypatch.setattr(PIL.Image, "open", lambda fp, *a, **k: opened.append(str(fp)))
    from bianmin.designer.canvas.background import background_item
    from bianmin.geometry.dxf_read import read_plan

    plan, _ = plan_naming_an_image
    read = read_plan(plan)
    assert background_item(read.doc, read.units_factor) is not None
    assert opened == []
