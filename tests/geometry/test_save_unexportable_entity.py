"""Issue 15: a drawing the plain reader leaves unrepaired (ezdxf-duplicate_handles.dxf: an ELLIPSE whose ratio
is out of range) must still save: the writer lets ezdxf's auditor repair it and writes again."""

import ezdxf

from bianmin.geometry.dxf.write import save_atomic


def test_save_unexportable_ellipse_repaired_and_written(tmp_path):
    doc = ezdxf.new("R2000")
    msp = doc.modelspace()
    msp.add_line((0, 0), (1000, 0))
    ellipse = msp.add_ellipse((0, 0), major_axis=(100, 0), ratio=0.5)
    ellipse.dxf.ratio = 5.0  # as a broken file has it; ezdxf refuses to export it
    out = tmp_path / "plan.dxf"
    save_atomic(doc, out)
    back = ezdxf.readfile(out)
    assert len(back.modelspace().query("LINE")) == 1
    assert [p.name for p in tmp_path.iterdir()] == ["plan.dxf"]
