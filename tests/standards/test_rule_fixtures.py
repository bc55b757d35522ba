"""Every rule against its pass-/fail- fixtures; and no rule without both."""

from functools import lru_cache
from pathlib import Path

import pytest

from bianmin.standards.engine import validate_path
from bianmin.standards.rules import all_rules

RULES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "rules"


@lru_cache(maxsize=None)
def validated(path: Path):
    """The report of one fixture, read once per session (test_rule_messages walks the same files)."""
    return validate_path(path)


def cases():
    for folder in sorted(RULES_DIR.iterdir()):
        for path in sorted(folder.glob("*.dxf")):
            expect = path.name.split("-", 1)[0]
            yield pytest.param(folder.name, path, expect, id=f"{folder.name}/{path.name}")


@pytest.mark.parametrize("rule_id,path,expect", list(cases()))
def test_fixture(rule_id, path, expect):
    assert expect in ("pass", "fail"), f"fixture names start with pass- or fail-: {path.name}"
    assert rule_id in all_rules(), f"fixture folder for an unknown rule: {rule_id}"
    report = validated(path)
    fired = [f for f in report.findings if f.rule == rule_id]
    if expect == "fail":
        assert fired, f"{rule_id} should fire on {path.name}; findings: {[f.rule for f in report.findings]}"
        for f in fired:
            assert f.message and f.message_en
    else:
        assert not fired, f"{rule_id} should not fire on {path.name}: {[f.message for f in fired]}"


@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_every_rule_has_pass_and_fail_fixtures(rule_id):
    folder = RULES_DIR / rule_id
    names = [p.name for p in folder.glob("*.dxf")] if folder.exists() else []
    assert any(n.startswith("pass-") for n in names), f"{rule_id} has no pass- fixture in {folder}"
    assert any(n.startswith("fail-") for n in names), f"{rule_id} has no fail- fixture in {folder}"
