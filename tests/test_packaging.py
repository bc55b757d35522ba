"""Regression: every folder of modules ships in the wheel.

setuptools finds the packages under src/ (pyproject: ``[tool.setuptools.packages.find]``), and
it finds only folders with an ``__init__.py``: a new folder without one would be left out of
the wheel and the Windows bundle while every test run from the checkout still passed."""

from setuptools import find_packages


def test_every_module_folder_is_a_package(root):
    src = root / "src"
    found = set(find_packages(str(src)))
    folders = {
        ".".join(p.parent.relative_to(src).parts)
        for p in (src / "bianmin").rglob("*.py")
        if "__pycache__" not in p.parts
    }
    assert folders - found == set(), f"folders of modules without __init__.py: {sorted(folders - found)}"


def test_templates_ship_as_package_data(root):
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        import tomli as tomllib
    config = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    assert "*.dxf" in config["tool"]["setuptools"]["package-data"]["bianmin.templates"]
    assert list((root / "src" / "bianmin" / "templates").glob("*.dxf")), "the starter plans are missing"
