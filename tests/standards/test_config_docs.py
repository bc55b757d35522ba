"""docs/config.md: its example is a config the program accepts (so the users' guide cannot rot)."""

import re

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

from bianmin.standards.config import Config


def test_the_documented_example_loads_and_takes_effect(root):
    text = (root / "docs" / "config.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```toml\n(.*?)```", text, re.S)
    assert blocks, "docs/config.md has no TOML example"
    config = Config.from_dict(tomllib.loads(blocks[-1]))
    assert "SIGN-COMPLAINT" in config.disabled and "SAFE-CAMERA-COVER" in config.disabled
    assert config.params["EVAC-TOTAL-WIDTH"]["occupant_density_per_m2"] == 0.6
    assert config.severities["CNTR-HEIGHT"] == "warning"


def test_the_readme_and_rules_help_point_to_the_config_doc(root):
    assert "docs/config.md" in (root / "README.md").read_text(encoding="utf-8")
    from bianmin.cli.main import _parser

    rules = next(a for a in _parser()._actions if a.dest == "command").choices["rules"]
    assert "docs/config.md" in rules.epilog
