"""The reader's issues carry kinds, not rule ids (issue 21): one table, standards/rules/intake.py,
says which rule reports each kind."""

import ast
from pathlib import Path

import bianmin.geometry
from bianmin.geometry.intake import UNIT_KINDS, IssueKind
from bianmin.standards.rules import all_rules
from bianmin.standards.rules.intake import RULE_OF


def test_every_kind_is_reported_by_a_dxf_rule():
    rules = all_rules()
    assert set(RULE_OF) == set(IssueKind)
    assert all(RULE_OF[kind] in rules and RULE_OF[kind].startswith("DXF-") for kind in IssueKind)
    assert {kind for kind in IssueKind if RULE_OF[kind] == "DXF-UNITS"} == UNIT_KINDS


def test_the_geometry_layer_names_no_rule():
    """No string in bianmin.geometry is a rule id: what a finding is called is the rules' business."""
    ids = set(all_rules())
    root = Path(bianmin.geometry.__file__).parent
    named = []
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and node.value in ids:
                named.append(f"{path.relative_to(root)}:{node.lineno}: {node.value}")
    assert not named
