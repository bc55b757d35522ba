"""文件 > 与上一版对比 (issue 12): markers and the findings panel against an earlier version."""

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.actions.compare import compare_with_earlier  # noqa: E402
from bianmin.designer.document import PlanDocument  # noqa: E402
from bianmin.designer.panels.findings import COMPARE_STATES  # noqa: E402

from ..review.test_review import PLAN, second_round  # noqa: E402


def test_compare_with_the_earlier_version(make_window, root, tmp_path):
    first = tmp_path / "round1.dxf"
    first.write_bytes((root / PLAN).read_bytes())
    second = second_round(first, tmp_path / "round2.dxf")  # every handle new, glasses out, hours fixed
    window = make_window(PlanDocument.open(second))
    assert "compare" in window.acts
    earlier = compare_with_earlier(window, first)
    assert earlier
    panel = window.findings
    states = {
        panel.tree.topLevelItem(i).data(2, 0): panel.tree.topLevelItem(i).data(1, 256)
        for i in range(panel.tree.topLevelItemCount())
    }
    assert states["SIGN-HOURS-MIN"] == "fixed"
    assert states["EQUIP-CONVENIENCE"] == "new"
    assert states["SIGN-GUIDE"] == "unchanged" and states["SIGN-FLOORPLAN"] == "unchanged"
    # markers: unchanged orange, on the canvas
    orange = COMPARE_STATES["unchanged"][1].lower()
    assert window.scene.markers and all(
        m.pen().color().name() in {orange, COMPARE_STATES["new"][1].lower()} for m in window.scene.markers
    )
    # the filter shows only the new ones
    panel.filter.setCurrentIndex(panel.filter.findData("new"))
    shown = [
        panel.tree.topLevelItem(i).data(2, 0)
        for i in range(panel.tree.topLevelItemCount())
        if not panel.tree.topLevelItem(i).isHidden()
    ]
    assert shown == ["EQUIP-CONVENIENCE"]
    # a re-check keeps the comparison; opening another plan ends it
    window._validated(window.validator.last_report, window.last_evacuation, 0.0)
    assert panel.comparison is not None and panel.filter.isVisible()
    window.grab().save(str(tmp_path / "compare.png"))
