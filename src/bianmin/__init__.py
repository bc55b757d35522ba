"""Bianmin 便民中心平面设计与校验: plan and check the floor plans of grassroots government service halls.

The packages, top to bottom (a package imports only those below it; ``lint-imports`` holds
the order, see docs/architecture.md):

- ``cli``: the ``bianmin`` command, its sub-commands, the batch process pool, the quick exit
- ``designer``: the PyQt6 desktop program
- ``review`` and ``autolayout``: the review records and letter content; the layout engine
- ``drawing``: the plan painter, sheets, PDF report and letter rendering (no Qt)
- ``standards``: rules, the engine, configuration, findings and report views
- ``geometry``: the plan model, catalogue, analysis, DXF/DWG in and out, recognition
"""
