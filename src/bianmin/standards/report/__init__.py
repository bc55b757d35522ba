"""Views of the report structure: text, JSON, CSV, HTML (and PDF in bianmin.drawing)."""

from bianmin.standards.report import csv_report, html_report, json_report, text_report

WRITERS = {"text": text_report.render, "json": json_report.render, "csv": csv_report.render, "html": html_report.render}
