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
