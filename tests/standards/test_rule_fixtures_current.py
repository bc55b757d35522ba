"""The committed rule fixtures are what tests/fixtures/build_fixtures.py makes today: a changed
template or builder that was not re-run would leave the rules checked against stale plans."""

from __future__ import annotations

import importlib.util

import pytest
import shapely

from bianmin.geometry.dxf.read import PlanReadError, read_plan


def _builder(root):
    spec = importlib.util.spec_from_file_location("build_fixtures", root / "tests/fixtures/build_fixtures.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def signature(path) -> list:
    """What a plan says, without handles, ids or timestamps: properties, and every element's kind,
    layer, geometry (to 1 mm) and attributes."""
    try:
        plan = read_plan(path).plan
    except PlanReadError as exc:
        return [("unreadable", str(exc))]
    out = [("properties", tuple(sorted((k, str(v)) for k, v in plan.properties.to_mapping().items())))]
    for e in plan.elements():
        g = e.geometry
        wkt = shapely.to_wkt(shapely.normalize(g), rounding_precision=0) if g is not None else None
        attribs = (e.block, tuple(sorted((k, str(v)) for k, v in e.attribs.items()))) if hasattr(e, "block") else ()
        out.append((type(e).__name__, e.layer, wkt, attribs))
    return sorted(out, key=repr)


@pytest.mark.slow
def test_committed_fixtures_are_what_the_builder_makes(root, tmp_path):
    committed = root / "tests/fixtures/rules"
    count = _builder(root).build(out=tmp_path)
    rebuilt = sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*.dxf"))
    assert len(rebuilt) == count
    assert rebuilt == sorted(p.relative_to(committed) for p in committed.rglob("*.dxf")), (
        "fixtures added or removed without re-running tests/fixtures/build_fixtures.py"
    )
    stale = [str(rel) for rel in rebuilt if signature(committed / rel) != signature(tmp_path / rel)]
    assert not stale, f"re-run python tests/fixtures/build_fixtures.py: {stale}"
