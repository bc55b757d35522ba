"""One table of drawing units and one guess (geometry/units.py) for the reader, recognition and the
designer. Regression (issue 25, item 9): a hall 2,500 units across in a drawing without units was
guessed 毫米 by the reader's finding (wider than 1000 units) and 厘米 by the designer's offer."""

import pytest

from bianmin.designer import units as designer_units
from bianmin.geometry import units
from bianmin.geometry.dxf.units import guessed_units
from bianmin.geometry.recognize import units as recognize_units


@pytest.mark.parametrize("extent", [5, 40, 250, 600, 2500, 3999, 4000, 35_000, 399_000, 800_000])
def test_reader_and_designer_guess_alike(extent):
    offered = designer_units.guess_factor(extent)
    factor, issue = guessed_units(extent, True)
    if offered is not None:
        assert factor == offered
        assert units.name_of(offered)[0] in issue.message


def test_a_hall_2500_units_across_is_centimetres_in_the_finding():
    factor, issue = guessed_units(2500, True)
    assert factor == 10.0
    assert "厘米" in issue.message and "centimetres" in issue.message_en


def test_one_table_behind_every_name():
    for table_mm, (code, zh, en) in designer_units.UNITS.items():
        assert (units.BY_CODE[code].mm, units.BY_CODE[code].zh, units.BY_CODE[code].en) == (table_mm, zh, en)
    for code, mm in recognize_units.FACTORS.items():
        assert units.BY_CODE[code].mm == mm
        assert recognize_units.NAMES[mm] == (units.BY_CODE[code].zh, units.BY_CODE[code].en)
