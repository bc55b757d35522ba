"""The DXF adapter: reading (with ezdxf's recover and audit, and DWG through ezdwg), writing back only
the BM- content, splitting a large drawing's simple background, the architect's background.

With geometry/recognize, the only code that imports ezdxf (import-linter holds this)."""
