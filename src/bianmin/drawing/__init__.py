"""Drawing without Qt: the plan painter both the screen and paper use, the PDF drawing sheets,
legend and schedules, the PDF check report and the review letter's rendering, on reportlab.

The designer draws the same plan through its Qt surface (designer/canvas/surface.py). Nothing here
runs the checks: it draws results computed above it (import-linter holds this)."""
