"""The plan model, catalogue, geometric analysis, DXF/DWG in and out (dxf/) and recognition (recognize/)."""
