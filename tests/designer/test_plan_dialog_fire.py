"""The plan-properties dialog shows the fire-code properties of the second edition with their defaults (issue 9)."""

import pytest

pytest.importorskip("PyQt6")

from bianmin.designer.panels.plan_dialog import PlanPropertiesDialog  # noqa: E402
from bianmin.geometry.properties import PlanProperties  # noqa: E402


def test_defaults_shown_and_kept(qtbot):
    dialog = PlanPropertiesDialog(PlanProperties())
    qtbot.addWidget(dialog)
    assert dialog.resistance.currentData() == "2"
    assert dialog.alarm.currentData() is None and "街道中心有" in dialog.alarm.currentText()
    assert dialog.height.value() == 0 and "9" in dialog.height.specialValueText()
    result = dialog.result_properties()
    assert result.fire_resistance == 2 and result.fire_alarm_system is None and result.building_height_m is None


def test_values_set_in_the_dialog_reach_the_plan(qtbot):
    dialog = PlanPropertiesDialog(PlanProperties(kind="community-station"))
    qtbot.addWidget(dialog)
    dialog.resistance.setCurrentIndex(dialog.resistance.findData("3"))
    dialog.alarm.setCurrentIndex(dialog.alarm.findData(True))
    dialog.height.setValue(31.5)
    result = dialog.result_properties()
    assert result.fire_resistance == 3 and result.alarm_system and result.high_rise
    again = PlanPropertiesDialog(result)
    qtbot.addWidget(again)
    assert again.resistance.currentData() == "3" and again.alarm.currentData() is True
    assert again.height.value() == pytest.approx(31.5)


def test_hall_setting_and_crowded_in_the_dialog(qtbot):
    """Issue 22: the hall's building context is set in the plan dialog; 'default' keeps the property unset."""
    dialog = PlanPropertiesDialog(PlanProperties())
    qtbot.addWidget(dialog)
    assert dialog.setting.currentData() is None and dialog.crowded.currentData() is None
    result = dialog.result_properties()
    assert result.hall_setting is None and result.crowded is None
    dialog.setting.setCurrentIndex(dialog.setting.findData("room"))
    dialog.crowded.setCurrentIndex(dialog.crowded.findData(False))
    result = dialog.result_properties()
    assert result.hall_setting == "room" and result.crowded is False and result.setting == "room"
    again = PlanPropertiesDialog(result)
    qtbot.addWidget(again)
    assert again.setting.currentData() == "room" and again.crowded.currentData() is False


def test_centre_area_corridor_smoke_and_hydrant_in_the_dialog(qtbot):
    dialog = PlanPropertiesDialog(PlanProperties())
    qtbot.addWidget(dialog)
    unset = dialog.result_properties()
    assert unset.centre_area_m2 is None and unset.corridor_to_exit_m is None and unset.smoke_exhaust is None
    assert unset.hydrant_one_jet is None
    dialog.centre_area.setValue(260)
    dialog.corridor.setValue(0)  # the doors open outside: a real answer, not 'not set'
    dialog.smoke.setCurrentIndex(dialog.smoke.findData("natural"))
    dialog.smoke_area.setValue(6)
    dialog.one_jet.setChecked(True)
    result = dialog.result_properties()
    assert (result.centre_area_m2, result.corridor_to_exit_m, result.smoke_exhaust) == (260, 0, "natural")
    assert result.smoke_openings_m2 == 6 and result.hydrant_one_jet is True
