"""Printable sheets (reportlab, no Qt): the drawing set and the validation report."""

from reportlab import rl_config

# page streams compressed but not ASCII85-encoded: a quarter smaller, and reportlab's pure-Python
# encoder took a third of a large drawing's export (issue 16)
rl_config.useA85 = 0
