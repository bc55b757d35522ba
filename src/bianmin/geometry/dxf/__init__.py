"""The DXF adapter: reading (with ezdxf's recover and audit, and DWG through ezdwg), writing back only
the BM- content, splitting a large drawing's simple background, the architect's background.

Reading, by job: read.py (the entry point, read_plan) calls load.py (opening the file), plan_reader.py
(entities to the model, with blocks.py, outlines.py and units.py), plan_properties.py (the header
and BM_PLANINFO) and audit.py (what recovery repaired), and hands over geometry/intake.py's Intake.

With geometry/recognize, the only code that imports ezdxf (import-linter holds this)."""
