"""DWG in (issue 10): read through ezdwg, detected by content, never written over."""

import shutil
from collections import Counter
from pathlib import Path

import pytest

from bianmin.geometry.dxf.load import is_dwg, load_document
from bianmin.geometry.dxf.read import read_plan

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "dwg-corpus"
needs_corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason="the DWG corpus is not beside the checkout")


def entities(path):
    doc, notes = load_document(path)
    return Counter(e.dxftype() for e in doc.modelspace()), notes


@needs_corpus
def test_the_three_acadsharp_samples_read_alike():
    results = [entities(CORPUS / f"sample_{v}.dwg") for v in ("AC1018", "AC1021", "AC1032")]
    counts = [c for c, _ in results]
    assert counts[0] == counts[1] == counts[2]
    assert sum(counts[0].values()) >= 300
    assert all(n.source == "dwg" for _, n in results)


@needs_corpus
def test_entity_types_ezdwg_skips_are_one_finding_naming_them():
    read = read_plan(CORPUS / "sample_AC1018.dwg")
    notes = [i for i in read.intake.issues if "DWG" in i.message]
    assert len(notes) == 1 and "MTEXT" in notes[0].message


@needs_corpus
def test_a_dwg_is_known_by_its_content_not_its_name(tmp_path):
    disguised = tmp_path / "plan.dxf"
    shutil.copy(CORPUS / "line_R14.dwg", disguised)
    assert is_dwg(disguised.read_bytes()[:6])
    doc, notes = load_document(disguised)
    assert notes.source == "dwg" and len(doc.modelspace()) == 1


def write_dwg(plan, path, ezdwg):
    """The plan's shapes as an AC1015 DWG through ezdwg's writer (layers, closed shapes, openings).

    ezdwg 0.17 can define blocks and write INSERTs, but reading its own DWG back turns them into
    their attribute texts: BM_ objects do not survive ezdwg's round trip (README says so). DWG
    files from AutoCAD keep their INSERTs (the ACadSharp samples have 25)."""
    d = ezdwg.new("AC1015")
    d.header["insunits"] = 4
    m = d.modelspace()
    for element in plan.elements():
        d.layers.setdefault(element.layer, {"color_index": 7})
    for shape in [plan.hall, *plan.zones, *plan.obstacles]:
        m.add_lwpolyline([(x, y) for x, y, _ in shape.outline], layer=shape.layer, closed=True)
    for o in plan.openings:
        m.add_line(o.start, o.end, layer=o.layer)
    d.save(str(path), strict=False)


def test_a_bm_plan_written_as_dwg_validates_like_its_dxf_twin(root, tmp_path):
    ezdwg = pytest.importorskip("ezdwg")
    from bianmin.geometry.dxf.write import write_plan
    from bianmin.standards.config import Config
    from bianmin.standards.engine import check

    plan = read_plan(root / "src" / "bianmin" / "templates" / "street-center.dxf").plan
    write_dwg(plan, tmp_path / "plan.dwg", ezdwg)
    twin = type(plan)(
        properties=plan.properties, hall=plan.hall, zones=plan.zones, openings=plan.openings, obstacles=plan.obstacles
    )
    write_plan(twin, tmp_path / "twin.dxf")
    config = Config(disabled={"DXF-UNITS"})
    dwg, dxf = read_plan(tmp_path / "plan.dwg"), read_plan(tmp_path / "twin.dxf")
    dwg.plan.properties = dxf.plan.properties  # the DWG carries no header custom properties
    assert dwg.plan.hall.polygon.area == pytest.approx(dxf.plan.hall.polygon.area, rel=1e-6)
    assert len(dwg.plan.zones) == len(dxf.plan.zones) and len(dwg.plan.openings) == len(dxf.plan.openings)

    def rules(report):
        return sorted(f.rule for f in report.findings if f.rule != "DXF-RECOVERED")

    a, b = check(dwg.intake, config), check(dxf.intake, config)
    assert rules(a) == rules(b) and len(a.findings) > 5


def test_a_dwg_opens_as_an_unsaved_plan_proposed_as_dxf_beside_it(tmp_path):
    if not CORPUS.is_dir():
        pytest.skip("no DWG corpus")
    from bianmin.designer.document import PlanDocument

    dwg = tmp_path / "建筑底图.dwg"
    shutil.copy(CORPUS / "sample_AC1018.dwg", dwg)
    before = dwg.read_bytes()
    doc = PlanDocument.open(dwg)
    assert doc.path is None and doc.proposed_path() == tmp_path / "建筑底图.dxf"
    doc.save(doc.proposed_path())
    assert dwg.read_bytes() == before and (tmp_path / "建筑底图.dxf").read_bytes()[:20].strip().startswith(b"0")
