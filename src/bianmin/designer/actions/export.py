"""文件 > 导出: the drawing set PDF (paper, scale and title block asked first) and the check report
PDF.  An export never overwrites the plan it is made from, nor its autosave."""

from __future__ import annotations

from pathlib import Path

from PyQt6.QtWidgets import QFileDialog

from bianmin.designer.actions.file import last_dir
from bianmin.designer.i18n import language, tr


def export_drawing(window) -> None:
    """Paper, scale and the title block's names first (remembered), then where to write."""
    from bianmin.designer.panels.export_dialog import ExportDrawingDialog

    dialog = ExportDrawingDialog(window.settings, window)
    if not dialog.exec():
        return
    options = dialog.options()
    path, _ = QFileDialog.getSaveFileName(
        window, tr("导出施工图", "Export drawing set"), last_dir(window), "PDF (*.pdf)"
    )
    if path:
        export_drawing_to(window, Path(path), **options)


def export_drawing_to(window, path: Path, **options) -> bool:
    from bianmin.drawing.drawing import write_drawing

    if export_over_plan(window, path):
        return False
    try:
        scale = write_drawing(window.document.read.with_plan(window.document.plan), path, **options)
    except (ValueError, OSError) as exc:
        window.error(tr("导出失败", "Export failed"), str(exc))
        return False
    except Exception as exc:  # noqa: BLE001 - a sheet that cannot be drawn is a message, not a crash
        window.error(tr("导出失败", "Export failed"), f"{path}: {type(exc).__name__}: {exc}")
        return False
    window.status(tr(f"已导出 {path}（1:{scale}）", f"exported {path} (1:{scale})"))
    return True


def export_report(window) -> None:
    path, _ = QFileDialog.getSaveFileName(
        window, tr("导出校验报告", "Export check report"), last_dir(window), "PDF (*.pdf)"
    )
    if path:
        export_report_to(window, Path(path))


def export_report_to(window, path: Path) -> bool:
    from bianmin.standards.engine import check

    from bianmin.drawing.report import write_plan_report

    if export_over_plan(window, path):
        return False
    read = window.document.read.with_plan(window.document.plan.copy())
    try:
        report = check(read.intake, window.validator.config, path=window.document.title)
        write_plan_report(report, read, window.validator.config.ruleset, Path(path), language())
    except OSError as exc:
        window.error(tr("导出失败", "Export failed"), str(exc))
        return False
    except Exception as exc:  # noqa: BLE001 - a report that cannot be made is a message, not a crash
        window.error(tr("导出失败", "Export failed"), f"{path}: {type(exc).__name__}: {exc}")
        return False
    window.status(tr(f"已导出 {path}", f"exported {path}"))
    return True


def export_over_plan(window, path: Path) -> bool:
    """An export must never overwrite the plan it is made from (nor its autosave), also through a link."""
    from bianmin.geometry.atomic import same_file

    plan = window.document.path
    sides = [p for p in (plan, window.document.autosave_target()) if p is not None]
    if any(same_file(Path(path), p) for p in sides if Path(p).exists()):
        window.error(
            tr("导出失败", "Export failed"),
            tr(
                f"输出文件 {path} 就是正在编辑的图纸（或其自动保存），不能覆盖；请换一个文件名。",
                f"The output {path} is the plan being edited (or its autosave); it is not overwritten. "
                f"Choose another name.",
            ),
        )
        return True
    return False
