"""A finding's fingerprint survives a re-save by another CAD program and edits elsewhere (issue 8)."""

import copy

import pytest

from bianmin.geometry.dxf.read import read_plan
from bianmin.geometry.dxf.write import new_document, write_plan
from bianmin.geometry.model import new_id
from bianmin.standards.engine import check

FIX = "tests/fixtures/rules"


def resaved(path, tmp_path, name="resaved.dxf", move=None):
    """The plan written into a brand-new drawing: every handle is new, as after another CAD program."""
    plan = copy.deepcopy(read_plan(path).plan)
    plan.loaded = {}
    for element in plan.elements():
        element.id = new_id()
    if move:
        i = next(k for k, o in enumerate(plan.objects) if o.block == move)
        plan.objects[i] = plan.objects[i].moved(300.0, 0.0)
    out = tmp_path / name
    doc = new_document()
    for _ in range(5):  # another program's entities come first, so every handle differs from the original's
        doc.modelspace().add_point((0.0, 0.0), dxfattribs={"layer": "0"})
    write_plan(plan, out, doc=doc)
    return out


def fingerprints(path):
    return {f.fingerprint: f for f in check(read_plan(path).intake).findings}


@pytest.mark.parametrize(
    "fixture",
    [
        "EVAC-TRAVEL/fail-60m-hall-exits-at-one-end.dxf",
        "SIGN-DIRECTION/fail-door-without-sign.dxf",
        "CNTR-DEPTH/fail-600-deep-warning.dxf",
        "EQUIP-HALL/fail-no-evaluation-box.dxf",
        "HALL-AREA/fail-180m2-new.dxf",
    ],
)
def test_every_handle_new_same_fingerprints(root, tmp_path, fixture):
    original = root / FIX / fixture
    before, after = fingerprints(original), fingerprints(resaved(original, tmp_path))
    handles_before = {h for f in before.values() for h in f.handles}
    handles_after = {h for f in after.values() for h in f.handles}
    assert before and set(before) == set(after)
    assert not handles_before or handles_before != handles_after  # the handles did change


def test_an_unrelated_object_moved_keeps_the_other_findings(root, tmp_path):
    original = root / FIX / "EQUIP-HALL" / "fail-no-evaluation-box.dxf"
    before = fingerprints(original)
    after = fingerprints(resaved(original, tmp_path, move="BM_WATER"))
    kept = {fp for fp, f in before.items() if f.rule == "EQUIP-HALL"}
    assert kept and kept <= set(after)


def test_fingerprints_differ_between_subjects_and_rules():
    from bianmin.standards.findings import Finding

    a = Finding("CNTR-HEIGHT", "warning", "", "", subject=("window", "3"))
    b = Finding("CNTR-HEIGHT", "warning", "", "", subject=("window", "4"))
    c = Finding("CNTR-DEPTH", "error", "", "", subject=("window", "3"))
    assert len({a.fingerprint, b.fingerprint, c.fingerprint}) == 3
    near = Finding("EVAC-TRAVEL", "error", "", "", location=(10100.0, 5050.0))
    same_cell = Finding("EVAC-TRAVEL", "error", "", "", location=(10200.0, 5100.0))
    assert near.fingerprint == same_cell.fingerprint  # a location-only finding: rounded to 0.5 m


def test_two_counters_with_one_number_have_their_own_fingerprints(root):
    """Regression: both CNTR-NUMBER findings of two counters numbered 3 had one fingerprint, so
    waiving one waived both and fixing one was not seen as fixed."""
    findings = check(read_plan(root / FIX / "CNTR-NUMBER/fail-duplicate-3.dxf").intake).findings
    both = [f for f in findings if f.rule == "CNTR-NUMBER"]
    assert len(both) == 2
    assert both[0].fingerprint != both[1].fingerprint
    assert len({f.fingerprint for f in findings}) == len(findings)


def test_the_first_of_repeats_keeps_the_plain_fingerprint():
    """Earlier rounds recorded the plain fingerprint: the first of the repeats keeps it, so an
    open finding does not turn into 'new' + 'resolved' across the upgrade."""
    from bianmin.standards.findings import Finding, number_repeats

    a = Finding("R", "error", "甲", "a", subject=("window", "3"), location=(9000.0, 0.0))
    b = Finding("R", "error", "甲", "a", subject=("window", "3"), location=(1000.0, 0.0))
    plain = Finding("R", "error", "甲", "a", subject=("window", "3")).fingerprint
    number_repeats([a, b])
    assert b.fingerprint == plain  # the westmost first
    assert a.fingerprint != plain
    c = Finding("R", "error", "甲", "a", subject=("window", "3"), location=(9000.0, 0.0))
    d = Finding("R", "error", "甲", "a", subject=("window", "3"), location=(1000.0, 0.0))
    number_repeats([c, d])  # the same plan checked again in another order: the same fingerprints
    assert (c.fingerprint, d.fingerprint) == (a.fingerprint, b.fingerprint)
