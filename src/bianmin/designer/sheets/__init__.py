"""Printable sheets (reportlab, no Qt): the drawing set and the validation report."""
