"""The rule registry: one rule, one place; docs generated from it."""

import pytest

from bianmin.standards.config import Config, ConfigError
from bianmin.standards.registry import DOC_SECTIONS, PROFILES, DuplicateRuleError, rule
from bianmin.standards.rules import all_rules
from bianmin.standards.rule_docs import rules_markdown


@pytest.mark.parametrize("rule_id", sorted(all_rules()))
def test_rule_is_fully_declared(rule_id):
    r = all_rules()[rule_id]
    assert r.severity in ("error", "warning", "info")
    assert r.profiles and set(r.profiles) <= set(PROFILES)
    assert r.title and r.title_en and r.source
    doc = r.doc
    for section in DOC_SECTIONS:
        assert section in doc, f"{rule_id}: docstring lacks {section}"
    if r.source != "—":
        first_clause = r.source.split(";")[0].split(",")[0].strip()
        assert first_clause in doc, f"{rule_id}: docstring does not cite {first_clause}"
    for name in r.params:
        assert name in doc, f"{rule_id}: parameter {name} is not documented"


def test_duplicate_rule_id_is_refused():
    with pytest.raises(DuplicateRuleError):
        rule("HALL-AREA", severity="error", title="x", title_en="x")(lambda ctx, p: ())


def test_docs_rules_md_is_generated_and_current(root):
    current = (root / "docs" / "rules.md").read_text(encoding="utf-8")
    assert current == rules_markdown(), "docs/rules.md is stale: run `bianmin rules --format markdown > docs/rules.md`"


def test_config_defaults_and_overrides():
    rules = all_rules()
    config = Config.from_dict({"rules": {"CNTR-HEIGHT": {"height_mm": [720, 780]}}})
    assert config.params_for(rules["CNTR-HEIGHT"])["height_mm"] == [720, 780]
    assert config.params_for(rules["CNTR-HEIGHT"])["accessible_height_mm"] == [700, 850]  # GB 55019 (2019.3)
    with pytest.raises(ConfigError):
        Config.from_dict({"rules": {"CNTR-HEIGHT": {"height_mm": [800, 700]}}})
    assert Config().sha256 == Config.from_dict({}).sha256
