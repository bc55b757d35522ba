"""文件 > 与上一版对比 (issue 12): the open plan against an earlier version of it.

The earlier file is read and checked; its findings and the open plan's are matched by
fingerprint (``bianmin.review.compare``, the same matching as ``bianmin review
diff``), so a version re-saved by another CAD program (every handle new) still matches.
Markers: new red, unchanged orange, fixed green (at the earlier version's spot); the
findings panel filters by them.  The comparison follows every re-check until another
plan is opened.
"""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtGui import QBrush, QColor

from bianmin.review.compare import compare

from bianmin.designer.canvas.items import MarkerItem, pen
from bianmin.designer.i18n import tr
from bianmin.designer.panels.findings import COMPARE_STATES


def compare_with_earlier(window, path=None):
    """Ask for (or take) the earlier version, check it and show the comparison; its findings, or None."""
    from bianmin.geometry.dxf.read import PlanReadError, read_plan
    from bianmin.standards.engine import check

    if path is None:
        from PyQt6.QtWidgets import QFileDialog

        start = str(window.document.path.parent) if window.document.path else ""
        title = tr("与上一版对比：选择上一版图纸", "Compare with an earlier version")
        path, _ = QFileDialog.getOpenFileName(window, title, start, "DXF / DWG (*.dxf *.dwg)")
        if not path:
            return None
    try:
        read = read_plan(Path(path))
        report = check(read.intake, window.validator.config if window.validator else None)
    except (PlanReadError, OSError) as exc:
        window.error(tr("无法读取上一版", "Cannot read the earlier version"), f"{path}: {exc}")
        return None
    except Exception as exc:  # noqa: BLE001 -- the designer never aborts; say what broke
        window.error(tr("对比失败", "Comparison failed"), f"{path}: {type(exc).__name__}: {exc}")
        return None
    window.comparison_base = (window.document, Path(path), report.findings)
    apply_comparison(window)
    return report.findings


def apply_comparison(window) -> None:
    """Colour the markers and fill the panel for the latest check; called after every check."""
    base = getattr(window, "comparison_base", None)
    for m in getattr(window, "fixed_markers", []):
        window.scene.removeItem(m)
    window.fixed_markers = []
    if base is not None and base[0] is not window.document:  # another plan was opened: the comparison ends
        window.comparison_base = base = None
    report = window.validator.last_report if window.validator else None
    if base is None or report is None:
        window.findings.set_comparison(None)
        return
    cmp = compare(base[2], report.findings)
    states = {f.fingerprint: "unchanged" for f in cmp.unchanged}
    states.update({f.fingerprint: "new" for f in cmp.new})
    window.findings.set_comparison(states, cmp.fixed)
    for m in window.scene.markers:
        _colour(m, COMPARE_STATES[states.get(m.finding.fingerprint, "new")][1])
    for f in cmp.fixed:
        if f.location is not None:
            m = MarkerItem(f, "✓")
            _colour(m, COMPARE_STATES["fixed"][1])
            window.scene.addItem(m)
            window.fixed_markers.append(m)


def _colour(marker, colour: str) -> None:
    marker.setPen(pen(colour, 3.0))
    for child in marker.childItems():
        child.setBrush(QBrush(QColor(colour)))
