"""Test setup: headless Qt, and paths every test layer shares."""

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
CORPUS = ROOT.parent / "shared" / "dxf-corpus" / "real"


@pytest.fixture
def root():
    return ROOT
