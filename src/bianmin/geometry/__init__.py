"""Plan model, DXF in and out, and the geometric analysis the rules share."""
