"""Issue 15: GBK text in an R2007+ DXF (read as UTF-8) is shown in the findings list as the Chinese it was,
and saving such a plan keeps its bytes."""

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.commands import AddElement  # noqa: E402
from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.geometry.dxf.read import read_plan  # noqa: E402
from bianmin.geometry.model import PlacedObject  # noqa: E402

NAME = "西安市新城区示例街道便民服务中心"


@pytest.fixture
def gbk_plan(root, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "appdata"))
    src = (root / "src" / "bianmin" / "templates" / "street-center.dxf").read_bytes()
    plan = tmp_path / "gbk.dxf"
    plan.write_bytes(src.replace(NAME.encode(), NAME.encode("gbk")).replace(b"ANSI_1252", b"ANSI_9999"))
    return plan


def test_gbk_text_in_r2007_plus_shown_in_findings_and_kept_on_save(make_window, gbk_plan):
    window = make_window(PlanDocument.open(gbk_plan))
    tree = window.findings.tree
    texts = [tree.topLevelItem(i).text(3) for i in range(tree.topLevelItemCount())]
    assert any(NAME in t for t in texts), texts
    assert NAME in window.windowTitle()
    raw_name = window.document.plan.properties.name
    window.document.do(AddElement(PlacedObject.place("BM_WATER", 15000, 6000)))
    assert window.save()
    assert read_plan(gbk_plan).plan.properties.name == raw_name, "the name's bytes survive the save"
