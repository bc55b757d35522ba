"""文件 > 打印 (Ctrl+P): the drawing set, as exported to PDF with the options last used, printed
through the system's print dialog (QPrintDialog / QPrinter): each sheet on its own page, fitted to
the printer's page and centred."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PyQt6.QtCore import QRectF, QSize
from PyQt6.QtGui import QPageLayout, QPageSize, QPainter
from PyQt6.QtPdf import QPdfDocument
from PyQt6.QtPrintSupport import QPrintDialog, QPrinter

from bianmin.designer.i18n import tr

MAX_DPI = 300  # a sheet is rasterized at the printer's resolution, at most this


def print_sheets(window) -> bool:
    """Ctrl+P: the print dialog, then the sheets on the printer chosen."""
    from bianmin.designer.panels.export_dialog import remembered

    options = remembered(window.settings)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    size = QPageSize.PageSizeId.A3 if options["paper"] == "A3" else QPageSize.PageSizeId.A4
    orientation = (
        QPageLayout.Orientation.Landscape if options["orientation"] == "landscape" else QPageLayout.Orientation.Portrait
    )
    printer.setPageSize(QPageSize(size))
    printer.setPageOrientation(orientation)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle(tr("打印施工图", "Print drawing set"))
    if not dialog.exec():
        return False
    return print_to(window, printer, options)


def print_to(window, printer: QPrinter, options: dict) -> bool:
    """Draw the sheet set onto ``printer``; every failure is a message."""
    from bianmin.drawing.drawing import write_drawing

    with tempfile.TemporaryDirectory(prefix="bianmin-print-") as folder:
        pdf_path = Path(folder) / "sheets.pdf"
        try:
            write_drawing(window.document.read.with_plan(window.document.plan), pdf_path, **options)
        except Exception as exc:  # noqa: BLE001 - a sheet that cannot be drawn is a message, not a crash
            window.error(tr("无法打印", "Cannot print"), f"{type(exc).__name__}: {exc}")
            return False
        pdf = QPdfDocument(window)
        pdf.load(str(pdf_path))
        pages = pdf.pageCount()
        if pages <= 0:
            window.error(tr("无法打印", "Cannot print"), tr("施工图没有页面", "the drawing set has no pages"))
            return False
        painter = QPainter()
        if not painter.begin(printer):
            window.error(tr("无法打印", "Cannot print"), tr("打印机无法开始打印", "the printer cannot start"))
            return False
        try:
            area = QRectF(printer.pageLayout().paintRectPixels(printer.resolution()))
            area.moveTo(0, 0)
            dpi = min(printer.resolution(), MAX_DPI)
            for n in range(pages):
                if n:
                    printer.newPage()
                points = pdf.pagePointSize(n)
                image = pdf.render(n, QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi)))
                k = min(area.width() / image.width(), area.height() / image.height())
                w, h = image.width() * k, image.height() * k
                target = QRectF(area.x() + (area.width() - w) / 2, area.y() + (area.height() - h) / 2, w, h)
                painter.drawImage(target, image)
        finally:
            painter.end()
            pdf.close()
            pdf.deleteLater()
    window.status(tr(f"已送打印：{pages} 张图纸", f"sent to the printer: {pages} sheets"))
    return True
